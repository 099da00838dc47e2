// Every C++ source under game/, editor/ and tests/ longer than 500 lines opens with
// an index of its sections, so a reader finds their way without scrolling: a
// comment line "// Sections:", then one line per section, numbered from 1,
//   //   1. name: a few words on what is there
// (longer words continue on lines of their own), placed before the first line
// that is not a comment. Each name appears, in the same order, as a divider in the
// body: "// ---- name ------". The rule is in tests/README.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = fs::path(SQ_SOURCE_DIR);
constexpr std::size_t kLongFile = 500; // lines

// Long files still to be given an index. The list only shrinks: a file here that
// is short or already indexed fails the test, so it is taken off.
const std::set<std::string> kIndexPending = {};

std::vector<std::string> readLines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

bool isSource(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".cpp" || ext == ".hpp";
}

// Repository-relative paths of every .cpp and .hpp under the three folders
// (tests/node_modules is npm's, not ours).
std::vector<std::string> sources() {
  std::vector<std::string> out;
  for (const char* top : {"game", "editor", "tests"}) {
    const fs::path dir = kRoot / top;
    if (!fs::is_directory(dir)) {
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
         ++it) {
      if (it->is_directory() && it->path().filename() == "node_modules") {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && isSource(it->path())) {
        out.push_back(fs::relative(it->path(), kRoot).generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Index {
  bool found = false;
  std::vector<std::string> names; // in order
  std::vector<std::string> problems;
  std::size_t end = 0; // the first line after the index
};

// Reads the index from the file's opening comment.
Index readIndex(const std::vector<std::string>& lines) {
  static const std::regex entry(R"(^//\s+(\d+)\.\s+([^:]+?)\s*(:.*)?$)");
  Index index;
  std::size_t i = 0;
  for (; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("// Sections:", 0) == 0) {
      index.found = true;
      break;
    }
    if (!l.empty() && l.rfind("//", 0) != 0) {
      return index; // the opening comment ended without an index
    }
  }
  if (!index.found) {
    return index;
  }
  for (++i; i < lines.size() && lines[i].rfind("//", 0) == 0; ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, entry)) {
      const std::size_t n = std::stoul(m[1]);
      if (n != index.names.size() + 1) {
        index.problems.push_back("section " + std::to_string(n) + " is out of order");
      }
      index.names.push_back(m[2]);
    } else if (index.names.empty() || lines[i].rfind("//   ", 0) != 0) {
      break; // not an entry nor an entry's continuation: the index has ended
    }
  }
  index.end = i;
  if (index.names.size() < 2) {
    index.problems.push_back("the index lists fewer than two sections");
  }
  return index;
}

// "// ---- name -----": a divider naming `name`.
bool isDivider(const std::string& line, const std::string& name) {
  const std::string head = "// ---- " + name;
  if (line.rfind(head, 0) != 0) {
    return false;
  }
  const std::string rest = line.substr(head.size());
  return rest.find_first_not_of(" -") == std::string::npos;
}

// What is wrong with the long file at `path` ("" when nothing is).
std::vector<std::string> problemsWith(const std::vector<std::string>& lines) {
  const Index index = readIndex(lines);
  if (!index.found) {
    return {"no \"// Sections:\" index before its first line of code"};
  }
  std::vector<std::string> problems = index.problems;
  std::size_t from = index.end;
  for (const std::string& name : index.names) {
    const auto at = std::find_if(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end(),
                                 [&](const std::string& l) { return isDivider(l, name); });
    if (at == lines.end()) {
      problems.push_back("no divider \"// ---- " + name +
                         " ----\" after the previous section's (in the index's order)");
    } else {
      from = static_cast<std::size_t>(at - lines.begin()) + 1;
    }
  }
  return problems;
}

} // namespace

TEST_CASE("the index reader accepts a good index and names what is wrong with a bad one") {
  const std::vector<std::string> good = {
      "// What this file is for.",  "// Sections:",    "//   1. reading: the bytes in",
      "//      and what they mean", "//   2. writing", "#include <x>",
      "// ---- reading ---------",  "// ---- writing",
  };
  CHECK(problemsWith(good).empty());
  const Index index = readIndex(good);
  CHECK(index.names == std::vector<std::string>{"reading", "writing"});

  std::vector<std::string> noIndex = good;
  noIndex.erase(noIndex.begin() + 1, noIndex.begin() + 5);
  CHECK(problemsWith(noIndex).size() == 1);

  std::vector<std::string> afterCode = {"#include <x>", "// Sections:", "//   1. a",
                                        "//   2. b",    "// ---- a",    "// ---- b"};
  CHECK(problemsWith(afterCode).size() == 1);

  std::vector<std::string> missingDivider = good;
  missingDivider.pop_back();
  CHECK(problemsWith(missingDivider).size() == 1);

  std::vector<std::string> wrongOrder = good;
  std::swap(wrongOrder[6], wrongOrder[7]);
  CHECK_FALSE(problemsWith(wrongOrder).empty());

  std::vector<std::string> misnumbered = good;
  misnumbered[4] = "//   3. writing";
  CHECK(problemsWith(misnumbered).size() == 1);

  CHECK_FALSE(isDivider("// ---- reading more", "reading"));
  CHECK(isDivider("// ---- reading", "reading"));
}

TEST_CASE("every source file over 500 lines opens with an index of its sections") {
  const std::vector<std::string> files = sources();
  // The walk must find the sources, or an empty list would let anything pass.
  REQUIRE(std::count(files.begin(), files.end(), "game/screens/lesson/aup_screen.cpp") == 1);
  std::size_t longFiles = 0;
  for (const std::string& path : files) {
    const std::vector<std::string> lines = readLines(kRoot / path);
    if (lines.size() <= kLongFile) {
      CAPTURE(path);
      CHECK_MESSAGE(kIndexPending.count(path) == 0,
                    "no longer over 500 lines: take it off kIndexPending");
      continue;
    }
    ++longFiles;
    const std::vector<std::string> problems = problemsWith(lines);
    CAPTURE(path);
    if (kIndexPending.count(path) != 0) {
      CHECK_MESSAGE(!problems.empty(), "indexed now: take it off kIndexPending");
      continue;
    }
    for (const std::string& p : problems) {
      FAIL_CHECK(path << ": " << p);
    }
  }
  CHECK(longFiles > 0);
}
