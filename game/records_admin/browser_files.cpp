#include "records_admin/browser_files.hpp"

#include "core/atomic_file.hpp"
#include "records_admin/privacy_preview.hpp"
#include "records_admin/sharing_status.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"

#include <filesystem>
#include <system_error>

namespace sq::admin {

namespace fs = std::filesystem;

namespace {

std::string counted(long long n, const char* one, const char* many) {
  return withCommas(n) + " " + (n == 1 ? one : many);
}

// The file's name as the teacher sees it.
std::string shownName(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  return name.empty() ? path : name;
}

// A temporary school folder of its own for one import, removed when done.
class TemporarySchoolFolder {
public:
  bool make(std::string& error) {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) {
      base = "/tmp";
    }
    mPath = base / ("safequest-browser-results-" + newUuid());
    if (!fs::create_directories(mPath / "results", ec)) {
      error = "could not make a temporary folder in " + base.string() + ": " + ec.message();
      mPath.clear();
      return false;
    }
    return true;
  }
  ~TemporarySchoolFolder() {
    if (!mPath.empty()) {
      std::error_code ec;
      fs::remove_all(mPath, ec);
    }
  }
  const fs::path& path() const { return mPath; }

private:
  fs::path mPath;
};

// The name the copy is merged under: the file's own, as a snapshot the merge lists
// (".sqlite", never hidden), so the merge's report names the teacher's file.
std::string mergedName(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  while (!stem.empty() && stem[0] == '.') {
    stem.erase(0, 1);
  }
  if (stem.empty()) {
    stem = "browser-results";
  }
  return stem + ".sqlite";
}

} // namespace

BrowserClassListSave saveClassListForBrowsers(const ResultsStore& store,
                                              const TeacherSigner& signer,
                                              const std::string& path) {
  BrowserClassListSave r;
  r.path = path;
  if (path.empty()) {
    r.line = "Not saved: type where to save the class list.";
    return r;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    r.line = "Not saved: " + path + " is a folder; add a file name, such as " +
             kBrowserClassListName + ".";
    return r;
  }
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    r.line = "Not saved: there is no folder " + parent.string() + ".";
    return r;
  }
  // As publish does: pupils erased here never leave this PC, even if a list kept them.
  Roster roster = store.loadRoster();
  leaveOutErased(roster, heldErasures(store));
  if (roster.pupils.empty()) {
    r.line = "Not saved: the class list has no pupils yet. Import a class list first "
             "(the Classes tab).";
    return r;
  }
  std::string error;
  if (!writeFileAtomically(path, signedClassListJson(classListJson(roster), signer), error)) {
    r.line = "Not saved: " + error + ".";
    return r;
  }
  r.ok = true;
  r.classes = static_cast<int>(roster.classes.size());
  r.pupils = static_cast<int>(roster.pupils.size());
  r.line = "Saved the class list for browsers (" + counted(r.classes, "class", "classes") + ", " +
           counted(r.pupils, "pupil", "pupils") + ") to " + path +
           ". In the browser game: Teacher, then \"Load class list from a file\".";
  return r;
}

BrowserResultsImport importBrowserResults(ResultsStore& store, const std::string& path,
                                          const SnapshotLimits& limits) {
  BrowserResultsImport r;
  r.problem = true;
  const std::string name = shownName(path);
  const auto refuse = [&](const std::string& why) {
    r.line = "Nothing added from " + name + ": " + why + ".";
    return r;
  };
  if (path.empty()) {
    r.line = "Nothing added: choose the results file the browser game downloaded.";
    return r;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return refuse("there is no such file");
  }
  if (fs::is_directory(status)) {
    return refuse("it is a folder, not a results file");
  }
  if (!fs::is_regular_file(status)) {
    return refuse("it is not a file");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    return refuse("it could not be read (" + ec.message() + ")");
  }
  if (size > limits.maxFileBytes) {
    return refuse("it is larger than a results file can be (" +
                  withCommas(static_cast<long long>(size)) + " bytes)");
  }
  TemporarySchoolFolder folder;
  std::string error;
  if (!folder.make(error)) {
    return refuse(error);
  }
  const fs::path copy = folder.path() / "results" / mergedName(path);
  fs::copy_file(path, copy, ec);
  if (ec) {
    return refuse("it could not be read (" + ec.message() + ")");
  }
  // The school folder's own merge: the snapshot reader's checks, merge by uuid,
  // conflicts kept aside, rows about pupils not on the class list held.
  r.merge = merge(store, folder.path().string(), limits);
  if (!r.merge.ok) {
    return refuse(r.merge.error);
  }
  if (r.merge.files.size() != 1) {
    return refuse("it was not read");
  }
  const MergeFileReport& file = r.merge.files.front();
  if (!file.error.empty()) {
    return refuse("it is not a SafeQuest results file (" + file.error + ")");
  }
  r.ok = true;
  r.added = file.added;
  // Rows held for pupils not on the class list, or kept aside, are not "all known".
  const bool allKnown = file.held == 0 && file.conflicts == 0 && file.skippedRows == 0 &&
                        r.merge.heldRows == 0 && r.merge.openConflicts == 0;
  if (r.added > 0) {
    r.line = "Added " + counted(r.added, "new record", "new records") + " from " + name + ".";
  } else if (allKnown) {
    r.line = "Added nothing new from " + name + ": this PC has all of its records already.";
  } else {
    r.line = "Added nothing new from " + name + ".";
  }
  // What the school folder's merge would add about it: skipped rows, conflicts,
  // rows held for pupils not on the class list, erasures not signed here.
  if (file.skippedRows > 0) {
    r.line += " " + counted(file.skippedRows, "damaged record was", "damaged records were") +
              " left out.";
  }
  const std::string rest = mergeResultLine(r.merge);
  const std::size_t firstStop = rest.find(". ");
  if (firstStop != std::string::npos) {
    r.line += rest.substr(firstStop + 1);
  }
  r.problem =
      mergeNeedsAttention(r.merge) || file.skippedRows > 0 || file.held > 0 || r.merge.heldRows > 0;
  return r;
}

} // namespace sq::admin
