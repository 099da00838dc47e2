#include "settings/pupil_settings.hpp"

#include "core/atomic_file.hpp"
#include "settings/settings_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <vector>

namespace sq {

namespace fs = std::filesystem;

int textSizePercent(TextSize size) {
  switch (size) {
  case TextSize::Percent100:
    return 100;
  case TextSize::Percent125:
    return 125;
  case TextSize::Percent150:
    return 150;
  case TextSize::Percent200:
    return 200;
  }
  return 100;
}

std::optional<TextSize> textSizeFromPercent(std::int64_t percent) {
  for (TextSize s :
       {TextSize::Percent100, TextSize::Percent125, TextSize::Percent150, TextSize::Percent200}) {
    if (textSizePercent(s) == percent) {
      return s;
    }
  }
  return std::nullopt;
}

std::string_view fontChoiceId(FontChoice font) {
  return font == FontChoice::OpenDyslexic ? "opendyslexic" : "andika";
}

std::optional<FontChoice> parseFontChoice(std::string_view id) {
  if (id == "andika") {
    return FontChoice::Andika;
  }
  if (id == "opendyslexic") {
    return FontChoice::OpenDyslexic;
  }
  return std::nullopt;
}

std::string_view narrationId(Narration n) {
  switch (n) {
  case Narration::Auto:
    return "auto";
  case Narration::OnRequest:
    return "on-request";
  case Narration::Off:
    return "off";
  }
  return "";
}

std::optional<Narration> parseNarration(std::string_view id) {
  for (Narration n : {Narration::Auto, Narration::OnRequest, Narration::Off}) {
    if (narrationId(n) == id) {
      return n;
    }
  }
  return std::nullopt;
}

bool validAvatar(std::string_view id) {
  return id == kNoAvatar ||
         std::find(std::begin(kAvatars), std::end(kAvatars), id) != std::end(kAvatars);
}

bool operator==(const PupilSettings& a, const PupilSettings& b) {
  return a.textSize == b.textSize && a.highContrast == b.highContrast && a.font == b.font &&
         a.soundEffects == b.soundEffects && a.narration == b.narration &&
         a.switchScanning == b.switchScanning && a.scanIntervalMs == b.scanIntervalMs &&
         a.avatar == b.avatar;
}

PupilSettings defaultPupilSettings(Band band) {
  PupilSettings s;
  const bool young = band == Band::Eyfs || band == Band::Ks1;
  s.narration = young ? Narration::Auto : Narration::OnRequest;
  s.scanIntervalMs = young ? 3000 : 2000;
  return s;
}

bool PupilPreferences::empty() const {
  return !textSize && !highContrast && !font && !soundEffects && !narration && !switchScanning &&
         !scanIntervalMs && !avatar;
}

bool operator==(const PupilPreferences& a, const PupilPreferences& b) {
  return a.textSize == b.textSize && a.highContrast == b.highContrast && a.font == b.font &&
         a.soundEffects == b.soundEffects && a.narration == b.narration &&
         a.switchScanning == b.switchScanning && a.scanIntervalMs == b.scanIntervalMs &&
         a.avatar == b.avatar;
}

PupilSettings resolvePupilSettings(const PupilPreferences& p, Band band) {
  PupilSettings s = defaultPupilSettings(band);
  s.textSize = p.textSize.value_or(s.textSize);
  s.highContrast = p.highContrast.value_or(s.highContrast);
  s.font = p.font.value_or(s.font);
  s.soundEffects = p.soundEffects.value_or(s.soundEffects);
  s.narration = p.narration.value_or(s.narration);
  s.switchScanning = p.switchScanning.value_or(s.switchScanning);
  s.scanIntervalMs = p.scanIntervalMs.value_or(s.scanIntervalMs);
  s.avatar = p.avatar.value_or(s.avatar);
  return s;
}

namespace {

// Keeps in `p` each setting (the avatar aside) where `chosen` differs from `against`:
// what the pupil changed, as against what they would get anyway.
void keepChanged(PupilPreferences& p, const PupilSettings& chosen, const PupilSettings& against) {
  if (chosen.textSize != against.textSize) {
    p.textSize = chosen.textSize;
  }
  if (chosen.highContrast != against.highContrast) {
    p.highContrast = chosen.highContrast;
  }
  if (chosen.font != against.font) {
    p.font = chosen.font;
  }
  if (chosen.soundEffects != against.soundEffects) {
    p.soundEffects = chosen.soundEffects;
  }
  if (chosen.narration != against.narration) {
    p.narration = chosen.narration;
  }
  if (chosen.switchScanning != against.switchScanning) {
    p.switchScanning = chosen.switchScanning;
  }
  if (chosen.scanIntervalMs != against.scanIntervalMs) {
    // Kept to the same tenths the file stores, so a save and a load agree.
    p.scanIntervalMs = std::clamp((chosen.scanIntervalMs + 50) / 100 * 100, kMinScanIntervalMs,
                                  kMaxScanIntervalMs);
  }
}

} // namespace

void rememberChoices(PupilPreferences& p, const PupilSettings& chosen, Band band) {
  const PupilSettings now = resolvePupilSettings(p, band);
  keepChanged(p, chosen, now);
  if (chosen.avatar != now.avatar) {
    // An unknown picture is not kept (the file would refuse it); "" is "not chosen".
    if (validAvatar(chosen.avatar)) {
      p.avatar = chosen.avatar;
    } else if (chosen.avatar.empty()) {
      p.avatar.reset();
    }
  }
}

PupilPreferences choicesBeforeSignIn(const PupilSettings& device) {
  // Compared with what the sign-in screen starts from, never with a band's
  // defaults: nobody's band is known there.
  PupilPreferences p;
  keepChanged(p, device, PupilSettings{});
  return p; // never an avatar: that is the pupil's own
}

PupilPreferences parsePupilPreferences(std::string_view text, const std::string& file,
                                       Diagnostics& diags, const PupilSettingsLimits& limits) {
  PupilPreferences p;
  auto doc =
      settings_detail::parseObject(text, file, {limits.maxFileBytes, limits.maxDepth}, diags);
  if (!doc) {
    return p;
  }
  settings_detail::FieldReader r(*doc, file, diags);
  settings_detail::checkFormatVersion(r, 1);
  if (r.has("textSize")) {
    if (auto percent = r.integer("textSize", 0, 1000)) {
      p.textSize = textSizeFromPercent(*percent);
      if (!p.textSize) {
        r.refuse("textSize", Code::SchemaEnum, "must be 100, 125, 150 or 200");
      }
    }
  }
  p.highContrast = r.boolean("highContrast");
  if (auto f = r.oneOf("font", {"andika", "opendyslexic"})) {
    p.font = parseFontChoice(*f);
  }
  p.soundEffects = r.boolean("soundEffects");
  if (auto n = r.oneOf("narration", {"auto", "on-request", "off"})) {
    p.narration = parseNarration(*n);
  }
  p.switchScanning = r.boolean("switchScanning");
  if (auto seconds = r.number("scanIntervalSeconds", kMinScanIntervalMs / 1000.0,
                              kMaxScanIntervalMs / 1000.0)) {
    p.scanIntervalMs = static_cast<int>(std::lround(*seconds * 10.0)) * 100;
  }
  std::vector<std::string_view> avatars(std::begin(kAvatars), std::end(kAvatars));
  avatars.push_back(kNoAvatar);
  if (auto a = r.oneOf("avatar", avatars)) {
    p.avatar = *a;
  }
  r.finish();
  return p;
}

std::string pupilPreferencesJson(const PupilPreferences& p) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["formatVersion"] = 1;
  if (p.textSize) {
    j["textSize"] = textSizePercent(*p.textSize);
  }
  if (p.highContrast) {
    j["highContrast"] = *p.highContrast;
  }
  if (p.font) {
    j["font"] = std::string(fontChoiceId(*p.font));
  }
  if (p.soundEffects) {
    j["soundEffects"] = *p.soundEffects;
  }
  if (p.narration) {
    j["narration"] = std::string(narrationId(*p.narration));
  }
  if (p.switchScanning) {
    j["switchScanning"] = *p.switchScanning;
  }
  if (p.scanIntervalMs) {
    // Tenths of a second as a decimal, e.g. 2.5, which a person can read and edit.
    j["scanIntervalSeconds"] = static_cast<double>(*p.scanIntervalMs / 100) / 10.0;
  }
  if (p.avatar) {
    j["avatar"] = *p.avatar;
  }
  return settings_detail::dumpForFile(j);
}

