// The pupil's game played by keyboard alone, through the screen stack's real input
// path (key events, then the frame's layout pass, as the app runs them) on the core
// pack: focus starts on the content of every new screen, step and question, arrows
// never reach back or the butterfly (so no false help.asked and no lesson left by
// mistake), the ring stays in keyboard mode, the first key acts, Tab follows
// reading order, and Return moves the AUP on.
#include "lesson_fixtures.hpp"
#include "screen_cases.hpp"
#include "screen_rig.hpp"
#include "screens/home_screen.hpp"
#include "screens/lesson/aup_screen.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "screens/lesson/quiz_screen.hpp"
#include "screens/lesson/scenario_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "ui/chrome.hpp"
#include "ui/focus.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::test;

namespace {

const std::string kLesson = "y3-smart-explorers";

// Siân (Year 3) signed in, home underneath and the lesson's front page on top,
// as in the game; driven by keys alone.
struct KeyRig : LessonFrontRig {
  std::shared_ptr<LessonPlay> play;
  std::size_t lessonDepth = 0;

  KeyRig() : LessonFrontRig(kLesson, "SMART explorers") {
    auto* front = dynamic_cast<LessonScreen*>(host.stack.top());
    REQUIRE(front != nullptr);
    play = front->play();
    REQUIRE(play.get() != nullptr);
    lessonDepth = host.stack.depth();
    host.stack.layout(ctx); // the first frame
  }

  // One key, then the frame the app draws after it (a layout pass).
  void hit(Key k, bool shift = false) {
    Modifiers m;
    m.shift = shift;
    host.stack.handle(KeyDown{k, m, false}, ctx, host, 0);
    host.stack.layout(ctx);
  }
  std::string focus() const { return host.stack.focusedId(); }
  const Widget* focused() { return findWidget(host.stack.widgets(), focus()); }
  int helpEvents() const {
    return static_cast<int>(
        std::count_if(host.events.begin(), host.events.end(),
                      [](const Event& e) { return e.kind == EventKind::HelpAsked; }));
  }
  // Nothing a pupil did not mean: focus off the chrome, no help asked, still in
  // the lesson (a step screen on top of its front page), and the ring showing.
  void checkSafe() {
    CAPTURE(screen());
    CHECK(focus() != "butterfly");
    CHECK(focus() != "back");
    CHECK(host.helpAsked == 0);
    CHECK(helpEvents() == 0);
    CHECK(host.stack.depth() == lessonDepth + 1);
    CHECK(host.stack.focusVisible());
  }
  // Arrows in every direction, many times, as a child exploring the keys.
  void arrowStorm() {
    for (int round = 0; round < 3; ++round) {
      for (const Key k : {Key::Up, Key::Right, Key::Down, Key::Left, Key::Down, Key::Up}) {
        for (int i = 0; i < 5; ++i) {
          hit(k);
          checkSafe();
        }
      }
    }
  }
  // Arrows towards widget `id`, checking each step stays on the content.
  void arrowTo(const std::string& id) {
    for (int guard = 0; guard < 16 && focus() != id; ++guard) {
      const Widget* from = focused();
      const Widget* to = findWidget(host.stack.widgets(), id);
      REQUIRE(from != nullptr);
      REQUIRE_MESSAGE(to != nullptr, "no widget " << id);
      const float dx = (to->rect.x + to->rect.w / 2) - (from->rect.x + from->rect.w / 2);
      const float dy = (to->rect.y + to->rect.h / 2) - (from->rect.y + from->rect.h / 2);
      if (std::fabs(dy) > from->rect.h / 2) {
        hit(dy > 0 ? Key::Down : Key::Up);
      } else {
        hit(dx > 0 ? Key::Right : Key::Left);
      }
      checkSafe();
    }
    REQUIRE(focus() == id);
  }
  ScenarioRunner* story() const { return play->runner.runnerAs<ScenarioRunner>(); }
  // The card showing the current node's first choice that is (or is not) safe.
  std::string card(bool safe) {
    const std::vector<std::size_t> shown = ScenarioScreen(play).shownChoices();
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (story()->choices()[shown[i]].safe == safe) {
        return "choice:" + std::to_string(i + 1);
      }
    }
    FAIL("no such card at " << story()->current().id);
    return {};
  }
  // From the front page, by Return alone, to the scenario (past the slides).
  void toScenario() {
    hit(Key::Enter); // the first key acts: "Start"
    for (int guard = 0; guard < 20 && screen() == "slides"; ++guard) {
      CHECK(focus() == "next");
      checkSafe();
      hit(Key::Enter);
    }
    REQUIRE(screen() == "scenario");
  }
};

} // namespace

