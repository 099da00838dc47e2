#include "records_workspace.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

namespace sq {

RecordsWorkspace::RecordsWorkspace(std::string dataDir, GameSettings& settings, std::string pin) {
  mRecords.dataDir = std::move(dataDir);
  mRecords.settings = &settings;
  mRecords.pin = std::move(pin);
}

void RecordsWorkspace::draw(const Theme& theme) {
  if (!mTriedOpen) {
    mTriedOpen = true;
    mRecords.open();
  }
  if (!mRecords.store) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    ImGui::TextWrapped("The school's records could not be opened: %s", mRecords.storeError.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("Nothing has been changed. Close other SafeQuest windows on this computer, "
                       "then try again.");
    if (ImGui::Button("Try again")) {
      mRecords.open();
    }
    nameItem("records:retry");
    return;
  }
  // The result of the last action stays in view above the tabs.
  if (!mRecords.status.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          toImGui(mRecords.statusIsProblem ? theme.problemText : theme.readyText));
    ImGui::TextWrapped("%s", mRecords.status.c_str());
    ImGui::PopStyleColor();
    nameItem("records:status");
  }
  mRecords.wakeInMs = 0;
  if (ImGui::BeginTabBar("records-tabs")) {
    // Each tab is named for scripts ("tab:register"), whether or not it is open.
    const auto tab = [](const char* label, const char* name, auto&& drawPanel) {
      namedTab(label, name, drawPanel);
    };
    tab("Classes", "tab:classes", [&] { mClasses.draw(mRecords, theme); });
    tab("Register", "tab:register", [&] { mRegister.draw(mRecords, theme); });
    tab("Reports", "tab:reports", [&] { mReports.draw(mRecords, theme); });
    tab("Sharing", "tab:sharing", [&] { mSharing.draw(mRecords, theme); });
    tab("Privacy", "tab:privacy", [&] { mPrivacy.draw(mRecords, theme); });
    tab("School", "tab:school", [&] { mSchool.draw(mRecords, theme); });
    ImGui::EndTabBar();
  }
}

} // namespace sq
