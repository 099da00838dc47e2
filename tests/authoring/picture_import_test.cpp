// Pictures brought into a pack: judged by the loader's own probe, refused with a
// plain reason, scaled down when over the pack's limits, written as new files
// that never replace one, and set on a line with its alt text as one undoable edit.
// The bad-file corpus (tests/fuzz/corpus/picture_import, also the fuzzer's seeds)
// names each file's expected refusal: bad-<reason>-*.ext is refused with
// "picture.<reason>"; good-*.ext is taken.
#include "authoring/asset_files.hpp"
#include "authoring/edit_ops.hpp"
#include "authoring/picture_import.hpp"

#include "content/pack_loader.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(SQ_SOURCE_DIR) / "tests/fuzz/corpus/picture_import";

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeAll(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// A picture with a gradient, so scaling and encoding have something to keep.
RgbaPicture gradient(int w, int h, std::uint8_t alpha = 255) {
  RgbaPicture p{w, h, {}};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      p.rgba.push_back(static_cast<std::uint8_t>(x * 255 / std::max(1, w - 1)));
      p.rgba.push_back(static_cast<std::uint8_t>(y * 255 / std::max(1, h - 1)));
      p.rgba.push_back(90);
      p.rgba.push_back(alpha);
    }
  }
  return p;
}

} // namespace

TEST_CASE("every file of the bad-picture corpus is refused for its reason, every good one taken") {
  const std::vector<std::string> reasons = {"not-a-picture", "too-big-to-read", "corrupt"};
  int bad = 0;
  int good = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    const std::string bytes = readAll(entry.path());
    PictureRefusal refusal;
    const auto prepared = preparePicture(bytes, true, refusal);
    if (name.rfind("good-", 0) == 0) {
      ++good;
      CHECK_MESSAGE(prepared.has_value(), refusal.message);
      continue;
    }
    REQUIRE(name.rfind("bad-", 0) == 0);
    ++bad;
    std::string expected;
    for (const std::string& r : reasons) {
      if (name.rfind("bad-" + r + "-", 0) == 0) {
        expected = "picture." + r;
      }
    }
    REQUIRE_MESSAGE(!expected.empty(), "a bad file's name starts with its reason");
    REQUIRE_FALSE(prepared.has_value());
    CHECK(refusal.code == expected);
    CHECK_FALSE(refusal.message.empty());
  }
  CHECK(bad >= 8);
  CHECK(good >= 3);
}

TEST_CASE("the probe reads type and size from the header, as the validator does") {
  const std::string png = encodePicture(sq::AssetType::Png, gradient(40, 30));
  const PictureProbe p = probePicture(png);
  REQUIRE(p.ok);
  CHECK(p.type == sq::AssetType::Png);
  CHECK(p.size.width == 40);
  CHECK(p.size.height == 30);
  CHECK_FALSE(p.overLimits);

  PictureImportLimits small;
  small.maxPackSide = 32;
  CHECK(probePicture(png, small).overLimits);
  small = {};
  small.maxPackFileBytes = png.size() - 1;
  CHECK(probePicture(png, small).overLimits);
  small = {};
  small.maxInputBytes = png.size() - 1;
  const PictureProbe tooBig = probePicture(png, small);
  CHECK_FALSE(tooBig.ok);
  CHECK(tooBig.code == picture_code::kTooBigToRead);
  small = {};
  small.maxInputPixels = 40 * 30 - 1;
  CHECK(probePicture(png, small).code == picture_code::kTooBigToRead);
}

TEST_CASE("scaledSize keeps the shape and fits the longest side") {
  CHECK(scaledSize({8000, 6000}, 2048).width == 2048);
  CHECK(scaledSize({8000, 6000}, 2048).height == 1536);
  CHECK(scaledSize({6000, 8000}, 2048).width == 1536);
  CHECK(scaledSize({100, 50}, 2048).width == 100); // never scaled up
  CHECK(scaledSize({100000, 1}, 100).height == 1); // never to nothing
}

TEST_CASE("a picture within the limits goes in byte for byte; one over them only scaled down") {
  const std::string png = encodePicture(sq::AssetType::Png, gradient(120, 60, 128));
  PictureRefusal refusal;
  const auto same = preparePicture(png, false, refusal);
  REQUIRE(same.has_value());
  CHECK(same->bytes == png);
  CHECK_FALSE(same->scaled);

  PictureImportLimits limits;
  limits.maxPackSide = 100;
  limits.scaleToSide = 64;
  CHECK_FALSE(preparePicture(png, false, refusal, limits).has_value());
  CHECK(refusal.code == picture_code::kOverLimits);
  CHECK(refusal.message.find("Scale it down") != std::string::npos);

  const auto scaled = preparePicture(png, true, refusal, limits);
  REQUIRE(scaled.has_value());
  CHECK(scaled->scaled);
  CHECK(scaled->type == sq::AssetType::Png);
  CHECK(scaled->size.width == 64);
  CHECK(scaled->size.height == 32);
  // The result reads back at that size, transparency kept, colours roughly kept.
  const auto back = decodeRgba(scaled->bytes, refusal);
  REQUIRE(back.has_value());
  CHECK(back->width == 64);
  CHECK(back->height == 32);
  CHECK(back->rgba[3] == 128);
  CHECK(back->rgba[(32 * 64 - 1) * 4] > 200); // the right-hand end is still red
  CHECK(back->rgba[0] < 40);

  // A JPEG stays a JPEG.
  const std::string jpg = encodePicture(sq::AssetType::Jpeg, gradient(300, 200));
  REQUIRE(probePicture(jpg).type == sq::AssetType::Jpeg);
  const auto scaledJpg = preparePicture(jpg, true, refusal, limits);
  REQUIRE(scaledJpg.has_value());
  CHECK(scaledJpg->type == sq::AssetType::Jpeg);
  CHECK(probePicture(scaledJpg->bytes).size.width == 64);
}

