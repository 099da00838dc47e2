// Subject-access export: everything SafeQuest holds about one pupil, as JSON, for
// a school answering a request under UK GDPR. Erasure and retention live in the
// store (ResultsStore::erasePupil, applyRetention) because they must be atomic.
// Depends on: results/results_store, nlohmann_json (in the .cpp).
#pragma once

#include "results/results_store.hpp"

#include <optional>
#include <string>

namespace sq {

// nullopt when the pupil is unknown (or has been erased).
std::optional<std::string> exportPupilJson(const ResultsStore& store, const std::string& pupilId);

} // namespace sq
