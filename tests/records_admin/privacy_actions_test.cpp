// The Privacy tab's actions: erasing the pupil the teacher was asked about (records,
// class-list entry and settings file), saving a pupil's data to a file (never over
// another file; a missing folder said plainly), and retention: counted for a number
// of years before it is saved, fixed by IT when the machine configuration says so,
// and applied only with the numbers the teacher agreed to.
#include "records_admin/privacy_actions.hpp"

#include "results/uuid.hpp"
#include "settings/pupil_settings.hpp"
#include "support/read_file.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq;
using sq::test::TempDir;

namespace {

std::unique_ptr<ResultsStore> openStore(const std::string& dir) {
  std::string error;
  auto store = ResultsStore::open(dir, error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

void record(ResultsStore& store, const std::string& pupil, const char* time) {
  EventDraft d;
  d.kind = EventKind::LessonCompleted;
  d.pupilId = pupil;
  d.packId = "core";
  d.activityId = "y3-a";
  d.timeUtc = time;
  std::string error;
  REQUIRE(store.record(d, error));
}

struct School {
  TempDir dir;
  std::unique_ptr<ResultsStore> store = openStore(dir.str());
  Pupil sian{newUuid(), "Si\u00e2n", "K", "", YearGroup::Y3, "", ""};
  Pupil tom{newUuid(), "Tom", "B", "", YearGroup::Y3, "", ""};
  Pupil ola{newUuid(), "Ola", "N", "", YearGroup::Y6, "", "2023-07-20"};

  School() {
    Roster r;
    r.classes.push_back({newUuid(), "3B"});
    for (Pupil* p : {&sian, &tom, &ola}) {
      p->classId = r.classes[0].id;
      r.pupils.push_back(*p);
    }
    std::string error;
    REQUIRE(store->saveRoster(r, error));
    record(*store, sian.id, "2026-10-01T10:00:00Z");
    record(*store, sian.id, "2026-10-02T10:00:00Z");
    record(*store, tom.id, "2023-05-01T10:00:00Z");
    record(*store, tom.id, "2024-10-01T10:00:00Z");
    record(*store, tom.id, "2026-10-01T10:00:00Z");
  }

  std::string writePreferences(const Pupil& p) {
    const std::string path = *pupilSettingsPath(dir.str(), p.id);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << R"({"formatVersion": 1, "textSize": 150})";
    return path;
  }
};

ConfigLoad configWith(const TempDir& dir, const std::string& machineJson) {
  const std::string machine = dir.str() + "/machine.json";
  if (!machineJson.empty()) {
    std::ofstream(machine) << machineJson;
  }
  return loadConfig(machine, dir.str());
}

} // namespace

TEST_CASE("erase as asked: the records, the class-list entry and the settings file go") {
  School s;
  const std::string prefs = s.writePreferences(s.sian);
  const admin::ErasePreview asked = admin::previewErase(*s.store, s.sian.id);
  const admin::PrivacyOutcome done =
      admin::eraseAsAsked(*s.store, s.dir.str(), asked, sq::test::testTeacher());
  INFO(done.message);
  CHECK(done.ok);
  CHECK(done.message.rfind("Si\u00e2n K is erased: 2 records deleted and their name taken off "
                           "the class list.",
                           0) == 0);
  CHECK_FALSE(std::filesystem::exists(prefs));
  CHECK_FALSE(admin::previewErase(*s.store, s.sian.id).found);
  CHECK(admin::previewErase(*s.store, s.tom.id).records == 3);
  // Asked again about someone already gone: nobody is erased, and it says so.
  const admin::PrivacyOutcome again =
      admin::eraseAsAsked(*s.store, s.dir.str(), asked, sq::test::testTeacher());
  CHECK_FALSE(again.ok);
  CHECK(again.message == "Nobody was erased: this pupil is no longer on the class list.");
}

TEST_CASE("export to a file: everything held, never over another file") {
  School s;
  s.writePreferences(s.tom);
  TempDir out;
  CHECK(admin::exportFileName("Si\u00e2n K", "2026-12-07") ==
        "SafeQuest data, Sin K, 2026-12-07.json");
  CHECK(admin::exportFileName("../..", "2026-12-07") == "SafeQuest data, pupil, 2026-12-07.json");

  const std::string path = out.str() + "/" + admin::exportFileName("Tom B", "2026-12-07");
  const admin::PrivacyOutcome done =
      admin::exportPupilToFile(*s.store, s.dir.str(), s.tom.id, path);
  INFO(done.message);
  REQUIRE(done.ok);
  const std::string text = sq::test::readWholeFile(path);
  CHECK(text.find(s.tom.id) != std::string::npos);
  CHECK(text.find("\"Tom\"") != std::string::npos);
  CHECK(text.find("2024-10-01T10:00:00Z") != std::string::npos);
  CHECK(text.find("textSize") != std::string::npos); // the preferences too
  CHECK(text.find(s.sian.id) == std::string::npos);

  const admin::PrivacyOutcome twice =
      admin::exportPupilToFile(*s.store, s.dir.str(), s.sian.id, path);
  CHECK_FALSE(twice.ok);
  CHECK(twice.message.find("there is a file called SafeQuest data, Tom B, 2026-12-07.json in "
                           "that folder already") != std::string::npos);
  CHECK(sq::test::readWholeFile(path) == text); // left as it was

  const admin::PrivacyOutcome noFolder =
      admin::exportPupilToFile(*s.store, s.dir.str(), s.tom.id, out.str() + "/nowhere/x.json");
  CHECK_FALSE(noFolder.ok);
  CHECK(noFolder.message == "Nothing was saved: there is no folder " + out.str() + "/nowhere.");

  const admin::PrivacyOutcome nobody =
      admin::exportPupilToFile(*s.store, s.dir.str(), newUuid(), out.str() + "/y.json");
  CHECK_FALSE(nobody.ok);
  CHECK_FALSE(std::filesystem::exists(out.str() + "/y.json"));
}

TEST_CASE("retention: counted for a number of years before it is saved") {
  School s;
  TempDir cfg;
  const admin::RetentionSetting setting =
      admin::retentionSetting(s.store->loadRoster(), configWith(cfg, ""));
  CHECK(setting.years == 2);
  CHECK_FALSE(setting.lockedByIt);
  CHECK(setting.explanation ==
        "Records are kept for 2 academic years (this school year counts as one).");

  // Keeping 3 years from 2026-27 keeps from 1 September 2024.
  const admin::RetentionPreview three = admin::previewRetentionFor(*s.store, 2026, 3);
  CHECK(three.retentionYears == 3);
  CHECK(three.plan.keepFrom == "2024-09-01");
  CHECK(three.plan.events == 1);
  CHECK(three.leaverNames == std::vector<std::string>{"Ola N"});
  // Keeping 2: from 1 September 2025.
  const admin::RetentionPreview two = admin::previewRetentionFor(*s.store, 2026, 2);
  CHECK(two.plan.keepFrom == "2025-09-01");
  CHECK(two.plan.events == 2);
  CHECK(two.summary() == "Keeping 2 academic years deletes 2 records from before 1 September "
                         "2025 and erases 1 pupil who left before then, with all their records.");
  CHECK(s.store->loadRoster().settings.retentionYears == 2); // counting saved nothing
  CHECK(s.store->events().size() == 5);

  // Applied without the key: leavers cannot be erased, so nothing goes.
  admin::PrivacyOutcome refused =
      admin::applyRetentionAsAsked(*s.store, s.dir.str(), setting, three, 2026, nullptr);
  CHECK_FALSE(refused.ok);
  CHECK(s.store->events().size() == 5);

  // The numbers changed since the teacher was asked: nothing goes.
  record(*s.store, s.tom.id, "2023-06-01T10:00:00Z");
  refused = admin::applyRetentionAsAsked(*s.store, s.dir.str(), setting, three, 2026,
                                         &sq::test::testTeacher());
  CHECK_FALSE(refused.ok);
  CHECK(refused.message.find("the records changed since you were asked") != std::string::npos);
  CHECK(s.store->loadRoster().settings.retentionYears == 2);

  const admin::RetentionPreview asked = admin::previewRetentionFor(*s.store, 2026, 3);
  CHECK(asked.plan.events == 2);
  const admin::PrivacyOutcome done = admin::applyRetentionAsAsked(
      *s.store, s.dir.str(), setting, asked, 2026, &sq::test::testTeacher());
  INFO(done.message);
  CHECK(done.ok);
  CHECK(done.message == "Deleted 2 old records and erased 1 pupil who left before 1 September "
                        "2024. Records are kept for 3 academic years.");
  CHECK(s.store->loadRoster().settings.retentionYears == 3);
  CHECK(admin::previewRetentionFor(*s.store, 2026, 3).nothingToDo());
  CHECK(admin::previewRetention(*s.store, 2026).retentionYears == 3);
}

TEST_CASE("retention: IT's number in the machine configuration wins and cannot be changed") {
  School s;
  TempDir cfg;
  const ConfigLoad config = configWith(cfg, R"({"formatVersion": 1, "retentionYears": 5})");
  const admin::RetentionSetting setting = admin::retentionSetting(s.store->loadRoster(), config);
  CHECK(setting.lockedByIt);
  CHECK(setting.years == 5);
  CHECK(setting.explanation.find("IT set this for every SafeQuest on this computer, in " +
                                 config.machinePath) != std::string::npos);
  const admin::PrivacyOutcome refused = admin::saveRetentionYears(*s.store, setting, 3);
  CHECK_FALSE(refused.ok);
  CHECK(s.store->loadRoster().settings.retentionYears == 2);
  CHECK_FALSE(admin::saveRetentionYears(*s.store, admin::RetentionSetting{}, 11).ok);
  CHECK(admin::saveRetentionYears(*s.store, setting, 5).ok); // IT's own number is taken
  CHECK(s.store->loadRoster().settings.retentionYears == 5);
}
