// `safequest-cli validate`, run as a real subprocess on materialised fixture packs:
// exit status, the one-line-per-diagnostic text output and the --json report, as
// content/README.md documents them.
#include "core/diagnostics.hpp"
#include "core/utf8.hpp"
#include "support/pack_bundle.hpp"

#include "support/run_program.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Run = sq::test::ProgramRun;

// Runs the CLI with `args`; stderr goes to a file in `scratch`.
Run runCli(const std::vector<std::string>& args, const fs::path& scratch) {
  return sq::test::runProgram(SQ_CLI_PATH, args, scratch);
}

fs::path fixturePath(std::string_view group, std::string_view name) {
  return fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / std::string(group) /
         (std::string(name) + ".pack");
}

sq::test::Bundle loadFixture(std::string_view group, std::string_view name) {
  auto parsed = sq::test::loadBundleFile(fixturePath(group, name));
  REQUIRE_MESSAGE(parsed.ok(), name << ": " << (parsed.errors.empty() ? "" : parsed.errors[0]));
  return std::move(parsed.bundle);
}

// Materialises fixtures as <scratch>/<name>/pack (links point to <scratch>/<name>/outside).
fs::path materialiseIn(const sq::test::Bundle& bundle, const fs::path& scratch,
                       const std::string& name) {
  const fs::path dir = scratch / name / "pack";
  const auto error = sq::test::materialise(bundle, dir, scratch / name / "outside");
  REQUIRE_MESSAGE(!error, name << ": " << error.value_or(""));
  return dir;
}

// "file:/pointer: error code: " as content/README.md shows it; "." is the pack itself.
std::string linePrefix(const sq::test::BundleExpectation& e, std::string_view severity) {
  std::string s = e.file.empty() ? "." : e.file;
  if (!e.pointer.empty()) {
    s += ':' + e.pointer;
  }
  s += ": ";
  s += severity;
  s += ' ' + e.code + ": ";
  return s;
}

std::string_view severityOf(std::string_view code) {
  for (const auto& info : sq::allCodes()) {
    if (info.id == code) {
      return sq::severityName(info.severity);
    }
  }
  return "?";
}

bool hasLineStarting(const Run& run, const std::string& prefix) {
  const auto lines = run.lines();
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
    return line.size() > prefix.size() && line.compare(0, prefix.size(), prefix) == 0;
  });
}

// Every stdout line is one diagnostic, "<file>[:<pointer>]: <error|warning> <code>: <message>",
// in UTF-8 even when the pack's bytes are not.
void checkLineShape(const Run& run) {
  for (const std::string& line : run.lines()) {
    INFO("line: " << line);
    CHECK_MESSAGE(sq::isValidUtf8(line), "the line is not valid UTF-8");
    const std::size_t sev = line.find(": error ") != std::string::npos ? line.find(": error ")
                                                                       : line.find(": warning ");
    REQUIRE(sev != std::string::npos);
    const std::string place = line.substr(0, sev);
    CHECK_FALSE(place.empty());
    const std::size_t colon = place.find(":/");
    if (colon != std::string::npos) {
      CHECK(colon > 0);
    }
    const std::size_t codeStart = line.find(' ', sev + 2) + 1;
    const std::size_t codeEnd = line.find(": ", codeStart);
    REQUIRE(codeEnd != std::string::npos);
    const std::string code = line.substr(codeStart, codeEnd - codeStart);
    CHECK_MESSAGE(severityOf(code) != "?", "unknown code " << code);
    CHECK(line.size() > codeEnd + 2); // a message follows
  }
}

void checkJsonShape(const nlohmann::json& report, const std::vector<std::string>& paths) {
  REQUIRE(report.is_object());
  REQUIRE(report.contains("packs"));
  const auto& packs = report["packs"];
  REQUIRE(packs.is_array());
  REQUIRE(packs.size() == paths.size());
  for (std::size_t i = 0; i < packs.size(); ++i) {
    const auto& p = packs[i];
    INFO("pack " << i << ": " << p.dump().substr(0, 300));
    REQUIRE(p.is_object());
    REQUIRE(p.contains("path"));
    CHECK(p["path"] == paths[i]);
    REQUIRE(p.contains("id"));
    CHECK(p["id"].is_string());
    REQUIRE(p.contains("valid"));
    REQUIRE(p["valid"].is_boolean());
    REQUIRE(p.contains("errors"));
    REQUIRE(p["errors"].is_number_integer());
    REQUIRE(p.contains("warnings"));
    REQUIRE(p["warnings"].is_number_integer());
    REQUIRE(p.contains("diagnostics"));
    REQUIRE(p["diagnostics"].is_array());
    int errors = 0;
    int warnings = 0;
    for (const auto& d : p["diagnostics"]) {
      REQUIRE(d.is_object());
      for (const char* key : {"severity", "code", "file", "pointer", "message"}) {
        REQUIRE_MESSAGE(d.contains(key), key);
        REQUIRE_MESSAGE(d[key].is_string(), key);
      }
      const std::string severity = d["severity"];
      CHECK((severity == "error" || severity == "warning"));
      CHECK(severityOf(d["code"].get<std::string>()) == severity);
      const std::string pointer = d["pointer"];
      CHECK((pointer.empty() || pointer.front() == '/'));
      CHECK_FALSE(d["message"].get<std::string>().empty());
      (severity == "error" ? errors : warnings) += 1;
    }
    CHECK(p["errors"] == errors);
    CHECK(p["warnings"] == warnings);
    CHECK(p["valid"] == (errors == 0));
  }
}

