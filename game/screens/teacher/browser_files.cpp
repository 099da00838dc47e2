#include "screens/teacher/browser_files.hpp"

#include "core/atomic_file.hpp"
#include "results/civil_time.hpp"
#include "results/teacher_trust.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace sq {

namespace fs = std::filesystem;

namespace {

BrowserFilePort& port() {
  static BrowserFilePort p;
  return p;
}

std::optional<BrowserFileArrival>& arrival() {
  static std::optional<BrowserFileArrival> a;
  return a;
}

} // namespace

void setBrowserFilePort(BrowserFilePort p) {
  port() = std::move(p);
}

const BrowserFilePort& browserFilePort() {
  return port();
}

bool browserFilesAvailable() {
  return port().chooseFile && port().download && !port().schoolFolder.empty() &&
         !port().scratchFolder.empty();
}

void browserFileArrived(BrowserFileArrival a) {
  arrival() = std::move(a);
}

std::optional<BrowserFileArrival> takeBrowserFileArrival() {
  std::optional<BrowserFileArrival> a = std::move(arrival());
  arrival().reset();
  return a;
}

ClassListLoad loadClassListFile(ResultsStore& store, const std::string& chosen,
                                const std::string& schoolFolder, const SnapshotLimits& limits) {
  ClassListLoad r;
  std::error_code ec;
  if (!fs::is_regular_file(chosen, ec)) {
    r.problem = "the file could not be read";
    return r;
  }
  const std::uintmax_t size = fs::file_size(chosen, ec);
  if (ec) {
    r.problem = "the file could not be read";
    return r;
  }
  if (size == 0) {
    r.problem = "the file is empty";
    return r;
  }
  if (size > limits.maxClassListBytes) {
    r.problem = "the file is too large to be a class list";
    return r;
  }
  std::ifstream in(chosen, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    r.problem = "the file could not be read";
    return r;
  }
  // The school folder's checks: the teacher's signature, then every field.
  const ClassListRead read = acceptClassListBytes(store, bytes, limits);
  if (!read.refused.empty() || !read.roster) {
    r.problem = read.refused.empty() ? "it is not a class list" : read.refused;
    return r;
  }
  fs::create_directories(schoolFolder, ec);
  std::string error;
  if (!writeFileAtomically((fs::path(schoolFolder) / "classlist.json").string(), bytes, error)) {
    r.problem = error;
    return r;
  }
  r.ok = true;
  r.classes = static_cast<int>(read.roster->classes.size());
  r.pupils = static_cast<int>(read.roster->pupils.size());
  for (const SchoolClass& c : read.roster->classes) {
    r.classNames += (r.classNames.empty() ? "" : ", ") + c.name;
  }
  return r;
}

ResultsFile writeResultsFile(const ResultsStore& store, const std::string& folder,
                             std::int64_t nowSeconds) {
  ResultsFile r;
  const std::string day = formatUtc(nowSeconds).substr(0, 10);
  r.name = "safequest-results-" + day + "-" + store.deviceId().substr(0, 8) + ".sqlite";
  std::error_code ec;
  fs::create_directories(folder, ec);
  r.path = (fs::path(folder) / r.name).string();
  // The snapshot is made new: an earlier download's file goes first.
  fs::remove(r.path, ec);
  if (!store.writeEventSnapshot(r.path, r.error)) {
    fs::remove(r.path, ec);
    return r;
  }
  r.events = static_cast<int>(store.events({}).size());
  r.ok = true;
  return r;
}

} // namespace sq
