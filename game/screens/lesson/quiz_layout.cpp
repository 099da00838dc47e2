// Sections:
//   1. helpers: fitting words, placing cells, the shared card font, the picture
//   2. planners: options, true or false, order, sort (each also once checked: the
//      answer shown, every card's tag)
//   3. planQuiz: the question, the hint, the feedback once checked, the parts
//   4. inside a card: cardBoxes, partBoxes; the box shapes; findPart
#include "screens/lesson/quiz_layout.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sq {

namespace {

// ---- helpers ----

// The smallest card words allowed: still readable from the back of the class.
constexpr float kCardTextMin = text_size::kDetail - 0.9f;
// No card smaller than this (units): well above the 1/12 of the short side a
// target needs.
constexpr float kMinCard = 9.5f;

std::string numbered(const char* prefix, std::size_t index) {
  return std::string(prefix) + std::to_string(index + 1);
}

// Quiz cards and prompts shrink by tenths from their size down to `minUnits`
// (not scaled by the pupil's text size), keeping a pixel to spare.
FitRule quizFit(float minUnits) {
  return FitRule{minUnits, true, -1.0f, true};
}

// Rectangles for `count` cells of w x h in `cols` columns, centred in `area` as a
// block. Row by row, or column by column (a list read down, then across).
std::vector<Rect> placeCells(const Rect& area, std::size_t count, std::size_t cols, float w,
                             float h, float gap, bool columnMajor, float rowGap = -1) {
  std::vector<Rect> out;
  if (count == 0 || cols == 0) {
    return out;
  }
  const std::size_t rows = (count + cols - 1) / cols;
  const float gapY = rowGap >= 0 ? rowGap : gap;
  const float blockW = static_cast<float>(cols) * w + static_cast<float>(cols - 1) * gap;
  const float blockH = static_cast<float>(rows) * h + static_cast<float>(rows - 1) * gapY;
  const float x0 = std::round(area.x + (area.w - blockW) / 2);
  const float y0 = std::round(area.y + std::max(0.0f, (area.h - blockH) / 2));
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t col = columnMajor ? i / rows : i % cols;
    const std::size_t row = columnMajor ? i % rows : i / cols;
    out.push_back(Rect{std::round(x0 + static_cast<float>(col) * (w + gap)),
                       std::round(y0 + static_cast<float>(row) * (h + gapY)), std::floor(w),
                       std::floor(h)});
  }
  return out;
}

