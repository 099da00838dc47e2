// The bad-content corpus: every tests/fixtures/bad/*.pack is a small pack with one
// fault and the exact diagnostics (code, file, JSON pointer) it must produce. Each
// is loaded twice, from memory and from a real folder, and must give:
//   - every expected diagnostic;
//   - no error that is not expected (so each fixture's expectations are complete);
//   - a refused pack when an expected code is an error, a valid one otherwise.
// tests/fixtures/good/*.pack must load with exactly their expected diagnostics.
// Together the fixtures use every code in diagnostic_codes.hpp but the few listed
// in kNotFromBundles, which are tested here by other means.
#include "content/pack_loader.hpp"
#include "core/diagnostics.hpp"
#include "support/pack_bundle.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sq::test::Bundle;
using sq::test::BundleExpectation;

namespace {

// Every fixture, by file name. Listed, not globbed, so each is its own CTest test;
// "fixtures: every file is listed" catches a file added without a line here.
#define SQ_BAD_FIXTURES(X)                                                                         \
  X("assembly-narration-bad-path")                                                                 \
  X("assembly-narration-is-png")                                                                   \
  X("assembly-narration-missing")                                                                  \
  X("assembly-narration-on-slide-explanation")                                                     \
  X("assembly-narration-unknown-language")                                                         \
  X("assembly-thumbs-narration-is-png")                                                            \
  X("assembly-thumbs-narration-missing")                                                           \
  X("assembly-thumbs-narration-on-slide")                                                          \
  X("asset-absolute")                                                                              \
  X("asset-backslash")                                                                             \
  X("asset-dotdot")                                                                                \
  X("asset-dotdot-inside")                                                                         \
  X("asset-drive-letter")                                                                          \
  X("asset-jpeg-huge")                                                                             \
  X("asset-jpeg-no-frame")                                                                         \
  X("asset-jpg-is-png")                                                                            \
  X("asset-missing")                                                                               \
  X("asset-narration-is-png")                                                                      \
  X("asset-ogg-is-wav")                                                                            \
  X("asset-picture-is-folder")                                                                     \
  X("asset-picture-is-ogg")                                                                        \
  X("asset-png-4097")                                                                              \
  X("asset-png-corrupt")                                                                           \
  X("asset-png-huge")                                                                              \
  X("asset-png-is-gif")                                                                            \
  X("asset-png-is-text")                                                                           \
  X("band-aup-no-picture")                                                                         \
  X("band-mixed-pictures")                                                                         \
  X("band-sort-order-young")                                                                       \
  X("band-too-many-choices")                                                                       \
  X("butterfly-no-butterflies")                                                                    \
  X("file-id-mismatch")                                                                            \
  X("file-ignored")                                                                                \
  X("file-not-regular")                                                                            \
  X("file-outside-pack")                                                                           \
  X("file-outside-pack-picture")                                                                   \
  X("file-too-large-16mib-plus-1")                                                                 \
  X("file-too-large-200mb")                                                                        \
  X("file-too-large-json")                                                                         \
  X("file-too-large-used-picture")                                                                 \
  X("id-duplicate-across-kinds")                                                                   \
  X("id-duplicate-choices")                                                                        \
  X("id-duplicate-lesson-files")                                                                   \
  X("id-duplicate-nodes")                                                                          \
  X("id-duplicate-steps")                                                                          \
  X("id-duplicate-unit-lesson")                                                                    \
  X("id-duplicate-units")                                                                          \
  X("id-invalid-chars")                                                                            \
  X("id-invalid-leading-dash")                                                                     \
  X("id-invalid-too-long")                                                                         \
  X("json-empty-file")                                                                             \
  X("json-invalid-utf8")                                                                           \
  X("json-string-too-long")                                                                        \
  X("json-too-deep")                                                                               \
  X("json-too-deep-33")                                                                            \
  X("json-too-many-items")                                                                         \
  X("json-trailing-comma")                                                                         \
  X("json-trailing-comma-manifest")                                                                \
  X("lesson-empty")                                                                                \
  X("lesson-unused")                                                                               \
  X("pack-format-version-2")                                                                       \
  X("pack-no-manifest")                                                                            \
  X("pack-too-deep")                                                                               \
  X("pack-too-many-bytes")                                                                         \
  X("pack-too-many-files")                                                                         \
  X("quiz-many-correct")                                                                           \
  X("quiz-no-correct")                                                                             \
  X("quiz-sort-empty-group")                                                                       \
  X("reading-too-hard")                                                                            \
  X("ref-assembly-answer")                                                                         \
  X("ref-aup-step")                                                                                \
  X("ref-scenario-next")                                                                           \
  X("ref-scenario-start")                                                                          \
  X("ref-sort-group")                                                                              \
  X("ref-unit-lesson")                                                                             \
  X("scenario-ending-has-choices")                                                                 \
  X("scenario-no-ending")                                                                          \
  X("scenario-no-safe-choice")                                                                     \
  X("scenario-safe-without-next")                                                                  \
  X("scenario-trap-loop")                                                                          \
  X("scenario-unreachable")                                                                        \
  X("schema-enum-aup-phase")                                                                       \
  X("schema-enum-butterfly")                                                                       \
  X("schema-enum-choice-smart")                                                                    \
  X("schema-enum-quiz-type")                                                                       \
  X("schema-enum-step-kind")                                                                       \
  X("schema-enum-tags")                                                                            \
  X("schema-enum-year-group")                                                                      \
  X("schema-format-language")                                                                      \
  X("schema-format-version")                                                                       \
  X("schema-range-authors")                                                                        \
  X("schema-range-choices")                                                                        \
  X("schema-range-options")                                                                        \
  X("schema-required")                                                                             \
  X("schema-required-choice")                                                                      \
  X("schema-type-boolean")                                                                         \
  X("schema-type-root")                                                                            \
  X("schema-type-text")                                                                            \
  X("schema-unknown-field")                                                                        \
  X("text-empty")                                                                                  \
  X("text-empty-language")                                                                         \
  X("text-missing-language")                                                                       \
  X("text-plain-in-bilingual")                                                                     \
  X("text-unknown-language")                                                                       \
  X("unit-band-mismatch")                                                                          \
  X("unit-duplicate-year")                                                                         \
  X("unit-no-required")

#define SQ_GOOD_FIXTURES(X)                                                                        \
  X("bilingual")                                                                                   \
  X("full")                                                                                        \
  X("limits-edge")                                                                                 \
  X("limits-edge-files")                                                                           \
  X("many-nodes")                                                                                  \
  X("minimal")

#define SQ_LIST_ENTRY(name) name,
const std::vector<std::string> kBadFixtures = {SQ_BAD_FIXTURES(SQ_LIST_ENTRY)};
const std::vector<std::string> kGoodFixtures = {SQ_GOOD_FIXTURES(SQ_LIST_ENTRY)};
#undef SQ_LIST_ENTRY

// Codes no bundle can produce, and where each is tested instead.
const std::map<std::string, std::string> kNotFromBundles = {
    {"pack.not-found", "a bundle always makes a folder; see 'loader: missing and non-folder root'"},
    {"pack.not-directory", "likewise; see 'loader: missing and non-folder root' and the CLI test"},
    {"file.unreadable", "needs a failing read; see 'loader: a file that cannot be read'"},
    {"config.system-folder", "the machine configuration's; see tests/settings/data_folder_test"},
};

fs::path fixturePath(std::string_view group, std::string_view name) {
  return fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / std::string(group) /
         (std::string(name) + ".pack");
}

const sq::CodeInfo* findCode(std::string_view id) {
  for (const sq::CodeInfo& info : sq::allCodes()) {
    if (info.id == id) {
      return &info;
    }
  }
  return nullptr;
}

std::string where(std::string_view code, std::string_view file, std::string_view pointer) {
  std::string s(code);
  s += ' ';
  s += sq::test::orDash(file);
  s += ' ';
  s += sq::test::orDash(pointer);
  return s;
}

bool matches(const BundleExpectation& e, const sq::Diagnostic& d) {
  return e.code == sq::codeId(d.code) && e.file == d.file && e.pointer == d.pointer;
}

std::string listDiagnostics(const std::vector<sq::Diagnostic>& diags) {
  std::string out;
  for (const sq::Diagnostic& d : diags) {
    out += "    " + sq::formatDiagnostic(d) + "\n";
  }
  return out.empty() ? "    (none)\n" : out;
}

// Compares one load with the bundle's expectations. `exact`: warnings must be
// expected too (good fixtures); otherwise an unexpected warning is allowed.
void checkLoad(const Bundle& bundle, const sq::LoadResult& r, std::string_view how, bool exact) {
  std::vector<std::string> problems;
  bool expectError = false;
  for (const BundleExpectation& e : bundle.expectations) {
    const sq::CodeInfo* info = findCode(e.code);
    if (info == nullptr) {
      problems.push_back("line " + std::to_string(e.line) + ": unknown code " + e.code);
      continue;
    }
    expectError = expectError || info->severity == sq::Severity::Error;
    const bool found = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                   [&](const sq::Diagnostic& d) { return matches(e, d); });
    if (!found) {
      problems.push_back("missing:    " + where(e.code, e.file, e.pointer));
    }
  }
  int errors = 0;
  for (const sq::Diagnostic& d : r.diagnostics) {
    const bool isError = d.severity == sq::Severity::Error;
    errors += isError ? 1 : 0;
    if (!isError && !exact) {
      continue;
    }
    const bool expected = std::any_of(bundle.expectations.begin(), bundle.expectations.end(),
                                      [&](const BundleExpectation& e) { return matches(e, d); });
    if (!expected) {
      problems.push_back("unexpected: " + where(sq::codeId(d.code), d.file, d.pointer));
    }
  }
  if (errors != r.errors || static_cast<int>(r.diagnostics.size()) - errors != r.warnings) {
    problems.push_back("errors/warnings counts disagree with the diagnostics");
  }
  if (expectError && (r.valid() || r.pack.has_value())) {
    problems.push_back("the pack was accepted, but an error is expected");
  }
  if (!expectError && !r.valid()) {
    problems.push_back("the pack was refused, but only warnings are expected");
  }
  if (!problems.empty()) {
    std::string report = std::string(how) + ":\n";
    for (const auto& p : problems) {
      report += "  " + p + "\n";
    }
    report += "  actual diagnostics:\n" + listDiagnostics(r.diagnostics);
    FAIL_CHECK(report);
  }
}

