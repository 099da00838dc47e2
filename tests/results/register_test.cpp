// The register: completion, AUP status, class confirmations and assemblies computed
// from events, with the academic-year boundaries, mixed classes, pack versions,
// erasure and filters. Packs and events are built in memory.
#include "results/register.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

using namespace sq;

namespace {

Text text(std::string s) {
  Text t;
  t.byLang.push_back({"en-GB", std::move(s)});
  return t;
}

Lesson lesson(const std::string& id, const std::string& title) {
  Lesson l;
  l.id = id;
  l.title = text(title);
  return l;
}

Aup aup(const std::string& id, AupPhase phase, const std::string& version) {
  Aup a;
  a.id = id;
  a.phase = phase;
  a.version = version;
  a.title = text("My online promises");
  return a;
}

// Year 3: y3-a and y3-b required, y3-extra optional. Year 4: y4-a required.
// AUPs for KS1 and KS2 (no EYFS AUP, and no Year 1 unit, on purpose).
Pack corePack(const std::string& version = "1.0.0") {
  Pack p;
  p.id = "core";
  p.version = version;
  p.title = text("Core");
  p.languages = {"en-GB"};
  Unit y3;
  y3.id = "y3";
  y3.yearGroup = YearGroup::Y3;
  y3.lessons = {{"y3-a", true}, {"y3-b", true}, {"y3-extra", false}};
  Unit y4;
  y4.id = "y4";
  y4.yearGroup = YearGroup::Y4;
  y4.lessons = {{"y4-a", true}};
  p.units = {y3, y4};
  p.lessons = {lesson("y3-a", "Keep it private"), lesson("y3-b", "Passwords"),
               lesson("y3-extra", "Extra practice"), lesson("y4-a", "Is it true?")};
  p.aups = {aup("ks1-aup", AupPhase::Ks1, "2026.1"), aup("ks2-aup", AupPhase::Ks2, "2026.2")};
  Assembly as;
  as.id = "smart-assembly";
  as.title = text("Be SMART online");
  p.assemblies = {as};
  return p;
}

int gSeq = 0;

std::string uuidFor(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
  return buf;
}

Event event(EventKind kind, const std::string& pupil, const std::string& activity,
            const std::string& time, const std::string& data = "",
            const std::string& packVersion = "1.0.0", const std::string& packId = "core") {
  Event e;
  e.uuid = uuidFor(++gSeq);
  e.deviceId = uuidFor(0);
  e.seq = gSeq;
  e.kind = kind;
  e.pupilId = pupil;
  e.packId = packId;
  e.packVersion = packVersion;
  e.activityId = activity;
  e.timeUtc = time;
  e.data = data;
  return e;
}

Event done(const std::string& pupil, const std::string& lessonId, const std::string& time,
           const std::string& version = "1.0.0") {
  return event(EventKind::LessonCompleted, pupil, lessonId, time, "", version);
}

const std::string kAmy = "aaaaaaaa-1111-4111-8111-111111111111";
const std::string kBen = "bbbbbbbb-2222-4222-8222-222222222222";
const std::string kCat = "cccccccc-3333-4333-8333-333333333333";
const std::string kDan = "dddddddd-4444-4444-8444-444444444444";
const std::string kEve = "eeeeeeee-5555-4555-8555-555555555555";
const std::string kClass34 = "c0000000-0000-4000-8000-000000000034";
const std::string kClass5 = "c0000000-0000-4000-8000-000000000005";

// Class "3/4" mixes Year 3 (Amy, Ben) and Year 4 (Cat); class "Oak" has Dan (Year 1)
// and Eve (Year 2).
Roster roster() {
  Roster r;
  r.settings.schoolName = "Oakfield Primary";
  r.classes = {{kClass34, "3/4"}, {kClass5, "Oak"}};
  auto pupil = [](const std::string& id, const std::string& first, const std::string& cls,
                  YearGroup y) {
    Pupil p;
    p.id = id;
    p.firstName = first;
    p.initial = "Z";
    p.classId = cls;
    p.yearGroup = y;
    return p;
  };
  r.pupils = {
      pupil(kAmy, "Amy", kClass34, YearGroup::Y3), pupil(kBen, "Ben", kClass34, YearGroup::Y3),
      pupil(kCat, "Cat", kClass34, YearGroup::Y4), pupil(kDan, "Dan", kClass5, YearGroup::Y1),
      pupil(kEve, "Eve", kClass5, YearGroup::Y2)};
  r.staff = {{"s1", "Mrs Patel"}};
  return r;
}

const PupilStatus& find(const Register& reg, const std::string& id) {
  auto it = std::find_if(reg.pupils.begin(), reg.pupils.end(),
                         [&](const PupilStatus& p) { return p.id == id; });
  REQUIRE(it != reg.pupils.end());
  return *it;
}

bool has(const Register& reg, const std::string& id) {
  return std::any_of(reg.pupils.begin(), reg.pupils.end(),
                     [&](const PupilStatus& p) { return p.id == id; });
}

Register compute(const std::vector<Event>& events, const Roster& r = roster(),
                 const RegisterFilter& f = {}, int year = 2026) {
  static const Pack pack = corePack();
  return computeRegister(events, r, {&pack}, year, f);
}

} // namespace

