// New files in a pack: safe names, unique in their folder, never replacing a file.
#include "authoring/asset_files.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq::authoring;
namespace fs = std::filesystem;

TEST_CASE("file stems are safe and readable") {
  CHECK(fileStem("/home/t/Pictures/My Park (2).JPG") == "my-park-2");
  CHECK(fileStem("C:\\Users\\t\\cat.png") == "cat");
  CHECK(fileStem("../../etc/passwd") == "passwd");
  CHECK(fileStem("...", "picture") == "picture");
  CHECK(fileStem("Ŵyn.png", "picture") == "yn");
  CHECK(fileStem(std::string(100, 'a')).size() == 40);
}

TEST_CASE("unique paths skip names on disk and names taken") {
  sq::test::TempDir dir;
  fs::create_directories(dir.path() / "assets/narration");
  std::ofstream(dir.path() / "assets/narration/intro.wav") << "x";
  CHECK(uniqueAssetPath(dir.str(), "assets/narration", "intro", ".wav") ==
        "assets/narration/intro-2.wav");
  CHECK(uniqueAssetPath(dir.str(), "assets/narration", "intro", ".wav",
                        {"assets/narration/intro-2.wav"}) == "assets/narration/intro-3.wav");
  CHECK(uniqueAssetPath(dir.str(), "assets/narration", "other", ".wav") ==
        "assets/narration/other.wav");
}

TEST_CASE("writeNewAsset makes folders, and never replaces a file") {
  sq::test::TempDir dir;
  std::string error;
  REQUIRE(writeNewAsset(dir.str(), "assets/narration/a.wav", "first", error));
  CHECK_FALSE(writeNewAsset(dir.str(), "assets/narration/a.wav", "second", error));
  CHECK(error.find("already") != std::string::npos);
  std::ifstream in(dir.path() / "assets/narration/a.wav");
  std::string text;
  in >> text;
  CHECK(text == "first");
  CHECK_FALSE(writeNewAsset(dir.str(), "../outside.wav", "x", error));
  CHECK_FALSE(fs::exists(dir.path().parent_path() / "outside.wav"));
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path() / "assets/narration")) {
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("readFileLimited refuses a file over the limit before keeping it") {
  sq::test::TempDir dir;
  std::ofstream(dir.path() / "big.bin") << std::string(5000, 'x');
  std::string error;
  CHECK(readFileLimited((dir.path() / "big.bin").string(), 5000, error).value().size() == 5000);
  CHECK_FALSE(readFileLimited((dir.path() / "big.bin").string(), 4999, error));
  CHECK(error.find("too big to read") != std::string::npos);
  CHECK_FALSE(readFileLimited((dir.path() / "none").string(), 10, error));
  CHECK_FALSE(readFileLimited(dir.str(), 10, error));
}
