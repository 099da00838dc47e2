// Which new teacher PINs are refused as too easy to guess (settings/pin_rules):
// repeats, runs up and down (wrapping round), the short common list, and the
// length rule, each with a message that says why and what to choose.
#include "settings/pin_rules.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sq;

TEST_CASE("pin rules: one digit repeated is refused") {
  for (const char* pin : {"0000", "1111", "7777", "99999", "22222222"}) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::Repeated, pin);
  }
}

TEST_CASE("pin rules: runs up or down, wrapping round, are refused") {
  for (const char* pin : {"1234", "4321", "0123", "9876", "3456789", "12345678", "8901", "2109",
                          "7890", "0987", "56789012"}) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::Sequence, pin);
  }
}

TEST_CASE("pin rules: the most common PINs are refused") {
  for (const char* pin : {"1212", "2580", "6969", "1122", "1004", "2000"}) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::Common, pin);
  }
  // Every entry of the list is refused, and none of them merely repeats a rule above.
  for (const auto pin : kCommonPins) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::Common, std::string(pin));
  }
}

TEST_CASE("pin rules: not 4 to 8 digits is refused") {
  for (const char* pin : {"", "1", "357", "123456789", "47a5", " 4705", "4705\n", "-470"}) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::Length, pin);
  }
}

TEST_CASE("pin rules: PINs with no such pattern are fine") {
  for (const char* pin : {"4705", "1357", "2468", "8264", "90210", "3816", "12435", "11122", "1233",
                          "24680", "47051938"}) {
    CHECK_MESSAGE(pinWeakness(pin) == PinWeakness::None, pin);
  }
}

TEST_CASE("pin rules: every refusal says why, and names a string for the game") {
  for (PinWeakness w :
       {PinWeakness::Length, PinWeakness::Repeated, PinWeakness::Sequence, PinWeakness::Common}) {
    CHECK(!pinWeaknessMessage(w).empty());
    CHECK(pinWeaknessStringId(w).rfind("pin.weak-", 0) == 0);
  }
  CHECK(pinWeaknessMessage(PinWeakness::Sequence).find("1234") != std::string_view::npos);
  CHECK(pinWeaknessMessage(PinWeakness::None).empty());
}
