#include "records_reports_panel.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/open_in_browser.hpp"
#include "records_admin/records_jobs.hpp"
#include "results/civil_time.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sq {

namespace {

constexpr admin::ReportFormat kFormats[] = {admin::ReportFormat::Html, admin::ReportFormat::Csv,
                                            admin::ReportFormat::Xapi};
constexpr const char* kFormatNames[] = {"report:format-html", "report:format-csv",
                                        "report:format-xapi"};

int currentAcademicYear(const RecordsContext& records) {
  const auto today = parseDate(records.today());
  return today ? academicYearOf(*today) : 2026;
}

} // namespace

void ReportsPanel::followChoices(const RecordsContext& records) {
  if (mHome.empty()) {
    const char* home = std::getenv("HOME");
    mHome = home != nullptr && *home != '\0' ? home : ".";
    mFolder = admin::defaultFolder(mHome);
  }
  if (!mPathTyped) {
    mPath = (fs::path(mFolder) / admin::defaultFileName(mRequest, records.roster)).string();
  }
}

void ReportsPanel::drawChoices(RecordsContext& records) {
  const float label = labelWidth();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("What");
  for (std::size_t i = 0; i < 3; ++i) {
    // One a line: the three kinds are read, not scanned.
    if (i == 0) {
      ImGui::SameLine(label);
    } else {
      ImGui::SetCursorPosX(label);
    }
    if (ImGui::RadioButton(admin::formatLabel(kFormats[i]).c_str(),
                           mRequest.format == kFormats[i])) {
      mRequest.format = kFormats[i];
      if (mPathTyped) {
        // A typed name keeps its words and takes the new kind's ending.
        fs::path p(mPath);
        const std::string ext = p.extension().string();
        if (ext == ".html" || ext == ".csv" || ext == ".json") {
          mPath = p.replace_extension(admin::formatExtension(mRequest.format)).string();
        }
      }
    }
    nameItem(kFormatNames[i]);
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("For");
  ImGui::SameLine(label);
  if (ImGui::RadioButton("The whole school", mRequest.scope == admin::ReportScope::School)) {
    mRequest.scope = admin::ReportScope::School;
  }
  nameItem("report:scope-school");
  ImGui::SameLine();
  ImGui::BeginDisabled(records.roster.classes.empty());
  if (ImGui::RadioButton("One class", mRequest.scope == admin::ReportScope::Class)) {
    mRequest.scope = admin::ReportScope::Class;
    if (records.roster.findClass(mRequest.classId) == nullptr) {
      mRequest.classId = records.roster.classes.front().id;
    }
  }
  ImGui::EndDisabled();
  nameItem("report:scope-class");
  ImGui::SameLine();
  if (ImGui::RadioButton("One year group", mRequest.scope == admin::ReportScope::YearGroup)) {
    mRequest.scope = admin::ReportScope::YearGroup;
  }
  nameItem("report:scope-year");

  if (mRequest.scope == admin::ReportScope::Class) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Class");
    ImGui::SameLine(label);
    const SchoolClass* chosen = records.roster.findClass(mRequest.classId);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    if (ImGui::BeginCombo("##class", chosen != nullptr ? chosen->name.c_str() : "(choose)")) {
      for (const SchoolClass& c : records.roster.classes) {
        if (ImGui::Selectable(c.name.c_str(), c.id == mRequest.classId)) {
          mRequest.classId = c.id;
        }
      }
      ImGui::EndCombo();
    }
    nameItem("report:class");
  } else if (mRequest.scope == admin::ReportScope::YearGroup) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Year group");
    ImGui::SameLine(label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const std::string current(yearGroupName(mRequest.yearGroup));
    if (ImGui::BeginCombo("##year-group", current.c_str())) {
      for (int y = 0; y <= static_cast<int>(YearGroup::Y6); ++y) {
        const auto group = static_cast<YearGroup>(y);
        const std::string name(yearGroupName(group));
        if (ImGui::Selectable(name.c_str(), group == mRequest.yearGroup)) {
          mRequest.yearGroup = group;
        }
      }
      ImGui::EndCombo();
    }
    nameItem("report:year-group");
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Academic year");
  ImGui::SameLine(label);
  const int thisYear = currentAcademicYear(records);
  if (!mYearSet) {
    mRequest.academicYear = thisYear;
    mYearSet = true;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  const auto yearText = [thisYear](int y) {
    return admin::academicYearLabel(y) + (y == thisYear ? " (this year)" : "");
  };
  if (ImGui::BeginCombo("##academic-year", yearText(mRequest.academicYear).c_str())) {
    for (const int y :
         admin::academicYearChoices(thisYear, records.roster.settings.retentionYears)) {
      if (ImGui::Selectable(yearText(y).c_str(), y == mRequest.academicYear)) {
        mRequest.academicYear = y;
      }
    }
    ImGui::EndCombo();
  }
  nameItem("report:academic-year");

  ImGui::Dummy(ImVec2(label - ImGui::GetStyle().ItemSpacing.x, 0));
  ImGui::SameLine(label);
  if (admin::formatHasNames(mRequest.format)) {
    ImGui::Checkbox("With names", &mRequest.names);
    nameItem("report:names");
    ImGui::SameLine();
    ImGui::TextDisabled(mRequest.names ? "(first name and initial: keep this file private)"
                                       : "(each pupil is shown by a code, not their name)");
  } else {
    bool never = false;
    ImGui::BeginDisabled();
    ImGui::Checkbox("With names", &never);
    ImGui::EndDisabled();
    nameItem("report:names");
    ImGui::SameLine();
    ImGui::TextDisabled("(xAPI statements never carry names)");
  }
}

void ReportsPanel::drawFolderBrowser() {
  if (mListing.folder.empty()) {
    mListing = authoring::listFolder(mFolder, {".html", ".csv", ".json"});
  }
  // Beside the labels, under the path box; the choice first, so it stays in view.
  const float indent = labelWidth();
  ImGui::Indent(indent);
  if (ImGui::Button("Save in this folder")) {
    mFolder = mListing.folder;
    const std::string name = mPath.empty() ? std::string() : fs::path(mPath).filename().string();
    mPath = (fs::path(mFolder) /
             (name.empty() ? "report" + admin::formatExtension(mRequest.format) : name))
                .string();
    mBrowsing = false;
  }
  nameItem("report:use-folder");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", mListing.folder.c_str());
  std::string next;
  for (const auto& [placeLabel, folder] : authoring::startPlaces(mHome)) {
    if (ImGui::SmallButton(placeLabel.c_str())) {
      next = folder;
    }
    nameItem("report:place:" + placeLabel);
    ImGui::SameLine();
  }
  if (ImGui::SmallButton("Up")) {
    next = authoring::parentFolder(mListing.folder);
  }
  nameItem("report:folder-up");
  ImGui::BeginChild("##report-folders", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 5.5f),
                    true);
  if (!mListing.error.empty()) {
    ImGui::TextWrapped("%s", mListing.error.c_str());
  }
  for (const std::string& folder : mListing.folders) {
    if (ImGui::Selectable(("[folder]  " + folder).c_str(), false)) {
      next = (fs::path(mListing.folder) / folder).string();
    }
  }
  // Reports already there, so the teacher sees what a name would replace.
  for (const std::string& file : mListing.files) {
    ImGui::TextDisabled("%s", file.c_str());
  }
  if (mListing.folders.empty() && mListing.files.empty() && mListing.error.empty()) {
    ImGui::TextDisabled("No folders here.");
  }
  if (mListing.truncated) {
    ImGui::TextDisabled("(This folder has too many files to list them all.)");
  }
  ImGui::EndChild();
  ImGui::Unindent(indent);
  if (!next.empty()) {
    mListing = authoring::listFolder(next, {".html", ".csv", ".json"});
  }
}

void ReportsPanel::drawWhere(RecordsContext& records) {
  (void)records;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Save to");
  ImGui::SameLine(labelWidth());
  // As wide as the panel leaves beside the button: paths are long.
  const char* browseLabel = mBrowsing ? "Hide folders" : "Choose folder...";
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextItemWidth(-(ImGui::CalcTextSize("Choose folder...").x +
                            style.FramePadding.x * 2.0f + style.ItemSpacing.x));
  if (ImGui::InputText("##report-path", &mPath)) {
    mPathTyped = true;
  }
  nameItem("report:path");
  ImGui::SameLine();
  if (ImGui::Button(browseLabel)) {
    mBrowsing = !mBrowsing;
    mListing = authoring::FolderListing();
  }
  nameItem("report:choose-folder");
  if (mBrowsing) {
    drawFolderBrowser();
  }
}

void ReportsPanel::save(RecordsContext& records) {
  // Made on a worker with its own connection: the window keeps drawing.
  admin::ReportJob job;
  job.dataDir = records.dataDir;
  job.options = records.storeOptions();
  job.contentDir = records.contentDir;
  job.request = mRequest;
  job.producedOn = records.today();
  job.path = mPath;
  mSavedPath.clear();
  mWarnings.clear();
  mJob = admin::startReportJob(std::move(job));
  records.wakeInMs = 50;
}

void ReportsPanel::drawRunning(RecordsContext& records) {
  if (!mJob->finished()) {
    records.wakeInMs = 50;
    ImGui::AlignTextToFramePadding();
    // A dot that moves, so a long report is seen to be working.
    static const char* const kDots[] = {".  ", ".. ", "..."};
    ImGui::Text("%s %s", mJob->stage().c_str(),
                kDots[static_cast<int>(ImGui::GetTime() * 3.0) % 3]);
    nameItem("report:progress");
    ImGui::SameLine();
    if (ImGui::Button("Stop")) {
      mJob->requestStop();
    }
    nameItem("report:stop");
    return;
  }
  const admin::JobResult r = mJob->result();
  mJob.reset();
  for (const std::string& w : r.warnings) {
    mWarnings += (mWarnings.empty() ? "" : "\n") + w;
  }
  if (r.ok) {
    mSavedPath = r.savedPath;
  }
  records.say(r.line, !r.ok);
}

void ReportsPanel::draw(RecordsContext& records, const Theme& theme) {
  if (!records.store) {
    return;
  }
  followChoices(records);
  // Its own scrolling region: with the folders open it can be taller than the window.
  ImGui::BeginChild("##reports-tab");
  ImGui::TextWrapped("Make a report of who has done the online-safety lessons and signed the "
                     "AUP: for governors (a web page to print), for a spreadsheet, or for a "
                     "learning record store. It is saved as a file where you choose.");
  ImGui::Spacing();
  drawChoices(records);
  followChoices(records); // the name follows what was just chosen
  ImGui::Spacing();
  drawWhere(records);
  ImGui::Spacing();
  if (mJob) {
    drawRunning(records);
  } else {
    if (ImGui::Button("Save the report")) {
      save(records);
    }
    nameItem("report:save");
  }
  if (!mJob && !mSavedPath.empty()) {
    ImGui::SameLine();
    if (ImGui::Button("Open it in the web browser")) {
      // The default browser shows a saved page; a CSV opens in what the PC uses.
      const admin::OpenOutcome opened = admin::openInBrowser(mSavedPath);
      if (opened.ok) {
        records.say("Opening " + mSavedPath + " in the web browser.");
      } else {
        records.say(opened.message + ".", true);
      }
    }
    nameItem("report:open");
  }
  if (!mWarnings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextWrapped("%s", mWarnings.c_str());
    ImGui::PopStyleColor();
    nameItem("report:warnings");
  }
  ImGui::EndChild();
}

} // namespace sq