TEST_CASE("a file too large for the pack is made smaller until it fits") {
  // Noise does not compress: at 64 pixels a side the PNG is over 8 KB.
  RgbaPicture noise{64, 64, {}};
  std::uint32_t seed = 12345;
  for (int i = 0; i < 64 * 64 * 4; ++i) {
    seed = seed * 1664525u + 1013904223u;
    noise.rgba.push_back(static_cast<std::uint8_t>(seed >> 24));
  }
  const std::string png = encodePicture(sq::AssetType::Png, noise);
  PictureImportLimits limits;
  limits.maxPackFileBytes = 8 * 1024;
  REQUIRE(png.size() > limits.maxPackFileBytes);
  PictureRefusal refusal;
  const auto fitted = preparePicture(png, true, refusal, limits);
  REQUIRE_MESSAGE(fitted.has_value(), refusal.message);
  CHECK(fitted->bytes.size() <= limits.maxPackFileBytes);
  CHECK(fitted->size.width < 64);
}

TEST_CASE("importing writes a new file under assets/pictures that the loader accepts") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  fs::create_directories(pack / "assets/pictures");
  writeAll(pack / "assets/pictures/park.png", "already here");
  const fs::path source = dir.path() / "Park Photo.PNG";
  writeAll(source, encodePicture(sq::AssetType::Png, gradient(50, 40)));

  PictureRefusal refusal;
  const auto first = importPicture(pack.string(), source.string(), false, refusal);
  REQUIRE_MESSAGE(first.has_value(), refusal.message);
  CHECK(first->path == "assets/pictures/park-photo.png");
  const auto second = importPicture(pack.string(), source.string(), false, refusal);
  REQUIRE(second.has_value());
  CHECK(second->path == "assets/pictures/park-photo-2.png");
  CHECK(readAll(pack / "assets/pictures/park.png") == "already here");
  CHECK(readAll(pack / second->path) == readAll(source));
  // Nothing else was left in the folder (no temporary files).
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(pack / "assets/pictures")) {
    ++files;
  }
  CHECK(files == 3);

  // A taken name (used by the document, not yet on disk) is skipped too.
  const auto third = importPicture(pack.string(), source.string(), false, refusal,
                                   {"assets/pictures/park-photo-3.png"});
  REQUIRE(third.has_value());
  CHECK(third->path == "assets/pictures/park-photo-4.png");

  writeAll(dir.path() / "notes.png", "not a picture");
  CHECK_FALSE(importPicture(pack.string(), (dir.path() / "notes.png").string(), true, refusal));
  CHECK(refusal.code == picture_code::kNotAPicture);
  CHECK_FALSE(importPicture(pack.string(), (dir.path() / "missing.png").string(), true, refusal));
  CHECK_FALSE(refusal.message.empty());
}

TEST_CASE("setting a picture needs alt text and is one undoable edit") {
  PackDocument doc = PackDocument::inMemory("/nowhere");
  doc.putFile("lessons/a.json", FileState::fromValue(Json::parse(
                                    R"({"steps":[{"id":"s1","text":"Hi"},
                               {"id":"s2","text":"Yo","picture":{"src":"assets/old.png","alt":"Old","x":1}}]})")));
  std::string error;
  CHECK_FALSE(
      setPictureEdit(doc, "lessons/a.json", "/steps/0", "picture", "assets/p.png", "  ", error));
  CHECK(error.find("read aloud") != std::string::npos);
  CHECK_FALSE(
      setPictureEdit(doc, "lessons/a.json", "/steps/9", "picture", "assets/p.png", "A", error));

  const auto add =
      setPictureEdit(doc, "lessons/a.json", "/steps/0", "picture", "assets/p.png", "A park", error);
  REQUIRE(add.has_value());
  const auto undo = applyEdit(doc, *add, error);
  REQUIRE(undo.has_value());
  const Json& step = doc.value("lessons/a.json")->at("steps").at(0);
  CHECK(step.at("picture") == Json::parse(R"({"src":"assets/p.png","alt":"A park"})"));
  REQUIRE(applyEdit(doc, *undo, error).has_value());
  CHECK_FALSE(doc.value("lessons/a.json")->at("steps").at(0).contains("picture"));

  // Replacing keeps the picture object's other members.
  const auto replace =
      setPictureEdit(doc, "lessons/a.json", "/steps/1", "picture", "assets/n.png", "New", error);
  REQUIRE(replace.has_value());
  REQUIRE(applyEdit(doc, *replace, error).has_value());
  CHECK(doc.value("lessons/a.json")->at("steps").at(1).at("picture") ==
        Json::parse(R"({"src":"assets/n.png","alt":"New","x":1})"));
}
