#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sq {

namespace {

const char* const kBackIcon = "\xE2\x86\x90";   // ←
const char* const kNextIcon = "\xE2\x86\x92";   // →
const char* const kSoundIcon = "\xE2\x99\xAA";  // ♪
const char* const kSavedTick = "\xE2\x9C\x93 "; // ✓
const char* const kMoreIcon = "\xE2\x96\xBC";   // ▼

// Full ids, so the string-table test can see every one used.
const char* smartKey(char letter, bool meaning) {
  switch (std::toupper(static_cast<unsigned char>(letter))) {
  case 'S':
    return meaning ? "smart.meaning.s" : "smart.name.s";
  case 'M':
    return meaning ? "smart.meaning.m" : "smart.name.m";
  case 'A':
    return meaning ? "smart.meaning.a" : "smart.name.a";
  case 'R':
    return meaning ? "smart.meaning.r" : "smart.name.r";
  default:
    return meaning ? "smart.meaning.t" : "smart.name.t";
  }
}

} // namespace

void addStepBack(const UiContext& ctx, WidgetList& out) {
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
}

void addStepBottom(const UiContext& ctx, WidgetList& out, bool readAloud,
                   const std::string& nextLabel, bool nextEnabled) {
  if (readAloud) {
    const std::string read = ctx.tr("common.read-aloud");
    out.push_back(Widget{"read-aloud", cornerButton(ctx, Corner::BottomLeft, read, true), read,
                         WidgetRole::Button});
  }
  if (!nextLabel.empty()) {
    Widget w{"next", cornerButton(ctx, Corner::BottomRight, nextLabel, true), nextLabel,
             WidgetRole::Button};
    w.enabled = nextEnabled;
    out.push_back(w);
  }
}

Rect stepContentArea(const UiContext& ctx) {
  return contentArea(ctx, true);
}

void drawStepButtons(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, kBackIcon);
    } else if (w.id == "read-aloud") {
      drawButton(ctx, w, v, ButtonStyle::Normal, kSoundIcon);
    } else if (w.id == "next") {
      drawButton(ctx, w, v, w.enabled ? ButtonStyle::Primary : ButtonStyle::Normal, kNextIcon);
    }
  }
}

void drawStepHeader(UiContext& ctx, const LessonPlay& play, std::string_view title,
                    const WidgetList& widgets) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, title, widgets);
  // Dots for the steps, just under the title: filled up to the current one.
  const Rect bar = titleArea(ctx);
  const std::size_t n = play.runner.stepCount();
  const std::size_t at = std::min(play.runner.stepIndex(), n);
  const bool pastSteps = play.runner.phase() != LessonRunner::Phase::Step;
  const float d = std::round(ctx.u(1.8f));
  const float gap = std::round(ctx.u(1.4f));
  const float total = static_cast<float>(n) * d + static_cast<float>(n > 0 ? n - 1 : 0) * gap;
  float x = std::round(bar.x + (bar.w - total) / 2);
  const float y = std::round(bar.bottom() - d * 0.2f);
  for (std::size_t i = 0; i < n; ++i) {
    const Rect dot{x, y, d, d};
    if (pastSteps || i <= at) {
      ctx.renderer.fillRoundedRect(dot, d / 2, t.accent);
    } else {
      ctx.renderer.strokeRoundedRect(dot, d / 2, std::max(1.0f, ctx.u(0.3f)), t.mutedText);
    }
    x += d + gap;
  }
  // The quiet "saved" mark, only once the store said so; a calm line after a
  // failure; nothing at all while a save is on its way.
  const LessonSession::SaveMark mark = play.saveMark();
  if (mark == LessonSession::SaveMark::Saved || mark == LessonSession::SaveMark::Failed) {
    const bool ok = mark == LessonSession::SaveMark::Saved;
    const std::string words = ctx.tr(ok ? "lesson.saved" : "lesson.not-saved-mark");
    drawTextBlock(ctx, (ok ? std::string(kSavedTick) : std::string()) + words,
                  ctx.fixedFont(text_size::kDetail), saveMarkRect(ctx, widgets), TextAlign::Right,
                  t.mutedText, 2, true);
  }
}

