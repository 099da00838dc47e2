// The printable AUP a teacher sends home for parents and carers to sign
// (results/aup_print), saved as one HTML file where the teacher chooses, and the
// file:// address that opens it in the computer's web browser to print.
// Depends on: core (atomic_file), content, results (aup_print, register).
#pragma once

#include "content/pack_model.hpp"

#include <map>
#include <string>
#include <vector>

namespace sq::admin {

// "SafeQuest AUP for parents - KS2.html".
std::string aupSheetFileName(AupPhase phase);

// Writes the phase's printable AUP (pictures embedded from the pack folder in
// `packDirs`) to `path`, replacing a file there only once the new one is whole.
// False, with `error` in plain words, when no pack has an AUP for the phase or the
// file cannot be written.
bool saveAupSheet(const std::vector<const Pack*>& packs,
                  const std::map<const Pack*, std::string>& packDirs, AupPhase phase,
                  const std::string& path, std::string& error);

} // namespace sq::admin
