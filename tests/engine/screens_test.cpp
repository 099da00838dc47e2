// The screens as a pupil and a teacher use them, through the screen stack's real
// input path (presses by widget id, keys, typed text), against a fake host.
#include "screen_cases.hpp"
#include "screen_rig.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sq;
using namespace sq::test;

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";

} // namespace

TEST_CASE("sign in: class, then name: the pupil is signed in") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  CHECK(r.has("guest"));
  CHECK(r.has("class:Dosbarth Derw"));
  r.press("class:3B");
  CHECK(r.shown().find("3B: find your name") != std::string::npos);
  CHECK(r.has("pupil:" + kSian));
  CHECK_FALSE(r.has("pupil:a0000000-0000-4000-8000-000000000006")); // Oak's Ffion
  CHECK(r.shown().find("Siân K") != std::string::npos);
  r.press("pupil:" + kSian);
  CHECK(r.host.who.pupil());
  CHECK(r.host.who.pupilId == kSian);
}

TEST_CASE("sign in with a picture password: a wrong try asks calmly again") {
  Rig r([](FakeHost& h) {
    h.pictures[k3B] = {2, 4, 6};
    return makeSignInScreen(h);
  });
  r.press("class:3B");
  r.press("pupil:" + kSian);
  CHECK_FALSE(r.host.who.signedIn());
  for (const char* p : {"picture:2", "picture:4", "picture:5"}) {
    r.press(p);
  }
  CHECK_FALSE(r.host.who.signedIn());
  CHECK(r.shown().find("try again") != std::string::npos);
  for (const char* p : {"picture:2", "picture:4", "picture:6"}) {
    r.press(p);
  }
  CHECK(r.host.who.pupilId == kSian);
}

TEST_CASE("a long class list pages with next and back") {
  Rig r([](FakeHost& h) {
    for (int i = 0; i < 45; ++i) {
      Pupil p;
      p.id =
          "b0000000-0000-4000-8000-0000000000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      p.firstName = "Pupil" + std::to_string(i);
      p.initial = "Q";
      p.classId = k3B;
      h.rosterData.pupils.push_back(p);
    }
    return makeSignInScreen(h);
  });
  r.press("class:3B");
  CHECK(r.has("next"));
  int onFirst = 0;
  for (const Widget& w : r.host.stack.layout(r.ctx)) {
    onFirst += w.id.rfind("pupil:", 0) == 0 ? 1 : 0;
  }
  // Every tile is as wide as the class's longest word ("Maximilian-Alexander"), so
  // a page holds fewer names than short ones alone would allow, never cut.
  CHECK(onFirst >= 6);
  r.key(Key::PageDown); // a presenter clicker pages too
  CHECK(r.shown().find("Page 2 of") != std::string::npos);
  r.key(Key::PageUp);
  CHECK(r.shown().find("Page 1 of") != std::string::npos);
  r.key(Key::Escape);
  CHECK(r.has("class:3B"));
}

TEST_CASE("the butterfly before signing in counts for the class tapped, if any") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.press("butterfly");
  CHECK(r.host.helpAsked == 1);
  CHECK(r.host.helpClass.empty());
  r.host.apply();
  r.press("class:3B");
  r.press("butterfly");
  CHECK(r.host.helpClass == k3B);
}

TEST_CASE("guest mode from the sign-in screen") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.press("guest");
  CHECK(r.host.who.guest());
}

TEST_CASE("with no class list, sign-in says so and offers the guest tile") {
  Rig r([](FakeHost& h) {
    h.rosterData = Roster{};
    return makeSignInScreen(h);
  });
  CHECK(r.has("guest"));
  CHECK(r.shown().find("no class list") != std::string::npos);
}

TEST_CASE("home shows the pupil's lessons and their states: a lesson opens") {
  Rig r([](FakeHost& h) {
    signInSian(h);
    return makeHomeScreen(h);
  });
  const std::string text = r.shown();
  CHECK(text.find("Hello, Siân K!") != std::string::npos);
  CHECK(text.find("SMART explorers") != std::string::npos);
  CHECK(text.find("Done") != std::string::npos);
  CHECK(text.find("Started") != std::string::npos);
  CHECK(r.has("lesson:y3-passwords-and-promises"));
  CHECK_FALSE(r.has("unit:y3")); // one unit: no year buttons
  r.press("lesson:y3-smart-explorers");
  CHECK(r.screen() == "lesson");
  r.key(Key::Escape);
  CHECK(r.screen() == "home");
  r.press("sign-out");
  CHECK_FALSE(r.host.who.signedIn());
}

TEST_CASE("unlocked bands add year buttons on home") {
  Rig r([](FakeHost& h) {
    signInSian(h);
    h.cfg.unlockedBands = {Band::Uks2};
    return makeHomeScreen(h);
  });
  REQUIRE(r.has("unit:y5"));
  CHECK_FALSE(r.has("units-next")); // three years fit in a row: no arrows
  r.press("unit:y5");
  CHECK(r.has("lesson:y5-think-before-you-share"));
  CHECK_FALSE(r.has("lesson:y3-smart-explorers"));
}

