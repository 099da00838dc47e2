#include "screens/lesson/badge_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// The sizes the large words try, largest first: a size is given up only when
// the words do not fit the screen whole (never below the detail size, which
// follows the pupil's text size).
constexpr float kLargeSizes[] = {text_size::kTitle, text_size::kHeading, text_size::kBody,
                                 text_size::kDetail};

class BadgeScreen final : public Screen {
public:
  explicit BadgeScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "badge"; }
  std::string firstFocus() const override { return "next"; }

  void layout(const UiContext& ctx, WidgetList& out) override {
    addStepBack(ctx, out);
    const bool badge = mPlay->runner.phase() == LessonRunner::Phase::Badge;
    mPlan = Plan{};
    mScroll.place(ctx, Rect{}, 0); // nothing scrolls unless the reflection needs it
    const Lesson& lesson = *mPlay->lesson;
    const Rect area = stepContentArea(ctx);
    if (!badge) {
      layoutReflection(ctx, area, inLang(ctx, lesson.reflection),
                       ctx.tr(mPlay->wholeClass() ? "badge.talk-class" : "badge.talk"));
    } else {
      layoutBadge(ctx, area, inLang(ctx, lesson.badge.title), ctx.tr("badge.earned"));
    }
    mScroll.addWidget(ctx, out); // when the words scroll
    addStepBottom(ctx, out, false, ctx.tr(badge ? "lesson.done" : "lesson.next"));
  }

  bool key(const KeyDown& k, UiHost& host) override {
    (void)host;
    return mScroll.key(k);
  }
  bool pointer(const InputEvent& e, const UiContext& ctx) override {
    return mScroll.handle(e, ctx);
  }

  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override {
    const Theme& t = ctx.theme;
    const Lesson& lesson = *mPlay->lesson;
    if (mPlay->runner.phase() == LessonRunner::Phase::Reflection) {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.think"), widgets);
      mScroll.begin(ctx);
      const float dy = mScroll.scrolls() ? mScroll.offset() : 0.0f;
      Rect q = mPlan.first;
      Rect h = mPlan.second;
      q.y -= dy;
      h.y -= dy;
      drawTextBlock(ctx, inLang(ctx, lesson.reflection), mPlan.firstFont, q, TextAlign::Centre,
                    t.text);
      drawTextBlock(ctx, ctx.tr(mPlay->wholeClass() ? "badge.talk-class" : "badge.talk"),
                    mPlan.secondFont, h, TextAlign::Centre, t.mutedText);
      mScroll.end(ctx);
    } else {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.well-done"), widgets);
      const Rect& picture = mPlan.picture;
      if (picture.w <= 0) {
        // No room left for the picture at this text size: the words come first.
      } else if (lesson.badge.picture) {
        drawPicture(ctx, mPlay->asset(lesson.badge.picture->src), picture);
      } else {
        // A plain rosette: a ring of the accent colour round a star.
        ctx.renderer.fillRoundedRect(picture, picture.w / 2, t.accent);
        drawIcon(ctx, "\xE2\x98\x85", picture, picture.w / ctx.unit() * 0.6f, t.accentText); // ★
      }
      drawTextBlock(ctx, inLang(ctx, lesson.badge.title), mPlan.firstFont, mPlan.first,
                    TextAlign::Centre, t.text);
      drawTextBlock(ctx, ctx.tr("badge.earned"), mPlan.secondFont, mPlan.second, TextAlign::Centre,
                    t.mutedText);
    }
    drawStepButtons(ctx, widgets, v);
  }

  void activate(std::string_view widgetId, UiHost& host) override {
    if (widgetId == "more") {
      mScroll.page();
    } else if (widgetId == "back") {
      host.nav().pop();
    } else if (widgetId == "next") {
      if (mPlay->runner.phase() == LessonRunner::Phase::Badge) {
        host.sound().playEffect("badge");
      }
      mScroll.reset();
      finishStep(mPlay, host);
    }
  }

