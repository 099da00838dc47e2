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

// A labelled text box on one line: the label in a column of its own, measured from
// where the line starts (inside a group or a popup too).
bool labelledInput(const char* label, const char* id, std::string& value, float boxWidth) {
  const float start = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(start + labelWidth());
  ImGui::SetNextItemWidth(boxWidth);
  const bool changed = ImGui::InputText((std::string("##") + id).c_str(), &value);
  nameItem(id);
  return changed;
}

} // namespace

int PrivacyPanel::currentAcademicYear(const RecordsContext& records) const {
  const auto today = parseDate(records.today());
  return today ? academicYearOf(*today) : 2026;
}

void PrivacyPanel::draw(RecordsContext& records, const Theme& theme) {
  // Boxes outlined, so a teacher sees where to type on the pale background.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  if (ImGui::BeginTabBar("privacy-parts")) {
    const auto part = [](const char* label, const char* name, auto&& drawPart) {
      namedTab(label, name, drawPart, true);
    };
    part("A pupil's data", "privacy:pupils", [&] { drawPupils(records, theme); });
    part("How long records are kept", "privacy:retention", [&] { drawRetention(records, theme); });
    part("The teacher PIN", "privacy:pin", [&] { drawPin(records, theme); });
    ImGui::EndTabBar();
  }
  ImGui::PopStyleVar();
}

// ---- a pupil's data --------------------------------------------------------------

void PrivacyPanel::drawPupils(RecordsContext& records, const Theme& theme) {
  muted(theme, "Choose a pupil to save a copy of everything SafeQuest holds about them (for a "
               "request from them or their parents), or to erase them.");
  const float listWidth = std::min(ImGui::GetFontSize() * 14.0f, ImGui::GetContentRegionAvail().x);
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
    // Script names are one word: "privacy-pupil:3B:Amy-Z".
    std::string itemName = "privacy-pupil:" + className + ":" + p.shortName();
    std::replace(itemName.begin(), itemName.end(), ' ', '-');
    nameItem(itemName);
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
  drawExportQuestion(records, theme);
}

void PrivacyPanel::drawPupilActions(RecordsContext& records, const Theme& theme,
                                    const Pupil& pupil) {
  if (mHeld.pupilId != pupil.id) {
    mHeld = admin::previewErase(*records.store, pupil.id);
  }
  const SchoolClass* c = records.roster.findClass(pupil.classId);
  std::string who = pupil.shortName();
  if (c != nullptr) {
    who += ", class " + c->name;
  }
  if (!pupil.archivedOn.empty()) {
    who += " (left on " + longDate(pupil.archivedOn) + ")";
  }
  ImGui::TextUnformatted(who.c_str());
  ImGui::TextWrapped("%s", mHeld.held().c_str());
  ImGui::Spacing();
  const bool save = ImGui::Button("Save a copy of their data...");
  nameItem("privacy-export");
  ImGui::SameLine();
  const bool erase = ImGui::Button("Erase this pupil...");
  nameItem("privacy-erase");
  ImGui::Spacing();
  muted(theme, "Save a copy: for a request from them or their parents to see their data. One "
               "file with their class-list entry, every record and their settings.");
  muted(theme, "Erase: deletes every record about them and takes them off the class list, on "
               "this PC and, at the next merge, on every PC. You are asked first.");
  if (save) {
    if (mExportFolder.empty()) {
      mExportFolder = documentsFolder(records.dataDir);
    }
    mExportName = admin::exportFileName(pupil.shortName(), records.today());
    mExportProblem.clear();
    mAskExport = true;
  }
  if (erase) {
    mErase = admin::previewErase(*records.store, pupil.id);
    mAskErase = true;
  }
}

void PrivacyPanel::drawExportQuestion(RecordsContext& records, const Theme& theme) {
  if (mAskExport) {
    ImGui::OpenPopup("Save a copy of their data");
    mAskExport = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0f, 0));
  if (!ImGui::BeginPopupModal("Save a copy of their data", nullptr, ImGuiWindowFlags_NoResize)) {
    return;
  }
  ImGui::TextWrapped("Everything SafeQuest holds about %s, in one file. Keep it safe: it has "
                     "their name and records in it.",
                     mHeld.name.c_str());
  ImGui::Spacing();
  const float box = ImGui::GetContentRegionAvail().x - labelWidth();
  labelledInput("Folder", "privacy-export-folder", mExportFolder, box);
  labelledInput("File name", "privacy-export-name", mExportName, box);
  if (!mExportProblem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    ImGui::TextWrapped("%s", mExportProblem.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  const bool save = ImGui::Button("Save the copy");
  nameItem("privacy-export-save");
  if (save) {
    const std::string path = (std::filesystem::path(mExportFolder) / mExportName).string();
    const admin::PrivacyOutcome done =
        admin::exportPupilToFile(*records.store, records.dataDir, mHeld.pupilId, path);
    records.say(done.message, !done.ok);
    mExportProblem = done.ok ? std::string() : done.message;
    if (done.ok) {
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel");
  nameItem("privacy-export-cancel");
  if (cancel) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
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
        }
        mHeld = {};
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
  heading(theme, "If it is applied now");
  ImGui::TextWrapped("%s", mRetention->summary().c_str());
  nameItem("privacy-retention-summary");
  for (const std::string& name : mRetention->leaverNames) {
    ImGui::BulletText("%s", name.c_str());
  }
  ImGui::Spacing();
  if (mRetention->nothingToDo()) {
    muted(theme, "There is nothing to delete.");
  } else {
    const bool apply = ImGui::Button("Delete the old records...");
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
      const float start = ImGui::GetCursorPosX();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(label);
      ImGui::SameLine(start + labelWidth() * 1.2f);
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
  heading(theme, "Forgotten the PIN, or locked out?");
  ImGui::BeginGroup();
  for (const std::string& line : admin::forgottenPinHelp(config)) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
  ImGui::EndGroup();
  nameItem("privacy-pin-forgotten");
}

} // namespace sq
