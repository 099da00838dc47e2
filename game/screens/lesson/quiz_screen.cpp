#include "screens/lesson/quiz_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace sq {

namespace {

const char* const kTick = "\xE2\x9C\x94";  // ✔
const char* const kCross = "\xE2\x9C\x98"; // ✘
const char* const kNext = "\xE2\x86\x92";  // →
const char* const kAgain = "\xE2\x86\xBA"; // ↺
const char* const kShapes[] = {"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xB2",
                               "\xE2\x97\x86"}; // ● ■ ▲ ◆

const char* groupShape(std::size_t g) {
  return kShapes[g % (sizeof(kShapes) / sizeof(kShapes[0]))];
}

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

// Inside a card: the mark (tick, ring, number or the box's shape), the picture
// (the young only) and the words. Tall young cards put the picture on top.
struct CardBoxes {
  Rect mark;
  Rect picture; // empty: none
  Rect text;
  bool tall = false;
};

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

enum class PartKind { Option, TrueFalse, OrderCard, SortCard, Group };

// One thing to press in the answer area, where it is and what it stands for.
struct Part {
  PartKind kind;
  std::size_t index; // option, card (sort), position (order) or group
  Widget widget;
  const Picture* picture = nullptr; // shown on the card (the young only)
};

// Where everything goes in the current state.
struct Plan {
  Rect content;
  Rect prompt;
  FontSpec promptFont;
  Rect hint;    // sort and order: how to move cards
  Rect picture; // the item's own picture
  Rect answers; // what is left for the parts, or for the feedback
  std::vector<Part> parts;
  FontSpec cardFont;  // one size for all the cards' words
  FontSpec groupFont; // and for the boxes' names
  int cardsCut = 0;   // cards whose words are cut short even at the smallest size
  Rect progress;      // stars or "Question 2 of 5", between the bottom buttons
  Widget action;      // "check", or "next" ("Try again" after a wrong answer)
};

// One size for the words on the parts of `kind`: the largest all of them fit.
FontSpec sharedFont(const UiContext& ctx, const Plan& p, PartKind kind, bool young, float maxUnits,
                    int* cut = nullptr) {
  FontSpec spec = ctx.font(maxUnits, FontWeight::Bold);
  std::vector<Rect> boxes;
  for (const Part& part : p.parts) {
    if (part.kind != kind) {
      continue;
    }
    boxes.push_back(cardBoxes(ctx, part.widget.rect, part.picture != nullptr, young).text);
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
    for (const Part& part : p.parts) {
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

class QuizScreen final : public Screen {
public:
  explicit QuizScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {
    const QuizRunner* r = runner();
    if (r == nullptr) {
      return;
    }
    // Stars for the items already checked (a resumed quiz shows them again).
    mFirstTry.assign(r->itemCount(), -1);
    for (std::size_t i = 0; i < mFirstTry.size(); ++i) {
      if (const auto first = r->rightFirstTime(i)) {
        mFirstTry[i] = *first ? 1 : 0;
      }
    }
  }

  std::string_view id() const override { return "quiz"; }
  void layout(const UiContext& ctx, WidgetList& out) const override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool pointer(const InputEvent& e, const UiContext& ctx) override;
  std::string firstFocus() const override;

private:
  QuizRunner* runner() const { return mPlay->runner.runnerAs<QuizRunner>(); }
  bool young() const { return mPlay->youngBand(); }
  Plan plan(const UiContext& ctx) const;
  void planOptions(const UiContext& ctx, const QuizItem& item, Plan& p) const;
  void planTrueFalse(const UiContext& ctx, Plan& p) const;
  void planOrder(const UiContext& ctx, const QuizItem& item, Plan& p) const;
  void planSort(const UiContext& ctx, const QuizItem& item, Plan& p) const;

  void drawPart(UiContext& ctx, const Plan& p, const Part& part, const WidgetVisuals& v,
                const Rect& at, bool lifted, bool dropTarget);
  void drawProgress(UiContext& ctx, const QuizRunner& r, const Rect& box);
  void drawFinished(UiContext& ctx, const QuizRunner& r, const Plan& p);

  const Part* partAt(const Plan& p, Point at, PartKind kind) const;
  void clearPick() { mPicked.reset(); }

  std::shared_ptr<LessonPlay> mPlay;
  std::vector<int> mFirstTry; // per item: -1 not yet checked, 1 right first time, 0 not
  // "Pick it, then tap where it goes": the card picked (sort: card index; order:
  // its position in the arrangement).
  std::optional<std::size_t> mPicked;
  // A card being dragged with the mouse or a finger.
  struct Drag {
    PartKind kind = PartKind::SortCard;
    std::size_t index = 0; // card (sort) or position (order)
    std::string widgetId;
    Point start;
    Point now;
    Point grab; // where in the card it was held
    bool moving = false;
  };
  std::optional<Drag> mDrag;
  // A drag that ended on the card it began on: the stack will press that card
  // too, and that press is part of the drag, not a pick.
  std::string mSwallow;
};

Plan QuizScreen::plan(const UiContext& ctx) const {
  Plan p;
  p.content = stepContentArea(ctx);
  const QuizRunner* r = runner();
  // The action button is as wide as its widest label, so it never jumps.
  const std::string check = ctx.tr("quiz.check");
  const std::string again = ctx.tr("quiz.try-again");
  const std::string next = ctx.tr("lesson.next");
  float actionW = 0;
  for (const std::string* s : {&check, &again, &next}) {
    actionW = std::max(actionW, buttonWidth(ctx, *s, true));
  }
  Rect action = cornerButton(ctx, Corner::BottomRight, next, true);
  action.x = action.right() - actionW;
  action.w = actionW;
  p.action = Widget{"next", action, next, WidgetRole::Button};
  if (r == nullptr) {
    return p;
  }
  if (r->phase() == QuizRunner::Phase::Answering) {
    p.action.id = "check";
    p.action.label = check;
    p.action.enabled = r->canCheck();
  } else if (r->phase() == QuizRunner::Phase::Feedback && !r->lastResult().value_or(true)) {
    p.action.label = again;
  }
  // Progress in the middle of the bottom row, clear of "read to me" and the action.
  const float gap = ctx.u(metrics::kGap);
  float left = ctx.u(chrome::kBarTop);
  if (!r->isFinished() && r->item().narration) {
    left = cornerButton(ctx, Corner::BottomLeft, ctx.tr("common.read-aloud"), true).right();
  }
  const float mid = static_cast<float>(ctx.viewport.width) / 2;
  const float half = std::max(0.0f, std::min(mid - left - gap, action.x - gap - mid));
  p.progress = Rect{mid - half, action.y, 2 * half, action.h};
  if (r->isFinished()) {
    p.answers = p.content;
    return p;
  }

  const QuizItem& item = r->item();
  // The question, as large as the band asks, at most a third of the height.
  const float maxPrompt = young() ? text_size::kHeading + 0.8f : text_size::kBody + 0.6f;
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
    const float hintH = ctx.text.metrics(ctx.font(text_size::kDetail)).lineHeight();
    p.hint = Rect{p.prompt.x, y - ctx.u(0.5f), p.prompt.w, hintH};
    y += hintH + ctx.u(1);
  } else {
    y += ctx.u(1);
  }
  p.answers = Rect{p.content.x, y, p.content.w, std::max(0.0f, p.content.bottom() - y)};
  if (r->phase() != QuizRunner::Phase::Answering) {
    return p;
  }
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    planOptions(ctx, item, p);
    break;
  case QuizType::TrueFalse:
    planTrueFalse(ctx, p);
    break;
  case QuizType::Order:
    planOrder(ctx, item, p);
    break;
  case QuizType::Sort:
    planSort(ctx, item, p);
    if (p.cardsCut > 0 && !p.hint.empty()) {
      // Short of room (a 4:3 board, many long cards): the cards' words matter
      // more than the line saying how to move them.
      Plan roomier = p;
      roomier.parts.clear();
      roomier.answers.h += roomier.answers.y - p.hint.y;
      roomier.answers.y = p.hint.y;
      roomier.hint = Rect{};
      planSort(ctx, item, roomier);
      if (roomier.cardsCut < p.cardsCut) {
        p = roomier;
      }
    }
    break;
  }
  return p;
}

void QuizScreen::planOptions(const UiContext& ctx, const QuizItem& item, Plan& p) const {
  const QuizRunner& r = *runner();
  Rect area = p.answers;
  p.picture = takePicture(ctx, item, area);
  const std::size_t n = item.options.size();
  const bool pictures = young() && std::any_of(item.options.begin(), item.options.end(),
                                               [](const QuizOption& o) { return o.picture; });
  // The young: at most three in a row, big and with pictures. The older: a list,
  // or two columns when there are four or more.
  const std::size_t cols = young() ? std::min<std::size_t>(n, 3) : (n >= 4 ? 2 : 1);
  const float gap = std::round(ctx.u(metrics::kGap));
  const Point cell = cellSize(ctx, area, n, cols, gap, young() ? 70 : (cols == 1 ? 130 : 85),
                              pictures ? 44 : (young() ? 26 : 20));
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
    p.parts.push_back(Part{PartKind::Option, i, wd, young() && o.picture ? &*o.picture : nullptr});
  }
  p.cardFont = sharedFont(ctx, p, PartKind::Option, young(),
                          young() ? text_size::kHeading : text_size::kBody);
}

void QuizScreen::planTrueFalse(const UiContext& ctx, Plan& p) const {
  const QuizRunner& r = *runner();
  Rect area = p.answers;
  p.picture = takePicture(ctx, r.item(), area);
  const float gap = std::round(ctx.u(metrics::kGap * 2));
  const float w = std::min(ctx.u(62), (area.w - gap) / 2);
  const float h = std::max(ctx.u(kMinCard), std::min(area.h, ctx.u(young() ? 40 : 32)));
  const auto rects = placeCells(area, 2, 2, w, h, gap, false);
  for (std::size_t i = 0; i < 2; ++i) {
    Widget wd{numbered("answer:", i), rects[i], ctx.tr(i == 0 ? "quiz.true" : "quiz.false"),
              WidgetRole::Option};
    wd.selected = r.trueFalseAnswer() && *r.trueFalseAnswer() == (i == 0);
    p.parts.push_back(Part{PartKind::TrueFalse, i, wd});
  }
}

void QuizScreen::planOrder(const UiContext& ctx, const QuizItem& item, Plan& p) const {
  const QuizRunner& r = *runner();
  const Rect area = p.answers;
  const std::size_t n = r.arrangement().size();
  const float gap = std::round(ctx.u(young() ? metrics::kGap : 1.6f));
  std::size_t cols = 1;
  Point cell;
  if (young()) {
    // Big picture cards, numbered, read row by row: at most three in a row.
    cols = n <= 3 ? n : (n == 4 ? 2 : 3);
    cell = cellSize(ctx, area, n, cols, gap, 70, 40);
  } else {
    // A numbered list, read down; in two columns when one would be too cramped.
    for (cols = 1; cols < 3; ++cols) {
      const std::size_t rows = (n + cols - 1) / cols;
      if ((area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) >= ctx.u(11)) {
        break;
      }
    }
    cell = cellSize(ctx, area, n, cols, gap, cols == 1 ? 130 : 85, 16);
  }
  const auto rects = placeCells(area, n, cols, cell.x, cell.y, gap, !young());
  for (std::size_t pos = 0; pos < n; ++pos) {
    const QuizCard& c = item.cards[r.arrangement()[pos]];
    Widget wd{numbered("item:", pos), rects[pos], inLang(ctx, c.text), WidgetRole::Tile};
    wd.selected = mPicked && *mPicked == pos;
    p.parts.push_back(
        Part{PartKind::OrderCard, pos, wd, young() && c.picture ? &*c.picture : nullptr});
  }
  p.cardFont = sharedFont(ctx, p, PartKind::OrderCard, young(),
                          young() ? text_size::kHeading : text_size::kBody);
}

void QuizScreen::planSort(const UiContext& ctx, const QuizItem& item, Plan& p) const {
  const Rect area = p.answers;
  const float gap = std::round(ctx.u(metrics::kGap));
  // The boxes along the bottom, side by side, as tall as their names need.
  const std::size_t g = std::max<std::size_t>(item.groups.size(), 1);
  const float boxW =
      std::min(ctx.u(80), (area.w - gap * static_cast<float>(g - 1)) / static_cast<float>(g));
  const float shapeW = std::round(ctx.u(young() ? 10 : 6.5f));
  const float labelMax = young() ? text_size::kHeading : text_size::kBody;
  float boxH = ctx.u(young() ? 13 : 11.5f);
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
  const std::size_t maxCols = std::min<std::size_t>(n, young() ? 3 : 4);
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
        cellSize(ctx, cardsArea, n, cols, gap, young() ? 62 : 70, young() ? 30 : 22, rowGap);
    Plan trial;
    const auto rects = placeCells(cardsArea, n, cols, cell.x, cell.y, gap, false, rowGap);
    for (std::size_t c = 0; c < n; ++c) {
      const QuizCard& card = item.cards[c];
      trial.parts.push_back(Part{PartKind::SortCard, c,
                                 Widget{"", rects[c], inLang(ctx, card.text), WidgetRole::Tile},
                                 young() && card.picture ? &*card.picture : nullptr});
    }
    int cut = 0;
    const FontSpec f = sharedFont(ctx, trial, PartKind::SortCard, young(), labelMax, &cut);
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
    wd.selected = mPicked && *mPicked == c;
    p.parts.push_back(
        Part{PartKind::SortCard, c, wd, young() && card.picture ? &*card.picture : nullptr});
  }
  for (std::size_t i = 0; i < item.groups.size(); ++i) {
    Widget wd{numbered("group:", i), boxRects[i], inLang(ctx, item.groups[i].label),
              WidgetRole::Tile};
    p.parts.push_back(Part{PartKind::Group, i, wd});
  }
  p.groupFont = ctx.font(labelMax, FontWeight::Bold);
  for (const Part& part : p.parts) {
    if (part.kind == PartKind::Group) {
      const float w = part.widget.rect.w - shapeW - ctx.u(4.2f);
      const FontSpec f = fitFont(ctx, part.widget.label,
                                 Rect{0, 0, std::max(1.0f, w), part.widget.rect.h - ctx.u(3.2f)},
                                 {labelMax}, FontWeight::Bold, quizFit(kCardTextMin));
      p.groupFont.pixelSize = std::min(p.groupFont.pixelSize, f.pixelSize);
    }
  }
}

