// A helper for the end-to-end test (run_e2e.sh), using only the records store:
//   sq_e2e_helper seed DATA_DIR       writes the test class list (fixed ids, so the
//                                     scripts can name the pupils)
//   sq_e2e_helper check-help DATA_DIR checks that the butterfly recorded help.asked
//                                     with the class and the time, never the pupil
//   sq_e2e_helper order-clicks PACK_DIR PUPIL_ID LESSON_ID STEP_ID ITEM_ID
//                                     prints the script lines that put a "put in
//                                     order" question right: its cards are shuffled
//                                     by the pupil's lesson seed, so the clicks are
//                                     worked out from the same runners the game uses
//   sq_e2e_helper school-share SCHOOL_DIR WORK_DIR
//                                     30 PCs (their stores under WORK_DIR) publish
//                                     25,000 events in all to SCHOOL_DIR/results; the
//                                     first PC also holds Lowri's "SMART explorers",
//                                     completed today
//   sq_e2e_helper count-events DATA_DIR MIN
//                                     checks that the store holds at least MIN events
//   sq_e2e_helper build-snapshot SQL_FILE OUT_FILE
//                                     builds a snapshot from a hostile-snapshot corpus
//                                     file (tests/fixtures/hostile-snapshots)
// Exit status 0 when all is well, 1 with a message otherwise.
#include "content/pack_loader.hpp"
#include "results/class_records.hpp"
#include "results/results_store.hpp"
#include "runtime/lesson_runner.hpp"
#include "support/play_through.hpp"
#include "support/school_share.hpp"
#include "support/sql_database.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace {

const char* kClass4C = "c4c00000-0000-4000-8000-000000000001";
const char* kLowri = "e2e00000-0000-4000-8000-000000000001";

