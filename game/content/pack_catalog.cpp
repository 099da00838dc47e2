#include "content/pack_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace sq {

namespace {
// A content folder is the teacher's, so bound how many packs one scan will load.
constexpr std::size_t kMaxPacks = 200;
} // namespace

Catalog loadCatalog(const std::string& contentDir, const PackLimits& limits) {
  Catalog catalog;
  catalog.root = contentDir;
  std::error_code ec;
  if (fs::is_regular_file(fs::path(contentDir) / "pack.json", ec)) {
    catalog.packs.push_back({contentDir, loadPack(contentDir, limits)});
    return catalog;
  }
  if (!fs::is_directory(contentDir, ec)) {
    catalog.error = "there is no content folder at " + contentDir;
    return catalog;
  }
  std::vector<std::string> dirs;
  for (fs::directory_iterator it(contentDir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && fs::exists(it->path() / "pack.json", ec)) {
      dirs.push_back(it->path().string());
    }
  }
  if (ec) {
    catalog.error = "the content folder could not be read: " + ec.message();
  }
  std::sort(dirs.begin(), dirs.end());
  if (dirs.size() > kMaxPacks) {
    dirs.resize(kMaxPacks);
  }
  for (auto& dir : dirs) {
    LoadResult result = loadPack(dir, limits);
    catalog.packs.push_back({std::move(dir), std::move(result)});
  }
  return catalog;
}

} // namespace sq