// The size of one of `count` cells in `cols` columns filling `area`, at most
// maxW x maxH units.
Point cellSize(const UiContext& ctx, const Rect& area, std::size_t count, std::size_t cols,
               float gap, float maxW, float maxH, float rowGap = -1) {
  const std::size_t rows = (count + cols - 1) / cols;
  const float gapY = rowGap >= 0 ? rowGap : gap;
  const float w = (area.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float h = (area.h - gapY * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  return Point{std::min(w, ctx.u(maxW)), std::max(ctx.u(kMinCard), std::min(h, ctx.u(maxH)))};
}

// One size for the words on the parts of `kind`: the largest all of them fit.
FontSpec sharedFont(const UiContext& ctx, const QuizPlan& p, QuizPartKind kind, bool young,
                    float maxUnits, int* cut = nullptr) {
  FontSpec spec = ctx.font(maxUnits, FontWeight::Bold);
  std::vector<Rect> boxes;
  for (const QuizPart& part : p.parts) {
    if (part.kind != kind) {
      continue;
    }
    boxes.push_back(partBoxes(ctx, p, part, young).card.text);
    const FontSpec f =
        fitFont(ctx, part.widget.label, Rect{0, 0, std::max(1.0f, boxes.back().w), boxes.back().h},
                {maxUnits}, FontWeight::Bold, quizFit(kCardTextMin));
    spec.pixelSize = std::min(spec.pixelSize, f.pixelSize);
  }
  if (cut != nullptr) {
    // How many would still be cut short at that size.
    *cut = 0;
    const FontMetrics m = ctx.text.metrics(spec);
    std::size_t i = 0;
    for (const QuizPart& part : p.parts) {
      if (part.kind == kind) {
        const WrappedText w = wrapText(part.widget.label, std::max(1.0f, boxes[i].w), m);
        *cut +=
            w.overflow || static_cast<float>(w.lines.size()) * m.lineHeight() > boxes[i].h + 0.5f
                ? 1
                : 0;
        ++i;
      }
    }
  }
  return spec;
}

// The item's picture, when it has one and there is room, left of the answers.
Rect takePicture(const UiContext& ctx, const QuizItem& item, Rect& area) {
  if (!item.picture || area.w < ctx.u(110)) {
    return Rect{};
  }
  const float w = std::round(std::min(area.w * 0.3f, area.h * 4 / 3));
  const Rect pic{area.x, area.y, w, area.h};
  const float gap = std::round(ctx.u(metrics::kGap * 1.5f));
  area.x += w + gap;
  area.w -= w + gap;
  return pic;
}

// ---- planners ----

// The inputs of one plan.
struct Planner {
  const UiContext& ctx;
  const QuizRunner& r;
  bool isYoung;
  std::optional<std::size_t> picked;
  bool reveal; // checked: the right answer is shown
  bool young() const { return isYoung; }
};

const char* const kTickSpace = "\xE2\x9C\x94 "; // ✔

// The words over an option or true/false card once the answer is shown.
std::string optionTag(const UiContext& ctx, bool right, bool yours) {
  if (right) {
    return kTickSpace + ctx.tr("quiz.mark-right"); // the pupil's own: its strong outline
  }
  return yours ? ctx.tr("quiz.mark-yours") : std::string();
}

// A sorted card once the answer is shown: which box it belongs in, and whether
// the pupil put it there.
void markSortCard(const Planner& pl, const QuizItem& item, std::size_t c, QuizPart& part) {
  const QuizRunner& r = pl.r;
  for (std::size_t g = 0; g < item.groups.size(); ++g) {
    if (item.groups[g].id == item.cards[c].group) {
      part.rightGroup = g;
    }
  }
  const std::optional<std::size_t> put =
      c < r.placements().size() ? r.placements()[c] : std::nullopt;
  part.right = put.has_value() && put == part.rightGroup;
  part.yours = true;
  if (part.right) {
    part.tag = kTickSpace + pl.ctx.tr("quiz.mark-right-place");
  } else if (put && *put < item.groups.size()) {
    // The box by its shape, as the boxes below show it: short enough for any card.
    part.tag = pl.ctx.trf("quiz.mark-you-put", {{"shape", groupShape(*put)}});
  }
}

void planOptions(const Planner& pl, const QuizItem& item, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const QuizRunner& r = pl.r;
  Rect area = p.answers;
  if (!pl.reveal) {
    p.picture = takePicture(ctx, item, area);
  }
  const std::size_t n = item.options.size();
  const bool pictures = pl.young() && std::any_of(item.options.begin(), item.options.end(),
                                                  [](const QuizOption& o) { return o.picture; });
  // The young: at most three in a row, big and with pictures. The older: a list,
  // or two columns when there are four or more.
  const std::size_t cols = pl.young() ? std::min<std::size_t>(n, 3) : (n >= 4 ? 2 : 1);
  const float gap = std::round(ctx.u(metrics::kGap));
  const Point cell = cellSize(ctx, area, n, cols, gap, pl.young() ? 70 : (cols == 1 ? 130 : 85),
                              pictures ? 44 : (pl.young() ? 26 : 20));
  const auto rects = placeCells(area, n, cols, cell.x, cell.y, gap, false);
  for (std::size_t i = 0; i < n; ++i) {
    const QuizOption& o = item.options[i];
    std::string label = inLang(ctx, o.text);
    if (label.empty() && o.picture) {
      label = inLang(ctx, o.picture->alt);
    }
    Widget wd{numbered("answer:", i), rects[i], label,
              item.type == QuizType::Multiple ? WidgetRole::Toggle : WidgetRole::Option};
    wd.selected = i < r.selected().size() && r.selected()[i];
    QuizPart part{QuizPartKind::Option, i, wd, pl.young() && o.picture ? &*o.picture : nullptr};
    if (pl.reveal) {
      part.right = o.correct;
      part.yours = wd.selected;
      part.tag = optionTag(ctx, part.right, part.yours);
    }
    p.parts.push_back(part);
  }
  p.cardFont = sharedFont(ctx, p, QuizPartKind::Option, pl.young(),
                          pl.young() ? text_size::kHeading : text_size::kBody);
}

void planTrueFalse(const Planner& pl, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const QuizRunner& r = pl.r;
  Rect area = p.answers;
  if (!pl.reveal) {
    p.picture = takePicture(ctx, r.item(), area);
  }
  const float gap = std::round(ctx.u(metrics::kGap * 2));
  const float w = std::min(ctx.u(62), (area.w - gap) / 2);
  const float h = std::max(ctx.u(kMinCard), std::min(area.h, ctx.u(pl.young() ? 40 : 32)));
  const auto rects = placeCells(area, 2, 2, w, h, gap, false);
  for (std::size_t i = 0; i < 2; ++i) {
    Widget wd{numbered("answer:", i), rects[i], ctx.tr(i == 0 ? "quiz.true" : "quiz.false"),
              WidgetRole::Option};
    wd.selected = r.trueFalseAnswer() && *r.trueFalseAnswer() == (i == 0);
    QuizPart part{QuizPartKind::TrueFalse, i, wd};
    if (pl.reveal) {
      part.right = r.item().answer == (i == 0);
      part.yours = wd.selected;
      part.tag = optionTag(ctx, part.right, part.yours);
    }
    p.parts.push_back(part);
  }
}

void planOrder(const Planner& pl, const QuizItem& item, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const QuizRunner& r = pl.r;
  const Rect area = p.answers;
  const std::size_t n = r.arrangement().size();
  const float gap = std::round(ctx.u(pl.young() ? metrics::kGap : 1.6f));
  std::size_t cols = 1;
  Point cell;
  if (pl.young()) {
    // Big picture cards, numbered, read row by row: at most three in a row.
    cols = n <= 3 ? n : (n == 4 ? 2 : 3);
    cell = cellSize(ctx, area, n, cols, gap, 70, 40);
  } else {
    // A numbered list, read down; in two columns when one would be too cramped.
    // Once checked, two columns of long, low cards, each tag beside its words.
    for (cols = pl.reveal && n > 3 ? 2 : 1; cols < (pl.reveal ? 2 : 3); ++cols) {
      const std::size_t rows = (n + cols - 1) / cols;
      if ((area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) >= ctx.u(11)) {
        break;
      }
    }
    cell = cellSize(ctx, area, n, cols, gap, cols == 1 ? 130 : 85, 16);
  }
  const auto rects = placeCells(area, n, cols, cell.x, cell.y, gap, !pl.young());
  for (std::size_t pos = 0; pos < n; ++pos) {
    // Once checked, the cards stand in the right order, each saying where the
    // pupil had put it.
    const std::size_t card = pl.reveal ? pos : r.arrangement()[pos];
    const QuizCard& c = item.cards[card];
    Widget wd{numbered("item:", pos), rects[pos], inLang(ctx, c.text), WidgetRole::Tile};
    wd.selected = !pl.reveal && pl.picked && *pl.picked == pos;
    wd.draggable = !pl.reveal;
    QuizPart part{QuizPartKind::OrderCard, pos, wd,
                  pl.young() && c.picture ? &*c.picture : nullptr};
    if (pl.reveal) {
      const auto& a = r.arrangement();
      const auto had = static_cast<std::size_t>(std::find(a.begin(), a.end(), card) - a.begin());
      part.right = had == pos;
      part.yours = true;
      part.tag = part.right ? kTickSpace + ctx.tr("quiz.mark-right-place")
                            : ctx.trf("quiz.mark-you-had", {{"place", std::to_string(had + 1)}});
    }
    p.parts.push_back(part);
  }
  p.cardFont = sharedFont(ctx, p, QuizPartKind::OrderCard, pl.young(),
                          pl.young() ? text_size::kHeading : text_size::kBody, &p.cardsCut);
}

void planSort(const Planner& pl, const QuizItem& item, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const Rect area = p.answers;
  const float gap = std::round(ctx.u(metrics::kGap));
  // The boxes along the bottom, side by side, as tall as their names need.
  const std::size_t g = std::max<std::size_t>(item.groups.size(), 1);
  const float boxW =
      std::min(ctx.u(80), (area.w - gap * static_cast<float>(g - 1)) / static_cast<float>(g));
  const float shapeW = std::round(ctx.u(pl.young() ? 10 : 6.5f));
  const float labelMax = pl.young() ? text_size::kHeading : text_size::kBody;
  float boxH = ctx.u(pl.young() ? 13 : 11.5f);
  for (const QuizGroup& gr : item.groups) {
    const std::string& label = inLang(ctx, gr.label);
    const float w = boxW - shapeW - ctx.u(4.2f);
    const FontSpec f = fitFont(ctx, label, Rect{0, 0, std::max(1.0f, w), ctx.u(10)}, {labelMax},
                               FontWeight::Bold, quizFit(kCardTextMin));
    boxH = std::max(boxH, textBlockHeight(ctx, label, f, w) + ctx.u(4.2f));
  }
  boxH = std::round(std::min(boxH, ctx.u(18)));
  const Rect boxes{area.x, area.bottom() - boxH, area.w, boxH};
  const auto boxRects = placeCells(boxes, item.groups.size(), g, boxW, boxH, gap, false);
  // The cards above them, in the pack's order, in the columns that let their
  // words be largest (the young: at most three in a row).
  const std::size_t n = item.cards.size();
  const float rowGap = std::round(ctx.u(1.6f));
  const Rect cardsArea{area.x, area.y, area.w, std::max(0.0f, boxes.y - gap - area.y)};
  const std::size_t maxCols = std::min<std::size_t>(n, pl.young() ? 3 : 4);
  std::vector<Rect> best;
  int bestCut = 0;
  int bestPx = -1;
  float bestH = 0;
  for (std::size_t cols = 1; cols <= maxCols; ++cols) {
    const std::size_t rows = (n + cols - 1) / cols;
    const float rawH =
        (cardsArea.h - rowGap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    if (rawH < ctx.u(kMinCard) && cols < maxCols) {
      continue; // too many rows to fit
    }
    const Point cell =
        cellSize(ctx, cardsArea, n, cols, gap, pl.young() ? 62 : 70, pl.young() ? 30 : 22, rowGap);
    QuizPlan trial;
    trial.reveal = p.reveal;
    trial.tagFont = p.tagFont;
    const auto rects = placeCells(cardsArea, n, cols, cell.x, cell.y, gap, false, rowGap);
    for (std::size_t c = 0; c < n; ++c) {
      const QuizCard& card = item.cards[c];
      trial.parts.push_back(QuizPart{QuizPartKind::SortCard, c,
                                     Widget{"", rects[c], inLang(ctx, card.text), WidgetRole::Tile},
                                     pl.young() && card.picture ? &*card.picture : nullptr});
      if (pl.reveal) {
        markSortCard(pl, item, c, trial.parts.back());
      }
    }
    int cut = 0;
    const FontSpec f = sharedFont(ctx, trial, QuizPartKind::SortCard, pl.young(), labelMax, &cut);
    // Fewest cut short, then the largest words, then the tallest cards.
    if (best.empty() || cut < bestCut || (cut == bestCut && f.pixelSize > bestPx) ||
        (cut == bestCut && f.pixelSize == bestPx && cell.y > bestH)) {
      bestCut = cut;
      bestPx = f.pixelSize;
      bestH = cell.y;
      best = rects;
      p.cardFont = f;
      p.cardsCut = cut;
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    const QuizCard& card = item.cards[c];
    Widget wd{numbered("item:", c), best[c], inLang(ctx, card.text), WidgetRole::Tile};
    wd.selected = !pl.reveal && pl.picked && *pl.picked == c;
    wd.draggable = !pl.reveal;
    p.parts.push_back(QuizPart{QuizPartKind::SortCard, c, wd,
                               pl.young() && card.picture ? &*card.picture : nullptr});
    if (pl.reveal) {
      markSortCard(pl, item, c, p.parts.back());
    }
  }
  for (std::size_t i = 0; i < item.groups.size(); ++i) {
    Widget wd{numbered("group:", i), boxRects[i], inLang(ctx, item.groups[i].label),
              WidgetRole::Tile};
    p.parts.push_back(QuizPart{QuizPartKind::Group, i, wd});
  }
  p.groupFont = ctx.font(labelMax, FontWeight::Bold);
  for (const QuizPart& part : p.parts) {
    if (part.kind == QuizPartKind::Group) {
      const float w = part.widget.rect.w - shapeW - ctx.u(4.2f);
      const FontSpec f = fitFont(ctx, part.widget.label,
                                 Rect{0, 0, std::max(1.0f, w), part.widget.rect.h - ctx.u(3.2f)},
                                 {labelMax}, FontWeight::Bold, quizFit(kCardTextMin));
      p.groupFont.pixelSize = std::min(p.groupFont.pixelSize, f.pixelSize);
    }
  }
}

} // namespace

// ---- planQuiz ----

QuizPlan planQuiz(const UiContext& ctx, const QuizRunner* r, bool young,
                  std::optional<std::size_t> picked) {
  QuizPlan p;
  p.content = stepContentArea(ctx);
  // The action button is as wide as its widest label, so it never jumps.
  const std::string check = ctx.tr("quiz.check");
  const std::string next = ctx.tr("lesson.next");
  float actionW = 0;
  for (const std::string* s : {&check, &next}) {
    actionW = std::max(actionW, buttonWidth(ctx, *s, true));
  }
  Rect action = cornerButton(ctx, Corner::BottomRight, next, true);
  action.x = action.right() - actionW;
  action.w = actionW;
  p.action = Widget{"next", action, next, WidgetRole::Button};
  // The content ends over the bottom row, whose buttons grow with the text size.
  p.content.h = std::max(
      0.0f, std::min(p.content.h, std::floor(action.y - ctx.u(metrics::kGap)) - p.content.y));
  if (r == nullptr) {
    return p;
  }
  if (r->phase() == QuizRunner::Phase::Answering) {
    p.action.id = "check";
    p.action.label = check;
    p.action.enabled = r->canCheck();
  }
  // Progress in the bottom row, between "read to me" and the "saved" mark beside
  // the action, never under either.
  const float gap = ctx.u(metrics::kGap);
  float left = ctx.u(chrome::kBarTop);
  if (!r->isFinished() && r->item().narration) {
    left = cornerButton(ctx, Corner::BottomLeft, ctx.tr("common.read-aloud"), true).right();
  }
  const float right = saveMarkRect(ctx, action.x).x;
  p.progress = Rect{left + gap, action.y, std::max(0.0f, right - gap - (left + gap)), action.h};
  if (r->isFinished()) {
    p.answers = p.content;
    return p;
  }

  const QuizItem& item = r->item();
  const bool reveal = r->phase() == QuizRunner::Phase::Feedback;
  const Planner pl{ctx, *r, young, reveal ? std::nullopt : picked, reveal};
  // The question, as large as the band asks, at most a third of the height.
  const float maxPrompt = young ? text_size::kHeading + 0.8f : text_size::kBody + 0.6f;
  const float promptW = std::min(p.content.w, ctx.u(165));
  const float promptMaxH = std::round(p.content.h * 0.3f);
  const std::string& prompt = inLang(ctx, item.prompt);
  p.promptFont = fitFont(ctx, prompt, Rect{0, 0, std::max(1.0f, promptW), promptMaxH}, {maxPrompt},
                         FontWeight::Bold, quizFit(text_size::kDetail));
  const float promptH = std::min(promptMaxH, textBlockHeight(ctx, prompt, p.promptFont, promptW));
  p.prompt =
      Rect{std::round(p.content.x + (p.content.w - promptW) / 2), p.content.y, promptW, promptH};
  float y = p.prompt.bottom() + ctx.u(1.5f);
  const bool moving = item.type == QuizType::Sort || item.type == QuizType::Order;
  if (moving && r->phase() == QuizRunner::Phase::Answering) {
    // As tall as the longer of its two wordings needs (before and after a card is
    // picked, the second in bold), so the cards do not jump when one is picked.
    const bool sort = item.type == QuizType::Sort;
    const float hintH = std::ceil(std::max(
        textBlockHeight(ctx, ctx.tr(sort ? "quiz.hint-sort" : "quiz.hint-order"),
                        ctx.font(text_size::kDetail), p.prompt.w),
        textBlockHeight(ctx, ctx.tr(sort ? "quiz.hint-sort-picked" : "quiz.hint-order-picked"),
                        ctx.font(text_size::kDetail, FontWeight::Bold), p.prompt.w)));
    p.hint = Rect{p.prompt.x, y - ctx.u(0.5f), p.prompt.w, hintH};
    y += hintH + ctx.u(1);
  } else {
    y += ctx.u(1);
  }
  p.answers = Rect{p.content.x, y, p.content.w, std::max(0.0f, p.content.bottom() - y)};
  if (reveal) {
    // The feedback, kind either way, then the answer: the right cards marked with
    // a tick and words, the pupil's own choice still showing. The words come
    // first; when they and the cards cannot both fit, the words scroll.
    const bool wasRight = r->lastResult().value_or(false);
    p.reveal = true;
    p.feedbackHeading = ctx.tr(wasRight ? "quiz.right" : "quiz.answer-heading");
    p.feedbackText = inLang(ctx, wasRight ? item.feedbackCorrect : item.feedbackIncorrect);
    // A short marker: it grows with the pupil's text size only a little, so it
    // never crowds out the card's own words.
    p.tagFont =
        ctx.fixedFont(text_size::kDetail * std::min(ctx.textScale, 1.25f), FontWeight::Bold);
    const float w = std::min(p.answers.w, ctx.u(165));
    p.feedbackNeed = feedbackPanelNeed(ctx, w, p.feedbackHeading, p.feedbackText);
    const float between = std::round(ctx.u(metrics::kGap));
    // The cards keep at least this much: a row of cards (two for sorting: the
    // cards and their boxes), at least half the room.
    // The words get at least their heading (scrolling for the rest);
    // the cards what is left, at least a row of them.
    const float least = feedbackPanelNeed(ctx, w, p.feedbackHeading, std::string_view{});
    float cardsLeast = std::max(p.answers.h * 0.5f, ctx.u(2 * kMinCard + 4));
    if (item.type == QuizType::Single || item.type == QuizType::Multiple) {
      // Every row of options at least as tall as a card may be.
      const std::size_t n = item.options.size();
      const std::size_t cols = young ? std::min<std::size_t>(n, 3) : (n >= 4 ? 2 : 1);
      const auto rows = static_cast<float>((n + cols - 1) / std::max<std::size_t>(cols, 1));
      cardsLeast =
          std::max(cardsLeast, ctx.u(rows * (kMinCard + 0.5f) + (rows - 1) * metrics::kGap));
    }
    if (item.type == QuizType::Sort) {
      // The boxes, then the cards in rows over them, each with room for its tag.
      const float rows = std::ceil(static_cast<float>(item.cards.size()) / (young ? 3.0f : 4.0f));
      cardsLeast = std::max(cardsLeast, ctx.u((young ? 13 : 11.5f) + metrics::kGap + rows * 13.5f +
                                              (rows - 1) * 1.6f));
    }
    if (item.type == QuizType::Order && !young) {
      // A list in two columns, its rows as tall as while answering.
      const float rows = std::ceil(static_cast<float>(item.cards.size()) / 2);
      cardsLeast = std::max(cardsLeast, ctx.u(rows * 12.5f + (rows - 1) * 1.6f));
    }
    const float panelH = std::floor(std::max(
        0.0f, std::min(p.feedbackNeed, std::max(least, p.answers.h - cardsLeast - between))));
    p.feedback = Rect{std::round(p.answers.x + (p.answers.w - w) / 2), p.answers.y, w, panelH};
    if (p.feedbackNeed > panelH) {
      // It will scroll: the words keep clear of the bar and its cue.
      p.feedbackWordsW = w - ScrollBox::gutter(ctx);
      p.feedbackNeed = feedbackPanelNeed(ctx, p.feedbackWordsW, p.feedbackHeading, p.feedbackText);
    } else {
      p.feedbackWordsW = w;
    }
    p.answers.y += panelH + between;
    p.answers.h = std::max(0.0f, p.answers.h - panelH - between);
  }
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    planOptions(pl, item, p);
    break;
  case QuizType::TrueFalse:
    planTrueFalse(pl, p);
    break;
  case QuizType::Order:
  case QuizType::Sort:
    if (item.type == QuizType::Order) {
      planOrder(pl, item, p);
    } else {
      planSort(pl, item, p);
    }
    if (p.cardsCut > 0 && !p.hint.empty()) {
      // Short of room (a 4:3 board, many long cards): the cards' words matter
      // more than the line saying how to move them.
      QuizPlan roomier = p;
      roomier.parts.clear();
      roomier.answers.h += roomier.answers.y - p.hint.y;
      roomier.answers.y = p.hint.y;
      roomier.hint = Rect{};
      if (item.type == QuizType::Order) {
        planOrder(pl, item, roomier);
      } else {
        planSort(pl, item, roomier);
      }
      if (roomier.cardsCut < p.cardsCut) {
        p = roomier;
      }
    }
    break;
  }
  return p;
}

// ---- inside a card ----

CardBoxes cardBoxes(const UiContext& ctx, const Rect& r, bool picture, bool young) {
  CardBoxes b;
  const float pad = std::round(ctx.u(young ? 1.6f : 1.2f));
  // Words need the height more than the edge does.
  const float padY = std::round(ctx.u(young ? 1.0f : 0.8f));
  const Rect inner{r.x + pad, r.y + padY, std::max(0.0f, r.w - 2 * pad),
                   std::max(0.0f, r.h - 2 * padY)};
  const float markW = std::round(ctx.u(young ? 7.0f : 5.0f));
  const float gap = std::round(ctx.u(young ? 1.2f : 0.8f));
  b.tall = young && inner.h >= ctx.u(20) && inner.h * 1.1f >= inner.w * 0.5f;
  if (b.tall) {
    b.mark = Rect{inner.x, inner.y, markW, markW};
    if (picture) {
      const float lineH = ctx.text.metrics(ctx.font(text_size::kHeading)).lineHeight();
      const float textH = std::min(inner.h * 0.45f, 2 * lineH);
      const float picH = std::max(0.0f, inner.h - textH - gap);
      b.picture = Rect{inner.x + markW, inner.y, std::max(0.0f, inner.w - 2 * markW), picH};
      b.text =
          Rect{inner.x, inner.y + picH + gap, inner.w, inner.bottom() - (inner.y + picH + gap)};
    } else {
      b.text = Rect{inner.x + markW, inner.y, std::max(0.0f, inner.w - 2 * markW), inner.h};
    }
    return b;
  }
  b.mark = Rect{inner.x, inner.y, markW, inner.h};
  float x = b.mark.right() + gap;
  if (picture) {
    const float picW = std::round(std::min(inner.h * 4 / 3, (inner.right() - x) * 0.4f));
    b.picture = Rect{x, inner.y, picW, inner.h};
    x += picW + gap;
  }
  b.text = Rect{x, inner.y, std::max(0.0f, inner.right() - x), inner.h};
  return b;
}

PartBoxes partBoxes(const UiContext& ctx, const QuizPlan& p, const QuizPart& part, bool young) {
  PartBoxes b{cardBoxes(ctx, part.widget.rect, part.picture != nullptr, young), Rect{}};
  if (!p.reveal || part.tag.empty()) {
    return b;
  }
  Rect& text = b.card.text;
  const FontMetrics m = ctx.text.metrics(p.tagFont);
  if (text.w > 3 * text.h && text.w > ctx.u(60)) {
    // A wide, low card (a list): the tag beside the words, on their right.
    const float w = std::round(std::min(text.w * 0.38f, measureText(part.tag, m) + ctx.u(1)));
    b.tag = Rect{text.right() - w, text.y, w, text.h};
    text.w = std::max(0.0f, text.w - w - ctx.u(1.5f));
    return b;
  }
  // Else over the card's words: as many lines as it needs, up to two.
  const WrappedText w = wrapText(part.tag, std::max(1.0f, text.w), m);
  const float lines = std::min(2.0f, static_cast<float>(std::max<std::size_t>(1, w.lines.size())));
  const float h = std::min(text.h * 0.5f, std::ceil(lines * m.lineHeight()));
  b.tag = Rect{text.x, text.y, text.w, h};
  text.y += h;
  text.h = std::max(0.0f, text.h - h);
  return b;
}

const char* groupShape(std::size_t group) {
  static const char* const kShapes[] = {"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xB2",
                                        "\xE2\x97\x86"}; // ● ■ ▲ ◆
  return kShapes[group % (sizeof(kShapes) / sizeof(kShapes[0]))];
}

const QuizPart* findPart(const QuizPlan& p, std::string_view widgetId) {
  for (const QuizPart& part : p.parts) {
    if (part.widget.id == widgetId) {
      return &part;
    }
  }
  return nullptr;
}

} // namespace sq
