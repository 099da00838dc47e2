#include "screens/lesson/quiz_screen.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/quiz_draw.hpp"
#include "screens/lesson/quiz_layout.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace sq {

namespace {

// The quiz screen: its layout pass plans it (quiz_layout), its drawing draws the
// plan (quiz_draw); here is what pressing, picking and dropping do. What the
// pupil has answered, and whether each item was right first time, is the
// runner's; the screen keeps only the card picked to move and the plan.
class QuizScreen final : public Screen {
public:
  explicit QuizScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "quiz"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool pointer(const InputEvent& e, const UiContext& ctx) override {
    return mScroll.handle(e, ctx);
  }
  void dragStarted(std::string_view widgetId) override;
  void dropped(std::string_view widgetId, std::string_view onto, UiHost& host) override;
  std::string firstFocus() const override;

private:
  QuizRunner* runner() const { return mPlay->runner.runnerAs<QuizRunner>(); }
  void clearPick() { mPicked.reset(); }

  std::shared_ptr<LessonPlay> mPlay;
  // "Pick it, then tap where it goes": the card picked (sort: card index; order:
  // its position in the arrangement).
  std::optional<std::size_t> mPicked;
  QuizPlan mPlan;    // from the last layout pass
  ScrollBox mScroll; // what is under the question, when it scrolls
};

// A part's widget where the scroll puts it: cut to the view, so it is pressed
// only where it shows and never lies over the question or the buttons. None
// when too little of it shows to be a target (`least` tall): ▼ brings it in.
std::optional<Rect> scrolledRect(const Rect& r, const Rect& view, float offset, float least) {
  const Rect at{r.x, r.y - offset, r.w, r.h};
  const float top = std::clamp(at.y, view.y, view.bottom());
  const float bottom = std::clamp(at.bottom(), view.y, view.bottom());
  if (bottom - top < std::min(at.h, least)) {
    return std::nullopt;
  }
  return Rect{at.x, top, at.w, bottom - top};
}

// The widget for the scroll cue: the round ▼ (▲ at the end) with room round it
// to be a target, in the gutter the cards keep clear.
Rect cueTarget(const UiContext& ctx, const ScrollBox& scroll) {
  const Rect cue = scroll.cueRect(ctx);
  const Rect& box = scroll.box();
  const float side = std::min(std::ceil(ctx.u(9)), box.h);
  const bool atTop = cue.y <= box.y;
  return Rect{box.right() - side, atTop ? box.y : box.bottom() - side, side, side};
}

void QuizScreen::layout(const UiContext& ctx, WidgetList& out) {
  addStepBack(ctx, out);
  const QuizRunner* r = runner();
  mPlan = planQuiz(ctx, r, mPlay->youngBand(), mPicked);
  if (r == nullptr) {
    return;
  }
  mScroll.place(ctx, mPlan.view, mPlan.scrollNeed);
  if (mPlan.reveal) {
    // The answer is shown, not pressed: the whole view pages on when it scrolls.
    mScroll.addWidget(ctx, out);
  } else {
    for (const QuizPart& part : mPlan.parts) {
      Widget w = part.widget;
      if (!part.fixed) {
        const std::optional<Rect> at =
            scrolledRect(w.rect, mPlan.view, mScroll.offset(), std::ceil(ctx.u(8.5f)));
        if (!at) {
          continue;
        }
        w.rect = *at;
      }
      out.push_back(w);
    }
    if (mScroll.scrolls()) {
      // The cards are pressed themselves: only the cue pages on.
      out.push_back(Widget{"more", cueTarget(ctx, mScroll), ctx.tr("lesson.scroll-more"),
                           WidgetRole::Button});
    }
  }
  addStepBottom(ctx, out, !r->isFinished() && r->item().narration.has_value(), std::string());
  out.push_back(mPlan.action);
}

void QuizScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  if (v.focusVisible) {
    // The keyboard (or a switch) on a card out of sight: scroll it into view.
    if (const QuizPart* part = findPart(mPlan, v.focused); part != nullptr && !part->fixed) {
      const Rect& r = part->widget.rect;
      const Rect& view = mPlan.view;
      const float top = r.y - mScroll.offset();
      if (top < view.y) {
        mScroll.scrollBy(top - view.y);
      } else if (top + r.h > view.bottom()) {
        mScroll.scrollBy(std::min(top - view.y, top + r.h - view.bottom()));
      }
    }
  }
  drawQuiz(ctx, *mPlay, runner(), mPlan, mPicked.has_value(), widgets, v, mScroll);
}

