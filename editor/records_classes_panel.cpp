// The Classes tab (see records_classes_panel.hpp).
// Sections:
//   1. helpers: names for scripts, row heights, the preview tables
//   2. import: the tab's top, the folder browser, the import preview and its confirmation
//   3. moving up: the preview in numbers, class by class, and its confirmation
//   4. classes and pupils: the class list, a class's pupils, a pupil's form
//   5. picture passwords: a class's, removed after asking
#include "records_classes_panel.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/class_list_file.hpp"
#include "records_admin/picture_password_removal.hpp"
#include "records_admin/pupil_edits.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_trust.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

// ---- helpers --------------------------------------------------------------------------

namespace {

// Names for scripts are one word: "Amy Z" is named "pupil:Amy_Z".
std::string scriptWord(std::string text) {
  std::replace(text.begin(), text.end(), ' ', '_');
  return text;
}

// The editor's second font is its headings' (editor_main's setUpFonts); nullptr: the usual.
ImFont* headingFont() {
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  return fonts->Fonts.Size > 1 ? fonts->Fonts[1] : nullptr;
}

float rowHeight() {
  return ImGui::GetTextLineHeightWithSpacing() * 1.6f;
}

void colouredText(Colour colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(colour));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

// One table of preview lines: name, class, year, and what changes when there is any.
void previewTable(const char* id, const std::vector<admin::PupilLine>& lines, bool withWhat) {
  const int columns = withWhat ? 4 : 3;
  if (!ImGui::BeginTable(id, columns,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                             ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Class", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Year", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  if (withWhat) {
    ImGui::TableSetupColumn("What changes", ImGuiTableColumnFlags_WidthStretch, 4.0f);
  }
  ImGui::TableHeadersRow();
  for (const admin::PupilLine& line : lines) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(line.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(line.className.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(yearGroupName(line.yearGroup)).c_str());
    if (withWhat) {
      ImGui::TableNextColumn();
      std::string what;
      for (const std::string& w : line.what) {
        what += (what.empty() ? "" : "; ") + w;
      }
      ImGui::TextWrapped("%s", what.c_str());
    }
  }
  ImGui::EndTable();
}

} // namespace

// ---- import ---------------------------------------------------------------------------

ClassesPanel::ClassesPanel() : mChooser({".csv"}, "class list") {
  mChooser.offerFolders("Use this folder (a OneRoster export)");
}

void ClassesPanel::readClassList(RecordsContext& records, const std::string& path) {
  mChoosing = false;
  mPromote.reset();
  const admin::ClassListFile file = admin::readClassListFile(path);
  if (!file.ok()) {
    mImport.reset();
    records.say(file.problem + " Nothing has changed.", true);
    return;
  }
  mImport = admin::previewImport(*records.store, file.result, records.today());
  mImportFrom = file.shownName;
  mImportPath = path;
  records.say("");
}

void ClassesPanel::draw(RecordsContext& records, const Theme& theme) {
  if (!records.store) {
    return;
  }
  // A file dropped on the window is a class list to look at before importing.
  if (!records.droppedFile.empty()) {
    const std::string dropped = records.droppedFile;
    records.droppedFile.clear();
    readClassList(records, dropped);
  }
  if (mImport) {
    drawImportPreview(records, theme);
    return;
  }
  if (mPromote) {
    drawPromotePreview(records, theme);
    return;
  }
  const float big = ImGui::GetFrameHeight() * 1.4f;
  if (ImGui::Button("Import a class list...", ImVec2(0, big))) {
    mChoosing = !mChoosing;
  }
  nameItem("import:choose");
  ImGui::SameLine();
  if (ImGui::Button("Move everyone up a year...", ImVec2(0, big))) {
    mChoosing = false;
    mPromote = admin::previewPromote(records.roster, records.today());
    mPromoteAgain = false;
  }
  nameItem("promote:preview");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("You can also drop a class-list file (.csv) on this window.");
  ImGui::PopStyleColor();
  if (mChoosing) {
    // The browser takes the tab while it is open, so all of it is in view.
    drawChooser(records);
    return;
  }
  ImGui::Separator();
  if (records.roster.classes.empty()) {
    ImGui::TextWrapped("There are no classes yet. Import a class list from your school's MIS "
                       "(SIMS, Arbor, Bromcom...) as a .csv file, or a OneRoster export folder.");
    return;
  }
  const float classWidth = ImGui::GetFontSize() * 8.0f;
  ImGui::BeginChild("##classes", ImVec2(classWidth, 0), true);
  drawClassList(records);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##pupils", ImVec2(0, 0), true);
  drawPupils(records, theme);
  ImGui::EndChild();
}

void ClassesPanel::drawChooser(RecordsContext& records) {
  ImGui::BeginChild("##chooser", ImVec2(0, 0), true);
  if (ImGui::Button("Cancel")) {
    mChoosing = false;
  }
  nameItem("import:cancel-choose");
  ImGui::SameLine();
  ImGui::TextWrapped("Choose the class list: a .csv file exported from your MIS, or the folder "
                     "of a OneRoster export.");
  if (mChooser.draw()) {
    readClassList(records, mChooser.path());
  }
  ImGui::EndChild();
}

void ClassesPanel::drawImportPreview(RecordsContext& records, const Theme& theme) {
  const admin::ImportPreview& preview = *mImport;
  ImGui::PushFont(headingFont());
  ImGui::TextWrapped("Importing the class list from %s", mImportFrom.c_str());
  ImGui::PopFont();
  colouredText(preview.canApply() ? theme.text : theme.problemText, preview.summary());
  if (preview.canApply()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextWrapped("Nothing has changed yet. Pupils who left are kept as leavers, never "
                       "deleted. Read as %s.",
                       std::string(encodingName(preview.encoding)).c_str());
    ImGui::PopStyleColor();
  }
  if (preview.canApply()) {
    for (const std::string& clash : preview.nameClashes) {
      colouredText(theme.warningText, "Two pupils look alike: " + clash);
    }
  }
  const float big = ImGui::GetFrameHeight() * 1.4f;
  ImGui::BeginDisabled(!preview.canApply());
  const std::string confirm = "Import: " + std::to_string(preview.added.size()) + " new, " +
                              std::to_string(preview.changed.size()) + " changed, " +
                              std::to_string(preview.left.size()) + " left";
  const bool importNow = ImGui::Button(confirm.c_str(), ImVec2(0, big));
  nameItem("import:confirm");
  ImGui::EndDisabled();
  if (importNow) {
    std::string error;
    if (admin::applyImport(*records.store, preview, error)) {
      // A name clash is said as a problem would be, so it is not missed.
      records.say(admin::importedLine(preview, mImportFrom), !preview.nameClashes.empty());
      records.reloadRoster();
      mImport.reset();
      return;
    }
    // Kept on screen: nothing was saved, and the teacher can try again.
    records.say(error, true);
  }
  ImGui::SameLine();
  if (ImGui::Button("Read the file again", ImVec2(0, big))) {
    const std::string path = mImportPath;
    readClassList(records, path);
    return;
  }
  nameItem("import:again");
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(0, big))) {
    mImport.reset();
    records.say("The import was cancelled. Nothing has changed.");
    return;
  }
  nameItem("import:cancel");

