// What every panel of the school records shares: the records store (opened when
// the records are first shown), the folders and configuration, the PIN accepted at
// the gate (the teacher's signing key is sealed under it), and one result line.
// Panels read and change records only through sq_logic (results/, records_admin/),
// the same functions as safequest-cli, so the app and the command line agree.
// Depends on: app/game_settings, results/ (store, roster, teacher key).
#pragma once

#include "app/game_settings.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "results/teacher_key.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace sq {

struct RecordsContext {
  // The records folder (the --data folder, else the configured one).
  std::string dataDir;
  // The content folder (--content): the packs whose units and AUPs say which lessons
  // and promises count (the register, the reports).
  std::string contentDir;
  // The configuration (school folder, retention, the PIN); never null once opened.
  GameSettings* settings = nullptr;
  // The PIN typed at the gate; "" when no PIN is set.
  std::string pin;

  // nullptr when the store could not be opened; `storeError` says why in plain words.
  std::unique_ptr<ResultsStore> store;
  std::string storeError;
  // The class list as last read; a panel that changes it calls reloadRoster().
  Roster roster;

  // The clock, as seconds since the Unix epoch (tests and scripts may pin it).
  std::function<std::int64_t()> now;

  // Opens the store (again). False, with storeError set, when it cannot be opened.
  bool open();
  // The options the store is opened with, for a second connection on a worker.
  StoreOptions storeOptions() const;
  void reloadRoster();
  // "YYYY-MM-DD", UTC.
  std::string today() const;
  // The school folder from the configuration; "" when none is set.
  std::string schoolFolder() const;
  // The teacher's signing key, opened with the gate's PIN (made on first need);
  // nullptr, with `error` in plain words, when no PIN is set or it cannot be opened.
  std::unique_ptr<TeacherSigner> teacherSigner(std::string& error);

  // The line under the records tabs: what the last action did, or why it failed.
  std::string status;
  bool statusIsProblem = false;
  void say(std::string text, bool problem = false) {
    status = std::move(text);
    statusIsProblem = problem;
  }

  // A file dropped on the window while the records are shown, for the panel that
  // wants it (a class list); the panel clears it when taken.
  std::string droppedFile;
  // Set by a panel with work running (a merge): the window wakes this often (ms).
  int wakeInMs = 0;
};

} // namespace sq
