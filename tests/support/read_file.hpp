// A whole file's bytes, for tests that compare what was written; "" when missing.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace sq::test {

inline std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace sq::test