  ImGui::BeginChild("##import-lists", ImVec2(0, 0), false);
  if (!preview.refused.empty()) {
    const std::string heading =
        "Lines to fix in the file (" + std::to_string(preview.refused.size()) + ")";
    if (ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      for (const ImportError& e : preview.refused) {
        colouredText(theme.problemText, admin::refusedLineText(e));
      }
    }
  }
  const auto section = [&](const char* title, const char* id,
                           const std::vector<admin::PupilLine>& lines, bool withWhat) {
    if (lines.empty()) {
      return;
    }
    const std::string heading = std::string(title) + " (" + std::to_string(lines.size()) + ")";
    if (ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      previewTable(id, lines, withWhat);
    }
  };
  section("New pupils", "##added", preview.added, false);
  section("Changed pupils", "##changed", preview.changed, true);
  section("Pupils who left (kept as leavers)", "##left", preview.left, false);
  ImGui::EndChild();
}

// ---- moving up ------------------------------------------------------------------------

void ClassesPanel::drawPromotePreview(RecordsContext& records, const Theme& theme) {
  const admin::PromotePreview& preview = *mPromote;
  ImGui::PushFont(headingFont());
  ImGui::TextWrapped("Move everyone up a year for %s", preview.yearLabel().c_str());
  ImGui::PopFont();
  colouredText(preview.canApply() && !preview.alreadyThisYear ? theme.text : theme.problemText,
               preview.summaryText());
  if (preview.canApply()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextWrapped("Nothing has changed yet. Classes keep their names (3B stays 3B): import "
                       "the new year's class lists afterwards to put pupils in their new classes.");
    ImGui::PopStyleColor();
  }
  if (preview.alreadyThisYear) {
    ImGui::Checkbox("Yes, move everyone up a second time", &mPromoteAgain);
    nameItem("promote:again");
  }
  const float big = ImGui::GetFrameHeight() * 1.4f;
  ImGui::BeginDisabled(!preview.canApply() || (preview.alreadyThisYear && !mPromoteAgain));
  const std::string confirm = "Move up " + std::to_string(preview.summary.promoted) + " pupils; " +
                              std::to_string(preview.summary.left) + " leave";
  const bool promoteNow = ImGui::Button(confirm.c_str(), ImVec2(0, big));
  nameItem("promote:confirm");
  ImGui::EndDisabled();
  if (promoteNow) {
    std::string error;
    if (admin::applyPromote(*records.store, preview, mPromoteAgain, error)) {
      records.say("Moved up for " + preview.yearLabel() + ": " + preview.summaryText());
      records.reloadRoster();
      mPromote.reset();
      return;
    }
    records.say(error, true);
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(0, big))) {
    mPromote.reset();
    records.say("Moving up was cancelled. Nothing has changed.");
    return;
  }
  nameItem("promote:cancel");
  if (preview.classes.empty()) {
    return;
  }
  if (ImGui::BeginTable("##promote", 3,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Class", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Pupils now", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("What happens", ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableHeadersRow();
    for (const admin::PromoteClassLine& line : preview.classes) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.className.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", line.pupils);
      ImGui::TableNextColumn();
      std::string what;
      for (const std::string& m : line.moves) {
        what += (what.empty() ? "" : "; ") + m;
      }
      ImGui::TextWrapped("%s", what.c_str());
    }
    ImGui::EndTable();
  }
}

