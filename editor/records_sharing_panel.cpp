#include "records_sharing_panel.hpp"
#include "records_browser_section.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/records_jobs.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

namespace sq {

void SharingPanel::refreshPcs(const RecordsContext& records) {
  const std::int64_t now = records.now ? records.now() : 0;
  mPcs = admin::listPublishedPcs(records.schoolFolder(),
                                 records.store ? records.store->deviceId() : "", now);
  admin::markRefused(mPcs, mLastMerge);
  mListed = true;
}

void SharingPanel::drawMerge(RecordsContext& records, const Theme& theme) {
  ImGui::TextUnformatted("Bring in the other PCs' records");
  ImGui::TextWrapped("Adds every PC's published work to this PC's records, so the register "
                     "and reports show the whole school. Nothing is deleted; merging again is "
                     "safe.");
  if (mMerge) {
    const MergeProgress p = mMerge->progress();
    ImGui::ProgressBar(admin::mergeFraction(p), ImVec2(-1, 0), admin::mergeProgressLine(p).c_str());
    nameItem("sharing:progress");
    records.wakeInMs = 50; // the bar moves while the worker merges
    if (mMerge->finished()) {
      const MergeResult r = mMerge->result();
      mMerge.reset();
      mLastMerge = r;
      mMergeLine = admin::mergeResultLine(r);
      mMergeProblem = admin::mergeNeedsAttention(r);
      records.say(mMergeLine, mMergeProblem);
      records.reloadRoster(); // an erasure merged in takes a pupil off the list
      refreshPcs(records);
    }
  } else {
    ImGui::BeginDisabled(mPublish != nullptr);
    const bool mergeNow = ImGui::Button("Merge the school folder now");
    ImGui::EndDisabled();
    if (mergeNow) {
      mMerge = std::make_unique<admin::BackgroundMerge>(records.dataDir, records.schoolFolder(),
                                                        records.storeOptions());
      mMergeLine.clear();
      records.wakeInMs = 50;
    }
    nameItem("sharing:merge");
  }
  // The last merge's line, unless it is the result line above the tabs already.
  if (!mMergeLine.empty() && mMergeLine != records.status) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          toImGui(mMergeProblem ? theme.problemText : theme.readyText));
    ImGui::TextWrapped("Last merge: %s", mMergeLine.c_str());
    ImGui::PopStyleColor();
    nameItem("sharing:result");
  }
}

void SharingPanel::drawPublish(RecordsContext& records) {
  ImGui::TextUnformatted("Share this PC's records");
  ImGui::TextWrapped("Puts this PC's records (no names) and the class list, signed with the "
                     "teacher key, in the school folder for the other PCs.");
  if (mPublish) {
    records.wakeInMs = 50;
    if (!mPublish->finished()) {
      ImGui::TextUnformatted(mPublish->stage().c_str());
      nameItem("sharing:publishing");
      return;
    }
    const admin::JobResult r = mPublish->result();
    mPublish.reset();
    if (r.deviceIdChanged) {
      // The worker's connection took a fresh device id: the window's follows it.
      records.open();
    }
    records.say(r.line, !r.ok);
    refreshPcs(records);
  }
  ImGui::BeginDisabled(mMerge != nullptr);
  if (ImGui::Button("Publish this PC's records")) {
    std::string error;
    std::shared_ptr<const TeacherSigner> signer = records.teacherSigner(error);
    if (!signer) {
      records.say("Not published: " + error + ".", true);
    } else {
      admin::PublishJob job;
      job.dataDir = records.dataDir;
      job.options = records.storeOptions();
      job.schoolFolder = records.schoolFolder();
      job.signer = std::move(signer);
      mPublish = admin::startPublishJob(std::move(job));
      records.wakeInMs = 50;
    }
  }
  ImGui::EndDisabled();
  nameItem("sharing:publish");
  if (mMerge != nullptr) {
    ImGui::SameLine();
    ImGui::TextDisabled("(after the merge)");
  }
}

void SharingPanel::drawPcs(RecordsContext& records, const Theme& theme) {
  ImGui::TextUnformatted("When each PC last published");
  ImGui::SameLine();
  if (ImGui::SmallButton("Look again")) {
    refreshPcs(records);
  }
  nameItem("sharing:refresh");
  if (!mPcs.error.empty()) {
    ImGui::TextWrapped("%s", mPcs.error.c_str());
    nameItem("sharing:pcs");
    return;
  }
  if (mPcs.pcs.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextWrapped("No PC has published to the school folder yet: \"Publish this PC's "
                       "records\" puts this one there.");
    ImGui::PopStyleColor();
    nameItem("sharing:pcs");
    return;
  }
  // A few PCs fit as they are; a whole school's scroll in a box of twelve rows.
  const bool scroll = mPcs.pcs.size() > 12;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingStretchProp |
                                (scroll ? ImGuiTableFlags_ScrollY : 0);
  const float height = scroll ? ImGui::GetTextLineHeightWithSpacing() * 13.0f : 0.0f;
  if (ImGui::BeginTable("##pcs", 3, flags, ImVec2(-1, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("PC", ImGuiTableColumnFlags_None, 1.0f);
    ImGui::TableSetupColumn("Last published", ImGuiTableColumnFlags_None, 1.0f);
    ImGui::TableSetupColumn("At the last merge", ImGuiTableColumnFlags_None, 2.0f);
    ImGui::TableHeadersRow();
    for (const admin::PublishedPc& pc : mPcs.pcs) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(pc.label.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", pc.file.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(pc.when.c_str());
      ImGui::TableNextColumn();
      if (!pc.problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
        ImGui::TextWrapped("%s", pc.problem.c_str());
        ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }
  nameItem("sharing:pcs");
  if (mPcs.truncated) {
    ImGui::TextDisabled("(More PCs than can be listed: the list stops here.)");
  }
}

void SharingPanel::draw(RecordsContext& records, const Theme& theme) {
  if (!records.store) {
    return;
  }
  if (records.schoolFolder().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextWrapped("%s", admin::noSchoolFolderHelp().c_str());
    ImGui::PopStyleColor();
    nameItem("sharing:no-folder");
    drawBrowserSection(records, theme); // browsers share through files, with or without a folder
    return;
  }
  if (!mListed) {
    refreshPcs(records);
  }
  // Its own scrolling region: a school's list of PCs is longer than the window.
  ImGui::BeginChild("##sharing-tab");
  ImGui::TextUnformatted("School folder:");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", records.schoolFolder().c_str());
  ImGui::Separator();
  drawMerge(records, theme);
  ImGui::Separator();
  drawPublish(records);
  ImGui::Separator();
  drawPcs(records, theme);
  drawBrowserSection(records, theme);
  ImGui::EndChild();
}

} // namespace sq
