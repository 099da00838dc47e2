// A class's emblem: a picture and a colour on its sign-in tile, so a child who
// cannot read "3B" yet finds "the rocket on blue". The teacher may pick one
// (SchoolClass::emblem, "rocket/blue", kept with the class list: the teacher's
// store, and classlist.json signed for every game PC); a class with none gets a
// default worked out from its id, so it works with no setup, is the same every
// day and on every PC, and differs from its neighbours' while there are pictures
// to spare.
// Depends on: results/roster, core/fnv_hash (in the .cpp).
#pragma once

#include "results/roster.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// Drawn in assets/ui/em-<name>.png; colours drawn by the screens.
inline constexpr std::string_view kEmblemPictures[] = {"rocket",  "boat", "flower",  "moon",
                                                       "rainbow", "kite", "balloon", "crown"};
inline constexpr std::string_view kEmblemColours[] = {"red",   "orange", "yellow",
                                                      "green", "blue",   "purple"};
inline constexpr int kEmblemPictureCount = 8;
inline constexpr int kEmblemColourCount = 6;

struct ClassEmblem {
  int picture = 0;     // index into kEmblemPictures
  int colour = 0;      // index into kEmblemColours
  bool chosen = false; // the teacher's choice rather than the default

  std::string id() const; // "rocket/blue"
  std::string_view pictureName() const;
  std::string_view colourName() const;
};

// "rocket/blue" -> the emblem; nullopt for anything else.
std::optional<ClassEmblem> parseClassEmblem(std::string_view id);

// Class id -> emblem, for every class: the teacher's choice where it is valid,
// else a default. Defaults go in the order of a hash of the class id, each taking
// the picture that hash gives when no other class has it yet, else the next free
// one, so a class's default changes only when a class before it in that order
// comes or goes.
std::map<std::string, ClassEmblem> classEmblems(const std::vector<SchoolClass>& classes);

} // namespace sq
