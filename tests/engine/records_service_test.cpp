// The app's records side: the one recorder over the store, the butterfly button's
// help.asked going through it like every record (refused, it stays queued and is
// saved later, never lost), and saves refused while the store is not open; the
// safeguarding lead and incident steps the school published reach this PC, and a
// changed or unlikely list leaves this PC's own.
#include "app/records_service.hpp"
#include "results/event_payload.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_key.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace sq;
using namespace sq::test;

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";

// The fault plan is process-wide: back to no faults whatever happens.
struct FaultsOff {
  ~FaultsOff() { setFaultPlan({}); }
};

// The teacher's store, with one class and one pupil and the settings given, its
// class list published to `share` signed with the teacher's key.
void publishFromTeacher(const std::string& teacherDir, const std::string& share,
                        const SchoolSettings& settings) {
  std::string error;
  auto store = ResultsStore::open(teacherDir, error);
  REQUIRE(store);
  Roster roster;
  roster.classes.push_back({k3B, "3B"});
  Pupil sian;
  sian.id = "a0000000-0000-4000-8000-000000000001";
  sian.firstName = "Sian";
  sian.initial = "K";
  sian.classId = k3B;
  sian.yearGroup = YearGroup::Y3;
  roster.pupils.push_back(sian);
  roster.settings = settings;
  REQUIRE(store->saveRoster(roster, error));
  auto signer = unlockTeacherKey(*store, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const PublishResult published = publish(*store, share, signer.get());
  INFO(published.error);
  REQUIRE(published.ok);
}

// A game PC whose own records name another lead and steps.
void openGamePc(RecordsService& records, const std::string& dir) {
  std::string error;
  REQUIRE(records.open(dir, error));
  Roster own;
  own.settings.schoolName = "This PC's school";
  own.settings.safeguardingLead = "Mr Local";
  own.settings.incidentSteps = {"Tell Mr Local"};
  own.settings.termDates = {"2026-09-01/2026-12-18"};
  REQUIRE(records.store()->saveRoster(own, error));
}

SchoolSettings schoolSet() {
  SchoolSettings s;
  s.schoolName = "Llanfair Primary";
  s.safeguardingLead = "Mrs Jones";
  s.incidentSteps = {"Stop, cover the screen and tell a grown-up", "The teacher writes it down"};
  return s;
}

std::vector<Event> helpEvents(const RecordsService& records) {
  return records.classEvents(EventKind::HelpAsked);
}

} // namespace

TEST_CASE("records: the butterfly button pressed before the store opens is saved once it does") {
  TempDir dir;
  RecordsService records;
  // The first frames: nothing is open yet. The press keeps the time it happened.
  CHECK(records.helpAsked(k3B, 1795000000) == "2026-11-18T11:06:40Z");
  CHECK(records.recorder().stalled());
  CHECK(records.recorder().lastError() == "the records store is not open");
  CHECK(records.helpAsked({}, 1795000000).empty()); // a guest: nothing at all
  CHECK(records.recorder().unsaved().size() == 1);

  std::string error;
  REQUIRE(records.open(dir.str(), error));
  records.share({}); // a good moment to try again (no school folder to publish to)
  CHECK(records.recorder().allSaved());
  const auto help = helpEvents(records);
  REQUIRE(help.size() == 1);
  CHECK(help.front().pupilId.empty()); // never the pupil
  const auto data = payloadAs<HelpAskedData>(help.front());
  REQUIRE(data.has_value());
  CHECK(data->classId == k3B);
  CHECK_FALSE(data->closedQuickly);
  CHECK(help.front().timeUtc == "2026-11-18T11:06:40Z"); // when pressed, not when saved
}

TEST_CASE("records: a refused help.asked stays first in the queue and is saved with the next") {
  TempDir dir;
  StoreOptions o;
  o.vfs = registerFaultVfs();
  FaultsOff faultsOff;
  RecordsService records;
  std::string error;
  REQUIRE(records.open(dir.str(), error, o));
  setFaultPlan({0, false, false}); // the disk is full
  records.helpAsked(k3B, 1795000000);
  CHECK(records.recorder().stalled());
  CHECK_FALSE(records.recorder().lastError().empty());
  CHECK_FALSE(records.pump()); // pumping alone does not hammer a full disk
  setFaultPlan({});
  const std::string pupil = "a0000000-0000-4000-8000-000000000001";
  records.recorder().submit(makeLessonCompleted(pupil, PackRef{"core", "1", "h"}, "lesson"));
  CHECK(records.recorder().allSaved());
  CHECK(records.recorder().lastError().empty());
  REQUIRE(helpEvents(records).size() == 1);
  const auto all = records.store()->events();
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == EventKind::HelpAsked); // in the order they happened
  CHECK(all[1].kind == EventKind::LessonCompleted);
}

TEST_CASE("records: the class list is the store's when there is no school folder") {
  TempDir dir;
  RecordsService records;
  std::string error;
  REQUIRE(records.open(dir.str(), error));
  records.loadRoster({});
  CHECK(records.rosterSource() == records.store()->path());
  CHECK(records.pupilEvents({}).empty());
}

