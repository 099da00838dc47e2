#include "records_admin/sharing_status.hpp"

#include "records_admin/privacy_preview.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace sq::admin {

namespace {

std::string counted(long long n, const char* one, const char* many) {
  return withCommas(n) + " " + (n == 1 ? one : many);
}

// Seconds since the Unix epoch of a file time (C++17 has no clock_cast).
std::int64_t unixSeconds(fs::file_time_type t) {
  using namespace std::chrono;
  const auto sys = time_point_cast<system_clock::duration>(t - fs::file_time_type::clock::now() +
                                                           system_clock::now());
  return duration_cast<seconds>(sys.time_since_epoch()).count();
}

} // namespace

std::string mergeResultLine(const MergeResult& r) {
  if (!r.ok) {
    return "The merge did not finish: " + r.error + ". Nothing was lost: try again.";
  }
  int read = 0;
  std::vector<const MergeFileReport*> refused;
  for (const MergeFileReport& f : r.files) {
    if (f.error.empty()) {
      ++read;
    } else {
      refused.push_back(&f);
    }
  }
  std::string line =
      "Merged " + counted(r.added, "event", "events") + " from " + counted(read, "PC", "PCs");
  if (!refused.empty()) {
    line += "; " + counted(static_cast<long long>(refused.size()), "snapshot", "snapshots") +
            " could not be read: ";
    // Their names only: why each was refused is in the list of PCs (markRefused).
    for (std::size_t i = 0; i < refused.size(); ++i) {
      line += (i > 0 ? ", " : "") + refused[i]->file;
    }
  }
  line += ".";
  if (r.openConflicts > 0) {
    line += " " +
            counted(r.openConflicts, "record has two versions and waits",
                    "records have two versions and wait") +
            " for a teacher to choose (safequest-cli quarantine list).";
  }
  if (r.heldRows > 0) {
    line += " " + (r.heldRows == 1
                       ? std::string("1 record is about a pupil not on this PC's class list: it "
                                     "counts once the pupil is added.")
                       : withCommas(r.heldRows) +
                             " records are about pupils not on this PC's class list: they count "
                             "once the pupils are added.");
  }
  if (r.tombstonesRefused > 0) {
    line += " " + counted(r.tombstonesRefused, "erasure was", "erasures were") +
            " not signed with this school's teacher key and erased nothing.";
  }
  if (r.released > 0) {
    line += " " + counted(r.released, "held record now counts", "held records now count") +
            " as its pupil is on the class list.";
  }
  return line;
}

bool mergeNeedsAttention(const MergeResult& r) {
  if (!r.ok || r.openConflicts > 0 || r.tombstonesRefused > 0) {
    return true;
  }
  return std::any_of(r.files.begin(), r.files.end(),
                     [](const MergeFileReport& f) { return !f.error.empty(); });
}

float mergeFraction(const MergeProgress& p) {
  if (p.finished) {
    return 1.0F;
  }
  if (!p.listed || p.snapshotsTotal <= 0) {
    return 0.0F;
  }
  return static_cast<float>(p.snapshotsDone) / static_cast<float>(p.snapshotsTotal);
}

std::string mergeProgressLine(const MergeProgress& p) {
  if (p.finished) {
    return "Finished.";
  }
  if (!p.listed) {
    return "Looking in the school folder...";
  }
  const int current = std::min(p.snapshotsDone + 1, p.snapshotsTotal);
  return "Reading PC " + withCommas(current) + " of " + withCommas(p.snapshotsTotal) + ": " +
         counted(p.eventsRead, "record", "records") + " read, " + withCommas(p.eventsNew) + " new";
}

std::string whenPublished(std::int64_t publishedUtc, std::int64_t now) {
  const std::string stamp = formatUtc(publishedUtc); // 2026-12-07T14:05:00Z
  const std::string day = stamp.substr(0, 10);
  const std::string time = stamp.size() >= 16 ? stamp.substr(11, 5) : "";
  if (day == formatUtc(now).substr(0, 10)) {
    return "today at " + time;
  }
  if (day == formatUtc(now - 24 * 60 * 60).substr(0, 10)) {
    return "yesterday at " + time;
  }
  return longDate(day);
}

