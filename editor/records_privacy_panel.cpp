#include "records_privacy_panel.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/pin_change.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace sq {

namespace {

void heading(const Theme& theme, const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.text));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void muted(const Theme& theme, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Where a teacher keeps files: Documents in their home folder, else home.
std::string documentsFolder(const std::string& fallback) {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') {
    return fallback;
  }
  std::error_code ec;
  const std::filesystem::path docs = std::filesystem::path(home) / "Documents";
  return std::filesystem::is_directory(docs, ec) ? docs.string() : std::string(home);
}

// A labelled text box on one line: the label in the label column.
bool labelledInput(const char* label, const char* id, std::string& value,
                   ImGuiInputTextFlags flags = ImGuiInputTextFlags_None) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(labelWidth() * 1.4f);
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8.0f, ImGui::GetContentRegionAvail().x));
  const bool changed = ImGui::InputText((std::string("##") + id).c_str(), &value, flags);
  nameItem(id);
  return changed;
}

} // namespace

int PrivacyPanel::currentAcademicYear(const RecordsContext& records) const {
  const auto today = parseDate(records.today());
  return today ? academicYearOf(*today) : 2026;
}

void PrivacyPanel::draw(RecordsContext& records, const Theme& theme) {
  if (ImGui::BeginTabBar("privacy-parts")) {
    const auto part = [](const char* label, const char* name, auto&& drawPart) {
      const bool open = ImGui::BeginTabItem(label);
      nameItem(name);
      if (open) {
        ImGui::BeginChild(name, ImVec2(0, 0), false);
        drawPart();
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    };
    part("A pupil's data", "privacy:pupils", [&] { drawPupils(records, theme); });
    part("How long records are kept", "privacy:retention", [&] { drawRetention(records, theme); });
    part("The teacher PIN", "privacy:pin", [&] { drawPin(records, theme); });
    ImGui::EndTabBar();
  }
}

// ---- a pupil's data --------------------------------------------------------------

void PrivacyPanel::drawPupils(RecordsContext& records, const Theme& theme) {
  muted(theme, "Choose a pupil to save a copy of everything SafeQuest holds about them (for a "
               "request from them or their parents), or to erase them.");
  const float listWidth = std::min(ImGui::GetFontSize() * 18.0f, ImGui::GetContentRegionAvail().x);
  ImGui::BeginGroup();
  ImGui::SetNextItemWidth(listWidth);
  ImGui::InputTextWithHint("##privacy-find", "Find a pupil by name", &mFind);
  nameItem("privacy-find");
  ImGui::BeginChild("privacy-pupil-list", ImVec2(listWidth, 0), true);
  const std::string find = lowered(mFind);
  int shown = 0;
  const Pupil* chosen = nullptr;
  for (const Pupil& p : records.roster.pupils) {
    const SchoolClass* c = records.roster.findClass(p.classId);
    const std::string className = c != nullptr ? c->name : std::string("no class");
    if (p.id == mSelected) {
      chosen = &p;
    }
    if (!find.empty() && lowered(p.shortName()).find(find) == std::string::npos) {
      continue;
    }
    std::string label = p.shortName() + "  (" + className;
    if (!p.archivedOn.empty()) {
      label += ", left " + longDate(p.archivedOn);
    }
    label += ")##" + p.id;
    if (ImGui::Selectable(label.c_str(), p.id == mSelected)) {
      mSelected = p.id;
    }
    nameItem("privacy-pupil:" + className + ":" + p.shortName());
    ++shown;
  }
  if (shown == 0) {
    muted(theme, records.roster.pupils.empty() ? "There are no pupils on the class list yet."
                                               : "No pupil's name has those letters.");
  }
  ImGui::EndChild();
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  if (chosen != nullptr) {
    drawPupilActions(records, theme, *chosen);
  } else {
    muted(theme, "No pupil chosen.");
  }
  ImGui::EndGroup();
  drawEraseQuestion(records);
}

void PrivacyPanel::drawPupilActions(RecordsContext& records, const Theme& theme,
                                    const Pupil& pupil) {
  const SchoolClass* c = records.roster.findClass(pupil.classId);
  ImGui::Text("%s%s%s", pupil.shortName().c_str(), c != nullptr ? ", class " : "",
              c != nullptr ? c->name.c_str() : "");
  if (mExportFor != pupil.id) {
    mExportFor = pupil.id;
    if (mExportFolder.empty()) {
      mExportFolder = documentsFolder(records.dataDir);
    }
    mExportName = admin::exportFileName(pupil.shortName(), records.today());
  }

  heading(theme, "Save a copy of their data");
  muted(theme, "Everything SafeQuest holds about them (their class-list entry, every record "
               "and their settings) in one file, to send in answer to a request for it.");
  labelledInput("Folder", "privacy-export-folder", mExportFolder);
  labelledInput("File name", "privacy-export-name", mExportName);
  const bool save = ImGui::Button("Save the copy");
  nameItem("privacy-export-save");
  if (save) {
    const std::string path = (std::filesystem::path(mExportFolder) / mExportName).string();
    const admin::PrivacyOutcome done =
        admin::exportPupilToFile(*records.store, records.dataDir, pupil.id, path);
    records.say(done.message, !done.ok);
  }

  heading(theme, "Erase them");
  muted(theme, "Deletes every record about them and takes them off the class list, here and, "
               "at the next merge, on every PC. You will be asked first.");
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
  const bool erase = ImGui::Button("Erase this pupil...");
  ImGui::PopStyleColor();
  nameItem("privacy-erase");
  if (erase) {
    mErase = admin::previewErase(*records.store, pupil.id);
    mAskErase = true;
  }
}

void PrivacyPanel::drawEraseQuestion(RecordsContext& records) {
  if (mAskErase) {
    ImGui::OpenPopup("Erase a pupil?");
    mAskErase = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32.0f, 0));
  if (!ImGui::BeginPopupModal("Erase a pupil?", nullptr, ImGuiWindowFlags_NoResize)) {
    return;
  }
  ImGui::TextWrapped("%s", mErase.question().c_str());
  ImGui::Spacing();
  if (mErase.found) {
    const bool yes = ImGui::Button(("Erase " + mErase.name).c_str());
    nameItem("privacy-erase-confirm");
    if (yes) {
      std::string error;
      const auto signer = records.teacherSigner(error);
      if (!signer) {
        records.say("Nobody was erased: the teacher's key could not be opened (" + error + ").",
                    true);
      } else {
        const admin::PrivacyOutcome done =
            admin::eraseAsAsked(*records.store, records.dataDir, mErase, *signer);
        records.say(done.message, !done.ok);
        if (done.ok) {
          mSelected.clear();
          mExportFor.clear();
        }
      }
      records.reloadRoster();
      mRetention.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
  }
  const bool cancel = ImGui::Button("Cancel");
  nameItem("privacy-erase-cancel");
  if (cancel) {
    records.say("Nothing was erased.");
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// ---- how long records are kept -----------------------------------------------------

void PrivacyPanel::drawRetention(RecordsContext& records, const Theme& theme) {
  const admin::RetentionSetting setting =
      admin::retentionSetting(records.roster, records.settings->loaded());
  if (mYears == 0 || setting.lockedByIt) {
    mYears = setting.years;
  }
  const int year = currentAcademicYear(records);
  // Counted again each time this part is opened: another tab may have changed the
  // records (an import, a merge) since.
  const int frame = ImGui::GetFrameCount();
  if (frame != mRetentionFrame + 1) {
    mRetention.reset();
  }
  mRetentionFrame = frame;
  heading(theme, "How long records are kept");
  ImGui::TextWrapped("%s", setting.explanation.c_str());
  muted(theme, "Older records, and pupils who left before then, should not be kept: applying "
               "the setting deletes them, on this PC.");
  ImGui::Spacing();
  if (!setting.lockedByIt) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Keep records for");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    int years = mYears;
    ImGui::InputInt("##privacy-retention-years", &years);
    nameItem("privacy-retention-years");
    years = std::clamp(years, kMinRetentionYears, kMaxRetentionYears);
    if (years != mYears) {
      mYears = years;
      mRetention.reset();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(mYears == 1 ? "academic year" : "academic years");
    if (mYears != setting.years) {
      ImGui::SameLine();
      const bool save = ImGui::Button("Save this setting");
      nameItem("privacy-retention-save");
      if (save) {
        const admin::PrivacyOutcome done =
            admin::saveRetentionYears(*records.store, setting, mYears);
        records.say(done.message, !done.ok);
        records.reloadRoster();
        mRetention.reset();
      }
    }
  }
  if (!mRetention || mRetention->retentionYears != mYears) {
    mRetention = admin::previewRetentionFor(*records.store, year, mYears);
  }
  heading(theme, "Applying it now");
  ImGui::TextWrapped("%s", mRetention->summary().c_str());
  nameItem("privacy-retention-summary");
  for (const std::string& name : mRetention->leaverNames) {
    ImGui::BulletText("%s", name.c_str());
  }
  ImGui::Spacing();
  if (mRetention->nothingToDo()) {
    muted(theme, "There is nothing to delete.");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    const bool apply = ImGui::Button("Delete the old records...");
    ImGui::PopStyleColor();
    nameItem("privacy-retention-apply");
    if (apply) {
      mRetention = admin::previewRetentionFor(*records.store, year, mYears);
      mAskRetention = true;
    }
  }
  drawRetentionQuestion(records);
}

void PrivacyPanel::drawRetentionQuestion(RecordsContext& records) {
  if (mAskRetention) {
    ImGui::OpenPopup("Delete old records?");
    mAskRetention = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32.0f, 0));
  if (!ImGui::BeginPopupModal("Delete old records?", nullptr, ImGuiWindowFlags_NoResize)) {
    return;
  }
  ImGui::TextWrapped("%s", mRetention ? mRetention->summary().c_str() : "");
  ImGui::TextWrapped("They are deleted on this PC now, and cannot be brought back.");
  ImGui::Spacing();
  const bool yes = ImGui::Button("Delete them");
  nameItem("privacy-retention-confirm");
  if (yes && mRetention) {
    const admin::RetentionSetting setting =
        admin::retentionSetting(records.roster, records.settings->loaded());
    std::unique_ptr<TeacherSigner> signer;
    std::string error;
    if (!mRetention->plan.leaversToErase.empty()) {
      signer = records.teacherSigner(error);
    }
    if (!mRetention->plan.leaversToErase.empty() && !signer) {
      records.say("Nothing was deleted: the teacher's key could not be opened (" + error + ").",
                  true);
    } else {
      const admin::PrivacyOutcome done =
          admin::applyRetentionAsAsked(*records.store, records.dataDir, setting, *mRetention,
                                       currentAcademicYear(records), signer.get());
      records.say(done.message, !done.ok);
    }
    records.reloadRoster();
    mRetention.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel");
  nameItem("privacy-retention-cancel");
  if (cancel) {
    records.say("Nothing was deleted.");
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// ---- the teacher PIN -----------------------------------------------------------------

void PrivacyPanel::drawPin(RecordsContext& records, const Theme& theme) {
  const ConfigLoad& config = records.settings->loaded();
  const bool pinSet = pinState(config.effective) == PinState::Set;
  heading(theme, pinSet ? "Change the teacher PIN" : "Set a teacher PIN");
  if (admin::pinSetByIt(config)) {
    ImGui::TextWrapped("IT set the teacher PIN for this computer, in %s, so only IT can change "
                       "it there (safequest-cli pin set --config %s).",
                       config.machinePath.c_str(), config.machinePath.c_str());
  } else {
    muted(theme, "The PIN opens the teacher screens in the game and this app, and the key that "
                 "signs erasures. 4 to 8 digits, with no pattern such as 1234 or 0000.");
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal;
    const auto field = [&](const char* label, const char* id, std::string& value) {
      const bool problem = mPinProblemField == id;
      if (problem) {
        ImGui::PushStyleColor(ImGuiCol_Border, toImGui(theme.problemText));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
      }
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(label);
      ImGui::SameLine(labelWidth() * 1.4f);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
      ImGui::InputText((std::string("##") + id).c_str(), &value, flags);
      nameItem(id);
      if (problem) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
      }
    };
    if (pinSet) {
      field("The PIN you use now", "pin-old", mOldPin);
    }
    field("The new PIN", "pin-new", mNewPin);
    field("The new PIN again", "pin-again", mAgainPin);
    const bool change = ImGui::Button(pinSet ? "Change the PIN" : "Set the PIN");
    nameItem("privacy-pin-change");
    if (change) {
      const std::int64_t now = records.now ? records.now() : 0;
      const admin::PinChangeOutcome done =
          admin::changeTeacherPin({mOldPin, mNewPin, mAgainPin}, config, records.dataDir,
                                  records.settings->settingsDir(), now);
      records.settings->reload();
      mPinProblemField = done.field;
      records.say(done.message, !done.changed);
      if (done.changed) {
        records.pin = mNewPin; // the teacher's key is sealed under it now
        mOldPin.clear();
        mNewPin.clear();
        mAgainPin.clear();
      }
    }
  }
  heading(theme, "Forgotten the PIN?");
  ImGui::TextWrapped("%s", admin::forgottenPinHelp(config).c_str());
  nameItem("privacy-pin-forgotten");
}

} // namespace sq