TEST_CASE("records: a game PC shows the safeguarding lead and steps the school published") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  publishFromTeacher((dir.path() / "teacher").string(), share, schoolSet());
  RecordsService records;
  openGamePc(records, (dir.path() / "pc").string());
  records.loadRoster(share);
  CHECK(records.rosterSource() == share + "/classlist.json");
  const SchoolSettings& s = records.roster().settings;
  CHECK(s.schoolName == "Llanfair Primary");
  CHECK(s.safeguardingLead == "Mrs Jones");
  CHECK(s.incidentSteps == schoolSet().incidentSteps);
  CHECK(s.termDates == std::vector<std::string>{"2026-09-01/2026-12-18"}); // the PC's own

  // The list changed after the teacher signed it: refused, and the PC keeps the
  // list (and the lead) it accepted before.
  const std::string path = share + "/classlist.json";
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto at = bytes.find("Mrs Jones");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 9, "Mr Hacker");
  std::ofstream(path, std::ios::binary) << bytes;
  records.loadRoster(share);
  CHECK(records.roster().settings.safeguardingLead == "Mrs Jones");

  // A PC that never accepted a list shows its own.
  RecordsService fresh;
  openGamePc(fresh, (dir.path() / "pc2").string());
  fresh.loadRoster(share);
  CHECK(fresh.roster().settings.safeguardingLead == "Mr Local");
  CHECK(fresh.roster().settings.incidentSteps == std::vector<std::string>{"Tell Mr Local"});
}

TEST_CASE("records: a school that set no lead or steps leaves the PC's own") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  SchoolSettings none;
  none.schoolName = "Llanfair Primary";
  publishFromTeacher((dir.path() / "teacher").string(), share, none);
  RecordsService records;
  openGamePc(records, (dir.path() / "pc").string());
  records.loadRoster(share);
  CHECK(records.rosterSource() == share + "/classlist.json");
  CHECK(records.roster().settings.schoolName == "Llanfair Primary");
  CHECK(records.roster().settings.safeguardingLead == "Mr Local");
  CHECK(records.roster().settings.incidentSteps == std::vector<std::string>{"Tell Mr Local"});
}

TEST_CASE("records: signed words the School tab could not have saved are not shown") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  SchoolSettings odd = schoolSet();
  odd.safeguardingLead = "Mrs Jones\x1b[2J";          // a terminal escape
  odd.incidentSteps.push_back(std::string(300, 'x')); // longer than the tab allows
  publishFromTeacher((dir.path() / "teacher").string(), share, odd);
  RecordsService records;
  openGamePc(records, (dir.path() / "pc").string());
  records.loadRoster(share);
  // The class list itself is taken; the lead and steps are the PC's own.
  CHECK(records.roster().findPupil("a0000000-0000-4000-8000-000000000001") != nullptr);
  CHECK(records.roster().settings.safeguardingLead == "Mr Local");
  CHECK(records.roster().settings.incidentSteps == std::vector<std::string>{"Tell Mr Local"});
}

TEST_CASE("records: which of the school's safeguarding words a game PC takes, and why not") {
  SchoolSettings local;
  local.safeguardingLead = "Mr Local";
  local.incidentSteps = {"Tell Mr Local"};
  local.retentionYears = 4;
  std::string refused;
  SchoolSettings taken = schoolSettingsForGame(schoolSet(), local, refused);
  CHECK(refused.empty());
  CHECK(taken.safeguardingLead == "Mrs Jones");
  CHECK(taken.incidentSteps.size() == 2);
  CHECK(taken.retentionYears == 4);

  SchoolSettings bad = schoolSet();
  bad.safeguardingLead = std::string("Mrs \xff Jones");
  bad.incidentSteps = {"Stop", ""};
  taken = schoolSettingsForGame(bad, local, refused);
  CHECK(taken.safeguardingLead == "Mr Local");
  CHECK(taken.incidentSteps == local.incidentSteps);
  CHECK(refused.find("the safeguarding lead's name is not UTF-8 text") != std::string::npos);
  CHECK(refused.find("incident step 2 is empty") != std::string::npos);

  bad = schoolSet();
  bad.incidentSteps.assign(21, "Tell");
  taken = schoolSettingsForGame(bad, local, refused);
  CHECK(taken.safeguardingLead == "Mrs Jones"); // each part on its own
  CHECK(taken.incidentSteps == local.incidentSteps);
  CHECK(refused.find("more than 20 incident steps") != std::string::npos);

  bad.incidentSteps = {"Tell\nnow"};
  schoolSettingsForGame(bad, local, refused);
  CHECK(refused.find("control character") != std::string::npos);
}

TEST_CASE("records side: sends only when the school's settings file names an LRS") {
  TempDir dir;
  // Never answers: only whether anything is started matters here.
  struct QuietLrs : AsyncHttpTransport {
    std::vector<HttpRequest> started;
    void start(const HttpRequest& request) override { started.push_back(request); }
    std::optional<HttpResponse> poll() override { return std::nullopt; }
  } lrs;
  RecordsService records;
  std::string error;
  REQUIRE(records.open(dir.str(), error));
  const std::string settings = (dir.path() / "safequest-config.json").string();

  // No file: nothing is sent, and nothing is wrong.
  records.startXapi(settings, lrs);
  CHECK_FALSE(records.xapiSending());
  CHECK(records.xapiSettingsProblem().empty());

  // A bad file: nothing is sent, and the teacher is told which file and field.
  std::ofstream(settings) << R"({"xapi": {"endpoint": "ftp://lrs.example.org/"}})";
  records.startXapi(settings, lrs);
  CHECK_FALSE(records.xapiSending());
  CHECK(records.xapiSettingsProblem().rfind("safequest-config.json: \"xapi\": \"endpoint\"", 0) ==
        0);

  std::ofstream(settings) << R"({"xapi": {"endpoint": "https://lrs.example.org/xapi",
                                          "auth": "key:secret"}})";
  records.startXapi(settings, lrs);
  CHECK(records.xapiSettingsProblem().empty());
  REQUIRE(records.xapiSending());
  CHECK(records.xapiSending()->lrs == "lrs.example.org");
  CHECK(records.xapiSending()->waiting == 0);
  // The frame loop's pump() steps it: nothing waits, so nothing is posted.
  records.pump();
  CHECK(lrs.started.empty());
}
