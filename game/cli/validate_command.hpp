// `safequest-cli validate [--json] PATH...`: checks packs and prints every diagnostic.
// Depends on: content/pack_loader.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

// Exit status: 0 no errors, 1 a pack is refused, 2 usage problem or missing path.
int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
