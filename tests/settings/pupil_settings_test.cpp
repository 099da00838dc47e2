// A pupil's preferences: defaults per age band, only chosen fields stored, reading
// with every bad field refused at its pointer, the per-pupil file path, atomic
// save and load, and removal on erasure.
#include "settings/pupil_settings.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace sq;

namespace {

bool has(const Diagnostics& d, Code code, const std::string& pointer) {
  return std::any_of(d.all().begin(), d.all().end(),
                     [&](const Diagnostic& x) { return x.code == code && x.pointer == pointer; });
}

const char* kPupil = "0b6f7a6e-3c1d-4e55-9a53-2f1b7c9d8e01";

} // namespace

TEST_CASE("pupil settings: narration plays on its own for EYFS and KS1, on request for KS2") {
  CHECK(defaultPupilSettings(Band::Eyfs).narration == Narration::Auto);
  CHECK(defaultPupilSettings(Band::Ks1).narration == Narration::Auto);
  CHECK(defaultPupilSettings(Band::Lks2).narration == Narration::OnRequest);
  CHECK(defaultPupilSettings(Band::Uks2).narration == Narration::OnRequest);
  CHECK(defaultPupilSettings(Band::Ks1).scanIntervalMs >
        defaultPupilSettings(Band::Lks2).scanIntervalMs);
  for (Band b : {Band::Eyfs, Band::Ks1, Band::Lks2, Band::Uks2}) {
    const PupilSettings s = defaultPupilSettings(b);
    CHECK(s.textSize == TextSize::Percent100);
    CHECK(!s.highContrast);
    CHECK(s.font == FontChoice::Andika);
    CHECK(s.soundEffects);
    CHECK(!s.switchScanning);
  }
}

TEST_CASE("pupil settings: text sizes are the four steps") {
  CHECK(textSizePercent(TextSize::Percent125) == 125);
  for (int p : {100, 125, 150, 200}) {
    REQUIRE(textSizeFromPercent(p));
    CHECK(textSizePercent(*textSizeFromPercent(p)) == p);
  }
  CHECK(!textSizeFromPercent(175));
  CHECK(parseNarration("on-request") == Narration::OnRequest);
  CHECK(!parseNarration("sometimes"));
  CHECK(parseFontChoice("opendyslexic") == FontChoice::OpenDyslexic);
  CHECK(fontChoiceId(FontChoice::Andika) == "andika");
}

TEST_CASE("pupil settings: an unchosen field follows the band as the pupil moves up") {
  PupilPreferences p;
  p.textSize = TextSize::Percent150;
  CHECK(resolvePupilSettings(p, Band::Ks1).narration == Narration::Auto);
  CHECK(resolvePupilSettings(p, Band::Lks2).narration == Narration::OnRequest);
  CHECK(resolvePupilSettings(p, Band::Lks2).textSize == TextSize::Percent150);
  p.narration = Narration::Auto;
  CHECK(resolvePupilSettings(p, Band::Uks2).narration == Narration::Auto);
}

TEST_CASE("pupil settings: rememberChoices stores only what changed") {
  PupilPreferences p;
  PupilSettings s = resolvePupilSettings(p, Band::Ks1);
  rememberChoices(p, s, Band::Ks1);
  CHECK(p.empty());
  s.highContrast = true;
  s.scanIntervalMs = 2540; // kept to tenths
  rememberChoices(p, s, Band::Ks1);
  CHECK(p.highContrast == true);
  CHECK(p.scanIntervalMs == 2500);
  CHECK(!p.narration);
  s.scanIntervalMs = 60'000;
  rememberChoices(p, s, Band::Ks1);
  CHECK(p.scanIntervalMs == kMaxScanIntervalMs);
}

