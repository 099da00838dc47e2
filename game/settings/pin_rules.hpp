// Which new teacher PINs are refused as too easy to guess. A pupil who watches a
// teacher, or just tries the obvious, should not get in on the first few tries, so
// a new PIN may not be:
//   - fewer than 4 or more than 8 digits, or anything but the digits 0-9;
//   - one digit repeated (0000, 77777);
//   - a run up or down by one, wrapping round (1234, 4321, 0123, 9876, 8901, 2109);
//   - one of a short list of PINs people choose most often (kCommonPins).
// These rules apply only when a PIN is chosen: a PIN set before (or by IT in the
// machine configuration) still works when it is typed.
// Depends on: std.
#pragma once

#include <array>
#include <string_view>

namespace sq {

enum class PinWeakness {
  None,     // fine
  Length,   // not 4 to 8 digits (or not digits at all)
  Repeated, // one digit over and over: 0000, 1111
  Sequence, // a run up or down: 1234, 4321, 8901
  Common,   // on the list below: 1212, 2580, ...
};

// The most common PINs that the repeat and run rules do not already catch: pairs
// (1212, 6969), keypad columns and shapes (2580, 1470, 1379) and famous years.
// Short on purpose: it blocks what is tried first, without making teachers guess.
inline constexpr std::array<std::string_view, 14> kCommonPins = {
    "1212", "1122", "1313", "2000", "2580", "0852", "1470",
    "1004", "6969", "4200", "1379", "1998", "2001", "5683"};

PinWeakness pinWeakness(std::string_view pin);

// Why, and what to choose instead, in a sentence for safequest-cli.
std::string_view pinWeaknessMessage(PinWeakness weakness);

// The string-table id of the same message for the game ("pin.weak-...").
std::string_view pinWeaknessStringId(PinWeakness weakness);

} // namespace sq
