#include "authoring/recovery.hpp"

#include "core/atomic_file.hpp"
#include "core/bounded_file.hpp"
#include "core/fnv_hash.hpp"

#include <cerrno>
#include <cstdio>
#include <iterator>
#include <sys/stat.h>

namespace sq::authoring {
namespace {

constexpr const char* kFormat = "safequest-editor-recovery";
constexpr int kVersion = 1;

std::string hashOf(std::string_view bytes) {
  Fnv1a64 h;
  h.add(bytes);
  return h.hex();
}

std::optional<Recovery> refuse(std::string& error, std::string message) {
  error = "the recovery file is unusable: " + std::move(message);
  return std::nullopt;
}

} // namespace

std::string recoveryPathFor(const std::string& dir, const std::string& packFolder) {
  return dir + "/" + hashOf(packFolder) + ".json";
}

bool writeRecovery(const std::string& dir, const PackDocument& doc, const std::string& now,
                   std::string& error) {
  const std::string path = recoveryPathFor(dir, doc.folder());
  const std::vector<std::string> changed = doc.changedFiles();
  if (changed.empty()) {
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) {
      error = "could not remove " + path;
      return false;
    }
    return true;
  }
  Json files = Json::array();
  for (const std::string& file : changed) {
    Json entry = Json::object();
    entry["path"] = file;
    const std::optional<std::string> disk = doc.diskText(file);
    entry["disk"] = disk ? Json(hashOf(*disk)) : Json();
    const std::optional<std::string> text = doc.textToSave(file);
    entry["text"] = text ? Json(*text) : Json();
    files.push_back(std::move(entry));
  }
  Json root = Json::object();
  root["format"] = kFormat;
  root["version"] = kVersion;
  root["pack"] = doc.folder();
  root["written"] = now;
  root["files"] = std::move(files);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    error = "could not make the folder " + dir;
    return false;
  }
  return writeFileAtomically(path, root.dump(-1, ' ', false, Json::error_handler_t::replace),
                             error);
}

std::optional<Recovery> parseRecovery(std::string_view bytes, const PackDocument& doc,
                                      std::string& error, const RecoveryLimits& limits) {
  error.clear();
  if (bytes.size() > limits.maxFileBytes) {
    return refuse(error, "it is too big");
  }
  Json root;
  std::string parseError;
  if (!parseJsonText(bytes, root, parseError)) {
    return refuse(error, parseError);
  }
  if (!root.is_object() || root.value("format", Json()) != kFormat) {
    return refuse(error, "it is not a SafeQuest editor recovery file");
  }
  if (root.value("version", Json()) != kVersion) {
    return refuse(error, "it was written by a different version of the editor");
  }
  const Json pack = root.value("pack", Json());
  if (!pack.is_string() || pack.get<std::string>() != doc.folder()) {
    return refuse(error, "it belongs to another pack");
  }
  const Json files = root.value("files", Json());
  if (!files.is_array() || files.empty() || files.size() > limits.maxFiles) {
    return refuse(error, "its list of files is missing or too long");
  }
  Recovery out;
  out.pack = pack.get<std::string>();
  const Json written = root.value("written", Json());
  out.written = written.is_string() ? written.get<std::string>() : std::string();
  for (const Json& entry : files) {
    if (!entry.is_object()) {
      return refuse(error, "a file entry is not an object");
    }
    const Json path = entry.value("path", Json());
    const Json disk = entry.value("disk", Json());
    const Json text = entry.value("text", Json());
    if (!path.is_string() || jsonPathProblem(path.get<std::string>())) {
      return refuse(error, "a file entry has no usable path");
    }
    if (!(disk.is_null() || disk.is_string()) || !(text.is_null() || text.is_string())) {
      return refuse(error, "a file entry has a field of the wrong type");
    }
    RecoveredFile file;
    file.path = path.get<std::string>();
    if (text.is_string()) {
      const auto& t = text.get_ref<const std::string&>();
      if (t.size() > limits.maxTextBytes) {
        return refuse(error, file.path + " is bigger than a pack file may be");
      }
      file.state = FileState::fromText(t);
    }
    const std::optional<std::string> nowOnDisk = doc.diskText(file.path);
    const std::string expected = disk.is_string() ? disk.get<std::string>() : std::string();
    file.diskUnchanged = nowOnDisk ? hashOf(*nowOnDisk) == expected : disk.is_null();
    out.files.push_back(std::move(file));
  }
  return out;
}

std::optional<Recovery> readRecovery(const std::string& dir, const PackDocument& doc,
                                     std::string& error, const RecoveryLimits& limits) {
  error.clear();
  const std::string path = recoveryPathFor(dir, doc.folder());
  const BoundedFile file = readFileBounded(path, limits.maxFileBytes);
  switch (file.status) {
  case BoundedFileStatus::Read:
    break;
  case BoundedFileStatus::Missing:
    return std::nullopt; // nothing was left unsaved
  case BoundedFileStatus::TooLarge:
    return refuse(error, "it is too big");
  case BoundedFileStatus::NotAFile:
  case BoundedFileStatus::CannotOpen:
  case BoundedFileStatus::ReadFailed:
    return refuse(error, file.reason);
  }
  return parseRecovery(file.bytes, doc, error, limits);
}

Edit recoveryEdit(const Recovery& recovery) {
  Edit edit;
  edit.label = "Take back unsaved work";
  for (const RecoveredFile& file : recovery.files) {
    edit.ops.push_back(EditOp::putFile(file.path, file.state));
  }
  return edit;
}

void discardRecovery(const std::string& dir, const std::string& packFolder) {
  std::remove(recoveryPathFor(dir, packFolder).c_str());
}

} // namespace sq::authoring