TEST_CASE("keyboard: after Try again, arrows stay on the story's choices; Return never asks for "
          "help or leaves") {
  KeyRig r;
  r.toScenario();
  ScenarioRunner* s = r.story();
  REQUIRE(s != nullptr);
  CHECK(r.focus() == "choice:1"); // focus starts on the first choice
  r.checkSafe();

  // An unsafe choice, by arrows and Return: the gentle consequence, focus on Try again.
  r.arrowTo(r.card(false));
  r.hit(Key::Enter);
  REQUIRE(s->phase() == ScenarioRunner::Phase::Feedback);
  CHECK(r.focus() == "try-again");
  r.checkSafe();
  r.hit(Key::Enter);
  REQUIRE(s->phase() == ScenarioRunner::Phase::Choosing);
  CHECK(r.focus() == "choice:1"); // the same node's choices again: focus on the first
  r.checkSafe();

  // The defect this guards against: the first arrow went to Back, the next to the
  // butterfly, and Return asked for help.
  r.arrowStorm();
  r.hit(Key::Enter);
  r.checkSafe();
  CHECK(r.screen() == "scenario");
}

TEST_CASE("keyboard: on each new story node focus is on its first choice, and arrows stay there") {
  KeyRig r;
  r.toScenario();
  ScenarioRunner* s = r.story();
  REQUIRE(s != nullptr);
  int nodes = 0;
  for (int guard = 0; guard < 12 && s->phase() != ScenarioRunner::Phase::Ended; ++guard) {
    CAPTURE(s->current().id);
    if (s->phase() == ScenarioRunner::Phase::Feedback) {
      CHECK((r.focus() == "next" || r.focus() == "try-again"));
      r.checkSafe();
      r.hit(Key::Enter);
      continue;
    }
    ++nodes;
    CHECK(r.focus() == "choice:1");
    r.checkSafe();
    if (nodes > 1) {
      r.arrowStorm(); // a new node, reached by keys: the storm finds no chrome
    }
    r.arrowTo(r.card(true));
    r.hit(Key::Enter);
    r.checkSafe();
  }
  CHECK(nodes >= 2);
  REQUIRE(s->phase() == ScenarioRunner::Phase::Ended);
  CHECK(r.focus() == "next");
  r.checkSafe();
  r.hit(Key::Enter); // the ending's Next: on to the quiz
  CHECK(r.screen() == "quiz");
  r.checkSafe();
}

