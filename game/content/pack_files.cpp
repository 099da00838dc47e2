#include "content/pack_files.hpp"

#include "core/bounded_file.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace sq {

const PackEntry* Inventory::find(std::string_view path) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), path,
                             [](const PackEntry& e, std::string_view p) { return e.path < p; });
  if (it != entries.end() && it->path == path) {
    return &*it;
  }
  return nullptr;
}

namespace {

bool isInside(const fs::path& root, const fs::path& candidate) {
  // Both are canonical; compare whole path components so "/pack2" is not inside "/pack".
  auto r = root.begin();
  auto c = candidate.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == candidate.end() || *r != *c) {
      return false;
    }
  }
  return true;
}

// How many folders deep an entry reaches: a folder counts itself, a file does not.
int folderLevels(const PackEntry& e) {
  return e.depth + (e.kind == EntryKind::Directory ? 1 : 0);
}

void sortEntries(Inventory& inv) {
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const PackEntry& a, const PackEntry& b) { return a.path < b.path; });
}

} // namespace

DiskPackSource::DiskPackSource(std::string root) : mRoot(std::move(root)) {}

Inventory DiskPackSource::inventory(const InventoryLimits& limits) const {
  Inventory inv;
  std::error_code ec;
  const fs::file_status rootStatus = fs::status(mRoot, ec);
  if (ec || !fs::exists(rootStatus)) {
    return inv;
  }
  inv.rootExists = true;
  if (!fs::is_directory(rootStatus)) {
    return inv;
  }
  inv.rootIsDirectory = true;
  const fs::path root = fs::canonical(mRoot, ec);
  if (ec) {
    inv.error = ec.message();
    return inv;
  }

  // The walk never follows links: a link is judged by where it resolves to, and a
  // link to a folder is listed but not entered, so loops and escapes cost nothing.
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) {
    inv.error = ec.message();
    return inv;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      inv.error = ec.message();
      break;
    }
    if (inv.entries.size() >= limits.maxEntries) {
      inv.overEntries = true;
      break;
    }
    const fs::path& p = it->path();
    PackEntry entry;
    entry.path = p.lexically_relative(root).generic_string();
    entry.depth = it.depth();
    const fs::file_status linkStatus = it->symlink_status(ec);
    if (ec) {
      ec.clear();
      entry.kind = EntryKind::Special;
      inv.entries.push_back(std::move(entry));
      continue;
    }
    fs::file_status status = linkStatus;
    if (fs::is_symlink(linkStatus)) {
      const fs::path target = fs::weakly_canonical(p, ec);
      if (ec || !isInside(root, target)) {
        ec.clear();
        entry.kind = EntryKind::OutsideLink;
        inv.entries.push_back(std::move(entry));
        continue;
      }
      status = fs::status(p, ec);
      if (ec || !fs::exists(status)) {
        ec.clear();
        entry.kind = EntryKind::BrokenLink;
        inv.entries.push_back(std::move(entry));
        continue;
      }
    }
    if (fs::is_directory(status)) {
      entry.kind = EntryKind::Directory;
    } else if (fs::is_regular_file(status)) {
      entry.kind = EntryKind::File;
      entry.size = fs::file_size(p, ec);
      if (ec) {
        ec.clear();
        entry.kind = EntryKind::BrokenLink;
      } else {
        inv.totalBytes += entry.size;
        if (inv.totalBytes > limits.maxTotalBytes) {
          inv.overBytes = true;
        }
      }
    } else {
      entry.kind = EntryKind::Special;
    }
    if (folderLevels(entry) > limits.maxDepth) {
      inv.overDepth = true;
      it.disable_recursion_pending();
      continue;
    }
    inv.entries.push_back(std::move(entry));
  }
  sortEntries(inv);
  return inv;
}

std::optional<std::string> DiskPackSource::read(std::string_view path,
                                                std::uint64_t maxBytes) const {
  std::error_code ec;
  const fs::path root = fs::canonical(mRoot, ec);
  if (ec || assetPathProblem(path)) {
    return std::nullopt;
  }
  // Checked again at read time: the folder may have changed since the walk.
  const fs::path full = fs::weakly_canonical(root / fs::path(std::string(path)), ec);
  if (ec || !isInside(root, full) || !fs::is_regular_file(full, ec)) {
    return std::nullopt;
  }
  // A file's head is wanted as well as a whole file (the validator sniffs types),
  // so a file over maxBytes still gives its first maxBytes + 1 bytes.
  BoundedReadOptions options;
  options.keepHead = true;
  options.spareCapacity = kReadPadding;
  BoundedFile file = readFileBounded(full.string(), maxBytes, options);
  if (file.status != BoundedFileStatus::Read && file.status != BoundedFileStatus::TooLarge) {
    return std::nullopt;
  }
  return std::move(file.bytes);
}

void MemoryPackSource::addFile(std::string path, std::string bytes) {
  mFiles[std::move(path)] = std::move(bytes);
}

void MemoryPackSource::addOutsideLink(std::string path) {
  mOther[std::move(path)] = EntryKind::OutsideLink;
}

void MemoryPackSource::addDirectory(std::string path) {
  mOther[std::move(path)] = EntryKind::Directory;
}

Inventory MemoryPackSource::inventory(const InventoryLimits& limits) const {
  Inventory inv;
  inv.rootExists = true;
  inv.rootIsDirectory = true;
  std::map<std::string, EntryKind> all = mOther;
  for (const auto& [path, bytes] : mFiles) {
    all[path] = EntryKind::File;
    // Every parent folder is implied by the path.
    for (std::size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      all.emplace(path.substr(0, slash), EntryKind::Directory);
    }
  }
  for (const auto& [path, kind] : all) {
    if (inv.entries.size() >= limits.maxEntries) {
      inv.overEntries = true;
      break;
    }
    PackEntry e;
    e.path = path;
    e.kind = kind;
    e.depth = static_cast<int>(std::count(path.begin(), path.end(), '/'));
    if (folderLevels(e) > limits.maxDepth) {
      inv.overDepth = true;
      continue;
    }
    if (kind == EntryKind::File) {
      e.size = mFiles.at(path).size();
      inv.totalBytes += e.size;
      if (inv.totalBytes > limits.maxTotalBytes) {
        inv.overBytes = true;
      }
    }
    inv.entries.push_back(std::move(e));
  }
  sortEntries(inv);
  return inv;
}

std::optional<std::string> MemoryPackSource::read(std::string_view path,
                                                  std::uint64_t maxBytes) const {
  auto it = mFiles.find(std::string(path));
  if (it == mFiles.end()) {
    return std::nullopt;
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(it->second.size(), maxBytes + 1));
  std::string out;
  out.reserve(n + kReadPadding);
  out.assign(it->second, 0, n);
  return out;
}

std::optional<std::string> assetPathProblem(std::string_view path) {
  if (path.empty()) {
    return "the path is empty";
  }
  if (path.find('\\') != std::string_view::npos) {
    return "use '/' between folders, not '\\'";
  }
  if (path.front() == '/') {
    return "the path must be relative to the pack folder, not absolute";
  }
  if (path.size() >= 2 && path[1] == ':') {
    return "the path must be relative to the pack folder, not a drive path";
  }
  if (path.find('\0') != std::string_view::npos) {
    return "the path contains a NUL character";
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      end = path.size();
    }
    const std::string_view seg = path.substr(start, end - start);
    if (seg == "..") {
      return "the path leaves the pack folder with '..'";
    }
    if (seg.empty() || seg == ".") {
      return "the path has an empty or '.' folder name";
    }
    start = end + 1;
  }
  return std::nullopt;
}

} // namespace sq
