// New packs for a teacher to start from: an empty pack, or a starter pack holding
// one lesson of each kind of activity (slides, a scenario, butterfly practice, an
// AUP signing, and every quiz type), copied from the core pack with the pictures,
// sounds and AUPs they use, so every form in the editor has a working example.
// Depends on: authoring/pack_document, authoring/edit_ops, nlohmann_json.
#pragma once

#include <string>
#include <vector>

namespace sq::authoring {

enum class PackTemplate { Empty, OneOfEachKind };

// The activity kinds a starter pack covers: "slides", "scenario", "butterfly",
// "aup", "quiz:single", "quiz:multiple", "quiz:truefalse", "quiz:sort", "quiz:order".
std::vector<std::string> activityKinds();

// Makes a new pack in `target` (which must not exist) with the given id and title.
// `corePack` is the folder the starter lessons come from.
bool createPackFromTemplate(PackTemplate kind, const std::string& corePack,
                            const std::string& target, const std::string& id,
                            const std::string& title, std::string& error);

} // namespace sq::authoring
