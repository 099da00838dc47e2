// The register grid: its cells agree with computeRegister on every pupil (done
// lessons, the AUP), a lesson begun but not finished is "started", a lesson another
// year group needs is "not needed", the filters, and the pupil and lesson histories.
#include "records_admin/register_grid.hpp"

#include "results/event_payload.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace sq;
using admin::CellState;

namespace {

Text text(std::string s) {
  Text t;
  t.byLang.push_back({"en-GB", std::move(s)});
  return t;
}

Pack pack() {
  Pack p;
  p.id = "core";
  p.version = "1.0.0";
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
  for (const auto& [id, title] : {std::pair<const char*, const char*>{"y3-a", "Keep it private"},
                                  {"y3-b", "Passwords"},
                                  {"y3-extra", "Extra practice"},
                                  {"y4-a", "Is it true?"}}) {
    Lesson l;
    l.id = id;
    l.title = text(title);
    p.lessons.push_back(l);
  }
  Aup a;
  a.id = "ks2-aup";
  a.phase = AupPhase::Ks2;
  a.version = "2026.1";
  p.aups = {a};
  return p;
}

const std::string kAmy = "aaaaaaaa-1111-4111-8111-111111111111";
const std::string kBen = "bbbbbbbb-2222-4222-8222-222222222222";
const std::string kCat = "cccccccc-3333-4333-8333-333333333333";
const std::string kClass = "c0000000-0000-4000-8000-000000000034";

Roster roster() {
  Roster r;
  r.classes = {{kClass, "3/4"}};
  r.pupils = {{kAmy, "Amy", "Z", kClass, YearGroup::Y3, "", ""},
              {kBen, "Ben", "Y", kClass, YearGroup::Y3, "", ""},
              {kCat, "Cat", "X", kClass, YearGroup::Y4, "", ""}};
  return r;
}

int gSeq = 0;

Event event(EventKind kind, const std::string& pupil, const std::string& activity,
            const std::string& time, const std::string& data = "") {
  Event e;
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", ++gSeq);
  e.uuid = buf;
  e.deviceId = "00000000-0000-4000-8000-000000000000";
  e.seq = gSeq;
  e.kind = kind;
  e.pupilId = pupil;
  e.packId = "core";
  e.packVersion = "1.0.0";
  e.activityId = activity;
  e.timeUtc = time;
  e.data = data;
  return e;
}

Event completed(const std::string& pupil, const std::string& lesson, const std::string& time,
                bool wholeClass = false, int score = -1) {
  Event e = event(EventKind::LessonCompleted, pupil, lesson, time,
                  wholeClass ? R"({"wholeClass":true,"classId":")" + kClass + "\"}" : "");
  if (score >= 0) {
    e.score = score;
    e.maxScore = 5;
  }
  return e;
}

const admin::GridRow& rowOf(const admin::RegisterGrid& g, const Register& reg,
                            const std::string& id) {
  const auto it = std::find_if(g.rows.begin(), g.rows.end(), [&](const admin::GridRow& r) {
    return reg.pupils[r.pupil].id == id;
  });
  REQUIRE(it != g.rows.end());
  return *it;
}

std::size_t column(const admin::RegisterGrid& g, const std::string& lesson) {
  for (std::size_t i = 0; i < g.columns.size(); ++i) {
    if (g.columns[i].lessonId == lesson && !g.columns[i].isAup) {
      return i;
    }
  }
  FAIL("no column " << lesson);
  return 0;
}

} // namespace

TEST_CASE("register grid: columns are the class's required lessons, then the AUP") {
  const Pack p = pack();
  const Register reg = computeRegister({}, roster(), {&p}, 2026, {});
  const admin::RegisterGrid g = admin::buildRegisterGrid(reg, {}, {&p}, kClass);
  CHECK(g.className == "3/4");
  REQUIRE(g.columns.size() == 4); // y3-a, y3-b, y4-a, AUP; the optional lesson is not a column
  CHECK(g.columns[0].title == "Keep it private");
  CHECK(g.columns[2].lessonId == "y4-a");
  CHECK(g.columns[3].isAup);
  CHECK(g.rows.size() == 3);
  // Cat (Year 4) does not need the Year 3 lessons, and the Year 3s not hers.
  CHECK(rowOf(g, reg, kCat).cells[0].state == CellState::NotNeeded);
  CHECK(rowOf(g, reg, kAmy).cells[2].state == CellState::NotNeeded);
  CHECK(rowOf(g, reg, kAmy).cells[0].state == CellState::NotStarted);
}

