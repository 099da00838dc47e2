#include "editor_ui.hpp"
#include "imgui_helpers.hpp"

#include "authoring/editor_settings.hpp"
#include "authoring/pack_templates.hpp"
#include "editor_script.hpp"
#include "screens/teacher/packs_screen.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
// After imgui.h, which defines what it uses.
#include <imgui_stdlib.h>

#include <filesystem>
#include <string>

namespace sq {

namespace {

std::string statusText(const PackRow& row) {
  std::string s = statusLabel(row);
  const std::string w = warningsLabel(row);
  if (!w.empty()) {
    s += ", " + w;
  }
  return s;
}

// The bundled pack opens read-only: a school changes its own copy, so updates to
// the core lessons never clash with a teacher's edits.
bool isCorePack(const CatalogEntry& entry) {
  return entry.result.packId == "core";
}

} // namespace

void EditorUi::reload() {
  const std::string keep = mSelected >= 0 && mSelected < static_cast<int>(mCatalog.packs.size())
                               ? mCatalog.packs[static_cast<std::size_t>(mSelected)].dir
                               : std::string();
  mCatalog = loadCatalog(mContentDir);
  mLoaded = true;
  mSelected = -1;
  for (std::size_t i = 0; i < mCatalog.packs.size(); ++i) {
    if (!keep.empty() && mCatalog.packs[i].dir == keep) {
      mSelected = static_cast<int>(i);
    }
  }
  if (mSelected < 0) {
    for (std::size_t i = 0; i < mCatalog.packs.size(); ++i) {
      if (mCatalog.packs[i].result.errors > 0) {
        mSelected = static_cast<int>(i);
        break;
      }
    }
  }
  if (mSelected < 0 && !mCatalog.packs.empty()) {
    mSelected = 0;
  }
}

void EditorUi::openPack(const std::string& folder) {
  bool readOnly = false;
  for (const CatalogEntry& e : mCatalog.packs) {
    if (e.dir == folder && isCorePack(e)) {
      readOnly = true;
    }
  }
  mEditor = std::make_unique<PackEditor>(
      folder, authoring::EditingSession::Options{mRecoveryDir, readOnly, 3000});
  mEditor->setHeadingFont(mHeadingFont);
}

bool EditorUi::copyAndOpen(const std::string& folder, std::string& error) {
  // "our-lessons", then "our-lessons-2", ...: never over an existing folder.
  std::string name = "our-lessons";
  for (int n = 2; std::filesystem::exists(mContentDir + "/" + name); ++n) {
    name = "our-lessons-" + std::to_string(n);
  }
  const std::string target = mContentDir + "/" + name;
  if (!authoring::duplicatePack(folder, target, name, "Our lessons", error)) {
    return false;
  }
  reload();
  openPack(target);
  return true;
}

void EditorUi::drawNewPack() {
  if (!ImGui::BeginPopupModal("New pack", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    return;
  }
  ImGui::TextUnformatted("Title");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputText("##new-title", &mNewTitle);
  nameItem("new-title");
  ImGui::RadioButton("A starter pack: one lesson of each kind to change", &mNewTemplate, 1);
  nameItem("template-starter");
  ImGui::RadioButton("An empty pack", &mNewTemplate, 0);
  nameItem("template-empty");
  // The folder name comes from the title: lower case letters, digits and hyphens.
  std::string folder;
  for (const char c : mNewTitle) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      folder.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      folder.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!folder.empty() && folder.back() != '-') {
      folder.push_back('-');
    }
  }
  while (!folder.empty() && folder.back() == '-') {
    folder.pop_back();
  }
  ImGui::BeginDisabled(folder.empty());
  const bool make = ImGui::Button("Make the pack");
  nameItem("make-pack");
  if (make) {
    std::string error;
    const std::string target = mContentDir + "/" + folder;
    const std::string core = mContentDir + "/core";
    if (authoring::createPackFromTemplate(mNewTemplate == 1 ? authoring::PackTemplate::OneOfEachKind
                                                            : authoring::PackTemplate::Empty,
                                          core, target, folder, mNewTitle, error)) {
      mMessage.clear();
      reload();
      openPack(target);
    } else {
      mMessage = "Could not make the pack: " + error;
    }
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel");
  nameItem("cancel-new");
  if (cancel) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void EditorUi::setHeadingFont(ImFont* font) {
  mHeadingFont = font;
  if (mEditor != nullptr) {
    mEditor->setHeadingFont(font);
  }
}

int EditorUi::takeScaleRequest() {
  const int r = mScaleRequest;
  mScaleRequest = 0;
  return r;
}

bool EditorUi::busy() const {
  return mEditor != nullptr &&
         (!mEditor->session().validatedOnce() || mEditor->session().validationChecking());
}

void EditorUi::drawMenuBar() {
  if (!ImGui::BeginMenuBar()) {
    return;
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Larger text", "Ctrl+=", false, mUiScale < authoring::kMaxUiScale)) {
      mScaleRequest = authoring::nextUiScale(mUiScale, +1);
    }
    if (ImGui::MenuItem("Smaller text", "Ctrl+-", false, mUiScale > authoring::kMinUiScale)) {
      mScaleRequest = authoring::nextUiScale(mUiScale, -1);
    }
    if (ImGui::MenuItem("Usual size", "Ctrl+0", false, mUiScale != authoring::kDefaultUiScale)) {
      mScaleRequest = authoring::kDefaultUiScale;
    }
    ImGui::Separator();
    for (const int step : authoring::uiScaleSteps()) {
      const std::string label = std::to_string(step) + "%";
      if (ImGui::MenuItem(label.c_str(), nullptr, step == mUiScale)) {
        mScaleRequest = step;
      }
      nameItem("scale:" + std::to_string(step));
    }
    ImGui::EndMenu();
  }
  nameItem("menu-view");
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keys", nullptr, &mShowKeys);
    ImGui::EndMenu();
  }
  nameItem("menu-help");
  drawModeSwitch();
  // The text size, where it is always seen: A- 100% A+.
  const float w = ImGui::CalcTextSize("A-  200%  A+").x + ImGui::GetStyle().ItemSpacing.x * 6 +
                  ImGui::GetStyle().FramePadding.x * 4;
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - w);
  if (ImGui::SmallButton("A-")) {
    mScaleRequest = authoring::nextUiScale(mUiScale, -1);
  }
  nameItem("text-smaller");
  ImGui::Text("%d%%", mUiScale);
  if (ImGui::SmallButton("A+")) {
    mScaleRequest = authoring::nextUiScale(mUiScale, +1);
  }
  nameItem("text-larger");
  ImGui::EndMenuBar();
  if (mShowKeys) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Keys", &mShowKeys, ImGuiWindowFlags_NoSavedSettings)) {
      ImGui::TextUnformatted("Tab, Shift+Tab, arrows: move between buttons and fields\n"
                             "Space: press the button, or go into a panel;\n"
                             "  Escape: back out of it; Home, End: its first, last item\n"
                             "Return: type in the field; Tab: the next field\n"
                             "Alt: the menu bar; Escape: leave a field or a menu\n"
                             "Ctrl+S save, Ctrl+Z undo, Ctrl+Y redo, Ctrl+F find\n"
                             "Ctrl+= larger text, Ctrl+- smaller, Ctrl+0 usual size\n"
                             "F5: preview the lesson; F11: full screen");
    }
    ImGui::End();
  }
}

