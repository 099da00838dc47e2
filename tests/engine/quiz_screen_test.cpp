// The quiz step screen, played through the screen stack as a pupil plays it:
// presses by widget id, the keyboard, and dragging with the mouse or a finger.
// The core pack's "SMART explorers" lesson has every question type: single,
// multiple, true or false, sort and order.
// Sections:
//   1. rig: the core pack, a quiz play, right answers
//   2. choosing: single, multiple, true or false
//   3. sorting and ordering: by keys and by dragging
//   4. progress: stars, question numbers, finishing, leaving, narration
//   5. room: what is under the question scrolls when the cards need it
#include "screen_rig.hpp"
#include "screens/butterfly_screen.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "screens/lesson/quiz_layout.hpp"
#include "screens/lesson/quiz_screen.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace sq;
using namespace sq::test;

// ---- rig ----------------------------------------------------------------------------

namespace {

const CatalogEntry& coreEntry() {
  for (const CatalogEntry& e : coreCatalog().packs) {
    if (e.result.valid() && e.result.pack->id == "core") {
      return e;
    }
  }
  FAIL("no core pack");
  return coreCatalog().packs.front();
}

// A lesson played from its quiz step, as if the pupil had just reached it.
std::shared_ptr<LessonPlay> quizPlay(FakeHost& host, const Pack& pack, const std::string& lessonId,
                                     Band band) {
  const Lesson* lesson = pack.findLesson(lessonId);
  REQUIRE(lesson != nullptr);
  auto play = std::make_shared<LessonPlay>(pack, coreEntry().dir, *lesson, band, playerOf(host),
                                           host.recorder(), 7u);
  for (std::size_t i = 0; i < lesson->steps.size(); ++i) {
    if (std::holds_alternative<QuizActivity>(lesson->steps[i].activity)) {
      const nlohmann::json snap = {{"v", 1},
                                   {"lesson", lessonId},
                                   {"contentHash", pack.contentHash},
                                   {"phase", 0},
                                   {"stepIndex", i},
                                   {"step", lesson->steps[i].id},
                                   {"done", nlohmann::json::array()}};
      REQUIRE(play->runner.restore(snap.dump()) == LessonRunner::Resume::Exact);
      break;
    }
  }
  REQUIRE(play->runner.runnerAs<QuizRunner>() != nullptr);
  return play;
}

std::shared_ptr<LessonPlay> quizPlay(FakeHost& host, const std::string& lessonId, Band band) {
  return quizPlay(host, *coreEntry().result.pack, lessonId, band);
}

// A rig with Siân signed in and the quiz screen on top, for the lesson `make` starts
// (it records through the rig's host).
struct QuizRig : Rig {
  std::shared_ptr<LessonPlay> play;
  explicit QuizRig(const std::function<std::shared_ptr<LessonPlay>(FakeHost&)>& make) {
    host.signIn(*host.rosterData.findPupil(kSian));
    play = make(host);
    show(makeQuizScreen(play));
  }
  QuizRunner& quiz() { return *play->runner.runnerAs<QuizRunner>(); }
  const Widget& widget(const std::string& id) {
    const Widget* w = findWidget(host.stack.layout(ctx), id);
    REQUIRE_MESSAGE(w != nullptr, "no widget " << id);
    return *w;
  }
  Point centre(const std::string& id) {
    const Rect r = widget(id).rect;
    return Point{r.x + r.w / 2, r.y + r.h / 2};
  }
  // Tab until `id` has focus, then Enter: the keyboard's (and a switch's) way.
  void keyPress(const std::string& id) {
    const std::size_t n = host.stack.layout(ctx).size();
    for (std::size_t i = 0; i <= n && host.stack.focusedId() != id; ++i) {
      key(Key::Tab);
    }
    REQUIRE(host.stack.focusedId() == id);
    key(Key::Enter);
  }
  // Press on one widget, move in steps, let go over another: a drag.
  void drag(const std::string& from, const std::string& to, bool touch) {
    const Point a = centre(from);
    const Point b = centre(to);
    host.stack.handle(PointerDown{a.x, a.y, PointerButton::Primary, touch}, ctx, host, 0);
    for (int i = 1; i <= 4; ++i) {
      const float f = static_cast<float>(i) / 4.0f;
      host.stack.handle(PointerMove{a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, true, touch}, ctx,
                        host, 0);
    }
    host.stack.handle(PointerUp{b.x, b.y, PointerButton::Primary, touch}, ctx, host, 0);
  }
  int count(EventKind kind) {
    return static_cast<int>(std::count_if(host.events.begin(), host.events.end(),
                                          [&](const Event& e) { return e.kind == kind; }));
  }
};

// The answer card ("answer:N") of the option `id` of a single or multiple choice
// item, found in the content (options are shown in the content's order).
std::string answerOf(const QuizItem& item, const std::string& id) {
  for (std::size_t i = 0; i < item.options.size(); ++i) {
    if (item.options[i].id == id) {
      return "answer:" + std::to_string(i + 1);
    }
  }
  FAIL("no option " << id << " in " << item.id);
  return {};
}

// The words on the card of the option `id`.
std::string labelOf(const QuizItem& item, const std::string& id) {
  for (const QuizOption& o : item.options) {
    if (o.id == id) {
      return o.text.get();
    }
  }
  FAIL("no option " << id << " in " << item.id);
  return {};
}

// The right options' indices in a single or multiple choice item.
std::vector<std::size_t> rightOptions(const QuizItem& item) {
  std::vector<std::size_t> right;
  for (std::size_t i = 0; i < item.options.size(); ++i) {
    if (item.options[i].correct) {
      right.push_back(i);
    }
  }
  return right;
}

std::size_t positionOf(const QuizRunner& q, std::size_t card) {
  const auto& a = q.arrangement();
  return static_cast<std::size_t>(std::find(a.begin(), a.end(), card) - a.begin());
}

// Answers the current item rightly by presses (single, multiple, true or false).
void answerRight(QuizRig& r) {
  const QuizItem& item = r.quiz().item();
  if (item.type == QuizType::TrueFalse) {
    r.press(item.answer ? "answer:1" : "answer:2");
  } else if (item.type == QuizType::Sort) {
    for (std::size_t c = 0; c < item.cards.size(); ++c) {
      for (std::size_t g = 0; g < item.groups.size(); ++g) {
        if (item.groups[g].id == item.cards[c].group) {
          r.press("item:" + std::to_string(c + 1));
          r.press("group:" + std::to_string(g + 1));
        }
      }
    }
  } else if (item.type == QuizType::Order) {
    for (std::size_t t = 0; t < item.cards.size(); ++t) {
      const std::size_t p = positionOf(r.quiz(), t);
      if (p != t) {
        r.press("item:" + std::to_string(p + 1));
        r.press("item:" + std::to_string(t + 1));
      }
    }
  } else {
    for (std::size_t i = 0; i < item.options.size(); ++i) {
      if (item.options[i].correct) {
        r.press("answer:" + std::to_string(i + 1));
      }
    }
  }
}

bool contains(const std::string& all, const std::string& part) {
  return all.find(part) != std::string::npos;
}

// Whether a card showing `words` is drawn with the mark `tag` over them: after one
// of the tag's drawings, the first card words drawn (any of `all`) are `words`.
bool markedAs(const std::string& shown, const std::string& tag, const std::string& words,
              const std::vector<std::string>& all) {
  for (std::size_t at = shown.find(tag); at != std::string::npos; at = shown.find(tag, at + 1)) {
    std::size_t first = std::string::npos;
    std::string found;
    for (const std::string& w : all) {
      const std::size_t p = shown.find("\n" + w + "\n", at + tag.size() - 1);
      if (p < first) {
        first = p;
        found = w;
      }
    }
    if (found == words) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> cardWords(const QuizItem& item) {
  std::vector<std::string> out;
  for (const QuizOption& o : item.options) {
    out.push_back(o.text.get());
  }
  for (const QuizCard& c : item.cards) {
    out.push_back(c.text.get());
  }
  return out;
}

} // namespace

// ---- choosing -----------------------------------------------------------------------

TEST_CASE("quiz: a wrong answer is met kindly and shown the right answer; next moves on") {
  QuizRig r([](FakeHost& h) { return quizPlay(h, "y3-smart-explorers", Band::Lks2); });
  CHECK(r.screen() == "quiz");
  CHECK(r.quiz().item().type == QuizType::Single);
  CHECK(r.has("back"));
  CHECK(r.has("answer:3"));
  CHECK_FALSE(r.has("answer:4"));
  CHECK_FALSE(r.widget("check").enabled); // nothing chosen yet
  CHECK(contains(r.shown(), "Question 1 of 5"));

  const QuizItem& item = r.quiz().item();
  const std::string colour = answerOf(item, "colour");
  const std::string food = answerOf(item, "food");
  const std::string address = answerOf(item, "address");
  REQUIRE(rightOptions(item).size() == 1);
  CHECK(address == "answer:" + std::to_string(rightOptions(item).front() + 1)); // the right one
  r.press(colour); // "Your favourite colour": not private
  CHECK(r.widget(colour).selected);
  CHECK(r.widget("check").enabled);
  r.press(food); // single choice: choosing another moves the choice
  CHECK_FALSE(r.widget(colour).selected);
  CHECK(r.widget(food).selected);
  r.press("check");
  CHECK(r.quiz().phase() == QuizRunner::Phase::Feedback);
  const std::string shown = r.shown();
  // Kind words, the feedback, and the answer: the right card ticked and named,
  // the pupil's own choice still there and said to be theirs.
  CHECK(contains(shown, "Good try! Here is the answer"));
  CHECK(contains(shown, "Your home address is the one to keep private."));
  const auto all = cardWords(item);
  CHECK(markedAs(shown, "\xE2\x9C\x94 Right answer", labelOf(item, "address"), all));
  CHECK(markedAs(shown, "Your choice", labelOf(item, "food"), all));
  CHECK(contains(shown, labelOf(item, "colour")));
  CHECK_FALSE(markedAs(shown, "Your choice", labelOf(item, "colour"), all));
  CHECK_FALSE(markedAs(shown, "Right answer", labelOf(item, "food"), all));
  CHECK_FALSE(r.has("answer:1")); // shown, not pressed again
  CHECK(r.widget("next").label == "Next");
  CHECK(r.host.events.empty()); // nothing to save until an item is done

  r.press("next"); // on to the next question; no star for this one
  CHECK(r.quiz().itemIndex() == 1);
  CHECK(r.quiz().phase() == QuizRunner::Phase::Answering);
  CHECK(r.quiz().score() == 0);
  CHECK(r.quiz().rightFirstTime(0) == false);
  CHECK(r.count(EventKind::LessonProgress) == 1);
  CHECK(contains(r.shown(), "Question 2 of 5"));
  CHECK(r.screen() == "quiz");
}

TEST_CASE("quiz: a right answer is praised, with the answer shown ticked") {
  QuizRig r([](FakeHost& h) { return quizPlay(h, "y3-smart-explorers", Band::Lks2); });
  const QuizItem& item = r.quiz().item();
  r.press(answerOf(item, "address"));
  r.press("check");
  const std::string shown = r.shown();
  CHECK(contains(shown, "Well done!"));
  CHECK(contains(shown, "Your address could help someone find you"));
  CHECK(markedAs(shown, "\xE2\x9C\x94 Right answer", labelOf(item, "address"), cardWords(item)));
  CHECK_FALSE(contains(shown, "Good try"));
  CHECK(r.widget("next").label == "Next");
  r.press("next");
  CHECK(r.quiz().itemIndex() == 1);
  CHECK(r.quiz().score() == 1);
}

TEST_CASE("quiz: multiple choice toggles each answer, shown with a tick") {
  QuizRig r([](FakeHost& h) {
    auto play = quizPlay(h, "y3-smart-explorers", Band::Lks2);
    auto& q = *play->runner.runnerAs<QuizRunner>();
    q.selectOption(rightOptions(q.item()).front());
    REQUIRE(q.check() == std::optional<bool>(true));
    q.next();
    return play;
  });
  const QuizItem& item = r.quiz().item();
  REQUIRE(item.type == QuizType::Multiple);
  CHECK(r.has("answer:4"));
  CHECK(r.widget("answer:1").role == WidgetRole::Toggle);
  const std::string request = answerOf(item, "request");
  const std::string gems = answerOf(item, "gems-link");
  const std::string attachment = answerOf(item, "attachment");
  const std::string classGame = answerOf(item, "class-game");
  REQUIRE(rightOptions(item).size() == 3); // request, gems link and attachment
  r.press(request);
  r.press(gems);
  r.press(classGame); // the teacher's game: fine to play
  r.press(classGame); // changed their mind
  CHECK(r.widget(request).selected);
  CHECK(r.widget(gems).selected);
  CHECK_FALSE(r.widget(classGame).selected);
  CHECK(contains(r.shown(), "\xE2\x9C\x94")); // ✔ marks what is chosen
  r.press("check");                           // one right answer is missing
  CHECK(r.quiz().lastResult() == false);
  const std::string shown = r.shown();
  CHECK(contains(shown, "Look again"));
  // Every right one is ticked and named, the missed one too; the pupil's own
  // choices say so.
  const std::string tick = "\xE2\x9C\x94 ";
  const auto all = cardWords(item);
  CHECK(markedAs(shown, tick + "Right answer", labelOf(item, "request"), all));
  CHECK(markedAs(shown, tick + "Right answer", labelOf(item, "gems-link"), all));
  CHECK(markedAs(shown, tick + "Right answer", labelOf(item, "attachment"), all));
  CHECK_FALSE(markedAs(shown, "Right answer", labelOf(item, "class-game"), all));
  CHECK(r.widget("next").label == "Next");
  (void)attachment;
}

TEST_CASE("quiz: true or false are two big cards with words and a symbol") {
  QuizRig r([](FakeHost& h) {
    auto play = quizPlay(h, "y3-smart-explorers", Band::Lks2);
    auto& q = *play->runner.runnerAs<QuizRunner>();
    for (int i = 0; i < 2; ++i) {
      q.selectOption(0);
      q.check();
      q.next();
    }
    return play;
  });
  REQUIRE(r.quiz().item().type == QuizType::TrueFalse);
  CHECK(r.widget("answer:1").label == "True");
  CHECK(r.widget("answer:2").label == "False");
  CHECK_FALSE(r.has("answer:3"));
  const std::string shown = r.shown();
  CHECK(contains(shown, "\xE2\x9C\x94")); // ✔ beside True
  CHECK(contains(shown, "\xE2\x9C\x98")); // ✘ beside False
  r.keyPress("answer:1");                 // "it's OK to meet them": not true
  CHECK(r.quiz().trueFalseAnswer() == true);
  r.keyPress("check");
  CHECK(r.quiz().lastResult() == false);
  const std::string after = r.shown();
  CHECK(contains(after, "Never meet up"));
  CHECK(contains(after, "\xE2\x9C\x94 Right answer"));                        // on "False"
  CHECK(contains(after, "Your choice"));                                      // on "True"
  CHECK(after.find("Your choice") < after.find("\xE2\x9C\x94 Right answer")); // True first
  const std::size_t at = r.quiz().itemIndex();
  r.key(Key::PageDown); // the presenter's clicker presses "next"
  CHECK(r.quiz().itemIndex() == at + 1);
  CHECK(r.quiz().phase() == QuizRunner::Phase::Answering);
}

// ---- sorting and ordering -----------------------------------------------------------

namespace {

std::shared_ptr<LessonPlay> atItem(FakeHost& h, const std::string& lesson, Band band,
                                   QuizType type) {
  auto play = quizPlay(h, lesson, band);
  auto& q = *play->runner.runnerAs<QuizRunner>();
  while (!q.isFinished() && q.item().type != type) {
    const QuizItem& it = q.item();
    if (it.type == QuizType::TrueFalse) {
      q.answerTrueFalse(it.answer);
    } else if (it.type == QuizType::Single || it.type == QuizType::Multiple) {
      for (std::size_t i = 0; i < it.options.size(); ++i) {
        if (it.options[i].correct) {
          q.selectOption(i);
        }
      }
    } else if (it.type == QuizType::Sort) {
      for (std::size_t c = 0; c < it.cards.size(); ++c) {
        q.assignCard(c, 0);
      }
    }
    q.check();
    q.next();
  }
  REQUIRE_FALSE(q.isFinished());
  return play;
}

} // namespace

TEST_CASE("quiz: sort by keyboard, picking a card and then its box") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Sort); });
  const QuizItem& item = r.quiz().item();
  CHECK(r.has("item:6"));
  CHECK(r.has("group:1"));
  CHECK(r.has("group:2"));
  CHECK(r.widget("group:1").label == "Keep it private");
  CHECK(contains(r.shown(), "Drag each card"));
  r.keyPress("item:1"); // "My password"
  CHECK(r.widget("item:1").selected);
  CHECK(contains(r.shown(), "Now tap the box"));
  r.keyPress("group:1");
  CHECK(r.quiz().placements()[0] == std::size_t{0});
  CHECK_FALSE(r.widget("item:1").selected);
  // A box pressed with no card picked does nothing.
  r.press("group:2");
  CHECK_FALSE(r.quiz().placements()[1].has_value());
  // Esc puts a picked card down before it would leave the lesson.
  r.press("item:2");
  r.key(Key::Escape);
  CHECK(r.screen() == "quiz");
  CHECK_FALSE(r.widget("item:2").selected);
  // Everything into "OK to share" first: a wrong answer.
  for (std::size_t c = 1; c < item.cards.size(); ++c) {
    r.press("item:" + std::to_string(c + 1));
    r.press("group:2");
  }
  CHECK(r.widget("check").enabled);
  // A placed card is picked again to move it.
  r.press("item:1");
  CHECK(r.widget("item:1").selected);
  r.press("group:2");
  CHECK(r.quiz().placements()[0] == std::size_t{1});
  r.press("item:1");
  r.press("group:1");
  r.press("check");
  CHECK(r.quiz().lastResult() == false);
  const std::string shown = r.shown();
  CHECK(contains(shown, "Check again"));
  INFO(shown);
  // Each card says whether it was in its right box, and where the pupil put it if not.
  const std::string tick = "\xE2\x9C\x94 ";
  for (std::size_t c = 0; c < item.cards.size(); ++c) {
    CAPTURE(c);
    const std::string words = item.cards[c].text.get();
    if (item.cards[c].group == "private" && c > 0) {
      CHECK(markedAs(shown, "You: \xE2\x96\xA0", words, cardWords(item))); // ■: box 2
    } else {
      CHECK(markedAs(shown, tick + "Right", words, cardWords(item)));
    }
  }
  CHECK_FALSE(r.has("item:1")); // shown, not moved again
  CHECK(r.widget("next").label == "Next");
}

