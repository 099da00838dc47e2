#include "authoring/pack_document.hpp"

#include "content/pack_files.hpp"
#include "core/atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace sq::authoring {
namespace {

bool endsWithJson(const std::string& path) {
  if (path.size() < 5) {
    return false;
  }
  std::string tail = path.substr(path.size() - 5);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(c | 0x20); });
  return tail == ".json";
}

// mkdir -p for the folders between the pack root and a file.
bool makeParents(const std::string& root, const std::string& relative, std::string& error) {
  std::size_t slash = relative.find('/');
  while (slash != std::string::npos) {
    const std::string dir = root + "/" + relative.substr(0, slash);
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "could not make the folder " + dir + ": " + std::strerror(errno);
      return false;
    }
    slash = relative.find('/', slash + 1);
  }
  return true;
}

} // namespace

FileState FileState::fromValue(Json value) {
  FileState s;
  s.value = std::move(value);
  return s;
}

FileState FileState::fromText(std::string text) {
  FileState s;
  Json value;
  if (parseJsonText(text, value, s.error, &s.errorLine, &s.errorColumn)) {
    s.value = std::move(value);
    return s;
  }
  s.parsed = false;
  s.text = std::move(text);
  return s;
}

bool FileState::sameAs(const FileState& other) const {
  if (parsed != other.parsed) {
    return false;
  }
  return parsed ? value == other.value : text == other.text;
}

std::optional<std::string> jsonPathProblem(const std::string& path) {
  if (auto problem = assetPathProblem(path)) {
    return problem;
  }
  if (!endsWithJson(path)) {
    return "a pack's documents are .json files";
  }
  return std::nullopt;
}

PackDocument PackDocument::inMemory(std::string folder) {
  PackDocument doc;
  doc.mFolder = std::move(folder);
  return doc;
}

PackDocument PackDocument::open(const std::string& folder, const PackLimits& limits) {
  PackDocument doc;
  doc.mFolder = folder;
  const DiskPackSource source(folder);
  const Inventory inventory = source.inventory(limits.inventory);
  if (!inventory.rootExists || !inventory.rootIsDirectory) {
    doc.mProblems.push_back({"", "there is no folder at " + folder});
    return doc;
  }
  if (!inventory.error.empty()) {
    doc.mProblems.push_back({"", inventory.error});
  }
  if (inventory.overEntries || inventory.overDepth || inventory.overBytes) {
    doc.mProblems.push_back(
        {"", "the folder is bigger than a pack may be: only part of it was read"});
  }
  for (const PackEntry& entry : inventory.entries) {
    if (entry.kind != EntryKind::File) {
      if (entry.kind != EntryKind::Directory) {
        doc.mProblems.push_back({entry.path, "a link or special file: left alone"});
      }
      continue;
    }
    if (!endsWithJson(entry.path)) {
      doc.mAssets.push_back(entry.path);
      continue;
    }
    if (entry.size > limits.maxJsonFileBytes) {
      doc.mProblems.push_back({entry.path, "bigger than a pack's JSON file may be (" +
                                               std::to_string(limits.maxJsonFileBytes) +
                                               " bytes): left alone"});
      continue;
    }
    std::optional<std::string> bytes = source.read(entry.path, limits.maxJsonFileBytes);
    if (!bytes || bytes->size() > limits.maxJsonFileBytes) {
      doc.mProblems.push_back({entry.path, "could not be read: left alone"});
      continue;
    }
    std::string text(bytes->data(), bytes->size());
    FileState state = FileState::fromText(text);
    doc.mFiles[entry.path] = state;
    doc.mDisk[entry.path] = DiskFile{std::move(text), std::move(state)};
  }
  return doc;
}

const FileState* PackDocument::file(const std::string& path) const {
  const auto it = mFiles.find(path);
  return it == mFiles.end() ? nullptr : &it->second;
}

const Json* PackDocument::value(const std::string& path) const {
  const FileState* f = file(path);
  return f != nullptr && f->parsed ? &f->value : nullptr;
}

std::vector<std::string> PackDocument::files() const {
  std::vector<std::string> out;
  for (const auto& [path, state] : mFiles) {
    out.push_back(path);
  }
  return out;
}

FileState* PackDocument::mutableFile(const std::string& path) {
  const auto it = mFiles.find(path);
  if (it == mFiles.end()) {
    return nullptr;
  }
  ++mRevision;
  return &it->second;
}

void PackDocument::putFile(const std::string& path, std::optional<FileState> state) {
  ++mRevision;
  if (state) {
    mFiles[path] = std::move(*state);
  } else {
    mFiles.erase(path);
  }
}

bool PackDocument::changed(const std::string& path) const {
  const auto now = mFiles.find(path);
  const auto disk = mDisk.find(path);
  if (now == mFiles.end() || disk == mDisk.end()) {
    return (now == mFiles.end()) != (disk == mDisk.end());
  }
  return !now->second.sameAs(disk->second.state);
}

const std::vector<std::string>& PackDocument::changedFiles() const {
  if (mChangedKnown && mChangedAt == mRevision) {
    return mChanged;
  }
  std::vector<std::string>& out = mChanged;
  out.clear();
  for (const auto& [path, state] : mFiles) {
    if (changed(path)) {
      out.push_back(path);
    }
  }
  for (const auto& [path, disk] : mDisk) {
    if (mFiles.count(path) == 0) {
      out.push_back(path);
    }
  }
  std::sort(out.begin(), out.end());
  mChangedAt = mRevision;
  mChangedKnown = true;
  return out;
}

bool PackDocument::dirty() const {
  return !changedFiles().empty();
}

std::optional<std::string> PackDocument::diskText(const std::string& path) const {
  const auto it = mDisk.find(path);
  if (it == mDisk.end()) {
    return std::nullopt;
  }
  return it->second.text;
}

std::optional<std::string> PackDocument::textToSave(const std::string& path) const {
  const FileState* now = file(path);
  if (now == nullptr) {
    return std::nullopt;
  }
  if (!now->parsed) {
    return now->text;
  }
  const auto disk = mDisk.find(path);
  if (disk != mDisk.end() && disk->second.state.parsed) {
    return rewriteJsonText(disk->second.text, disk->second.state.value, now->value);
  }
  return writeNewJsonFile(now->value);
}

SaveReport PackDocument::save() {
  SaveReport report;
  if (mReadOnly) {
    report.failed.push_back({"", "this pack is read-only: duplicate it to make changes"});
    return report;
  }
  // A copy: saving changes what is on disk, and with it the cached list.
  const std::vector<std::string> changed = changedFiles();
  mChangedKnown = false;
  for (const std::string& path : changed) {
    const std::string full = mFolder + "/" + path;
    if (auto problem = jsonPathProblem(path)) {
      report.failed.push_back({path, *problem});
      continue;
    }
    const std::optional<std::string> text = textToSave(path);
    if (!text) {
      if (std::remove(full.c_str()) != 0 && errno != ENOENT) {
        report.failed.push_back(
            {path, std::string("could not remove it: ") + std::strerror(errno)});
        continue;
      }
      syncToDisk(mFolder, true);
      mDisk.erase(path);
      report.removed.push_back(path);
      continue;
    }
    std::string error;
    if (!makeParents(mFolder, path, error) || !writeFileAtomically(full, *text, error)) {
      report.failed.push_back({path, error});
      continue;
    }
    mDisk[path] = DiskFile{*text, mFiles[path]};
    report.written.push_back(path);
  }
  return report;
}

} // namespace sq::authoring
