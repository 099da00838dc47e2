// A pack open in the editor: every JSON file of its folder as a value the editor
// changes, beside the bytes last read from or written to disk. Edits go through
// `edit_ops` (each with its inverse), so this class only holds state, compares it
// with the disk and saves.
// Saving writes only files whose value differs from what is on disk, each
// atomically (a temporary file, then a rename), by rewriting the author's text
// value by value (`json_rewrite`), so key order, unknown fields and formatting
// survive. A file that does not parse stays in the document as text, with where it
// breaks, so it can be mended in a plain text view.
// Depends on: core (atomic writes), content (pack listing and limits), nlohmann_json.
#pragma once

#include "authoring/json_rewrite.hpp"
#include "content/pack_loader.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sq::authoring {

// One file's contents in the document: a parsed value, or (when it does not parse)
// its text and where it breaks.
struct FileState {
  bool parsed = true;
  Json value;
  std::string text; // when !parsed
  std::string error;
  std::size_t errorLine = 0;
  std::size_t errorColumn = 0;

  static FileState fromValue(Json value);
  // Parses `text`; the state is parsed when it is JSON, else keeps the text.
  static FileState fromText(std::string text);
  bool sameAs(const FileState& other) const;
};

struct OpenProblem {
  std::string file; // relative path, or "" for the folder itself
  std::string message;
};

struct SaveReport {
  std::vector<std::string> written; // relative paths
  std::vector<std::string> removed;
  std::vector<OpenProblem> failed;
  bool ok() const { return failed.empty(); }
};

class PackDocument {
public:
  // Reads every .json file of `folder` (within the loader's limits). Files over the
  // size limit, and the folder's own problems, are reported in problems(); such a
  // file is not part of the document and is never written.
  static PackDocument open(const std::string& folder, const PackLimits& limits = {});
  // A document with no folder yet (tests; a pack made from a template).
  static PackDocument inMemory(std::string folder);

  const std::string& folder() const { return mFolder; }
  const std::vector<OpenProblem>& problems() const { return mProblems; }
  // Other files of the pack (pictures, sounds), relative paths, sorted.
  const std::vector<std::string>& assets() const { return mAssets; }

  bool readOnly() const { return mReadOnly; }
  void setReadOnly(bool readOnly) { mReadOnly = readOnly; }

  // The file's current state, or nullptr when the document has no such file.
  const FileState* file(const std::string& path) const;
  // The file's parsed value, or nullptr when absent or not parsed.
  const Json* value(const std::string& path) const;
  std::vector<std::string> files() const; // sorted

  // The only mutators; `edit_ops` calls them. Each bumps revision().
  FileState* mutableFile(const std::string& path);
  void putFile(const std::string& path, std::optional<FileState> state);
  void touch() { ++mRevision; }

  // Counts every change, undo and redo: autosave and validation watch it.
  std::uint64_t revision() const { return mRevision; }

  // What differs from the disk.
  bool dirty() const;
  // Worked out once per revision (and again after a save): the editor asks every frame.
  const std::vector<std::string>& changedFiles() const;
  bool changed(const std::string& path) const;

  // The text a changed file would be saved as (nullopt for a removed file).
  std::optional<std::string> textToSave(const std::string& path) const;
  // Writes every changed file, removes every removed one. Refused when read-only.
  SaveReport save();

  // What the disk held when the file was opened or last saved: its bytes, or
  // nullopt when it did not exist.
  std::optional<std::string> diskText(const std::string& path) const;

private:
  struct DiskFile {
    std::string text;
    FileState state;
  };

  std::string mFolder;
  bool mReadOnly = false;
  std::map<std::string, FileState> mFiles;
  std::map<std::string, DiskFile> mDisk;
  std::vector<std::string> mAssets;
  std::vector<OpenProblem> mProblems;
  std::uint64_t mRevision = 0;
  mutable std::vector<std::string> mChanged;
  mutable std::uint64_t mChangedAt = 0;
  mutable bool mChangedKnown = false;
};

// Whether `path` may name a JSON file of a pack: relative, no '..', ends ".json".
std::optional<std::string> jsonPathProblem(const std::string& path);

} // namespace sq::authoring
