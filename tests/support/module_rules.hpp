// The module table of game/README.md as data, and the check of one source file
// against it. The table is read from the README itself, so the document and the
// test cannot drift apart: a row says which modules and libraries a module may use.
//   - Modules: a row may name modules above it, `all above`, or a group defined in
//     the README (`sq_logic` is `core` + `content` + ...). The rule is transitive:
//     what a used module may use is allowed too.
//   - Libraries (SDL2, stb, ImGui, nlohmann_json, sqlite3, libsodium, ...): only
//     where the module's own row names them, so "ui/ uses all above" does not let
//     the screens include SDL.
// Quoted includes name a module by their first path part ("core/utf8.hpp"); one
// with no folder is the module's own. System includes are checked only when they
// belong to a known library; any other <...> is the standard library or the OS.
// Depends on: std only.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq::test {

struct ModuleRow {
  std::string folder;              // as written, relative to game/: "core", "../editor"
  std::string name;                // as include paths name it: "core", "editor"
  std::set<std::string> modules;   // what it may include: itself, and transitive uses
  std::set<std::string> libraries; // the libraries named on its own row
};

struct ModuleTable {
  std::vector<ModuleRow> rows;       // in table order
  std::vector<std::string> problems; // what could not be read; empty when the table is sound

  const ModuleRow* find(std::string_view module) const;
};

// Reads the `| module | job | may use |` table from a README's text.
ModuleTable parseModuleTable(std::string_view readme);

// The library a system include belongs to ("SDL2" for <SDL.h>), or "" for the
// standard library and the OS.
std::string libraryOfHeader(std::string_view header);

// Every library name a table may use.
const std::set<std::string>& knownLibraries();

struct IncludeProblem {
  std::string file;
  int line = 0;
  std::string include; // the line as written
  std::string why;
};

// "FILE:LINE: #include ...: why"
std::string formatIncludeProblem(const IncludeProblem& p);

// Checks every #include of `file`, as if it were part of `module`.
std::vector<IncludeProblem> checkIncludes(const ModuleTable& table, const std::string& module,
                                          const std::filesystem::path& file);

} // namespace sq::test