TEST_CASE("quiz: sorted rightly, the cards are praised in their boxes") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Sort); });
  const QuizItem& item = r.quiz().item();
  answerRight(r);
  r.press("check");
  CHECK(r.quiz().lastResult() == true);
  const std::string shown = r.shown();
  CHECK(contains(shown, "Great sorting!"));
  CHECK_FALSE(contains(shown, "You: "));
  CHECK(markedAs(shown, "\xE2\x9C\x94 Right", item.cards[0].text.get(), cardWords(item)));
}

TEST_CASE("quiz: sort by dragging a card onto its box, with the mouse or a finger") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Sort); });
  r.drag("item:1", "group:1", false);
  CHECK(r.quiz().placements()[0] == std::size_t{0});
  CHECK_FALSE(r.widget("item:1").selected); // a drag is not a pick
  r.drag("item:4", "group:2", true);        // a finger on the whiteboard
  CHECK(r.quiz().placements()[3] == std::size_t{1});
  // Dragged back onto itself: nothing happens, and it is not picked either.
  r.drag("item:2", "item:2", false);
  const Point a = r.centre("item:2");
  r.host.stack.handle(PointerDown{a.x, a.y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerMove{a.x + r.ctx.u(10), a.y, true, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerMove{a.x, a.y, true, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{a.x, a.y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK_FALSE(r.quiz().placements()[1].has_value());
  CHECK_FALSE(r.widget("item:2").selected);
  // A tap still picks.
  r.host.stack.handle(PointerDown{a.x, a.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{a.x, a.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  CHECK(r.widget("item:2").selected);
  // While dragging, the card follows the finger (drawn where it is held).
  const Point c = r.centre("item:3");
  const Point g = r.centre("group:2");
  r.host.stack.handle(PointerDown{c.x, c.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  CHECK(r.host.stack.handle(PointerMove{g.x, g.y, true, true}, r.ctx, r.host, 0));
  CHECK(contains(r.shown(), r.widget("item:3").label));
  r.host.stack.handle(PointerUp{g.x, g.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  CHECK(r.quiz().placements()[2] == std::size_t{1});
}

TEST_CASE("quiz: put in order by picking a card and then its place") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Order); });
  const QuizItem& item = r.quiz().item();
  REQUIRE(item.cards.size() == 5);
  CHECK(r.has("item:5"));
  CHECK(r.widget("check").enabled); // an arrangement can always be checked
  // The cards as they are arranged now.
  for (std::size_t p = 0; p < 5; ++p) {
    CHECK(r.widget("item:" + std::to_string(p + 1)).label ==
          item.cards[r.quiz().arrangement()[p]].text.get());
  }
  // Picking and pressing the same card again puts it down.
  r.press("item:2");
  CHECK(r.widget("item:2").selected);
  r.press("item:2");
  CHECK_FALSE(r.widget("item:2").selected);
  // The card in place 4 picked, then place 2 pressed: it moves there.
  std::vector<std::size_t> want = r.quiz().arrangement();
  const std::size_t moved = want[3];
  want.erase(want.begin() + 3);
  want.insert(want.begin() + 1, moved);
  r.press("item:4");
  CHECK(contains(r.shown(), "Now tap the place"));
  r.press("item:2");
  CHECK(r.quiz().arrangement() == want);
  CHECK_FALSE(r.widget("item:2").selected);
  answerRight(r);
  CHECK(r.quiz().arrangement() == std::vector<std::size_t>{0, 1, 2, 3, 4});
  r.press("check");
  CHECK(r.quiz().lastResult() == true);
  CHECK(contains(r.shown(), "you know them all"));
}

TEST_CASE("quiz: put in order by dragging") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Order); });
  for (std::size_t t = 0; t < 5; ++t) {
    const std::size_t p = positionOf(r.quiz(), t);
    if (p != t) {
      r.drag("item:" + std::to_string(p + 1), "item:" + std::to_string(t + 1), t % 2 == 0);
    }
    CHECK(r.quiz().arrangement()[t] == t);
  }
  r.press("check");
  CHECK(r.quiz().lastResult() == true);
}

TEST_CASE("quiz: put in the wrong order, the cards are shown in the right one") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Order); });
  const QuizItem& item = r.quiz().item();
  answerRight(r);
  r.press("item:5"); // the last card to the first place
  r.press("item:1");
  r.press("check");
  CHECK(r.quiz().lastResult() == false);
  const std::string shown = r.shown();
  const std::string tick = "\xE2\x9C\x94 ";
  INFO(shown);
  // In the right order, from the first: each says where the pupil had it.
  std::size_t from = 0;
  for (std::size_t c = 0; c < 5; ++c) {
    CAPTURE(c);
    const std::string words = item.cards[c].text.get();
    const std::string mark = c == 4 ? std::string("You: 1") : "You: " + std::to_string(c + 2);
    CHECK(markedAs(shown, mark, words, cardWords(item)));
    const std::size_t at = shown.find("\n" + words + "\n", from);
    CHECK(at != std::string::npos); // each after the one before it
    from = at == std::string::npos ? from : at;
  }
  CHECK_FALSE(contains(shown, tick + "Right"));
}

