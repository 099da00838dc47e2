// Everything the register tab reads, loaded in one go: the content packs that
// define each year group's unit and AUP (those that load without errors), every
// event in the store, the class list, and the register computed for the academic
// year of `today` over the whole school. The tab loads it again after each change
// it records, so what it shows is always what the store holds.
// Depends on: content (catalog), results (results_store, register).
#pragma once

#include "content/pack_catalog.hpp"
#include "results/event.hpp"
#include "results/register.hpp"
#include "results/roster.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sq {
class ResultsStore;
}

namespace sq::admin {

struct RegisterData {
  Catalog catalog;                             // owns the packs below
  std::vector<const Pack*> packs;              // the packs that loaded cleanly
  std::map<const Pack*, std::string> packDirs; // each one's folder
  std::vector<std::string> problems;           // plain words: a pack left out, no content
  std::vector<Event> events;
  Roster roster;
  Register reg;
};

// Never null. `today` is "YYYY-MM-DD" (a bad date gives academic year 0 and a problem).
std::unique_ptr<RegisterData> loadRegisterData(const ResultsStore& store,
                                               const std::string& contentDir,
                                               const std::string& today);

} // namespace sq::admin
