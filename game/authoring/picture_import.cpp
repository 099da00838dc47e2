#include "authoring/picture_import.hpp"

#include "authoring/asset_files.hpp"
#include "authoring/narration_tools.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

// stb's decoders, scaler and encoders, compiled here as static functions so they
// cannot clash with the copies in libstb that the engine and ImGui link. Only PNG
// and JPEG are built in: nothing else can reach a decoder from here.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
// stb relies on wrapping integer arithmetic in places (as in fuzz_audio_decode):
// under clang's sanitizers those checks are off for stb's functions only; ASan and
// every other check still watch it.
#if defined(__clang__)
#pragma clang attribute push(                                                                      \
    __attribute__((no_sanitize("signed-integer-overflow", "shift", "float-cast-overflow"))),       \
    apply_to = function)
#endif
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>
#if defined(__clang__)
#pragma clang attribute pop
#endif

namespace sq::authoring {

namespace {

// A JPEG's frame header may follow large metadata (as the validator reads it).
constexpr std::size_t kHeadBytes = 256 * 1024;

std::string sizeText(ImageSize s) {
  return std::to_string(s.width) + " x " + std::to_string(s.height) + " pixels";
}

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

struct Pixels {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* data = nullptr;
  Pixels() = default;
  Pixels(const Pixels&) = delete;
  Pixels& operator=(const Pixels&) = delete;
  ~Pixels() { stbi_image_free(data); }
};

void appendBytes(void* context, void* data, int size) {
  if (size > 0) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  }
}

std::string encode(AssetType type, const unsigned char* pixels, int w, int h, int channels) {
  std::string out;
  if (type == AssetType::Jpeg) {
    stbi_write_jpg_to_func(appendBytes, &out, w, h, channels, pixels, 90);
  } else {
    stbi_write_png_to_func(appendBytes, &out, w, h, channels, pixels, w * channels);
  }
  return out;
}

// Whether stb may be given these bytes at all (after the probe accepted them).
bool safeForStb(std::string_view bytes, AssetType type) {
  std::string unused;
  return safeForStbImage(bytes, type, unused);
}

PictureRefusal refuse(const char* code, std::string message) {
  return PictureRefusal{code, std::move(message)};
}

} // namespace

PictureProbe probePicture(std::string_view bytes, const PictureImportLimits& limits) {
  PictureProbe p;
  if (bytes.size() > limits.maxInputBytes) {
    p.code = picture_code::kTooBigToRead;
    p.message = "This file is too big to read (" + megabytes(bytes.size()) + "; at most " +
                megabytes(limits.maxInputBytes) + ").";
    return p;
  }
  p.type = sniffAssetType(bytes.substr(0, std::min(bytes.size(), kHeadBytes)));
  if (!isPictureType(p.type)) {
    p.code = picture_code::kNotAPicture;
    p.message = p.type == AssetType::Unknown
                    ? "This is not a picture SafeQuest can show: choose a PNG or JPEG file."
                    : "This is a " + std::string(assetTypeName(p.type)) +
                          " file, not a picture: choose a PNG or JPEG file.";
    return p;
  }
  std::string why;
  const auto size = readImageSize(bytes.substr(0, std::min(bytes.size(), kHeadBytes)), p.type, why);
  if (!size) {
    p.code = picture_code::kCorrupt;
    p.message = "This picture is damaged and cannot be read (" + why + ").";
    return p;
  }
  p.size = *size;
  if (p.size.width == 0 || p.size.height == 0) {
    p.code = picture_code::kCorrupt;
    p.message =
        "This picture is damaged and cannot be read (it says it is " + sizeText(p.size) + ").";
    return p;
  }
  const std::uint64_t pixels = std::uint64_t{p.size.width} * std::uint64_t{p.size.height};
  if (pixels > limits.maxInputPixels) {
    p.code = picture_code::kTooBigToRead;
    p.message = "This picture is too big to read: it is " + sizeText(p.size) +
                ". Make it smaller in a photo app first.";
    return p;
  }
  p.overLimits = p.size.width > limits.maxPackSide || p.size.height > limits.maxPackSide ||
                 bytes.size() > limits.maxPackFileBytes;
  p.ok = true;
  return p;
}

ImageSize scaledSize(ImageSize size, std::uint32_t maxSide) {
  maxSide = std::max<std::uint32_t>(maxSide, 1);
  const std::uint32_t longest = std::max(size.width, size.height);
  if (longest <= maxSide || longest == 0) {
    return size;
  }
  const auto fit = [&](std::uint32_t side) {
    const std::uint64_t v = (std::uint64_t{side} * maxSide + longest / 2) / longest;
    return static_cast<std::uint32_t>(std::clamp<std::uint64_t>(v, 1, maxSide));
  };
  return ImageSize{fit(size.width), fit(size.height)};
}

