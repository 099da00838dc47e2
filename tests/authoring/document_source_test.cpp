// Validating the pack as it is in the editor: the same diagnostics as the saved
// pack would get, each naming a file of the pack and a place in it.
#include "authoring/document_source.hpp"
#include "authoring/edit_history.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

fs::path copyOfCore(const sq::test::TempDir& dir) {
  const fs::path pack = dir.path() / "pack";
  fs::copy(std::string(SQ_SOURCE_DIR) + "/content/core", pack, fs::copy_options::recursive);
  return pack;
}

const std::string kLesson = "lessons/y3-meet-and-tell.json";

// The pointer one level up ("/a/b" -> "/a"; "/a" -> "").
std::string parentOf(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

// Every error names a file of the document (or the pack itself) and a place in it
// that exists, or whose parent exists (a missing field is reported where it belongs).
void checkEveryErrorIsLocatable(const PackDocument& doc, const sq::LoadResult& result) {
  for (const sq::Diagnostic& d : result.diagnostics) {
    if (d.file.empty()) {
      continue;
    }
    const FileState* file = doc.file(d.file);
    if (file == nullptr) {
      // An asset: it must be one of the pack's files, or a reference to a missing one
      // (reported at the JSON that names it, so file is the JSON then).
      CHECK_MESSAGE(std::find(doc.assets().begin(), doc.assets().end(), d.file) !=
                        doc.assets().end(),
                    sq::formatDiagnostic(d));
      continue;
    }
    if (!file->parsed || d.pointer.empty()) {
      continue;
    }
    CHECK_MESSAGE((findPointer(file->value, d.pointer) != nullptr ||
                   findPointer(file->value, parentOf(d.pointer)) != nullptr),
                  sq::formatDiagnostic(d));
  }
}

} // namespace

TEST_CASE(
    "the document validates as the folder does, and a broken reference is found before saving") {
  sq::test::TempDir dir;
  const fs::path pack = copyOfCore(dir);
  PackDocument doc = PackDocument::open(pack.string());
  const sq::LoadResult onDisk = sq::loadPack(pack.string());
  const sq::LoadResult inEditor = validateDocument(doc);
  CHECK(inEditor.valid());
  CHECK(inEditor.diagnostics.size() == onDisk.diagnostics.size());

  // Point the first unit at a lesson that does not exist.
  EditHistory history;
  std::string error;
  REQUIRE(history.apply(
      doc,
      Edit{"Rename", {EditOp::set("pack.json", "/units/0/lessons/0/lesson", "no-such-lesson")}},
      error));
  const sq::LoadResult broken = validateDocument(doc);
  CHECK_FALSE(broken.valid());
  bool found = false;
  for (const sq::Diagnostic& d : broken.diagnostics) {
    if (d.severity == sq::Severity::Error && d.file == "pack.json" &&
        d.pointer.rfind("/units/0/lessons/0", 0) == 0) {
      found = true;
    }
  }
  CHECK_MESSAGE(found, "no error at pack.json /units/0/lessons/0");
  CHECK(sq::loadPack(pack.string()).valid()); // nothing was written
  REQUIRE(history.undo(doc, error));
  CHECK(validateDocument(doc).valid());

  // A new lesson file in a new folder is read from the document.
  REQUIRE(applyOp(doc, EditOp::putFile("drafts/x.json", FileState::fromText("{ broken")), error));
  const sq::LoadResult withDraft = validateDocument(doc);
  checkEveryErrorIsLocatable(doc, withDraft);
}

TEST_CASE("no sequence of edits leaves the pack refused without an error the panel can point at") {
  sq::test::TempDir dir;
  PackDocument doc = PackDocument::open(copyOfCore(dir).string());
  std::mt19937 rng(61206);
  const Json kinds[] = {Json(),
                        Json(7),
                        Json("text"),
                        Json(true),
                        Json::array(),
                        Json::object(),
                        Json::array({Json("a"), Json(1)})};
  int refused = 0;
  for (int round = 0; round < 20; ++round) {
    EditHistory history;
    std::string error;
    for (int i = 0; i < 6; ++i) {
      // Pick a random place in the lesson: walk down from the root.
      const Json& root = *doc.value(kLesson);
      std::string pointer;
      const Json* at = &root;
      while (at->is_structured() && !at->empty() && rng() % 4 != 0) {
        const std::size_t k = rng() % at->size();
        if (at->is_object()) {
          auto it = std::next(at->begin(), static_cast<std::ptrdiff_t>(k));
          pointer = appendPointer(pointer, it.key());
          at = &it.value();
        } else {
          pointer = appendPointer(pointer, k);
          at = &(*at)[k];
        }
      }
      const Json& value = kinds[rng() % std::size(kinds)];
      EditOp op;
      switch (rng() % 4) {
      case 0:
        op = EditOp::set(kLesson, pointer, value);
        break;
      case 1:
        op = EditOp::removeMember(kLesson, parentOf(pointer),
                                  pointer.substr(pointer.rfind('/') + 1));
        break;
      case 2:
        op = EditOp::removeItem(kLesson, parentOf(pointer), 0);
        break;
      default:
        op = EditOp::insertMember(kLesson, pointer, "extra", 0, value);
        break;
      }
      history.apply(doc, Edit{"random", {op}}, error); // a refused edit is fine
    }
    const sq::LoadResult result = validateDocument(doc);
    if (!result.valid()) {
      ++refused;
      CHECK(result.errors > 0);
      CHECK(std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                        [](const sq::Diagnostic& d) { return d.severity == sq::Severity::Error; }));
    }
    checkEveryErrorIsLocatable(doc, result);
    while (history.canUndo()) {
      REQUIRE(history.undo(doc, error));
    }
    CHECK_FALSE(doc.dirty());
  }
  CHECK(refused >= 7); // the edits really do break the pack, most of the time
}
