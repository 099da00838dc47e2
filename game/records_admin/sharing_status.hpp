// What the Sharing tab of the teacher's app says about the school folder: the
// merge's progress and its result line ("Merged 1,204 events from 23 PCs; 2
// snapshots could not be read: ..."), the PCs that have published there and when
// each last did, and what to do when no school folder is set. Words and numbers
// only; the merge is results/merge_job (run by records_admin/background_merge) and
// the publish results/school_folder's publish, as `safequest-cli merge|publish`.
// Depends on: results (school_folder, merge_job), std::filesystem.
#pragma once

#include "results/merge_job.hpp"
#include "results/school_folder.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sq::admin {

// "Merged 1,204 events from 23 PCs; 2 snapshots could not be read: a.sqlite,
// b.sqlite." then, when there are, what waits for the teacher (versions kept
// aside, rows held for pupils not on the class list).
std::string mergeResultLine(const MergeResult& r);
// True when the line is a problem to show as one (a snapshot refused, the store
// not written, versions kept aside).
bool mergeNeedsAttention(const MergeResult& r);

// 0 to 1 for the progress bar, and its words: "Looking in the school folder...",
// "Reading PC 3 of 23: 5,310 records read, 1,204 new".
float mergeFraction(const MergeProgress& p);
std::string mergeProgressLine(const MergeProgress& p);

// One PC that has published into <school folder>/results.
struct PublishedPc {
  std::string deviceId;          // the file's name without ".sqlite"
  std::string file;              // "<device id>.sqlite"
  bool thisPc = false;           // this PC's own snapshot
  std::int64_t publishedUtc = 0; // the file's last change, Unix seconds
  std::string label;             // "This PC" or "PC 3f2a9c1b"
  std::string when;              // "today at 14:05", "yesterday at 09:12", "3 December 2026"
  std::string problem;           // "could not be read: why", from the last merge (markRefused)
};
struct PublishedPcs {
  std::vector<PublishedPc> pcs; // most recent first
  std::string error;            // the folder could not be read, in plain words
  bool truncated = false;       // more than `maxFiles`: the rest left out
};
// Lists the snapshots in <schoolFolder>/results (never the temporary files of a
// publish in progress). Reads only the folder, never the files, so a damaged or
// hostile snapshot cannot hold it. `now`: Unix seconds, for "today".
PublishedPcs listPublishedPcs(const std::string& schoolFolder, const std::string& thisDeviceId,
                              std::int64_t now, std::size_t maxFiles = 2000);
// Notes on each PC whose snapshot the last merge refused, why (the result line
// names only the files).
void markRefused(PublishedPcs& pcs, const MergeResult& lastMerge);
// "today at 14:05" (UTC), "yesterday at 09:12", else "3 December 2026".
std::string whenPublished(std::int64_t publishedUtc, std::int64_t now);

// What the tab says when no school folder is set: what it is for and the two ways
// to set one.
std::string noSchoolFolderHelp();
// "Published this PC's records (1,204 events) to PATH." or why not, in plain words.
std::string publishResultLine(const PublishResult& r, bool classListWanted);

} // namespace sq::admin