TEST_CASE("quiz: only the cards being sorted or ordered can be dragged, and only to a place") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Order); });
  CHECK(r.widget("item:1").draggable);
  CHECK_FALSE(r.widget("check").draggable);
  // Dropped back where it began: not moved, and not picked either (a drag is not
  // a press); a tap after it still picks.
  const std::vector<std::size_t> before = r.quiz().arrangement();
  const Point a = r.centre("item:3");
  r.host.stack.handle(PointerDown{a.x, a.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerMove{a.x + r.ctx.u(8), a.y, true, true}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerMove{a.x, a.y, true, true}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{a.x, a.y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  CHECK(r.quiz().arrangement() == before);
  CHECK_FALSE(r.widget("item:3").selected);
  r.host.stack.handle(PointerDown{a.x, a.y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{a.x, a.y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK(r.widget("item:3").selected);
  // A drag puts a picked card down, and a card let go on the "check" button goes back.
  r.drag("item:3", "check", false);
  CHECK(r.quiz().arrangement() == before);
  CHECK_FALSE(r.widget("item:3").selected);
  CHECK_FALSE(r.quiz().lastResult().has_value());

  QuizRig s(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Sort); });
  CHECK(s.widget("item:1").draggable);
  CHECK_FALSE(s.widget("group:1").draggable);
  s.drag("item:1", "item:2", false); // onto another card, not a box: nothing
  CHECK_FALSE(s.quiz().placements()[0].has_value());
  CHECK_FALSE(s.quiz().placements()[1].has_value());
  s.drag("item:1", "group:2", false);
  CHECK(s.quiz().placements()[0] == std::size_t{1});
}

// ---- progress -----------------------------------------------------------------------

TEST_CASE("quiz: the young see stars, never numbers; the star is for right first time") {
  QuizRig r([](FakeHost& h) { return quizPlay(h, "y2-ask-before-you-click", Band::Ks1); });
  REQUIRE(r.quiz().item().type == QuizType::Multiple);
  std::string shown = r.shown();
  CHECK(contains(shown, "\xE2\x98\x86"));       // ☆
  CHECK_FALSE(contains(shown, "\xE2\x98\x85")); // no ★ yet
  CHECK_FALSE(contains(shown, "Question"));
  CHECK_FALSE(contains(shown, " of 3"));
  answerRight(r);
  r.press("check");
  CHECK(contains(r.shown(), "\xE2\x98\x85")); // right first time: a star at once
  r.press("next");
  // The second item: wrong, so no star for that one; the answer is shown, then on.
  const std::vector<std::size_t> right = rightOptions(r.quiz().item());
  const std::size_t wrong = std::find(right.begin(), right.end(), 0u) == right.end() ? 1 : 2;
  r.press("answer:" + std::to_string(wrong));
  r.press("check");
  CHECK(r.quiz().lastResult() == false);
  r.press("next");
  CHECK(r.quiz().itemIndex() == 2);
  CHECK(r.quiz().score() == 1);
  shown = r.shown();
  CHECK_FALSE(contains(shown, "Question"));
  // Options: at most three in a row, pictures where the content has them.
  const Widget& a = r.widget("answer:1");
  const Widget& b = r.widget("answer:3");
  CHECK(a.rect.y == b.rect.y);
}

TEST_CASE("quiz: the older see which question they are on") {
  QuizRig r([](FakeHost& h) { return quizPlay(h, "y3-smart-explorers", Band::Lks2); });
  const std::string shown = r.shown();
  CHECK(contains(shown, "Question 1 of 5"));
  CHECK_FALSE(contains(shown, "\xE2\x98\x86"));
}

TEST_CASE("quiz: the last item finishes the step and records the score") {
  QuizRig r([](FakeHost& h) { return quizPlay(h, "y3-smart-explorers", Band::Lks2); });
  for (int i = 0; i < 5; ++i) {
    CAPTURE(i);
    answerRight(r);
    r.press("check");
    REQUIRE(r.quiz().lastResult() == true);
    r.press("next");
  }
  CHECK(r.quiz().isFinished());
  CHECK(r.count(EventKind::LessonProgress) == 5); // after every item
  const std::string shown = r.shown();
  CHECK(contains(shown, "You finished the quiz!"));
  CHECK(contains(shown, "You got 5 of 5 right the first time."));
  CHECK(r.widget("next").enabled);
  r.press("next");
  CHECK(r.play->runner.stepIndex() == 3);
  const auto done = std::find_if(r.host.events.begin(), r.host.events.end(), [](const Event& e) {
    return e.kind == EventKind::ActivityCompleted;
  });
  REQUIRE(done != r.host.events.end());
  CHECK(done->activityId == "smart-quiz");
  CHECK(done->pupilId == kSian);
  CHECK(done->score == std::int64_t{5});
  CHECK(done->maxScore == std::int64_t{5});
  CHECK(contains(done->choices, "personal-info:address"));
}

TEST_CASE("quiz: back leaves the lesson; nothing is recorded for a guest") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&play](FakeHost& h) {
    h.signInGuest();
    h.stack.push(makeButterflyScreen()); // something under the lesson to go back to
    play = quizPlay(h, "y3-smart-explorers", Band::Lks2);
    return makeQuizScreen(play);
  });
  const QuizItem& first = play->runner.runnerAs<QuizRunner>()->item();
  r.press("answer:" + std::to_string(rightOptions(first).front() + 1));
  r.press("check");
  r.press("next");
  CHECK(play->runner.runnerAs<QuizRunner>()->itemIndex() == 1);
  CHECK(r.host.events.empty());
  CHECK(r.host.stack.depth() == 2);
  r.press("back");
  CHECK(r.host.stack.depth() == 1);
  CHECK(r.screen() == "butterfly");
}