TEST_CASE("register: the unit is complete only when every required lesson is done in the year") {
  SUBCASE("both required lessons done") {
    const Register reg = compute(
        {done(kAmy, "y3-a", "2026-09-10T09:00:00Z"), done(kAmy, "y3-b", "2027-02-01T10:30:00Z")});
    const PupilStatus& amy = find(reg, kAmy);
    CHECK(amy.hasUnit);
    CHECK(amy.unitComplete);
    CHECK(amy.requiredDone == 2);
    CHECK(amy.requiredTotal == 2);
    CHECK(amy.lessonsLeft.empty());
    CHECK(amy.unitCompletedOn == "2027-02-01T10:30:00Z");
  }
  SUBCASE("one left: not complete, and the lesson left is named") {
    const Register reg = compute({done(kAmy, "y3-a", "2026-09-10T09:00:00Z")});
    const PupilStatus& amy = find(reg, kAmy);
    CHECK_FALSE(amy.unitComplete);
    CHECK(amy.requiredDone == 1);
    REQUIRE(amy.lessonsLeft.size() == 1);
    CHECK(amy.lessonsLeft[0].lessonId == "y3-b");
    CHECK(amy.lessonsLeft[0].title == "Passwords");
    CHECK(amy.unitCompletedOn.empty());
  }
  SUBCASE("a lesson done on 31 August counts for the year ending then") {
    const std::vector<Event> events = {done(kAmy, "y3-a", "2026-09-01T00:00:00Z"),
                                       done(kAmy, "y3-b", "2027-08-31T23:59:59Z")};
    CHECK(find(compute(events), kAmy).unitComplete);
    CHECK_FALSE(find(compute(events, roster(), {}, 2027), kAmy).unitComplete);
  }
  SUBCASE("a lesson done on 1 September counts for the next year, not the one before") {
    const std::vector<Event> events = {done(kAmy, "y3-a", "2026-08-31T23:59:59Z"),
                                       done(kAmy, "y3-b", "2026-09-01T00:00:00Z")};
    const Register reg2025 = compute(events, roster(), {}, 2025);
    const PupilStatus& in2025 = find(reg2025, kAmy);
    CHECK(in2025.requiredDone == 1);
    CHECK(in2025.lessonsLeft[0].lessonId == "y3-b");
    const Register reg2026 = compute(events, roster(), {}, 2026);
    const PupilStatus& in2026 = find(reg2026, kAmy);
    CHECK(in2026.requiredDone == 1);
    CHECK(in2026.lessonsLeft[0].lessonId == "y3-a");
  }
  SUBCASE("a malformed time never counts") {
    const Register reg =
        compute({done(kAmy, "y3-a", "2026-13-01T00:00:00Z"), done(kAmy, "y3-b", "2026-10-01")});
    CHECK(find(reg, kAmy).requiredDone == 1); // a bare date is a valid time
  }
  SUBCASE("progress and activity events are not completions") {
    const Register reg =
        compute({event(EventKind::LessonProgress, kAmy, "y3-a", "2026-10-01T09:00:00Z"),
                 event(EventKind::ActivityCompleted, kAmy, "y3-b", "2026-10-01T09:00:00Z")});
    CHECK(find(reg, kAmy).requiredDone == 0);
  }
}

