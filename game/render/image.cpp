#include "render/image.hpp"

#include <stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace sq {

bool savePng(const Image& image, const std::string& path, std::string& error) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
    error = "the image is empty";
    return false;
  }
  const std::string tmp = path + ".tmp";
  if (stbi_write_png(tmp.c_str(), image.width, image.height, 4, image.rgba.data(),
                     image.width * 4) == 0) {
    error = "could not write " + tmp;
    std::remove(tmp.c_str());
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    error = "could not rename " + tmp + " to " + path + ": " + ec.message();
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

} // namespace sq
