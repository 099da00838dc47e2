#include "content/pack_files.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

TEST_CASE("asset paths must stay inside the pack") {
  CHECK_FALSE(assetPathProblem("assets/pictures/park.png").has_value());
  CHECK(assetPathProblem("../secret.png").has_value());
  CHECK(assetPathProblem("assets/../../x.png").has_value());
  CHECK(assetPathProblem("/etc/passwd").has_value());
  CHECK(assetPathProblem("C:/x.png").has_value());
  CHECK(assetPathProblem("assets\\x.png").has_value());
  CHECK(assetPathProblem("assets//x.png").has_value());
  CHECK(assetPathProblem("./x.png").has_value());
  CHECK(assetPathProblem("").has_value());
}

namespace {

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

} // namespace

TEST_CASE("the disk walk lists files and refuses links that lead out") {
  TempDir outside;
  write(outside.path() / "secret.txt", "secret");
  TempDir pack;
  write(pack.path() / "pack.json", "{}");
  write(pack.path() / "assets" / "a.png", "png");
  fs::create_symlink(outside.path() / "secret.txt", pack.path() / "assets" / "leak.png");
  fs::create_symlink(pack.path() / "assets" / "a.png", pack.path() / "assets" / "alias.png");
  fs::create_symlink(pack.path() / "nowhere", pack.path() / "broken.png");

  DiskPackSource src(pack.str());
  const Inventory inv = src.inventory({});
  REQUIRE(inv.rootIsDirectory);
  REQUIRE(inv.find("assets/a.png") != nullptr);
  CHECK(inv.find("assets/a.png")->size == 3);
  REQUIRE(inv.find("assets/leak.png") != nullptr);
  CHECK(inv.find("assets/leak.png")->kind == EntryKind::OutsideLink);
  REQUIRE(inv.find("assets/alias.png") != nullptr);
  CHECK(inv.find("assets/alias.png")->kind == EntryKind::File);
  REQUIRE(inv.find("broken.png") != nullptr);
  CHECK(inv.find("broken.png")->kind == EntryKind::BrokenLink);

  CHECK(src.read("assets/a.png", 100).value() == "png");
  CHECK_FALSE(src.read("assets/leak.png", 100).has_value());
  CHECK_FALSE(
      src.read("../" + outside.path().filename().string() + "/secret.txt", 100).has_value());
  // Reads stop one byte past the limit, so an oversized file is never slurped.
  CHECK(src.read("assets/a.png", 1).value().size() == 2);
}

TEST_CASE("the walk stops at its limits") {
  TempDir pack;
  for (int i = 0; i < 20; ++i) {
    write(pack.path() / ("f" + std::to_string(i)), "x");
  }
  fs::create_directories(pack.path() / "a" / "b" / "c" / "d");
  InventoryLimits limits;
  limits.maxEntries = 10;
  CHECK(DiskPackSource(pack.str()).inventory(limits).overEntries);
  limits = {};
  limits.maxDepth = 2;
  CHECK(DiskPackSource(pack.str()).inventory(limits).overDepth);
  limits = {};
  limits.maxTotalBytes = 5;
  CHECK(DiskPackSource(pack.str()).inventory(limits).overBytes);
}

TEST_CASE("a missing folder and a file are told apart") {
  CHECK_FALSE(DiskPackSource("/nonexistent/sq").inventory({}).rootExists);
  TempDir d;
  write(d.path() / "f", "x");
  const Inventory inv = DiskPackSource((d.path() / "f").string()).inventory({});
  CHECK(inv.rootExists);
  CHECK_FALSE(inv.rootIsDirectory);
}

TEST_CASE("memory sources imply their folders") {
  MemoryPackSource m;
  m.addFile("lessons/a.json", "{}");
  m.addOutsideLink("assets/x.png");
  const Inventory inv = m.inventory({});
  REQUIRE(inv.find("lessons") != nullptr);
  CHECK(inv.find("lessons")->kind == EntryKind::Directory);
  CHECK(inv.find("assets/x.png")->kind == EntryKind::OutsideLink);
  CHECK(m.read("lessons/a.json", 10).value() == "{}");
}
