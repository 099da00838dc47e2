#include "render/image.hpp"

#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace sq {

Image halveImage(const Image& image) {
  Image out;
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
    return out;
  }
  out.width = std::max(1, image.width / 2);
  out.height = std::max(1, image.height / 2);
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      std::uint32_t sum[4] = {0, 0, 0, 0};
      for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
          // An odd last row or column is read twice rather than past the end.
          const int sx = std::min(image.width - 1, x * 2 + dx);
          const int sy = std::min(image.height - 1, y * 2 + dy);
          const std::uint8_t* p =
              &image.rgba[(static_cast<std::size_t>(sy) * image.width + sx) * 4];
          sum[0] += static_cast<std::uint32_t>(p[0]) * p[3];
          sum[1] += static_cast<std::uint32_t>(p[1]) * p[3];
          sum[2] += static_cast<std::uint32_t>(p[2]) * p[3];
          sum[3] += p[3];
        }
      }
      std::uint8_t* q = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
      for (int c = 0; c < 3; ++c) {
        q[c] = sum[3] == 0 ? 0 : static_cast<std::uint8_t>((sum[c] + sum[3] / 2) / sum[3]);
      }
      q[3] = static_cast<std::uint8_t>((sum[3] + 2) / 4);
    }
  }
  return out;
}

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
