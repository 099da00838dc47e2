// The Reports and Sharing tabs' slow work, as jobs for records_admin/background_job:
// making and saving a report (governors' HTML, CSV, xAPI) and publishing this PC's
// records to the school folder. Each opens its own connection to the records store
// (a ResultsStore serves one thread; the window keeps its own), does what the tab
// did on the window's thread before (report_request's makeReport and saveReport,
// results/school_folder's publish) and ends in one plain-words line. Run inline with
// an InlineControl, they are what the tests check.
// Depends on: records_admin (background_job, report_request, sharing_status),
// results (results_store, school_folder, teacher_key).
#pragma once

#include "records_admin/background_job.hpp"
#include "records_admin/report_request.hpp"
#include "results/results_store.hpp"
#include "results/teacher_key.hpp"

#include <memory>
#include <string>

namespace sq::admin {

struct ReportJob {
  std::string dataDir; // the records store's folder
  StoreOptions options;
  std::string contentDir; // the packs that define "complete" (not read for xAPI)
  ReportRequest request;
  std::string producedOn; // today, "2026-12-07"
  std::string path;       // where to save it
};

// Opens the store, reads the content, makes the report and saves it atomically.
// Stopped before saving, it saves nothing and says so.
JobResult runReportJob(const ReportJob& job, JobControl& control);
// The same on a worker ("Making the report...").
std::unique_ptr<BackgroundJob> startReportJob(ReportJob job);

struct PublishJob {
  std::string dataDir;
  StoreOptions options;
  std::string schoolFolder;
  // The teacher's key, to sign the class list; null publishes the records only.
  std::shared_ptr<const TeacherSigner> signer;
};

// Publishes this PC's records (and the signed class list) to the school folder, as
// `safequest-cli publish`. When the publish took a fresh device id, the result says
// so (deviceIdChanged): the window's own store must be opened again.
JobResult runPublishJob(const PublishJob& job, JobControl& control);
std::unique_ptr<BackgroundJob> startPublishJob(PublishJob job);

} // namespace sq::admin