TEST_CASE("register grid: done, started and the AUP, with when, where and the first-try score") {
  const Pack p = pack();
  const std::vector<Event> events = {
      completed(kAmy, "y3-a", "2026-10-01T10:00:00Z", true, 4),
      completed(kAmy, "y3-a", "2026-11-01T10:00:00Z"), // again: the first one counts
      event(EventKind::LessonProgress, kBen, "y3-b", "2026-10-02T10:00:00Z",
            R"({"step":"story","snapshot":{}})"),
      event(EventKind::AupSigned, kCat, "ks2-aup", "2026-09-20T09:00:00Z",
            R"({"aupVersion":"2026.1","phase":"ks2"})"),
      // Last academic year: neither done nor started this year.
      completed(kBen, "y3-a", "2026-08-31T10:00:00Z"),
  };
  const Register reg = computeRegister(events, roster(), {&p}, 2026, {});
  const admin::RegisterGrid g = admin::buildRegisterGrid(reg, events, {&p}, kClass);
  const admin::GridCell& amyA = rowOf(g, reg, kAmy).cells[column(g, "y3-a")];
  CHECK(amyA.state == CellState::Done);
  CHECK(amyA.whenUtc == "2026-10-01T10:00:00Z");
  CHECK(amyA.wholeClass);
  CHECK(amyA.score == 4);
  CHECK(rowOf(g, reg, kBen).cells[column(g, "y3-b")].state == CellState::Started);
  CHECK(rowOf(g, reg, kBen).cells[column(g, "y3-a")].state == CellState::NotStarted);
  CHECK(rowOf(g, reg, kCat).cells.back().state == CellState::Done);
  CHECK(rowOf(g, reg, kCat).cells.back().whenUtc == "2026-09-20T09:00:00Z");
  CHECK(rowOf(g, reg, kAmy).cells.back().state == CellState::NotStarted);
  CHECK(admin::cellWord(CellState::Started) == "Started");
  CHECK(admin::cellSymbol(CellState::Done) != admin::cellSymbol(CellState::NotStarted));
}

TEST_CASE("register grid: on random records its cells agree with computeRegister") {
  const Pack p = pack();
  const std::vector<std::string> lessons = {"y3-a", "y3-b", "y3-extra", "y4-a"};
  const std::vector<std::string> pupils = {kAmy, kBen, kCat};
  std::mt19937 rng(20261206);
  for (int round = 0; round < 200; ++round) {
    std::vector<Event> events;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      const std::string& who = pupils[rng() % pupils.size()];
      const std::string& what = lessons[rng() % lessons.size()];
      const std::string when = (rng() % 4 == 0) ? "2026-07-01T10:00:00Z" : "2027-03-01T10:00:00Z";
      switch (rng() % 3) {
      case 0:
        events.push_back(completed(who, what, when));
        break;
      case 1:
        events.push_back(event(EventKind::LessonProgress, who, what, when));
        break;
      default:
        events.push_back(event(EventKind::AupSigned, who, "ks2-aup", when,
                               R"({"aupVersion":"2026.1","phase":"ks2"})"));
      }
    }
    const Register reg = computeRegister(events, roster(), {&p}, 2026, {});
    const admin::RegisterGrid g = admin::buildRegisterGrid(reg, events, {&p}, kClass);
    REQUIRE(g.rows.size() == reg.pupils.size());
    for (const admin::GridRow& row : g.rows) {
      const PupilStatus& ps = reg.pupils[row.pupil];
      int done = 0;
      int needed = 0;
      for (std::size_t c = 0; c + 1 < g.columns.size(); ++c) {
        done += row.cells[c].state == CellState::Done ? 1 : 0;
        needed += row.cells[c].state != CellState::NotNeeded ? 1 : 0;
      }
      CHECK(done == ps.requiredDone);
      CHECK(needed == ps.requiredTotal);
      CHECK((row.cells.back().state == CellState::Done) == ps.aupSigned);
    }
  }
}