void runFixture(std::string_view group, std::string_view name) {
  const fs::path file = fixturePath(group, name);
  INFO("fixture: " << file.string());
  const sq::test::BundleParse parsed = sq::test::loadBundleFile(file);
  for (const auto& error : parsed.errors) {
    FAIL_CHECK("bundle: " << error);
  }
  REQUIRE(parsed.ok());
  const Bundle& bundle = parsed.bundle;
  const bool good = group == "good";
  if (!good) {
    REQUIRE_MESSAGE(!bundle.expectations.empty(), "a bad fixture needs '# expect:' lines");
  }

  if (!bundle.diskOnly()) {
    const sq::MemoryPackSource memory = sq::test::toMemorySource(bundle);
    checkLoad(bundle, sq::loadPack(memory), "MemoryPackSource", good);
  }
  const sq::test::DiskPack disk(bundle, name);
  REQUIRE_MESSAGE(!disk.error(), disk.error().value_or(""));
  checkLoad(bundle, sq::loadPack(sq::DiskPackSource(disk.packDir().string())), "DiskPackSource",
            good);
}

std::vector<std::string> packFilesIn(std::string_view group) {
  std::vector<std::string> names;
  const fs::path dir = fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / std::string(group);
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".pack") {
      names.push_back(it->path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Wraps a source and fails every read of one path, as a disk error would.
class FailingReadSource final : public sq::PackSource {
public:
  FailingReadSource(const sq::PackSource& inner, std::string failing)
      : mInner(inner), mFailing(std::move(failing)) {}
  std::string name() const override { return mInner.name(); }
  sq::Inventory inventory(const sq::InventoryLimits& limits) const override {
    return mInner.inventory(limits);
  }
  std::optional<std::string> read(std::string_view path, std::uint64_t maxBytes) const override {
    if (path == mFailing) {
      return std::nullopt;
    }
    return mInner.read(path, maxBytes);
  }

private:
  const sq::PackSource& mInner;
  std::string mFailing;
};

bool hasDiagnostic(const sq::LoadResult& r, sq::Code code, std::string_view file,
                   std::string_view pointer) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const sq::Diagnostic& d) {
    return d.code == code && d.file == file && d.pointer == pointer;
  });
}

} // namespace

