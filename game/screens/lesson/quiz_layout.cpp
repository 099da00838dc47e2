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
// `cut`: how many of them would still have words (their own or their tag's)
// cut short at that size.
FontSpec sharedFont(const UiContext& ctx, const QuizPlan& p, QuizPartKind kind, bool young,
                    float maxUnits, int* cut = nullptr) {
  FontSpec spec = ctx.font(maxUnits, FontWeight::Bold);
  std::vector<PartBoxes> boxes;
  for (const QuizPart& part : p.parts) {
    if (part.kind != kind) {
      continue;
    }
    boxes.push_back(partBoxes(ctx, p, part, young));
    const Rect& text = boxes.back().card.text;
    const FontSpec f = fitFont(ctx, part.widget.label, Rect{0, 0, std::max(1.0f, text.w), text.h},
                               {maxUnits}, FontWeight::Bold, quizFit(kCardTextMin));
    spec.pixelSize = std::min(spec.pixelSize, f.pixelSize);
  }
  if (cut != nullptr) {
    *cut = 0;
    const FontMetrics m = ctx.text.metrics(spec);
    const FontMetrics tm = ctx.text.metrics(p.tagFont);
    const auto short_ = [](const std::string& words, const Rect& box, const FontMetrics& fm) {
      const WrappedText w = wrapText(words, std::max(1.0f, box.w), fm);
      return w.overflow || static_cast<float>(w.lines.size()) * fm.lineHeight() > box.h + 0.5f;
    };
    std::size_t i = 0;
    for (const QuizPart& part : p.parts) {
      if (part.kind == kind) {
        const PartBoxes& b = boxes[i++];
        const bool tagShort = !part.tag.empty() && p.reveal && short_(part.tag, b.tag, tm);
        *cut += short_(part.widget.label, b.card.text, m) || tagShort ? 1 : 0;
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
  bool reveal;  // checked: the right answer is shown
  bool picture; // the item's own picture may take a share of the room
  // Cards may grow this much taller than their usual most: words at a big text
  // size, and the tags once checked, need the height.
  float grow;
  bool scrolling; // the cards may be as tall as they need: fewer to a row
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
  if (!pl.reveal && pl.picture) {
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
                              (pictures ? 44 : (pl.young() ? 26 : 20)) * pl.grow);
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
                          pl.young() ? text_size::kHeading : text_size::kBody, &p.cardsCut);
}

void planTrueFalse(const Planner& pl, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const QuizRunner& r = pl.r;
  Rect area = p.answers;
  if (!pl.reveal && pl.picture) {
    p.picture = takePicture(ctx, r.item(), area);
  }
  const float gap = std::round(ctx.u(metrics::kGap * 2));
  const float w = std::min(ctx.u(62), (area.w - gap) / 2);
  float h = std::max(ctx.u(kMinCard), std::min(area.h, ctx.u(pl.young() ? 40 : 32)));
  const std::string words[2] = {ctx.tr("quiz.true"), ctx.tr("quiz.false")};
  if (pl.reveal) {
    // Once checked: the tag over the word, each as many lines as it needs; the
    // big symbol gives them its room. The card is as tall as they need.
    const float inner = std::max(1.0f, w - 2 * std::round(ctx.u(1.6f)));
    p.wordFont =
        ctx.font(pl.young() ? text_size::kTitle : text_size::kHeading + 1, FontWeight::Bold);
    for (const std::string& word : words) {
      const FontSpec f = fitFont(ctx, word, Rect{0, 0, inner, ctx.u(1000)},
                                 {pl.young() ? text_size::kTitle : text_size::kHeading + 1},
                                 FontWeight::Bold, kShrinkToDetail);
      p.wordFont.pixelSize = std::min(p.wordFont.pixelSize, f.pixelSize);
    }
    float need = 0;
    for (std::size_t i = 0; i < 2; ++i) {
      const std::string tag = optionTag(ctx, r.item().answer == (i == 0),
                                        r.trueFalseAnswer() && *r.trueFalseAnswer() == (i == 0));
      const float tagH = tag.empty() ? 0.0f : textBlockHeight(ctx, tag, p.tagFont, inner);
      need = std::max(need, tagH + textBlockHeight(ctx, words[i], p.wordFont, inner));
    }
    need = std::ceil(need + 2 * std::round(ctx.u(1.6f)) + 2);
    h = std::max(h, need);
    p.cardsCut = h > area.h + 0.5f ? 1 : 0;
  }
  const auto rects = placeCells(area, 2, 2, w, h, gap, false);
  for (std::size_t i = 0; i < 2; ++i) {
    Widget wd{numbered("answer:", i), rects[i], words[i], WidgetRole::Option};
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
    cell = cellSize(ctx, area, n, cols, gap, 70, 40 * pl.grow);
  } else {
    // A numbered list, read down; in two columns when one would be too cramped.
    // Once checked, two columns of long, low cards, each tag beside its words.
    for (cols = pl.reveal && n > 3 ? 2 : 1; cols < (pl.reveal ? 2 : 3); ++cols) {
      const std::size_t rows = (n + cols - 1) / cols;
      if ((area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) >= ctx.u(11)) {
        break;
      }
    }
    cell = cellSize(ctx, area, n, cols, gap, cols == 1 ? 130 : 85, 16 * pl.grow);
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

// Sorting's boxes, side by side along the bottom of `area`, as tall as their
// names need (their words smaller only when the boxes would take too much of the
// room). Fixed: they stay in view when the cards scroll. Returns their height.
float planSortBoxes(const UiContext& ctx, const QuizItem& item, bool young, const Rect& area,
                    QuizPlan& p) {
  const float gap = std::round(ctx.u(metrics::kGap));
  const std::size_t g = std::max<std::size_t>(item.groups.size(), 1);
  const float boxW =
      std::min(ctx.u(80), (area.w - gap * static_cast<float>(g - 1)) / static_cast<float>(g));
  const float shapeW = std::round(ctx.u(young ? 10 : 6.5f));
  const float labelMax = young ? text_size::kHeading : text_size::kBody;
  const float textW = std::max(1.0f, boxW - shapeW - ctx.u(4.2f));
  // At most this tall: the cards need the rest.
  const float most = std::max(ctx.u(18), std::round(area.h * 0.34f));
  p.groupFont = ctx.font(labelMax, FontWeight::Bold);
  for (const QuizGroup& gr : item.groups) {
    const FontSpec f = fitFont(ctx, inLang(ctx, gr.label), Rect{0, 0, textW, most - ctx.u(4.2f)},
                               {labelMax}, FontWeight::Bold, quizFit(kCardTextMin));
    p.groupFont.pixelSize = std::min(p.groupFont.pixelSize, f.pixelSize);
  }
  float boxH = ctx.u(young ? 13 : 11.5f);
  for (const QuizGroup& gr : item.groups) {
    boxH = std::max(boxH,
                    textBlockHeight(ctx, inLang(ctx, gr.label), p.groupFont, textW) + ctx.u(4.2f));
  }
  boxH = std::ceil(boxH);
  const Rect boxes{area.x, area.bottom() - boxH, area.w, boxH};
  const auto boxRects = placeCells(boxes, item.groups.size(), g, boxW, boxH, gap, false);
  for (std::size_t i = 0; i < item.groups.size(); ++i) {
    Widget wd{numbered("group:", i), boxRects[i], inLang(ctx, item.groups[i].label),
              WidgetRole::Tile};
    QuizPart part{QuizPartKind::Group, i, wd};
    part.fixed = true;
    p.parts.push_back(part);
  }
  return boxH;
}

// The cards to sort, in the pack's order, in the columns that let their words be
// largest (the young: at most three in a row).
void planSortCards(const Planner& pl, const QuizItem& item, QuizPlan& p) {
  const UiContext& ctx = pl.ctx;
  const float gap = std::round(ctx.u(metrics::kGap));
  const float labelMax = pl.young() ? text_size::kHeading : text_size::kBody;
  const std::size_t n = item.cards.size();
  const float rowGap = std::round(ctx.u(1.6f));
  const Rect& cardsArea = p.answers;
  const std::size_t maxCols = std::min<std::size_t>(n, pl.scrolling ? 2 : (pl.young() ? 3 : 4));
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
    // Scrolling, a card may be as wide as the view: its words need the width.
    const float maxW = pl.scrolling ? cardsArea.w / ctx.unit() : (pl.young() ? 62.0f : 70.0f);
    const Point cell =
        cellSize(ctx, cardsArea, n, cols, gap, maxW, (pl.young() ? 30 : 22) * pl.grow, rowGap);
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
}

// The parts for `item` in p.answers.
void planParts(const Planner& pl, const QuizItem& item, QuizPlan& p) {
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    planOptions(pl, item, p);
    break;
  case QuizType::TrueFalse:
    planTrueFalse(pl, p);
    break;
  case QuizType::Order:
    planOrder(pl, item, p);
    break;
  case QuizType::Sort:
    planSortCards(pl, item, p);
    break;
  }
}

// Every word of every card whole, at the pupil's detail size or larger.
bool partsFit(const UiContext& ctx, const QuizItem& item, const QuizPlan& p) {
  if (p.cardsCut > 0) {
    return false;
  }
  if (item.type == QuizType::TrueFalse) {
    return true;
  }
  return p.cardFont.pixelSize >= ctx.font(text_size::kDetail, FontWeight::Bold).pixelSize;
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
  const float top = std::round(p.prompt.bottom() + ctx.u(1.5f));
  p.view = Rect{p.content.x, top, p.content.w, std::max(0.0f, p.content.bottom() - top)};
  if (item.type == QuizType::Sort) {
    // The boxes stay in view under whatever scrolls.
    const float boxH = planSortBoxes(ctx, item, young, p.view, p);
    p.view.h = std::max(0.0f, p.view.h - boxH - std::round(ctx.u(metrics::kGap)));
  }
  if (reveal) {
    const bool wasRight = r->lastResult().value_or(false);
    p.reveal = true;
    p.feedbackHeading = ctx.tr(wasRight ? "quiz.right" : "quiz.answer-heading");
    p.feedbackText = inLang(ctx, wasRight ? item.feedbackCorrect : item.feedbackIncorrect);
    // A short marker: it grows with the pupil's text size only a little, so it
    // never crowds out the card's own words.
    p.tagFont =
        ctx.fixedFont(text_size::kDetail * std::min(ctx.textScale, 1.25f), FontWeight::Bold);
  }
  const bool moving = item.type == QuizType::Sort || item.type == QuizType::Order;
  const bool hint = moving && !reveal;

  // One try: the hint, the feedback (once checked, kind either way, then the
  // answer: the right cards marked with a tick and words, the pupil's own choice
  // still showing) and the parts, `width` wide; the parts `answersH` tall (below
  // 0: the rest of the view).
  const QuizPlan base = p;
  const auto attempt = [&](float width, float answersH, bool picture, float grow, bool scrolling) {
    QuizPlan t = base;
    float y = t.view.y;
    if (hint) {
      // As tall as the longer of its two wordings needs (before and after a card
      // is picked, the second in bold), so the cards do not jump when one is picked.
      const bool sort = item.type == QuizType::Sort;
      const float w = std::min(width, t.prompt.w);
      const float hintH = std::ceil(std::max(
          textBlockHeight(ctx, ctx.tr(sort ? "quiz.hint-sort" : "quiz.hint-order"),
                          ctx.font(text_size::kDetail), w),
          textBlockHeight(ctx, ctx.tr(sort ? "quiz.hint-sort-picked" : "quiz.hint-order-picked"),
                          ctx.font(text_size::kDetail, FontWeight::Bold), w)));
      t.hint = Rect{std::round(t.view.x + (width - w) / 2), y - ctx.u(0.5f), w, hintH};
      y += hintH + ctx.u(1);
    }
    if (reveal) {
      // Its words begin and end on whole pixels (the panel's padding is 3 units),
      // so their glyphs' overhang stays within a pixel of their room.
      const float pad = ctx.u(3);
      const float w = std::floor(std::min(width, ctx.u(165)) - 2 * pad) + 2 * pad;
      const float need = feedbackPanelNeed(ctx, w, t.feedbackHeading, t.feedbackText);
      const float x = std::round(t.view.x + (width - w) / 2 + pad) - pad;
      t.feedback = Rect{x, y, w, need};
      y += need + std::round(ctx.u(metrics::kGap));
    }
    y = std::round(y);
    t.answers =
        Rect{t.view.x, y, width, answersH >= 0 ? answersH : std::max(0.0f, t.view.bottom() - y)};
    const Planner pl{ctx,    *r,      young, reveal ? std::nullopt : picked,
                     reveal, picture, grow,  scrolling};
    planParts(pl, item, t);
    return t;
  };
  const float grow = std::max(1.0f, ctx.textScale) * (reveal ? 1.4f : 1.0f);
  // On the screen as it is: with the item's picture, then without it.
  for (const bool picture : {true, false}) {
    if (!picture && (reveal || !item.picture)) {
      continue;
    }
    QuizPlan t = attempt(p.view.w, -1, picture, 1.0f, false);
    bool inView = t.answers.h >= ctx.u(kMinCard);
    for (const QuizPart& part : t.parts) {
      inView = inView && (part.fixed || part.widget.rect.bottom() <= t.view.bottom() + 0.5f);
    }
    if (inView && partsFit(ctx, item, t)) {
      t.scrollNeed = t.view.h;
      return t;
    }
  }
  // Else everything under the question scrolls, narrower (clear of the bar and its
  // cue), with the cards as tall as their words need: at least most of the
  // screen, and taller until every word shows.
  const float width = std::max(1.0f, p.view.w - ScrollBox::gutter(ctx));
  QuizPlan t;
  for (const float k : {1.0f, 1.3f, 1.7f, 2.2f, 3.0f, 4.0f, 5.0f, 6.5f, 8.0f}) {
    QuizPlan tk = attempt(width, std::round(std::max(p.view.h, p.content.h * 0.8f) * k), false,
                          grow * k, true);
    const bool fits = partsFit(ctx, item, tk);
    // Never fitting (a word longer than a card is wide): the fewest cut short.
    if (fits || k == 1.0f || tk.cardsCut < t.cardsCut) {
      t = std::move(tk);
    }
    if (fits) {
      break;
    }
  }
  // Top to bottom, no gap: what is under the cards is the end of the scroll.
  float first = t.answers.bottom();
  float last = t.answers.y;
  for (const QuizPart& part : t.parts) {
    if (!part.fixed) {
      first = std::min(first, part.widget.rect.y);
      last = std::max(last, part.widget.rect.bottom());
    }
  }
  const float lift = std::max(0.0f, first - t.answers.y);
  for (QuizPart& part : t.parts) {
    if (!part.fixed) {
      part.widget.rect.y -= lift;
    }
  }
  t.scrolls = true;
  t.scrollNeed = std::ceil(last - lift - t.view.y + ctx.u(1));
  return t;
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
      // The picture no taller than its width allows (4:3): a card planned taller
      // for its words gives them the room.
      const float textH = std::min(inner.h * 0.45f, 2 * lineH);
      const float picH = std::max(
          0.0f, std::min(inner.h - textH - gap, std::round((inner.w - 2 * markW) * 0.75f)));
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
  if (b.card.tall && !b.card.picture.empty()) {
    // A picture card: the tag under the picture, which gives it most of the
    // room (keeping two fifths of itself); the words give the rest.
    const WrappedText w = wrapText(part.tag, std::max(1.0f, text.w), m);
    const float h =
        std::ceil(static_cast<float>(std::max<std::size_t>(1, w.lines.size())) * m.lineHeight());
    const float fromPicture = std::floor(std::min(h, b.card.picture.h * 0.6f));
    b.card.picture.h -= fromPicture;
    b.tag = Rect{text.x, text.y - fromPicture, text.w, h};
    text.y = b.tag.bottom();
    text.h = std::max(0.0f, text.h - (h - fromPicture));
    return b;
  }
  if (text.w > 3 * text.h && text.w > ctx.u(60)) {
    // A wide, low card (a list): the tag beside the words, on their right.
    const float w = std::round(std::min(text.w * 0.38f, measureText(part.tag, m) + ctx.u(1)));
    b.tag = Rect{text.right() - w, text.y, w, text.h};
    text.w = std::max(0.0f, text.w - w - ctx.u(1.5f));
    return b;
  }
  // Else over the card's words: as many lines as it needs (a card too low for
  // them is planned taller, or scrolls).
  const WrappedText w = wrapText(part.tag, std::max(1.0f, text.w), m);
  const auto lines = static_cast<float>(std::max<std::size_t>(1, w.lines.size()));
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
