// The web game's files, for classes that play in a browser and cannot reach a
// school folder: the class list comes in as a file the teachers' app saved ("Save
// the class list for browsers..."), and results go out as a file the teachers' app
// adds ("Add results from a browser file...").
//   - The page (web/files_web.cpp) gives the game its file chooser and downloads as
//     a BrowserFilePort; the desktop sets none, so nothing here is offered there.
//   - A chosen class list is checked exactly as a game PC checks the school folder's
//     classlist.json (results/teacher_trust: acceptClassListBytes: limits, the
//     teacher's signature against the trusted key, pinned on first use, every field)
//     and only then written as <the port's school folder>/classlist.json, which the
//     game then reads as its school folder's class list.
//   - The results file is the device snapshot a publish writes
//     (ResultsStore::writeEventSnapshot): events and device ids, never names.
// Depends on: results (results_store, teacher_trust, snapshot_reader), core
// (atomic_file).
#pragma once

#include "results/results_store.hpp"
#include "results/snapshot_reader.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace sq {

// What the page can do with files. Unset members: not available.
struct BrowserFilePort {
  // Opens the page's file chooser; the chosen file's bytes are then written to
  // `target` and browserFileArrived() is called (later, from the page).
  std::function<bool(const std::string& target)> chooseFile;
  // Offers the file at `path` to the person as a download named `name`.
  std::function<bool(const std::string& path, const std::string& name)> download;
  // The game's own school folder for a class list loaded from a file.
  std::string schoolFolder;
  // Where a chosen file and a results file are written before they go on.
  std::string scratchFolder;
};

void setBrowserFilePort(BrowserFilePort port);
const BrowserFilePort& browserFilePort();
// The page gives both a file chooser and downloads.
bool browserFilesAvailable();

// The page's answer to chooseFile(): the bytes are at the target (ok), or why not.
struct BrowserFileArrival {
  bool ok = false;
  std::string name;  // the file's name as the person chose it
  std::string error; // when not ok ("" when the chooser was just closed)
};
void browserFileArrived(BrowserFileArrival arrival);
// The answer, once; nullopt while none is waiting.
std::optional<BrowserFileArrival> takeBrowserFileArrival();

struct ClassListLoad {
  bool ok = false;
  int classes = 0;
  int pupils = 0;
  std::string classNames; // "3B, 4A", as the list has them
  std::string problem;    // why the file was not used, in words (when !ok)
};

// Checks the class list at `chosen` (read within the limits) as the school folder's
// would be, and when it is accepted writes it atomically as
// <schoolFolder>/classlist.json. A refused file changes nothing there.
ClassListLoad loadClassListFile(ResultsStore& store, const std::string& chosen,
                                const std::string& schoolFolder, const SnapshotLimits& limits = {});

struct ResultsFile {
  bool ok = false;
  std::string path;  // the file written
  std::string name;  // the name to offer it under: safequest-results-<date>-<device>.sqlite
  int events = 0;    // events in it
  std::string error; // when !ok
};

// Writes this device's snapshot into `folder`, named for the day (`nowSeconds`, UTC)
// and this device.
ResultsFile writeResultsFile(const ResultsStore& store, const std::string& folder,
                             std::int64_t nowSeconds);

} // namespace sq
