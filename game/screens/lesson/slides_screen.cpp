#include "screens/lesson/slides_screen.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "text/layout.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// Room kept either side of the slide's words inside their box: some letters' ink
// reaches past where the pen starts or stops (the tail of a "j" or a "y" at the
// start of a line), and at the largest sizes that is several pixels. The words
// wrap inside it; the box is still the room they are given.
float inkPad(const FontSpec& font) {
  return std::ceil(static_cast<float>(font.pixelSize) * 0.15f);
}

// The width the words wrap to in a box `boxW` wide.
float wrapWidth(const FontSpec& font, float boxW) {
  return std::max(1.0f, boxW - 2 * inkPad(font));
}

// The slide's words in `room`, wrapped inside its ink padding, and vertically
// centred when `centreY`.
void drawSlideWords(UiContext& ctx, std::string_view words, const FontSpec& font, const Rect& room,
                    TextAlign align, Colour colour, bool centreY) {
  const float pad = inkPad(font);
  const float w = wrapWidth(font, room.w);
  const FontMetrics m = ctx.text.metrics(font);
  const WrappedText wrapped = wrapText(words, w, m);
  const float h = static_cast<float>(wrapped.lines.size()) * m.lineHeight();
  const float top = centreY ? std::round(room.y + (room.h - h) / 2) : room.y;
  ctx.text.drawWrapped(words, wrapped, font, Point{room.x + pad, top}, w, align, colour,
                       TextRoom{room, false});
}

} // namespace

std::unique_ptr<Screen> makeSlidesScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<SlidesScreen>(std::move(play));
}

void SlidesScreen::layout(const UiContext& ctx, WidgetList& out) {
  addStepBack(ctx, out);
  const SlidesRunner* r = runner();
  const bool narrated = r != nullptr && r->count() > 0 && r->current().narration.has_value();
  // Where the slide's picture and words go, and the size its words fit at.
  mPlan = Plan{};
  float wordsH = 0;
  if (r != nullptr && r->count() > 0) {
    const Slide& slide = r->current();
    const Rect c = stepContentArea(ctx);
    // The young read least and look most: the largest words.
    const float units = mPlay->youngBand() ? text_size::kTitle : text_size::kHeading;
    const std::string& words = inLang(ctx, slide.text);
    // Words that do not fit beside the picture take room from it, then a size
    // smaller (the heading size for the young, the body size for others), and
    // only then scroll.
    const float smaller = mPlay->youngBand() ? text_size::kHeading : text_size::kBody;
    const float gap = std::round(ctx.u(5));
    const float narrow = std::min(c.w, ctx.u(150));
    bool fits = false;
    for (const float size : {units, smaller}) {
      mPlan.font = ctx.font(size, FontWeight::Bold);
      for (const float share : {0.48f, 0.36f, 0.26f}) {
        if (slide.picture) {
          const float pw = std::round(std::min(c.w * share, c.h * 4 / 3));
          mPlan.picture = Rect{c.x, c.y, pw, c.h};
          mPlan.text = Rect{c.x + pw + gap, c.y, std::max(1.0f, c.w - pw - gap), c.h};
        } else {
          mPlan.text = Rect{std::round(c.x + (c.w - narrow) / 2), c.y, narrow, c.h};
        }
        const float w = wrapWidth(mPlan.font, mPlan.text.w);
        const WrappedText wrapped = wrapText(words, w, ctx.text.metrics(mPlan.font));
        fits = !wrapped.overflow &&
               textBlockHeight(ctx, words, mPlan.font, w) <= mPlan.text.h - ctx.u(1);
        if (fits || !slide.picture) {
          break;
        }
      }
      if (fits) {
        break;
      }
    }
    wordsH = textBlockHeight(ctx, words, mPlan.font, wrapWidth(mPlan.font, mPlan.text.w));
    if (!fits) {
      mPlan.text.w = std::max(1.0f, mPlan.text.w - ScrollBox::gutter(ctx)); // clear of the cue
      wordsH = textBlockHeight(ctx, words, mPlan.font, wrapWidth(mPlan.font, mPlan.text.w));
      mWords.place(ctx, Rect{mPlan.text.x, c.y, c.right() - mPlan.text.x, c.h}, wordsH);
    } else {
      mWords.place(ctx, Rect{}, 0);
    }
  } else {
    mWords.place(ctx, Rect{}, 0);
  }
  mWords.addWidget(ctx, out); // when the words scroll
  addStepBottom(ctx, out, narrated, ctx.tr("lesson.next"), r != nullptr);
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
    }
    const TextAlign align = slide.picture ? TextAlign::Left : TextAlign::Centre;
    if (mWords.scrolls()) {
      mWords.begin(ctx);
      const float h = textBlockHeight(ctx, words, mPlan.font, wrapWidth(mPlan.font, mPlan.text.w));
      drawSlideWords(ctx, words, mPlan.font, Rect{mPlan.text.x, mWords.top(), mPlan.text.w, h},
                     align, t.text, false);
      mWords.end(ctx);
    } else {
      drawSlideWords(ctx, words, mPlan.font, mPlan.text, align, t.text, true);
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
  } else if (widgetId == "more") {
    mWords.page();
  } else if (widgetId == "next" && r != nullptr) {
    mWords.reset();
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
