#include "authoring/edit_ops.hpp"

#include <algorithm>

namespace sq::authoring {
namespace {

// Splits "/a/b~1c" into {"a", "b/c"}; false when it is not a JSON pointer.
bool splitPointer(const std::string& pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  if (pointer.empty()) {
    return true;
  }
  if (pointer.front() != '/') {
    return false;
  }
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(token);
      token.clear();
      continue;
    }
    if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
        return false;
      }
      token.push_back(pointer[i + 1] == '0' ? '~' : '/');
      ++i;
      continue;
    }
    token.push_back(pointer[i]);
  }
  return true;
}

std::optional<std::size_t> arrayIndex(const std::string& token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token.front() == '0')) {
    return std::nullopt;
  }
  std::size_t value = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

template <typename J> J* walk(J& root, const std::string& pointer) {
  std::vector<std::string> tokens;
  if (!splitPointer(pointer, tokens)) {
    return nullptr;
  }
  J* at = &root;
  for (const std::string& token : tokens) {
    if (at->is_object()) {
      auto it = at->find(token);
      if (it == at->end()) {
        return nullptr;
      }
      at = &*it;
    } else if (at->is_array()) {
      const auto index = arrayIndex(token);
      if (!index || *index >= at->size()) {
        return nullptr;
      }
      at = &(*at)[*index];
    } else {
      return nullptr;
    }
  }
  return at;
}

// The object with `key` placed at `index` (clamped), keeping the others' order.
Json withMemberAt(const Json& object, const std::string& key, std::size_t index,
                  const Json& value) {
  Json out = Json::object();
  std::size_t i = 0;
  bool placed = false;
  for (auto it = object.begin(); it != object.end(); ++it, ++i) {
    if (i == index) {
      out[key] = value;
      placed = true;
    }
    out[it.key()] = it.value();
  }
  if (!placed) {
    out[key] = value;
  }
  return out;
}

std::optional<EditOp> refuse(std::string& error, std::string message) {
  error = std::move(message);
  return std::nullopt;
}

} // namespace

EditOp EditOp::set(std::string file, std::string pointer, Json value) {
  EditOp op;
  op.kind = OpKind::Set;
  op.file = std::move(file);
  op.pointer = std::move(pointer);
  op.value = std::move(value);
  return op;
}

EditOp EditOp::insertMember(std::string file, std::string pointer, std::string key,
                            std::size_t index, Json value) {
  EditOp op = set(std::move(file), std::move(pointer), std::move(value));
  op.kind = OpKind::InsertMember;
  op.key = std::move(key);
  op.index = index;
  return op;
}

EditOp EditOp::removeMember(std::string file, std::string pointer, std::string key) {
  EditOp op = set(std::move(file), std::move(pointer), Json());
  op.kind = OpKind::RemoveMember;
  op.key = std::move(key);
  return op;
}

EditOp EditOp::insertItem(std::string file, std::string pointer, std::size_t index, Json value) {
  EditOp op = set(std::move(file), std::move(pointer), std::move(value));
  op.kind = OpKind::InsertItem;
  op.index = index;
  return op;
}

EditOp EditOp::removeItem(std::string file, std::string pointer, std::size_t index) {
  EditOp op = set(std::move(file), std::move(pointer), Json());
  op.kind = OpKind::RemoveItem;
  op.index = index;
  return op;
}

EditOp EditOp::putFile(std::string file, std::optional<FileState> state) {
  EditOp op;
  op.kind = OpKind::PutFile;
  op.file = std::move(file);
  op.state = std::move(state);
  return op;
}

const Json* findPointer(const Json& root, const std::string& pointer) {
  return walk(root, pointer);
}

