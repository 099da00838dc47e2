// The blanks a script line may carry, taken off the same way by the game's scripts
// (app/script) and the editor's (editor/editor_script): spaces and tabs on the
// left; spaces, tabs and a Windows line end's carriage return on the right.
// Depends on: std only.
#pragma once

#include <string_view>

namespace sq::script_text {

inline std::string_view trimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

inline std::string_view trimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace sq::script_text
