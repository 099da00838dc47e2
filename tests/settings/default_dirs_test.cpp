// The folders SafeQuest uses when nothing says: the user's data folder from the
// environment, and the bundled content beside the program, in a build tree, or in
// the source tree. The game and safequest-cli both ask these.
#include "settings/default_dirs.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

namespace fs = std::filesystem;
using namespace sq;

namespace {

EnvLookup envWith(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

} // namespace

TEST_CASE("default dirs: the data folder is $SAFEQUEST_DATA, then XDG, then HOME") {
  const std::map<std::string, std::string> all{
      {"SAFEQUEST_DATA", "/srv/sq"}, {"XDG_DATA_HOME", "/x"}, {"HOME", "/home/t"}};
  CHECK(userDataDir(envWith(all)) == "/srv/sq");
  CHECK(userDataDir(envWith({{"XDG_DATA_HOME", "/x"}, {"HOME", "/home/t"}})) == "/x/safequest");
  CHECK(userDataDir(envWith({{"HOME", "/home/t"}})) == "/home/t/.local/share/safequest");
  CHECK(userDataDir(envWith({})) == "safequest-data");
}

TEST_CASE("default dirs: content beside the program, then a build tree's, then the source's") {
  sq::test::TempDir tmp;
  const fs::path repo = tmp.path() / "repo";
  const fs::path program = repo / "build" / "release";
  const fs::path source = tmp.path() / "source-content";
  fs::create_directories(program);
  fs::create_directories(source);
  const auto canon = [](const fs::path& p) { return fs::weakly_canonical(p).string(); };

  // Nothing beside the program and no build tree: the source tree's.
  CHECK(bundledContentDir(program.string(), source.string()) == canon(source));
  // A build tree: build/<preset>/ is two folders below the repository's content/.
  fs::create_directories(repo / "content");
  CHECK(bundledContentDir(program.string(), source.string()) == canon(repo / "content"));
  // An installed program with content/ beside it wins.
  fs::create_directories(program / "content");
  CHECK(bundledContentDir(program.string(), source.string()) == canon(program / "content"));
  // The program's folder unknown: the source tree's; none there: as given.
  CHECK(bundledContentDir("", source.string()) == canon(source));
  const std::string missing = (tmp.path() / "missing").string();
  CHECK(bundledContentDir("", missing) == missing);
  CHECK(bundledContentDir((tmp.path() / "nowhere").string(), missing) == missing);
}
