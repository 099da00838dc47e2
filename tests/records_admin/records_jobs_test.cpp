// Reports and publishing off the window's thread: the job made on a worker writes the
// same report the tab made on the window's thread, a failure ends in words with
// nothing written, a stop before saving saves nothing, and destroying a job while it
// works is safe. The publish job puts this PC's snapshot in the school folder.
#include "records_admin/background_job.hpp"
#include "records_admin/records_jobs.hpp"

#include "results/school_folder.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace sq;
using sq::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A records folder holding 3B (Amy and Ben, Year 3), Amy's lesson completed.
struct Records {
  TempDir dir;
  Roster roster;
  Records() {
    std::string error;
    auto store = ResultsStore::open(dir.str(), error);
    REQUIRE(store != nullptr);
    roster.classes = {{newUuid(), "3B"}};
    roster.pupils = {{newUuid(), "Amy", "K", roster.classes[0].id, YearGroup::Y3, "", ""},
                     {newUuid(), "Ben", "L", roster.classes[0].id, YearGroup::Y3, "", ""}};
    REQUIRE(store->saveRoster(roster, error));
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.pupilId = roster.pupils[0].id;
    d.packId = "core";
    d.activityId = "y3-smart-explorers";
    d.timeUtc = "2026-10-05T10:00:00Z";
    REQUIRE(store->record(d, error));
  }
  admin::ReportJob job(const std::string& path) const {
    admin::ReportJob j;
    j.dataDir = dir.str();
    j.contentDir = std::string(SQ_SOURCE_DIR) + "/content";
    j.request.academicYear = 2026;
    j.producedOn = "2026-12-07";
    j.path = path;
    return j;
  }
};

admin::JobResult waitFor(admin::BackgroundJob& job) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!job.finished() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(job.finished());
  return job.result();
}

} // namespace

TEST_CASE("report job: made on a worker, the same file as made on the window's thread") {
  Records r;
  TempDir out;
  const std::string path = (out.path() / "governors 3B.html").string();
  auto job = admin::startReportJob(r.job(path));
  CHECK_FALSE(job->stage().empty());
  const admin::JobResult result = waitFor(*job);
  REQUIRE(result.ok);
  CHECK(result.savedPath == path);
  CHECK(result.line == "Saved the report for the whole school, 2026 to 2027 (2 pupils, no names) "
                       "to " +
                           path);
  // The bytes makeReport gives over the same records.
  std::string error;
  auto store = ResultsStore::open(r.dir.str(), error);
  REQUIRE(store != nullptr);
  admin::ReportContent content;
  admin::loadReportContent(std::string(SQ_SOURCE_DIR) + "/content", content);
  const admin::MadeReport made = admin::makeReport(*store, store->loadRoster(), content.packs,
                                                   r.job(path).request, "2026-12-07");
  REQUIRE(made.ok);
  CHECK(readAll(path) == made.bytes);
  CHECK(readAll(path).find("Amy") == std::string::npos); // no names unless asked

  // Inline, the steps are said in order.
  admin::InlineControl control;
  const std::string csv = (out.path() / "register.csv").string();
  admin::ReportJob asCsv = r.job(csv);
  asCsv.request.format = admin::ReportFormat::Csv;
  asCsv.request.names = true;
  const admin::JobResult inlineResult = admin::runReportJob(asCsv, control);
  CHECK(inlineResult.ok);
  CHECK(inlineResult.line.find("with names") != std::string::npos);
  CHECK(readAll(csv).find("Amy K") != std::string::npos);
  CHECK(control.stages == std::vector<std::string>{"Opening the records...",
                                                   "Reading the lessons...", "Making the report...",
                                                   "Saving the report..."});
}