// ---- classes and pupils ---------------------------------------------------------------

void ClassesPanel::drawClassList(RecordsContext& records) {
  const std::vector<admin::ClassRow> rows = admin::classRows(records.roster);
  const bool known = std::any_of(rows.begin(), rows.end(),
                                 [&](const admin::ClassRow& r) { return r.id == mClassId; });
  if (!known && !rows.empty()) {
    mClassId = rows.front().id;
    selectPupil(nullptr);
  }
  ImGui::TextUnformatted("Classes");
  // Big rows, their words in the middle of the row.
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  for (const admin::ClassRow& row : rows) {
    const std::string label = row.name + "  (" + std::to_string(row.onRoll) +
                              (row.onRoll == 1 ? " pupil)" : " pupils)") + "##" + row.id;
    if (ImGui::Selectable(label.c_str(), row.id == mClassId, 0, ImVec2(0, rowHeight()))) {
      if (row.id != mClassId) {
        mClassId = row.id;
        selectPupil(nullptr);
        mAskPicture = false;
      }
    }
    nameItem("class:" + scriptWord(row.name));
  }
  ImGui::PopStyleVar();
}

void ClassesPanel::selectPupil(const Pupil* pupil) {
  mPupilId = pupil != nullptr ? pupil->id : std::string();
  mFirstName = pupil != nullptr ? pupil->firstName : std::string();
  mAlias = pupil != nullptr ? pupil->initial : std::string();
  mMoveTo.clear();
  mAskLeaver = false;
}

