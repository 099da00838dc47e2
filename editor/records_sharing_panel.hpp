// The school records' Sharing tab: merge the school folder now (off the window's
// thread, records_admin/background_merge, with a progress bar and a result line),
// publish this PC's records with the teacher's key (on a worker too,
// records_admin/records_jobs, "Publishing to the school folder..."), and when each PC last
// published; or, with no school folder set, how to set one. The words and numbers
// are records_admin/sharing_status (tested); this only draws and asks.
// Depends on: records_context, records_admin/ (background_merge, records_jobs,
// sharing_status), editor_script (item names), Dear ImGui.
#pragma once

#include "records_admin/background_job.hpp"
#include "records_admin/background_merge.hpp"
#include "records_admin/sharing_status.hpp"
#include "records_context.hpp"

#include <memory>
#include <string>

namespace sq {

struct Theme;

class SharingPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);

private:
  void drawMerge(RecordsContext& records, const Theme& theme);
  void drawPublish(RecordsContext& records);
  void drawPcs(RecordsContext& records, const Theme& theme);
  void refreshPcs(const RecordsContext& records);

  std::unique_ptr<admin::BackgroundMerge> mMerge;
  std::unique_ptr<admin::BackgroundJob> mPublish; // the publish under way, if any
  std::string mMergeLine;                         // the last merge's result
  bool mMergeProblem = false;
  MergeResult mLastMerge; // for the list's notes on refused snapshots
  admin::PublishedPcs mPcs;
  bool mListed = false;
};

} // namespace sq
