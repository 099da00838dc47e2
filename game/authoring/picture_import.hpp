// Bringing a teacher's picture into a pack: the file is judged with the loader's
// own probe (core/asset_probe: the first bytes, then the size in the header, before
// anything is decoded), refused with a plain sentence when it is not a PNG or JPEG,
// too big to read or damaged, and, when it is over the pack's limits (4096 pixels
// a side, 16 MiB), scaled down and encoded again on request. A picture within the
// limits goes in byte for byte.
// The decoder (stb_image) is not hardened against hostile files, so nothing reaches
// it before the header has been checked, and it is built for PNG and JPEG only;
// `fuzz_picture_import` feeds it arbitrary bytes.
// Depends on: core (asset_probe), content (PackLimits), authoring/asset_files, edit_ops,
// stb_image, stb_image_resize and stb_image_write (inside the .cpp only, all static).
#pragma once

#include "authoring/edit_ops.hpp"
#include "core/asset_probe.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

struct PictureImportLimits {
  // What the pack accepts (PackLimits::maxOtherFileBytes and maxImageSide).
  std::uint64_t maxPackFileBytes = 16ull * 1024 * 1024;
  std::uint32_t maxPackSide = 4096;
  // What the editor will read at all: larger files and pictures are refused
  // before they are decoded ("too big to read").
  std::uint64_t maxInputBytes = 64ull * 1024 * 1024;
  std::uint64_t maxInputPixels = 10000ull * 10000ull;
  // The longest side a picture is scaled down to. The game draws a picture in a
  // box at most a whiteboard wide, so 2048 pixels stay sharp.
  std::uint32_t scaleToSide = 2048;
};

// Stable codes for why a picture was refused (tests and the bad-file corpus).
namespace picture_code {
inline constexpr const char* kNotAPicture = "picture.not-a-picture";
inline constexpr const char* kTooBigToRead = "picture.too-big-to-read";
inline constexpr const char* kCorrupt = "picture.corrupt";
inline constexpr const char* kOverLimits = "picture.over-limits";
} // namespace picture_code

struct PictureProbe {
  bool ok = false;
  AssetType type = AssetType::Unknown;
  ImageSize size;
  // Over the pack's limits: it goes in only scaled down.
  bool overLimits = false;
  std::string code;    // when !ok
  std::string message; // when !ok: a sentence a teacher can act on
};

// Judges the bytes without decoding them, as the pack validator does.
PictureProbe probePicture(std::string_view bytes, const PictureImportLimits& limits = {});

// The size a picture is scaled down to: its shape kept, its longest side at most
// `maxSide` (and at least 1 pixel on each side).
ImageSize scaledSize(ImageSize size, std::uint32_t maxSide);

struct PreparedPicture {
  std::string bytes; // what goes into the pack
  AssetType type = AssetType::Unknown;
  ImageSize size;
  bool scaled = false;
};

struct PictureRefusal {
  std::string code;
  std::string message;
};

// The bytes to put into the pack. Within the limits: the same bytes. Over them:
// refused with kOverLimits unless `scaleDown`, when the picture is decoded, scaled
// to fit `scaleToSide` (then smaller still until the file fits) and encoded again as
// the same type (PNG keeps transparency; JPEG at quality 90).
std::optional<PreparedPicture> preparePicture(std::string_view bytes, bool scaleDown,
                                              PictureRefusal& refusal,
                                              const PictureImportLimits& limits = {});

// RGBA pixels, 4 bytes a pixel, rows top to bottom.
struct RgbaPicture {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

// The picture's pixels, after the same checks as preparePicture (probe, then stb's
// reading of the header agreeing with it); nullopt with the refusal otherwise.
std::optional<RgbaPicture> decodeRgba(std::string_view bytes, PictureRefusal& refusal,
                                      const PictureImportLimits& limits = {});

// The pixels as a PNG (lossless, with transparency) or a JPEG (quality 90, no
// transparency); empty when `type` is neither or the picture is empty.
std::string encodePicture(AssetType type, const RgbaPicture& picture);

struct PictureImport {
  std::string path; // relative to the pack, e.g. "assets/pictures/park.png"
  ImageSize size;
  bool scaled = false;
};

// Reads `sourceFile` (refused above maxInputBytes before reading), prepares it and
// writes it as a new file under `assets/pictures/` in `packFolder`, named from the
// source file and never replacing one (asset_files). `taken`: paths the document
// already uses.
std::optional<PictureImport> importPicture(const std::string& packFolder,
                                           const std::string& sourceFile, bool scaleDown,
                                           PictureRefusal& refusal,
                                           const std::set<std::string>& taken = {},
                                           const PictureImportLimits& limits = {});

// Whether the object at `pointer` may have a picture (content/README.md): every line
// that may have narration, "/badge", "/steps/N", a quiz option or card, a choice.
bool mayHavePicture(const std::string& pointer);

// The edit that makes the member `key` (normally "picture") of the object at
// `objectPointer` in `file` the picture `{ "src": src, "alt": alt }`, keeping any
// other members a picture object already has. Alt text is required: nullopt with
// `error` set when it is blank.
std::optional<Edit> setPictureEdit(const PackDocument& doc, const std::string& file,
                                   const std::string& objectPointer, const std::string& key,
                                   const std::string& src, const std::string& alt,
                                   std::string& error);

} // namespace sq::authoring
