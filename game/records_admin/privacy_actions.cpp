// Erase, export and retention for the Privacy tab (see privacy_actions.hpp).
#include "records_admin/privacy_actions.hpp"

#include "core/atomic_file.hpp"
#include "results/privacy.hpp"
#include "results/register.hpp"
#include "settings/pupil_settings.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace sq::admin {

namespace {

std::string plural(long long n, const char* one, const char* many) {
  return withCommas(n) + " " + (n == 1 ? one : many);
}

bool samePlan(const ResultsStore::RetentionPlan& a, const ResultsStore::RetentionPlan& b) {
  return a.keepFrom == b.keepFrom && a.events == b.events && a.setAside == b.setAside &&
         a.leaversToErase == b.leaversToErase;
}

} // namespace

PrivacyOutcome eraseAsAsked(ResultsStore& store, const std::string& dataDir,
                            const ErasePreview& asked, const TeacherSigner& signer) {
  PrivacyOutcome out;
  if (!asked.found || !previewErase(store, asked.pupilId).found) {
    out.message = "Nobody was erased: this pupil is no longer on the class list.";
    return out;
  }
  std::string error;
  if (!store.erasePupil(asked.pupilId, signer, error)) {
    out.message = "Nothing was erased: " + error +
                  ". Try again once other SafeQuest windows "
                  "on this computer are closed.";
    return out;
  }
  out.ok = true;
  out.message = asked.name + " is erased: " + plural(asked.records, "record", "records") +
                " deleted and their name taken off the class list. Other PCs erase them at "
                "the next merge.";
  if (!store.logNotCleared().empty()) {
    out.message += " (A copy of the deleted records stays in the records' log until every "
                   "SafeQuest on this computer closes: " +
                   store.logNotCleared() + ".)";
  }
  // Their preferences (text size, font...) are held about them too.
  if (!removePupilPreferences(dataDir, asked.pupilId, error)) {
    out.ok = false;
    out.message +=
        " But their settings file could not be removed: " + error + ". Ask IT to delete it.";
  }
  return out;
}

std::string exportFileName(const std::string& pupilName, const std::string& today) {
  std::string safe;
  for (const char c : pupilName) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == ' ' || c == '-';
    if (plain && !(c == ' ' && (safe.empty() || safe.back() == ' '))) {
      safe.push_back(c);
    }
  }
  while (!safe.empty() && safe.back() == ' ') {
    safe.pop_back();
  }
  if (safe.empty()) {
    safe = "pupil";
  }
  return "SafeQuest data, " + safe + ", " + today + ".json";
}

PrivacyOutcome exportPupilToFile(const ResultsStore& store, const std::string& dataDir,
                                 const std::string& pupilId, const std::string& path) {
  PrivacyOutcome out;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty()) {
    out.message = "Nothing was saved: choose a folder and a file name first.";
    return out;
  }
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec)) {
    out.message = "Nothing was saved: there is no folder " + folder.string() + ".";
    return out;
  }
  if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
    out.message = "Nothing was saved: there is a file called " + target.filename().string() +
                  " in that folder already. Choose another name.";
    return out;
  }
  // As safequest-cli export-pupil: the preferences file is held about them too.
  PupilFilesHeld held;
  if (const auto prefs = pupilSettingsPath(dataDir, pupilId)) {
    if (fs::is_regular_file(*prefs, ec)) {
      // The game writes at most 4 KiB there; a huge file is not read into memory.
      const auto size = fs::file_size(*prefs, ec);
      std::ifstream in(*prefs, std::ios::binary);
      if (ec || size > 1024 * 1024 || !in) {
        out.message = "Nothing was saved: the pupil's settings file " + *prefs +
                      " cannot be read, and the copy must hold everything kept about them.";
        return out;
      }
      held.preferences = std::string(std::istreambuf_iterator<char>(in), {});
    }
  }
  const auto json = exportPupilJson(store, pupilId, held);
  if (!json) {
    out.message = "Nothing was saved: this pupil is no longer on the class list.";
    return out;
  }
  std::string error;
  if (!writeFileAtomically(path, *json + "\n", error)) {
    out.message = "Nothing was saved: " + error + ".";
    return out;
  }
  out.ok = true;
  out.message = "Saved everything SafeQuest holds about them in " + path +
                ". Keep it safe: it has their name and records in it.";
  return out;
}

