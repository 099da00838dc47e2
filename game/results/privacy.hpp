// Subject-access export: everything SafeQuest holds about one pupil, as JSON, for
// a school answering a request under UK GDPR. Erasure and retention live in the
// store (ResultsStore::erasePupil, applyRetention) because they must be atomic.
// Depends on: results/results_store, nlohmann_json (in the .cpp).
#pragma once

#include "results/results_store.hpp"

#include <optional>
#include <string>

namespace sq {

// What the data folder holds about the pupil outside the store, read by the caller
// (settings/ owns those files; this module may not read them itself).
struct PupilFilesHeld {
  // The text of the pupil's preferences file (pupils/<id>.json); nullopt when the
  // pupil has none.
  std::optional<std::string> preferences;
};

// Everything held about the pupil: their class-list entry, every event about them,
// and their preferences ("preferences": the file as JSON, or as text when it does
// not parse; null when there is none). nullopt when the pupil is unknown (or has
// been erased).
std::optional<std::string> exportPupilJson(const ResultsStore& store, const std::string& pupilId,
                                           const PupilFilesHeld& files = {});

} // namespace sq
