// What the Privacy tab does once the teacher has agreed: erase a pupil, save a
// pupil's data to a file (a subject-access request), set how long records are kept
// and apply it. The same results/ and settings/ calls as safequest-cli erase,
// export-pupil and retention, each ending in one plain-words line for the teacher;
// a failure (a locked store, a full disk) says why and changes nothing the teacher
// was not told about.
// Depends on: records_admin/privacy_preview, results (results_store, privacy,
// teacher_key, civil_time), settings (machine_config, pupil_settings), core
// (atomic_file). Counting what would go is privacy_preview's.
#pragma once

#include "records_admin/privacy_preview.hpp"
#include "results/teacher_key.hpp"
#include "settings/machine_config.hpp"

#include <string>

namespace sq::admin {

struct PrivacyOutcome {
  bool ok = false;
  std::string message; // for the result line: what happened, or why not
};

// Erases the pupil the teacher was asked about (`asked`, from previewErase): their
// records and class-list entry (a signed tombstone, as `safequest-cli erase`), and
// their preferences file in `dataDir`.
PrivacyOutcome eraseAsAsked(ResultsStore& store, const std::string& dataDir,
                            const ErasePreview& asked, const TeacherSigner& signer);

// "SafeQuest data, Sian K, 2026-12-07.json": a file name for the export that any
// file system takes (letters outside plain ASCII, slashes and the like left out).
std::string exportFileName(const std::string& pupilName, const std::string& today);

// Writes everything held about the pupil (as `safequest-cli export-pupil`: the class
// list entry, every record, their preferences) to `path`, atomically. Never
// replaces a file that is already there.
PrivacyOutcome exportPupilToFile(const ResultsStore& store, const std::string& dataDir,
                                 const std::string& pupilId, const std::string& path);

// How long records are kept, as the Privacy tab shows it: the years, and whether IT
// fixed them in the machine configuration (which then wins over the class list's
// setting, as for safequest-cli retention).
struct RetentionSetting {
  int years = kDefaultRetentionYears;
  bool lockedByIt = false;
  // "Records are kept for 2 academic years. IT set this in /etc/..., for every ..."
  std::string explanation;
};
RetentionSetting retentionSetting(const Roster& roster, const ConfigLoad& config);

// Saves `years` (1 to 10) as the class list's retention setting. Refused when IT
// fixed another number.
PrivacyOutcome saveRetentionYears(ResultsStore& store, const RetentionSetting& setting, int years);

// Applies retention as the teacher was asked (`asked`, from previewRetentionFor):
// saves its years when they changed, then deletes, but only when the numbers are
// still those the teacher agreed to (else nothing is deleted and the message says
// to look again). Erasing leavers needs `signer`. Leavers' preferences files go too.
PrivacyOutcome applyRetentionAsAsked(ResultsStore& store, const std::string& dataDir,
                                     const RetentionSetting& setting, const RetentionPreview& asked,
                                     int currentAcademicYear, const TeacherSigner* signer);

} // namespace sq::admin
