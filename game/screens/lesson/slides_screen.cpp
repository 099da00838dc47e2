#include "screens/lesson/slides_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makeSlidesScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<SlidesScreen>(std::move(play));
}

void SlidesScreen::layout(const UiContext& ctx, WidgetList& out) {
  addStepBack(ctx, out);
  const SlidesRunner* r = runner();
  const bool narrated = r != nullptr && r->count() > 0 && r->current().narration.has_value();
  addStepBottom(ctx, out, narrated, ctx.tr("lesson.next"), r != nullptr);
  // Where the slide's picture and words go, and the size its words fit at.
  mPlan = Plan{};
  if (r != nullptr && r->count() > 0) {
    const Slide& slide = r->current();
    const Rect c = stepContentArea(ctx);
    // The young read least and look most: the largest words.
    const float units = mPlay->youngBand() ? text_size::kTitle : text_size::kHeading;
    const std::string& words = inLang(ctx, slide.text);
    if (slide.picture) {
      const float gap = std::round(ctx.u(5));
      const float pw = std::round(std::min(c.w * 0.48f, c.h * 4 / 3));
      mPlan.picture = Rect{c.x, c.y, pw, c.h};
      mPlan.text = Rect{c.x + pw + gap, c.y, std::max(1.0f, c.w - pw - gap), c.h};
    } else {
      const float w = std::min(c.w, ctx.u(150));
      mPlan.text = Rect{std::round(c.x + (c.w - w) / 2), c.y, w, c.h};
    }
    mPlan.font = fitFont(ctx, words, mPlan.text, {units}, FontWeight::Bold, kShrinkToDetail);
  }
}

void SlidesScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawStepHeader(ctx, *mPlay, step_view::title(ctx, *mPlay), widgets);
  const SlidesRunner* r = runner();
  if (r != nullptr && r->count() > 0) {
    const Slide& slide = r->current();
    const std::string& words = inLang(ctx, slide.text);
    if (slide.picture) {
      step_view::drawPicture(ctx, *mPlay, *slide.picture, mPlan.picture);
      drawTextBlock(ctx, words, mPlan.font, mPlan.text, TextAlign::Left, t.text, 0, true);
    } else {
      drawTextBlock(ctx, words, mPlan.font, mPlan.text, TextAlign::Centre, t.text, 0, true);
    }
    // Where we are in the slides: a dot each, between "read to me" and "next".
    const std::size_t n = r->count();
    const float d = std::round(ctx.u(2.6f));
    const float gap = std::round(ctx.u(2));
    const float total = static_cast<float>(n) * d + static_cast<float>(n - 1) * gap;
    const float vw = static_cast<float>(ctx.viewport.width);
    const Widget* next = findWidget(widgets, "next");
    const float cy = next != nullptr ? next->rect.y + next->rect.h / 2
                                     : static_cast<float>(ctx.viewport.height) - ctx.u(8.5f);
    float x = std::round((vw - total) / 2);
    for (std::size_t i = 0; i < n; ++i) {
      const Rect dot{x, std::round(cy - d / 2), d, d};
      if (i <= r->index()) {
        ctx.renderer.fillRoundedRect(dot, d / 2, t.accent);
      } else {
        ctx.renderer.strokeRoundedRect(dot, d / 2, std::max(1.0f, ctx.u(0.35f)), t.mutedText);
      }
      x += d + gap;
    }
  }
  drawStepButtons(ctx, widgets, v);
}

void SlidesScreen::activate(std::string_view widgetId, UiHost& host) {
  SlidesRunner* r = runner();
  if (widgetId == "back") {
    host.sound().stopNarration();
    host.nav().pop(); // progress is saved after every move
  } else if (widgetId == "read-aloud") {
    if (r != nullptr && r->count() > 0) {
      narrate(*mPlay, host, r->current().narration, false);
    }
  } else if (widgetId == "next" && r != nullptr) {
    if (!r->isFinished()) {
      r->next();
    }
    if (r->isFinished()) {
      host.sound().stopNarration();
      finishStep(mPlay, host); // records the step and shows the next one
      return;
    }
    saveProgress(*mPlay, host);
    narrate(*mPlay, host, r->current().narration, true);
  }
}

} // namespace sq