TEST_CASE("register grid: filters for not finished, AUP not signed and year group") {
  const Pack p = pack();
  const std::vector<Event> events = {
      completed(kCat, "y4-a", "2026-10-01T10:00:00Z"),
      event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-09-20T09:00:00Z",
            R"({"aupVersion":"2026.1","phase":"ks2"})"),
  };
  const Register reg = computeRegister(events, roster(), {&p}, 2026, {});
  admin::GridFilter f;
  f.notFinished = true;
  auto g = admin::buildRegisterGrid(reg, events, {&p}, kClass, f);
  CHECK(g.rows.size() == 2); // Amy and Ben; Cat finished her unit
  f = {};
  f.aupNotSigned = true;
  g = admin::buildRegisterGrid(reg, events, {&p}, kClass, f);
  CHECK(g.rows.size() == 2); // Ben and Cat
  f = {};
  f.yearGroup = YearGroup::Y4;
  g = admin::buildRegisterGrid(reg, events, {&p}, kClass, f);
  REQUIRE(g.rows.size() == 1);
  CHECK(reg.pupils[g.rows[0].pupil].id == kCat);
}

TEST_CASE("register grid: a pupil's history and a lesson's history") {
  const Pack p = pack();
  const std::vector<Event> events = {
      completed(kAmy, "y3-a", "2026-10-01T10:00:00Z", true, 4),
      completed(kBen, "y3-a", "2026-10-03T10:00:00Z", false, 5),
      event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-09-20T09:00:00Z",
            R"({"aupVersion":"2026.1","phase":"ks2"})"),
  };
  const Register reg = computeRegister(events, roster(), {&p}, 2026, {});
  const auto amy = admin::pupilHistory(reg, events, {&p}, kAmy);
  REQUIRE(amy.size() == 2);
  CHECK(amy[0].what == "Completed Keep it private (in class), 4 of 5 first time");
  CHECK(amy[1].what == "Signed the AUP (version 2026.1)");
  const auto lesson = admin::lessonHistory(reg, events, "core", "y3-a", true);
  REQUIRE(lesson.size() == 2);
  CHECK(lesson[0].what == "Ben Y, on their own, 5 of 5 first time"); // newest first
  CHECK(lesson[1].what == "Amy Z, in class, 4 of 5 first time");
  // Without names, pseudonyms.
  const auto anon = admin::lessonHistory(reg, events, "core", "y3-a", false);
  CHECK(anon[0].what.find("Ben") == std::string::npos);
}

TEST_CASE("register grid: a lesson finished in the game scores its quiz steps' first tries") {
  const Pack p = pack();
  // The game records each quiz step with its score and the lesson with none. Amy took
  // the quiz twice before finishing: her first try counts. Ben's step after his
  // completion (a replay) does not.
  const auto step = [](const std::string& pupil, const std::string& stepId, const std::string& time,
                       int score, int max) {
    Event e = event(EventKind::ActivityCompleted, pupil, "y3-a", time,
                    R"({"lesson":"y3-a","stepKind":"quiz","step":")" + stepId + "\"}");
    e.score = score;
    e.maxScore = max;
    return e;
  };
  const std::vector<Event> events = {
      step(kAmy, "quiz-1", "2026-10-01T10:00:00Z", 2, 4),
      step(kAmy, "quiz-1", "2026-10-01T10:05:00Z", 4, 4),
      step(kAmy, "quiz-2", "2026-10-01T10:06:00Z", 1, 1),
      completed(kAmy, "y3-a", "2026-10-01T10:07:00Z"),
      step(kBen, "quiz-1", "2026-10-02T10:00:00Z", 3, 4),
      completed(kBen, "y3-a", "2026-10-02T10:01:00Z"),
      step(kBen, "quiz-2", "2026-10-02T11:00:00Z", 0, 1),
      completed(kCat, "y3-a", "2026-10-03T10:00:00Z"), // no scored steps: no score shown
  };
  const Register reg = computeRegister(events, roster(), {&p}, 2026, {});
  const auto lesson = admin::lessonHistory(reg, events, "core", "y3-a", true);
  REQUIRE(lesson.size() >= 2);
  const auto lineOf = [&](const std::string& who) {
    for (const auto& l : lesson) {
      if (l.what.rfind(who, 0) == 0) {
        return l.what;
      }
    }
    return std::string();
  };
  CHECK(lineOf("Amy") == "Amy Z, on their own, 3 of 5 first time");
  CHECK(lineOf("Ben") == "Ben Y, on their own, 3 of 4 first time");
  const std::string cat = lineOf("Cat");
  REQUIRE(!cat.empty());
  CHECK(cat.find("first time") == std::string::npos);
  const auto amy = admin::pupilHistory(reg, events, {&p}, kAmy);
  CHECK(std::any_of(amy.begin(), amy.end(), [](const admin::HistoryLine& l) {
    return l.what == "Completed Keep it private, 3 of 5 first time";
  }));
}

