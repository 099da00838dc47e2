#include "settings/pin_rules.hpp"

#include <algorithm>

namespace sq {

namespace {

bool allDigits(std::string_view pin) {
  return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Each digit one more (step 1) or one less (step 9, i.e. -1 mod 10) than the one
// before, wrapping from 9 to 0 and back.
bool isRun(std::string_view pin, int step) {
  for (std::size_t i = 1; i < pin.size(); ++i) {
    if ((pin[i - 1] - '0' + step) % 10 != pin[i] - '0') {
      return false;
    }
  }
  return true;
}

} // namespace

PinWeakness pinWeakness(std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 8 || !allDigits(pin)) {
    return PinWeakness::Length;
  }
  if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin.front(); })) {
    return PinWeakness::Repeated;
  }
  if (isRun(pin, 1) || isRun(pin, 9)) {
    return PinWeakness::Sequence;
  }
  if (std::find(kCommonPins.begin(), kCommonPins.end(), pin) != kCommonPins.end()) {
    return PinWeakness::Common;
  }
  return PinWeakness::None;
}

std::string_view pinWeaknessMessage(PinWeakness weakness) {
  switch (weakness) {
  case PinWeakness::None:
    return "";
  case PinWeakness::Length:
    return "a PIN is 4 to 8 digits (0-9), nothing else";
  case PinWeakness::Repeated:
    return "a PIN of one digit repeated (like 0000) is too easy to guess; choose 4 to 8 "
           "digits with no pattern";
  case PinWeakness::Sequence:
    return "a PIN that counts up or down (like 1234 or 9876) is too easy to guess; choose 4 "
           "to 8 digits with no pattern";
  case PinWeakness::Common:
    return "that PIN is one of the most often chosen (like 1212 or 2580) and too easy to "
           "guess; choose 4 to 8 digits with no pattern";
  }
  return "";
}

std::string_view pinWeaknessStringId(PinWeakness weakness) {
  switch (weakness) {
  case PinWeakness::None:
    return "";
  case PinWeakness::Length:
    return "pin.weak-length";
  case PinWeakness::Repeated:
    return "pin.weak-repeated";
  case PinWeakness::Sequence:
    return "pin.weak-sequence";
  case PinWeakness::Common:
    return "pin.weak-common";
  }
  return "";
}

} // namespace sq
