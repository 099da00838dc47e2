// Meaning pass: the rules that need a whole document or the whole pack. Every
// reference resolves, every scenario can always reach an ending, every quiz item
// has a right answer, and every asset is really inside the pack, of an allowed
// type and within size limits. Internal to content/.
// Depends on: content/json_reader, core/asset_probe, content/pack_files.
#pragma once

#include "content/json_reader.hpp"
#include "content/pack_files.hpp"

#include <set>

namespace sq::detail {

// One scenario's graph: start and next resolve, endings have no choices, safe
// choices lead somewhere, each choice node has a safe choice, and no reachable
// node is a trap. `pointer` is the scenario step's JSON pointer.
void checkScenario(DocContext& ctx, const ScenarioActivity& scenario, const std::string& pointer);

// The rules inside one lesson step that need no other file. Run only on steps whose
// structure is sound, so one mistake is not reported twice. `pointer` is the step's.
void checkStep(DocContext& ctx, const Step& step, const std::string& pointer);
void checkAssembly(DocContext& ctx, const Assembly& assembly);

struct PackIds {
  std::set<std::string> lessons; // ids of every lesson file, even a broken one
  std::set<std::string> aups;
};

// Units and AUP steps name lessons and AUPs that exist; one unit per year group.
void checkCrossReferences(Diagnostics& diags, const Pack& pack, const PackIds& ids);

// Each asset use: the file exists in the inventory, is a regular file inside the
// pack, and its first bytes make it an allowed type for its use, within limits.
void checkAssets(Diagnostics& diags, const std::vector<AssetUse>& uses, const Inventory& inventory,
                 const PackSource& source, const PackLimits& limits);

} // namespace sq::detail
