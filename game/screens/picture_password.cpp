#include "screens/picture_password.hpp"

#include <array>

namespace sq {

std::string_view passwordPictureName(int number) {
  static constexpr std::array<std::string_view, kPasswordPictures> kNames = {
      "star", "heart", "sun", "tree", "apple", "fish"};
  if (number < 1 || number > kPasswordPictures) {
    return {};
  }
  return kNames[static_cast<std::size_t>(number - 1)];
}

bool validPicturePassword(const std::vector<int>& pictures) {
  if (pictures.size() != static_cast<std::size_t>(kPasswordLength)) {
    return false;
  }
  for (const int p : pictures) {
    if (p < 1 || p > kPasswordPictures) {
      return false;
    }
  }
  return true;
}

} // namespace sq