std::optional<std::string> pupilSettingsPath(const std::string& dataDir, std::string_view pupilId) {
  if (pupilId.empty() || pupilId.size() > 64) {
    return std::nullopt;
  }
  for (char c : pupilId) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) {
      return std::nullopt;
    }
  }
  return (fs::path(dataDir) / "pupils" / (std::string(pupilId) + ".json")).string();
}

PupilPreferences loadPupilPreferences(const std::string& path, Diagnostics& diags,
                                      const PupilSettingsLimits& limits) {
  auto file = settings_detail::readSmallFile(path, limits.maxFileBytes, diags);
  if (file.state != settings_detail::FileState::Read) {
    return {};
  }
  return parsePupilPreferences(file.text, path, diags, limits);
}

bool savePupilPreferences(const std::string& path, const PupilPreferences& prefs,
                          std::string& error) {
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
      error = "cannot create the folder " + parent.string() + ": " + ec.message();
      return false;
    }
  }
  return writeFileAtomically(path, pupilPreferencesJson(prefs), error);
}

bool removePupilPreferences(const std::string& dataDir, std::string_view pupilId,
                            std::string& error) {
  auto path = pupilSettingsPath(dataDir, pupilId);
  if (!path) {
    return true;
  }
  std::error_code ec;
  fs::remove(*path, ec);
  if (ec) {
    error = "cannot remove " + *path + ": " + ec.message();
    return false;
  }
  return true;
}

} // namespace sq