TEST_CASE("keyboard: a new quiz question starts on its first answer; Tab reaches Check before "
          "Read to me") {
  KeyRig r;
  r.toScenario();
  // The scenario played elsewhere; its Next by key.
  completeStep(r.play->runner);
  finishStep(r.play, r.host);
  r.host.apply();
  r.host.stack.layout(r.ctx);
  REQUIRE(r.screen() == "quiz");
  QuizRunner* q = r.play->runner.runnerAs<QuizRunner>();
  REQUIRE(q != nullptr);
  REQUIRE(q->item().type == QuizType::Single);
  CHECK(r.focus() == "answer:1");
  r.checkSafe();

  // Tab from the first answer: the other answers, then Check, then Read to me,
  // then Back, and the butterfly last.
  r.hit(Key::Enter); // chooses answer 1, so Check is enabled
  std::vector<std::string> order;
  for (std::size_t i = 0; i < r.host.stack.widgets().size(); ++i) {
    r.hit(Key::Tab);
    order.push_back(r.focus());
  }
  const auto at = [&](const std::string& id) {
    return std::find(order.begin(), order.end(), id) - order.begin();
  };
  REQUIRE(at("check") < static_cast<long>(order.size()));
  REQUIRE(at("read-aloud") < static_cast<long>(order.size()));
  CHECK(at("answer:2") < at("check"));
  CHECK(at("check") < at("read-aloud"));
  CHECK(at("read-aloud") < at("back"));
  CHECK(at("back") < at("butterfly"));
  CHECK(order.back() == "answer:1"); // round again to where it started

  // The right answer, Check and Next, all by keys: a new question.
  const auto right = std::find_if(q->item().options.begin(), q->item().options.end(),
                                  [](const QuizOption& o) { return o.correct; });
  REQUIRE(right != q->item().options.end());
  r.arrowTo("answer:" + std::to_string(right - q->item().options.begin() + 1));
  r.hit(Key::Enter);
  for (int guard = 0; guard < 20 && r.focus() != "check"; ++guard) {
    r.hit(Key::Tab);
  }
  REQUIRE(r.focus() == "check");
  r.hit(Key::Enter);
  REQUIRE(q->phase() == QuizRunner::Phase::Feedback);
  CHECK(q->lastResult() == std::optional<bool>(true));
  CHECK(r.focus() == "next");
  r.checkSafe();
  const std::string first = q->item().id;
  r.hit(Key::Enter);
  REQUIRE(q->item().id != first);
  CHECK(r.focus() == "answer:1"); // the new question's first answer
  r.checkSafe();
  r.arrowStorm();
  r.hit(Key::Enter);
  r.checkSafe();
  CHECK(r.screen() == "quiz");
}

TEST_CASE("keyboard: the first key acts, and the ring stays after every action") {
  KeyRig r;
  CHECK_FALSE(r.host.stack.focusVisible()); // no key yet: no ring
  r.toScenario();
  // A click turns the ring off; the first arrow after it moves at once.
  const Widget* c1 = findWidget(r.host.stack.widgets(), "choice:1");
  REQUIRE(c1 != nullptr);
  const float x = c1->rect.x + 4;
  const float y = c1->rect.y + 4;
  r.host.stack.handle(PointerMove{x, y, false, false}, r.ctx, r.host, 0);
  CHECK(r.host.stack.focusVisible()); // moving the mouse keeps it
  r.host.stack.handle(PointerDown{x, y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK_FALSE(r.host.stack.focusVisible());
  // Let go in the margin, on nothing: nothing is pressed.
  r.host.stack.handle(PointerUp{1, 360, PointerButton::Primary, false}, r.ctx, r.host, 0);
  REQUIRE(r.story()->phase() == ScenarioRunner::Phase::Choosing);
  r.host.stack.layout(r.ctx);
  CHECK(r.focus() == "choice:1");
  r.hit(Key::Right);
  CHECK(r.focus() == "choice:2");
  CHECK(r.host.stack.focusVisible());
  // Return presses at once, and the ring is on the next thing to press.
  r.hit(Key::Enter);
  CHECK(r.story()->phase() == ScenarioRunner::Phase::Feedback);
  CHECK(r.host.stack.focusVisible());
  CHECK(r.host.stack.visuals().focused == r.focus());
}

TEST_CASE("keyboard: on sign-in the first Tab goes to a class, not to settings") {
  Rig r([](FakeHost& h) { return makeSignInScreen(h); });
  r.host.stack.layout(r.ctx);
  r.host.stack.handle(KeyDown{Key::Tab, {}, false}, r.ctx, r.host, 0);
  r.host.stack.layout(r.ctx);
  CHECK(r.host.stack.focusedId() != "settings");
  CHECK(WidgetId::parse(r.host.stack.focusedId()).is("class"));
  CHECK(r.host.stack.focusVisible());
  // Return on the first class (no Tab at all) shows its names.
  Rig fresh([](FakeHost& h) { return makeSignInScreen(h); });
  fresh.host.stack.layout(fresh.ctx);
  fresh.host.stack.handle(KeyDown{Key::Enter, {}, false}, fresh.ctx, fresh.host, 0);
  CHECK(fresh.has("pupil:" + kSian)); // 3B, the first class, was pressed
}

TEST_CASE("keyboard: Return on the AUP's first page moves on to the promises") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    h.signIn(*h.rosterData.findPupil(kSian));
    play = lessonAt(h, "y3-passwords-and-promises", 3);
    return makeAupScreen(play, h);
  });
  auto* aup = dynamic_cast<AupScreen*>(r.host.stack.top());
  REQUIRE(aup != nullptr);
  r.host.stack.layout(r.ctx);
  REQUIRE(aup->stage() == AupScreen::Stage::Intro);
  CHECK(r.host.stack.focusedId() == "next");
  r.host.stack.handle(KeyDown{Key::Enter, {}, false}, r.ctx, r.host, 0);
  r.host.stack.layout(r.ctx);
  CHECK(aup->stage() == AupScreen::Stage::Promises);
  CHECK(r.screen() == "aup");
  // Focus is on the first promise, and Space ticks it as Return would.
  CHECK(r.host.stack.focusedId() == "promise:1");
  r.host.stack.handle(KeyDown{Key::Space, {}, false}, r.ctx, r.host, 0);
  CHECK(play->runner.runnerAs<AupRunner>()->ticked(0));
}

