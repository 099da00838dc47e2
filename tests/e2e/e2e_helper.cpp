// A helper for the end-to-end test (run_e2e.sh), using only the records store:
//   sq_e2e_helper seed DATA_DIR       writes the test class list (fixed ids, so the
//                                     scripts can name the pupils)
//   sq_e2e_helper check-help DATA_DIR checks that the butterfly recorded help.asked
//                                     with the class and the time, never the pupil
// Exit status 0 when all is well, 1 with a message otherwise.
#include "results/results_store.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace {

const char* kClass4C = "c4c00000-0000-4000-8000-000000000001";

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
  pupil("e2e00000-0000-4000-8000-000000000001", "Lowri", "P", kClass4C, sq::YearGroup::Y3);
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
  if (events.size() != 1) {
    std::fprintf(stderr, "e2e: expected one help.asked, found %zu\n", events.size());
    return 1;
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

} // namespace

int main(int argc, char** argv) {
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
