#include "records_browser_section.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/browser_files.hpp"
#include "records_admin/report_request.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

namespace sq {

namespace fs = std::filesystem;

BrowserSection::BrowserSection() : mChooser({".sqlite"}, "results file") {
  const char* home = std::getenv("HOME");
  const std::string folder = admin::defaultFolder(home != nullptr && *home != '\0' ? home : ".");
  mListPath = (fs::path(folder) / admin::kBrowserClassListName).string();
}

void BrowserSection::drawClassList(RecordsContext& records) {
  ImGui::TextWrapped("The class list for the browser game: pupils' names and classes, signed "
                     "with the teacher key, never their results. In the browser game, open "
                     "Teacher, then \"Load class list from a file\".");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Save to");
  ImGui::SameLine();
  const char* label = "Save the class list for browsers...";
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextItemWidth(
      -(ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x));
  ImGui::InputText("##browser-list-path", &mListPath);
  nameItem("browsers:list-path");
  ImGui::SameLine();
  if (ImGui::Button(label)) {
    std::string error;
    const auto signer = records.teacherSigner(error);
    if (!signer) {
      mLine = "Not saved: " + error + ".";
      mProblem = true;
    } else {
      const admin::BrowserClassListSave saved =
          admin::saveClassListForBrowsers(*records.store, *signer, mListPath);
      mLine = saved.line;
      mProblem = !saved.ok;
    }
    records.say(mLine, mProblem);
  }
  nameItem("browsers:save-list");
}

void BrowserSection::addResults(RecordsContext& records, const std::string& path) {
  const admin::BrowserResultsImport r = admin::importBrowserResults(*records.store, path);
  mLine = r.line;
  mProblem = r.problem;
  records.say(mLine, mProblem);
  if (r.ok) {
    mChoosing = false;
    records.reloadRoster(); // an erasure merged in takes a pupil off the list
  }
}

void BrowserSection::drawResults(RecordsContext& records) {
  ImGui::TextWrapped("Results from the browser game: there, \"Download results\" saves a file; "
                     "adding it here merges it like a PC's records in the school folder. "
                     "Adding the same file again adds nothing.");
  if (!mChoosing) {
    if (ImGui::Button("Add results from a browser file...")) {
      mChoosing = true;
    }
    nameItem("browsers:add-results");
    return;
  }
  if (ImGui::Button("Cancel")) {
    mChoosing = false;
  }
  nameItem("browsers:cancel");
  ImGui::BeginChild("##browser-results-chooser",
                    ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12.0f), true);
  if (mChooser.draw()) {
    addResults(records, mChooser.path());
  }
  ImGui::EndChild();
}

void BrowserSection::draw(RecordsContext& records, const Theme& theme) {
  if (!records.store) {
    return;
  }
  ImGui::Separator();
  ImGui::TextUnformatted("For browsers");
  nameItem("browsers:section");
  drawClassList(records);
  ImGui::Spacing();
  drawResults(records);
  // The section's own last line, unless it is the result line above the tabs.
  if (!mLine.empty() && mLine != records.status) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(mProblem ? theme.problemText : theme.readyText));
    ImGui::TextWrapped("%s", mLine.c_str());
    ImGui::PopStyleColor();
  }
}

void drawBrowserSection(RecordsContext& records, const Theme& theme) {
  static BrowserSection section;
  section.draw(records, theme);
}

} // namespace sq
