#include "render/picture.hpp"

#include "core/asset_probe.hpp"

#include <stb_image.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

namespace sq {

std::optional<Image> decodePicture(std::string_view bytes, const PictureLimits& limits,
                                   std::string& error) {
  if (bytes.size() > limits.maxFileBytes) {
    error = "the file is larger than " + std::to_string(limits.maxFileBytes) + " bytes";
    return std::nullopt;
  }
  const AssetType type = sniffAssetType(bytes);
  if (!isPictureType(type)) {
    error = "not a PNG or JPEG picture";
    return std::nullopt;
  }
  std::string why;
  const auto size = readImageSize(bytes, type, why);
  if (!size) {
    error = why;
    return std::nullopt;
  }
  if (size->width == 0 || size->height == 0 || size->width > limits.maxSide ||
      size->height > limits.maxSide) {
    error = std::to_string(size->width) + " x " + std::to_string(size->height) +
            " pixels is outside the limit of " + std::to_string(limits.maxSide);
    return std::nullopt;
  }
  if (!safeForStbImage(bytes, type, why)) {
    error = why;
    return std::nullopt;
  }
  int w = 0;
  int h = 0;
  int channels = 0;
  stbi_uc* pixels =
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                            static_cast<int>(bytes.size()), &w, &h, &channels, STBI_rgb_alpha);
  if (pixels == nullptr) {
    const char* reason = stbi_failure_reason();
    error = std::string("the picture could not be decoded: ") +
            (reason != nullptr ? reason : "unknown reason");
    return std::nullopt;
  }
  // The decoder must agree with the header we judged; anything else is refused.
  if (w != static_cast<int>(size->width) || h != static_cast<int>(size->height)) {
    stbi_image_free(pixels);
    error = "the picture's header and its data disagree about its size";
    return std::nullopt;
  }
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(pixels);
  return img;
}

std::optional<Image> decodePictureFile(const std::string& path, const PictureLimits& limits,
                                       std::string& error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = "the file is missing or unreadable";
    return std::nullopt;
  }
  const std::streamoff length = in.tellg();
  if (length < 0) {
    error = "the file could not be read";
    return std::nullopt;
  }
  if (static_cast<std::uint64_t>(length) > limits.maxFileBytes) {
    error = "the file is larger than " + std::to_string(limits.maxFileBytes) + " bytes";
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(length), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(length))) {
    error = "the file could not be read";
    return std::nullopt;
  }
  return decodePicture(bytes, limits, error);
}

const Texture* PictureCache::get(const std::string& path) {
  auto it = mEntries.find(path);
  if (it == mEntries.end()) {
    Entry e;
    if (auto img = decodePictureFile(path, mLimits, e.error)) {
      e.texture = mRenderer.createTexture(img->width, img->height);
      if (!e.texture || !mRenderer.updateTexture(e.texture, IntRect{0, 0, img->width, img->height},
                                                 img->rgba.data(), img->width * 4)) {
        e.texture = Texture{};
        e.error = "the picture could not be made into a texture";
      } else {
        mRenderer.setSmoothScaling(e.texture);
        Image level = std::move(*img);
        while (level.width / 2 >= kMinLevelSide && level.height / 2 >= kMinLevelSide) {
          level = halveImage(level);
          Texture t = mRenderer.createTexture(level.width, level.height);
          if (!t || !mRenderer.updateTexture(t, IntRect{0, 0, level.width, level.height},
                                             level.rgba.data(), level.width * 4)) {
            break; // the full size still draws, only less smoothly when small
          }
          mRenderer.setSmoothScaling(t);
          e.halves.push_back(std::move(t));
        }
      }
    }
    mUse.push_front(path);
    e.use = mUse.begin();
    it = mEntries.emplace(path, std::move(e)).first;
    while (mEntries.size() > mCapacity && !mUse.empty()) {
      const std::string oldest = mUse.back();
      mUse.pop_back();
      mEntries.erase(oldest);
    }
    it = mEntries.find(path);
  } else {
    mUse.splice(mUse.begin(), mUse, it->second.use);
  }
  return it->second.texture ? &it->second.texture : nullptr;
}

const Texture* PictureCache::getFor(const std::string& path, const Rect& box) {
  const Texture* full = get(path);
  if (full == nullptr) {
    return nullptr;
  }
  const float drawWidth = fitInside(*full, box).w;
  const Texture* best = full;
  for (const Texture& t : mEntries.find(path)->second.halves) {
    if (static_cast<float>(t.width()) < drawWidth) {
      break;
    }
    best = &t;
  }
  return best;
}

std::string PictureCache::error(const std::string& path) const {
  const auto it = mEntries.find(path);
  return it == mEntries.end() ? std::string() : it->second.error;
}

void PictureCache::clear() {
  mEntries.clear();
  mUse.clear();
}

Rect fitInside(const Texture& t, const Rect& box) {
  if (t.width() <= 0 || t.height() <= 0 || box.empty()) {
    return Rect{box.x, box.y, 0, 0};
  }
  const float scale =
      std::min(box.w / static_cast<float>(t.width()), box.h / static_cast<float>(t.height()));
  const float w = std::round(static_cast<float>(t.width()) * scale);
  const float h = std::round(static_cast<float>(t.height()) * scale);
  return Rect{std::round(box.x + (box.w - w) / 2), std::round(box.y + (box.h - h) / 2), w, h};
}

} // namespace sq
