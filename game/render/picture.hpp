// Pictures from disk (a pack's PNG and JPEG files, the interface's own art):
// judged by their first bytes and their header's size before anything is decoded,
// with the same rules as the content validator (core/asset_probe), then decoded
// with stb_image, which is not hardened against hostile files. A picture that is
// missing or refused is reported, never a crash: screens draw a placeholder.
// Depends on: render/renderer, render/image, core/asset_probe (std only),
// stb_image (libstb, inside the .cpp only).
#pragma once

#include "render/image.hpp"
#include "render/renderer.hpp"

#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// The same limits as PackLimits (maxOtherFileBytes, maxImageSide).
struct PictureLimits {
  std::uint64_t maxFileBytes = 16ull * 1024 * 1024;
  std::uint32_t maxSide = 4096;
};

// RGBA pixels from the bytes of a PNG or JPEG; nullopt with the reason otherwise.
std::optional<Image> decodePicture(std::string_view bytes, const PictureLimits& limits,
                                   std::string& error);
std::optional<Image> decodePictureFile(const std::string& path, const PictureLimits& limits,
                                       std::string& error);

// Decoded pictures as textures, by path, so a screen that redraws does not decode
// again. Failures are remembered too (and not retried until clear()). Holds at
// most `capacity` pictures, dropping the least recently drawn.
class PictureCache {
public:
  explicit PictureCache(Renderer& renderer, std::size_t capacity = 32,
                        PictureLimits limits = PictureLimits{})
      : mRenderer(renderer), mCapacity(capacity), mLimits(limits) {}

  // nullptr when the picture is missing or refused; then error(path) says why.
  const Texture* get(const std::string& path);
  // The same picture for drawing fitted into `box` (fitInside): the smallest of its
  // halved copies (kept with it, down to kMinLevelSide) still at least as wide as it
  // will be drawn, so a 1024-pixel picture drawn 250 pixels wide stays smooth.
  const Texture* getFor(const std::string& path, const Rect& box);
  std::string error(const std::string& path) const;
  std::size_t size() const { return mEntries.size(); }
  // After a device reset (textures lost) or to free memory.
  void clear();

private:
  static constexpr int kMinLevelSide = 128;
  struct Entry {
    Texture texture;             // empty when refused
    std::vector<Texture> halves; // texture at 1/2, 1/4, ... of its size
    std::string error;
    std::list<std::string>::iterator use;
  };
  Renderer& mRenderer;
  std::size_t mCapacity;
  PictureLimits mLimits;
  std::map<std::string, Entry> mEntries;
  std::list<std::string> mUse; // most recent first
};

// The largest rectangle with the texture's shape that fits `box`, centred.
Rect fitInside(const Texture& t, const Rect& box);

} // namespace sq
