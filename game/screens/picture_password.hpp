// The picture password a teacher may set for a class: three taps from six friendly
// pictures, in order. It keeps classmates from signing in as each other by
// accident; it is not a secret in the way the teacher PIN is.
// Depends on: std only.
#pragma once

#include <string_view>
#include <vector>

namespace sq {

inline constexpr int kPasswordPictures = 6; // numbered 1..6
inline constexpr int kPasswordLength = 3;

// "star", "heart", "sun", "tree", "apple", "fish" for 1..6; "" otherwise.
std::string_view passwordPictureName(int number);
// Three numbers, each 1..6 (repeats allowed).
bool validPicturePassword(const std::vector<int>& pictures);

} // namespace sq