TEST_CASE("year buttons that do not all fit show between arrows that step the year") {
  Rig r([](FakeHost& h) {
    h.signInGuest();
    return makeHomeScreen(h);
  });
  r.ctx.textScale = 2.0f;
  r.ctx.family = FontFamily::OpenDyslexic;
  REQUIRE(r.has("units-next"));
  CHECK(r.has("unit:reception"));
  CHECK_FALSE(r.has("unit:y6"));
  const auto arrow = [&](const std::string& id) {
    return *findWidget(r.host.stack.layout(r.ctx), id);
  };
  CHECK_FALSE(arrow("units-prev").enabled); // Reception is the first year
  for (int i = 0; i < 6; ++i) {
    r.press("units-next");
  }
  // The chosen year is always in view, and its lessons are the ones shown.
  CHECK(r.has("unit:y6"));
  CHECK_FALSE(r.has("unit:reception"));
  CHECK(r.has("lesson:y6-lock-it-down"));
  CHECK_FALSE(arrow("units-next").enabled);
  r.press("units-prev");
  CHECK(r.has("lesson:y5-think-before-you-share"));
  r.press("unit:y6");
  CHECK(r.has("lesson:y6-lock-it-down"));
}

TEST_CASE("pupil settings change at once and are handed to the host to keep") {
  Rig r([](FakeHost& h) { return makePupilSettingsScreen(h); });
  r.press("text-size:4");
  CHECK(r.host.settings.textSize == TextSize::Percent200);
  r.press("high-contrast");
  CHECK(r.host.settings.highContrast);
  r.press("font:opendyslexic");
  CHECK(r.host.settings.font == FontChoice::OpenDyslexic);
  r.press("sound");
  CHECK_FALSE(r.host.settings.soundEffects);
  r.press("narration:off");
  CHECK(r.host.settings.narration == Narration::Off);
  r.press("scanning");
  CHECK(r.host.settings.switchScanning);
  r.host.stack.layout(r.ctx);
  CHECK(findWidget(r.host.stack.widgets(), "text-size:4")->selected);
}

TEST_CASE("fetching: the pupil's name and the words; the bar follows the app's count; Not me "
          "signs out; the butterfly is there") {
  auto progress = std::make_shared<FetchProgress>();
  FetchingScreen* fetching = nullptr;
  Rig r([&](FakeHost& h) {
    signInSian(h);
    auto s = std::make_unique<FetchingScreen>(h.who.shortName(), progress);
    fetching = s.get();
    return std::unique_ptr<Screen>(std::move(s));
  });
  CHECK(r.screen() == "fetching");
  const std::string text = r.shown();
  CHECK(text.find("Hello, Siân K!") != std::string::npos);
  CHECK(text.find("Getting your work from the other computers") != std::string::npos);
  CHECK(r.has("butterfly"));
  CHECK(fetching->fraction() == 0.0f); // the folder is not listed yet
  progress->total = 30;
  CHECK(fetching->fraction() == 0.0f);
  progress->done = 15;
  CHECK(fetching->fraction() == doctest::Approx(0.5f));
  progress->done = 31; // never past full
  CHECK(fetching->fraction() == 1.0f);
  r.press("sign-out");
  CHECK_FALSE(r.host.who.signedIn());
}

TEST_CASE("butterfly: the calm screen, then the teacher's view behind the PIN") {
  Rig r([](FakeHost& h) {
    signInSian(h);
    return makeHomeScreen(h);
  });
  r.press("butterfly");
  CHECK(r.host.helpAsked == 1); // the host records help.asked (class and time only)
  r.host.push(makeButterflyScreen());
  r.host.apply();
  CHECK(r.screen() == "butterfly");
  CHECK(r.shown().find("trusted adult") != std::string::npos);
  CHECK_FALSE(r.has("butterfly")); // no second butterfly button on its own screen
  r.press("teacher");
  CHECK(r.screen() == "teacher-pin");
  r.type("1111");
  r.key(Key::Enter);
  CHECK(r.shown().find("not right") != std::string::npos);
  for (const char* d : {"digit:2", "digit:4", "digit:6", "digit:8"}) {
    r.press(d);
  }
  r.press("ok");
  CHECK(r.screen() == "butterfly-teacher");
  const std::string text = r.shown();
  CHECK(text.find("Mrs Rhian Evans") != std::string::npos);
  CHECK(text.find("Do not delete or forward anything") != std::string::npos);
  r.key(Key::Escape);
  CHECK(r.screen() == "butterfly");
  r.key(Key::Escape);
  CHECK(r.screen() == "home");
}

