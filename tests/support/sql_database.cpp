#include "support/sql_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sq::test {

bool buildDatabase(const std::filesystem::path& file, const std::string& sql, std::string& error) {
  std::error_code ec;
  std::filesystem::remove(file, ec);
  sqlite3* db = nullptr;
  if (sqlite3_open(file.string().c_str(), &db) != SQLITE_OK) {
    error = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return false;
  }
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    error = message ? message : sqlite3_errmsg(db);
  }
  sqlite3_free(message);
  sqlite3_close(db);
  return rc == SQLITE_OK;
}

std::vector<std::filesystem::path> hostileSnapshotSources(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".sql") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string readTextFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace sq::test