private:
  // The question, large, and under it the suggestion to think or talk: in a
  // column of a calm width when they fit it, else the whole width; the question's
  // size steps down once when the words do not fit, and then they scroll.
  void layoutReflection(const UiContext& ctx, const Rect& area, std::string_view question,
                        std::string_view talk) {
    const float top = ctx.u(4);
    const float gap = ctx.u(4);
    const FontSpec body = ctx.font(text_size::kBody);
    auto need = [&](float w, const FontSpec& q, const FontSpec& h) {
      return top + textBlockHeight(ctx, question, q, w) + gap + textBlockHeight(ctx, talk, h, w);
    };
    float w = std::min(area.w, ctx.u(150));
    if (need(w, ctx.font(text_size::kTitle, FontWeight::Bold), body) > area.h) {
      w = area.w;
    }
    // The question steps down once; words still taller than the room scroll.
    mPlan.firstFont = ctx.font(text_size::kHeading, FontWeight::Bold);
    mPlan.secondFont = body;
    for (const float size : {text_size::kTitle, text_size::kHeading}) {
      const FontSpec q = ctx.font(size, FontWeight::Bold);
      if (need(w, q, body) <= area.h) {
        mPlan.firstFont = q;
        break;
      }
    }
    const bool scrolls = need(w, mPlan.firstFont, body) > area.h;
    if (scrolls) {
      w = std::min(w, area.w - 2 * ScrollBox::gutter(ctx));
      mScroll.place(ctx, area, need(w, mPlan.firstFont, body));
    }
    const float x = std::round(area.x + (area.w - w) / 2);
    const float y = area.y + top;
    const float qH = textBlockHeight(ctx, question, mPlan.firstFont, w);
    mPlan.first = Rect{x, y, w, qH};
    const float hY = y + qH + gap;
    mPlan.second = Rect{x, hY, w, textBlockHeight(ctx, talk, mPlan.secondFont, w)};
  }

  // The badge's picture, its name, and that it was earned: the picture gives up
  // room so the name and the words under it are whole.
  void layoutBadge(const UiContext& ctx, const Rect& area, std::string_view title,
                   std::string_view earned) {
    const float above = ctx.u(1);
    const float gap1 = ctx.u(2);
    const float gap2 = ctx.u(1);
    const float minPic = ctx.u(16);
    const float biggest = std::round(std::min(area.h * 0.62f, area.w * 0.4f));
    const FontSpec body = ctx.font(text_size::kBody);
    const float earnedH = textBlockHeight(ctx, earned, body, area.w);
    float pic = 0;
    float titleH = 0;
    for (const float size : kLargeSizes) {
      mPlan.firstFont = ctx.font(size, FontWeight::Bold);
      titleH = textBlockHeight(ctx, title, mPlan.firstFont, area.w);
      pic = std::min(biggest, std::floor(area.h - above - gap1 - titleH - gap2 - earnedH));
      if (pic >= minPic) {
        break;
      }
    }
    pic = std::max(0.0f, pic);
    mPlan.secondFont = body;
    mPlan.picture = Rect{std::round(area.x + (area.w - pic) / 2), area.y + above, pic, pic};
    float y = pic > 0 ? mPlan.picture.bottom() + gap1 : area.y;
    mPlan.first = Rect{area.x, y, area.w, titleH};
    y += titleH + gap2;
    mPlan.second = Rect{area.x, y, area.w, earnedH};
  }

  std::shared_ptr<LessonPlay> mPlay;
  ScrollBox mScroll; // the reflection's words, when they are taller than the room
  // From the last layout pass, for draw(): the badge's picture (the badge only),
  // the large words (the question, or the badge's name) and the words under them.
  struct Plan {
    Rect picture;
    Rect first;
    Rect second;
    FontSpec firstFont;
    FontSpec secondFont;
  } mPlan;
};

} // namespace

std::unique_ptr<Screen> makeBadgeScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<BadgeScreen>(std::move(play));
}

} // namespace sq