TEST_CASE("the first teacher screen asks for a PIN, twice, and keeps it") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.host.pin.set_ = false;
  r.press("teacher");
  CHECK(r.screen() == "teacher-pin");
  CHECK(r.shown().find("Choose a teacher PIN") != std::string::npos);
  r.type("1357");
  r.key(Key::Enter);
  r.type("1358");
  r.key(Key::Enter);
  CHECK(r.shown().find("different") != std::string::npos);
  r.type("1357");
  r.key(Key::Enter);
  r.type("1357");
  r.key(Key::Enter);
  CHECK(r.host.pin.pin == "1357");
  CHECK(r.screen() == "teacher-settings");
}

TEST_CASE("the first teacher PIN may not be one that is easy to guess") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.host.pin.set_ = false;
  r.press("teacher");
  REQUIRE(r.screen() == "teacher-pin");
  const std::pair<const char*, const char*> refused[] = {{"1234", "numbers in order"},
                                                         {"9876", "numbers in order"},
                                                         {"0000", "again and again"},
                                                         {"2580", "very common"},
                                                         {"8901", "numbers in order"}};
  for (const auto& [pin, why] : refused) {
    CAPTURE(pin);
    r.type(pin);
    r.key(Key::Enter);
    CHECK(r.shown().find("Too easy to guess") != std::string::npos);
    CHECK(r.shown().find(why) != std::string::npos);
    CHECK(r.shown().find("Choose a teacher PIN") != std::string::npos); // not asked twice
    CHECK(r.host.pin.set_ == false);
  }
  // With the keypad too.
  for (const char* d : {"digit:1", "digit:2", "digit:3", "digit:4", "ok"}) {
    r.press(d);
  }
  CHECK(r.shown().find("Too easy to guess") != std::string::npos);
  CHECK(r.host.pin.set_ == false);
  r.type("4705");
  r.key(Key::Enter);
  CHECK(r.shown().find("Type the new PIN again") != std::string::npos);
  r.type("4705");
  r.key(Key::Enter);
  CHECK(r.host.pin.pin == "4705");
  CHECK(r.screen() == "teacher-settings");
}

TEST_CASE("a PIN whose lockout cannot be trusted says to ask IT") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.host.pin.blocked = true;
  r.press("teacher");
  REQUIRE(r.screen() == "teacher-pin");
  r.type("2468");
  r.key(Key::Enter);
  CHECK(r.screen() == "teacher-pin");
  CHECK(r.shown().find("Ask IT") != std::string::npos);
  CHECK(r.shown().find("pin unlock") != std::string::npos);
}

TEST_CASE("teacher settings: bands, the lock, a typed folder, closing the game") {
  Rig r([](FakeHost& h) { return makeTeacherSettingsScreen(h); });
  r.press("band:ks1");
  CHECK(r.host.cfg.bandUnlocked(Band::Ks1));
  r.press("band:ks1");
  CHECK_FALSE(r.host.cfg.bandUnlocked(Band::Ks1));
  r.press("lock");
  CHECK(r.host.cfg.lock);
  r.press("school-folder");
  r.type("/mnt/school ");
  r.key(Key::Space); // the space came as text; the key itself must not press anything
  r.key(Key::Backspace);
  r.type("/safequest");
  r.key(Key::Enter);
  CHECK(r.host.cfg.schoolFolder == "/mnt/school/safequest");
  r.press("school-folder");
  r.type("/elsewhere");
  r.key(Key::Escape); // leaves it as it was
  CHECK(r.host.cfg.schoolFolder == "/mnt/school/safequest");
  CHECK(r.screen() == "teacher-settings");
  r.press("quit");
  CHECK(r.host.quitAsked);
}

TEST_CASE("fields IT fixed cannot be changed") {
  Rig r([](FakeHost& h) {
    h.cfg.schoolFolderFixed = true;
    h.cfg.bandsFixed = true;
    return makeTeacherSettingsScreen(h);
  });
  r.host.stack.layout(r.ctx);
  CHECK_FALSE(findWidget(r.host.stack.widgets(), "school-folder")->enabled);
  CHECK_FALSE(findWidget(r.host.stack.widgets(), "band:eyfs")->enabled);
  CHECK(r.shown().find("set by IT") != std::string::npos);
}

TEST_CASE("a teacher sets and removes a class's picture password") {
  Rig r([](FakeHost& h) { return makePicturePasswordScreen(h); });
  r.press("class:Oak");
  r.host.stack.layout(r.ctx);
  CHECK_FALSE(findWidget(r.host.stack.widgets(), "save")->enabled);
  r.press("picture:3");
  r.press("picture:1");
  r.press("picture:3");
  r.press("save");
  CHECK(r.host.pictures["c0000000-0000-4000-8000-000000000002"] == std::vector<int>{3, 1, 3});
  r.press("class:Oak");
  r.press("clear");
  CHECK(r.host.pictures["c0000000-0000-4000-8000-000000000002"].empty());
}
