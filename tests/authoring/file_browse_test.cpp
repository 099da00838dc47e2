// The folder browser's listing: folders and wanted files only, hidden ones left
// out, sorted as a person reads them; the start places that exist.
#include "authoring/file_browse.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq::authoring;
namespace fs = std::filesystem;

TEST_CASE("a folder lists its folders and its pictures, nothing else") {
  sq::test::TempDir dir;
  fs::create_directories(dir.path() / "Trips");
  fs::create_directories(dir.path() / "art");
  fs::create_directories(dir.path() / ".cache");
  for (const char* name : {"b.PNG", "a.jpeg", "C.jpg", "notes.txt", ".hidden.png", "song.ogg"}) {
    std::ofstream(dir.path() / name) << "x";
  }
  const FolderListing l = listFolder(dir.str(), {".png", ".jpg", ".jpeg"});
  CHECK(l.error.empty());
  CHECK(l.folders == std::vector<std::string>{"art", "Trips"});
  CHECK(l.files == std::vector<std::string>{"a.jpeg", "b.PNG", "C.jpg"});
  CHECK_FALSE(l.truncated);
  CHECK(listFolder(dir.str(), {".wav", ".ogg"}).files == std::vector<std::string>{"song.ogg"});
  CHECK(listFolder(dir.str(), {".png"}, 3).truncated);

  const FolderListing missing = listFolder((dir.path() / "nope").string(), {".png"});
  CHECK_FALSE(missing.error.empty());
  CHECK(missing.files.empty());
}

TEST_CASE("start places are the ones that exist, home first; up stops at the root") {
  sq::test::TempDir dir;
  fs::create_directories(dir.path() / "Pictures");
  fs::create_directories(dir.path() / "Desktop");
  const auto places = startPlaces(dir.str());
  REQUIRE(places.size() == 3);
  CHECK(places[0].first == "Home");
  CHECK(places[1].first == "Pictures");
  CHECK(places[2].second == (dir.path() / "Desktop").string());
  CHECK(startPlaces((dir.path() / "none").string()).empty());
  CHECK(parentFolder("/home/teacher/Pictures") == "/home/teacher");
  CHECK(parentFolder("/home/teacher/Pictures/") == "/home/teacher");
  CHECK(parentFolder("/") == "/");
}