std::optional<PreparedPicture> preparePicture(std::string_view bytes, bool scaleDown,
                                              PictureRefusal& refusal,
                                              const PictureImportLimits& limits) {
  const PictureProbe probe = probePicture(bytes, limits);
  if (!probe.ok) {
    refusal = refuse(probe.code.c_str(), probe.message);
    return std::nullopt;
  }
  if (probe.overLimits && !scaleDown) {
    refusal = refuse(picture_code::kOverLimits,
                     "This picture is " + sizeText(probe.size) + " and " + megabytes(bytes.size()) +
                         "; a pack takes at most " + std::to_string(limits.maxPackSide) + " x " +
                         std::to_string(limits.maxPackSide) + " pixels and " +
                         megabytes(limits.maxPackFileBytes) + ". Scale it down to use it.");
    return std::nullopt;
  }
  if (bytes.size() > static_cast<std::size_t>(0x7fffffff)) {
    refusal = refuse(picture_code::kTooBigToRead, "This file is too big to read.");
    return std::nullopt;
  }
  // stb's own reading of the header must agree with ours before it decodes.
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int length = static_cast<int>(bytes.size());
  int w = 0;
  int h = 0;
  int comp = 0;
  if (!safeForStb(bytes, probe.type) || stbi_info_from_memory(data, length, &w, &h, &comp) == 0 ||
      w <= 0 || h <= 0 || static_cast<std::uint32_t>(w) != probe.size.width ||
      static_cast<std::uint32_t>(h) != probe.size.height) {
    refusal = refuse(picture_code::kCorrupt, "This picture is damaged and cannot be read.");
    return std::nullopt;
  }
  // Every picture is decoded once, so a file whose header is fine but whose
  // pixels are broken is refused here, not shown as a blank in a lesson.
  const int wanted = probe.type == AssetType::Png && (comp == 2 || comp == 4) ? 4 : 3;
  Pixels pixels;
  pixels.data =
      stbi_load_from_memory(data, length, &pixels.width, &pixels.height, &pixels.channels, wanted);
  if (pixels.data == nullptr || pixels.width != w || pixels.height != h) {
    refusal = refuse(picture_code::kCorrupt, "This picture is damaged and cannot be read.");
    return std::nullopt;
  }
  PreparedPicture out;
  out.type = probe.type;
  out.size = probe.size;
  if (!probe.overLimits) {
    out.bytes = std::string(bytes);
    return out;
  }
  std::uint32_t side = std::min(
      {limits.scaleToSide, limits.maxPackSide, std::max(probe.size.width, probe.size.height)});
  for (int attempt = 0; attempt < 8 && side >= 1; ++attempt) {
    const ImageSize target = scaledSize(probe.size, side);
    const int tw = static_cast<int>(target.width);
    const int th = static_cast<int>(target.height);
    std::vector<unsigned char> resized(static_cast<std::size_t>(tw) * static_cast<std::size_t>(th) *
                                       static_cast<std::size_t>(wanted));
    if (stbir_resize_uint8_srgb(pixels.data, w, h, 0, resized.data(), tw, th, 0, wanted,
                                wanted == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE, 0) == 0) {
      break;
    }
    std::string encoded = encode(probe.type, resized.data(), tw, th, wanted);
    if (!encoded.empty() && encoded.size() <= limits.maxPackFileBytes) {
      out.bytes = std::move(encoded);
      out.size = target;
      out.scaled = true;
      return out;
    }
    side = side * 3 / 4;
  }
  refusal = refuse(picture_code::kTooBigToRead,
                   "This picture could not be made small enough for the pack.");
  return std::nullopt;
}