namespace {

const std::string kDan = "dddddddd-4444-4444-8444-444444444444";
const std::string kClassB = "c0000000-0000-4000-8000-00000000003b";

// Two classes: 3/4 (Amy and Ben in Year 3, Cat in Year 4) and 3B (Dan, Year 3), and
// Eve in Year 3 with no class on the list.
Roster twoClasses() {
  Roster r = roster();
  r.classes.push_back({kClassB, "3B"});
  r.pupils.push_back({kDan, "Dan", "W", kClassB, YearGroup::Y3, "", ""});
  r.pupils.push_back(
      {"eeeeeeee-5555-4555-8555-555555555555", "Eve", "V", "", YearGroup::Y3, "", ""});
  return r;
}

} // namespace

TEST_CASE("register grid: a whole year group from every class, each row naming its class") {
  const Pack p = pack();
  const std::vector<Event> events = {
      completed(kDan, "y3-a", "2026-10-01T10:00:00Z", true, 3),
      completed(kAmy, "y3-b", "2026-10-02T10:00:00Z"),
      event(EventKind::LessonProgress, kBen, "y3-a", "2026-10-02T10:00:00Z"),
      completed(kCat, "y4-a", "2026-10-01T10:00:00Z"),
  };
  const Register reg = computeRegister(events, twoClasses(), {&p}, 2026, {});
  CHECK(admin::registerYearGroups(reg) == std::vector<YearGroup>{YearGroup::Y3, YearGroup::Y4});

  const admin::RegisterGrid year = admin::buildYearGrid(reg, events, {&p}, YearGroup::Y3);
  REQUIRE(year.wholeYear);
  CHECK(*year.wholeYear == YearGroup::Y3);
  CHECK(year.classId.empty());
  // Only Year 3's lessons: no "Not needed" column for Cat's Year 4 lesson.
  REQUIRE(year.columns.size() == 3);
  CHECK(year.columns[0].lessonId == "y3-a");
  CHECK(year.columns[1].lessonId == "y3-b");
  CHECK(year.columns[2].isAup);
  // Amy, Ben (3/4), Dan (3B) and Eve (no class); Cat is in Year 4.
  REQUIRE(year.rows.size() == 4);
  std::vector<std::string> classes;
  for (const admin::GridRow& row : year.rows) {
    CHECK(reg.pupils[row.pupil].yearGroup == YearGroup::Y3);
    classes.push_back(row.className);
  }
  CHECK(std::count(classes.begin(), classes.end(), "3/4") == 2);
  CHECK(std::count(classes.begin(), classes.end(), "3B") == 1);
  CHECK(std::count(classes.begin(), classes.end(), "No class") == 1);
  // A class's rows stay together, in the register's order of classes.
  std::vector<std::string> order;
  for (const std::string& c : classes) {
    if (order.empty() || order.back() != c) {
      order.push_back(c);
    }
  }
  CHECK(order.size() == 3);

  // The same cells as each class's own grid.
  for (const std::string& cls : {kClass, kClassB}) {
    const admin::RegisterGrid one = admin::buildRegisterGrid(reg, events, {&p}, cls);
    for (const admin::GridRow& row : one.rows) {
      const PupilStatus& ps = reg.pupils[row.pupil];
      if (ps.yearGroup != YearGroup::Y3) {
        continue;
      }
      const admin::GridRow& inYear = rowOf(year, reg, ps.id);
      CHECK(inYear.className == one.className);
      for (std::size_t c = 0; c < year.columns.size(); ++c) {
        const std::size_t oc =
            year.columns[c].isAup ? one.columns.size() - 1 : column(one, year.columns[c].lessonId);
        CHECK(inYear.cells[c].state == row.cells[oc].state);
        CHECK(inYear.cells[c].whenUtc == row.cells[oc].whenUtc);
        CHECK(inYear.cells[c].score == row.cells[oc].score);
      }
    }
  }
  CHECK(rowOf(year, reg, kDan).cells[0].state == CellState::Done);
  CHECK(rowOf(year, reg, kDan).cells[0].wholeClass);
  CHECK(rowOf(year, reg, kBen).cells[0].state == CellState::Started);

  // Who did a lesson: the whole school, or only the grid's own pupils.
  const auto everyone = admin::lessonHistory(reg, events, "core", "y3-a", true);
  REQUIRE(everyone.size() == 1);
  CHECK(everyone[0].what.rfind("Dan W", 0) == 0);
  const admin::RegisterGrid classA = admin::buildRegisterGrid(reg, events, {&p}, kClass);
  CHECK(classA.members.size() == 3);
  CHECK(admin::lessonHistory(reg, events, "core", "y3-a", true, &classA.members).empty());
  CHECK(admin::lessonHistory(reg, events, "core", "y3-a", true, &year.members).size() == 1);
  CHECK(year.members.size() == 4);

  // Filters work across classes; a year group in the filter changes nothing.
  admin::GridFilter f;
  f.notFinished = true;
  f.yearGroup = YearGroup::Y4;
  const admin::RegisterGrid notFinished = admin::buildYearGrid(reg, events, {&p}, YearGroup::Y3, f);
  CHECK(notFinished.rows.size() == 4); // nobody in Year 3 has both lessons
  const admin::RegisterGrid y4 = admin::buildYearGrid(reg, events, {&p}, YearGroup::Y4, f);
  CHECK(y4.rows.empty()); // Cat finished hers
  // A year nobody is in: no rows, only the AUP column.
  const admin::RegisterGrid y6 = admin::buildYearGrid(reg, events, {&p}, YearGroup::Y6);
  CHECK(y6.rows.empty());
  CHECK(y6.columns.size() == 1);
}