bool EditorUi::requestQuit() {
  return mEditor == nullptr || mEditor->requestClose();
}

void EditorUi::enableRecords(const std::string& dataDir, GameSettings& settings,
                             const std::string& pin) {
  if (mRecords == nullptr) {
    mRecords = std::make_unique<RecordsWorkspace>(dataDir, settings, pin);
    mRecords->context().contentDir = mContentDir;
  }
}

void EditorUi::dropFile(const std::string& path) {
  if (showingRecords()) {
    mRecords->dropFile(path);
  } else if (mEditor != nullptr) {
    mEditor->dropFile(path); // a picture or sound for the selected field
  }
}

// Two buttons in the menu bar, where they take no room from the work below: the
// lessons (packs) or the school's records. The one shown is marked with a word as
// well as its colour.
void EditorUi::drawModeSwitch() {
  if (mRecords == nullptr) {
    return;
  }
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  const auto modeButton = [](const char* label, bool current, const char* name) {
    if (current) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    }
    const bool pressed = ImGui::Button(label);
    if (current) {
      ImGui::PopStyleColor();
    }
    nameItem(name);
    return pressed;
  };
  if (modeButton(mShowRecords ? "Lessons" : "Lessons (shown)", !mShowRecords, "mode:lessons")) {
    mShowRecords = false;
  }
  ImGui::SameLine();
  if (modeButton(mShowRecords ? "School records (shown)" : "School records", mShowRecords,
                 "mode:records")) {
    mShowRecords = true;
  }
}

