#include "authoring/asset_files.hpp"

#include "content/pack_files.hpp"
#include "core/atomic_file.hpp"
#include "core/bounded_file.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

namespace fs = std::filesystem;

namespace sq::authoring {

namespace {

constexpr std::size_t kMaxStem = 40;

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::string randomSuffix() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t v = gen();
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += kHex[v & 0xF];
    v >>= 4;
  }
  return out;
}

} // namespace

std::string fileStem(std::string_view name, std::string_view fallback) {
  // Only the last path component, without its extension.
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  std::string out;
  bool gap = false;
  for (const char c : name) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (letter || upper) {
      if (gap && !out.empty()) {
        out.push_back('-');
      }
      gap = false;
      out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
      if (out.size() >= kMaxStem) {
        break;
      }
    } else {
      gap = true;
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? std::string(fallback) : out;
}

std::string uniqueAssetPath(const std::string& packFolder, const std::string& dir,
                            const std::string& stem, const std::string& extension,
                            const std::set<std::string>& taken) {
  const std::string prefix = dir.empty() ? std::string() : dir + "/";
  for (int n = 1;; ++n) {
    const std::string rel =
        prefix + stem + (n == 1 ? std::string() : "-" + std::to_string(n)) + extension;
    std::error_code ec;
    const bool clash =
        taken.count(rel) > 0 || fs::exists(fs::symlink_status(fs::path(packFolder) / rel, ec));
    if (!clash) {
      return rel;
    }
  }
}

bool writeNewAsset(const std::string& packFolder, const std::string& relPath,
                   std::string_view bytes, std::string& error) {
  if (const auto problem = assetPathProblem(relPath)) {
    error = "\"" + relPath + "\" cannot be a file of the pack: " + *problem;
    return false;
  }
  const fs::path target = fs::path(packFolder) / relPath;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = "could not make the folder " + target.parent_path().string() + ": " + ec.message();
    return false;
  }
  const fs::path tmp =
      target.parent_path() / ("." + target.filename().string() + "." + randomSuffix() + ".tmp");
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      error = describeWriteFailure(tmp.string(), errno);
      fs::remove(tmp, ec);
      return false;
    }
  }
  syncToDisk(tmp.string(), false);
  // link() refuses an existing name, unlike rename(): nothing is ever replaced.
  if (::link(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    fs::remove(tmp, ec);
    error = err == EEXIST ? "\"" + relPath + "\" is already in the pack; nothing was replaced"
                          : describeWriteFailure(target.string(), err);
    return false;
  }
  fs::remove(tmp, ec);
  syncToDisk(target.parent_path().string(), true);
  return true;
}

std::optional<std::string> readFileLimited(const std::string& path, std::uint64_t maxBytes,
                                           std::string& error) {
  BoundedFile file = readFileBounded(path, maxBytes);
  switch (file.status) {
  case BoundedFileStatus::Read:
    return std::move(file.bytes);
  case BoundedFileStatus::Missing:
    error = "there is no file at " + path;
    break;
  case BoundedFileStatus::NotAFile:
    error = path + " is not an ordinary file";
    break;
  case BoundedFileStatus::TooLarge:
    error = "the file is too big to read: " + megabytes(file.size) + " (at most " +
            megabytes(maxBytes) + ")";
    break;
  case BoundedFileStatus::CannotOpen:
    error = "could not open " + path;
    break;
  case BoundedFileStatus::ReadFailed:
    error = "could not read " + path;
    break;
  }
  return std::nullopt;
}

} // namespace sq::authoring