TEST_CASE("quiz: an item with narration reads itself on arrival and has read to me") {
  static Pack pack = *coreEntry().result.pack;
  for (Lesson& l : pack.lessons) {
    if (l.id != "y1-keep-it-to-myself") {
      continue;
    }
    for (Step& s : l.steps) {
      if (auto* q = std::get_if<QuizActivity>(&s.activity)) {
        AssetRef a;
        a.byLang = {{"en-GB", "audio/game-name.ogg"}};
        q->items[0].narration.reset();
        q->items[1].narration = a;
      }
    }
  }
  QuizRig r([](FakeHost& h) { return quizPlay(h, pack, "y1-keep-it-to-myself", Band::Ks1); });
  r.host.settings.narration = Narration::Auto;
  CHECK_FALSE(r.has("read-aloud")); // the first item has none
  r.press("answer:1");
  r.press("check");
  r.press("next");
  REQUIRE(r.quiz().itemIndex() == 1);
  const auto heard = [&] {
    return std::count_if(r.host.audio.played.begin(), r.host.audio.played.end(),
                         [](const std::string& s) { return contains(s, "audio/game-name.ogg"); });
  };
  CHECK(heard() == 1);
  CHECK(r.has("read-aloud"));
  r.press("read-aloud");
  CHECK(heard() == 2);
}

