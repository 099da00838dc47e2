// Writes a small school for the report CLI checks (run_report_checks.cmake):
//   DIR/data     a records store with a class list and events of academic year 2026,
//                including the kinds xAPI leaves out, an archived and an erased pupil;
//   DIR/content  a valid one-lesson pack with a Year 3 unit and a KS2 AUP.
// Prints the number of xAPI statements `report --format xapi --academic-year 2026`
// must produce. Usage: make_report_data DIR
#include "results/results_store.hpp"
#include "results/teacher_key.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;
using namespace sq;

namespace {

const char* kPack = R"({
  "formatVersion": 1, "id": "xapi-test", "title": "Report test pack", "version": "1.0.0",
  "languages": ["en-GB"], "authors": ["SafeQuest tests"], "licence": "CC-BY-4.0",
  "units": [{ "id": "y3", "yearGroup": "y3", "band": "lks2", "title": "Year 3",
              "lessons": [{ "lesson": "l1", "required": true }] }]
})";

const char* kLesson = R"({
  "id": "l1", "title": "Keep it private", "objectives": ["Know what is private."],
  "steps": [
    { "id": "intro", "kind": "slides", "slides": [{ "id": "s1", "text": "Hello" }] },
    { "id": "check", "kind": "quiz", "items": [
      { "id": "q1", "type": "truefalse", "prompt": "Your address is private.", "answer": true,
        "feedback": { "correct": "Yes!", "incorrect": "It is private." } } ] }
  ],
  "reflection": "What will you keep private?",
  "badge": { "title": "Privacy star" }
})";

const char* kAup = R"({
  "id": "ks2-aup", "version": "2026.1", "phase": "ks2", "title": "My online promises",
  "promises": [
    { "id": "password", "text": "I keep my password to myself." },
    { "id": "tell", "text": "I tell a trusted adult if something online worries me." }
  ]
})";

bool writeFile(const fs::path& p, const char* text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_report_data DIR\n";
    return 2;
  }
  const fs::path root = argv[1];
  std::error_code ec;
  fs::remove_all(root, ec);
  if (!writeFile(root / "content/xapi-test/pack.json", kPack) ||
      !writeFile(root / "content/xapi-test/lessons/l1.json", kLesson) ||
      !writeFile(root / "content/xapi-test/aups/ks2-aup.json", kAup)) {
    std::cerr << "make_report_data: cannot write the content pack\n";
    return 2;
  }

  std::string error;
  auto store = ResultsStore::open((root / "data").string(), error);
  if (!store) {
    std::cerr << "make_report_data: " << error << "\n";
    return 2;
  }
  const std::string classA = "c1a00000-0000-4000-8000-00000000000a";
  const std::string classB = "c1b00000-0000-4000-8000-00000000000b";
  const std::string amy = "a0000000-0000-4000-8000-000000000001";
  const std::string ben = "b0000000-0000-4000-8000-000000000002";
  const std::string cat = "c0000000-0000-4000-8000-000000000003";
  const std::string left = "d0000000-0000-4000-8000-000000000004";
  const std::string gone = "e0000000-0000-4000-8000-000000000005";
  Roster roster;
  roster.settings.schoolName = "Report Test Primary";
  roster.classes = {{classA, "3A"}, {classB, "Robins"}};
  roster.staff = {{"f0000000-0000-4000-8000-000000000001", "Mrs Patel"}};
  const auto pupil = [](const std::string& id, const char* name, const std::string& cls,
                        YearGroup y, const char* archivedOn = "") {
    Pupil p;
    p.id = id;
    p.firstName = name;
    p.initial = "T";
    p.classId = cls;
    p.yearGroup = y;
    p.archivedOn = archivedOn;
    return p;
  };
  roster.pupils = {pupil(amy, "Amelia", classA, YearGroup::Y3),
                   pupil(ben, "Benedict", classA, YearGroup::Y3),
                   pupil(cat, "Catrin", classB, YearGroup::Reception),
                   pupil(left, "Leftwich", classA, YearGroup::Y3, "2026-12-01"),
                   pupil(gone, "Gonzalo", classA, YearGroup::Y3)};
  if (!store->saveRoster(roster, error)) {
    std::cerr << "make_report_data: " << error << "\n";
    return 2;
  }

  int expected = 0;
  const auto record = [&](EventKind kind, const std::string& who, const char* activity,
                          const char* time, const char* data, bool exported,
                          std::optional<std::int64_t> score = std::nullopt) {
    EventDraft d;
    d.kind = kind;
    d.pupilId = who;
    d.packId = "xapi-test";
    d.packVersion = "1.0.0";
    d.contentHash = "0123456789abcdef";
    d.activityId = activity;
    d.timeUtc = time;
    d.data = data;
    d.score = score;
    if (score) {
      d.maxScore = 4;
      d.choices = R"(["true"])";
    }
    if (!store->record(d, error)) {
      std::cerr << "make_report_data: " << error << "\n";
      std::exit(2);
    }
    expected += exported ? 1 : 0;
  };
  using K = EventKind;
  record(K::LessonCompleted, amy, "l1", "2026-10-01T10:00:00Z", "", true);
  record(K::ActivityCompleted, amy, "l1", "2026-10-01T09:55:00Z", R"({"step":"check"})", true, 3);
  record(K::AupSigned, amy, "ks2-aup", "2026-09-04T09:00:00Z",
         R"({"aupVersion":"2026.1","phase":"ks2"})", true);
  record(K::AupParentAgreed, amy, "ks2-aup", "2026-09-05T18:00:00Z", R"({"aupVersion":"2026.1"})",
         false);
  record(K::LessonProgress, ben, "l1", "2026-10-02T10:00:00Z", R"({"step":"intro"})", true);
  record(K::ActivityCompleted, ben, "l1", "2026-10-02T10:05:00Z", R"({"step":"check"})", true, 2);
  record(K::LessonCompleted, cat, "l1", "2027-08-31T23:59:59Z", "", true);
  record(K::LessonCompleted, amy, "l1", "2026-08-31T10:00:00Z", "", false);  // last year
  record(K::LessonCompleted, left, "l1", "2026-10-01T10:00:00Z", "", false); // archived
  record(K::LessonCompleted, gone, "l1", "2026-10-01T10:00:00Z", "", false); // erased below
  record(K::HelpAsked, "", "", "2026-10-03T10:00:00Z",
         (R"({"classId":")" + classA + R"("})").c_str(), false);
  record(K::AupClassConfirmed, "", "ks2-aup", "2026-09-04T10:00:00Z",
         (R"({"classId":")" + classA + R"(","staffId":"f0000000-0000-4000-8000-000000000001"})")
             .c_str(),
         false);
  record(K::AssemblyGiven, "", "smart", "2026-10-14T09:00:00Z",
         R"({"date":"2026-10-14","yearGroups":[],"presenter":"Mr Jones"})", false);
  // Signed with a key made for this run: nothing here merges the tombstone elsewhere.
  const auto teacherKey = sq::TeacherSigner::generate();
  if (!teacherKey || !store->erasePupil(gone, *teacherKey, error)) {
    std::cerr << "make_report_data: " << error << "\n";
    return 2;
  }
  std::cout << expected << "\n";
  return 0;
}
