// Which assembly is being given, from which pack, and how the presenter leaves:
// what the assembly screens share. The assembly is copied out of the catalog, so
// the show never points into packs that are loaded again.
// Depends on: content/pack_catalog, results/event_payload (PackRef), ui/screen.
#pragma once

#include "content/pack_catalog.hpp"
#include "results/event_payload.hpp"
#include "ui/screen.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sq {

struct AssemblyShow {
  PackRef pack;
  std::string packDir; // pictures are relative to it
  std::shared_ptr<const Assembly> assembly;
  // Where Esc and "finish" go: the command line quits, the teacher settings pop
  // back to themselves. leaveAssembly() asks for the PIN first under the lock.
  std::function<void(UiHost&)> leave;
  // Leaving needs the PIN under the lock. A show chosen from the pick screen
  // leaves back to it, which is guarded itself.
  bool guarded = true;
};

// Every assembly of every valid pack in the catalog, by pack folder then file.
std::vector<AssemblyShow> assembliesIn(const Catalog& catalog);
// The assembly with this id (the first pack that has it), or nullopt.
std::optional<AssemblyShow> findAssemblyShow(const Catalog& catalog, const std::string& id);

// Leaves the show: at once, or once the teacher PIN is typed when the full-screen
// lock is on (a pupil must not get out of a locked screen with Esc).
void leaveAssembly(UiHost& host, const std::function<void(UiHost&)>& leave, bool guarded = true);

// "Year 3, Year 4" or "Whole school".
std::string yearGroupsText(const UiContext& ctx, const std::vector<YearGroup>& years);
std::string yearGroupsText(const Strings& words, const std::vector<YearGroup>& years);

} // namespace sq
