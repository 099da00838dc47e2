// A fresh folder under the system temp folder, removed with everything in it
// when the test ends.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace sq::test {

class TempDir {
public:
  TempDir() {
    std::random_device rd;
    mPath = std::filesystem::temp_directory_path() /
            ("sq-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(mPath);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(mPath, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return mPath; }
  std::string str() const { return mPath.string(); }

private:
  std::filesystem::path mPath;
};

} // namespace sq::test
