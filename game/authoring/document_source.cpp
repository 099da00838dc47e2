#include "authoring/document_source.hpp"

#include <algorithm>
#include <map>

namespace sq::authoring {

DocumentPackSource::DocumentPackSource(const PackDocument& doc) : mDoc(doc), mDisk(doc.folder()) {}

Inventory DocumentPackSource::inventory(const InventoryLimits& limits) const {
  // The disk's folders, links and assets, with the document's JSON files in place
  // of the disk's: a removed file is gone, a new one (and its folders) is there.
  const Inventory disk = mDisk.inventory(limits);
  std::map<std::string, PackEntry> all;
  for (const PackEntry& entry : disk.entries) {
    if (entry.kind != EntryKind::File || jsonPathProblem(entry.path)) {
      all[entry.path] = entry;
    }
  }
  for (const std::string& path : mDoc.files()) {
    PackEntry entry;
    entry.path = path;
    const std::optional<std::string> text = mDoc.textToSave(path);
    entry.size = text ? text->size() : 0;
    entry.depth = static_cast<int>(std::count(path.begin(), path.end(), '/'));
    all[path] = entry;
    for (std::size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      PackEntry folder;
      folder.path = path.substr(0, slash);
      folder.kind = EntryKind::Directory;
      folder.depth = static_cast<int>(std::count(folder.path.begin(), folder.path.end(), '/'));
      all.emplace(folder.path, folder);
    }
  }
  Inventory out;
  out.rootExists = true;
  out.rootIsDirectory = true;
  out.error = disk.error;
  out.overDepth = disk.overDepth;
  out.overEntries = disk.overEntries;
  out.overBytes = disk.overBytes;
  for (auto& [path, entry] : all) {
    if (out.entries.size() >= limits.maxEntries) {
      out.overEntries = true;
      break;
    }
    out.totalBytes += entry.size;
    out.overBytes = out.overBytes || out.totalBytes > limits.maxTotalBytes;
    out.entries.push_back(std::move(entry));
  }
  return out;
}

std::optional<std::string> DocumentPackSource::read(std::string_view path,
                                                    std::uint64_t maxBytes) const {
  const std::string key(path);
  if (mDoc.file(key) != nullptr) {
    std::optional<std::string> text = mDoc.textToSave(key);
    if (text && text->size() > maxBytes) {
      text->resize(static_cast<std::size_t>(maxBytes) + 1);
    }
    if (text) {
      text->reserve(text->size() + kReadPadding);
    }
    return text;
  }
  return mDisk.read(path, maxBytes);
}

LoadResult validateDocument(const PackDocument& doc, const PackLimits& limits) {
  return loadPack(DocumentPackSource(doc), limits);
}

} // namespace sq::authoring
