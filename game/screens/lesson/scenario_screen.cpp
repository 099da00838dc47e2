// Sections:
//   1. layout helpers: the cards' rectangles, the choosing areas, the number badge
//   2. plan: where each phase's parts go (cards in more rows before words shrink)
//   3. layout and draw
//   4. input: choosing, trying again, next
#include "screens/lesson/scenario_screen.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/slides_screen.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// ---- layout helpers ----

const std::string kChoicePrefix = "choice:";
// How much of a card must be in view, in units, for it to be a target: the
// least a target may be (a twelfth of the short side) and a little.
constexpr float kLeastInView = 8.5f;

// Where the parts of a node go while the pupil chooses.
struct ChoosingAreas {
  Rect picture; // empty when the node has none
  Rect text;
  std::vector<Rect> cards;
};

// The story's words: bold and large for the young, plainer for older readers.
FontSpec storyFont(const UiContext& ctx, bool young, std::string_view story, const Rect& box) {
  return fitFont(ctx, story, box, {young ? text_size::kHeading : text_size::kBody},
                 young ? FontWeight::Bold : FontWeight::Regular, kShrinkToDetail);
}

// The cards' rectangles: `rows` rows, centred, in `area`.
std::vector<Rect> cardRects(const UiContext& ctx, bool young, const Rect& area, std::size_t n,
                            int rows) {
  std::vector<Rect> out;
  if (n == 0 || rows <= 0) {
    return out;
  }
  const float gap = std::round(ctx.u(metrics::kGap));
  const int cols = (static_cast<int>(n) + rows - 1) / rows;
  float cardW =
      std::floor((area.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  if (young && rows == 1) {
    cardW = std::min(cardW, std::round(ctx.u(62))); // picture cards: not wider than tall-ish
  }
  const float cardH =
      std::floor((area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  const float rowW = cardW * static_cast<float>(cols) + gap * static_cast<float>(cols - 1);
  const float left = std::round(area.x + (area.w - rowW) / 2);
  for (std::size_t i = 0; i < n; ++i) {
    const auto col = static_cast<float>(static_cast<int>(i) % cols);
    const auto row = static_cast<float>(static_cast<int>(i) / cols);
    out.push_back(Rect{std::round(left + col * (cardW + gap)),
                       std::round(area.y + row * (cardH + gap)), cardW, std::max(1.0f, cardH)});
  }
  return out;
}

ChoosingAreas choosingAreas(const UiContext& ctx, bool young, bool hasPicture,
                            std::string_view story, std::size_t n, int rows) {
  const Rect c = stepContentArea(ctx);
  const float gap = std::round(ctx.u(metrics::kGap));
  const float between = std::round(ctx.u(3));
  ChoosingAreas a;
  float textX = c.x;
  float pw = 0;
  if (hasPicture) {
    pw = std::round(std::min(c.h * 0.4f * 4 / 3, c.w * 0.3f));
    textX = c.x + pw + std::round(ctx.u(4));
  }
  const float textW = std::max(1.0f, c.right() - textX);
  // The story on top, as tall as its words need (between the least that shows the
  // picture and the most that leaves the cards room), the cards below.
  const float cardsLeast = young ? c.h * 0.5f
                                 : static_cast<float>(rows) * ctx.u(rows > 2 ? 12 : 15) +
                                       gap * static_cast<float>(rows - 1);
  const float most = std::max(0.0f, c.h - between - cardsLeast);
  const float least = std::min(most, c.h * (young ? 0.34f : 0.3f));
  const float wanted = textBlockHeight(ctx, story,
                                       ctx.font(young ? text_size::kHeading : text_size::kBody,
                                                young ? FontWeight::Bold : FontWeight::Regular),
                                       textW);
  // Never shorter than a button: a story that scrolls there can still be pressed.
  const float topH =
      std::ceil(std::max(std::clamp(wanted, least, most), ctx.u(metrics::kButtonHeight)));
  if (hasPicture) {
    a.picture = Rect{c.x, c.y, pw, topH};
  }
  a.text = Rect{textX, c.y, textW, topH};
  const float cardsTop = c.y + topH + between;
  a.cards = cardRects(ctx, young, Rect{c.x, cardsTop, c.w, std::max(0.0f, c.bottom() - cardsTop)},
                      n, rows);
  return a;
}

// The card's number, in a small round badge: "number 2" is easy to say aloud.
void drawNumber(UiContext& ctx, int number, const Rect& box) {
  ctx.renderer.fillRoundedRect(box, box.w / 2, ctx.theme.accent);
  drawIcon(ctx, std::to_string(number), box, box.h / ctx.unit() * 0.6f, ctx.theme.accentText);
}

// Words start at a whole pixel: a glyph that reaches a little left of its pen
// then stays inside the room it was given.
Rect wholeLeft(Rect r) {
  const float x = std::ceil(r.x);
  r.w = std::max(1.0f, r.w - (x - r.x));
  r.x = x;
  return r;
}

// How far right of a feedback panel's left edge its words start (as
// drawFeedbackPanel lays it out), and how much the panel moves right so they
// start at a whole pixel.
float panelNudge(const UiContext& ctx, float x, char smart) {
  const float pad = ctx.u(3);
  const float inset = pad + (smart != 0 ? std::round(ctx.u(11)) + pad : 0.0f);
  return std::ceil(x + inset) - (x + inset);
}

// How far a glyph such as "j" or a quotation mark may lean past its pen at the
// start or end of a line, in pixels.
float leanOf(const FontSpec& font) {
  return std::ceil(static_cast<float>(font.pixelSize) * 0.2f);
}

// Words wrapped in `box`, which the plan made tall enough for every line (none
// is ever shortened). The room told to the text log reaches leanOf(font) past
// the box's sides, into the padding or gap every box here has beside it.
// Returns the height used.
float drawWords(UiContext& ctx, std::string_view words, const FontSpec& font, const Rect& box,
                TextAlign align, Colour colour, bool centreY = false) {
  const FontMetrics m = ctx.text.metrics(font);
  const WrappedText wrapped = wrapText(words, box.w, m);
  const float h = static_cast<float>(wrapped.lines.size()) * m.lineHeight();
  const float top = centreY ? std::round(box.y + (box.h - h) / 2) : box.y;
  const float lean = leanOf(font);
  ctx.text.drawWrapped(words, wrapped, font, Point{box.x, top}, box.w, align, colour,
                       TextRoom{Rect{box.x - lean, box.y, box.w + 2 * lean, box.h}, false});
  return h;
}

const std::string& choiceWords(const UiContext& ctx, const Choice& c) {
  if (c.text.empty() && c.picture) {
    return inLang(ctx, c.picture->alt);
  }
  return inLang(ctx, c.text);
}

} // namespace

std::unique_ptr<Screen> makeScenarioScreen(std::shared_ptr<LessonPlay> play) {
  return std::make_unique<ScenarioScreen>(std::move(play));
}

std::vector<std::size_t> ScenarioScreen::shownChoices() const {
  std::vector<std::size_t> shown;
  const ScenarioRunner* r = runner();
  if (r == nullptr) {
    return shown;
  }
  const std::vector<Choice>& all = r->choices();
  // EYFS and KS1 see at most 3 picture cards, KS2 up to 4 text cards. Content for
  // the young has at most 3 choices; should a node have more, the first 3 are
  // shown, with the first safe choice put in the last place if none of those is
  // safe, so the story can always go on.
  const std::size_t most = mPlay->youngBand() ? 3 : 4;
  for (std::size_t i = 0; i < all.size() && shown.size() < most; ++i) {
    shown.push_back(i);
  }
  const bool anySafe =
      std::any_of(shown.begin(), shown.end(), [&](std::size_t i) { return all[i].safe; });
  if (!anySafe && !shown.empty()) {
    for (std::size_t i = shown.size(); i < all.size(); ++i) {
      if (all[i].safe) {
        shown.back() = i;
        break;
      }
    }
  }
  return shown;
}

std::string ScenarioScreen::firstFocus() const {
  const ScenarioRunner* r = runner();
  if (r == nullptr) {
    return {};
  }
  switch (r->phase()) {
  case ScenarioRunner::Phase::Choosing:
    return kChoicePrefix + "1";
  case ScenarioRunner::Phase::Feedback:
    return r->willTryAgain() ? "try-again" : "next";
  case ScenarioRunner::Phase::Ended:
    break;
  }
  return "next";
}

// ---- plan ----

void ScenarioScreen::plan(const UiContext& ctx) {
  mPlan = Plan{};
  Plan& p = mPlan;
  const Rect c = stepContentArea(ctx);
  p.content = c;
  const ScenarioRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const bool young = mPlay->youngBand();
  const ScenarioNode& node = r->current();
  // Each pass places the box once (placing it empty first would lose how far
  // it had scrolled); nothing placed this pass: nothing scrolls.
  bool placed = false;
  const auto place = [&](const Rect& box, float contentH) {
    mFeedback.place(ctx, box, contentH);
    placed = true;
  };
  switch (r->phase()) {
  case ScenarioRunner::Phase::Choosing: {
    const std::vector<std::size_t> shown = shownChoices();
    const std::string& story = inLang(ctx, node.text);
    // One card's inside: its number, picture and words, and the size they fit at.
    const auto planCard = [&](const Choice& choice, const Rect& cardRect, bool shrinkOk) {
      const Rect in = tileCardInner(ctx, cardRect);
      const float d = std::round(ctx.u(6.5f));
      CardPlan card;
      // The number: top left on a picture card, beside the words on a text card.
      card.number = Rect{in.x, young ? in.y : std::round(in.y + (in.h - d) / 2), d, d};
      const std::string& words = choiceWords(ctx, choice);
      if (young && choice.picture) {
        // A picture card: the picture first, the caption under it; long words
        // take room from the picture (down to a third of the card) before their
        // size shrinks.
        // Squeezed hard, the caption may take the whole card below the number.
        const float capTop = shrinkOk ? d + ctx.u(1) : in.h * 0.34f;
        const Rect capBox{in.x, in.y + capTop, in.w, std::max(1.0f, in.h - capTop)};
        card.font =
            fitFont(ctx, words, capBox, {text_size::kHeading}, FontWeight::Bold, kShrinkToDetail);
        const float capH = std::min(capBox.h, textBlockHeight(ctx, words, card.font, in.w));
        const float picH = std::max(0.0f, in.h - capH - ctx.u(1));
        card.kind = CardPlan::Words::Caption;
        // Too small to make out: no picture (the words say it).
        if (picH >= ctx.u(8)) {
          card.picture = Rect{in.x + d, in.y, std::max(1.0f, in.w - 2 * d), picH};
        }
        card.words = wholeLeft(Rect{in.x, in.bottom() - capH, in.w, capH});
      } else if (young) {
        // No picture: the words, big, in the middle of the card.
        card.kind = CardPlan::Words::Big;
        card.words = wholeLeft(Rect{in.x, in.y + d, in.w, std::max(1.0f, in.h - 2 * d)});
        card.font = fitFont(ctx, words, card.words, {text_size::kHeading}, FontWeight::Bold,
                            kShrinkToDetail);
      } else {
        const float x = in.x + d + ctx.u(2);
        card.words = wholeLeft(Rect{x, in.y, std::max(1.0f, in.right() - x), in.h});
        card.font = fitFont(ctx, words, card.words, {text_size::kBody}, FontWeight::Regular,
                            kShrinkToDetail);
      }
      return card;
    };
    // The cards in one row while every word fits there at its full size, else
    // in more rows (wider cards, so fewer lines), then with the story scrolling
    // above them; only then a little smaller (never below the detail size times
    // the pupil's text size), and last, one column that scrolls.
    const int firstRows = (!young && shown.size() == 4) ? 2 : 1;
    const int lastRows = std::max(firstRows, static_cast<int>(shown.size()));
    const FontSpec fullSize = ctx.font(young ? text_size::kHeading : text_size::kBody,
                                       young ? FontWeight::Bold : FontWeight::Regular);
    // A layout fits when the story and every card's words fit (a word never
    // wider than its room).
    const auto fitsIn = [&](std::string_view words, const FontSpec& font, const Rect& box) {
      return !wrapText(words, box.w, ctx.text.metrics(font)).overflow &&
             textBlockHeight(ctx, words, font, box.w) <= box.h + 0.5f;
    };
    ChoosingAreas a;
    std::vector<CardPlan> cards;
    FontSpec storySpec = fullSize;
    const float twoLines = 2 * ctx.text.metrics(fullSize).lineHeight();
    const auto tryRows = [&](int rows, bool shrinkOk, bool storyToo) {
      a = choosingAreas(ctx, young, node.picture.has_value(), story, shown.size(), rows);
      cards.clear();
      storySpec = shrinkOk && storyToo ? storyFont(ctx, young, story, a.text) : fullSize;
      // A story that scrolls shows two lines at least.
      bool fits =
          storyToo ? fitsIn(story, storySpec, wholeLeft(a.text)) : a.text.h >= twoLines - 0.5f;
      for (std::size_t i = 0; i < shown.size() && i < a.cards.size(); ++i) {
        const Choice& choice = node.choices[shown[i]];
        CardPlan card = planCard(choice, a.cards[i], shrinkOk);
        fits = fits && fitsIn(choiceWords(ctx, choice), card.font, card.words) &&
               (shrinkOk || card.font.pixelSize >= fullSize.pixelSize);
        cards.push_back(card);
      }
      return fits;
    };
    bool chosen = false;
    for (const bool shrinkOk : {false, true}) {
      for (const bool storyToo : {true, false}) {
        for (int rows = firstRows; rows <= lastRows && !chosen; ++rows) {
          chosen = tryRows(rows, shrinkOk, storyToo);
        }
      }
    }
    if (!chosen) {
      // Even the cards do not fit: one column, scrolling as a whole.
      planColumn(ctx, c.w);
      if (p.columnH > c.h) {
        planColumn(ctx, c.w - ScrollBox::gutter(ctx)); // clear of the bar and its cue
      }
      place(c, p.columnH);
      break;
    }
    p.picture = a.picture;
    p.story = wholeLeft(a.text);
    p.storyFont = storySpec;
    if (textBlockHeight(ctx, story, p.storyFont, p.story.w) > p.story.h + 0.5f) {
      // The story scrolls at its own size above the cards, clear of the box's
      // edge (the "more" widget) by the room a glyph may lean.
      p.story.x = std::ceil(a.text.x + leanOf(p.storyFont));
      p.story.w = std::max(1.0f, a.text.right() - ScrollBox::gutter(ctx) - p.story.x);
      p.storyH = textBlockHeight(ctx, story, p.storyFont, p.story.w);
      place(a.text, p.storyH);
    }
    for (std::size_t i = 0; i < cards.size(); ++i) {
      p.cards.push_back(cards[i]);
      mCardRects.push_back(a.cards[i]);
    }
    break;
  }
  case ScenarioRunner::Phase::Feedback: {
    const Choice* choice = r->lastChoice();
    if (choice == nullptr) {
      break;
    }
    // The picture of what was chosen (the young see it on the card), else the node's.
    const bool pic = (young && choice->picture) || node.picture;
    p.chose = ctx.trf("scenario.you-chose", {{"choice", choiceWords(ctx, *choice)}});
    p.choseFont = ctx.font(text_size::kBody, FontWeight::Bold);
    p.heading = ctx.tr(choice->safe ? "scenario.well-done" : "scenario.think-again");
    const std::string& words = inLang(ctx, choice->feedback);
    const float between = std::round(ctx.u(2.5f));
    // Every word shown whole: beside the picture while they fit there, then
    // beside a smaller one, then under none, and only then scrolling.
    const auto need = [&](float w) {
      return textBlockHeight(ctx, p.chose, p.choseFont, w) + between +
             feedbackPanelNeed(ctx, w - panelNudge(ctx, p.feedbackX, choice->smart), p.heading,
                               words, choice->smart);
    };
    const float gapX = std::round(ctx.u(5));
    for (const float share : {young ? 0.36f : 0.3f, 0.2f, 0.0f}) {
      const float pw = pic ? std::round(std::min(c.w * share, c.h * 4 / 3)) : 0.0f;
      p.feedbackPicture =
          pw > 0 ? Rect{c.x, c.y, pw, std::min(c.h, std::round(pw * 3 / 4))} : Rect{};
      p.feedbackX = std::ceil(pw > 0 ? c.x + pw + gapX : c.x);
      p.feedbackW = c.right() - p.feedbackX;
      p.feedbackNeed = need(p.feedbackW);
      if (p.feedbackNeed <= c.h) {
        break;
      }
    }
    if (p.feedbackNeed > c.h) {
      p.feedbackW -= ScrollBox::gutter(ctx); // clear of the bar and its cue
      p.feedbackNeed = need(p.feedbackW);
    }
    p.choseH = textBlockHeight(ctx, p.chose, p.choseFont, p.feedbackW);
    p.panelY = p.choseH + between;
    place(Rect{p.feedbackX, c.y, c.right() - p.feedbackX, c.h}, p.feedbackNeed);
    break;
  }
  case ScenarioRunner::Phase::Ended: {
    const float pad = std::round(ctx.u(4));
    float x = c.x + pad;
    if (node.picture) {
      const float pw = std::round(std::min(c.w * 0.36f, (c.h - 2 * pad) * 4 / 3));
      p.endPicture = Rect{x, c.y + pad, pw, c.h - 2 * pad};
      x += pw + pad;
    }
    const Rect col =
        wholeLeft(Rect{x, c.y + pad, std::max(1.0f, c.right() - pad - x), c.h - 2 * pad});
    const std::string heading = ctx.tr("scenario.ending");
    const std::string& words = inLang(ctx, node.text);
    const FontSpec head = ctx.font(text_size::kTitle, FontWeight::Bold);
    const float headH = textBlockHeight(ctx, heading, head, col.w);
    const float between = std::round(ctx.u(3));
    const Rect bodyRoom{col.x, col.y, col.w, std::max(1.0f, col.h - headH - between)};
    p.endColumn = col;
    p.endHeadingH = headH;
    p.endFont = fitFont(ctx, words, bodyRoom, {text_size::kHeading, text_size::kBody},
                        FontWeight::Regular, FitRule{0, false, 0.0f, true});
    p.endWordsH = textBlockHeight(ctx, words, p.endFont, col.w);
    if (p.endWordsH > bodyRoom.h + 0.5f) {
      // Too tall even at the body size: the column scrolls, never cut.
      p.endColumn.w = std::max(1.0f, col.w - ScrollBox::gutter(ctx));
      p.endHeadingH = textBlockHeight(ctx, heading, head, p.endColumn.w);
      p.endWordsH = textBlockHeight(ctx, words, p.endFont, p.endColumn.w);
      p.endTop = col.y;
      place(col, p.endHeadingH + between + p.endWordsH);
    } else {
      p.endTop = std::round(col.y + std::max(0.0f, (col.h - headH - between - p.endWordsH) / 2));
    }
    break;
  }
  }
  if (!placed) {
    mFeedback.place(ctx, Rect{}, 0);
  }
}

void ScenarioScreen::planColumn(const UiContext& ctx, float width) {
  Plan& p = mPlan;
  const ScenarioRunner* r = runner();
  const Rect& c = p.content;
  const bool young = mPlay->youngBand();
  const ScenarioNode& node = r->current();
  const std::string& story = inLang(ctx, node.text);
  const FontSpec font = ctx.font(young ? text_size::kHeading : text_size::kBody,
                                 young ? FontWeight::Bold : FontWeight::Regular);
  p.oneColumn = true;
  p.cards.clear();
  p.cardsAt.clear();
  // The node's picture, then the story under it, the column's whole width, at
  // its full size (beside the picture it would be narrow and long).
  float storyY = c.y;
  p.picture = Rect{};
  if (node.picture) {
    const float pw = std::round(std::min(width * 0.3f, ctx.u(36)));
    p.picture = Rect{c.x, c.y, pw, std::round(pw * 3 / 4)};
    storyY = c.y + p.picture.h + std::round(ctx.u(3));
  }
  p.storyFont = font;
  // Clear of the bar at the right (the "more" widget) by the room a glyph may lean.
  const float storyX = std::ceil(c.x);
  const float storyW = std::max(1.0f, c.x + width - leanOf(font) - storyX);
  p.storyH = textBlockHeight(ctx, story, font, storyW);
  p.story = Rect{storyX, storyY, storyW, p.storyH};
  const float topH = storyY + p.storyH - c.y;
  // Each card as tall as its words (or its picture), one under the other.
  const Rect probe{0, 0, 1000, 1000};
  const Rect probeIn = tileCardInner(ctx, probe);
  const float padX = probeIn.x + (probe.right() - probeIn.right());
  const float padY = probeIn.y + (probe.bottom() - probeIn.bottom());
  const float d = std::round(ctx.u(6.5f));
  const float gap = std::round(ctx.u(metrics::kGap));
  float y = c.y + topH + std::round(ctx.u(3));
  for (const std::size_t index : shownChoices()) {
    const Choice& choice = node.choices[index];
    const std::string& words = choiceWords(ctx, choice);
    const float innerW = std::max(1.0f, width - padX);
    float x = d + std::round(ctx.u(2));
    float picW = 0;
    if (young && choice.picture) {
      picW = std::round(std::min(ctx.u(24), innerW * 0.3f));
      x += picW + std::round(ctx.u(2));
    }
    // Where the words start, at a whole pixel, and how wide they may be.
    const float wordsX = std::ceil(c.x + probeIn.x + x);
    const float wordsW = std::max(1.0f, c.x + probeIn.x + innerW - wordsX);
    const float wordsH = textBlockHeight(ctx, words, font, wordsW);
    const float picH = std::round(picW * 3 / 4);
    const float innerH = std::max({d, picH, wordsH});
    const Rect card{c.x, y, width, std::ceil(innerH + padY)};
    const Rect in = tileCardInner(ctx, card);
    CardPlan plan;
    plan.kind = CardPlan::Words::Line;
    plan.font = font;
    plan.number = Rect{in.x, std::round(in.y + (in.h - d) / 2), d, d};
    if (picW > 0) {
      plan.picture =
          Rect{in.x + d + std::round(ctx.u(2)), std::round(in.y + (in.h - picH) / 2), picW, picH};
    }
    plan.words = Rect{wordsX, std::round(in.y + (in.h - wordsH) / 2), wordsW, wordsH};
    p.cards.push_back(plan);
    p.cardsAt.push_back(card);
    y += card.h + gap;
  }
  p.columnH = y - gap - c.y;
}

// ---- layout and draw ----

void ScenarioScreen::layout(const UiContext& ctx, WidgetList& out) {
  mCardRects.clear();
  plan(ctx);
  addStepBack(ctx, out);
  const ScenarioRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const ScenarioNode& node = r->current();
  const bool narrated = node.narration.has_value();
  switch (r->phase()) {
  case ScenarioRunner::Phase::Choosing: {
    const std::vector<std::size_t> shown = shownChoices();
    if (mPlan.oneColumn) {
      // The cards in view, as far as they show: one scrolled almost out of sight
      // is no target (the wheel, the arrow keys and "more" bring it back).
      const Rect& c = mPlan.content;
      for (std::size_t i = 0; i < shown.size() && i < mPlan.cardsAt.size(); ++i) {
        Rect moved = mPlan.cardsAt[i];
        moved.y -= mFeedback.offset();
        const Rect seen = intersect(moved, c);
        if (seen.h >= ctx.u(kLeastInView) && seen.w > 0) {
          out.push_back(Widget{kChoicePrefix + std::to_string(i + 1), seen,
                               choiceWords(ctx, node.choices[shown[i]]), WidgetRole::Tile});
        }
      }
      if (mFeedback.scrolls()) {
        // Pressing the bar and its cue: a page on (the cards keep the rest).
        const float g = ScrollBox::gutter(ctx);
        out.push_back(Widget{"more", Rect{c.right() - g, c.y, g, c.h}, ctx.tr("lesson.scroll-more"),
                             WidgetRole::Button});
      }
    } else {
      for (std::size_t i = 0; i < shown.size() && i < mCardRects.size(); ++i) {
        out.push_back(Widget{kChoicePrefix + std::to_string(i + 1), mCardRects[i],
                             choiceWords(ctx, node.choices[shown[i]]), WidgetRole::Tile});
      }
      mFeedback.addWidget(ctx, out); // when the story scrolls
    }
    addStepBottom(ctx, out, narrated, {});
    break;
  }
  case ScenarioRunner::Phase::Feedback:
    mFeedback.addWidget(ctx, out); // when the words scroll
    // The feedback is not narrated: "read to me" would read the question again.
    if (r->willTryAgain()) {
      const std::string again = ctx.tr("scenario.try-again");
      out.push_back(Widget{"try-again", cornerButton(ctx, Corner::BottomRight, again, true), again,
                           WidgetRole::Button});
    } else {
      addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    }
    break;
  case ScenarioRunner::Phase::Ended:
    mFeedback.addWidget(ctx, out); // when the ending's words scroll
    addStepBottom(ctx, out, narrated, ctx.tr("lesson.next"));
    break;
  }
}

void ScenarioScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawStepHeader(ctx, *mPlay, step_view::title(ctx, *mPlay), widgets);
  const ScenarioRunner* r = runner();
  const Plan& p = mPlan;
  const Rect& c = p.content;
  const bool young = mPlay->youngBand();
  if (r != nullptr && r->phase() == ScenarioRunner::Phase::Choosing) {
    const ScenarioNode& node = r->current();
    const std::vector<std::size_t> shown = shownChoices();
    const std::string& story = inLang(ctx, node.text);
    // In one column everything moves with the scroll; else only the story does.
    const float dy = p.oneColumn ? -mFeedback.offset() : 0.0f;
    const auto at = [dy](Rect rect) {
      rect.y += dy;
      return rect;
    };
    if (p.oneColumn) {
      mFeedback.begin(ctx);
    }
    if (node.picture) {
      step_view::drawPicture(ctx, *mPlay, *node.picture, at(p.picture));
    }
    if (p.oneColumn) {
      drawWords(ctx, story, p.storyFont, at(p.story), TextAlign::Left, t.text);
    } else if (mFeedback.scrolls()) {
      mFeedback.begin(ctx);
      drawWords(ctx, story, p.storyFont, Rect{p.story.x, mFeedback.top(), p.story.w, p.storyH},
                TextAlign::Left, t.text);
      mFeedback.end(ctx);
    } else {
      drawWords(ctx, story, p.storyFont, p.story, TextAlign::Left, t.text, true);
    }
    for (std::size_t i = 0; i < shown.size() && i < p.cards.size(); ++i) {
      const std::string id = kChoicePrefix + std::to_string(i + 1);
      const Widget* w = findWidget(widgets, id);
      if (w == nullptr && !p.oneColumn) {
        continue;
      }
      const Choice& choice = node.choices[shown[i]];
      const CardPlan& card = p.cards[i];
      if (p.oneColumn) {
        // The whole card, clipped to the column: its widget is only the part in view.
        Widget whole = w != nullptr ? *w : Widget{id, Rect{}, std::string{}, WidgetRole::Tile};
        whole.rect = at(p.cardsAt[i]);
        drawTileCard(ctx, whole, v);
      } else {
        drawTileCard(ctx, *w, v);
      }
      drawNumber(ctx, static_cast<int>(i + 1), at(card.number));
      const std::string& words = choiceWords(ctx, choice);
      switch (card.kind) {
      case CardPlan::Words::Caption:
        if (!card.picture.empty()) {
          step_view::drawPicture(ctx, *mPlay, *choice.picture, card.picture);
        }
        drawWords(ctx, words, card.font, card.words, TextAlign::Centre, t.text);
        break;
      case CardPlan::Words::Big:
        drawWords(ctx, words, card.font, card.words, TextAlign::Centre, t.text, true);
        break;
      case CardPlan::Words::Line:
        if (!card.picture.empty() && choice.picture) {
          step_view::drawPicture(ctx, *mPlay, *choice.picture, at(card.picture));
        }
        drawWords(ctx, words, card.font, at(card.words), TextAlign::Left, t.text, true);
        break;
      }
    }
    if (p.oneColumn) {
      mFeedback.end(ctx);
    }
  } else if (r != nullptr && r->phase() == ScenarioRunner::Phase::Feedback &&
             r->lastChoice() != nullptr) {
    const ScenarioNode& node = r->current();
    const Choice& choice = *r->lastChoice();
    // The picture of what was chosen (the young see it on the card), else the node's.
    const std::optional<Picture>& pic = (young && choice.picture) ? choice.picture : node.picture;
    if (pic) {
      step_view::drawPicture(ctx, *mPlay, *pic, p.feedbackPicture);
    }
    mFeedback.begin(ctx);
    const float x = p.feedbackX;
    const float w = p.feedbackW;
    const float y = mFeedback.top();
    drawWords(ctx, p.chose, p.choseFont, Rect{x, y, w, p.choseH}, TextAlign::Left, t.mutedText);
    // Safe choices (telling a trusted adult among them) are always praised warmly;
    // an unsafe one meets a gentle consequence, never a cross.
    const FeedbackTone tone = choice.safe ? FeedbackTone::Warm : FeedbackTone::Gentle;
    const float nudge = panelNudge(ctx, x, choice.smart);
    drawFeedbackPanel(ctx, Rect{x + nudge, y + p.panelY, w - nudge, p.feedbackNeed - p.panelY},
                      tone, p.heading, inLang(ctx, choice.feedback), choice.smart);
    mFeedback.end(ctx);
  } else if (r != nullptr && r->phase() == ScenarioRunner::Phase::Ended) {
    // The safe way home: a warm panel with the ending's picture and words.
    const ScenarioNode& node = r->current();
    ctx.renderer.fillRoundedRect(c, ctx.u(metrics::kRadius), t.readyFill);
    ctx.renderer.strokeRoundedRect(c, ctx.u(metrics::kRadius), ctx.u(metrics::kBorder), t.border);
    if (node.picture) {
      step_view::drawPicture(ctx, *mPlay, *node.picture, p.endPicture);
    }
    const Rect& col = p.endColumn;
    mFeedback.begin(ctx); // when the words scroll
    float y = mFeedback.scrolls() ? mFeedback.top() : p.endTop;
    y += drawWords(ctx, ctx.tr("scenario.ending"), ctx.font(text_size::kTitle, FontWeight::Bold),
                   Rect{col.x, y, col.w, p.endHeadingH}, TextAlign::Left, t.readyText);
    y += std::round(ctx.u(3));
    drawWords(ctx, inLang(ctx, node.text), p.endFont, Rect{col.x, y, col.w, p.endWordsH},
              TextAlign::Left, t.readyText);
    mFeedback.end(ctx);
  }
  for (const Widget& w : widgets) {
    if (w.id == "try-again") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x86\xBA"); // ↺
    }
  }
  drawStepButtons(ctx, widgets, v);
}

// ---- input ----

void ScenarioScreen::arrive(UiHost& host) {
  saveProgress(*mPlay, host);
  if (const ScenarioRunner* r = runner()) {
    narrate(*mPlay, host, r->current().narration, true);
  }
}

void ScenarioScreen::activate(std::string_view widgetId, UiHost& host) {
  ScenarioRunner* r = runner();
  if (widgetId == "back") {
    host.sound().stopNarration();
    host.nav().pop(); // progress is saved at every node
    return;
  }
  if (r == nullptr) {
    return;
  }
  if (widgetId == "more") {
    mFeedback.page();
  } else if (widgetId == "read-aloud") {
    narrate(*mPlay, host, r->current().narration, false);
  } else if (const auto n = WidgetId::parse(widgetId).numbered("choice")) {
    const std::vector<std::size_t> shown = shownChoices();
    if (*n <= shown.size()) {
      host.sound().stopNarration();
      mFeedback.reset(); // the story may have scrolled; the feedback starts at its top
      r->choose(shown[*n - 1]);
    }
  } else if (widgetId == "try-again") {
    mFeedback.reset();
    if (r->willTryAgain() && r->proceed()) {
      arrive(host); // the same node's choices again, its words read again for the young
    }
  } else if (widgetId == "next") {
    if (r->phase() == ScenarioRunner::Phase::Ended) {
      host.sound().stopNarration();
      finishStep(mPlay, host);
    } else if (r->phase() == ScenarioRunner::Phase::Feedback && !r->willTryAgain() &&
               r->proceed()) {
      mFeedback.reset();
      arrive(host);
    }
  }
}

} // namespace sq