Rect saveMarkRect(const UiContext& ctx, float actionLeft) {
  const Rect corner = cornerButton(ctx, Corner::BottomRight, ctx.tr("lesson.next"), true);
  // As wide as the longer of its two wordings, so it never jumps; the fixed
  // detail size (not the pupil's text size): it is a quiet mark, not content.
  const FontMetrics m = ctx.text.metrics(ctx.fixedFont(text_size::kDetail));
  const float w =
      std::ceil(std::max(measureText(std::string(kSavedTick) + ctx.tr("lesson.saved"), m),
                         measureText(ctx.tr("lesson.not-saved-mark"), m))) +
      1;
  const float right = std::min(actionLeft, corner.x) - std::round(ctx.u(2));
  const float width = std::min(w, std::max(0.0f, right - ctx.u(chrome::kBarTop)));
  return Rect{right - width, corner.y, width, corner.h};
}

Rect saveMarkRect(const UiContext& ctx, const WidgetList& widgets) {
  const Rect corner = cornerButton(ctx, Corner::BottomRight, ctx.tr("lesson.next"), true);
  // Left of whatever sits in the bottom right corner ("next", "check", "I agree").
  float left = corner.x;
  for (const Widget& w : widgets) {
    if (w.rect.bottom() > corner.y + 1 && w.rect.x > ctx.screen().w / 2 && w.rect.x < left &&
        w.rect.right() > corner.x - 1) {
      left = w.rect.x;
    }
  }
  return saveMarkRect(ctx, left);
}

std::string smartRuleName(const UiContext& ctx, char letter) {
  return ctx.tr(smartKey(letter, false));
}

std::string smartRuleMeaning(const UiContext& ctx, char letter) {
  return ctx.tr(smartKey(letter, true));
}

void drawSmartBadge(UiContext& ctx, char letter, const Rect& box) {
  const Theme& t = ctx.theme;
  ctx.renderer.fillRoundedRect(box, box.w / 2, t.accent);
  const std::string s(1, letter);
  drawIcon(ctx, s, box, box.h / ctx.unit() * 0.62f, t.accentText);
}

namespace {

// The SMART rule's line under the feedback: "Meeting: Never go to meet ...".
std::string smartLine(const UiContext& ctx, char smart) {
  return smartRuleName(ctx, smart) + ": " + smartRuleMeaning(ctx, smart);
}

struct PanelFonts {
  FontSpec head, body, rule;
};
PanelFonts panelFonts(const UiContext& ctx) {
  return PanelFonts{ctx.font(text_size::kHeading, FontWeight::Bold), ctx.font(text_size::kBody),
                    ctx.font(text_size::kDetail, FontWeight::Bold)};
}

// The panel's inside: the words' column, right of the badge when there is one.
float panelTextWidth(const UiContext& ctx, float width, char smart) {
  const float pad = ctx.u(3);
  const float badge = smart != 0 ? std::round(ctx.u(11)) : 0.0f;
  return std::max(1.0f, width - 2 * pad - (badge > 0 ? badge + pad : 0.0f));
}

} // namespace

float feedbackPanelNeed(const UiContext& ctx, float width, std::string_view heading,
                        std::string_view text, char smart) {
  const float pad = ctx.u(3);
  const float badge = smart != 0 ? std::round(ctx.u(11)) : 0.0f;
  const float textW = panelTextWidth(ctx, width, smart);
  const PanelFonts f = panelFonts(ctx);
  float need = textBlockHeight(ctx, heading, f.head, textW);
  if (!text.empty()) {
    need += ctx.u(1.5f) + textBlockHeight(ctx, text, f.body, textW);
  }
  if (smart != 0) {
    need += ctx.u(1.5f) + textBlockHeight(ctx, smartLine(ctx, smart), f.rule, textW);
  }
  return std::ceil(std::max(need, badge) + 2 * pad);
}

