#include "screens/lesson/quiz_draw.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace sq {

namespace {

// What every drawing function here reads.
struct Drawer {
  UiContext& ctx;
  const LessonPlay& play;
  const QuizRunner& r;
  const QuizPlan& p;
  bool young;
};

const char* const kTick = "\xE2\x9C\x94";  // ✔
const char* const kCross = "\xE2\x9C\x98"; // ✘
const char* const kNext = "\xE2\x86\x92";  // →

void drawPart(const Drawer& dr, const QuizPart& part, const WidgetVisuals& v, const Rect& at,
              bool lifted, bool dropTarget) {
  UiContext& ctx = dr.ctx;
  const QuizPlan& p = dr.p;
  const Theme& t = ctx.theme;
  const QuizRunner& r = dr.r;
  const Widget& w = part.widget;
  const bool pressed = v.pressed == w.id && !lifted;
  const bool hovered = v.hovered == w.id;
  const bool card = part.kind == QuizPartKind::OrderCard || part.kind == QuizPartKind::SortCard;
  bool chosen = w.selected && !card;      // an answer chosen
  const bool picked = w.selected && card; // a card picked up to move
  Colour fill = pressed ? t.pressed : t.surface;
  Colour ink = t.text;
  Colour border = hovered || pressed ? t.accent : t.border;
  float borderUnits = hovered ? metrics::kBorder * 2 : metrics::kBorder;
  std::optional<std::size_t> group;
  if (part.kind == QuizPartKind::SortCard && part.index < r.placements().size()) {
    group = r.placements()[part.index];
    if (group && !pressed) {
      fill = tileTint(t, *group);
    }
  }
  if (p.reveal) {
    // The answer shown: the right ones warm, with a tick and words (never by
    // colour alone); a sorted card in its right box's colour; the pupil's own
    // choice keeps a strong outline.
    chosen = false;
    fill = t.surface;
    border = t.border;
    borderUnits = metrics::kBorder;
    group = part.rightGroup;
    if (part.kind == QuizPartKind::SortCard && group) {
      fill = tileTint(t, *group);
    } else if (part.right) {
      fill = t.readyFill;
      ink = t.readyText;
    }
    if (part.yours && part.kind != QuizPartKind::SortCard && part.kind != QuizPartKind::OrderCard) {
      border = t.accent;
      borderUnits = metrics::kBorder * 3;
    }
  } else if (chosen) {
    fill = t.accent;
    ink = t.accentText;
    border = hovered ? t.text : t.accent;
  }
  if (picked || lifted || dropTarget) {
    border = t.accent;
    borderUnits = metrics::kBorder * 3;
  }
  const float radius = ctx.u(metrics::kRadius);
  if (lifted) {
    // A soft shadow: the card is held up.
    const float s = std::round(ctx.u(1.2f));
    ctx.renderer.fillRoundedRect(Rect{at.x + s, at.y + s, at.w, at.h}, radius, t.border);
  }
  ctx.renderer.fillRoundedRect(at, radius, fill);
  ctx.renderer.strokeRoundedRect(at, radius, std::max(1.0f, std::round(ctx.u(borderUnits))),
                                 border);

  if (part.kind == QuizPartKind::TrueFalse) {
    // A big symbol and the word: a tick for true, a cross for false; a mark in
    // the corner says which is chosen.
    const float pad = std::round(ctx.u(1.6f));
    const Rect inner{at.x + pad, at.y + pad, at.w - 2 * pad, at.h - 2 * pad};
    const float markW = std::round(ctx.u(7));
    const Rect mark{inner.x, inner.y, markW, markW};
    Rect words = inner;
    if (p.reveal) {
      // Once checked: the tag's words ("✔ Right answer", "Your choice") across the
      // top, then the word, each as the plan sized them; the big symbol gives them
      // its room.
      if (!part.tag.empty()) {
        const float th = textBlockHeight(ctx, part.tag, p.tagFont, inner.w);
        drawTextBlock(ctx, part.tag, p.tagFont, Rect{inner.x, inner.y, inner.w, th},
                      TextAlign::Centre, ink);
        words.y += th;
        words.h -= th;
      }
      drawTextBlock(ctx, w.label, p.wordFont, words, TextAlign::Centre, ink, 0, true);
      return;
    }
    if (chosen) {
      drawIcon(ctx, kTick, mark, 5.2f, ink);
    } else {
      const float d = std::round(ctx.u(4.4f));
      ctx.renderer.strokeRoundedRect(
          Rect{std::round(mark.x + (mark.w - d) / 2), std::round(mark.y + (mark.h - d) / 2), d, d},
          d / 2, std::max(1.0f, std::round(ctx.u(0.4f))), t.mutedText);
    }
    // The word as large as the band asks while it fits the card's width.
    const FontSpec word = fitFont(ctx, w.label, Rect{0, 0, inner.w, inner.h * 0.6f},
                                  {dr.young ? text_size::kTitle : text_size::kHeading + 1},
                                  FontWeight::Bold, kShrinkToDetail);
    const float wordH = ctx.text.metrics(word).lineHeight();
    const float symbolH = std::max(0.0f, std::min(inner.h - wordH, ctx.u(18)));
    const float top = std::round(inner.y + (inner.h - symbolH - wordH) / 2);
    drawIcon(ctx, part.index == 0 ? kTick : kCross, Rect{inner.x, top, inner.w, symbolH},
             symbolH / ctx.unit() * 0.7f, ink);
    drawTextBlock(ctx, w.label, word, Rect{inner.x, top + symbolH, inner.w, wordH},
                  TextAlign::Centre, ink, 1);
    return;
  }
  if (part.kind == QuizPartKind::Group) {
    // The box: its shape big, then its name.
    const float pad = std::round(ctx.u(1.6f));
    const float shapeW = std::round(ctx.u(dr.young ? 10 : 6.5f));
    const Rect inner{at.x + pad, at.y + pad, at.w - 2 * pad, at.h - 2 * pad};
    drawIcon(ctx, groupShape(part.index), Rect{inner.x, inner.y, shapeW, inner.h},
             dr.young ? 7.0f : 5.6f, t.text);
    const Rect words{inner.x + shapeW + ctx.u(1), inner.y, inner.w - shapeW - ctx.u(1), inner.h};
    drawTextBlock(ctx, w.label, p.groupFont, words, TextAlign::Left, t.text, 0, true);
    return;
  }

  const PartBoxes pb = partBoxes(ctx, p, part, dr.young);
  const CardBoxes& b = pb.card;
  // The mark, by shape: a tick when chosen, a ring (a square for "choose all")
  // when not; a sorted card's box shape; an ordered card's place number.
  const float ringD = std::round(ctx.u(dr.young ? 4.4f : 3.6f));
  const Rect ring{std::round(b.mark.x + (b.mark.w - ringD) / 2),
                  std::round(b.mark.y + (b.mark.h - ringD) / 2), ringD, ringD};
  const float ringLine = std::max(1.0f, std::round(ctx.u(0.4f)));
  switch (part.kind) {
  case QuizPartKind::Option:
    if (p.reveal && part.right) {
      drawIcon(ctx, kTick, b.mark, dr.young ? 6.4f : 5.6f, ink); // big: the right answer
    } else if (chosen) {
      drawIcon(ctx, kTick, b.mark, dr.young ? 5.2f : 4.6f, ink);
    } else {
      const bool many = r.item().type == QuizType::Multiple;
      ctx.renderer.strokeRoundedRect(ring, many ? ctx.u(0.6f) : ringD / 2, ringLine, t.mutedText);
    }
    break;
  case QuizPartKind::OrderCard: {
    const float d = std::round(std::min(b.mark.w, b.mark.h));
    const Rect badge{b.mark.x, std::round(b.mark.y + (b.mark.h - d) / 2), d, d};
    ctx.renderer.fillRoundedRect(badge, d / 2, t.accent);
    drawIcon(ctx, std::to_string(part.index + 1), badge, d / ctx.unit() * 0.6f, t.accentText);
    break;
  }
  case QuizPartKind::SortCard:
    if (group) {
      drawIcon(ctx, groupShape(*group), b.mark, dr.young ? 5.0f : 4.4f, t.text);
    } else {
      ctx.renderer.strokeRoundedRect(ring, ringD / 2, ringLine, t.mutedText);
    }
    break;
  case QuizPartKind::TrueFalse:
  case QuizPartKind::Group:
    break;
  }
  if (part.picture != nullptr && !b.picture.empty()) {
    drawPicture(ctx, dr.play.asset(part.picture->src), b.picture);
  }
  if (!pb.tag.empty()) {
    drawTextBlock(ctx, part.tag, p.tagFont, pb.tag, TextAlign::Centre, ink, 0, true);
  }
  drawTextBlock(ctx, w.label, p.cardFont, b.text, TextAlign::Centre, ink, 0, true);
}

void drawProgress(const Drawer& dr, const Rect& box) {
  UiContext& ctx = dr.ctx;
  const QuizRunner& r = dr.r;
  if (box.empty()) {
    return;
  }
  const std::size_t n = r.itemCount();
  if (dr.young) {
    // One star per question, filled when right first time; a bar under this one.
    const float size = std::round(std::min(box.h * 0.78f, box.w / static_cast<float>(n)));
    const float total = size * static_cast<float>(n);
    float x = std::round(box.x + (box.w - total) / 2);
    const float y = std::round(box.y + (box.h - size) / 2 - ctx.u(0.6f));
    for (std::size_t i = 0; i < n; ++i) {
      drawStars(ctx, r.rightFirstTime(i).value_or(false) ? 1 : 0, 1, Rect{x, y, size, size});
      if (i == r.itemIndex()) {
        const float barW = std::round(size * 0.6f);
        ctx.renderer.fillRoundedRect(
            Rect{std::round(x + (size - barW) / 2), y + size, barW, std::round(ctx.u(1))},
            ctx.u(0.5f), ctx.theme.accent);
      }
      x += size;
    }
    return;
  }
  const std::string words =
      ctx.trf("quiz.question-of",
              {{"number", std::to_string(r.itemIndex() + 1)}, {"total", std::to_string(n)}});
  // The pupil's text size while it fits the bottom row, on two lines if need be;
  // else smaller (it is a quiet line, and its room is fixed by the buttons).
  const FontSpec f = fitFont(ctx, words, box, {text_size::kBody}, FontWeight::Bold,
                             FitRule{text_size::kDetail - 0.6f, true, 0.0f, false});
  drawTextBlock(ctx, words, f, box, TextAlign::Centre, ctx.theme.text, 0, true);
}

void drawFinished(const Drawer& dr) {
  UiContext& ctx = dr.ctx;
  const QuizRunner& r = dr.r;
  const QuizPlan& p = dr.p;
  const Theme& t = ctx.theme;
  const Rect area = p.content;
  const float w = std::min(area.w, ctx.u(150));
  const Rect col{std::round(area.x + (area.w - w) / 2), area.y + ctx.u(4), w,
                 std::max(0.0f, area.h - ctx.u(4))};
  const std::string line = dr.young
                               ? ctx.tr("quiz.stars")
                               : ctx.trf("quiz.score", {{"score", std::to_string(r.score())},
                                                        {"total", std::to_string(r.maxScore())}});
  // Every word of the line, wrapped (smaller only when it would take more than
  // half the room); the stars at least 8 units tall; the heading gets the rest,
  // wrapped, and smaller only when it cannot fit there.
  const FontSpec lineFont =
      fitFont(ctx, line, Rect{0, 0, col.w, std::max(ctx.u(4), col.h * 0.45f)},
              {dr.young ? text_size::kHeading : text_size::kBody}, FontWeight::Regular,
              FitRule{text_size::kDetail, false, 0.5f, true});
  const float lineH = textBlockHeight(ctx, line, lineFont, col.w);
  const float gap = std::round(ctx.u(3));
  const float leastStars = std::round(ctx.u(8));
  const std::string done = ctx.tr("quiz.finished");
  const Rect doneRoom{col.x, col.y, col.w,
                      std::max(ctx.u(4), col.h - lineH - leastStars - 2 * gap)};
  const FontSpec doneFont = fitFont(ctx, done, doneRoom, {text_size::kTitle}, FontWeight::Bold,
                                    FitRule{text_size::kDetail, false, 0.5f, true});
  const float doneH = textBlockHeight(ctx, done, doneFont, col.w);
  float y = col.y;
  drawTextBlock(ctx, done, doneFont, Rect{col.x, y, col.w, std::max(doneH, doneRoom.h)},
                TextAlign::Centre, t.text);
  y += doneH + gap;
  // The stars take what room is left, up to 18 units.
  const float starH =
      std::round(std::max(leastStars, std::min(ctx.u(18), col.bottom() - y - lineH - gap)));
  drawStars(ctx, r.score(), r.maxScore(), Rect{col.x, y, col.w, starH});
  y += starH + gap;
  drawTextBlock(ctx, line, lineFont, Rect{col.x, y, col.w, std::max(lineH, col.bottom() - y)},
                TextAlign::Centre, t.text);
}

} // namespace