std::string appendPointer(const std::string& pointer, const std::string& token) {
  std::string out = pointer + "/";
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string appendPointer(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::optional<EditOp> applyOp(PackDocument& doc, const EditOp& op, std::string& error) {
  if (doc.readOnly()) {
    return refuse(error, "this pack is read-only: duplicate it to make changes");
  }
  if (auto problem = jsonPathProblem(op.file)) {
    return refuse(error, op.file + ": " + *problem);
  }
  if (op.kind == OpKind::PutFile) {
    std::optional<FileState> before;
    if (const FileState* now = doc.file(op.file)) {
      before = *now;
    }
    doc.putFile(op.file, op.state);
    return EditOp::putFile(op.file, std::move(before));
  }
  const FileState* current = doc.file(op.file);
  if (current == nullptr) {
    return refuse(error, op.file + ": no such file in the pack");
  }
  if (!current->parsed) {
    return refuse(error, op.file + ": mend its JSON text first (" + current->error + ")");
  }
  // Checked on a const view first, so a refused operation leaves the revision alone.
  const Json* target = walk(current->value, op.pointer);
  if (target == nullptr) {
    return refuse(error, op.file + ": nothing at " + (op.pointer.empty() ? "/" : op.pointer));
  }
  switch (op.kind) {
  case OpKind::Set: {
    Json before = *target;
    *walk(doc.mutableFile(op.file)->value, op.pointer) = op.value;
    return EditOp::set(op.file, op.pointer, std::move(before));
  }
  case OpKind::InsertMember: {
    if (!target->is_object()) {
      return refuse(error, op.file + ": " + op.pointer + " is not an object");
    }
    if (target->contains(op.key)) {
      return refuse(error, op.file + ": " + op.pointer + " already has \"" + op.key + "\"");
    }
    Json next = withMemberAt(*target, op.key, op.index, op.value);
    *walk(doc.mutableFile(op.file)->value, op.pointer) = std::move(next);
    return EditOp::removeMember(op.file, op.pointer, op.key);
  }
  case OpKind::RemoveMember: {
    if (!target->is_object() || !target->contains(op.key)) {
      return refuse(error, op.file + ": " + op.pointer + " has no \"" + op.key + "\"");
    }
    std::size_t index = 0;
    for (auto it = target->begin(); it != target->end() && it.key() != op.key; ++it) {
      ++index;
    }
    Json removed = (*target)[op.key];
    walk(doc.mutableFile(op.file)->value, op.pointer)->erase(op.key);
    return EditOp::insertMember(op.file, op.pointer, op.key, index, std::move(removed));
  }
  case OpKind::InsertItem: {
    if (!target->is_array() || op.index > target->size()) {
      return refuse(error,
                    op.file + ": cannot insert at " + op.pointer + "/" + std::to_string(op.index));
    }
    Json& array = *walk(doc.mutableFile(op.file)->value, op.pointer);
    array.insert(array.begin() + static_cast<std::ptrdiff_t>(op.index), op.value);
    return EditOp::removeItem(op.file, op.pointer, op.index);
  }
  case OpKind::RemoveItem: {
    if (!target->is_array() || op.index >= target->size()) {
      return refuse(error, op.file + ": nothing at " + op.pointer + "/" + std::to_string(op.index));
    }
    Json removed = (*target)[op.index];
    Json& array = *walk(doc.mutableFile(op.file)->value, op.pointer);
    array.erase(array.begin() + static_cast<std::ptrdiff_t>(op.index));
    return EditOp::insertItem(op.file, op.pointer, op.index, std::move(removed));
  }
  case OpKind::PutFile:
    break;
  }
  return refuse(error, "unknown operation");
}

std::optional<Edit> applyEdit(PackDocument& doc, const Edit& edit, std::string& error) {
  Edit inverse;
  inverse.label = edit.label;
  for (const EditOp& op : edit.ops) {
    std::optional<EditOp> undo = applyOp(doc, op, error);
    if (!undo) {
      // Put back what this edit already changed, newest first.
      for (auto it = inverse.ops.rbegin(); it != inverse.ops.rend(); ++it) {
        std::string ignored;
        applyOp(doc, *it, ignored);
      }
      return std::nullopt;
    }
    inverse.ops.push_back(std::move(*undo));
  }
  std::reverse(inverse.ops.begin(), inverse.ops.end());
  return inverse;
}

} // namespace sq::authoring
