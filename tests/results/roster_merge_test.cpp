// results/roster_merge: re-import keeps ids (matching by MIS id, else by name and
// class), archives leavers, refuses ambiguity with a list of conflicts; and the
// new academic year moves everyone up.
#include "results/roster_merge.hpp"
#include "results/uuid.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace sq;

namespace {

const std::string kKey = "a-roster-key-that-is-long-enough";
const std::string kToday = "2026-11-23";

ImportResult mis(const std::string& text) {
  MisCsvOptions o;
  o.fileName = "pupils.csv";
  ImportResult r = importMisCsv(text, o);
  REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : formatImportError(r.errors[0])));
  return r;
}

MergePlan apply(const Roster& existing, const std::string& text) {
  return planReimport(existing, mis(text), kKey, kToday);
}

const Pupil* find(const Roster& r, std::string_view firstName) {
  const auto it = std::find_if(r.pupils.begin(), r.pupils.end(),
                               [&](const Pupil& p) { return p.firstName == firstName; });
  return it == r.pupils.end() ? nullptr : &*it;
}

std::string classOf(const Roster& r, const Pupil* p) {
  REQUIRE(p != nullptr);
  const SchoolClass* c = r.findClass(p->classId);
  return c == nullptr ? "" : c->name;
}

bool hasConflict(const MergePlan& plan, int line, std::string_view fragment) {
  for (const ImportError& e : plan.conflicts) {
    if (e.line == line && e.message.find(fragment) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string conflictsOf(const MergePlan& plan) {
  std::string out;
  for (const ImportError& e : plan.conflicts) {
    out += formatImportError(e) + "\n";
  }
  return out;
}

const char* kFirst = "Adno,Forename,Surname,Class,Year\n"
                     "1,Amy,Jones,3B,3\n"
                     "2,Ben,King,3B,3\n"
                     "3,Cal,Lee,4A,4\n";

} // namespace

TEST_CASE("merge: a first import adds everyone with new random ids and keyed MIS ids") {
  Roster empty;
  empty.settings.schoolName = "Oak Primary";
  const MergePlan plan = apply(empty, kFirst);
  INFO(conflictsOf(plan));
  REQUIRE(plan.ok());
  CHECK(plan.summary.added == 3);
  CHECK(plan.summary.updated == 0);
  CHECK(plan.summary.archived == 0);
  CHECK(plan.summary.classesAdded == 2);
  REQUIRE(plan.roster.pupils.size() == 3);
  REQUIRE(plan.roster.classes.size() == 2);
  CHECK(plan.roster.settings.schoolName == "Oak Primary");
  std::set<std::string> ids;
  for (const Pupil& p : plan.roster.pupils) {
    CHECK(isUuid(p.id));
    ids.insert(p.id);
    CHECK(p.archivedOn.empty());
    CHECK(p.misKey.size() == 32);
  }
  CHECK(ids.size() == 3);
  const Pupil* amy = find(plan.roster, "Amy");
  REQUIRE(amy != nullptr);
  CHECK(amy->misKey == misKeyFor("1", kKey));
  CHECK(amy->initial == "J");
  CHECK(amy->yearGroup == YearGroup::Y3);
  CHECK(classOf(plan.roster, amy) == "3B");
  CHECK(classOf(plan.roster, find(plan.roster, "Cal")) == "4A");
}

TEST_CASE("merge: re-importing the same file changes nothing") {
  const Roster first = apply(Roster{}, kFirst).roster;
  const MergePlan again = apply(first, kFirst);
  REQUIRE(again.ok());
  CHECK(again.summary.unchanged == 3);
  CHECK(again.summary.added + again.summary.updated + again.summary.archived == 0);
  CHECK(again.summary.classesAdded == 0);
  REQUIRE(again.roster.pupils.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(again.roster.pupils[i].id == first.pupils[i].id);
    CHECK(again.roster.pupils[i].classId == first.pupils[i].classId);
  }
}

TEST_CASE("merge: matched by MIS id, pupils keep their ids through name and class changes") {
  const Roster first = apply(Roster{}, kFirst).roster;
  const MergePlan plan = apply(first, "Adno,Forename,Surname,Class,Year\n"
                                      "1,Amelia,Jones-Smith,4A,4\n" // new name, class and year
                                      "2,Ben,King,3B,3\n"
                                      "4,Dan,Moss,5C,5\n"); // new; Cal (3) has left
  INFO(conflictsOf(plan));
  REQUIRE(plan.ok());
  CHECK(plan.summary.added == 1);
  CHECK(plan.summary.updated == 1);
  CHECK(plan.summary.unchanged == 1);
  CHECK(plan.summary.archived == 1);
  CHECK(plan.summary.classesAdded == 1);
  const Pupil* amelia = find(plan.roster, "Amelia");
  REQUIRE(amelia != nullptr);
  CHECK(amelia->id == find(first, "Amy")->id);
  CHECK(amelia->yearGroup == YearGroup::Y4);
  CHECK(classOf(plan.roster, amelia) == "4A");
  CHECK(amelia->classId == find(first, "Cal")->classId); // 4A kept its id
  const Pupil* cal = find(plan.roster, "Cal");
  REQUIRE(cal != nullptr);
  CHECK(cal->archivedOn == kToday); // archived, not deleted
  CHECK(cal->id == find(first, "Cal")->id);
  CHECK(plan.roster.pupils.size() == 4);
}

TEST_CASE("merge: without MIS ids, pupils are matched by first name, initial and class") {
  const char* noIds = "Forename,Surname,Class,Year\nAmy,Jones,3B,3\nBen,King,3B,3\n";
  const Roster first = apply(Roster{}, noIds).roster;
  CHECK(first.pupils[0].misKey.empty());
  const MergePlan plan =
      apply(first, "Forename,Surname,Class,Year\namy,JONES,3b,4\nBen,Knight,3B,3\n");
  INFO(conflictsOf(plan));
  REQUIRE(plan.ok());
  // Amy: same name, initial and class (any case) -> the same pupil, now in Y4.
  CHECK(plan.summary.updated == 1);
  // Ben K(night) is Ben K(ing) as far as SafeQuest can tell: the initial is the same.
  CHECK(plan.summary.unchanged == 1);
  CHECK(plan.summary.added == 0);
  CHECK(find(plan.roster, "amy")->id == find(first, "Amy")->id);
  CHECK(find(plan.roster, "amy")->yearGroup == YearGroup::Y4);
  CHECK(plan.roster.classes.size() == 1);
  CHECK(plan.roster.classes[0].name == "3b"); // the file's spelling wins
}

TEST_CASE("merge: Zoë typed precomposed, decomposed or in capitals is one pupil") {
  const std::string precomposed = "Zo\xC3\xAB"; // ë as U+00EB
  const std::string decomposed = "Zoe\xCC\x88"; // e + U+0308
  const std::string header = "Forename,Surname,Class,Year\n";
  // (Not apply(): a std::string argument would bring std::apply into the lookup.)
  const auto reimport = [](const Roster& r, const std::string& text) {
    return planReimport(r, mis(text), kKey, kToday);
  };
  const Roster first = reimport(Roster{}, header + precomposed + ",Jones,3B,3\n").roster;
  REQUIRE(first.pupils.size() == 1);

  const MergePlan again = reimport(first, header + decomposed + ",Jones,3B,3\n");
  INFO(conflictsOf(again));
  REQUIRE(again.ok());
  CHECK(again.summary.unchanged == 1); // the same bytes once composed
  CHECK(again.summary.added == 0);
  CHECK(again.roster.pupils[0].id == first.pupils[0].id);

  const std::vector<std::string> spellings = {"ZO\xC3\x8B", "zo\xC3\xAB"}; // ZOË, zoë
  for (const std::string& spelling : spellings) {
    CAPTURE(spelling);
    const MergePlan plan = reimport(first, header + spelling + ",JONES,3b,3\n");
    INFO(conflictsOf(plan));
    REQUIRE(plan.ok());
    CHECK(plan.summary.added == 0);
    CHECK(plan.summary.archived == 0);
    REQUIRE(plan.roster.pupils.size() == 1);
    CHECK(plan.roster.pupils[0].id == first.pupils[0].id);
  }

  // A class list saved before names were composed still matches.
  Roster older = first;
  older.pupils[0].firstName = decomposed;
  const MergePlan fromOlder = reimport(older, header + precomposed + ",Jones,3B,3\n");
  REQUIRE(fromOlder.ok());
  CHECK(fromOlder.summary.added == 0);
  CHECK(fromOlder.roster.pupils.size() == 1);
  CHECK(fromOlder.roster.pupils[0].id == first.pupils[0].id);
}

TEST_CASE("merge: a moved class without MIS ids is a leaver plus a new pupil") {
  const Roster first = apply(Roster{}, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\n").roster;
  const MergePlan plan = apply(first, "Forename,Surname,Class,Year\nAmy,Jones,4A,4\n");
  REQUIRE(plan.ok());
  CHECK(plan.summary.added == 1);
  CHECK(plan.summary.archived == 1);
}

TEST_CASE("merge: MIS ids arriving later attach to pupils imported without them") {
  const Roster first = apply(Roster{}, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\n").roster;
  const MergePlan plan = apply(first, "UPN,Forename,Surname,Class,Year\nA1,Amy,Jones,3B,3\n");
  REQUIRE(plan.ok());
  CHECK(plan.summary.updated == 1);
  CHECK(plan.roster.pupils[0].id == first.pupils[0].id);
  CHECK(plan.roster.pupils[0].misKey == misKeyFor("A1", kKey));
  // ...and a file without ids afterwards still matches by name, keeping the key.
  const MergePlan later = apply(plan.roster, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\n");
  REQUIRE(later.ok());
  CHECK(later.summary.unchanged == 1);
  CHECK(later.roster.pupils[0].misKey == misKeyFor("A1", kKey));
}

TEST_CASE("merge: a different MIS id with the same name is a different child") {
  const Roster first =
      apply(Roster{}, "Adno,Forename,Surname,Class,Year\n1,Amy,Jones,3B,3\n").roster;
  const MergePlan plan = apply(first, "Adno,Forename,Surname,Class,Year\n2,Amy,Jones,3B,3\n");
  REQUIRE(plan.ok());
  CHECK(plan.summary.added == 1);
  CHECK(plan.summary.archived == 1);
  CHECK(plan.roster.pupils[0].archivedOn == kToday);
  CHECK(plan.roster.pupils[1].id != plan.roster.pupils[0].id);
}

TEST_CASE("merge: a returning pupil is found by MIS id and put back on roll") {
  const Roster first = apply(Roster{}, kFirst).roster;
  const Roster gone = apply(first, "Adno,Forename,Surname,Class,Year\n1,Amy,Jones,3B,3\n").roster;
  CHECK(find(gone, "Ben")->archivedOn == kToday);
  const MergePlan back = apply(gone, kFirst);
  REQUIRE(back.ok());
  CHECK(back.summary.updated == 2); // Ben and Cal return
  CHECK(back.summary.added == 0);
  CHECK(find(back.roster, "Ben")->archivedOn.empty());
  CHECK(find(back.roster, "Ben")->id == find(first, "Ben")->id);
}

TEST_CASE("merge: archived pupils are not matched by name") {
  const Roster first = apply(Roster{}, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\n").roster;
  const Roster gone = apply(first, "Forename,Surname,Class,Year\nBen,King,3B,3\n").roster;
  const MergePlan plan = apply(gone, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\n");
  REQUIRE(plan.ok());
  CHECK(plan.summary.added == 1);
  CHECK(plan.roster.pupils.size() == 3);
  // An already archived pupil keeps the date they left.
  Roster older = gone;
  older.pupils[0].archivedOn = "2025-07-20";
  const MergePlan again =
      planReimport(older, mis("Forename,Surname,Class,Year\nBen,King,3B,3\n"), kKey, kToday);
  REQUIRE(again.ok());
  CHECK(again.roster.pupils[0].archivedOn == "2025-07-20");
  CHECK(again.summary.archived == 0);
}

TEST_CASE("merge conflict: two rows without ids that only a name tells apart") {
  const MergePlan plan = apply(Roster{}, "Forename,Surname,Class,Year\n"
                                         "Olivia,Smith,3B,3\nJack,Brown,3B,3\nolivia,Shaw,3B,3\n");
  CHECK_FALSE(plan.ok());
  CHECK(hasConflict(plan, 4, "is also on line 2"));
  CHECK(plan.roster.pupils.empty()); // nothing changes
  // With MIS ids they are told apart.
  const MergePlan ok = apply(Roster{}, "Adno,Forename,Surname,Class,Year\n"
                                       "1,Olivia,Smith,3B,3\n2,Olivia,Shaw,3B,3\n");
  CHECK(ok.ok());
  CHECK(ok.summary.added == 2);
}

TEST_CASE("merge conflict: one MIS id on two rows") {
  const MergePlan plan = apply(Roster{}, "Adno,Forename,Surname,Class,Year\n"
                                         "7,Amy,Jones,3B,3\n8,Ben,King,3B,3\n 7 ,Cal,Lee,3B,3\n");
  CHECK(hasConflict(plan, 4, "same MIS id (admission number) as line 2"));
}

TEST_CASE("merge conflict: one row matching two existing pupils") {
  // Two existing pupils with the same name in one class (imported with ids), and a
  // file without ids: which is which cannot be known.
  const Roster first = apply(Roster{}, "Adno,Forename,Surname,Class,Year\n"
                                       "1,Olivia,Smith,3B,3\n2,Olivia,Shaw,3B,3\n")
                           .roster;
  const MergePlan plan = apply(first, "Forename,Surname,Class,Year\nOlivia,Smith,3B,3\n");
  CHECK_FALSE(plan.ok());
  CHECK(hasConflict(plan, 2, "matches 2 pupils already on the class list"));
  CHECK(plan.roster.pupils.size() == 2);
  CHECK(plan.roster.pupils[0].archivedOn.empty());
}

TEST_CASE("merge conflict: two rows matching one existing pupil") {
  const Roster first = apply(Roster{}, "Forename,Surname,Class,Year\nOlivia,Smith,3B,3\n").roster;
  // Both rows carry ids the class list has never seen, so both fall back to the
  // name, and both find the same id-less Olivia S.
  const MergePlan plan = apply(first, "Adno,Forename,Surname,Class,Year\n"
                                      "1,Olivia,Smith,3B,3\n2,Olivia,Shaw,3B,3\n");
  INFO(conflictsOf(plan));
  CHECK(hasConflict(plan, 3, "lines 2 and 3 all match the same pupil"));
}

TEST_CASE("merge conflict: two existing classes with one name") {
  Roster r;
  r.classes = {{newUuid(), "3B"}, {newUuid(), "3b"}};
  const MergePlan plan = apply(r, "Forename,Surname,Class,Year\nAmy,Jones,3B,3\nBen,K,3B,3\n");
  CHECK(hasConflict(plan, 2, "already has 2 classes called \"3B\""));
  CHECK(plan.conflicts.size() == 1);
}

TEST_CASE("merge: a refused import passes its errors on and changes nothing") {
  const Roster first = apply(Roster{}, kFirst).roster;
  const ImportResult bad = importMisCsv("Forename,Surname,Class,Year\nAmy,,3B,3\n");
  const MergePlan plan = planReimport(first, bad, kKey, kToday);
  CHECK_FALSE(plan.ok());
  REQUIRE(plan.errors.size() == 1);
  CHECK(plan.errors[0].line == 2);
  CHECK(plan.conflicts.empty());
  CHECK(plan.roster.pupils.size() == first.pupils.size());
  CHECK(plan.roster.pupils[0].archivedOn.empty());
}

TEST_CASE("merge: staff from OneRoster replace the list, keeping ids by name") {
  Roster r;
  r.staff = {{"staff-1", "Jane Patel"}, {"staff-2", "Old Teacher"}};
  ImportResult in;
  in.hasStaff = true;
  in.staff = {"jane  patel", "New Teacher"};
  in.classes = {"1A"};
  in.pupils = {ImportedPupil{2, "users.csv", "Amy", "J", "1A", YearGroup::Y1, "s1"}};
  const MergePlan plan = planReimport(r, in, kKey, kToday);
  REQUIRE(plan.ok());
  REQUIRE(plan.roster.staff.size() == 2);
  CHECK(plan.roster.staff[0].id == "staff-1");
  CHECK(plan.roster.staff[0].name == "jane  patel");
  CHECK(isUuid(plan.roster.staff[1].id));
  CHECK(plan.summary.staffAdded == 1);
  CHECK(plan.summary.staffRemoved == 1);
  // An MIS pupil export says nothing about staff, so leaves them alone.
  const MergePlan misPlan = apply(r, kFirst);
  CHECK(misPlan.roster.staff.size() == 2);
}

TEST_CASE("merge: a pupil whose class the import did not list still gets one") {
  ImportResult in;
  in.pupils = {ImportedPupil{2, "x.csv", "Amy", "J", "1A", YearGroup::Y1, ""}};
  const MergePlan plan = planReimport(Roster{}, in, kKey, kToday);
  REQUIRE(plan.ok());
  CHECK(classOf(plan.roster, &plan.roster.pupils[0]) == "1A");
}

TEST_CASE("merge: OneRoster re-import matches by sourcedId") {
  OneRosterFiles f;
  f.users = "sourcedId,role,givenName,familyName,grades\ns1,student,Amy,Jones,02\n";
  f.classes = "sourcedId,title\nc1,2A\n";
  f.enrollments = "classSourcedId,userSourcedId,role\nc1,s1,student\n";
  const Roster first = planReimport(Roster{}, importOneRoster(f), kKey, kToday).roster;
  f.users = "sourcedId,role,givenName,familyName,grades\ns1,student,Amelia,Jones,03\n";
  f.classes = "sourcedId,title\nc1,3A\n";
  const MergePlan plan = planReimport(first, importOneRoster(f), kKey, kToday);
  REQUIRE(plan.ok());
  CHECK(plan.summary.updated == 1);
  CHECK(plan.roster.pupils[0].id == first.pupils[0].id);
  CHECK(plan.roster.pupils[0].misKey == misKeyFor("s1", kKey));
}

TEST_CASE("promote: everyone on roll moves up; Year 6 leave") {
  Roster r = apply(Roster{}, "Forename,Surname,Class,Year\n"
                             "Rae,A,R1,R\nOne,B,1A,1\nFive,C,5A,5\nSix,D,6A,6\nOld,E,6A,6\n")
                 .roster;
  for (Pupil& p : r.pupils) {
    if (p.firstName == "Old") {
      p.archivedOn = "2025-07-20";
    }
  }
  PromoteSummary s;
  const Roster next = promoteYear(r, "2026-09-01", &s);
  CHECK(s.promoted == 3);
  CHECK(s.left == 1);
  CHECK(find(next, "Rae")->yearGroup == YearGroup::Y1);
  CHECK(find(next, "One")->yearGroup == YearGroup::Y2);
  CHECK(find(next, "Five")->yearGroup == YearGroup::Y6);
  CHECK(find(next, "Six")->yearGroup == YearGroup::Y6);
  CHECK(find(next, "Six")->archivedOn == "2026-09-01");
  CHECK(find(next, "Old")->archivedOn == "2025-07-20");
  CHECK(find(next, "Old")->yearGroup == YearGroup::Y6);
  CHECK(next.pupils.size() == r.pupils.size());
  CHECK(next.classes.size() == r.classes.size());
  for (std::size_t i = 0; i < r.pupils.size(); ++i) {
    CHECK(next.pupils[i].id == r.pupils[i].id);
    CHECK(next.pupils[i].classId == r.pupils[i].classId);
  }
  // Pure: the input is untouched, and no summary is needed.
  CHECK(find(r, "Six")->archivedOn.empty());
  CHECK(promoteYear(r, "2026-09-01").pupils.size() == r.pupils.size());
}