bool jsonHas(const nlohmann::json& pack, const sq::test::BundleExpectation& e) {
  for (const auto& d : pack["diagnostics"]) {
    if (d["code"] == e.code && d["file"] == e.file && d["pointer"] == e.pointer) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("cli: the bundled content/core pack validates with no errors") {
  const fs::path core = fs::path(SQ_SOURCE_DIR) / "content" / "core";
  if (!fs::exists(core / "pack.json")) {
    MESSAGE("content/core/pack.json does not exist yet; nothing to validate");
    return;
  }
  const sq::test::ScratchDir scratch("cli-core");
  const Run run = runCli({"validate", core.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 0);
  checkLineShape(run);
  for (const auto& line : run.lines()) {
    CHECK_MESSAGE(line.find(": error ") == std::string::npos, line);
  }
}

TEST_CASE("cli: a valid pack exits 0 and prints no diagnostics") {
  const sq::test::ScratchDir scratch("cli-good");
  for (const char* name : {"minimal", "full", "bilingual"}) {
    INFO("fixture: " << std::string(name));
    const fs::path dir = materialiseIn(loadFixture("good", name), scratch.path(), name);
    const Run run = runCli({"validate", dir.string()}, scratch.path());
    INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
    CHECK(run.status == 0);
    CHECK(run.out.empty());
  }
}

TEST_CASE("cli: refused packs exit 1 with file:/pointer: error code: message lines") {
  // Each limit and escape the README promises to refuse, plus whole-file problems.
  const char* names[] = {"file-too-large-200mb", "file-outside-pack",
                         "json-too-deep",        "asset-png-huge",
                         "asset-dotdot",         "asset-absolute",
                         "ref-scenario-next",    "json-trailing-comma-manifest",
                         "pack-no-manifest",     "json-invalid-utf8",
                         "scenario-trap-loop"};
  const sq::test::ScratchDir scratch("cli-bad");
  for (const char* name : names) {
    INFO("fixture: " << std::string(name));
    const sq::test::Bundle bundle = loadFixture("bad", name);
    const fs::path dir = materialiseIn(bundle, scratch.path(), name);
    const Run run = runCli({"validate", dir.string()}, scratch.path());
    INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
    CHECK(run.status == 1);
    checkLineShape(run);
    for (const auto& e : bundle.expectations) {
      CHECK_MESSAGE(hasLineStarting(run, linePrefix(e, severityOf(e.code))),
                    "no line starting " << linePrefix(e, severityOf(e.code)));
    }
    CHECK(run.err.find("refused") != std::string::npos);
  }
}

TEST_CASE("cli: the README's example lines") {
  const sq::test::ScratchDir scratch("cli-readme");
  const Run manifest =
      runCli({"validate", materialiseIn(loadFixture("bad", "json-trailing-comma-manifest"),
                                        scratch.path(), "manifest")
                              .string()},
             scratch.path());
  // "pack.json: error json.syntax: line 4, column 3: unexpected '}'"
  CHECK(hasLineStarting(manifest, "pack.json: error json.syntax: line "));
  const Run next = runCli(
      {"validate",
       materialiseIn(loadFixture("bad", "ref-scenario-next"), scratch.path(), "next").string()},
      scratch.path());
  CHECK(hasLineStarting(next, "lessons/l1.json:/steps/0/nodes/0/choices/0/next: error "
                              "ref.unresolved: no node \"wel-done\""));
}

TEST_CASE("cli: a warning alone does not refuse a pack") {
  const sq::test::ScratchDir scratch("cli-warn");
  const fs::path dir = materialiseIn(loadFixture("bad", "lesson-unused"), scratch.path(), "w");
  const Run run = runCli({"validate", dir.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 0);
  CHECK(hasLineStarting(run, "lessons/l2.json: warning lesson.unused: "));
}

TEST_CASE("cli: usage problems and missing paths exit 2") {
  const sq::test::ScratchDir scratch("cli-usage");
  const fs::path good = materialiseIn(loadFixture("good", "minimal"), scratch.path(), "good");
  const fs::path missing = scratch.path() / "no-such-pack";
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"validate"},
      {"validate", "--json"},
      {"validate", "--frobnicate", good.string()},
      {"frobnicate", good.string()},
      {"validate", missing.string()},
      {"validate", "--json", missing.string()},
      {"validate", good.string(), missing.string()},
  };
  for (const auto& args : cases) {
    std::string shown;
    for (const auto& a : args) {
      shown += a + ' ';
    }
    INFO("args: " << shown);
    const Run run = runCli(args, scratch.path());
    INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
    CHECK(run.status == 2);
    CHECK_FALSE(run.err.empty());
  }
}

TEST_CASE("cli: a file instead of a pack folder is refused") {
  const sq::test::ScratchDir scratch("cli-file");
  const fs::path file = scratch.path() / "pack.json";
  std::ofstream(file) << "{}\n";
  const Run run = runCli({"validate", file.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 1);
  CHECK(hasLineStarting(run, ".: error pack.not-directory: "));
}

TEST_CASE("cli: --json for several packs has the documented shape") {
  const sq::test::ScratchDir scratch("cli-json");
  std::vector<std::string> names = {"good/minimal",       "good/full",
                                    "bad/asset-png-huge", "bad/file-outside-pack",
                                    "bad/json-too-deep",  "bad/pack-no-manifest",
                                    "bad/lesson-unused"};
  std::vector<std::string> paths;
  std::vector<sq::test::Bundle> bundles;
  for (const auto& n : names) {
    const std::string group = n.substr(0, n.find('/'));
    const std::string name = n.substr(n.find('/') + 1);
    bundles.push_back(loadFixture(group, name));
    paths.push_back(materialiseIn(bundles.back(), scratch.path(), group + "-" + name).string());
  }
  std::vector<std::string> args = {"validate", "--json"};
  args.insert(args.end(), paths.begin(), paths.end());
  const Run run = runCli(args, scratch.path());
  INFO("stderr:\n" << run.err);
  CHECK(run.status == 1);
  const auto report = nlohmann::json::parse(run.out, nullptr, false);
  REQUIRE_MESSAGE(!report.is_discarded(), "not JSON:\n" << run.out.substr(0, 2000));
  checkJsonShape(report, paths);
  const auto& packs = report["packs"];
  CHECK(packs[0]["id"] == "mini");
  CHECK(packs[0]["valid"] == true);
  CHECK(packs[0]["diagnostics"].empty());
  CHECK(packs[1]["id"] == "y3-sample");
  CHECK(packs[1]["valid"] == true);
  for (std::size_t i = 2; i < packs.size(); ++i) {
    INFO("fixture: " << names[i]);
    for (const auto& e : bundles[i].expectations) {
      CHECK_MESSAGE(jsonHas(packs[i], e),
                    "missing " << e.code << " " << e.file << " " << e.pointer);
    }
  }
  CHECK(packs[2]["valid"] == false);
  CHECK(packs[6]["valid"] == true); // warnings only
}

TEST_CASE("cli: every bad fixture in one call, text and --json agree") {
  const sq::test::ScratchDir scratch("cli-all");
  std::vector<std::string> paths;
  std::vector<sq::test::Bundle> bundles;
  const fs::path dir = fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / "bad";
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pack") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    bundles.push_back(loadFixture("bad", name));
    paths.push_back(materialiseIn(bundles.back(), scratch.path(), name).string());
  }
  std::vector<std::string> args = {"validate", "--json"};
  args.insert(args.end(), paths.begin(), paths.end());
  const Run json = runCli(args, scratch.path());
  args.erase(args.begin() + 1);
  const Run text = runCli(args, scratch.path());
  CHECK(json.status == 1);
  CHECK(text.status == 1);
  checkLineShape(text);
  const auto report = nlohmann::json::parse(json.out, nullptr, false);
  REQUIRE(!report.is_discarded());
  checkJsonShape(report, paths);
  std::size_t diagnostics = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO("fixture: " << names[i]);
    const auto& pack = report["packs"][i];
    diagnostics += pack["diagnostics"].size();
    for (const auto& e : bundles[i].expectations) {
      CHECK_MESSAGE(jsonHas(pack, e), "missing " << e.code << " " << e.file << " " << e.pointer);
    }
  }
  CHECK(text.lines().size() == diagnostics);
}
