#include "authoring/file_browse.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sq::authoring {

namespace {

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return s;
}

void sortForPeople(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    const std::string la = lower(a);
    const std::string lb = lower(b);
    return la != lb ? la < lb : a < b;
  });
}

} // namespace

bool hasExtension(const std::string& name, const std::vector<std::string>& extensions) {
  const std::string l = lower(name);
  for (const std::string& ext : extensions) {
    if (l.size() > ext.size() && l.compare(l.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

FolderListing listFolder(const std::string& folder, const std::vector<std::string>& extensions,
                         std::size_t maxEntries) {
  FolderListing out;
  out.folder = folder;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.error = "This folder cannot be opened: " + ec.message();
    return out;
  }
  std::size_t seen = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.error = "This folder could not be read to the end: " + ec.message();
      break;
    }
    if (++seen > maxEntries) {
      out.truncated = true;
      break;
    }
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') {
      continue;
    }
    std::error_code typeError;
    if (it->is_directory(typeError)) {
      out.folders.push_back(name);
    } else if (it->is_regular_file(typeError) && hasExtension(name, extensions)) {
      out.files.push_back(name);
    }
  }
  sortForPeople(out.folders);
  sortForPeople(out.files);
  return out;
}

std::vector<std::pair<std::string, std::string>> startPlaces(const std::string& home) {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  if (home.empty() || !fs::is_directory(home, ec)) {
    return out;
  }
  out.emplace_back("Home", home);
  for (const char* name : {"Pictures", "Desktop", "Music", "Documents", "Downloads"}) {
    const fs::path p = fs::path(home) / name;
    if (fs::is_directory(p, ec)) {
      out.emplace_back(name, p.string());
    }
  }
  return out;
}

std::string parentFolder(const std::string& folder) {
  fs::path p(folder);
  while (p.has_relative_path() && p.filename().empty()) {
    p = p.parent_path(); // "a/b/" -> "a/b"
  }
  const fs::path parent = p.parent_path();
  return parent.empty() ? folder : parent.string();
}

} // namespace sq::authoring