float drawFeedbackPanel(UiContext& ctx, const Rect& box, FeedbackTone tone,
                        std::string_view heading, std::string_view text, char smart) {
  const Theme& t = ctx.theme;
  const Colour fill = tone == FeedbackTone::Warm ? t.readyFill : t.calm;
  const Colour ink = tone == FeedbackTone::Warm ? t.readyText : t.calmText;
  const float pad = ctx.u(3);
  const PanelFonts f = panelFonts(ctx);
  const float badge = smart != 0 ? std::round(ctx.u(11)) : 0.0f;
  const float textX = box.x + pad + (badge > 0 ? badge + pad : 0.0f);
  const float textW = panelTextWidth(ctx, box.w, smart);
  // Every word is drawn: a box too short for them is the caller's to scroll.
  const float h = feedbackPanelNeed(ctx, box.w, heading, text, smart);
  const Rect panel{box.x, box.y, box.w, h};
  ctx.renderer.fillRoundedRect(panel, ctx.u(metrics::kRadius), fill);
  ctx.renderer.strokeRoundedRect(panel, ctx.u(metrics::kRadius), ctx.u(metrics::kBorder), t.border);
  if (smart != 0) {
    drawSmartBadge(ctx, smart, Rect{box.x + pad, box.y + pad, badge, badge});
  }
  float y = box.y + pad;
  const auto block = [&](std::string_view words, const FontSpec& font) {
    // Sized by textBlockHeight, so every line shows: nothing is shortened. A glyph
    // such as "j", "s" or a quotation mark leans past its pen at the start or end of
    // a line (at 4K by a few pixels): its room reaches that far into the padding.
    const float lean = std::min(pad, std::ceil(static_cast<float>(font.pixelSize) * 0.2f));
    const WrappedText wrapped = wrapText(words, textW, ctx.text.metrics(font));
    const float bh = textBlockHeight(ctx, words, font, textW);
    ctx.text.drawWrapped(words, wrapped, font, Point{textX, y}, textW, TextAlign::Left, ink,
                         TextRoom{Rect{textX - lean, y, textW + 2 * lean, bh}, false});
    y += bh;
  };
  block(heading, f.head);
  if (!text.empty()) {
    y += ctx.u(1.5f);
    block(text, f.body);
  }
  if (smart != 0) {
    y += ctx.u(1.5f);
    block(smartLine(ctx, smart), f.rule);
  }
  return h;
}

float feedbackPanelHeight(const UiContext& ctx, const Rect& box, std::string_view heading,
                          std::string_view text, char smart) {
  return std::min(box.h, feedbackPanelNeed(ctx, box.w, heading, text, smart));
}

void drawStars(UiContext& ctx, int filled, int total, const Rect& box) {
  const Theme& t = ctx.theme;
  if (total <= 0) {
    return;
  }
  const float size = std::min(box.h, box.w / static_cast<float>(total));
  float x = std::round(box.x + (box.w - size * static_cast<float>(total)) / 2);
  for (int i = 0; i < total; ++i) {
    const Rect cell{x, box.y + (box.h - size) / 2, size, size};
    drawIcon(ctx, i < filled ? "\xE2\x98\x85" : "\xE2\x98\x86", cell, size / ctx.unit() * 0.8f,
             i < filled ? t.accent : t.mutedText); // ★ ☆
    x += size;
  }
}

// ---- ScrollBox ----

void ScrollBox::place(const UiContext& ctx, const Rect& box, float contentH) {
  // Kept in units, so the same words stay in view when the window is resized.
  const float units = mOffset / mUnit;
  mUnit = ctx.unit();
  mBox = box;
  mContentH = contentH;
  mMax = std::max(0.0f, std::ceil(contentH - box.h));
  mOffset = std::clamp(std::round(units * mUnit), 0.0f, mMax);
}

bool ScrollBox::scrollBy(float pixels) {
  const float was = mOffset;
  mOffset = std::clamp(std::round(mOffset + pixels), 0.0f, mMax);
  return mOffset != was;
}

void ScrollBox::page() {
  if (mOffset >= mMax) {
    mOffset = 0;
    return;
  }
  // A page, less a line's worth, so the reader keeps their place.
  scrollBy(std::max(mUnit * 4, mBox.h - mUnit * 8));
}

void ScrollBox::addWidget(const UiContext& ctx, WidgetList& out) const {
  if (scrolls()) {
    const std::string more = ctx.tr("lesson.scroll-more");
    out.push_back(Widget{"more", mBox, more, WidgetRole::Button});
  }
}