void QuizScreen::layout(const UiContext& ctx, WidgetList& out) const {
  addStepBack(ctx, out);
  const QuizRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const Plan p = plan(ctx);
  for (const Part& part : p.parts) {
    out.push_back(part.widget);
  }
  addStepBottom(ctx, out, !r->isFinished() && r->item().narration.has_value(), std::string());
  out.push_back(p.action);
}

std::string QuizScreen::firstFocus() const {
  const QuizRunner* r = runner();
  if (r == nullptr || r->phase() != QuizRunner::Phase::Answering) {
    return "next";
  }
  switch (r->item().type) {
  case QuizType::Single:
  case QuizType::Multiple:
  case QuizType::TrueFalse:
    return "answer:1";
  case QuizType::Order:
  case QuizType::Sort:
    return "item:1";
  }
  return {};
}

const Part* QuizScreen::partAt(const Plan& p, Point at, PartKind kind) const {
  for (const Part& part : p.parts) {
    if (part.kind == kind && part.widget.rect.contains(at)) {
      return &part;
    }
  }
  return nullptr;
}

// ---- input ----------------------------------------------------------------------

void QuizScreen::activate(std::string_view widgetId, UiHost& host) {
  if (!mSwallow.empty() && widgetId == mSwallow) {
    mSwallow.clear();
    return;
  }
  mSwallow.clear();
  if (widgetId == "back") {
    host.pop();
    return;
  }
  QuizRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  if (widgetId == "read-aloud") {
    if (!r->isFinished()) {
      narrate(*mPlay, host, r->item().narration, false);
    }
    return;
  }
  if (widgetId == "check") {
    const std::optional<bool> right = r->check();
    if (right) {
      clearPick();
      int& first = mFirstTry[r->itemIndex()];
      if (first < 0) {
        first = *right ? 1 : 0;
      }
    }
    return;
  }
  if (widgetId == "next") {
    if (r->isFinished()) {
      finishStep(mPlay, host);
    } else if (r->phase() == QuizRunner::Phase::Feedback) {
      if (!r->lastResult().value_or(true)) {
        r->retry(); // the pupil's answer stays, to change what needs changing
      } else if (r->next()) {
        clearPick();
        saveProgress(*mPlay, host);
        if (!r->isFinished()) {
          narrate(*mPlay, host, r->item().narration, true);
        }
      }
    }
    return;
  }
  if (r->phase() != QuizRunner::Phase::Answering) {
    return;
  }
  const QuizItem& item = r->item();
  if (const auto n = WidgetId::parse(widgetId).numbered("answer")) {
    if (item.type == QuizType::TrueFalse) {
      if (*n <= 2) {
        r->answerTrueFalse(*n == 1);
      }
    } else {
      r->selectOption(*n - 1);
    }
  } else if (const auto item1 = WidgetId::parse(widgetId).numbered("item")) {
    const std::size_t at = *item1 - 1;
    if (item.type == QuizType::Order && at < r->arrangement().size()) {
      if (mPicked && *mPicked != at) {
        r->moveCard(*mPicked, at);
        clearPick();
      } else {
        mPicked = mPicked ? std::nullopt : std::optional<std::size_t>(at);
      }
    } else if (item.type == QuizType::Sort && at < item.cards.size()) {
      mPicked = mPicked && *mPicked == at ? std::nullopt : std::optional<std::size_t>(at);
    }
  } else if (const auto group1 = WidgetId::parse(widgetId).numbered("group")) {
    if (item.type == QuizType::Sort && mPicked && r->assignCard(*mPicked, *group1 - 1)) {
      clearPick();
    }
  }
}