#define SQ_BAD_CASE(name)                                                                          \
  TEST_CASE("bad fixture: " name) {                                                                \
    runFixture("bad", name);                                                                       \
  }
#define SQ_GOOD_CASE(name)                                                                         \
  TEST_CASE("good fixture: " name) {                                                               \
    runFixture("good", name);                                                                      \
  }
SQ_BAD_FIXTURES(SQ_BAD_CASE)
SQ_GOOD_FIXTURES(SQ_GOOD_CASE)
#undef SQ_BAD_CASE
#undef SQ_GOOD_CASE

TEST_CASE("fixtures: every file is listed and there are at least 45 bad ones") {
  CHECK(packFilesIn("bad") == kBadFixtures);
  CHECK(packFilesIn("good") == kGoodFixtures);
  CHECK(kBadFixtures.size() >= 45);
}

TEST_CASE("fixtures: together they use every diagnostic code") {
  std::set<std::string> used;
  for (const auto& [group, names] : {std::pair{"bad", &kBadFixtures}, {"good", &kGoodFixtures}}) {
    for (const auto& name : *names) {
      const auto parsed = sq::test::loadBundleFile(fixturePath(group, name));
      for (const BundleExpectation& e : parsed.bundle.expectations) {
        INFO(name << " line " << e.line);
        CHECK_MESSAGE(findCode(e.code) != nullptr, "unknown code " << e.code);
        used.insert(e.code);
      }
    }
  }
  for (const sq::CodeInfo& info : sq::allCodes()) {
    const std::string id(info.id);
    if (id.rfind("csv.", 0) == 0) {
      continue; // class-list codes: tests/results/csv_fixtures_test.cpp covers them
    }
    if (kNotFromBundles.count(id) != 0) {
      CHECK_MESSAGE(used.count(id) == 0, id << " is listed as impossible in a bundle, yet used");
    } else {
      CHECK_MESSAGE(used.count(id) != 0, "no fixture expects " << id);
    }
  }
  for (const auto& entry : kNotFromBundles) {
    CHECK_MESSAGE(findCode(entry.first) != nullptr,
                  entry.first << " (" << entry.second << ") is not in the table");
  }
}

