// The edits a teacher makes, as data: each primitive operation, applied to a
// `PackDocument`, returns its exact inverse, so undo and redo are the same code as
// editing. The editor's panels never touch the JSON themselves: every form field,
// graph action and file action builds an `Edit` of these operations.
// Locations are JSON pointers (RFC 6901) into one file; a bad pointer or a missing
// value is refused with a reason, never an exception.
// Depends on: authoring/pack_document, nlohmann_json.
#pragma once

#include "authoring/pack_document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sq::authoring {

enum class OpKind {
  Set,          // replace the value at `pointer`
  InsertMember, // add `key` to the object at `pointer`, at position `index`
  RemoveMember, // remove `key` from the object at `pointer`
  InsertItem,   // insert into the array at `pointer` before `index` (== size: append)
  RemoveItem,   // remove item `index` of the array at `pointer`
  PutFile,      // make the file `state` (create, replace, or remove when nullopt)
};

struct EditOp {
  OpKind kind = OpKind::Set;
  std::string file;
  std::string pointer;
  std::string key;
  std::size_t index = 0;
  Json value;
  std::optional<FileState> state;

  static EditOp set(std::string file, std::string pointer, Json value);
  static EditOp insertMember(std::string file, std::string pointer, std::string key,
                             std::size_t index, Json value);
  static EditOp removeMember(std::string file, std::string pointer, std::string key);
  static EditOp insertItem(std::string file, std::string pointer, std::size_t index, Json value);
  static EditOp removeItem(std::string file, std::string pointer, std::size_t index);
  static EditOp putFile(std::string file, std::optional<FileState> state);
};

// One thing the teacher did ("Delete node 'wait'"): several operations, undone
// together.
struct Edit {
  std::string label;
  std::vector<EditOp> ops;
};

// Applies one operation; returns its inverse, or nullopt with the reason.
std::optional<EditOp> applyOp(PackDocument& doc, const EditOp& op, std::string& error);

// Applies every operation in order. If one is refused, those already applied are
// undone, the document is as before, and nullopt is returned with the reason.
std::optional<Edit> applyEdit(PackDocument& doc, const Edit& edit, std::string& error);

// The value at `pointer` in `root`, or nullptr (no exceptions, unlike nlohmann's).
const Json* findPointer(const Json& root, const std::string& pointer);
// "/a/b" + "c/d" -> "/a/b/c~1d": one token appended, escaped.
std::string appendPointer(const std::string& pointer, const std::string& token);
std::string appendPointer(const std::string& pointer, std::size_t index);

} // namespace sq::authoring