void ClassesPanel::drawPupils(RecordsContext& records, const Theme& theme) {
  const SchoolClass* shown = records.roster.findClass(mClassId);
  if (shown == nullptr) {
    return;
  }
  const std::string className = shown->name;
  const std::vector<Pupil> pupils = admin::pupilsOnRoll(records.roster, mClassId);
  const Pupil* selected = nullptr;
  for (const Pupil& p : pupils) {
    if (p.id == mPupilId) {
      selected = &p;
    }
  }
  ImGui::PushFont(headingFont());
  ImGui::Text("%s", className.c_str());
  ImGui::PopFont();
  drawPicturePassword(records, mClassId, className);
  if (pupils.empty()) {
    ImGui::TextWrapped("No pupils are on roll in %s.", className.c_str());
    return;
  }
  // The list on the left of the pane, the chosen pupil's form on its right.
  const float formWidth = selected != nullptr ? std::max(ImGui::GetContentRegionAvail().x * 0.6f,
                                                         ImGui::GetFontSize() * 16.0f)
                                              : 0.0f;
  ImGui::BeginChild("##pupil-list", ImVec2(selected != nullptr ? -formWidth : 0.0f, 0), false);
  if (ImGui::BeginTable("##pupil-table", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Pupil", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Year group", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Year group").x);
    ImGui::TableHeadersRow();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (const Pupil& p : pupils) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string label = p.shortName() + "##" + p.id;
      if (ImGui::Selectable(label.c_str(), p.id == mPupilId, ImGuiSelectableFlags_SpanAllColumns,
                            ImVec2(0, rowHeight()))) {
        selectPupil(p.id == mPupilId ? nullptr : &p);
      }
      nameItem("pupil:" + scriptWord(p.shortName()));
      ImGui::TableNextColumn();
      // In the middle of the row, as the name beside it.
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                           (rowHeight() - ImGui::GetTextLineHeight()) * 0.5f);
      ImGui::TextUnformatted(std::string(yearGroupName(p.yearGroup)).c_str());
    }
    ImGui::PopStyleVar();
    ImGui::EndTable();
  }
  ImGui::EndChild();
  if (selected != nullptr) {
    ImGui::SameLine();
    ImGui::BeginChild("##pupil-form", ImVec2(0, 0), true);
    drawPupilForm(records, theme, *selected);
    ImGui::EndChild();
  }
}

