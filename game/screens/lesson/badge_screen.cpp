#include "screens/lesson/badge_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <cmath>

namespace sq {

namespace {

class BadgeScreen final : public Screen {
public:
  explicit BadgeScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "badge"; }
  std::string firstFocus() const override { return "next"; }

  void layout(const UiContext& ctx, WidgetList& out) override {
    addStepBack(ctx, out);
    const bool badge = mPlay->runner.phase() == LessonRunner::Phase::Badge;
    addStepBottom(ctx, out, false, ctx.tr(badge ? "lesson.done" : "lesson.next"));
  }

  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override {
    const Theme& t = ctx.theme;
    const Lesson& lesson = *mPlay->lesson;
    const Rect area = stepContentArea(ctx);
    if (mPlay->runner.phase() == LessonRunner::Phase::Reflection) {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.think"), widgets);
      const float w = std::min(area.w, ctx.u(150));
      const Rect col{std::round(area.x + (area.w - w) / 2), area.y, w, area.h};
      float y = col.y + ctx.u(4);
      y += drawTextBlock(ctx, inLang(ctx, lesson.reflection),
                         ctx.font(text_size::kTitle, FontWeight::Bold),
                         Rect{col.x, y, col.w, col.h * 0.6f}, TextAlign::Centre, t.text, 5);
      drawTextBlock(ctx, ctx.tr(mPlay->wholeClass() ? "badge.talk-class" : "badge.talk"),
                    ctx.font(text_size::kBody), Rect{col.x, y + ctx.u(4), col.w, col.bottom() - y},
                    TextAlign::Centre, t.mutedText, 3);
    } else {
      drawStepHeader(ctx, *mPlay, ctx.tr("badge.well-done"), widgets);
      const float pic = std::round(std::min(area.h * 0.62f, area.w * 0.4f));
      const Rect picture{std::round(area.x + (area.w - pic) / 2), area.y + ctx.u(1), pic, pic};
      if (lesson.badge.picture) {
        drawPicture(ctx, mPlay->asset(lesson.badge.picture->src), picture);
      } else {
        // A plain rosette: a ring of the accent colour round a star.
        ctx.renderer.fillRoundedRect(picture, pic / 2, t.accent);
        drawIcon(ctx, "\xE2\x98\x85", picture, pic / ctx.unit() * 0.6f, t.accentText); // ★
      }
      float y = picture.bottom() + ctx.u(2);
      y += drawTextBlock(ctx, inLang(ctx, lesson.badge.title),
                         ctx.font(text_size::kTitle, FontWeight::Bold),
                         Rect{area.x, y, area.w, area.bottom() - y}, TextAlign::Centre, t.text, 2);
      drawTextBlock(ctx, ctx.tr("badge.earned"), ctx.font(text_size::kBody),
                    Rect{area.x, y + ctx.u(1), area.w, area.bottom() - y}, TextAlign::Centre,
                    t.mutedText, 2);
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
};

} // namespace

std::unique_ptr<Screen> makeBadgeScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<BadgeScreen>(std::move(play));
}

} // namespace sq
