// The records store's `meta` table read and written a key at a time, for the
// modules that keep small state there (the teacher key, the key trusted, ...).
// Depends on: results/sqlite_statement, sqlite3. Used by the store itself, its
// identity and the teacher key modules.
#pragma once

#include "results/sqlite_statement.hpp"

#include <sqlite3.h>

#include <string>

namespace sq {

// The value under `key`, or "" when there is none (or it cannot be read).
inline std::string readMetaValue(sqlite3* db, const char* key) {
  SqlStatement s(db, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, std::string(key));
  return s.ok() && s.step() == SQLITE_ROW ? s.text(0) : std::string();
}

// Sets `key` to `value`; false, with `error` starting with `what`, when it cannot.
inline bool writeMetaValue(sqlite3* db, const char* key, const std::string& value,
                           const std::string& what, std::string& error) {
  SqlStatement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  s.bind(1, std::string(key));
  s.bind(2, value);
  if (!s.ok() || s.step() != SQLITE_DONE) {
    error = what + ": " + sqlite3_errmsg(db);
    return false;
  }
  return true;
}

} // namespace sq
