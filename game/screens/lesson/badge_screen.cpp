#include "screens/lesson/badge_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// The height drawTextBlock uses for `text` in `box`: at most `maxLines` lines, and
// no more than the box holds (always at least one).
float drawnHeight(const UiContext& ctx, std::string_view text, const FontSpec& spec,
                  const Rect& box, int maxLines) {
  const float lineH = ctx.text.metrics(spec).lineHeight();
  const int fit = std::max(1, static_cast<int>((box.h + 0.5f) / lineH));
  return std::min(textBlockHeight(ctx, text, spec, box.w, maxLines),
                  static_cast<float>(fit) * lineH);
}

class BadgeScreen final : public Screen {
public:
  explicit BadgeScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "badge"; }
  std::string firstFocus() const override { return "next"; }

  void layout(const UiContext& ctx, WidgetList& out) override {
    addStepBack(ctx, out);
    const bool badge = mPlay->runner.phase() == LessonRunner::Phase::Badge;
    addStepBottom(ctx, out, false, ctx.tr(badge ? "lesson.done" : "lesson.next"));
    mPlan = Plan{};
    const Lesson& lesson = *mPlay->lesson;
    const Rect area = stepContentArea(ctx);
    if (!badge) {
      // The question, large, and under it the suggestion to think or talk.
      const float w = std::min(area.w, ctx.u(150));
      const Rect col{std::round(area.x + (area.w - w) / 2), area.y, w, area.h};
      float y = col.y + ctx.u(4);
      mPlan.first = Rect{col.x, y, col.w, col.h * 0.6f};
      y += drawnHeight(ctx, inLang(ctx, lesson.reflection),
                       ctx.font(text_size::kTitle, FontWeight::Bold), mPlan.first, 5);
      mPlan.second = Rect{col.x, y + ctx.u(4), col.w, col.bottom() - y};
    } else {
      // The badge's picture, its name, and that it was earned.
      const float pic = std::round(std::min(area.h * 0.62f, area.w * 0.4f));
      mPlan.picture = Rect{std::round(area.x + (area.w - pic) / 2), area.y + ctx.u(1), pic, pic};
      float y = mPlan.picture.bottom() + ctx.u(2);
      mPlan.first = Rect{area.x, y, area.w, area.bottom() - y};
      y += drawnHeight(ctx, inLang(ctx, lesson.badge.title),
                       ctx.font(text_size::kTitle, FontWeight::Bold), mPlan.first, 2);
      mPlan.second = Rect{area.x, y + ctx.u(1), area.w, area.bottom() - y};
    }
  }

  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override {
    const Theme& t = ctx.theme;
    const Lesson& lesson = *mPlay->lesson;
    if (mPlay->runner.phase() == LessonRunner::Phase::Reflection) {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.think"), widgets);
      drawTextBlock(ctx, inLang(ctx, lesson.reflection),
                    ctx.font(text_size::kTitle, FontWeight::Bold), mPlan.first, TextAlign::Centre,
                    t.text, 5);
      drawTextBlock(ctx, ctx.tr(mPlay->wholeClass() ? "badge.talk-class" : "badge.talk"),
                    ctx.font(text_size::kBody), mPlan.second, TextAlign::Centre, t.mutedText, 3);
    } else {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.well-done"), widgets);
      const Rect& picture = mPlan.picture;
      if (lesson.badge.picture) {
        drawPicture(ctx, mPlay->asset(lesson.badge.picture->src), picture);
      } else {
        // A plain rosette: a ring of the accent colour round a star.
        ctx.renderer.fillRoundedRect(picture, picture.w / 2, t.accent);
        drawIcon(ctx, "\xE2\x98\x85", picture, picture.w / ctx.unit() * 0.6f, t.accentText); // ★
      }
      drawTextBlock(ctx, inLang(ctx, lesson.badge.title),
                    ctx.font(text_size::kTitle, FontWeight::Bold), mPlan.first, TextAlign::Centre,
                    t.text, 2);
      drawTextBlock(ctx, ctx.tr("badge.earned"), ctx.font(text_size::kBody), mPlan.second,
                    TextAlign::Centre, t.mutedText, 2);
    }
    drawStepButtons(ctx, widgets, v);
  }

  void activate(std::string_view widgetId, UiHost& host) override {
    if (widgetId == "back") {
      host.nav().pop();
    } else if (widgetId == "next") {
      if (mPlay->runner.phase() == LessonRunner::Phase::Badge) {
        host.sound().playEffect("badge");
      }
      finishStep(mPlay, host);
    }
  }

private:
  std::shared_ptr<LessonPlay> mPlay;
  // From the last layout pass, for draw(): the badge's picture (the badge only),
  // the large words (the question, or the badge's name) and the words under them.
  struct Plan {
    Rect picture;
    Rect first;
    Rect second;
  } mPlan;
};

} // namespace

std::unique_ptr<Screen> makeBadgeScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<BadgeScreen>(std::move(play));
}

} // namespace sq
