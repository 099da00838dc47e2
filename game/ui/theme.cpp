#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// Warm, quiet paper colours: calm for a classroom, no pure white glare on a projector.
const Theme kStandard{
    "standard",
    rgb(0xF3EFE6), // background
    rgb(0xFFFDF8), // surface
    rgb(0xC9C1AF), // border
    rgb(0x1D2331), // text
    rgb(0x4A5162), // mutedText
    rgb(0x145A32), // readyText
    rgb(0xD9F0E1), // readyFill
    rgb(0x8F2A06), // problemText
    rgb(0xFCE3D5), // problemFill
    rgb(0x5F4300), // warningText
    rgb(0xFBEDC4), // warningFill
    rgb(0x2E8B57), // readyAccent
    rgb(0xD2541B), // problemAccent
    rgb(0xA59D8B), // scrollbar
    rgb(0x1F5F7A), // accent: a quiet teal blue
    rgb(0xFFFFFF), // accentText
    rgb(0x1747A6), // focusRing
    rgb(0xFFFFFF), // focusInner
    rgb(0xEDE6D6), // pressed
    rgb(0xEEE7F9), // helpFill: a soft lilac, like the butterfly's wings
    rgb(0x3F2B6E), // helpText
    rgb(0x6E55A8), // helpBorder
    rgb(0xE4F1EA), // calm: pale mint
    rgb(0x1D2331), // calmText
    rgb(0xD5CBB6), // path
    {rgb(0xDCEFF5), rgb(0xE2F2DA), rgb(0xFBEBD0), rgb(0xEFE3F6), rgb(0xFBE1DD), rgb(0xE1E9F8)},
};

const Theme kHighContrast{
    "high-contrast",
    rgb(0x000000), // background
    rgb(0x101010), // surface
    rgb(0xFFFFFF), // border
    rgb(0xFFFFFF), // text
    rgb(0xE8E8E8), // mutedText
    rgb(0x9CFFC0), // readyText
    rgb(0x003A1C), // readyFill
    rgb(0xFFC09E), // problemText
    rgb(0x3F1300), // problemFill
    rgb(0xFFE680), // warningText
    rgb(0x302400), // warningFill
    rgb(0x4CE08A), // readyAccent
    rgb(0xFF8A4C), // problemAccent
    rgb(0xBFBFBF), // scrollbar
    rgb(0xFFE45C), // accent
    rgb(0x000000), // accentText
    rgb(0x00E5FF), // focusRing
    rgb(0x000000), // focusInner
    rgb(0x2E2E2E), // pressed
    rgb(0x1E0F3A), // helpFill
    rgb(0xFFFFFF), // helpText
    rgb(0xC9B3FF), // helpBorder
    rgb(0x000000), // calm
    rgb(0xFFFFFF), // calmText
    rgb(0x9A9A9A), // path
    {rgb(0x101010), rgb(0x101010), rgb(0x101010), rgb(0x101010), rgb(0x101010), rgb(0x101010)},
};

double channel(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

std::vector<std::pair<Colour, Colour>> Theme::textPairs() const {
  std::vector<std::pair<Colour, Colour>> pairs = {
      {text, background},         {text, surface},           {mutedText, background},
      {mutedText, surface},       {readyText, readyFill},    {problemText, problemFill},
      {warningText, warningFill}, {problemText, background}, {problemText, surface},
      {accentText, accent},       {helpText, helpFill},      {calmText, calm},
      {mutedText, calm},          {text, pressed},           {mutedText, pressed},
      {readyText, surface},       {warningText, surface},
  };
  for (const Colour tint : tileTints) {
    pairs.emplace_back(text, tint);
  }
  return pairs;
}

std::vector<std::pair<Colour, Colour>> Theme::nonTextPairs() const {
  return {
      {focusRing, background},  {focusRing, surface},  {focusRing, calm},
      {focusRing, helpFill},    {accent, background},  {accent, surface},
      {helpBorder, background}, {helpBorder, surface},
  };
}

double Theme::minimumContrast() const {
  return std::string_view(id) == "high-contrast" ? 7.0 : 4.5;
}

const Theme& standardTheme() {
  return kStandard;
}
const Theme& highContrastTheme() {
  return kHighContrast;
}

Colour tileTint(const Theme& theme, std::size_t index) {
  return theme.tileTints[index % theme.tileTints.size()];
}

std::optional<Theme> themeById(std::string_view id) {
  for (const Theme* t : {&kStandard, &kHighContrast}) {
    if (id == t->id) {
      return *t;
    }
  }
  return std::nullopt;
}

double relativeLuminance(Colour c) {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrastRatio(Colour a, Colour b) {
  const double la = relativeLuminance(a);
  const double lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace sq
