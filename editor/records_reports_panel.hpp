// The school records' Reports tab: the governors' HTML report, the CSV and the xAPI
// file, for the school, a class or a year group, for this or an earlier academic
// year, pseudonyms unless "with names" is ticked; saved where the teacher says
// (a path box and a simple folder browser over authoring/file_browse), then offered
// to the default browser. The report is made and saved on a worker
// (records_admin/records_jobs) with its own store connection, so the window keeps
// drawing "Making the report..." on a big school. What the report holds, its default
// name and the saving are records_admin/report_request (tested); the browser is
// started by records_admin/open_in_browser; this only draws and asks.
// Depends on: records_context, records_admin/ (report_request, records_jobs,
// open_in_browser), authoring/file_browse, editor_script (item names), Dear ImGui.
#pragma once

#include "authoring/file_browse.hpp"
#include "records_admin/background_job.hpp"
#include "records_admin/report_request.hpp"
#include "records_context.hpp"

#include <memory>
#include <string>

namespace sq {

struct Theme;

class ReportsPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);

private:
  void drawChoices(RecordsContext& records);
  void drawWhere(RecordsContext& records);
  void drawFolderBrowser();
  void save(RecordsContext& records);
  void drawRunning(RecordsContext& records);
  // The path box follows the choices until the teacher types in it.
  void followChoices(const RecordsContext& records);

  admin::ReportRequest mRequest;
  bool mYearSet = false;
  std::string mHome;
  std::string mFolder;
  std::string mPath;
  bool mPathTyped = false;
  bool mBrowsing = false;
  authoring::FolderListing mListing;
  std::string mSavedPath;                     // the last report saved, for "Open in the browser"
  std::string mWarnings;                      // packs left out of the last report
  std::unique_ptr<admin::BackgroundJob> mJob; // the report being made, if any
};

} // namespace sq