PublishedPcs listPublishedPcs(const std::string& schoolFolder, const std::string& thisDeviceId,
                              std::int64_t now, std::size_t maxFiles) {
  PublishedPcs out;
  const fs::path results = fs::path(schoolFolder) / "results";
  std::error_code ec;
  if (!fs::is_directory(results, ec)) {
    out.error = fs::is_directory(fs::path(schoolFolder), ec)
                    ? "No PC has published to the school folder yet."
                    : "The school folder " + schoolFolder +
                          " cannot be reached: check the network, or ask IT.";
    return out;
  }
  fs::directory_iterator it(results, ec);
  if (ec) {
    out.error = "The school folder's results cannot be read: " + ec.message() + ".";
    return out;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      break;
    }
    const fs::path path = it->path();
    const std::string name = path.filename().string();
    // As the merge: temporary files (".x.tmp") are publishes in progress.
    if (name.empty() || name[0] == '.' || path.extension() != ".sqlite") {
      continue;
    }
    if (out.pcs.size() >= maxFiles) {
      out.truncated = true;
      break;
    }
    std::error_code timeError;
    const auto changed = fs::last_write_time(path, timeError);
    PublishedPc pc;
    pc.file = name;
    pc.deviceId = path.stem().string();
    pc.thisPc = !thisDeviceId.empty() && pc.deviceId == thisDeviceId;
    pc.publishedUtc = timeError ? 0 : unixSeconds(changed);
    pc.label = pc.thisPc ? "This PC" : "PC " + pc.deviceId.substr(0, 8);
    pc.when = timeError ? "(not known)" : whenPublished(pc.publishedUtc, now);
    out.pcs.push_back(std::move(pc));
  }
  std::sort(out.pcs.begin(), out.pcs.end(), [](const PublishedPc& a, const PublishedPc& b) {
    return a.publishedUtc != b.publishedUtc ? a.publishedUtc > b.publishedUtc : a.file < b.file;
  });
  return out;
}

void markRefused(PublishedPcs& pcs, const MergeResult& lastMerge) {
  for (PublishedPc& pc : pcs.pcs) {
    pc.problem.clear();
    for (const MergeFileReport& f : lastMerge.files) {
      if (f.file == pc.file && !f.error.empty()) {
        pc.problem = "could not be read: " + f.error;
      }
    }
  }
}

std::string noSchoolFolderHelp() {
  return "No school folder is set on this PC, so its records cannot be shared with the "
         "other PCs.\n\n"
         "The school folder is a shared network folder that every SafeQuest PC can reach. "
         "To set it, either:\n"
         "  - in the game, open Teacher settings (with the teacher PIN) and type the folder "
         "under \"School folder\", or\n"
         "  - ask IT to set \"schoolFolder\" in SafeQuest's machine configuration.\n\n"
         "Then close this app and start it again.";
}

std::string publishResultLine(const PublishResult& r, bool classListWanted) {
  if (!r.ok) {
    return "This PC's records were not published: " + r.error + ". Nothing was changed.";
  }
  std::string line = "Published this PC's records to the school folder";
  if (!r.classListPath.empty()) {
    line += ", with the class list signed with the teacher key";
  } else if (classListWanted) {
    line += " (the class list was not published: it needs the teacher key)";
  }
  line += ".";
  if (r.deviceIdChange) {
    line += " This PC's records were copied from another PC, so it now publishes under a new "
            "name (" +
            r.deviceIdChange->newDeviceId.substr(0, 8) + ").";
  }
  if (r.temporariesRemoved > 0) {
    line += " Tidied " +
            counted(r.temporariesRemoved, "file left by a publish that was interrupted",
                    "files left by publishes that were interrupted") +
            ".";
  }
  return line;
}

} // namespace sq::admin
