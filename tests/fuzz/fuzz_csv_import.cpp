// libFuzzer target: bytes -> importMisCsv, and the same bytes split at 0x1E (the
// ASCII record separator) into users/classes/enrollments -> importOneRoster; each
// accepted import is then merged into a small existing class list and promoted.
// The importers promise never to throw, abort or misbehave whatever the bytes;
// ASan and UBSan catch memory errors and undefined behaviour, and the checks below
// catch results that break the importers' own contract:
//   - ok() exactly when there are no errors, and a refused import returns nothing;
//   - every error has a message, a line >= 0, and only valid UTF-8;
//   - every imported name is valid UTF-8 and non-empty, an initial is one code
//     point, and every pupil's class is among the classes returned;
//   - a merge keeps every existing pupil (archived, never deleted) and their ids.
// Run: build/asan/fuzz_csv_import -max_len=65536 CORPUS_DIR
#include "core/utf8.hpp"
#include "results/roster_import.hpp"
#include "results/roster_merge.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_csv_import: %s\n", what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  %s\n", detail.c_str());
  }
  std::abort();
}

void checkName(const std::string& s, const char* what) {
  if (s.empty() || !sq::isValidUtf8(s)) {
    broken(what, s);
  }
}

void checkResult(const sq::ImportResult& r) {
  if (r.ok() != r.errors.empty()) {
    broken("ok() disagrees with the errors");
  }
  for (const sq::ImportError& e : r.errors) {
    if (e.message.empty() || e.line < 0) {
      broken("an error has no message or a negative line", sq::formatImportError(e));
    }
    if (!sq::isValidUtf8(e.message) || !sq::isValidUtf8(e.file)) {
      broken("an error is not valid UTF-8", sq::formatImportError(e));
    }
  }
  if (!r.ok()) {
    if (!r.pupils.empty() || !r.classes.empty() || !r.staff.empty()) {
      broken("a refused import returned pupils, classes or staff");
    }
    return;
  }
  if (r.pupils.empty()) {
    broken("an accepted import has no pupils");
  }
  for (const sq::ImportedPupil& p : r.pupils) {
    checkName(p.firstName, "a first name is empty or not UTF-8");
    checkName(p.className, "a class name is empty or not UTF-8");
    checkName(p.initial, "an initial is empty or not UTF-8");
    if (sq::utf8Length(p.initial) != 1) {
      broken("an initial is not one code point", p.initial);
    }
    if (std::find(r.classes.begin(), r.classes.end(), p.className) == r.classes.end()) {
      broken("a pupil's class is not in the class list", p.className);
    }
  }
  for (const std::string& s : r.staff) {
    checkName(s, "a staff name is empty or not UTF-8");
  }
}

const sq::Roster& existingRoster() {
  static const sq::Roster roster = [] {
    sq::Roster r;
    r.classes = {{"class-3b", "3B"}, {"class-oak", "Oak"}};
    r.pupils = {
        sq::Pupil{"p1", "Amy", "J", "class-3b", sq::YearGroup::Y3, sq::misKeyFor("1", "k"), ""},
        sq::Pupil{"p2", "Ben", "K", "class-3b", sq::YearGroup::Y3, "", ""},
        sq::Pupil{"p3", "Zoë", "S", "class-oak", sq::YearGroup::Y6, "", "2025-07-20"},
    };
    r.staff = {{"s1", "Jane Patel"}};
    return r;
  }();
  return roster;
}

void checkMerge(const sq::ImportResult& r) {
  // Every new pupil costs a random id from the operating system; big imports would
  // slow the fuzzer to a crawl without reaching any code small ones do not.
  constexpr std::size_t kMaxPupilsToMerge = 64;
  if (!r.ok() || r.pupils.size() > kMaxPupilsToMerge) {
    return;
  }
  const sq::Roster& existing = existingRoster();
  const sq::MergePlan plan = sq::planReimport(existing, r, "k", "2026-11-23");
  if (!plan.ok()) {
    if (plan.roster.pupils.size() != existing.pupils.size()) {
      broken("a refused merge changed the class list");
    }
    return;
  }
  if (plan.roster.pupils.size() < existing.pupils.size()) {
    broken("a merge deleted a pupil");
  }
  for (std::size_t i = 0; i < existing.pupils.size(); ++i) {
    if (plan.roster.pupils[i].id != existing.pupils[i].id) {
      broken("a merge changed a pupil's id");
    }
  }
  const sq::MergeSummary& s = plan.summary;
  if (s.added + s.updated + s.unchanged != static_cast<int>(r.pupils.size())) {
    broken("the merge summary does not count the rows");
  }
  for (const sq::Pupil& p : plan.roster.pupils) {
    if (plan.roster.findClass(p.classId) == nullptr) {
      broken("a merged pupil's class is missing", p.firstName);
    }
  }
  sq::PromoteSummary ps;
  const sq::Roster promoted = sq::promoteYear(plan.roster, "2027-09-01", &ps);
  if (promoted.pupils.size() != plan.roster.pupils.size()) {
    broken("promotion changed the number of pupils");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const sq::ImportResult mis = sq::importMisCsv(bytes);
  checkResult(mis);
  checkMerge(mis);

  sq::OneRosterFiles files;
  std::string* parts[] = {&files.users, &files.classes, &files.enrollments};
  std::size_t start = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const std::size_t end = i < 2 ? bytes.find('\x1E', start) : std::string_view::npos;
    if (start <= bytes.size()) {
      parts[i]->assign(bytes.substr(start, end == std::string_view::npos ? end : end - start));
    }
    start = end == std::string_view::npos ? bytes.size() + 1 : end + 1;
  }
  const sq::ImportResult oneRoster = sq::importOneRoster(files);
  checkResult(oneRoster);
  checkMerge(oneRoster);
  return 0;
}