TEST_CASE("register grid: on random records a whole year's cells agree with computeRegister") {
  const Pack p = pack();
  const std::vector<std::string> lessons = {"y3-a", "y3-b", "y3-extra", "y4-a"};
  const std::vector<std::string> pupils = {kAmy, kBen, kCat, kDan};
  std::mt19937 rng(20261207);
  for (int round = 0; round < 200; ++round) {
    std::vector<Event> events;
    const int n = static_cast<int>(rng() % 14);
    for (int i = 0; i < n; ++i) {
      const std::string& who = pupils[rng() % pupils.size()];
      const std::string& what = lessons[rng() % lessons.size()];
      if (rng() % 3 == 0) {
        events.push_back(event(EventKind::AupSigned, who, "ks2-aup", "2027-03-01T10:00:00Z",
                               R"({"aupVersion":"2026.1","phase":"ks2"})"));
      } else {
        events.push_back(completed(who, what, "2027-03-01T10:00:00Z"));
      }
    }
    const Register reg = computeRegister(events, twoClasses(), {&p}, 2026, {});
    for (const YearGroup y : admin::registerYearGroups(reg)) {
      const admin::RegisterGrid g = admin::buildYearGrid(reg, events, {&p}, y);
      // Every pupil of the year, and the year's tally, from the register itself.
      const auto yr = std::find_if(reg.yearGroups.begin(), reg.yearGroups.end(),
                                   [&](const YearGroupRow& r) { return r.yearGroup == y; });
      REQUIRE(yr != reg.yearGroups.end());
      CHECK(g.rows.size() == static_cast<std::size_t>(yr->tally.pupils));
      int complete = 0;
      for (const admin::GridRow& row : g.rows) {
        const PupilStatus& ps = reg.pupils[row.pupil];
        int done = 0;
        for (std::size_t c = 0; c + 1 < g.columns.size(); ++c) {
          done += row.cells[c].state == CellState::Done ? 1 : 0;
        }
        CHECK(done == ps.requiredDone);
        CHECK((row.cells.back().state == CellState::Done) == ps.aupSigned);
        complete += ps.unitComplete ? 1 : 0;
      }
      CHECK(complete == yr->tally.unitComplete);
    }
  }
}