TEST_CASE("register: optional lessons neither block nor make completion") {
  const Register withoutOptional = compute(
      {done(kAmy, "y3-a", "2026-09-10T09:00:00Z"), done(kAmy, "y3-b", "2026-09-11T09:00:00Z")});
  CHECK(find(withoutOptional, kAmy).unitComplete);
  const Register onlyOptional = compute(
      {done(kBen, "y3-extra", "2026-09-10T09:00:00Z"), done(kBen, "y3-a", "2026-09-10T09:00:00Z")});
  CHECK_FALSE(find(onlyOptional, kBen).unitComplete);
  CHECK(find(onlyOptional, kBen).requiredDone == 1);
  CHECK(find(onlyOptional, kBen).requiredTotal == 2);
}

TEST_CASE("register: a pupil in a mixed class is held to their own year group's unit") {
  // Cat is in Year 4 in the 3/4 class: the Year 3 lessons do nothing for her.
  const Register reg = compute(
      {done(kCat, "y3-a", "2026-09-10T09:00:00Z"), done(kCat, "y3-b", "2026-09-10T09:00:00Z")});
  const PupilStatus& cat = find(reg, kCat);
  CHECK(cat.yearGroup == YearGroup::Y4);
  CHECK_FALSE(cat.unitComplete);
  REQUIRE(cat.lessonsLeft.size() == 1);
  CHECK(cat.lessonsLeft[0].lessonId == "y4-a");

  const Register reg2 = compute({done(kCat, "y4-a", "2026-09-10T09:00:00Z")});
  CHECK(find(reg2, kCat).unitComplete);
  REQUIRE(reg2.classes.size() == 2);
  CHECK(reg2.classes[0].name == "Oak"); // Years 1-2 come before Years 3-4
  CHECK(reg2.classes[1].name == "3/4");
  CHECK(reg2.classes[1].yearGroups == std::vector<YearGroup>{YearGroup::Y3, YearGroup::Y4});
}

TEST_CASE("register: any version of the pack counts, and the versions used are recorded") {
  const Register reg = compute({done(kAmy, "y3-a", "2026-09-10T09:00:00Z", "1.0.0"),
                                done(kAmy, "y3-b", "2026-11-10T09:00:00Z", "1.1.0"),
                                done(kBen, "y3-a", "2026-09-10T09:00:00Z", "1.1.0")});
  const PupilStatus& amy = find(reg, kAmy);
  CHECK(amy.unitComplete);
  CHECK(amy.packVersions == std::vector<std::string>{"core 1.0.0", "core 1.1.0"});
  CHECK(find(reg, kBen).packVersions == std::vector<std::string>{"core 1.1.0"});
  CHECK(reg.versionsUsed == std::vector<std::string>{"core 1.0.0", "core 1.1.0"});

  SUBCASE("the same lesson id in another pack does not count") {
    const Register other = compute({event(EventKind::LessonCompleted, kAmy, "y3-a",
                                          "2026-09-10T09:00:00Z", "", "1.0.0", "school-pack"),
                                    done(kAmy, "y3-b", "2026-09-10T09:00:00Z")});
    CHECK(find(other, kAmy).requiredDone == 1);
  }
  SUBCASE("the earliest completion in the year is the one recorded") {
    const Register twice = compute({done(kBen, "y3-a", "2026-12-01T09:00:00Z", "1.2.0"),
                                    done(kBen, "y3-a", "2026-10-01T09:00:00Z", "1.0.0")});
    CHECK(find(twice, kBen).packVersions == std::vector<std::string>{"core 1.0.0"});
  }
}

TEST_CASE("register: the newest copy of a pack defines the unit") {
  Pack older = corePack("1.9.0");
  Pack newer = corePack("1.10.0");
  newer.units[0].lessons.push_back({"y3-new", true});
  newer.lessons.push_back(lesson("y3-new", "New lesson"));
  const std::vector<Event> events = {done(kAmy, "y3-a", "2026-09-10T09:00:00Z"),
                                     done(kAmy, "y3-b", "2026-09-10T09:00:00Z")};
  const Register reg = computeRegister(events, roster(), {&newer, &older}, 2026, {});
  CHECK(find(reg, kAmy).requiredTotal == 3);
  CHECK_FALSE(find(reg, kAmy).unitComplete);
  REQUIRE(reg.packs.size() == 1);
  CHECK(reg.packs[0].version == "1.10.0");
}

