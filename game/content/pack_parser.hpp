// Structure pass: turns each parsed JSON document into the pack model, reporting
// wrong types, missing fields, bad enums, bad ids, sibling duplicates and unknown
// fields. Cross-references and graph rules are the validator's (pack_validator).
// Internal to content/.
// Depends on: content/json_reader.
#pragma once

#include "content/json_reader.hpp"

namespace sq::detail {

// Reads pack.json into `pack` (manifest fields and units). `languages` is updated
// as soon as the manifest's list is read, so the manifest's own texts are checked
// against it.
void parseManifest(DocContext& ctx, const Json& j, Pack& pack, std::vector<std::string>& languages);

Lesson parseLesson(DocContext& ctx, const Json& j);
Aup parseAup(DocContext& ctx, const Json& j);
Assembly parseAssembly(DocContext& ctx, const Json& j);

} // namespace sq::detail