TEST_CASE("pupil settings: every field is read and round-trips") {
  Diagnostics d;
  const PupilPreferences p = parsePupilPreferences(R"({
    "formatVersion": 1, "textSize": 200, "highContrast": true, "font": "opendyslexic",
    "soundEffects": false, "narration": "off", "switchScanning": true,
    "scanIntervalSeconds": 2.5 })",
                                                   "p.json", d);
  CHECK(d.all().empty());
  CHECK(p.textSize == TextSize::Percent200);
  CHECK(p.highContrast == true);
  CHECK(p.font == FontChoice::OpenDyslexic);
  CHECK(p.soundEffects == false);
  CHECK(p.narration == Narration::Off);
  CHECK(p.switchScanning == true);
  CHECK(p.scanIntervalMs == 2500);
  Diagnostics d2;
  CHECK(parsePupilPreferences(pupilPreferencesJson(p), "again.json", d2) == p);
  CHECK(d2.all().empty());
  Diagnostics d3;
  CHECK(parsePupilPreferences(pupilPreferencesJson({}), "empty.json", d3).empty());
}

TEST_CASE("pupil settings: bad fields are refused at their pointers; the rest apply") {
  Diagnostics d;
  const PupilPreferences p = parsePupilPreferences(R"({
    "textSize": 175, "highContrast": 1, "font": "comic-sans", "narration": "on",
    "scanIntervalSeconds": 0.1, "soundEffects": false, "colour": "pink" })",
                                                   "p.json", d);
  CHECK(has(d, Code::SchemaEnum, "/textSize"));
  CHECK(has(d, Code::SchemaType, "/highContrast"));
  CHECK(has(d, Code::SchemaEnum, "/font"));
  CHECK(has(d, Code::SchemaEnum, "/narration"));
  CHECK(has(d, Code::SchemaRange, "/scanIntervalSeconds"));
  CHECK(has(d, Code::SchemaUnknownField, "/colour"));
  CHECK(d.errorCount() == 5);
  CHECK(p.soundEffects == false);
  CHECK(!p.textSize);
  CHECK(!p.font);
}

TEST_CASE("pupil settings: limits come before parsing") {
  Diagnostics d;
  parsePupilPreferences("{\"font\": \"andika\"" + std::string(5000, ' ') + "}", "p.json", d);
  CHECK(has(d, Code::FileTooLarge, ""));
  Diagnostics d2;
  parsePupilPreferences(R"({"a": [[[[[ ]]]]]})", "p.json", d2);
  CHECK(has(d2, Code::JsonTooDeep, ""));
  Diagnostics d3;
  parsePupilPreferences("\"just a string\"", "p.json", d3);
  CHECK(has(d3, Code::SchemaType, ""));
}

TEST_CASE("pupil settings: one file per pupil, and only for a safe id") {
  const auto path = pupilSettingsPath("/data", kPupil);
  REQUIRE(path);
  CHECK(fs::path(*path) == fs::path("/data") / "pupils" / (std::string(kPupil) + ".json"));
  for (const char* bad :
       {"", "../teacher", "a/b", "A", "x.json", "a b", "..",
        "0123456789012345678901234567890123456789012345678901234567890123456789"}) {
    CHECK_MESSAGE(!pupilSettingsPath("/data", bad), bad);
  }
}

TEST_CASE("pupil settings: save and load through the disk; remove for erasure") {
  sq::test::TempDir tmp;
  const auto path = pupilSettingsPath(tmp.str(), kPupil);
  REQUIRE(path);
  Diagnostics d;
  CHECK(loadPupilPreferences(*path, d).empty());
  CHECK(d.all().empty());
  PupilPreferences p;
  p.font = FontChoice::OpenDyslexic;
  p.scanIntervalMs = 1500;
  std::string error;
  REQUIRE_MESSAGE(savePupilPreferences(*path, p, error), error);
  CHECK(loadPupilPreferences(*path, d) == p);
  CHECK(d.all().empty());
  // Saved atomically: nothing but the file is left in the folder.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(fs::path(*path).parent_path())) {
    ++entries;
  }
  CHECK(entries == 1);
  REQUIRE(removePupilPreferences(tmp.str(), kPupil, error));
  CHECK(!fs::exists(*path));
  CHECK(removePupilPreferences(tmp.str(), kPupil, error)); // already gone is fine
}

