// A pupil's own preferences: text size, high contrast, font, sound effects,
// narration, single-switch scanning and the picture on their name tile (avatar). Only what the
// pupil (or their teacher, for them) actually chose is stored; everything else follows the defaults
// for their age band, so a pupil moving up from KS1 to KS2 gets the KS2 default for narration
// unless they picked one. Nothing here is locked by the machine configuration: these are comfort
// and access needs, never restrictions. Stored as a small JSON file per pupil in the data folder;
// reading it is a loader of outside data (limits first, every field checked, never throws), and a
// bad field falls back to its default. Saving is atomic. Depends on: core (diagnostics), content
// (Band), settings/settings_json and core/atomic_file (in the .cpp), nlohmann_json (in the .cpp).
#pragma once

#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sq {

// Four steps, as percentages of the theme's text size.
enum class TextSize { Percent100, Percent125, Percent150, Percent200 };
int textSizePercent(TextSize size);
std::optional<TextSize> textSizeFromPercent(std::int64_t percent);

enum class FontChoice { Andika, OpenDyslexic };
std::string_view fontChoiceId(FontChoice font); // "andika", "opendyslexic"
std::optional<FontChoice> parseFontChoice(std::string_view id);

// Auto: a screen's narration plays when it opens. OnRequest: only from the "read it
// to me" button. Off: no button either.
enum class Narration { Auto, OnRequest, Off };
std::string_view narrationId(Narration n); // "auto", "on-request", "off"
std::optional<Narration> parseNarration(std::string_view id);

// Single-switch scanning: how long the highlight rests on each control.
inline constexpr int kMinScanIntervalMs = 500;
inline constexpr int kMaxScanIntervalMs = 10'000;

// The friendly pictures a pupil may pick once for their name tile (drawn in
// assets/ui/av-<id>.png). kNoAvatar: the pupil was asked and chose none, so they
// are not asked again; "" (not chosen): they are asked at their next sign-in.
inline constexpr std::string_view kAvatars[] = {"cat", "dog",  "rabbit", "bear",
                                                "owl", "frog", "fox",    "panda"};
inline constexpr std::string_view kNoAvatar = "none";
// One of kAvatars, or kNoAvatar.
bool validAvatar(std::string_view id);

struct PupilSettings {
  TextSize textSize = TextSize::Percent100;
  bool highContrast = false;
  FontChoice font = FontChoice::Andika;
  bool soundEffects = true;
  Narration narration = Narration::OnRequest;
  bool switchScanning = false;
  int scanIntervalMs = 2000;
  std::string avatar; // "" not chosen yet, kNoAvatar, or one of kAvatars
};

bool operator==(const PupilSettings& a, const PupilSettings& b);

// The defaults for an age band. EYFS and KS1 pupils may not read yet, so narration
// plays on its own; KS2 pupils ask for it. Younger children also get a longer
// scanning interval, as they need more time to plan and make a switch press.
PupilSettings defaultPupilSettings(Band band);

// What one pupil chose; unset fields follow defaultPupilSettings().
struct PupilPreferences {
  std::optional<TextSize> textSize;
  std::optional<bool> highContrast;
  std::optional<FontChoice> font;
  std::optional<bool> soundEffects;
  std::optional<Narration> narration;
  std::optional<bool> switchScanning;
  std::optional<int> scanIntervalMs; // rounded to whole tenths of a second
  std::optional<std::string> avatar; // validAvatar()

  bool empty() const;
};

bool operator==(const PupilPreferences& a, const PupilPreferences& b);

PupilSettings resolvePupilSettings(const PupilPreferences& prefs, Band band);

// Records in `prefs` each field of `chosen` that differs from what prefs already
// give for `band`, so choosing the default value again stays "not chosen" only
// when it was never chosen. Use when the settings screen closes.
void rememberChoices(PupilPreferences& prefs, const PupilSettings& chosen, Band band);

// What was chosen on this PC before anyone signed in (`device`, the settings in
// force at the sign-in screen, which start as PupilSettings{}): only the fields
// someone changed there, so a pupil who needed high contrast to find their name
// keeps it at their first visit, and every other field follows their own band
// (a Reception pupil's narration stays "auto", not the sign-in screen's
// "on-request").
PupilPreferences choicesBeforeSignIn(const PupilSettings& device);

struct PupilSettingsLimits {
  std::uint64_t maxFileBytes = 4096;
  int maxDepth = 4;
};

PupilPreferences parsePupilPreferences(std::string_view text, const std::string& file,
                                       Diagnostics& diags, const PupilSettingsLimits& limits = {});
std::string pupilPreferencesJson(const PupilPreferences& prefs);

// The file for one pupil: <dataDir>/pupils/<pupilId>.json. nullopt when the id
// could name anything but one file in that folder (only a-z, 0-9 and '-', 1 to 64
// characters: pupil ids are lowercase uuids). A guest has no file: nothing is kept.
std::optional<std::string> pupilSettingsPath(const std::string& dataDir, std::string_view pupilId);

// A missing file gives empty preferences with no diagnostic.
PupilPreferences loadPupilPreferences(const std::string& path, Diagnostics& diags,
                                      const PupilSettingsLimits& limits = {});
// Writes atomically, creating the folder when needed.
bool savePupilPreferences(const std::string& path, const PupilPreferences& prefs,
                          std::string& error);
// For erasure: removes the pupil's file, if any. False only when it exists and
// could not be removed.
bool removePupilPreferences(const std::string& dataDir, std::string_view pupilId,
                            std::string& error);

} // namespace sq
