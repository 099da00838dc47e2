// Every screen the game has, in the states worth looking at, built with fixture
// data: the accessibility tests check each one's widgets, and the golden-image
// tests draw each one at 1280x720 and 3840x2160.
#pragma once

#include "ui/butterfly_screen.hpp"
#include "ui/home_screen.hpp"
#include "ui/lesson_screen.hpp"
#include "ui/packs_page.hpp"
#include "ui/picture_password_screen.hpp"
#include "ui/pupil_settings_screen.hpp"
#include "ui/sign_in_screen.hpp"
#include "ui/teacher_pin_screen.hpp"
#include "ui/teacher_settings_screen.hpp"
#include "ui_fixtures.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sq::test {

struct ScreenCase {
  std::string name; // also the golden image's name
  std::function<void(FakeHost&)> setup;
  std::function<std::unique_ptr<Screen>(FakeHost&)> make;
  bool highContrast = false;
  float textScale = 1.0f;
};

inline void signInSian(FakeHost& h) {
  h.signIn(*h.rosterData.findPupil(kSian));
  // The first lesson done, the second started, this academic year.
  h.events.push_back(
      lessonEvent(EventKind::LessonCompleted, kSian, "y3-smart-explorers", "2026-10-02T10:00:00Z"));
  h.events.push_back(lessonEvent(EventKind::LessonProgress, kSian, "y3-passwords-and-promises",
                                 "2026-11-10T10:00:00Z"));
}

inline std::vector<ScreenCase> screenCases() {
  const auto none = [](FakeHost&) {};
  const std::string class3B = "c0000000-0000-4000-8000-000000000001";
  std::vector<ScreenCase> c;
  c.push_back({"sign-in", none, [](FakeHost& h) { return makeSignInScreen(h); }});
  c.push_back({"sign-in-names", none, [class3B](FakeHost& h) {
                 auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                 s->showNames(class3B);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  c.push_back({"sign-in-pictures",
               [class3B](FakeHost& h) {
                 h.pictures[class3B] = {1, 3, 5};
               },
               [class3B](FakeHost& h) {
                 auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                 s->showPictures(class3B, kSian);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  c.push_back({"sign-in-no-class-list", [](FakeHost& h) { h.rosterData = Roster{}; },
               [](FakeHost& h) { return makeSignInScreen(h); }});
  c.push_back({"home", signInSian, [](FakeHost& h) { return makeHomeScreen(h); }});
  c.push_back({"home-guest", [](FakeHost& h) { h.signInGuest(); },
               [](FakeHost& h) { return makeHomeScreen(h); }});
  c.push_back({"home-unlocked",
               [](FakeHost& h) {
                 signInSian(h);
                 h.cfg.unlockedBands = {Band::Lks2, Band::Uks2};
               },
               [](FakeHost& h) { return makeHomeScreen(h); }});
  c.push_back({"settings", none, [](FakeHost& h) { return makePupilSettingsScreen(h); }});
  c.push_back({"butterfly", signInSian, [](FakeHost&) { return makeButterflyScreen(); }});
  c.push_back({"butterfly-teacher", none, [](FakeHost& h) {
                 return std::unique_ptr<Screen>(
                     std::make_unique<ButterflyTeacherScreen>(h.rosterData.settings));
               }});
  c.push_back(
      {"teacher-pin", none, [](FakeHost& h) { return makeTeacherPinScreen(h, [](UiHost&) {}); }});
  c.push_back({"teacher-pin-first-run", [](FakeHost& h) { h.pin.set_ = false; },
               [](FakeHost& h) { return makeTeacherPinScreen(h, [](UiHost&) {}); }});
  c.push_back({"teacher-settings",
               [](FakeHost& h) {
                 h.cfg.dataDir = "/home/teacher/.local/share/safequest";
                 h.cfg.schoolFolder = "/mnt/school/safequest";
                 h.cfg.unlockedBands = {Band::Ks1};
               },
               [](FakeHost& h) { return makeTeacherSettingsScreen(h); }});
  c.push_back({"picture-password", none, [](FakeHost& h) { return makePicturePasswordScreen(h); }});
  c.push_back({"packs", none, [](FakeHost& h) { return makePacksPage(h); }});
  c.push_back({"lesson", signInSian, [](FakeHost& h) {
                 const HomeModel m = homeModelFromHost(h);
                 return makeLessonScreen(h, m.units.front().lessons.front());
               }});
  ScreenCase hcSignIn{"sign-in-high-contrast", none,
                      [](FakeHost& h) { return makeSignInScreen(h); }};
  hcSignIn.highContrast = true;
  c.push_back(hcSignIn);
  ScreenCase hcHome{"home-high-contrast", signInSian,
                    [](FakeHost& h) { return makeHomeScreen(h); }};
  hcHome.highContrast = true;
  c.push_back(hcHome);
  ScreenCase bigHome{"home-text-200", signInSian, [](FakeHost& h) { return makeHomeScreen(h); }};
  bigHome.textScale = 2.0f;
  c.push_back(bigHome);
  ScreenCase bigNames{"sign-in-names-text-200", none, [class3B](FakeHost& h) {
                        auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                        s->showNames(class3B);
                        return std::unique_ptr<Screen>(std::move(s));
                      }};
  bigNames.textScale = 2.0f;
  c.push_back(bigNames);
  return c;
}

// A host with the case's screen on its stack.
inline std::unique_ptr<FakeHost> hostFor(const ScreenCase& c) {
  auto h = std::make_unique<FakeHost>();
  c.setup(*h);
  h->stack.push(c.make(*h));
  return h;
}

} // namespace sq::test