void drawQuiz(UiContext& ctx, const LessonPlay& play, const QuizRunner* r, const QuizPlan& p,
              bool picked, const WidgetList& widgets, const WidgetVisuals& v,
              const ScrollBox& scroll) {
  const Theme& t = ctx.theme;
  const Step* step = play.runner.step();
  const std::string title =
      step != nullptr && step->title ? inLang(ctx, *step->title) : inLang(ctx, play.lesson->title);
  drawStepHeader(ctx, play, title, widgets);
  WidgetList corners;
  for (const Widget& w : widgets) {
    if (w.id == "back" || w.id == "read-aloud") {
      corners.push_back(w);
    }
  }
  drawStepButtons(ctx, corners, v);
  if (r == nullptr) {
    return;
  }
  const Drawer dr{ctx, play, *r, p, play.youngBand()};
  // The action: "Check" (quiet until there is an answer), "Next" or "Try again".
  if (const Widget* a = findWidget(widgets, p.action.id)) {
    drawButton(ctx, *a, v, a->enabled ? ButtonStyle::Primary : ButtonStyle::Normal,
               a->id == "check" ? std::string_view(kTick) : std::string_view(kNext));
  }
  if (r->isFinished()) {
    drawFinished(dr);
    return;
  }
  drawProgress(dr, p.progress);
  const QuizItem& item = r->item();
  drawTextBlock(ctx, inLang(ctx, item.prompt), p.promptFont, p.prompt, TextAlign::Centre, t.text);

  // While a card is dragged (the stack follows the pointer): where it came from
  // stays as an empty place, the card follows the pointer, and what it would land
  // on is outlined.
  const QuizPart* dragged = p.reveal || v.drag.id.empty() ? nullptr : findPart(p, v.drag.id);
  const QuizPart* target = nullptr;
  if (dragged != nullptr && !v.drag.over.empty()) {
    const QuizPartKind landsOn =
        dragged->kind == QuizPartKind::SortCard ? QuizPartKind::Group : QuizPartKind::OrderCard;
    target = findPart(p, v.drag.over);
    if (target != nullptr && (target->kind != landsOn || target == dragged)) {
      target = nullptr;
    }
  }
  const bool inviting = !p.reveal && item.type == QuizType::Sort && (picked || dragged != nullptr);
  // What is under the question moves up by the scroll; the sorting boxes stay.
  const float dy = -scroll.offset();
  const auto shifted = [dy](Rect r0) {
    r0.y += dy;
    return r0;
  };
  const auto drawParts = [&](bool fixed) {
    for (const QuizPart& part : p.parts) {
      if (part.fixed != fixed) {
        continue;
      }
      QuizPart at = part;
      if (!fixed) {
        at.widget.rect = shifted(part.widget.rect);
      }
      if (&part == dragged) {
        ctx.renderer.strokeRoundedRect(at.widget.rect, ctx.u(metrics::kRadius),
                                       std::max(1.0f, std::round(ctx.u(metrics::kBorder))),
                                       t.border);
        continue;
      }
      drawPart(dr, at, v, at.widget.rect, false,
               &part == target || (inviting && part.kind == QuizPartKind::Group));
    }
  };
  scroll.begin(ctx);
  if (!p.hint.empty()) {
    const bool sort = item.type == QuizType::Sort;
    const char* hint = sort ? (picked ? "quiz.hint-sort-picked" : "quiz.hint-sort")
                            : (picked ? "quiz.hint-order-picked" : "quiz.hint-order");
    drawTextBlock(ctx, ctx.tr(hint),
                  ctx.font(text_size::kDetail, picked ? FontWeight::Bold : FontWeight::Regular),
                  shifted(p.hint), TextAlign::Centre, picked ? t.text : t.mutedText);
  }
  if (p.reveal) {
    const bool right = r->lastResult().value_or(false);
    drawFeedbackPanel(ctx, shifted(p.feedback), right ? FeedbackTone::Warm : FeedbackTone::Gentle,
                      p.feedbackHeading, p.feedbackText);
  }
  if (!p.picture.empty()) {
    drawPicture(ctx, play.asset(item.picture->src), shifted(p.picture));
  }
  drawParts(false);
  scroll.end(ctx);
  drawParts(true);
  if (dragged != nullptr) {
    const Rect& home = dragged->widget.rect;
    const Rect at{std::round(v.drag.at.x - v.drag.grab.x), std::round(v.drag.at.y - v.drag.grab.y),
                  home.w, home.h};
    QuizPart lifted = *dragged;
    lifted.widget.rect = at;
    drawPart(dr, lifted, v, at, true, false);
  }
}

} // namespace sq