TEST_CASE("loader: missing and non-folder root") {
  const sq::test::ScratchDir scratch("root");
  const sq::LoadResult missing = sq::loadPack((scratch.path() / "nothing-here").string());
  CHECK(hasDiagnostic(missing, sq::Code::PackNotFound, "", ""));
  CHECK_FALSE(missing.valid());

  const fs::path file = scratch.path() / "pack.json";
  std::ofstream(file) << "{}\n";
  const sq::LoadResult notDir = sq::loadPack(file.string());
  CHECK(hasDiagnostic(notDir, sq::Code::PackNotDirectory, "", ""));
  CHECK_FALSE(notDir.valid());
}

TEST_CASE("loader: a file that cannot be read") {
  const auto parsed = sq::test::loadBundleFile(fixturePath("good", "minimal"));
  REQUIRE(parsed.ok());
  const sq::MemoryPackSource memory = sq::test::toMemorySource(parsed.bundle);
  for (const char* path : {"lessons/l1.json", "pack.json", "assets/pic.png"}) {
    INFO("path: " << std::string(path));
    const FailingReadSource source(memory, path);
    const sq::LoadResult r = sq::loadPack(source);
    CHECK_FALSE(r.valid());
    const bool asset = std::string_view(path) == "assets/pic.png";
    CHECK(hasDiagnostic(r, sq::Code::FileUnreadable, asset ? "lessons/l1.json" : path,
                        asset ? "/steps/0/slides/0/picture/src" : ""));
    if (!asset) {
      CHECK_MESSAGE(r.errors == 1, listDiagnostics(r.diagnostics));
    }
  }
}

