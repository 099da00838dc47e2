// Where a pack's bytes come from, and the path rules that keep a pack inside its folder.
// The loader never touches the file system directly: DiskPackSource walks a real
// folder (refusing links that lead out); MemoryPackSource serves tests and fuzzing.
// Depends on: std only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class EntryKind {
  File,
  Directory,
  OutsideLink, // a link whose target is outside the pack: refused
  BrokenLink,  // a link that leads nowhere
  Special,     // a device, socket or FIFO: refused
};

struct PackEntry {
  std::string path; // relative to the pack root, '/'-separated
  EntryKind kind = EntryKind::File;
  std::uint64_t size = 0; // files only
  int depth = 0;          // folders below the root
};

// The walk stops at these, reporting what it found so far.
struct InventoryLimits {
  std::uint64_t maxTotalBytes = 256ull * 1024 * 1024;
  std::size_t maxEntries = 5000;
  int maxDepth = 8; // folder levels: a/b/c/d/e/f/g/h/file is allowed, one more folder is not
};

struct Inventory {
  bool rootExists = false;
  bool rootIsDirectory = false;
  std::vector<PackEntry> entries; // sorted by path
  std::uint64_t totalBytes = 0;
  bool overEntries = false;
  bool overDepth = false;
  bool overBytes = false;
  std::string error; // a reason the walk failed, if any

  const PackEntry* find(std::string_view path) const;
};

// Spare capacity read() leaves after a file's bytes, so the JSON parser (simdjson,
// which reads in blocks past the end) parses them in place instead of copying.
inline constexpr std::size_t kReadPadding = 64;

class PackSource {
public:
  virtual ~PackSource() = default;
  // A display name: the folder path, or "<memory>".
  virtual std::string name() const = 0;
  virtual Inventory inventory(const InventoryLimits& limits) const = 0;
  // Reads at most maxBytes + 1 bytes of a file from the inventory, with kReadPadding
  // bytes of spare capacity after them; nullopt on failure.
  virtual std::optional<std::string> read(std::string_view path, std::uint64_t maxBytes) const = 0;
};

class DiskPackSource final : public PackSource {
public:
  explicit DiskPackSource(std::string root);
  std::string name() const override { return mRoot; }
  Inventory inventory(const InventoryLimits& limits) const override;
  std::optional<std::string> read(std::string_view path, std::uint64_t maxBytes) const override;

private:
  std::string mRoot;
};

class MemoryPackSource final : public PackSource {
public:
  // Folders are implied by the file paths. addOutsideLink/addDirectory model the
  // cases a test cannot express with bytes alone.
  void addFile(std::string path, std::string bytes);
  void addOutsideLink(std::string path);
  void addDirectory(std::string path);
  std::string name() const override { return "<memory>"; }
  Inventory inventory(const InventoryLimits& limits) const override;
  std::optional<std::string> read(std::string_view path, std::uint64_t maxBytes) const override;

private:
  std::map<std::string, std::string> mFiles;
  std::map<std::string, EntryKind> mOther;
};

// Why an asset path from a pack file is refused, or nullopt when it is acceptable:
// relative, '/'-separated, no '..' or '.' segments, no '\\', no drive letters.
std::optional<std::string> assetPathProblem(std::string_view path);

} // namespace sq
