// The school records' Privacy tab, in three parts: a pupil's data (erase them,
// after a question naming them and counting what goes; or save everything held
// about them to a file for a subject-access request), how long records are kept
// (the setting, or IT's fixed number and why; what applying it would delete, then
// applying it after a question), and the teacher PIN (change it; what to do when it
// is forgotten). It only draws and asks: every number and word comes from
// records_admin (privacy_preview, privacy_actions, pin_change).
// Depends on: records_context, records_admin/, results/, editor_script (item
// names), imgui_helpers, ui/theme, Dear ImGui.
#pragma once

#include "records_admin/privacy_actions.hpp"
#include "records_context.hpp"

#include <optional>
#include <string>

namespace sq {

struct Theme;

class PrivacyPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);

private:
  void drawPupils(RecordsContext& records, const Theme& theme);
  void drawPupilActions(RecordsContext& records, const Theme& theme, const Pupil& pupil);
  void drawEraseQuestion(RecordsContext& records);
  void drawExportQuestion(RecordsContext& records, const Theme& theme);
  void drawRetention(RecordsContext& records, const Theme& theme);
  void drawRetentionQuestion(RecordsContext& records);
  void drawPin(RecordsContext& records, const Theme& theme);
  int currentAcademicYear(const RecordsContext& records) const;

  // A pupil's data.
  std::string mFind;
  std::string mSelected;     // pupil id
  admin::ErasePreview mHeld; // what is held about the chosen pupil
  std::string mExportFolder;
  std::string mExportName;
  std::string mExportProblem; // why the last save did not happen
  bool mAskExport = false;
  bool mAskErase = false;
  admin::ErasePreview mErase;

  // Retention: the years in the box and what keeping them would delete.
  int mYears = 0;
  std::optional<admin::RetentionPreview> mRetention;
  bool mAskRetention = false;
  int mRetentionFrame = -2; // the last frame the part was drawn

  // The PIN form.
  std::string mOldPin;
  std::string mNewPin;
  std::string mAgainPin;
  std::string mPinProblemField;
};

} // namespace sq