int seed(const std::string& dir) {
  std::string error;
  auto store = sq::ResultsStore::open(dir, error);
  if (!store) {
    std::fprintf(stderr, "e2e: %s\n", error.c_str());
    return 1;
  }
  sq::Roster r;
  r.classes = {{kClass4C, "4C"}, {"c4d00000-0000-4000-8000-000000000002", "Derw"}};
  auto pupil = [&](const char* id, const char* first, const char* initial, const char* cls,
                   sq::YearGroup y) {
    sq::Pupil p;
    p.id = id;
    p.firstName = first;
    p.initial = initial;
    p.classId = cls;
    p.yearGroup = y;
    r.pupils.push_back(p);
  };
  pupil(kLowri, "Lowri", "P", kClass4C, sq::YearGroup::Y3);
  pupil("e2e00000-0000-4000-8000-000000000002", "Dewi", "R", kClass4C, sq::YearGroup::Y4);
  pupil("e2e00000-0000-4000-8000-000000000003", "Ŵyn", "Ô", "c4d00000-0000-4000-8000-000000000002",
        sq::YearGroup::Y1);
  r.settings.safeguardingLead = "Mr Huw Griffiths";
  r.settings.incidentSteps = {"Listen and stay calm.", "Tell the DSL today."};
  if (!store->saveRoster(r, error)) {
    std::fprintf(stderr, "e2e: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

int checkHelp(const std::string& dir) {
  std::string error;
  auto store = sq::ResultsStore::open(dir, error);
  if (!store) {
    std::fprintf(stderr, "e2e: %s\n", error.c_str());
    return 1;
  }
  sq::EventFilter f;
  f.kind = sq::EventKind::HelpAsked;
  const auto events = store->events(f);
  // One press; leaving the calm screen at once may add its quick-close mark.
  const auto presses = sq::helpPresses(events);
  if (presses.size() != 1 || events.empty()) {
    std::fprintf(stderr, "e2e: expected one press of the butterfly, found %zu\n", presses.size());
    return 1;
  }
  for (const sq::Event& m : events) {
    if (!m.pupilId.empty()) {
      std::fprintf(stderr, "e2e: a help.asked names a pupil\n");
      return 1;
    }
  }
  const sq::Event& e = events.front();
  const auto data = nlohmann::json::parse(e.data, nullptr, false);
  if (!e.pupilId.empty() || data.is_discarded() || data.value("classId", "") != kClass4C ||
      e.timeUtc.empty()) {
    std::fprintf(stderr,
                 "e2e: help.asked must hold the class and time only: pupil \"%s\" data %s\n",
                 e.pupilId.c_str(), e.data.c_str());
    return 1;
  }
  return 0;
}

// Plays the lesson the right way up to the order item, then prints, for each place
// from the first, "click item:<where the right card is>" and "click item:<place>"
// (the quiz screen moves a picked card to the place pressed next).
int orderClicks(const std::string& packDir, const std::string& pupil, const std::string& lessonId,
                const std::string& stepId, const std::string& itemId) {
  const sq::LoadResult loaded = sq::loadPack(packDir);
  if (!loaded.valid()) {
    std::fprintf(stderr, "e2e: the pack %s did not load\n", packDir.c_str());
    return 1;
  }
  const sq::Pack& pack = *loaded.pack;
  const sq::Lesson* lesson = pack.findLesson(lessonId);
  if (lesson == nullptr) {
    std::fprintf(stderr, "e2e: no lesson %s\n", lessonId.c_str());
    return 1;
  }
  sq::LessonRunner run(pack, *lesson, sq::Band::Lks2, sq::lessonSeed(pupil, pack.id, lessonId));
  while (run.step() != nullptr && run.step()->id != stepId) {
    if (!sq::test::playStepThrough(run) || !run.advance()) {
      std::fprintf(stderr, "e2e: could not play through to step %s\n", stepId.c_str());
      return 1;
    }
  }
  sq::QuizRunner* quiz = run.runnerAs<sq::QuizRunner>();
  if (quiz == nullptr) {
    std::fprintf(stderr, "e2e: step %s is not a quiz\n", stepId.c_str());
    return 1;
  }
  while (!quiz->isFinished() && quiz->item().id != itemId) {
    if (!sq::test::answerRightly(*quiz) || !quiz->next()) {
      std::fprintf(stderr, "e2e: could not answer up to item %s\n", itemId.c_str());
      return 1;
    }
  }
  if (quiz->isFinished() || quiz->item().type != sq::QuizType::Order) {
    std::fprintf(stderr, "e2e: item %s is not a put-in-order question\n", itemId.c_str());
    return 1;
  }
  for (std::size_t want = 0; want < quiz->item().cards.size(); ++want) {
    const auto& a = quiz->arrangement();
    const auto at = static_cast<std::size_t>(std::find(a.begin(), a.end(), want) - a.begin());
    if (at != want) {
      std::printf("click item:%zu\nclick item:%zu\n", at + 1, want + 1);
      quiz->moveCard(at, want);
    }
  }
  return 0;
}

// A school's worth of other PCs in the school folder, one of them with Lowri's
// finished lesson: a PC new to the school finds it done only after the merge.
int schoolShare(const std::string& school, const std::string& work) {
  sq::test::ShareSpec spec;
  sq::Event done;
  done.pupilId = kLowri;
  done.kind = sq::EventKind::LessonCompleted;
  done.packId = "core";
  done.packVersion = "1.0.0";
  done.activityId = "y3-smart-explorers";
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  done.timeUtc = when;
  spec.alsoOnFirst.push_back(done);
  std::string error;
  if (!sq::test::makeSchoolShare(work, school, spec, error)) {
    std::fprintf(stderr, "e2e: the school folder could not be made: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

int countEvents(const std::string& dir, long wanted) {
  std::string error;
  auto store = sq::ResultsStore::open(dir, error);
  if (!store) {
    std::fprintf(stderr, "e2e: %s\n", error.c_str());
    return 1;
  }
  const auto have = static_cast<long>(store->events().size());
  std::printf("%ld events\n", have);
  if (have < wanted) {
    std::fprintf(stderr, "e2e: expected at least %ld events, found %ld\n", wanted, have);
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc == 7 && std::string(argv[1]) == "order-clicks") {
    return orderClicks(argv[2], argv[3], argv[4], argv[5], argv[6]);
  }
  if (argc == 4 && std::string(argv[1]) == "school-share") {
    return schoolShare(argv[2], argv[3]);
  }
  if (argc == 4 && std::string(argv[1]) == "count-events") {
    return countEvents(argv[2], std::atol(argv[3]));
  }
  if (argc == 4 && std::string(argv[1]) == "build-snapshot") {
    std::string error;
    if (!sq::test::buildDatabase(argv[3], sq::test::readTextFile(argv[2]), error)) {
      std::fprintf(stderr, "e2e: %s: %s\n", argv[2], error.c_str());
      return 1;
    }
    return 0;
  }
  if (argc != 3) {
    std::fprintf(stderr, "usage: sq_e2e_helper seed|check-help DATA_DIR\n");
    return 2;
  }
  const std::string what = argv[1];
  if (what == "seed") {
    return seed(argv[2]);
  }
  if (what == "check-help") {
    return checkHelp(argv[2]);
  }
  return 2;
}