std::optional<RgbaPicture> decodeRgba(std::string_view bytes, PictureRefusal& refusal,
                                      const PictureImportLimits& limits) {
  PictureImportLimits any = limits;
  any.maxPackSide = std::max(limits.maxPackSide, 1u << 30); // reading only: no scaling asked
  any.maxPackFileBytes = limits.maxInputBytes;
  const PictureProbe probe = probePicture(bytes, any);
  if (!probe.ok) {
    refusal = refuse(probe.code.c_str(), probe.message);
    return std::nullopt;
  }
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int length = static_cast<int>(std::min<std::size_t>(bytes.size(), 0x7fffffff));
  int w = 0;
  int h = 0;
  int comp = 0;
  Pixels pixels;
  if (!safeForStb(bytes, probe.type) || stbi_info_from_memory(data, length, &w, &h, &comp) == 0 ||
      static_cast<std::uint32_t>(w) != probe.size.width ||
      static_cast<std::uint32_t>(h) != probe.size.height ||
      (pixels.data = stbi_load_from_memory(data, length, &pixels.width, &pixels.height,
                                           &pixels.channels, 4)) == nullptr ||
      pixels.width != w || pixels.height != h) {
    refusal = refuse(picture_code::kCorrupt, "This picture is damaged and cannot be read.");
    return std::nullopt;
  }
  RgbaPicture out;
  out.width = w;
  out.height = h;
  out.rgba.assign(pixels.data,
                  pixels.data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  return out;
}

std::string encodePicture(AssetType type, const RgbaPicture& picture) {
  if (picture.width <= 0 || picture.height <= 0 ||
      picture.rgba.size() !=
          static_cast<std::size_t>(picture.width) * static_cast<std::size_t>(picture.height) * 4) {
    return {};
  }
  if (type == AssetType::Png) {
    return encode(type, picture.rgba.data(), picture.width, picture.height, 4);
  }
  if (type == AssetType::Jpeg) {
    // stb's JPEG writer ignores a fourth channel, but only when told there are three.
    std::vector<unsigned char> rgb;
    rgb.reserve(picture.rgba.size() / 4 * 3);
    for (std::size_t i = 0; i < picture.rgba.size(); i += 4) {
      rgb.insert(rgb.end(), picture.rgba.begin() + static_cast<std::ptrdiff_t>(i),
                 picture.rgba.begin() + static_cast<std::ptrdiff_t>(i + 3));
    }
    return encode(type, rgb.data(), picture.width, picture.height, 3);
  }
  return {};
}

std::optional<PictureImport> importPicture(const std::string& packFolder,
                                           const std::string& sourceFile, bool scaleDown,
                                           PictureRefusal& refusal,
                                           const std::set<std::string>& taken,
                                           const PictureImportLimits& limits) {
  std::string error;
  const auto bytes = readFileLimited(sourceFile, limits.maxInputBytes, error);
  if (!bytes) {
    refusal = refuse(error.find("too big") != std::string::npos ? picture_code::kTooBigToRead
                                                                : picture_code::kNotAPicture,
                     error);
    return std::nullopt;
  }
  auto prepared = preparePicture(*bytes, scaleDown, refusal, limits);
  if (!prepared) {
    return std::nullopt;
  }
  const std::string ext = prepared->type == AssetType::Jpeg ? ".jpg" : ".png";
  const std::string rel =
      uniqueAssetPath(packFolder, "assets/pictures", fileStem(sourceFile, "picture"), ext, taken);
  if (!writeNewAsset(packFolder, rel, prepared->bytes, error)) {
    refusal = refuse("picture.write-failed", error);
    return std::nullopt;
  }
  return PictureImport{rel, prepared->size, prepared->scaled};
}

bool mayHavePicture(const std::string& pointer) {
  if (mayHaveNarration(pointer)) {
    return true;
  }
  const std::vector<std::string> t = pointerTokens(pointer);
  if (t.size() == 1) {
    return t[0] == "badge";
  }
  if (t.size() == 2) {
    return t[0] == "steps" && isIndexToken(t[1]);
  }
  if (t.size() == 6) {
    return t[0] == "steps" && isIndexToken(t[1]) && isIndexToken(t[3]) && isIndexToken(t[5]) &&
           ((t[2] == "items" && (t[4] == "options" || t[4] == "cards")) ||
            (t[2] == "nodes" && t[4] == "choices"));
  }
  return false;
}

std::optional<Edit> setPictureEdit(const PackDocument& doc, const std::string& file,
                                   const std::string& objectPointer, const std::string& key,
                                   const std::string& src, const std::string& alt,
                                   std::string& error) {
  if (alt.find_first_not_of(" \t\r\n") == std::string::npos) {
    error = "Describe the picture in a few words: the description is read aloud to pupils who "
            "cannot see it.";
    return std::nullopt;
  }
  const Json* root = doc.value(file);
  const Json* object = root != nullptr ? findPointer(*root, objectPointer) : nullptr;
  if (object == nullptr || !object->is_object()) {
    error = "There is nothing at " + file + objectPointer + " to put a picture on.";
    return std::nullopt;
  }
  const auto it = object->find(key);
  Json picture = it != object->end() && it->is_object() ? *it : Json::object();
  picture["src"] = src;
  picture["alt"] = alt;
  Edit edit{"Set picture", {}};
  if (it != object->end()) {
    edit.ops.push_back(EditOp::set(file, appendPointer(objectPointer, key), picture));
  } else {
    edit.ops.push_back(EditOp::insertMember(file, objectPointer, key, object->size(), picture));
  }
  return edit;
}

} // namespace sq::authoring
