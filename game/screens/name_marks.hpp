// How the sign-in grid tells apart pupils whose names a class shows alike (three
// "Amy J" in 3B): each of them gets a mark, one of the six password pictures (star,
// heart, sun, tree, apple, fish) on a tile of its own colour, so a five-year-old can
// find "the one with the star". A mark is chosen from the pupil's id, so it is the
// same every day; no two pupils of a group share a picture (up to six of them; past
// six, the picture repeats on another colour). Pupils with a name of their own get
// no mark, and their tiles stay as they were.
// Depends on: results/name_clashes, results/roster, core/fnv_hash.
#pragma once

#include "results/roster.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace sq {

struct NameMark {
  int picture = 1;      // 1..6, as passwordPictureName() numbers them
  std::size_t tint = 0; // the index for tileTint()
};

// Pupil id -> mark, for the pupils among `pupils` whose names clash in a class.
std::map<std::string, NameMark> nameMarks(const std::vector<Pupil>& pupils);

} // namespace sq
