// The school records' Reports tab: the governors' HTML report, the CSV and the xAPI
// file, for the school, a class or a year group, for this or an earlier academic
// year, pseudonyms unless "with names" is ticked; saved where the teacher says
// (a path box and a simple folder browser over authoring/file_browse), then offered
// to the default browser. What the report holds, its default name and the saving
// are records_admin/report_request (tested); this only draws and asks.
// Depends on: records_context, records_admin/report_request, authoring/file_browse,
// editor_script (item names), SDL (opening the browser), Dear ImGui.
#pragma once

#include "authoring/file_browse.hpp"
#include "records_admin/report_request.hpp"
#include "records_context.hpp"

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
  std::string mSavedPath; // the last report saved, for "Open in the browser"
  std::string mWarnings;  // packs left out of the last report
};

} // namespace sq