TEST_CASE("pupil settings: a Reception pupil's first visit hears narration on its own") {
  // The sign-in screen starts from PupilSettings{} (narration on request, the KS2
  // scanning pace). Carrying those over as "chosen" made a Reception pupil's
  // settings say "When I ask"; only what someone changed there is kept.
  const PupilSettings untouched{};
  const PupilPreferences first = choicesBeforeSignIn(untouched);
  CHECK(first.empty());
  CHECK(resolvePupilSettings(first, bandOf(YearGroup::Reception)).narration == Narration::Auto);
  CHECK(resolvePupilSettings(first, bandOf(YearGroup::Y1)).narration == Narration::Auto);
  CHECK(resolvePupilSettings(first, bandOf(YearGroup::Y4)).narration == Narration::OnRequest);
  CHECK(resolvePupilSettings(first, bandOf(YearGroup::Reception)).scanIntervalMs == 3000);

  PupilSettings changed{};
  changed.highContrast = true;
  changed.textSize = TextSize::Percent200;
  changed.avatar = "cat"; // never carried over: it is a pupil's own
  const PupilPreferences kept = choicesBeforeSignIn(changed);
  CHECK(kept.highContrast == true);
  CHECK(kept.textSize == TextSize::Percent200);
  CHECK(!kept.narration);
  CHECK(!kept.avatar);
  const PupilSettings reception = resolvePupilSettings(kept, bandOf(YearGroup::Reception));
  CHECK(reception.highContrast);
  CHECK(reception.narration == Narration::Auto);

  PupilSettings asked{};
  asked.narration = Narration::Off; // someone did choose it at the sign-in screen
  CHECK(choicesBeforeSignIn(asked).narration == Narration::Off);
}

TEST_CASE("pupil settings: the avatar chosen once is stored by pupil id and read back") {
  test::TempDir dir;
  const auto path = pupilSettingsPath(dir.str(), kPupil);
  REQUIRE(path);
  PupilPreferences p;
  PupilSettings s = resolvePupilSettings(p, Band::Eyfs);
  CHECK(s.avatar.empty()); // not chosen: the game asks
  s.avatar = "owl";
  rememberChoices(p, s, Band::Eyfs);
  REQUIRE(p.avatar);
  CHECK(*p.avatar == "owl");
  std::string error;
  REQUIRE(savePupilPreferences(*path, p, error));
  std::ifstream in(*path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"avatar\": \"owl\"") != std::string::npos);
  Diagnostics d;
  const PupilPreferences back = loadPupilPreferences(*path, d);
  CHECK(d.all().empty());
  CHECK(resolvePupilSettings(back, Band::Uks2).avatar == "owl");

  // Declining is remembered too, so the question is asked once.
  s.avatar = std::string(kNoAvatar);
  rememberChoices(p, s, Band::Eyfs);
  CHECK(p.avatar == std::string(kNoAvatar));
  // A picture the game does not have is never kept.
  s.avatar = "dragon";
  rememberChoices(p, s, Band::Eyfs);
  CHECK(p.avatar == std::string(kNoAvatar));
  CHECK(validAvatar("fox"));
  CHECK(!validAvatar(""));
  CHECK(!validAvatar("dragon"));
}

TEST_CASE("pupil settings: an unknown avatar in the file is refused at its pointer") {
  Diagnostics d;
  const PupilPreferences p =
      parsePupilPreferences(R"({"formatVersion": 1, "avatar": "../../etc"})", "p.json", d);
  CHECK(!p.avatar);
  CHECK(has(d, Code::SchemaEnum, "/avatar"));
}
