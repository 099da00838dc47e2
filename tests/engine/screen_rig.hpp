// Driving a screen the way a pupil or teacher does, for tests: a FakeHost's stack
// with one screen on it, presses by widget id through the stack's real input path,
// keys, typed text, and everything the top screen draws, as text.
#pragma once

#include "screens/home_screen.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "ui_fixtures.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sq::test {

inline Headless& headless() {
  static Headless h(1280, 720);
  return h;
}

struct Rig {
  FakeHost host;
  UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720});
  Rig() = default; // an empty stack: push with show()
  explicit Rig(std::function<std::unique_ptr<Screen>(FakeHost&)> make) {
    host.stack.push(make(host));
  }
  void show(std::unique_ptr<Screen> s) {
    REQUIRE(s != nullptr);
    host.stack.push(std::move(s));
  }
  void press(const std::string& id) {
    host.stack.layout(ctx);
    REQUIRE_MESSAGE(findWidget(host.stack.widgets(), id) != nullptr,
                    "no widget " << id << " on " << host.stack.topId());
    host.stack.press(id, host, 0);
  }
  bool has(const std::string& id) { return findWidget(host.stack.layout(ctx), id) != nullptr; }
  void key(Key k) { host.stack.handle(KeyDown{k, {}, false}, ctx, host, 0); }
  void type(const std::string& t) { host.stack.handle(TextInput{t}, ctx, host, 0); }
  // Everything the top screen draws, as text.
  std::string shown() {
    std::vector<std::string> log;
    headless().text->setDrawnTextLog(&log);
    UiContext c = ctx;
    host.stack.draw(c);
    headless().text->setDrawnTextLog(nullptr);
    std::string all;
    for (const auto& s : log) {
      all += s + "\n";
    }
    return all;
  }
  std::string_view screen() const { return host.stack.topId(); }
};

// Siân signed in with home underneath, as in the game, and a core lesson's front
// page opened from it.
struct LessonFrontRig : Rig {
  LessonFrontRig(const std::string& lessonId, const std::string& title)
      : Rig([](FakeHost& h) {
          h.signIn(*h.rosterData.findPupil(kSian));
          return makeHomeScreen(h);
        }) {
    HomeLesson l;
    l.packId = "core";
    l.lessonId = lessonId;
    l.title = title;
    host.stack.push(makeLessonScreen(host, l));
  }
};

} // namespace sq::test
