#include "support/module_rules.hpp"

#include <algorithm>
#include <fstream>
#include <regex>

namespace sq::test {

namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return "";
  }
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view s, char by) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == by) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// "`core/`" -> "core"; "`../editor/`" -> "../editor".
std::string unquote(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '`'), s.end());
  s = trim(s);
  while (!s.empty() && s.back() == '/') {
    s.pop_back();
  }
  return s;
}

std::string lastPart(const std::string& folder) {
  const auto slash = folder.rfind('/');
  return slash == std::string::npos ? folder : folder.substr(slash + 1);
}

// Groups the README defines in a sentence such as
// "`sq_logic` is `core` + `content` + `runtime`".
std::map<std::string, std::vector<std::string>> groupsOf(std::string_view readme) {
  std::map<std::string, std::vector<std::string>> groups;
  const std::string text(readme);
  const std::regex sentence("`([a-z_]+)` is ((?:`[a-z_]+` \\+\\s+)+`[a-z_]+`)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), sentence);
       it != std::sregex_iterator(); ++it) {
    std::vector<std::string> members;
    const std::string list = (*it)[2];
    const std::regex name("`([a-z_]+)`");
    for (auto m = std::sregex_iterator(list.begin(), list.end(), name); m != std::sregex_iterator();
         ++m) {
      members.push_back((*m)[1]);
    }
    groups[(*it)[1]] = members;
  }
  return groups;
}

} // namespace

const ModuleRow* ModuleTable::find(std::string_view module) const {
  for (const auto& row : rows) {
    if (row.name == module) {
      return &row;
    }
  }
  return nullptr;
}

const std::set<std::string>& knownLibraries() {
  static const std::set<std::string> names = {"SDL2",    "stb",       "ImGui",    "nlohmann_json",
                                              "sqlite3", "libsodium", "utf8proc", "simdjson",
                                              "doctest", "libcurl"};
  return names;
}

std::string libraryOfHeader(std::string_view header) {
  const auto starts = [&](std::string_view p) { return header.substr(0, p.size()) == p; };
  if (starts("SDL") || starts("SDL2/")) {
    return "SDL2";
  }
  if (starts("stb_")) {
    return "stb";
  }
  if (starts("imgui")) {
    return "ImGui";
  }
  if (starts("nlohmann/")) {
    return "nlohmann_json";
  }
  if (starts("sqlite3")) {
    return "sqlite3";
  }
  if (starts("sodium")) {
    return "libsodium";
  }
  if (starts("utf8proc")) {
    return "utf8proc";
  }
  if (starts("simdjson")) {
    return "simdjson";
  }
  if (starts("doctest")) {
    return "doctest";
  }
  if (starts("curl/")) {
    return "libcurl";
  }
  return "";
}

ModuleTable parseModuleTable(std::string_view readme) {
  ModuleTable table;
  const auto groups = groupsOf(readme);
  std::vector<std::vector<std::string>> uses; // per row, the names its cell gives
  bool inTable = false;
  int lineNo = 0;
  for (const std::string& raw : split(readme, '\n')) {
    ++lineNo;
    if (raw.empty() || raw.front() != '|') {
      if (inTable) {
        break; // the table ends at its first non-table line
      }
      continue;
    }
    std::vector<std::string> cells = split(raw, '|');
    // "| a | b | c |" splits into "", a, b, c, "".
    if (cells.size() < 5) {
      if (inTable) {
        table.problems.push_back("line " + std::to_string(lineNo) + ": a row with too few cells");
      }
      continue;
    }
    const std::string first = cells[1];
    const std::string last = cells[cells.size() - 2];
    if (!inTable) {
      inTable = first == "module" && last == "may use";
      continue;
    }
    if (first.find_first_not_of("-: ") == std::string::npos) {
      continue; // the |---|---| line
    }
    ModuleRow row;
    row.folder = unquote(first);
    row.name = lastPart(row.folder);
    if (row.name.empty()) {
      table.problems.push_back("line " + std::to_string(lineNo) + ": no module name");
      continue;
    }
    row.modules.insert(row.name);
    std::vector<std::string> names;
    for (const std::string& part : split(last, ',')) {
      names.push_back(unquote(part));
    }
    table.rows.push_back(row);
    uses.push_back(names);
  }
  if (table.rows.empty()) {
    table.problems.push_back("no | module | job | may use | table");
    return table;
  }
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    ModuleRow& row = table.rows[i];
    const auto useModule = [&](const std::string& name) {
      const ModuleRow* used = table.find(name);
      if (used == nullptr) {
        table.problems.push_back(row.folder + "/ may use " + name + ", which has no row");
        return;
      }
      if (used >= &row) {
        table.problems.push_back(row.folder + "/ may use " + name +
                                 ", which is not above it: dependencies point down the table");
        return;
      }
      // Rows above are complete already, so one level gives the transitive closure.
      row.modules.insert(used->modules.begin(), used->modules.end());
    };
    for (const std::string& name : uses[i]) {
      if (name == "std only" || name == "std" || name.empty()) {
        continue;
      }
      if (name == "all above") {
        for (std::size_t j = 0; j < i; ++j) {
          useModule(table.rows[j].name);
        }
      } else if (knownLibraries().count(name) != 0) {
        row.libraries.insert(name);
      } else if (const auto group = groups.find(name); group != groups.end()) {
        for (const std::string& member : group->second) {
          useModule(member);
        }
      } else {
        useModule(name);
      }
    }
  }
  return table;
}

std::string formatIncludeProblem(const IncludeProblem& p) {
  return p.file + ":" + std::to_string(p.line) + ": " + p.include + ": " + p.why;
}

std::vector<IncludeProblem> checkIncludes(const ModuleTable& table, const std::string& module,
                                          const std::filesystem::path& file) {
  std::vector<IncludeProblem> out;
  const ModuleRow* row = table.find(module);
  std::ifstream in(file, std::ios::binary);
  if (row == nullptr || !in) {
    out.push_back({file.string(), 0, "",
                   row == nullptr ? "module " + module + " has no row in the module table"
                                  : "cannot read the file"});
    return out;
  }
  static const std::regex include(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (!std::regex_search(line, m, include)) {
      continue;
    }
    const bool quoted = m[1] == "\"";
    const std::string header = m[2];
    const auto report = [&](std::string why) {
      std::string shown = line;
      if (!shown.empty() && shown.back() == '\r') {
        shown.pop_back();
      }
      out.push_back({file.string(), n, trim(shown), std::move(why)});
    };
    const std::string library = libraryOfHeader(header);
    if (!library.empty()) {
      if (row->libraries.count(library) == 0) {
        report(row->folder + "/ may not use " + library);
      }
      continue;
    }
    const auto slash = header.find('/');
    if (slash == std::string::npos) {
      if (quoted) {
        continue; // beside the including file: its own module
      }
      continue; // <vector>, <unistd.h>: the standard library and the OS
    }
    const std::string target = header.substr(0, slash);
    if (table.find(target) == nullptr) {
      if (quoted) {
        report(target + "/ is not a module in the module table");
      }
      continue; // <sys/stat.h> and friends
    }
    if (row->modules.count(target) == 0) {
      report(row->folder + "/ may not use " + target + "/");
    }
  }
  return out;
}

} // namespace sq::test
