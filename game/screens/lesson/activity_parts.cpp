#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sq {

namespace {

const char* const kBackIcon = "\xE2\x86\x90";  // ←
const char* const kNextIcon = "\xE2\x86\x92";  // →
const char* const kSoundIcon = "\xE2\x99\xAA"; // ♪

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
    const FontSpec f = ctx.fixedFont(text_size::kDetail);
    // Beside the way on, bottom right: where the pupil looks when a step is done,
    // and out of the way of the title and the content.
    const Rect corner = cornerButton(ctx, Corner::BottomRight, ctx.tr("lesson.next"), true);
    // Left of whatever sits in the bottom right corner ("next", "check", "I agree").
    Rect beside = corner;
    for (const Widget& w : widgets) {
      if (w.rect.y >= corner.y - 1 && w.rect.x > ctx.screen().w / 2 && w.rect.x < beside.x) {
        beside = w.rect;
      }
    }
    const float w = ctx.u(26);
    drawTextBlock(ctx, (ok ? std::string("\xE2\x9C\x93 ") : std::string()) + words, f,
                  Rect{beside.x - ctx.u(2) - w, beside.y, w, beside.h}, TextAlign::Right,
                  t.mutedText, 2, true);
  }
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

float drawFeedbackPanel(UiContext& ctx, const Rect& box, FeedbackTone tone,
                        std::string_view heading, std::string_view text, char smart) {
  const Theme& t = ctx.theme;
  const Colour fill = tone == FeedbackTone::Warm ? t.readyFill : t.calm;
  const Colour ink = tone == FeedbackTone::Warm ? t.readyText : t.calmText;
  const float pad = ctx.u(3);
  const FontSpec head = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec body = ctx.font(text_size::kBody);
  const float badge = smart != 0 ? std::round(ctx.u(11)) : 0.0f;
  const float textX = box.x + pad + (badge > 0 ? badge + pad : 0.0f);
  const float textW = std::max(1.0f, box.right() - pad - textX);
  const float h = feedbackPanelHeight(ctx, box, heading, text, smart);
  const Rect panel{box.x, box.y, box.w, h};
  ctx.renderer.fillRoundedRect(panel, ctx.u(metrics::kRadius), fill);
  ctx.renderer.strokeRoundedRect(panel, ctx.u(metrics::kRadius), ctx.u(metrics::kBorder), t.border);
  if (smart != 0) {
    drawSmartBadge(ctx, smart, Rect{box.x + pad, box.y + pad, badge, badge});
  }
  float y = box.y + pad;
  const float bottom = panel.bottom() - pad;
  y +=
      drawTextBlock(ctx, heading, head, Rect{textX, y, textW, bottom - y}, TextAlign::Left, ink, 2);
  y += ctx.u(1.5f);
  y += drawTextBlock(ctx, text, body, Rect{textX, y, textW, bottom - y}, TextAlign::Left, ink, 6);
  if (smart != 0 && y < bottom) {
    y += ctx.u(1.5f);
    const std::string rule = smartRuleName(ctx, smart) + ": " + smartRuleMeaning(ctx, smart);
    drawTextBlock(ctx, rule, ctx.font(text_size::kDetail, FontWeight::Bold),
                  Rect{textX, y, textW, bottom - y}, TextAlign::Left, ink, 2);
  }
  return h;
}

float feedbackPanelHeight(const UiContext& ctx, const Rect& box, std::string_view heading,
                          std::string_view text, char smart) {
  const float pad = ctx.u(3);
  const float badge = smart != 0 ? std::round(ctx.u(11)) : 0.0f;
  const float textX = box.x + pad + (badge > 0 ? badge + pad : 0.0f);
  const float textW = std::max(1.0f, box.right() - pad - textX);
  float need =
      textBlockHeight(ctx, heading, ctx.font(text_size::kHeading, FontWeight::Bold), textW, 2) +
      ctx.u(1.5f) + textBlockHeight(ctx, text, ctx.font(text_size::kBody), textW, 6);
  if (smart != 0) {
    need += ctx.u(1.5f) + textBlockHeight(ctx, smartRuleMeaning(ctx, smart),
                                          ctx.font(text_size::kDetail), textW, 2);
  }
  return std::min(box.h, std::max(need, badge) + 2 * pad);
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
