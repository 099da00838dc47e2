// The class list and results files that travel between the teachers' app and the
// web game (Chromebooks and iPads, which cannot reach a school folder):
//   - the class list for browsers is exactly the signed classlist.json a publish
//     puts in the school folder (results/teacher_trust: signedClassListJson over
//     results/school_folder: classListJson), so the browser reads it with the same
//     checked, signature-verifying loader as every game PC; names stay in the class
//     list, never a pupil's result;
//   - a browser's results file is the device snapshot the game writes for the school
//     folder (ResultsStore::writeEventSnapshot), and adding it here merges it by
//     event uuid with the school folder's merge (results/merge_job through merge()),
//     so it is read by the same snapshot reader, refused whole when it is not one,
//     and a second import of the same file adds nothing.
// Depends on: core (atomic_file), results (results_store, roster, school_folder,
// teacher_trust, teacher_key, snapshot_reader), records_admin/sharing_status (the
// merge's line), records_admin/privacy_preview (withCommas).
#pragma once

#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/snapshot_reader.hpp"

#include <string>

namespace sq {
class TeacherSigner;
}

namespace sq::admin {

// The name the file is offered under, in the folder a report is offered in.
inline constexpr const char* kBrowserClassListName = "safequest-class-list-for-browsers.json";

struct BrowserClassListSave {
  bool ok = false;
  std::string path; // where it was written
  int classes = 0;  // classes in the file
  int pupils = 0;   // pupils in the file (erased pupils are left out)
  std::string line; // what happened, in words, for the result line
};

// Writes the signed class list (pupils erased here left out, as publish does) to
// `path`, atomically (a half-written file never replaces a good one). Refuses an
// empty path, a folder, a missing folder, or a class list with no pupils, in words.
BrowserClassListSave saveClassListForBrowsers(const ResultsStore& store,
                                              const TeacherSigner& signer, const std::string& path);

struct BrowserResultsImport {
  bool ok = false;      // the file was read and merged
  bool problem = false; // the line tells of a problem (refused, or something to look at)
  int added = 0;        // events this store did not have
  MergeResult merge;    // the merge's own report (one file)
  std::string line;     // "Added 12 records from results.sqlite." or why not
};

// Merges the browser's results file at `path` into the store by event uuid, as a
// device snapshot in the school folder would be (the file is copied into a
// temporary school folder of its own, which is removed again). A file that is
// missing, a folder, too large, or not a SafeQuest snapshot is refused with why.
BrowserResultsImport importBrowserResults(ResultsStore& store, const std::string& path,
                                          const SnapshotLimits& limits = {});

} // namespace sq::admin
