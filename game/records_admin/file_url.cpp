#include "records_admin/file_url.hpp"

#include <filesystem>

namespace sq::admin {

namespace fs = std::filesystem;

std::string fileUrl(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(path), ec);
  std::string generic = ec ? fs::path(path).generic_string() : absolute.generic_string();
  if (generic.empty() || generic.front() != '/') {
    generic.insert(generic.begin(), '/'); // C:/Users/... becomes /C:/Users/...
  }
  static const char* kHex = "0123456789ABCDEF";
  std::string url = "file://";
  for (const char ch : generic) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == ':';
    if (plain) {
      url.push_back(ch);
    } else {
      url.push_back('%');
      url.push_back(kHex[c >> 4]);
      url.push_back(kHex[c & 15]);
    }
  }
  return url;
}

} // namespace sq::admin