// ---- room for everything -----------------------------------------------------------

namespace {

// Everything the top screen draws in `ctx` (a size, text size and font of its own).
std::string drawnAt(QuizRig& r, UiContext ctx) {
  std::vector<std::string> log;
  headless().text->setDrawnTextLog(&log);
  r.host.stack.draw(ctx);
  headless().text->setDrawnTextLog(nullptr);
  std::string all;
  for (const auto& s : log) {
    all += s + "\n";
  }
  return all;
}

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

} // namespace

TEST_CASE("quiz: the saved mark keeps clear of the check button and the question number") {
  for (const float scale : {1.0f, 2.0f}) {
    for (const Size size : {Size{1024, 768}, Size{1280, 720}, Size{3840, 2160}}) {
      CAPTURE(scale);
      CAPTURE(size.width);
      // The item before the sort question done by presses, so the store said "saved".
      QuizRig r([](FakeHost& h) {
        return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::TrueFalse);
      });
      answerRight(r);
      r.press("check");
      r.press("next");
      REQUIRE(r.quiz().item().type == QuizType::Sort);
      REQUIRE(r.play->saveMark() == LessonSession::SaveMark::Saved);
      UiContext ctx = uiContext(headless(), standardTheme(), size, scale);
      ctx.family = FontFamily::OpenDyslexic;
      const std::string shown = drawnAt(r, ctx);
      CHECK(contains(shown, "\xE2\x9C\x93 Saved"));
      CHECK(contains(shown, "Question 4 of 5"));
      CHECK_FALSE(contains(shown, "Question 4\xE2\x80\xA6"));
      const WidgetList widgets = r.host.stack.layout(ctx);
      const Rect mark = saveMarkRect(ctx, widgets);
      CHECK(mark.w > 0);
      for (const Widget& w : widgets) {
        CAPTURE(w.id);
        CHECK_FALSE(overlap(w.rect, mark));
      }
      const QuizPlan plan = planQuiz(ctx, &r.quiz(), false, std::nullopt);
      CHECK_FALSE(overlap(plan.progress, mark));
      CHECK_FALSE(overlap(plan.progress, findWidget(widgets, "check")->rect));
    }
  }
}