TEST_CASE("report job: a failure says why in words and writes nothing") {
  Records r;
  TempDir out;
  admin::InlineControl control;
  // No such folder.
  admin::JobResult result =
      admin::runReportJob(r.job((out.path() / "missing" / "r.html").string()), control);
  CHECK_FALSE(result.ok);
  CHECK(result.line.find("there is no folder") != std::string::npos);
  CHECK(result.savedPath.empty());
  CHECK_FALSE(fs::exists(out.path() / "missing"));
  // No lessons to count.
  admin::ReportJob noContent = r.job((out.path() / "r.html").string());
  noContent.contentDir = (out.path() / "no-content").string();
  result = admin::runReportJob(noContent, control);
  CHECK_FALSE(result.ok);
  CHECK(result.line.rfind("The report was not made: ", 0) == 0);
  CHECK_FALSE(fs::exists(out.path() / "r.html"));
  // Records that cannot be opened (the records folder is a file).
  admin::ReportJob badStore = r.job((out.path() / "r.html").string());
  badStore.dataDir = (out.path() / "a-file").string();
  std::ofstream(badStore.dataDir) << "not a folder";
  result = admin::runReportJob(badStore, control);
  CHECK_FALSE(result.ok);
  CHECK(result.line.rfind("The report was not made: the records could not be opened (", 0) == 0);
  CHECK_FALSE(fs::exists(out.path() / "r.html"));
}

TEST_CASE("report job: stopped before saving saves nothing; destroyed at once is safe") {
  Records r;
  TempDir out;
  const std::string path = (out.path() / "r.html").string();
  admin::InlineControl control;
  control.stop = true;
  const admin::JobResult result = admin::runReportJob(r.job(path), control);
  CHECK_FALSE(result.ok);
  CHECK(result.line == "The report was stopped before it was saved: nothing was saved.");
  CHECK_FALSE(fs::exists(path));
  // The tab closed while the worker works: the destructor waits for the step under
  // way; the file is then either whole or not there, and nothing else is left.
  for (int i = 0; i < 5; ++i) {
    { auto job = admin::startReportJob(r.job(path)); }
    if (fs::exists(path)) {
      CHECK(readAll(path).find("</html>") != std::string::npos);
    }
    CHECK(std::distance(fs::directory_iterator(out.path()), fs::directory_iterator()) <= 1);
  }
}

TEST_CASE("background job: the window reads the stage while the work runs, and a stop ends it") {
  std::atomic<bool> started{false};
  auto job = std::make_unique<admin::BackgroundJob>("Waiting...", [&](admin::JobControl& c) {
    c.stage("Working...");
    started = true;
    while (!c.stopRequested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    admin::JobResult r;
    r.line = "stopped";
    return r;
  });
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!started && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(started);
  CHECK(job->stage() == "Working...");
  CHECK_FALSE(job->finished());
  CHECK(job->result().line.empty());
  job->requestStop();
  CHECK(waitFor(*job).line == "stopped");
  job.reset(); // joins a finished thread
  // Destroyed while it works: asked to stop, then waited for.
  std::atomic<bool> ended{false};
  {
    admin::BackgroundJob busy("Waiting...", [&](admin::JobControl& c) {
      while (!c.stopRequested()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      ended = true;
      return admin::JobResult{};
    });
  }
  CHECK(ended);
}

TEST_CASE("publish job: this PC's snapshot and the signed class list in the school folder") {
  Records r;
  TempDir school;
  admin::PublishJob job;
  job.dataDir = r.dir.str();
  job.schoolFolder = school.str();
  job.signer = TeacherSigner::generate();
  auto worker = admin::startPublishJob(job);
  const admin::JobResult result = waitFor(*worker);
  INFO(result.line);
  REQUIRE(result.ok);
  CHECK(result.line.rfind("Published this PC's records", 0) == 0);
  CHECK(result.line.find("with the class list") != std::string::npos);
  CHECK_FALSE(result.deviceIdChanged);
  std::string error;
  auto store = ResultsStore::open(r.dir.str(), error);
  REQUIRE(store != nullptr);
  CHECK(fs::exists(school.path() / "results" / (store->deviceId() + ".sqlite")));
  CHECK(fs::exists(school.path() / "classlist.json"));

  // A school folder that is a file: not published, said in words.
  TempDir other;
  const std::string file = (other.path() / "not-a-folder").string();
  std::ofstream(file) << "x";
  job.schoolFolder = file;
  admin::InlineControl control;
  const admin::JobResult bad = admin::runPublishJob(job, control);
  CHECK_FALSE(bad.ok);
  CHECK_FALSE(bad.line.empty());
  CHECK(control.stages.back() == "Publishing to the school folder...");
}