void EditorUi::draw(const Theme& theme, std::uint64_t nowMs, const std::string& nowIso) {
  if (mReloadRequested) {
    mReloadRequested = false;
    reload();
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("SafeQuest editor", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_MenuBar);
  drawMenuBar();
  for (const std::string& notice : mNotices) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextWrapped("%s", notice.c_str());
    ImGui::PopStyleColor();
  }
  if (showingRecords()) {
    mRecords->draw(theme);
    ImGui::End();
    return;
  }
  if (mEditor != nullptr) {
    if (!mEditor->draw(theme, nowMs, nowIso)) {
      mEditor.reset();
      mReloadRequested = true; // the list shows the saved state
    }
    ImGui::End();
    return;
  }

  ImGui::TextUnformatted("Content folder:");
  ImGui::SameLine();
  ImGui::TextUnformatted(mContentDir.c_str());
  const float buttonW = ImGui::CalcTextSize("Reload").x + ImGui::GetStyle().FramePadding.x * 4;
  const float newW = ImGui::CalcTextSize("New pack").x + ImGui::GetStyle().FramePadding.x * 4;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttonW - newW -
                  ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::Button("New pack", ImVec2(newW, 0))) {
    ImGui::OpenPopup("New pack");
  }
  nameItem("new-pack");
  ImGui::SameLine();
  const bool reloadPressed = ImGui::Button("Reload", ImVec2(buttonW, 0));
  nameItem("reload");
  if (reloadPressed) {
    // Reload at the start of the next frame, not while this one still shows the old list.
    mReloadRequested = true;
  }
  drawNewPack();

  if (!mLoaded) {
    ImGui::TextUnformatted("Looking for packs\xE2\x80\xA6");
  } else if (!mCatalog.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    ImGui::TextWrapped("The content folder could not be read: %s", mCatalog.error.c_str());
    ImGui::PopStyleColor();
  } else {
    int ready = 0;
    int withErrors = 0;
    for (const auto& e : mCatalog.packs) {
      ready += e.result.valid() ? 1 : 0;
      withErrors += e.result.errors > 0 ? 1 : 0;
    }
    ImGui::Text("%d %s: %d ready, %d with errors", static_cast<int>(mCatalog.packs.size()),
                mCatalog.packs.size() == 1 ? "pack" : "packs", ready, withErrors);
  }
  ImGui::Separator();

  const float listW = ImGui::GetContentRegionAvail().x * 0.34f;
  ImGui::BeginChild("packs", ImVec2(listW, 0), true);
  drawPackList(theme);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("details", ImVec2(0, 0), true);
  drawDetails(theme);
  ImGui::EndChild();

  ImGui::End();
}