// ---- room ---------------------------------------------------------------------------

TEST_CASE("quiz: cards needing more room than the screen has scroll under the question, "
          "every word whole") {
  // Long cards, the biggest text, OpenDyslexic, a 4:3 projector.
  QuizRig r([](FakeHost& h) {
    return atItem(h, "y5-think-before-you-share", Band::Uks2, QuizType::Sort);
  });
  UiContext ctx = uiContext(headless(), standardTheme(), Size{1024, 768}, 2.0f);
  ctx.family = FontFamily::OpenDyslexic;
  const QuizPlan plan = planQuiz(ctx, &r.quiz(), false, std::nullopt);
  REQUIRE(plan.scrolls);
  CHECK(plan.scrollNeed > plan.view.h);
  // Every card's words whole, at the pupil's detail size or larger.
  CHECK(plan.cardsCut == 0);
  CHECK(plan.cardFont.pixelSize >= ctx.font(text_size::kDetail, FontWeight::Bold).pixelSize);
  // The boxes stay in view under what scrolls.
  for (const QuizPart& part : plan.parts) {
    if (part.kind == QuizPartKind::Group) {
      CHECK(part.fixed);
      CHECK(part.widget.rect.y >= plan.view.bottom());
    }
  }
  // The last card is out of sight, so no target, until the cue pages on to it.
  const std::string last = "item:" + std::to_string(r.quiz().item().cards.size());
  const auto shown = [&](const std::string& id) {
    return findWidget(r.host.stack.layout(ctx), id) != nullptr;
  };
  CHECK_FALSE(shown(last));
  REQUIRE(shown("more"));
  for (int i = 0; i < 60 && !shown(last); ++i) {
    r.host.stack.press("more", r.host, 0);
  }
  CHECK(shown(last));
  // A card shown is a target only where it shows: inside the view.
  for (const Widget& w : r.host.stack.layout(ctx)) {
    if (w.id.rfind("item:", 0) == 0) {
      CAPTURE(w.id);
      CHECK(w.rect.y >= plan.view.y - 0.5f);
      CHECK(w.rect.bottom() <= plan.view.bottom() + 0.5f);
    }
  }
}

TEST_CASE("quiz: with room enough nothing scrolls") {
  QuizRig r(
      [](FakeHost& h) { return atItem(h, "y3-smart-explorers", Band::Lks2, QuizType::Sort); });
  const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720}, 1.0f);
  const QuizPlan plan = planQuiz(ctx, &r.quiz(), false, std::nullopt);
  CHECK_FALSE(plan.scrolls);
  CHECK(plan.cardsCut == 0);
  CHECK_FALSE(findWidget(r.host.stack.layout(ctx), "more") != nullptr);
}
