#include "records_admin/records_jobs.hpp"

#include "records_admin/sharing_status.hpp"
#include "results/school_folder.hpp"

#include <utility>

namespace sq::admin {

namespace {

JobResult failed(std::string line) {
  JobResult r;
  r.line = std::move(line);
  return r;
}

} // namespace

JobResult runReportJob(const ReportJob& job, JobControl& control) {
  control.stage("Opening the records...");
  std::string error;
  const std::unique_ptr<ResultsStore> store = ResultsStore::open(job.dataDir, error, job.options);
  if (!store) {
    return failed("The report was not made: the records could not be opened (" + error + ").");
  }
  ReportContent content;
  if (job.request.format != ReportFormat::Xapi) {
    if (control.stopRequested()) {
      return failed("The report was stopped before it was saved: nothing was saved.");
    }
    control.stage("Reading the lessons...");
    loadReportContent(job.contentDir, content);
    if (!content.error.empty()) {
      return failed("The report was not made: " + content.error + ".");
    }
  }
  if (control.stopRequested()) {
    return failed("The report was stopped before it was saved: nothing was saved.");
  }
  control.stage("Making the report...");
  const Roster roster = store->loadRoster();
  const MadeReport made = makeReport(*store, roster, content.packs, job.request, job.producedOn);
  JobResult r;
  r.warnings = content.warnings;
  if (!made.ok) {
    r.line = "The report was not made: " + made.error + ".";
    return r;
  }
  if (control.stopRequested()) {
    r.line = "The report was stopped before it was saved: nothing was saved.";
    return r;
  }
  control.stage("Saving the report...");
  const SaveOutcome saved = saveReport(job.path, made.bytes);
  if (!saved.ok) {
    r.line = saved.message;
    return r;
  }
  r.ok = true;
  r.savedPath = job.path;
  r.line = reportSavedLine(job.request, roster, made.pupils, job.path);
  return r;
}

std::unique_ptr<BackgroundJob> startReportJob(ReportJob job) {
  return std::make_unique<BackgroundJob>(
      "Making the report...",
      [j = std::move(job)](JobControl& control) { return runReportJob(j, control); });
}

JobResult runPublishJob(const PublishJob& job, JobControl& control) {
  control.stage("Opening the records...");
  std::string error;
  const std::unique_ptr<ResultsStore> store = ResultsStore::open(job.dataDir, error, job.options);
  if (!store) {
    return failed("Not published: the records could not be opened (" + error + ").");
  }
  if (control.stopRequested()) {
    return failed("Not published: stopped before it began.");
  }
  control.stage("Publishing to the school folder...");
  const PublishResult p = publish(*store, job.schoolFolder, job.signer.get());
  JobResult r;
  r.ok = p.ok;
  r.line = publishResultLine(p, job.signer != nullptr);
  r.deviceIdChanged = p.deviceIdChange.has_value();
  return r;
}

std::unique_ptr<BackgroundJob> startPublishJob(PublishJob job) {
  return std::make_unique<BackgroundJob>(
      "Publishing to the school folder...",
      [j = std::move(job)](JobControl& control) { return runPublishJob(j, control); });
}

} // namespace sq::admin