void ClassesPanel::drawPupilForm(RecordsContext& records, const Theme& theme, const Pupil& pupil) {
  const Pupil chosen = pupil; // the roster may be read again below
  const auto save = [&](const admin::PupilEdit& edit) {
    std::string error;
    if (!admin::saveEdit(*records.store, edit, error)) {
      records.say(error, true);
      return false;
    }
    records.say(edit.warning.empty() ? edit.done : edit.done + " " + edit.warning,
                !edit.warning.empty());
    records.reloadRoster();
    return true;
  };
  const SchoolClass* inClass = records.roster.findClass(chosen.classId);
  ImGui::PushFont(headingFont());
  ImGui::TextUnformatted(chosen.shortName().c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::Text("%s, in %s", std::string(yearGroupName(chosen.yearGroup)).c_str(),
              inClass != nullptr ? inClass->name.c_str() : "");
  ImGui::PopStyleColor();

  // The question takes the form's place, so its buttons are in view at any size.
  if (mAskLeaver) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextWrapped("Mark %s as left from %s? They leave the class list and the sign-in "
                       "screen. Their records stay for the register and reports.",
                       chosen.shortName().c_str(), records.today().c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button("Yes, mark as left")) {
      if (save(admin::markLeaver(records.roster, chosen.id, records.today()))) {
        selectPupil(nullptr);
      }
      mAskLeaver = false;
    }
    nameItem("pupil:leaver-confirm");
    ImGui::SameLine();
    if (ImGui::Button("Cancel##leaver")) {
      mAskLeaver = false;
    }
    nameItem("pupil:leaver-cancel");
    return;
  }

  // Labels on the left, as the lesson forms, so the whole form fits at 1280x720.
  const float labels = ImGui::CalcTextSize("Initial or alias").x + ImGui::GetFontSize();
  const auto label = [&](const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(labels);
  };
  label("First name");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##first-name", &mFirstName);
  nameItem("pupil:first-name");
  label("Initial or alias");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##alias", &mAlias);
  nameItem("pupil:alias");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Shown after the first name on the sign-in screen: a letter of the last "
                      "name, or a short word to tell two pupils apart");
  }
  ImGui::Dummy(ImVec2(labels - ImGui::GetStyle().ItemSpacing.x, 0));
  ImGui::SameLine();
  if (ImGui::Button("Save the name")) {
    const admin::PupilEdit edit = admin::renamePupil(records.roster, chosen.id, mFirstName, mAlias);
    if (save(edit)) {
      const Pupil* now = records.roster.findPupil(chosen.id);
      selectPupil(now);
    }
  }
  nameItem("pupil:save-name");
  ImGui::Separator();

  label("Move to class");
  const std::string preview = mMoveTo.empty() ? std::string("(choose)") : mMoveTo;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  const bool open = ImGui::BeginCombo("##move-to", preview.c_str());
  if (!open) {
    nameItem("pupil:move-to"); // scripts: the closed combo, then "move-to:CLASS"
  }
  if (open) {
    for (const admin::ClassRow& row : admin::classRows(records.roster)) {
      if (row.id == chosen.classId) {
        continue;
      }
      if (ImGui::Selectable(row.name.c_str(), row.name == mMoveTo)) {
        mMoveTo = row.name;
      }
      // Not while the list first appears: ImGui measures it then, before placing it.
      if (!ImGui::IsWindowAppearing()) {
        nameItem("move-to:" + scriptWord(row.name));
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(mMoveTo.empty());
  if (ImGui::Button("Move")) {
    const admin::PupilEdit edit = admin::movePupil(records.roster, chosen.id, mMoveTo);
    if (save(edit)) {
      // Follow the pupil to their new class.
      const Pupil* now = records.roster.findPupil(chosen.id);
      if (now != nullptr) {
        mClassId = now->classId;
      }
      selectPupil(now);
    }
  }
  nameItem("pupil:move");
  ImGui::EndDisabled();
  ImGui::Separator();

  if (ImGui::Button("Mark as left the school...")) {
    mAskLeaver = true;
  }
  nameItem("pupil:leaver");
}

// ---- picture passwords ----------------------------------------------------------------

void ClassesPanel::drawPicturePassword(RecordsContext& records, const std::string& classId,
                                       const std::string& className) {
  // Each classroom PC keeps the passwords set in its own teacher settings; this PC's
  // file is read again when another class is shown, not every frame. A removal
  // here reaches the other PCs through the signed class list in the school folder.
  if (!mPictures || mPicturesFor != classId) {
    mPictures = PicturePasswordFile(records.dataDir + "/picture-passwords.json");
    mPicturesError.clear();
    mPicturesReadable = mPictures->load(mPicturesError);
    mPicturesFor = classId;
  }
  const SchoolClass* shown = records.roster.findClass(classId);
  const std::string removed = shown != nullptr ? admin::removedLine(*shown) : std::string();
  const bool hereToo = mPicturesReadable && !mPictures->get(classId).empty() &&
                       (shown == nullptr || shown->picturePasswordRemoved.empty() ||
                        mPictures->setAt(classId) > shown->picturePasswordRemoved);
  if (hereToo) {
    ImGui::TextWrapped("%s signs in with a picture password on this PC. Classroom PCs set "
                       "theirs in the game's teacher settings.",
                       className.c_str());
  } else {
    ImGui::TextWrapped("Picture password: set on each classroom PC in the game's teacher "
                       "settings (three of six pictures, for the whole class).");
  }
  if (!removed.empty()) {
    ImGui::TextDisabled("%s", removed.c_str());
  }
  if (!mPicturesReadable) {
    ImGui::TextDisabled("This PC's picture passwords could not be read: %s",
                        mPicturesError.c_str());
  }
  if (!mAskPicture) {
    if (ImGui::Button("Remove the picture password on every PC...")) {
      mAskPicture = true;
    }
    nameItem("class:remove-picture");
    return;
  }
  ImGui::TextWrapped("Remove the picture password of %s on every classroom PC? Its pupils then "
                     "tap their name to sign in; a new one can be set in the game's teacher "
                     "settings.",
                     className.c_str());
  if (ImGui::Button("Yes, remove it")) {
    std::string error;
    const std::string now = formatUtc(records.now());
    if (mPicturesReadable && !mPictures->get(classId).empty() &&
        !mPictures->set(classId, {}, error)) {
      records.say("The picture password could not be removed: " + error, true);
    } else if (!admin::removePicturePasswordEverywhere(*records.store, classId, now, error)) {
      records.say(error, true);
    } else {
      records.reloadRoster();
      const std::string folder = records.schoolFolder();
      bool published = false;
      std::string why;
      if (!folder.empty()) {
        auto signer = records.teacherSigner(why);
        if (signer) {
          const PublishResult r = publish(*records.store, folder, signer.get());
          published = r.ok;
          why = r.error;
        }
      }
      records.say(admin::removalResultLine(className, folder, published, why),
                  !folder.empty() && !published);
    }
    mAskPicture = false;
  }
  nameItem("class:remove-picture-confirm");
  ImGui::SameLine();
  if (ImGui::Button("Cancel##picture")) {
    mAskPicture = false;
  }
  nameItem("class:remove-picture-cancel");
}

} // namespace sq
