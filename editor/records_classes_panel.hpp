// The school records' Classes tab: importing a class list (an MIS CSV or a
// OneRoster folder, chosen with the folder browser or dropped on the window) with
// its preview before anything changes; each class's pupils, to rename, move to
// another class or mark as left; a class's picture password removed; and moving
// everyone up at the new academic year, after a preview in numbers. It only draws
// and asks: what it shows and saves comes from records_admin/ (class_list_file,
// import_preview, pupil_edits, promote_preview), as safequest-cli's roster commands.
// Depends on: records_context, records_admin/, media_file_chooser, editor_script
// (item names), app/game_settings (picture passwords), ui/theme, Dear ImGui.
#pragma once

#include "app/game_settings.hpp"
#include "media_file_chooser.hpp"
#include "records_admin/import_preview.hpp"
#include "records_admin/promote_preview.hpp"
#include "records_context.hpp"

#include <optional>
#include <string>

namespace sq {

struct Theme;

class ClassesPanel {
public:
  ClassesPanel();
  void draw(RecordsContext& records, const Theme& theme);

private:
  void readClassList(RecordsContext& records, const std::string& path);
  void drawChooser(RecordsContext& records);
  void drawImportPreview(RecordsContext& records, const Theme& theme);
  void drawPromotePreview(RecordsContext& records, const Theme& theme);
  void drawClassList(RecordsContext& records);
  void drawPupils(RecordsContext& records, const Theme& theme);
  void drawPupilForm(RecordsContext& records, const Theme& theme, const Pupil& pupil);
  void drawPicturePassword(RecordsContext& records, const std::string& classId,
                           const std::string& className);
  void selectPupil(const Pupil* pupil);

  MediaFileChooser mChooser;
  bool mChoosing = false;

  // The import being looked at, from which file.
  std::optional<admin::ImportPreview> mImport;
  std::string mImportFrom;
  std::string mImportPath;

  std::optional<admin::PromotePreview> mPromote;
  bool mPromoteAgain = false;

  std::string mClassId; // the class shown
  std::string mPupilId; // the pupil whose form is open
  std::string mFirstName;
  std::string mAlias;
  std::string mMoveTo; // a class name
  bool mAskLeaver = false;
  bool mAskPicture = false;
  // The game's picture passwords, read for the class `mPicturesFor`.
  std::optional<PicturePasswordFile> mPictures;
  std::string mPicturesFor;
  std::string mPicturesError;
  bool mPicturesReadable = false;
};

} // namespace sq