// Bad fixtures may raise warnings they do not list, so the sets that must not warn
// (every choice pictured, none pictured, a mixed set in Year 3) are checked here.
TEST_CASE("band.mixed-pictures: only the mixed Reception/KS1 sets warn") {
  const auto parsed = sq::test::loadBundleFile(fixturePath("bad", "band-mixed-pictures"));
  REQUIRE(parsed.ok());
  const sq::LoadResult r = sq::loadPack(sq::test::toMemorySource(parsed.bundle));
  std::vector<std::string> found;
  std::vector<std::string> messages;
  for (const sq::Diagnostic& d : r.diagnostics) {
    if (d.code == sq::Code::BandMixedPictures) {
      found.push_back(d.file + " " + d.pointer);
      messages.push_back(d.message);
      CHECK(d.severity == sq::Severity::Warning);
    }
  }
  CHECK(found == std::vector<std::string>{"lessons/l1.json /steps/0/nodes/0/choices",
                                          "lessons/l1.json /steps/1/items/0/options"});
  // The message says how many of the set have a picture, so the author finds them.
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].rfind("1 of these 2 choices have a picture", 0) == 0);
  CHECK(messages[1].rfind("1 of these 3 choices have a picture", 0) == 0);
}

// ---- the bundle format itself ---------------------------------------------------

TEST_CASE("bundle: files, hex, links, big files, folders and expectations") {
  const auto parsed = sq::test::parseBundle("# a comment\n"
                                            "# expect: asset.missing lessons/a.json /steps/0\n"
                                            "# expect: pack.no-manifest - -\n"
                                            "\n"
                                            "=== file pack.json\n"
                                            "{\n"
                                            "}\n"
                                            "=== file assets/a.png hex\n"
                                            "# signature\n"
                                            "89 50 4E 47  0d0a\n"
                                            "=== link lessons/x.json\n"
                                            "=== big assets/big.bin 209715200\n"
                                            "=== dir empty/folder\n"
                                            "=== file last.txt\n"
                                            "no newline");
  for (const auto& e : parsed.errors) {
    FAIL_CHECK(e);
  }
  const Bundle& b = parsed.bundle;
  REQUIRE(b.expectations.size() == 2);
  CHECK(b.expectations[0].code == "asset.missing");
  CHECK(b.expectations[0].file == "lessons/a.json");
  CHECK(b.expectations[0].pointer == "/steps/0");
  CHECK(b.expectations[1].file.empty());
  CHECK(b.expectations[1].pointer.empty());
  REQUIRE(b.entries.size() == 6);
  CHECK(b.entries[0].bytes == "{\n}\n");
  CHECK(b.entries[1].bytes == std::string("\x89PNG\r\n", 6));
  CHECK(b.entries[2].kind == sq::test::BundleEntryKind::Link);
  CHECK(b.entries[3].size == 209715200u);
  CHECK(b.entries[4].kind == sq::test::BundleEntryKind::Dir);
  CHECK(b.entries[5].bytes == "no newline");
  CHECK(b.diskOnly());

  const sq::test::DiskPack disk(b, "bundle-format");
  REQUIRE_MESSAGE(!disk.error(), disk.error().value_or(""));
  CHECK(fs::file_size(disk.packDir() / "assets/big.bin") == 209715200u);
  CHECK(fs::is_symlink(disk.packDir() / "lessons/x.json"));
  CHECK(fs::is_directory(disk.packDir() / "empty/folder"));
}

TEST_CASE("bundle: malformed input is reported, never thrown") {
  const char* bad[] = {
      "stray text before any header\n",
      "# expect: only-a-code\n",
      "=== file ../escape.json\n{}\n",
      "=== file /abs.json\n{}\n",
      "=== file a\\b.json\n{}\n",
      "=== file a//b.json\n{}\n",
      "=== file x.png hex\nzz\n",
      "=== file x.png hex\nabc\n",
      "=== big x.bin\n",
      "=== big x.bin 99999999999999999999\n",
      "=== sock x\n",
      "=== file a.json\n=== file a.json\n",
      "=== dir d\nbody\n",
  };
  for (const char* text : bad) {
    INFO("bundle: " << std::string(text));
    CHECK_FALSE(sq::test::parseBundle(text).ok());
  }
  sq::test::BundleLimits small;
  small.maxEntries = 3;
  CHECK_FALSE(sq::test::parseBundle("=== dir a\n=== dir b\n=== dir c\n=== dir d\n", small).ok());
}