bool QuizScreen::key(const KeyDown& k, UiHost& host) {
  (void)host;
  // Esc puts a picked card down before it leaves the lesson.
  if (k.key == Key::Escape && !k.repeat && (mPicked || mDrag)) {
    clearPick();
    mDrag.reset();
    return true;
  }
  return false;
}

bool QuizScreen::pointer(const InputEvent& e, const UiContext& ctx) {
  QuizRunner* r = runner();
  if (r == nullptr || r->phase() != QuizRunner::Phase::Answering) {
    mDrag.reset();
    return false;
  }
  const QuizType type = r->item().type;
  if (type != QuizType::Sort && type != QuizType::Order) {
    return false;
  }
  const PartKind cardKind = type == QuizType::Sort ? PartKind::SortCard : PartKind::OrderCard;
  if (const auto* down = std::get_if<PointerDown>(&e)) {
    mSwallow.clear();
    mDrag.reset();
    if (down->button != PointerButton::Primary) {
      return false;
    }
    const Plan p = plan(ctx);
    const Point at{down->x, down->y};
    if (const Part* part = partAt(p, at, cardKind)) {
      Drag d;
      d.kind = cardKind;
      d.index = part->index;
      d.widgetId = part->widget.id;
      d.start = at;
      d.now = at;
      d.grab = Point{at.x - part->widget.rect.x, at.y - part->widget.rect.y};
      mDrag = d;
    }
    return false;
  }
  if (!mDrag) {
    return false;
  }
  if (const auto* move = std::get_if<PointerMove>(&e)) {
    if (!move->primaryHeld) {
      mDrag.reset(); // the button came up somewhere we did not hear of
      return true;
    }
    mDrag->now = Point{move->x, move->y};
    if (!mDrag->moving) {
      const float dx = mDrag->now.x - mDrag->start.x;
      const float dy = mDrag->now.y - mDrag->start.y;
      mDrag->moving = std::sqrt(dx * dx + dy * dy) >= ctx.u(2);
      if (mDrag->moving) {
        clearPick(); // a drag replaces a pick
      }
    }
    return mDrag->moving;
  }
  if (const auto* up = std::get_if<PointerUp>(&e)) {
    const Drag d = *mDrag;
    mDrag.reset();
    if (!d.moving) {
      return false; // a tap: the stack presses the card
    }
    const Plan p = plan(ctx);
    const Point at{up->x, up->y};
    if (d.kind == PartKind::SortCard) {
      if (const Part* group = partAt(p, at, PartKind::Group)) {
        r->assignCard(d.index, group->index);
      }
    } else if (const Part* target = partAt(p, at, PartKind::OrderCard)) {
      r->moveCard(d.index, target->index);
    }
    // Let go over the card it started from: the stack would press it.
    for (const Part& part : p.parts) {
      if (part.widget.id == d.widgetId && part.widget.rect.contains(at)) {
        mSwallow = d.widgetId;
      }
    }
    return true;
  }
  return false;
}