RetentionSetting retentionSetting(const Roster& roster, const ConfigLoad& config) {
  RetentionSetting s;
  s.years = roster.settings.retentionYears;
  if (config.effective.retentionYears.locked()) {
    s.lockedByIt = true;
    s.years = config.effective.retentionYears.value;
  }
  s.explanation = "Records are kept for " + plural(s.years, "academic year", "academic years") +
                  " (this school year counts as one).";
  if (s.lockedByIt) {
    s.explanation += " IT set this for every SafeQuest on this computer, in " + config.machinePath +
                     ", so it cannot be changed here: ask IT if it should be different.";
  }
  return s;
}

PrivacyOutcome saveRetentionYears(ResultsStore& store, const RetentionSetting& setting, int years) {
  PrivacyOutcome out;
  if (years < kMinRetentionYears || years > kMaxRetentionYears) {
    out.message = "Records can be kept for " + std::to_string(kMinRetentionYears) + " to " +
                  std::to_string(kMaxRetentionYears) + " academic years.";
    return out;
  }
  if (setting.lockedByIt && years != setting.years) {
    out.message = "Not changed: IT set " + plural(setting.years, "year", "years") +
                  " in the machine configuration, which wins.";
    return out;
  }
  Roster roster = store.loadRoster();
  if (roster.settings.retentionYears != years) {
    roster.settings.retentionYears = years;
    std::string error;
    if (!store.saveRoster(roster, error)) {
      out.message = "Not changed: " + error + ".";
      return out;
    }
  }
  out.ok = true;
  out.message = "Records are now kept for " + plural(years, "academic year", "academic years") +
                ". Nothing has been deleted yet.";
  return out;
}

PrivacyOutcome applyRetentionAsAsked(ResultsStore& store, const std::string& dataDir,
                                     const RetentionSetting& setting, const RetentionPreview& asked,
                                     int currentAcademicYear, const TeacherSigner* signer) {
  PrivacyOutcome out;
  const RetentionPreview now =
      previewRetentionFor(store, currentAcademicYear, asked.retentionYears);
  if (!samePlan(now.plan, asked.plan)) {
    out.message = "Nothing was deleted: the records changed since you were asked (" +
                  now.summary() + "). Look at the numbers again.";
    return out;
  }
  if (!now.plan.leaversToErase.empty() && signer == nullptr) {
    out.message = "Nothing was deleted: erasing pupils who left needs the teacher's key, which "
                  "opens with the teacher PIN.";
    return out;
  }
  const PrivacyOutcome saved = saveRetentionYears(store, setting, asked.retentionYears);
  if (!saved.ok) {
    out.message = "Nothing was deleted. " + saved.message;
    return out;
  }
  std::string error;
  const int removed = store.applyRetention(currentAcademicYear, signer, error);
  if (removed < 0) {
    out.message = "Not finished: " + error +
                  ". Records that were not deleted are all still "
                  "there; try again once other SafeQuest windows on "
                  "this computer are closed.";
    return out;
  }
  out.ok = true;
  out.message = "Deleted " + plural(removed + now.plan.setAside, "old record", "old records");
  if (!now.plan.leaversToErase.empty()) {
    out.message +=
        " and erased " +
        plural(static_cast<long long>(now.plan.leaversToErase.size()), "pupil", "pupils") +
        " who left before " + longDate(now.plan.keepFrom);
  }
  out.message += ". Records are kept for " +
                 plural(asked.retentionYears, "academic year", "academic years") + ".";
  for (const std::string& id : now.plan.leaversToErase) {
    if (!removePupilPreferences(dataDir, id, error)) {
      out.message += " A leaver's settings file could not be removed: " + error + ".";
    }
  }
  return out;
}

} // namespace sq::admin
