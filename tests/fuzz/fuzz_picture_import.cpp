// libFuzzer target: any bytes as a picture a teacher imports into a pack.
// probePicture, preparePicture (with and without scaling, under small limits so
// that stb's decoder, scaler and encoders all run on small inputs) and decodeRgba
// must refuse or accept, never crash, hang or read out of bounds; stb is compiled
// into sq_logic, so ASan and UBSan watch it here.
// Checked on every input:
//   - a refusal has a known code and a message; an acceptance has neither missing;
//   - what is accepted, the loader's probe reads back as a PNG or JPEG within the
//     pack's limits, and byte for byte the input when it was not scaled.
// Seeds: tests/fuzz/corpus/picture_import (also the bad-picture corpus that
// tests/authoring/picture_import_test.cpp checks file by file).
// Run: build/asan/tests/fuzz/fuzz_picture_import CORPUS_DIR
#include "authoring/picture_import.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace sq::authoring;

void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_picture_import: %s\n", what);
    std::abort();
  }
}

bool knownCode(const std::string& code) {
  return code == picture_code::kNotAPicture || code == picture_code::kTooBigToRead ||
         code == picture_code::kCorrupt || code == picture_code::kOverLimits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  PictureImportLimits limits;
  limits.maxPackSide = 48;
  limits.scaleToSide = 24;
  limits.maxPackFileBytes = 32 * 1024;
  limits.maxInputPixels = 512 * 512; // keeps each decode small and quick

  const PictureProbe probe = probePicture(bytes, limits);
  require(probe.ok == probe.code.empty(), "probe: a verdict without a code, or a code with ok");
  require(probe.ok || !probe.message.empty(), "probe: refused without a message");

  for (const bool scale : {false, true}) {
    PictureRefusal refusal;
    const auto prepared = preparePicture(bytes, scale, refusal, limits);
    if (!prepared) {
      require(knownCode(refusal.code), "prepare: refused with an unknown code");
      require(!refusal.message.empty(), "prepare: refused without a message");
      continue;
    }
    require(probe.ok, "prepare: took what the probe refused");
    const PictureProbe back = probePicture(prepared->bytes, limits);
    require(back.ok && !back.overLimits, "prepare: the result is not within the limits");
    require(back.type == prepared->type, "prepare: the result changed type");
    require(back.size.width == prepared->size.width && back.size.height == prepared->size.height,
            "prepare: the result's size is not the size reported");
    require(prepared->scaled || prepared->bytes == bytes, "prepare: changed an unscaled picture");
  }

  PictureRefusal refusal;
  const auto pixels = decodeRgba(bytes, refusal, limits);
  if (pixels) {
    require(pixels->rgba.size() == static_cast<std::size_t>(pixels->width) *
                                       static_cast<std::size_t>(pixels->height) * 4,
            "decode: pixels do not match the size");
  } else {
    require(knownCode(refusal.code) && !refusal.message.empty(), "decode: bad refusal");
  }
  return 0;
}