bool ScrollBox::handle(const InputEvent& e, const UiContext& ctx) {
  if (const auto* w = std::get_if<Wheel>(&e)) {
    return scrolls() && scrollBy(-w->dy * ctx.u(8));
  }
  return false;
}

bool ScrollBox::key(const KeyDown& k) {
  if (!scrolls()) {
    return false;
  }
  if (k.key == Key::Down) {
    return scrollBy(mUnit * 8);
  }
  if (k.key == Key::Up) {
    return scrollBy(-mUnit * 8);
  }
  return false;
}

// ---- ScrollBox: the quiz's additions ----

// The same place end() draws the cue.
Rect ScrollBox::cueRect(const UiContext& ctx) const {
  const float barW = std::round(ctx.u(1.2f));
  const float d = std::round(ctx.u(7));
  const float x = mBox.right() - barW - d - std::round(ctx.u(1));
  return Rect{x, mOffset >= mMax ? mBox.y : mBox.bottom() - d, d, d};
}

void ScrollBox::begin(UiContext& ctx) const {
  if (scrolls()) {
    ctx.renderer.pushClip(mBox);
  }
}

void ScrollBox::end(UiContext& ctx) const {
  if (!scrolls()) {
    return;
  }
  ctx.renderer.popClip();
  const Theme& t = ctx.theme;
  // The bar: where the view is in the whole, at the box's right edge.
  const float barW = std::round(ctx.u(1.2f));
  const Rect track{mBox.right() - barW, mBox.y, barW, mBox.h};
  ctx.renderer.fillRoundedRect(track, barW / 2, t.border);
  const float thumbH = std::max(ctx.u(6), mBox.h * mBox.h / std::max(1.0f, mContentH));
  const float thumbY = mBox.y + (mBox.h - thumbH) * (mMax > 0 ? mOffset / mMax : 0.0f);
  ctx.renderer.fillRoundedRect(Rect{track.x, std::round(thumbY), barW, std::round(thumbH)},
                               barW / 2, t.scrollbar);
  // The cue: an arrow in a round badge at the bottom while there is more below,
  // at the top once the end is reached (pressing goes back up).
  const float d = std::round(ctx.u(7));
  const bool atEnd = mOffset >= mMax;
  const Rect cue{track.x - d - std::round(ctx.u(1)), atEnd ? mBox.y : mBox.bottom() - d, d, d};
  ctx.renderer.fillRoundedRect(cue, d / 2, t.accent);
  drawIcon(ctx, atEnd ? "\xE2\x96\xB2" : kMoreIcon, cue, 3.6f, t.accentText); // ▲ ▼
}

namespace step_view {

void drawPicture(UiContext& ctx, const LessonPlay& play, const Picture& picture, const Rect& box) {
  const std::string path = play.asset(picture.src);
  const Texture* tex =
      (ctx.pictures != nullptr && !path.empty()) ? ctx.pictures->getFor(path, box) : nullptr;
  if (tex != nullptr) {
    ctx.renderer.drawTexture(*tex, fitInside(*tex, box));
    return;
  }
  Rect r = box; // a picture's usual 4:3 shape
  if (r.w > r.h * 4 / 3) {
    r.w = std::round(r.h * 4 / 3);
    r.x = std::round(box.x + (box.w - r.w) / 2);
  } else {
    r.h = std::round(r.w * 3 / 4);
    r.y = std::round(box.y + (box.h - r.h) / 2);
  }
  ctx.renderer.fillRoundedRect(r, ctx.u(metrics::kRadius), ctx.theme.pressed);
  const float pad = ctx.u(2);
  const Rect in{r.x + pad, r.y + pad, std::max(1.0f, r.w - 2 * pad), std::max(1.0f, r.h - 2 * pad)};
  const std::string& alt = inLang(ctx, picture.alt);
  drawTextBlock(ctx, alt,
                fitFont(ctx, alt, in, {text_size::kBody}, FontWeight::Regular, kShrinkToDetail), in,
                TextAlign::Centre, ctx.theme.text, 0, true);
}

std::string title(const UiContext& ctx, const LessonPlay& play) {
  const Step* step = play.runner.step();
  if (step != nullptr && step->title && !step->title->empty()) {
    return inLang(ctx, *step->title);
  }
  return inLang(ctx, play.lesson->title);
}

} // namespace step_view

} // namespace sq
