// An SQLite file built from SQL text, for the hostile-snapshot corpus
// (tests/fixtures/hostile-snapshots/NAME.sql): the tests, the end-to-end helper and
// the snapshot fuzzer's seeds all build the corpus's files the same way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sq::test {

// Runs `sql` against a new, empty SQLite file at `file` (replacing any file there).
// False with `error` set when the SQL fails.
bool buildDatabase(const std::filesystem::path& file, const std::string& sql, std::string& error);

// The corpus folder's NAME.sql files, sorted by name.
std::vector<std::filesystem::path> hostileSnapshotSources(const std::filesystem::path& dir);

// A whole file as text ("" when it cannot be read).
std::string readTextFile(const std::filesystem::path& file);

} // namespace sq::test