std::string QuizScreen::firstFocus() const {
  const QuizRunner* r = runner();
  if (r == nullptr || r->phase() != QuizRunner::Phase::Answering) {
    return "next";
  }
  switch (r->item().type) {
  case QuizType::Single:
  case QuizType::Multiple:
  case QuizType::TrueFalse:
    return "answer:1";
  case QuizType::Order:
  case QuizType::Sort:
    return "item:1";
  }
  return {};
}

// ---- input ----------------------------------------------------------------------

void QuizScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.nav().pop();
    return;
  }
  QuizRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  if (widgetId == "read-aloud") {
    if (!r->isFinished()) {
      narrate(*mPlay, host, r->item().narration, false);
    }
    return;
  }
  if (widgetId == "more") {
    mScroll.page();
    return;
  }
  if (widgetId == "check") {
    const std::optional<bool> right = r->check();
    if (right) {
      clearPick();     // the runner keeps whether it was right first time
      mScroll.reset(); // the feedback first
    }
    return;
  }
  if (widgetId == "next") {
    if (r->isFinished()) {
      finishStep(mPlay, host);
    } else if (r->phase() == QuizRunner::Phase::Feedback) {
      // Right or not, the answer has been shown: on to the next question.
      if (r->next()) {
        clearPick();
        mScroll.reset();
        saveProgress(*mPlay, host);
        if (!r->isFinished()) {
          narrate(*mPlay, host, r->item().narration, true);
        }
      }
    }
    return;
  }
  if (r->phase() != QuizRunner::Phase::Answering) {
    return;
  }
  const QuizItem& item = r->item();
  if (const auto n = WidgetId::parse(widgetId).numbered("answer")) {
    if (item.type == QuizType::TrueFalse) {
      if (*n <= 2) {
        r->answerTrueFalse(*n == 1);
      }
    } else {
      r->selectOption(*n - 1);
    }
  } else if (const auto item1 = WidgetId::parse(widgetId).numbered("item")) {
    const std::size_t at = *item1 - 1;
    if (item.type == QuizType::Order && at < r->arrangement().size()) {
      if (mPicked && *mPicked != at) {
        r->moveCard(*mPicked, at);
        clearPick();
      } else {
        mPicked = mPicked ? std::nullopt : std::optional<std::size_t>(at);
      }
    } else if (item.type == QuizType::Sort && at < item.cards.size()) {
      mPicked = mPicked && *mPicked == at ? std::nullopt : std::optional<std::size_t>(at);
    }
  } else if (const auto group1 = WidgetId::parse(widgetId).numbered("group")) {
    if (item.type == QuizType::Sort && mPicked && r->assignCard(*mPicked, *group1 - 1)) {
      clearPick();
    }
  }
}

bool QuizScreen::key(const KeyDown& k, UiHost& host) {
  (void)host;
  // Once checked there is nothing to choose: the arrows scroll.
  if (mPlan.reveal && mScroll.key(k)) {
    return true;
  }
  // Esc puts a picked card down before it leaves the lesson.
  if (k.key == Key::Escape && !k.repeat && mPicked) {
    clearPick();
    return true;
  }
  return false;
}

void QuizScreen::dragStarted(std::string_view widgetId) {
  (void)widgetId;
  clearPick(); // a drag replaces a pick
}

void QuizScreen::dropped(std::string_view widgetId, std::string_view onto, UiHost& host) {
  (void)host;
  QuizRunner* r = runner();
  const QuizPart* card = findPart(mPlan, widgetId);
  const QuizPart* target = findPart(mPlan, onto);
  if (r == nullptr || r->phase() != QuizRunner::Phase::Answering || card == nullptr ||
      target == nullptr) {
    return; // let go somewhere it cannot go: it goes back
  }
  if (card->kind == QuizPartKind::SortCard && target->kind == QuizPartKind::Group) {
    r->assignCard(card->index, target->index);
  } else if (card->kind == QuizPartKind::OrderCard && target->kind == QuizPartKind::OrderCard) {
    r->moveCard(card->index, target->index);
  }
}

} // namespace

std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<LessonPlay> play) {
  if (!play || play->runner.runnerAs<QuizRunner>() == nullptr) {
    return nullptr;
  }
  return std::make_unique<QuizScreen>(std::move(play));
}

} // namespace sq
