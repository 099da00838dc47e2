// A school folder as a whole school's PCs leave it, for the sign-in merge's tests
// and benchmark: each PC gets its own records store (under `work`), holding its
// share of the events, and publishes it to <share>/results/<device-id>.sqlite.
// Event n is recorded on PC n % devices by pupil n % pupils (so each pupil uses one
// PC), as a completed activity or, every sixth, a completed lesson.
// Depends on: results (results_store, school_folder, uuid).
#pragma once

#include "results/event.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace sq::test {

struct ShareSpec {
  int devices = 30;
  int events = 25'000;
  std::vector<std::string> pupils; // empty: 420 made-up pupils
  // More events (with kind, pupil, pack, activity and time set) recorded on the
  // first PC; their uuid, device and sequence number are filled in.
  std::vector<Event> alsoOnFirst;
};

// false, with the reason, when a store could not be made or published.
bool makeSchoolShare(const std::filesystem::path& work, const std::string& share,
                     const ShareSpec& spec, std::string& error);

} // namespace sq::test
