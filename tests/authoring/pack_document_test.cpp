// A pack open in the editor: saving writes only what changed, atomically, and
// keeps the author's text; a file that is not JSON opens as text to be mended.
#include "authoring/edit_history.hpp"
#include "authoring/pack_document.hpp"
#include "content/pack_loader.hpp"

#include "support/read_file.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

// Every file of a folder: path -> (bytes, modification time).
std::map<std::string, std::pair<std::string, fs::file_time_type>> snapshot(const fs::path& root) {
  std::map<std::string, std::pair<std::string, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      out[fs::relative(e.path(), root).string()] = {sq::test::readWholeFile(e.path()),
                                                    e.last_write_time()};
    }
  }
  return out;
}

fs::path copyOfCore(const sq::test::TempDir& dir) {
  const fs::path pack = dir.path() / "pack";
  fs::copy(std::string(SQ_SOURCE_DIR) + "/content/core", pack, fs::copy_options::recursive);
  return pack;
}

} // namespace

TEST_CASE("a copy of the core pack opens whole, and saving with no change writes nothing") {
  sq::test::TempDir dir;
  const fs::path pack = copyOfCore(dir);
  const auto before = snapshot(pack);
  PackDocument doc = PackDocument::open(pack.string());
  CHECK(doc.problems().empty());
  CHECK(doc.files().size() > 30);
  CHECK(doc.value("pack.json") != nullptr);
  CHECK_FALSE(doc.assets().empty());
  CHECK_FALSE(doc.dirty());
  const SaveReport report = doc.save();
  CHECK(report.ok());
  CHECK(report.written.empty());
  CHECK(snapshot(pack) == before);
}

TEST_CASE("saving after one edit writes that one file, and its diff is that one line") {
  sq::test::TempDir dir;
  const fs::path pack = copyOfCore(dir);
  const auto before = snapshot(pack);
  PackDocument doc = PackDocument::open(pack.string());
  EditHistory history;
  std::string error;
  const std::string lesson = "lessons/y3-meet-and-tell.json";
  const std::string titleBefore = (*doc.value(lesson))["title"];
  REQUIRE(history.apply(
      doc, Edit{"Change the title", {EditOp::set(lesson, "/title", "Meet? Tell!")}}, error));
  CHECK(doc.dirty());
  CHECK(doc.changedFiles() == std::vector<std::string>{lesson});
  const SaveReport report = doc.save();
  REQUIRE(report.ok());
  CHECK(report.written == std::vector<std::string>{lesson});
  CHECK_FALSE(doc.dirty());
  const auto after = snapshot(pack);
  for (const auto& entry : before) {
    if (entry.first != lesson) {
      CHECK_MESSAGE(after.at(entry.first) == entry.second, entry.first); // bytes and time
    }
  }
  const std::string oldText = before.at(lesson).first;
  const std::string newText = after.at(lesson).first;
  const std::string oldTitle = (*PackDocument::open(pack.string()).value(lesson))["title"];
  CHECK(oldTitle == "Meet? Tell!");
  CHECK(newText.size() + titleBefore.size() == oldText.size() + std::string("Meet? Tell!").size());
  // The loader reads the saved pack as before.
  CHECK(sq::loadPack(pack.string()).valid());

  // Undo works across the save: the file is changed again until saved.
  REQUIRE(history.undo(doc, error));
  CHECK(doc.changedFiles() == std::vector<std::string>{lesson});
  REQUIRE(doc.save().ok());
  CHECK(sq::test::readWholeFile(pack / lesson) == oldText);
}

TEST_CASE("a removed lesson is deleted on save, a new one is written in a new folder") {
  sq::test::TempDir dir;
  const fs::path pack = copyOfCore(dir);
  PackDocument doc = PackDocument::open(pack.string());
  std::string error;
  Edit edit{"Move",
            {EditOp::putFile("lessons/y3-meet-and-tell.json", std::nullopt),
             EditOp::putFile("drafts/new/lesson.json",
                             FileState::fromValue(Json::object({{"id", "new"}})))}};
  REQUIRE(applyEdit(doc, edit, error));
  const SaveReport report = doc.save();
  REQUIRE(report.ok());
  CHECK(report.removed == std::vector<std::string>{"lessons/y3-meet-and-tell.json"});
  CHECK_FALSE(fs::exists(pack / "lessons/y3-meet-and-tell.json"));
  CHECK(sq::test::readWholeFile(pack / "drafts/new/lesson.json") == "{\n  \"id\": \"new\"\n}\n");
  // No temporary files are left beside them.
  for (const auto& e : fs::recursive_directory_iterator(pack)) {
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("a read-only pack refuses edits and saving, and says how to change it") {
  sq::test::TempDir dir;
  PackDocument doc = PackDocument::open(copyOfCore(dir).string());
  doc.setReadOnly(true);
  std::string error;
  CHECK_FALSE(applyOp(doc, EditOp::set("pack.json", "/title", "x"), error));
  CHECK(error.find("duplicate it") != std::string::npos);
  CHECK_FALSE(doc.save().ok());
}

TEST_CASE("a file that is not JSON opens as text with where it breaks, and can be mended") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "broken";
  fs::create_directories(pack / "lessons");
  const std::string broken = "{\n  \"id\": \"x\",\n  \"title\" \"Oops\"\n}\n";
  std::ofstream(pack / "lessons/x.json") << broken;
  std::ofstream(pack / "pack.json") << "{\"id\": \"p\"}";
  PackDocument doc = PackDocument::open(pack.string());
  const FileState* f = doc.file("lessons/x.json");
  REQUIRE(f != nullptr);
  CHECK_FALSE(f->parsed);
  CHECK(f->errorLine == 3);
  CHECK(f->text == broken);
  std::string error;
  // Field edits wait until the text is JSON again.
  CHECK_FALSE(applyOp(doc, EditOp::set("lessons/x.json", "/id", "y"), error));
  CHECK(error.find("line 3") != std::string::npos);
  const std::string mended = "{\n  \"id\": \"x\",\n  \"title\": \"Oops\"\n}\n";
  REQUIRE(applyOp(doc, EditOp::putFile("lessons/x.json", FileState::fromText(mended)), error));
  CHECK(doc.file("lessons/x.json")->parsed);
  REQUIRE(applyOp(doc, EditOp::set("lessons/x.json", "/title", "Fixed"), error));
  REQUIRE(doc.save().ok());
  CHECK(sq::test::readWholeFile(pack / "lessons/x.json") ==
        "{\n  \"id\": \"x\",\n  \"title\": \"Fixed\"\n}\n");
  CHECK(sq::test::readWholeFile(pack / "pack.json") == "{\"id\": \"p\"}"); // untouched
}

TEST_CASE("a JSON file over the size limit is left alone and reported") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "big";
  fs::create_directories(pack);
  std::ofstream(pack / "huge.json") << "[" << std::string(2000, ' ') << "]";
  sq::PackLimits limits;
  limits.maxJsonFileBytes = 1000;
  PackDocument doc = PackDocument::open(pack.string(), limits);
  CHECK(doc.file("huge.json") == nullptr);
  REQUIRE(doc.problems().size() == 1);
  CHECK(doc.problems()[0].file == "huge.json");
  CHECK_FALSE(PackDocument::open((dir.path() / "missing").string()).problems().empty());
}