TEST_CASE("register: the AUP counts only in its current version for the pupil's phase") {
  const std::string ks2Current = R"({"aupVersion":"2026.2","phase":"ks2"})";
  SUBCASE("current version, right phase") {
    const Register reg =
        compute({event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-09-05T09:00:00Z", ks2Current)});
    CHECK(find(reg, kAmy).aupSigned);
    CHECK(find(reg, kAmy).aupVersion == "2026.2");
    CHECK(find(reg, kAmy).aupSignedOn == "2026-09-05T09:00:00Z");
    CHECK(reg.school.aupSigned == 1);
  }
  SUBCASE("an old version is not enough, but is shown") {
    const Register reg =
        compute({event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-09-05T09:00:00Z",
                       R"({"aupVersion":"2026.1","phase":"ks2"})")});
    CHECK_FALSE(find(reg, kAmy).aupSigned);
    CHECK(find(reg, kAmy).aupVersion == "2026.1");
  }
  SUBCASE("another phase's AUP does not count") {
    const Register reg =
        compute({event(EventKind::AupSigned, kAmy, "ks1-aup", "2026-09-05T09:00:00Z",
                       R"({"aupVersion":"2026.1","phase":"ks1"})")});
    CHECK_FALSE(find(reg, kAmy).aupSigned);
    // Dan (Year 1) signing KS1's current version does count.
    const Register dan =
        compute({event(EventKind::AupSigned, kDan, "ks1-aup", "2026-09-05T09:00:00Z",
                       R"({"aupVersion":"2026.1","phase":"ks1"})")});
    CHECK(find(dan, kDan).aupSigned);
    CHECK(find(dan, kDan).phase == AupPhase::Ks1);
  }
  SUBCASE("without a phase in the data, the AUP it names decides") {
    const Register reg = compute({event(EventKind::AupSigned, kAmy, "ks2-aup",
                                        "2026-09-05T09:00:00Z", R"({"aupVersion":"2026.2"})")});
    CHECK(find(reg, kAmy).aupSigned);
  }
  SUBCASE("last year's signature does not count this year") {
    const Register reg =
        compute({event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-08-31T12:00:00Z", ks2Current)});
    CHECK_FALSE(find(reg, kAmy).aupSigned);
  }
  SUBCASE("damaged data is ignored, not fatal") {
    const Register reg =
        compute({event(EventKind::AupSigned, kAmy, "nope", "2026-09-05T09:00:00Z", "{not json")});
    CHECK_FALSE(find(reg, kAmy).aupSigned);
  }
}

TEST_CASE("register: parent or carer agreement is shown beside the AUP") {
  const Register reg =
      compute({event(EventKind::AupParentAgreed, kAmy, "ks2-aup", "2026-09-20T18:00:00Z",
                     R"({"aupVersion":"2026.2"})"),
               event(EventKind::AupParentAgreed, kBen, "ks2-aup", "2026-07-20T18:00:00Z")});
  CHECK(find(reg, kAmy).parentAgreed);
  CHECK(find(reg, kAmy).parentAgreedOn == "2026-09-20T18:00:00Z");
  CHECK_FALSE(find(reg, kAmy).aupSigned);    // agreement alone is not the pupil's signature
  CHECK_FALSE(find(reg, kBen).parentAgreed); // last academic year
  CHECK(reg.school.parentAgreed == 1);
}

TEST_CASE("register: a withdrawn parent agreement no longer counts, until they agree again") {
  const auto agreed = [](const std::string& who, const char* t) {
    return event(EventKind::AupParentAgreed, who, "ks2-aup", t, R"({"aupVersion":"2026.2"})");
  };
  const auto withdrawn = [](const std::string& who, const char* t) {
    return event(EventKind::AupParentWithdrawn, who, "ks2-aup", t, R"({"aupVersion":"2026.2"})");
  };
  const Register reg =
      compute({agreed(kAmy, "2026-09-20T18:00:00Z"), withdrawn(kAmy, "2026-10-01T08:00:00Z"),
               agreed(kBen, "2026-09-20T18:00:00Z"), withdrawn(kBen, "2026-10-01T08:00:00Z"),
               agreed(kBen, "2026-11-02T08:00:00Z"),
               // A withdrawal last year does not undo this year's agreement.
               withdrawn(kCat, "2026-08-01T08:00:00Z"), agreed(kCat, "2026-09-21T18:00:00Z")});
  CHECK_FALSE(find(reg, kAmy).parentAgreed);
  CHECK(find(reg, kAmy).parentAgreedOn.empty());
  CHECK(find(reg, kBen).parentAgreed);
  CHECK(find(reg, kBen).parentAgreedOn == "2026-11-02T08:00:00Z");
  CHECK(find(reg, kCat).parentAgreed);
  CHECK(reg.school.parentAgreed == 2);
}

TEST_CASE("register: archived and erased pupils are left out") {
  Roster r = roster();
  r.pupils[1].archivedOn = "2026-10-01"; // Ben left
  const std::vector<Event> events = {
      done(kBen, "y3-a", "2026-09-10T09:00:00Z"),
      event(EventKind::PupilErased, kCat, "", "2026-10-02T09:00:00Z"),
      done(kCat, "y4-a", "2026-09-10T09:00:00Z")};
  const Register reg = compute(events, r);
  CHECK_FALSE(has(reg, kBen));
  CHECK_FALSE(has(reg, kCat));
  CHECK(has(reg, kAmy));
  CHECK(reg.school.pupils == 3);
}

TEST_CASE("register: class and year filters") {
  SUBCASE("one class") {
    RegisterFilter f;
    f.classId = kClass5;
    const Register reg = compute({}, roster(), f);
    CHECK(reg.pupils.size() == 2);
    CHECK(has(reg, kDan));
    CHECK(has(reg, kEve));
    REQUIRE(reg.classes.size() == 1);
    CHECK(reg.scope == "Class Oak");
  }
  SUBCASE("one year group, across classes") {
    RegisterFilter f;
    f.yearGroup = YearGroup::Y4;
    const Register reg = compute({}, roster(), f);
    REQUIRE(reg.pupils.size() == 1);
    CHECK(reg.pupils[0].id == kCat);
    REQUIRE(reg.yearGroups.size() == 1);
    CHECK(reg.yearGroups[0].yearGroup == YearGroup::Y4);
    CHECK(reg.scope == "Year 4");
  }
  SUBCASE("a class with nobody in the filter still appears when asked for") {
    Roster r = roster();
    r.classes.push_back({"empty", "Willow"});
    RegisterFilter f;
    f.classId = "empty";
    const Register reg = compute({}, r, f);
    CHECK(reg.pupils.empty());
    REQUIRE(reg.classes.size() == 1);
    CHECK(reg.classes[0].name == "Willow");
  }
}

TEST_CASE("register: pupils whose class is not on the class list are grouped last") {
  Roster r = roster();
  r.pupils[0].classId = "removed-class";
  r.pupils[3].classId = "";
  const Register reg = compute({}, r);
  REQUIRE(reg.classes.size() == 3);
  const ClassRow& last = reg.classes.back();
  CHECK(last.classId.empty());
  CHECK(last.name == "Not on the class list");
  CHECK(last.pupils.size() == 2);
  CHECK(reg.pupils[last.pupils[0]].classId.empty());
  CHECK(std::any_of(reg.notes.begin(), reg.notes.end(), [](const std::string& n) {
    return n.find("not in a class") != std::string::npos;
  }));
}

TEST_CASE("register: tallies, percentages and notes") {
  const Register reg = compute({done(kAmy, "y3-a", "2026-09-10T09:00:00Z"),
                                done(kAmy, "y3-b", "2026-09-10T09:00:00Z"),
                                done(kCat, "y4-a", "2026-09-10T09:00:00Z")});
  // Dan (Year 1) and Eve (Year 2) have no unit in this pack: left out of withUnit.
  CHECK(reg.school.pupils == 5);
  CHECK(reg.school.withUnit == 3);
  CHECK(reg.school.unitComplete == 2);
  CHECK(percentOf(reg.school.unitComplete, reg.school.withUnit) == 66); // rounded down
  CHECK(percentOf(199, 200) == 99);
  CHECK(percentOf(1, 0) == 0);
  CHECK(reg.school.withAup == 5); // KS1 and KS2 both have AUPs
  const auto noteAbout = [&](const std::string& what) {
    return std::any_of(reg.notes.begin(), reg.notes.end(),
                       [&](const std::string& n) { return n.find(what) != std::string::npos; });
  };
  CHECK(noteAbout("Year 1"));
  CHECK(noteAbout("Year 2"));
  REQUIRE(reg.yearGroups.size() == 4);
  CHECK(reg.yearGroups[2].yearGroup == YearGroup::Y3);
  CHECK(reg.yearGroups[2].tally.unitComplete == 1);
  CHECK(reg.yearGroups[2].requiredLessons == 2);
  CHECK(reg.firstDay == "2026-09-01");
  CHECK(reg.lastDay == "2027-08-31");
  CHECK(reg.schoolName == "Oakfield Primary");
}

TEST_CASE("register: class AUP confirmation names the teacher and the time") {
  const std::string data = R"({"classId":")" + kClass34 + R"(","staffId":"s1"})";
  const Register reg =
      compute({event(EventKind::AupClassConfirmed, "", "ks2-aup", "2026-09-03T10:00:00Z", data),
               event(EventKind::AupClassConfirmed, "", "ks2-aup", "2026-09-09T10:00:00Z", data),
               event(EventKind::AupClassConfirmed, "", "ks2-aup", "2025-09-03T10:00:00Z",
                     R"({"classId":")" + kClass5 + R"(","staffId":"s1"})")});
  REQUIRE(reg.classes.size() == 2);
  const ClassRow& c34 = reg.classes[1];
  CHECK(c34.name == "3/4");
  CHECK(c34.confirmation.confirmed);
  CHECK(c34.confirmation.staffName == "Mrs Patel");
  CHECK(c34.confirmation.timeUtc == "2026-09-09T10:00:00Z"); // the latest
  CHECK_FALSE(reg.classes[0].confirmation.confirmed);        // Oak's was last year
  CHECK(reg.classesConfirmed == 1);
}

TEST_CASE("register: assemblies given, with their term and year groups") {
  const std::vector<Event> events = {
      event(EventKind::AssemblyGiven, "", "smart-assembly", "2026-10-14T09:00:00Z",
            R"({"date":"2026-10-14","yearGroups":[],"presenter":"Mr Jones"})"),
      // Easter 2027 is 28 March: 24 March is spring, 5 April is summer.
      event(EventKind::AssemblyGiven, "", "smart-assembly", "2027-03-24T09:00:00Z",
            R"({"date":"2027-03-24","yearGroups":["y3","y4"],"presenter":"Mrs Patel"})"),
      event(EventKind::AssemblyGiven, "", "other", "2027-04-05T09:00:00Z",
            R"({"yearGroups":["y1"]})"),
      event(EventKind::AssemblyGiven, "", "smart-assembly", "2026-07-01T09:00:00Z",
            R"({"date":"2026-07-01"})")};
  const Register reg = compute(events);
  REQUIRE(reg.assemblies.size() == 3);
  CHECK(reg.assemblies[0].title == "Be SMART online");
  CHECK(reg.assemblies[0].term == Term::Autumn);
  CHECK(reg.assemblies[0].presenter == "Mr Jones");
  CHECK(reg.assemblies[0].yearGroups.empty());
  CHECK(reg.assemblies[1].term == Term::Spring);
  CHECK(reg.assemblies[2].term == Term::Summer);
  CHECK(reg.assemblies[2].title == "other"); // unknown to the pack: its id
  CHECK(reg.assemblies[2].date == "2027-04-05");

  RegisterFilter y4;
  y4.yearGroup = YearGroup::Y4;
  const Register forY4 = compute(events, roster(), y4);
  CHECK(forY4.assemblies.size() == 2); // whole school and Years 3-4
  REQUIRE(forY4.yearGroups.size() == 1);
  CHECK(forY4.yearGroups[0].assembliesGiven == 2);

  RegisterFilter oak;
  oak.classId = kClass5; // Years 1 and 2
  const Register forOak = compute(events, roster(), oak);
  CHECK(forOak.assemblies.size() == 2); // whole school and Year 1
}

TEST_CASE("register: labels and dates for people") {
  PupilStatus p;
  p.id = "0123abcd-1111-4111-8111-111111111111";
  p.name = "Siân K";
  CHECK(pupilLabel(p, false) == "0123abcd");
  CHECK(pupilLabel(p, true) == "Siân K");
  CHECK(longDate("2026-09-01") == "1 September 2026");
  CHECK(longDate("2027-08-31T23:59:59Z") == "31 August 2027");
  CHECK(longDate("garbage") == "garbage");
  CHECK(aupPhaseOf(YearGroup::Reception) == AupPhase::Eyfs);
  CHECK(aupPhaseOf(YearGroup::Y2) == AupPhase::Ks1);
  CHECK(aupPhaseOf(YearGroup::Y3) == AupPhase::Ks2);
}
