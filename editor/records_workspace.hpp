// The school records in the teacher's app: one tab each for Classes (class lists,
// pupils, moving up, staff and school settings), the Register (who has done the
// unit and signed the AUP), Reports (for governors), Sharing (merging the school
// folder) and Privacy (erasing, exporting, retention, the PIN). The store opens
// when the records are first shown, so the lessons editor never waits for it.
// Depends on: records_context and the five records_*_panel files, editor_script
// (item names), ui/theme, Dear ImGui.
#pragma once

#include "records_classes_panel.hpp"
#include "records_context.hpp"
#include "records_privacy_panel.hpp"
#include "records_register_panel.hpp"
#include "records_reports_panel.hpp"
#include "records_school_panel.hpp"
#include "records_sharing_panel.hpp"

#include <string>

namespace sq {

struct Theme;

class RecordsWorkspace {
public:
  // `dataDir`: the records folder; `settings` and `pin` from the PIN gate.
  RecordsWorkspace(std::string dataDir, GameSettings& settings, std::string pin);

  // Draws the tabs into the current ImGui window.
  void draw(const Theme& theme);
  // A file dropped on the window while the records are shown.
  void dropFile(const std::string& path) { mRecords.droppedFile = path; }
  // How soon the window must wake for running work (ms); 0: not needed.
  int msUntilWake() const { return mRecords.wakeInMs; }

  RecordsContext& context() { return mRecords; }

private:
  RecordsContext mRecords;
  bool mTriedOpen = false;
  ClassesPanel mClasses;
  RegisterPanel mRegister;
  ReportsPanel mReports;
  SharingPanel mSharing;
  PrivacyPanel mPrivacy;
  SchoolPanel mSchool;
};

} // namespace sq
