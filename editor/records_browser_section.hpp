// The Sharing tab's "For browsers" section, for classes that play in the web game
// (Chromebooks, iPads) and cannot reach the school folder: "Save the class list for
// browsers..." writes the signed class list (names only, never results) where the
// teacher types, for the browser game's "Load class list from a file"; "Add results
// from a browser file..." merges the results file the browser game downloaded by
// event uuid, as a PC's snapshot in the school folder is merged. The files and
// words are records_admin/browser_files (tested); this only draws and asks.
// Depends on: records_context, records_admin/ (browser_files, report_request's
// default folder), media_file_chooser, editor_script (item names), Dear ImGui.
#pragma once

#include "media_file_chooser.hpp"
#include "records_context.hpp"

#include <string>

namespace sq {

struct Theme;

class BrowserSection {
public:
  BrowserSection();
  void draw(RecordsContext& records, const Theme& theme);

private:
  void drawClassList(RecordsContext& records);
  void drawResults(RecordsContext& records);
  void addResults(RecordsContext& records, const std::string& path);

  std::string mListPath; // where the class list for browsers goes
  bool mChoosing = false;
  MediaFileChooser mChooser;
  std::string mLine; // the last action's line in this section
  bool mProblem = false;
};

// The window's one section, kept between frames (the Sharing tab calls this).
void drawBrowserSection(RecordsContext& records, const Theme& theme);

} // namespace sq