// ---- drawing --------------------------------------------------------------------

void QuizScreen::drawPart(UiContext& ctx, const Plan& p, const Part& part, const WidgetVisuals& v,
                          const Rect& at, bool lifted, bool dropTarget) {
  const Theme& t = ctx.theme;
  const QuizRunner& r = *runner();
  const Widget& w = part.widget;
  const bool pressed = v.pressed == w.id && !lifted;
  const bool hovered = v.hovered == w.id;
  const bool card = part.kind == PartKind::OrderCard || part.kind == PartKind::SortCard;
  const bool chosen = w.selected && !card; // an answer chosen
  const bool picked = w.selected && card;  // a card picked up to move
  Colour fill = pressed ? t.pressed : t.surface;
  Colour ink = t.text;
  Colour border = hovered || pressed ? t.accent : t.border;
  float borderUnits = hovered ? metrics::kBorder * 2 : metrics::kBorder;
  std::optional<std::size_t> group;
  if (part.kind == PartKind::SortCard && part.index < r.placements().size()) {
    group = r.placements()[part.index];
    if (group && !pressed) {
      fill = tileTint(t, *group);
    }
  }
  if (chosen) {
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

  if (part.kind == PartKind::TrueFalse) {
    // A big symbol and the word: a tick for true, a cross for false; a mark in
    // the corner says which is chosen.
    const float pad = std::round(ctx.u(1.6f));
    const Rect inner{at.x + pad, at.y + pad, at.w - 2 * pad, at.h - 2 * pad};
    const float markW = std::round(ctx.u(7));
    const Rect mark{inner.x, inner.y, markW, markW};
    if (chosen) {
      drawIcon(ctx, kTick, mark, 5.2f, ink);
    } else {
      const float d = std::round(ctx.u(4.4f));
      ctx.renderer.strokeRoundedRect(
          Rect{std::round(mark.x + (mark.w - d) / 2), std::round(mark.y + (mark.h - d) / 2), d, d},
          d / 2, std::max(1.0f, std::round(ctx.u(0.4f))), t.mutedText);
    }
    const FontSpec word =
        ctx.font(young() ? text_size::kTitle : text_size::kHeading + 1, FontWeight::Bold);
    const float wordH = ctx.text.metrics(word).lineHeight();
    const float symbolH = std::max(0.0f, std::min(inner.h - wordH, ctx.u(18)));
    const float top = std::round(inner.y + (inner.h - symbolH - wordH) / 2);
    drawIcon(ctx, part.index == 0 ? kTick : kCross, Rect{inner.x, top, inner.w, symbolH},
             symbolH / ctx.unit() * 0.7f, ink);
    drawTextBlock(ctx, w.label, word, Rect{inner.x, top + symbolH, inner.w, wordH},
                  TextAlign::Centre, ink, 1);
    return;
  }
  if (part.kind == PartKind::Group) {
    // The box: its shape big, then its name.
    const float pad = std::round(ctx.u(1.6f));
    const float shapeW = std::round(ctx.u(young() ? 10 : 6.5f));
    const Rect inner{at.x + pad, at.y + pad, at.w - 2 * pad, at.h - 2 * pad};
    drawIcon(ctx, groupShape(part.index), Rect{inner.x, inner.y, shapeW, inner.h},
             young() ? 7.0f : 5.6f, t.text);
    const Rect words{inner.x + shapeW + ctx.u(1), inner.y, inner.w - shapeW - ctx.u(1), inner.h};
    drawTextBlock(ctx, w.label, p.groupFont, words, TextAlign::Left, t.text, 0, true);
    return;
  }

  const CardBoxes b = cardBoxes(ctx, at, part.picture != nullptr, young());
  // The mark, by shape: a tick when chosen, a ring (a square for "choose all")
  // when not; a sorted card's box shape; an ordered card's place number.
  const float ringD = std::round(ctx.u(young() ? 4.4f : 3.6f));
  const Rect ring{std::round(b.mark.x + (b.mark.w - ringD) / 2),
                  std::round(b.mark.y + (b.mark.h - ringD) / 2), ringD, ringD};
  const float ringLine = std::max(1.0f, std::round(ctx.u(0.4f)));
  switch (part.kind) {
  case PartKind::Option:
    if (chosen) {
      drawIcon(ctx, kTick, b.mark, young() ? 5.2f : 4.6f, ink);
    } else {
      const bool many = r.item().type == QuizType::Multiple;
      ctx.renderer.strokeRoundedRect(ring, many ? ctx.u(0.6f) : ringD / 2, ringLine, t.mutedText);
    }
    break;
  case PartKind::OrderCard: {
    const float d = std::round(std::min(b.mark.w, b.mark.h));
    const Rect badge{b.mark.x, std::round(b.mark.y + (b.mark.h - d) / 2), d, d};
    ctx.renderer.fillRoundedRect(badge, d / 2, t.accent);
    drawIcon(ctx, std::to_string(part.index + 1), badge, d / ctx.unit() * 0.6f, t.accentText);
    break;
  }
  case PartKind::SortCard:
    if (group) {
      drawIcon(ctx, groupShape(*group), b.mark, young() ? 5.0f : 4.4f, t.text);
    } else {
      ctx.renderer.strokeRoundedRect(ring, ringD / 2, ringLine, t.mutedText);
    }
    break;
  case PartKind::TrueFalse:
  case PartKind::Group:
    break;
  }
  if (part.picture != nullptr && !b.picture.empty()) {
    drawPicture(ctx, mPlay->asset(part.picture->src), b.picture);
  }
  drawTextBlock(ctx, w.label, p.cardFont, b.text, TextAlign::Centre, ink, 0, true);
}

void QuizScreen::drawProgress(UiContext& ctx, const QuizRunner& r, const Rect& box) {
  if (box.empty()) {
    return;
  }
  const std::size_t n = r.itemCount();
  if (young()) {
    // One star per question, filled when right first time; a bar under this one.
    const float size = std::round(std::min(box.h * 0.78f, box.w / static_cast<float>(n)));
    const float total = size * static_cast<float>(n);
    float x = std::round(box.x + (box.w - total) / 2);
    const float y = std::round(box.y + (box.h - size) / 2 - ctx.u(0.6f));
    for (std::size_t i = 0; i < n; ++i) {
      drawStars(ctx, i < mFirstTry.size() && mFirstTry[i] == 1 ? 1 : 0, 1, Rect{x, y, size, size});
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
  drawTextBlock(ctx, words, ctx.font(text_size::kBody, FontWeight::Bold), box, TextAlign::Centre,
                ctx.theme.text, 1, true);
}

void QuizScreen::drawFinished(UiContext& ctx, const QuizRunner& r, const Plan& p) {
  const Theme& t = ctx.theme;
  const Rect area = p.content;
  const float w = std::min(area.w, ctx.u(150));
  const Rect col{std::round(area.x + (area.w - w) / 2), area.y + ctx.u(4), w, area.h - ctx.u(4)};
  float y = col.y;
  y += drawTextBlock(ctx, ctx.tr("quiz.finished"), ctx.font(text_size::kTitle, FontWeight::Bold),
                     Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Centre, t.text, 2);
  y += ctx.u(3);
  const float starH = std::round(ctx.u(18));
  drawStars(ctx, r.score(), r.maxScore(), Rect{col.x, y, col.w, starH});
  y += starH + ctx.u(3);
  const std::string line = young()
                               ? ctx.tr("quiz.stars")
                               : ctx.trf("quiz.score", {{"score", std::to_string(r.score())},
                                                        {"total", std::to_string(r.maxScore())}});
  drawTextBlock(ctx, line, ctx.font(young() ? text_size::kHeading : text_size::kBody),
                Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Centre, t.text, 3);
}

void QuizScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const Step* step = mPlay->runner.step();
  const std::string title = step != nullptr && step->title ? inLang(ctx, *step->title)
                                                           : inLang(ctx, mPlay->lesson->title);
  drawStepHeader(ctx, *mPlay, title, widgets);
  WidgetList corners;
  for (const Widget& w : widgets) {
    if (w.id == "back" || w.id == "read-aloud") {
      corners.push_back(w);
    }
  }
  drawStepButtons(ctx, corners, v);
  QuizRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const Plan p = plan(ctx);
  // The action: "Check" (quiet until there is an answer), "Next" or "Try again".
  if (const Widget* a = findWidget(widgets, p.action.id)) {
    const bool again = a->id == "next" && !r->isFinished() && !r->lastResult().value_or(true);
    drawButton(ctx, *a, v, a->enabled ? ButtonStyle::Primary : ButtonStyle::Normal,
               a->id == "check" ? std::string_view(kTick) : (again ? kAgain : kNext));
  }
  if (r->isFinished()) {
    drawFinished(ctx, *r, p);
    return;
  }
  drawProgress(ctx, *r, p.progress);
  const QuizItem& item = r->item();
  drawTextBlock(ctx, inLang(ctx, item.prompt), p.promptFont, p.prompt, TextAlign::Centre, t.text);

  if (r->phase() == QuizRunner::Phase::Feedback) {
    const bool right = r->lastResult().value_or(false);
    const float w = std::min(p.answers.w, ctx.u(130));
    Rect box{std::round(p.answers.x + (p.answers.w - w) / 2), p.answers.y + ctx.u(1), w,
             p.answers.h - ctx.u(1)};
    if (item.picture) {
      // The question's picture beside the feedback, as it was beside the answers.
      const float pw = std::round(std::min(box.h * 0.9f, ctx.u(40)));
      drawPicture(ctx, mPlay->asset(item.picture->src), Rect{box.x, box.y, pw, pw * 3 / 4});
      box.x += pw + ctx.u(3);
      box.w -= pw + ctx.u(3);
    } else if (young() && right && mFirstTry[r->itemIndex()] == 1) {
      // Right first time: the star they earned, big, beside the words.
      const float star = std::round(ctx.u(24));
      drawStars(ctx, 1, 1, Rect{box.x, box.y, star, star});
      box.x += star + ctx.u(3);
      box.w -= star + ctx.u(3);
    }
    drawFeedbackPanel(ctx, box, right ? FeedbackTone::Warm : FeedbackTone::Gentle,
                      ctx.tr(right ? "quiz.right" : "quiz.not-yet"),
                      inLang(ctx, right ? item.feedbackCorrect : item.feedbackIncorrect));
    return;
  }

  if (!p.hint.empty()) {
    const bool picked = mPicked.has_value();
    const bool sort = item.type == QuizType::Sort;
    const char* hint = sort ? (picked ? "quiz.hint-sort-picked" : "quiz.hint-sort")
                            : (picked ? "quiz.hint-order-picked" : "quiz.hint-order");
    drawTextBlock(ctx, ctx.tr(hint),
                  ctx.font(text_size::kDetail, picked ? FontWeight::Bold : FontWeight::Regular),
                  p.hint, TextAlign::Centre, picked ? t.text : t.mutedText, 1);
  }
  if (!p.picture.empty()) {
    drawPicture(ctx, mPlay->asset(item.picture->src), p.picture);
  }
  // While a card is dragged: where it came from stays as an empty place, the card
  // follows the pointer, and what it would land on is outlined.
  const Part* dragged = nullptr;
  const Part* target = nullptr;
  if (mDrag && mDrag->moving) {
    for (const Part& part : p.parts) {
      if (part.widget.id == mDrag->widgetId) {
        dragged = &part;
      }
    }
    target = partAt(p, mDrag->now,
                    mDrag->kind == PartKind::SortCard ? PartKind::Group : PartKind::OrderCard);
    if (target == dragged) {
      target = nullptr;
    }
  }
  const bool inviting = item.type == QuizType::Sort && (mPicked || dragged != nullptr);
  for (const Part& part : p.parts) {
    if (&part == dragged) {
      ctx.renderer.strokeRoundedRect(part.widget.rect, ctx.u(metrics::kRadius),
                                     std::max(1.0f, std::round(ctx.u(metrics::kBorder))), t.border);
      continue;
    }
    drawPart(ctx, p, part, v, part.widget.rect, false,
             &part == target || (inviting && part.kind == PartKind::Group));
  }
  if (dragged != nullptr) {
    const Rect& home = dragged->widget.rect;
    const Rect at{std::round(mDrag->now.x - mDrag->grab.x),
                  std::round(mDrag->now.y - mDrag->grab.y), home.w, home.h};
    drawPart(ctx, p, *dragged, v, at, true, false);
  }
}

} // namespace

std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<LessonPlay> play) {
  if (!play || play->runner.runnerAs<QuizRunner>() == nullptr) {
    return nullptr;
  }
  return std::make_unique<QuizScreen>(std::move(play));
}

} // namespace sq