void EditorUi::drawPackList(const Theme& theme) {
  if (mLoaded && mCatalog.packs.empty() && mCatalog.error.empty()) {
    ImGui::TextWrapped("No packs here yet. A pack is a folder with a pack.json file inside.");
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("pack-list", 2, flags)) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Pack", ImGuiTableColumnFlags_WidthStretch);
  // Wide enough for the longest status, so it is never cut by the edge.
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("999 errors").x);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < mCatalog.packs.size(); ++i) {
    const PackRow row = packRowFromEntry(mCatalog.packs[i]);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string label =
        (row.title.empty() ? row.folder : row.title) + "##pack" + std::to_string(i);
    if (ImGui::Selectable(label.c_str(), mSelected == static_cast<int>(i),
                          ImGuiSelectableFlags_SpanAllColumns)) {
      mSelected = static_cast<int>(i);
    }
    nameItem("pack:" + row.folder);
    if (ImGui::IsItemHovered()) {
      // Long titles are cut by the column: show the whole of it on hover.
      ImGui::SetTooltip("%s", (row.title.empty() ? row.folder : row.title).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text,
                          toImGui(row.ready() ? theme.readyText : theme.problemText));
    ImGui::TextUnformatted(statusLabel(row).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

void EditorUi::drawDetails(const Theme& theme) {
  if (mSelected < 0 || mSelected >= static_cast<int>(mCatalog.packs.size())) {
    ImGui::TextUnformatted("Choose a pack on the left to see its problems.");
    return;
  }
  const CatalogEntry& entry = mCatalog.packs[static_cast<std::size_t>(mSelected)];
  const PackRow row = packRowFromEntry(entry);
  if (mHeadingFont != nullptr) {
    ImGui::PushFont(mHeadingFont);
  }
  ImGui::TextWrapped("%s", row.title.empty() ? row.folder.c_str() : row.title.c_str());
  if (mHeadingFont != nullptr) {
    ImGui::PopFont();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("id %s    version %s    folder %s", row.id.empty() ? "(none)" : row.id.c_str(),
                     row.version.empty() ? "(unknown)" : row.version.c_str(), entry.dir.c_str());
  ImGui::PopStyleColor();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(row.ready() ? theme.readyText : theme.problemText));
  ImGui::TextUnformatted(statusText(row).c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();

  if (isCorePack(entry)) {
    const bool look = ImGui::Button("Look inside (read-only)");
    nameItem("look-inside");
    if (look) {
      openPack(entry.dir);
    }
    ImGui::SameLine();
    const bool copy = ImGui::Button("Make our own copy to edit");
    nameItem("make-copy");
    if (copy) {
      std::string error;
      if (!copyAndOpen(entry.dir, error)) {
        mMessage = "Could not copy the pack: " + error;
      }
    }
  } else {
    const bool edit = ImGui::Button("Edit this pack");
    nameItem("edit-pack");
    if (edit) {
      openPack(entry.dir);
    }
  }
  if (!mMessage.empty()) {
    ImGui::TextWrapped("%s", mMessage.c_str());
  }
  ImGui::Spacing();

  const auto& diags = entry.result.diagnostics;
  if (diags.empty()) {
    ImGui::TextUnformatted("No problems found.");
    return;
  }
  // The file and the place in it share a column that wraps, so a long path never
  // squeezes the message (what the teacher reads) into a sliver.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("diagnostics", 4, flags)) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("warning").x);
  ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("reference.missing").x);
  ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  for (const Diagnostic& d : diags) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool error = d.severity == Severity::Error;
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(error ? theme.problemText : theme.warningText));
    ImGui::TextUnformatted(std::string(severityName(d.severity)).c_str());
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", std::string(codeId(d.code)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s %s", d.file.empty() ? "(pack)" : d.file.c_str(),
                       d.pointer.empty() ? "(whole file)" : d.pointer.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", d.message.c_str());
  }
  ImGui::EndTable();
}

} // namespace sq