TEST_CASE("keyboard: scanning starts on the content and reaches the butterfly last") {
  KeyRig r;
  r.toScenario();
  r.host.stack.setScanStepMs(500);
  r.host.stack.setScanning(true, 0);
  r.host.stack.layout(r.ctx);
  std::vector<std::string> seen{r.host.stack.visuals().focused};
  for (std::uint64_t t = 500; t <= 500 * 12; t += 500) {
    if (r.host.stack.tick(t, r.ctx)) {
      seen.push_back(r.host.stack.visuals().focused);
    }
  }
  CHECK(seen.front() == "choice:1");
  const auto butterfly = std::find(seen.begin(), seen.end(), "butterfly");
  REQUIRE(butterfly != seen.end());
  const auto back = std::find(seen.begin(), seen.end(), "back");
  REQUIRE(back != seen.end());
  CHECK(back < butterfly);
  const auto choices = std::count_if(seen.begin(), butterfly, [](const std::string& id) {
    return WidgetId::parse(id).is("choice");
  });
  CHECK(choices == static_cast<long>(ScenarioScreen(r.play).shownChoices().size()));
  r.host.stack.setScanning(false, 0);
}

TEST_CASE(
    "keyboard, every screen: focus starts on its content, and arrows never reach the chrome") {
  for (const ScreenCase& c : screenCases()) {
    CAPTURE(c.name);
    auto host = hostFor(c);
    const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720}, c.textScale);
    const WidgetList widgets = host->stack.layout(ctx);
    const Screen* s = host->stack.top();
    const std::string start = host->stack.focusedId();
    const Widget* f = findWidget(widgets, start);
    const bool hasContent = std::any_of(widgets.begin(), widgets.end(), [](const Widget& w) {
      return w.enabled && arrowTarget(w);
    });
    if (hasContent) {
      REQUIRE(f != nullptr);
      CHECK(f->enabled);
      // On the content, or on what the screen itself asked for.
      CHECK((arrowTarget(*f) || start == s->firstFocus()));
    } else {
      CHECK(start.empty()); // only chrome: nothing a stray Return could press
    }
    for (const Widget& w : widgets) {
      const bool chrome = w.id == "butterfly" || w.id == "settings" || w.id == "sign-out" ||
                          (w.id == "back" && w.rect.y < ctx.u(chrome::kTopBar));
      if (chrome) {
        CAPTURE(w.id);
        CHECK(w.part == FocusPart::Chrome);
      }
    }
    for (const Key k : {Key::Down, Key::Right, Key::Up, Key::Left, Key::Up, Key::Right, Key::Down,
                        Key::Left, Key::Up, Key::Up, Key::Left, Key::Left}) {
      for (int i = 0; i < 4; ++i) {
        host->stack.handle(KeyDown{k, {}, false}, ctx, *host, 0);
        const Widget* now = findWidget(host->stack.layout(ctx), host->stack.focusedId());
        if (now != nullptr && now->id != start) {
          CAPTURE(now->id);
          CHECK(arrowTarget(*now));
        }
      }
    }
    CHECK(host->helpAsked == 0);
  }
}
