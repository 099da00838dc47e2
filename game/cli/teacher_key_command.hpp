// The teacher's signing key from the command line (results/teacher_key,
// results/teacher_trust): the PIN that opens it for `erase`, `publish` and
// `retention`, and `safequest-cli teacher-key`:
//   teacher-key show   [--data DIR]   this store's own key, and the key it trusts
//   teacher-key forget [--data DIR]   forget a pinned key (IT, after a key change)
//   teacher-key reseal [--data DIR]   seal the key under a new teacher PIN: reads
//                                     the old PIN, then the new one, a line each
// The PIN is taken as `safequest-cli pin check` takes it: --pin PIN, else (with
// --pin-stdin, or where a PIN is required) the first line of standard input.
// Exit status: 0 success, 1 refused, 2 usage or I/O problem.
// Depends on: cli/cli_args, results/, settings/.
#pragma once

#include "cli/cli_args.hpp"
#include "results/results_store.hpp"
#include "results/teacher_key.hpp"

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

// The store options every records command opens the store with: the machine
// configuration's teacherPublicKey (a damaged one trusts nothing).
StoreOptions recordsStoreOptions();

// The PIN from --pin, else from the first line of `in` when `required` or
// --pin-stdin is given; nullopt when neither applies.
std::optional<std::string> pinFromArgs(const Args& args, std::istream& in, bool required);

// Checks `pin` as `pin check` does (the teacher PIN, with its lockout), then opens
// the store's teacher key with it, making one on first need. nullptr, with the
// reason written to `err` after `prefix`, when either fails.
std::unique_ptr<TeacherSigner> openTeacherKey(ResultsStore& store, const std::string& pin,
                                              const std::string& dataDir, std::ostream& err,
                                              const std::string& prefix);

int runTeacherKey(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
