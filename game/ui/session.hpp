// Who is playing, and how they like the game to look and sound. A pupil signs in
// by class and name (their id is what is recorded; the name is only shown), or
// plays as a guest, when nothing at all is recorded.
// The preferences themselves (PupilSettings) belong to settings/pupil_settings.
// Depends on: content/pack_model (YearGroup), settings/pupil_settings, std.
#pragma once

#include "content/pack_model.hpp"
#include "settings/pupil_settings.hpp"

#include <string>

namespace sq {

struct Session {
  enum class Kind { None, Guest, Pupil };
  Kind kind = Kind::None;
  std::string pupilId; // random uuid from the class list
  std::string classId;
  std::string className;
  std::string firstName;
  std::string initial;
  YearGroup yearGroup = YearGroup::Reception;

  bool signedIn() const { return kind != Kind::None; }
  bool guest() const { return kind == Kind::Guest; }
  bool pupil() const { return kind == Kind::Pupil; }
  // "Siân K": first name and initial, as on the name tiles.
  std::string shortName() const { return initial.empty() ? firstName : firstName + " " + initial; }
};

// How big text is drawn for these settings: 1.0 at 100%, 2.0 at 200%.
inline float textScaleOf(const PupilSettings& s) {
  return static_cast<float>(textSizePercent(s.textSize)) / 100.0f;
}

} // namespace sq
