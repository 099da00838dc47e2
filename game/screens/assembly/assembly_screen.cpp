// Sections:
//   1. helpers: the content area, fitting words at the hall's sizes
//   2. keys and presses
//   3. layout: of each kind of stop
//   4. drawing: each kind of stop, the notes overlay and the progress dots
#include "screens/assembly/assembly_screen.hpp"

#include "screens/assembly/assembly_record_screen.hpp"
#include "screens/assembly/presenter_view.hpp"
#include "screens/assembly/projector_theme.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "text/layout.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sq {

namespace {

// ---- helpers ----------------------------------------------------------------------

// The largest of `sizes` (units, largest first) at which `text` fits `box`; the
// last when none does.
FontSpec fitHall(const UiContext& hall, std::string_view text, const Rect& box,
                 std::initializer_list<float> sizes, FontWeight weight) {
  return fitFont(hall, text, box, sizes, weight);
}

float blockHeight(const UiContext& hall, std::string_view text, const FontSpec& f, float w) {
  return textBlockHeight(hall, text, f, std::max(1.0f, w));
}

// Room kept inside a text's box so a glyph whose ink leans past its pen (the tail
// of a "j") stays inside it.
float inkPad(const FontSpec& f) {
  return std::ceil(static_cast<float>(f.pixelSize) * 0.12f);
}

Rect padded(const Rect& r, float px) {
  return Rect{r.x + px, r.y, std::max(1.0f, r.w - 2 * px), r.h};
}

// Words in `room`, wrapped inside its ink padding (as blockHeight measured them at
// room.w - 2 * inkPad), vertically centred when `centreY`. Never shortened: words
// taller than their room show as leaving it, which the tests catch.
void drawWords(UiContext& hall, std::string_view words, const FontSpec& f, const Rect& room,
               TextAlign align, Colour colour, bool centreY = false) {
  const float pad = inkPad(f);
  const float w = std::max(1.0f, room.w - 2 * pad);
  const FontMetrics m = hall.text.metrics(f);
  const WrappedText wrapped = wrapText(words, w, m);
  const float h = static_cast<float>(wrapped.lines.size()) * m.lineHeight();
  const float top = centreY ? std::round(room.y + (room.h - h) / 2) : room.y;
  hall.text.drawWrapped(words, wrapped, f, Point{room.x + pad, top}, w, align, colour,
                        TextRoom{room, false});
}

// Where each part of a question's card goes, in a card at `r`: the shape, the
// letter (none in the thumbs vote), the words, the count and the "+1" (when
// `plus`). Layout and drawing both ask, so they agree to the pixel.
struct CardParts {
  Rect shape, letter, words, count, plus;
};
CardParts cardParts(const UiContext& hall, const Rect& r, bool letter, bool plus) {
  CardParts p;
  const float pad = std::round(hall.u(2));
  const float s = std::round(std::min(r.h - 2 * pad, hall.u(11)));
  p.shape = Rect{r.x + pad, std::round(r.y + (r.h - s) / 2), s, s};
  float x = p.shape.right() + pad;
  if (letter) {
    p.letter = Rect{x, r.y, std::round(hall.u(9)), r.h};
    x = p.letter.right() + pad;
  }
  const float countW = std::round(hall.u(20));
  const float plusW = plus ? std::round(hall.u(13)) : 0;
  const float plusH = std::round(hall.u(10));
  p.plus = Rect{r.right() - pad - plusW, std::round(r.y + (r.h - plusH) / 2), plusW, plusH};
  p.count = Rect{(plus ? p.plus.x : r.right()) - pad - countW, r.y, countW, r.h};
  p.words = Rect{x, r.y, std::max(1.0f, p.count.x - pad - x), r.h};
  return p;
}

// A reveal row: the tick (the right answer), the shape, the letter, the words,
// then the bar and its count.
struct RowParts {
  Rect tick, shape, letter, words;
  float barX = 0;
  float barMax = 1;
  float countW = 0;
};
RowParts rowParts(const UiContext& hall, const Rect& r, float textW) {
  RowParts p;
  const float pad = std::round(hall.u(2));
  p.tick = Rect{r.x + pad, r.y, std::round(hall.u(8)), r.h};
  const float sz = std::round(std::min(r.h - 2 * pad, hall.u(9)));
  p.shape = Rect{p.tick.right() + pad, std::round(r.y + (r.h - sz) / 2), sz, sz};
  p.letter = Rect{p.shape.right() + pad, r.y, std::round(hall.u(8)), r.h};
  p.words = Rect{p.letter.right() + pad, r.y, textW, r.h};
  p.countW = std::round(hall.u(20));
  p.barX = p.words.right() + pad;
  p.barMax = std::max(1.0f, r.right() - p.countW - 2 * pad - p.barX);
  return p;
}

const char* const kThumbIds[] = {"assembly.thumbs-up", "assembly.thumbs-side",
                                 "assembly.thumbs-down"};

} // namespace

std::unique_ptr<Screen> makeAssemblyScreen(AssemblyShow show) {
  return std::make_unique<AssemblyScreen>(std::move(show));
}

AssemblyScreen::AssemblyScreen(AssemblyShow show) : mShow(std::move(show)), mRun(*mShow.assembly) {}

Rect AssemblyScreen::content(const UiContext& hall) const {
  const float m = std::round(hall.u(hall_size::kMargin));
  const Rect s = hall.screen();
  // Under everything: where the show is ("3 / 14" and a bar), read from the back.
  const float band = std::round(hall.u(hall_size::kPositionBand));
  return Rect{m, m, s.w - 2 * m, s.h - m - band};
}

std::string AssemblyScreen::optionText(const UiContext& hall, std::size_t choice) const {
  if (mRun.thumbs()) {
    return hall.tr(kThumbIds[choice % kThumbChoices]);
  }
  const AssemblyStep& s = mRun.step();
  return choice < s.options.size() ? s.options[choice].text.get() : std::string();
}

// ---- keys and presses -------------------------------------------------------------

void AssemblyScreen::forward(UiHost& host) {
  if (mRun.blank()) {
    mRun.resume();
    return;
  }
  if (!mRun.forward()) {
    // After the recap: who was there, and who gave it.
    host.nav().push(makeAssemblyRecordScreen(mShow, host.records().roster()));
  }
}

bool AssemblyScreen::key(const KeyDown& k, UiHost& host) {
  const bool used = clickerKey(k, host);
  // Moved on from what R is reading: the hall hears the stop it sees.
  if (mRun.takeStopReading()) {
    host.sound().stopNarration();
  }
  return used;
}

void AssemblyScreen::readAloud(UiHost& host) {
  // Whether what R started last is still heard; the sound says when it ended.
  switch (mRun.pressRead(host.sound().narrationPlaying())) {
  case ReadAloud::Reading:
    host.sound().playNarration(mShow.packDir + "/" +
                               mRun.narration()->get(host.strings().language()));
    break;
  case ReadAloud::Stopped:
    host.sound().stopNarration();
    break;
  case ReadAloud::Idle:
  case ReadAloud::NoNarration:
    break; // a note on the presenter's side only
  }
}

bool AssemblyScreen::clickerKey(const KeyDown& k, UiHost& host) {
  const bool question = mRun.current().kind == AssemblyStop::Kind::Question && !mRun.blank();
  switch (k.key) {
  case Key::PageDown:
  case Key::Right:
  case Key::Space:
    forward(host);
    return true;
  case Key::PageUp:
  case Key::Left:
    if (mRun.blank()) {
      mRun.resume();
    } else {
      mRun.back();
    }
    return true;
  case Key::B:
  case Key::Period:
    mRun.toggleBlank();
    return true;
  case Key::F5:
    if (k.mods.shift) {
      mRun.resume();
    } else {
      mRun.restart();
    }
    return true;
  case Key::Home:
    mRun.first();
    return true;
  case Key::End:
    mRun.last();
    return true;
  case Key::Escape:
    leaveAssembly(host, mShow.leave, mShow.guarded);
    return true;
  case Key::P:
    mNotes = !mNotes;
    return true;
  case Key::R:
    readAloud(host);
    return true;
  case Key::T:
    if (question) {
      mRun.toggleThumbs();
    }
    return question;
  case Key::Down:
  case Key::Tab:
    if (question) {
      if (k.mods.shift) {
        mRun.selectPrevious();
      } else {
        mRun.selectNext();
      }
    }
    return true;
  case Key::Up:
    if (question) {
      mRun.selectPrevious();
    }
    return true;
  case Key::Enter:
    if (question) {
      mRun.addOne(mRun.selected());
    }
    return true;
  case Key::Backspace:
    if (question) {
      mRun.eraseDigit();
    }
    return question;
  default:
    break;
  }
  if (k.key >= Key::Num0 && k.key <= Key::Num9) {
    if (question) {
      mRun.typeDigit(static_cast<int>(k.key) - static_cast<int>(Key::Num0));
    }
    return question;
  }
  return false;
}

bool AssemblyScreen::escape(UiHost& host) {
  leaveAssembly(host, mShow.leave, mShow.guarded);
  return true;
}

void AssemblyScreen::activate(std::string_view widgetId, UiHost& host) {
  (void)host;
  const WidgetId w = WidgetId::parse(widgetId);
  if (const auto n = w.numbered("choice")) {
    mRun.addOne(*n - 1);
  }
}

// ---- layout -----------------------------------------------------------------------

void AssemblyScreen::layout(const UiContext& ctx, WidgetList& out) {
  const UiContext hall = hallContext(ctx);
  mPlan = Plan{};
  if (mRun.blank()) {
    return; // nothing to press on a dark screen
  }
  switch (mRun.current().kind) {
  case AssemblyStop::Kind::Slide:
    layoutSlide(hall);
    break;
  case AssemblyStop::Kind::Question:
    layoutQuestion(hall, out);
    break;
  case AssemblyStop::Kind::Reveal:
    layoutReveal(hall);
    break;
  case AssemblyStop::Kind::Explain:
    layoutExplain(hall);
    break;
  case AssemblyStop::Kind::Recap:
    layoutRecap(hall);
    break;
  }
}

void AssemblyScreen::layoutSlide(const UiContext& hall) {
  const Rect c = content(hall);
  const AssemblyStep& s = mRun.step();
  const std::string& words = s.text.get();
  const float gap = std::round(hall.u(4));
  if (!s.picture) {
    const float w = std::min(c.w, hall.u(170));
    mPlan.words = Rect{std::round(c.x + (c.w - w) / 2), c.y, w, c.h};
    mPlan.wordsFont = fitHall(hall, words, padded(mPlan.words, hall.u(1.5f)),
                              {hall_size::kTitle, hall_size::kBody}, FontWeight::Bold);
    return;
  }
  // Words that do not fit beside the picture take room from it.
  for (const float share : {0.42f, 0.32f, 0.22f}) {
    const float pw = std::round(std::min(c.w * share, c.h * 4 / 3));
    mPlan.picture = Rect{c.x, c.y, pw, c.h};
    mPlan.words = Rect{c.x + pw + gap, c.y, c.w - pw - gap, c.h};
    mPlan.wordsFont = fitHall(hall, words, padded(mPlan.words, hall.u(1.5f)),
                              {hall_size::kTitle, hall_size::kBody}, FontWeight::Bold);
    const float h =
        blockHeight(hall, words, mPlan.wordsFont, mPlan.words.w - 2 * inkPad(mPlan.wordsFont));
    if (h <= mPlan.words.h) {
      break;
    }
  }
}

void AssemblyScreen::layoutQuestion(const UiContext& hall, WidgetList& out) {
  const Rect c = content(hall);
  const std::string& prompt = mRun.step().text.get();
  const float gap = std::round(hall.u(1.5f));
  mPlan.promptFont = hall.fixedFont(hall_size::kBody, FontWeight::Bold);
  const float pad = inkPad(mPlan.promptFont);
  const float ph = blockHeight(hall, prompt, mPlan.promptFont, c.w - 2 * pad);
  mPlan.prompt = Rect{c.x, c.y, c.w, ph};
  const float top = c.y + ph + gap;
  const Rect area{c.x, top, c.w, std::max(1.0f, c.bottom() - top)};
  const std::size_t n = mRun.choiceCount();
  // One column while the cards stay a line or two of words tall; five or six go
  // two abreast.
  const std::size_t cols = n <= 4 ? 1 : 2;
  const std::size_t rows = (n + cols - 1) / cols;
  const float cellW = (area.w - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
  const float room = (area.h - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
  mPlan.optionFont = hall.fixedFont(hall_size::kBody);
  const float ip = inkPad(mPlan.optionFont);
  // As tall as the longest choice's words; the "+1" gives its room to them when
  // they would not fit (the card still takes a tap).
  float need = 0;
  for (const bool plus : {true, false}) {
    mPlan.showPlus = plus;
    const CardParts parts = cardParts(hall, Rect{0, 0, cellW, hall.u(20)}, !mRun.thumbs(), plus);
    need = 0;
    for (std::size_t i = 0; i < n; ++i) {
      need = std::max(
          need, blockHeight(hall, optionText(hall, i), mPlan.optionFont, parts.words.w - 2 * ip));
    }
    need += 2; // the words fill the card's height; its sides keep the padding
    if (need <= room) {
      break;
    }
  }
  const float cellH = std::round(std::min(room, std::max(need, hall.u(16))));
  for (std::size_t i = 0; i < n; ++i) {
    const float x = area.x + static_cast<float>(i % cols) * (cellW + gap);
    const float y = area.y + static_cast<float>(i / cols) * (cellH + gap);
    const Rect r{std::round(x), std::round(y), std::round(cellW), cellH};
    mPlan.rows.push_back(r);
    Widget w;
    w.id = "choice:" + std::to_string(i + 1);
    w.rect = r;
    w.label = optionText(hall, i);
    w.role = WidgetRole::Tile;
    w.selected = i == mRun.selected();
    out.push_back(std::move(w));
  }
}

void AssemblyScreen::layoutReveal(const UiContext& hall) {
  const Rect c = content(hall);
  const AssemblyStep& s = mRun.step();
  const float gap = std::round(hall.u(2));
  mPlan.promptFont = hall.fixedFont(hall_size::kBody, FontWeight::Bold);
  mPlan.optionFont = hall.fixedFont(hall_size::kBody);
  // The bars' rows: the tick, the mark and letter, the words, the bar, the count.
  mPlan.textW = std::round(c.w * 0.42f);
  const float ip = inkPad(mPlan.optionFont);
  std::vector<float> rowH;
  float rowsTotal = 0;
  for (std::size_t i = 0; i < mRun.choiceCount(); ++i) {
    const float h = std::round(std::max(
        hall.u(12), blockHeight(hall, optionText(hall, i), mPlan.optionFont, mPlan.textW - 2 * ip) +
                        hall.u(2)));
    rowH.push_back(h);
    rowsTotal += h + gap;
  }
  const float promptH =
      blockHeight(hall, s.text.get(), mPlan.promptFont, c.w - 2 * inkPad(mPlan.promptFont));
  // The question goes when the bars need its room.
  mPlan.showPrompt = promptH + gap + rowsTotal <= c.h;
  float y = c.y;
  if (mPlan.showPrompt) {
    mPlan.prompt = Rect{c.x, y, c.w, promptH};
    y += promptH + gap;
  }
  for (float h : rowH) {
    mPlan.rows.push_back(Rect{c.x, std::round(y), c.w, h});
    y += h + gap;
  }
}

std::string AssemblyScreen::answerLine(const UiContext& hall) const {
  const AssemblyStep& s = mRun.step();
  if (!mRun.thumbs()) {
    for (std::size_t i = 0; i < s.options.size(); ++i) {
      if (!s.answer.empty() && s.options[i].id == s.answer) {
        return hall.trf("assembly.answer", {{"letter", std::string(1, choiceMark(i).letter)},
                                            {"text", s.options[i].text.get()}});
      }
    }
  }
  return s.text.get();
}

void AssemblyScreen::layoutExplain(const UiContext& hall) {
  const Rect c = content(hall);
  const AssemblyStep& s = mRun.step();
  const float gap = std::round(hall.u(3));
  mPlan.titleFont = hall.fixedFont(hall_size::kBody, FontWeight::Bold);
  mPlan.explanationFont = hall.fixedFont(hall_size::kBody);
  mPlan.smart = mRun.smartFor(mRun.current().step);
  const float th = std::round(
      blockHeight(hall, answerLine(hall), mPlan.titleFont, c.w - 2 * inkPad(mPlan.titleFont)));
  mPlan.title = Rect{c.x, c.y, c.w, th};
  const float pad = std::round(hall.u(3));
  const float badge = mPlan.smart != 0 ? std::round(hall.u(20)) : 0;
  const float x = c.x + pad + (badge > 0 ? badge + std::round(hall.u(4)) : 0);
  const float w = c.right() - pad - x;
  const std::string explanation = s.explanation ? s.explanation->get() : std::string();
  const float eh = std::ceil(blockHeight(hall, explanation, mPlan.explanationFont,
                                         w - 2 * inkPad(mPlan.explanationFont))) +
                   1;
  const float panelH = std::max(badge, eh) + 2 * pad;
  mPlan.explanation = Rect{c.x, c.y + th + gap, c.w, panelH};
  mPlan.words = Rect{x, mPlan.explanation.y + pad, w, std::max(badge, eh)};
}

void AssemblyScreen::layoutRecap(const UiContext& hall) {
  const Rect c = content(hall);
  mPlan.titleFont = hall.fixedFont(hall_size::kTitle, FontWeight::Bold);
  const std::string title = hall.tr("assembly.recap-title");
  const float th = blockHeight(hall, title, mPlan.titleFont, c.w - 2 * inkPad(mPlan.titleFont));
  mPlan.title = Rect{c.x, c.y, c.w, th};
  mPlan.optionFont = hall.fixedFont(hall_size::kBody);
  const std::vector<char> letters = mRun.recapLetters(mRun.current().page);
  const float gap = std::round(hall.u(4));
  const float badge = std::round(hall.u(16));
  const float textW = c.w - badge - hall.u(5);
  float y = c.y + th + gap;
  for (char letter : letters) {
    const std::string line = smartRuleName(hall, letter) + ": " + smartRuleMeaning(hall, letter);
    const float h = std::max(
        badge, blockHeight(hall, line, mPlan.optionFont, textW - 2 * inkPad(mPlan.optionFont)));
    mPlan.rows.push_back(Rect{c.x, std::round(y), c.w, std::round(h)});
    y += h + gap;
  }
}

// ---- drawing ----------------------------------------------------------------------

void AssemblyScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  (void)widgets;
  UiContext hall = hallContext(ctx);
  const Theme& t = hall.theme;
  if (mRun.blank()) {
    hall.renderer.fillRect(hall.screen(), t.calm);
    if (mNotes) {
      drawNotes(hall);
    }
    return;
  }
  hall.renderer.fillRect(hall.screen(), t.background);
  switch (mRun.current().kind) {
  case AssemblyStop::Kind::Slide:
    drawSlide(hall);
    break;
  case AssemblyStop::Kind::Question:
    drawQuestion(hall, v);
    break;
  case AssemblyStop::Kind::Reveal:
    drawReveal(hall);
    break;
  case AssemblyStop::Kind::Explain:
    drawExplain(hall);
    break;
  case AssemblyStop::Kind::Recap:
    drawRecap(hall);
    break;
  }
  drawProgress(hall);
  if (mNotes) {
    drawNotes(hall);
  }
}

void AssemblyScreen::drawSlide(UiContext& hall) {
  const AssemblyStep& s = mRun.step();
  if (s.picture) {
    drawPicture(hall, mShow.packDir + "/" + s.picture->src, mPlan.picture);
  }
  drawWords(hall, s.text.get(), mPlan.wordsFont, mPlan.words,
            s.picture ? TextAlign::Left : TextAlign::Centre, hall.theme.text, true);
}

void AssemblyScreen::drawQuestion(UiContext& hall, const WidgetVisuals& v) {
  const Theme& t = hall.theme;
  drawWords(hall, mRun.step().text.get(), mPlan.promptFont, mPlan.prompt, TextAlign::Left, t.text);
  const bool thumbs = mRun.thumbs();
  for (std::size_t i = 0; i < mPlan.rows.size(); ++i) {
    const Rect& r = mPlan.rows[i];
    const bool chosen = i == mRun.selected();
    const std::string id = "choice:" + std::to_string(i + 1);
    hall.renderer.fillRoundedRect(r, hall.u(2), v.pressed == id ? t.pressed : t.surface);
    hall.renderer.strokeRoundedRect(r, hall.u(2), chosen ? hall.u(0.9f) : hall.u(0.35f),
                                    chosen ? t.focusRing : t.border);
    const ChoiceMark mark = thumbs ? thumbMark(i) : choiceMark(i);
    const CardParts p = cardParts(hall, r, mark.letter != 0, mPlan.showPlus);
    drawChoiceShape(hall, mark.shape, p.shape, mark.colour);
    if (mark.letter != 0) {
      drawTextBlock(hall, std::string(1, mark.letter),
                    hall.fixedFont(hall_size::kTitle, FontWeight::Bold), p.letter,
                    TextAlign::Centre, t.text, 1, true);
    }
    if (mPlan.showPlus) {
      hall.renderer.fillRoundedRect(p.plus, p.plus.h / 2, t.accent);
      drawTextBlock(hall, "+1", hall.fixedFont(hall_size::kBody, FontWeight::Bold), p.plus,
                    TextAlign::Centre, t.accentText, 1, true);
    }
    drawTextBlock(hall, std::to_string(mRun.count(i)),
                  hall.fixedFont(hall_size::kCount, FontWeight::Bold), p.count, TextAlign::Right,
                  t.text, 1, true);
    drawWords(hall, optionText(hall, i), mPlan.optionFont, p.words, TextAlign::Left, t.text, true);
  }
}

void AssemblyScreen::drawReveal(UiContext& hall) {
  const Theme& t = hall.theme;
  const AssemblyStep& s = mRun.step();
  if (mPlan.showPrompt) {
    drawWords(hall, s.text.get(), mPlan.promptFont, mPlan.prompt, TextAlign::Left, t.text);
  }
  const bool thumbs = mRun.thumbs();
  const int highest = std::max(1, mRun.highest());
  for (std::size_t i = 0; i < mPlan.rows.size(); ++i) {
    const Rect& r = mPlan.rows[i];
    const RowParts p = rowParts(hall, r, mPlan.textW);
    const bool right =
        !thumbs && !s.answer.empty() && i < s.options.size() && s.options[i].id == s.answer;
    if (right) {
      // The right answer is ticked and outlined, not only coloured.
      hall.renderer.strokeRoundedRect(r, hall.u(2), hall.u(0.9f), t.accent);
      drawIcon(hall, "\xE2\x9C\x94", p.tick, hall_size::kBody, t.accent);
    }
    const ChoiceMark mark = thumbs ? thumbMark(i) : choiceMark(i);
    drawChoiceShape(hall, mark.shape, p.shape, mark.colour);
    if (mark.letter != 0) {
      drawTextBlock(hall, std::string(1, mark.letter),
                    hall.fixedFont(hall_size::kBody, FontWeight::Bold), p.letter, TextAlign::Centre,
                    t.text, 1, true);
    }
    drawWords(hall, optionText(hall, i), mPlan.optionFont, p.words, TextAlign::Left, t.text, true);
    // The bar, as long as its share of the highest count, then its count.
    const float barH = std::round(std::min(r.h - hall.u(2), hall.u(9)));
    const float len =
        std::round(p.barMax * static_cast<float>(mRun.count(i)) / static_cast<float>(highest));
    if (len > 0) {
      hall.renderer.fillRoundedRect(Rect{p.barX, std::round(r.y + (r.h - barH) / 2), len, barH},
                                    hall.u(1), mark.colour);
    }
    const Rect count{p.barX + len + std::round(hall.u(2)), r.y, p.countW, r.h};
    drawTextBlock(hall, std::to_string(mRun.count(i)),
                  hall.fixedFont(hall_size::kCount, FontWeight::Bold), count, TextAlign::Left,
                  t.text, 1, true);
  }
}

void AssemblyScreen::drawExplain(UiContext& hall) {
  const Theme& t = hall.theme;
  const AssemblyStep& s = mRun.step();
  drawWords(hall, answerLine(hall), mPlan.titleFont, mPlan.title, TextAlign::Left, t.accent);
  const Rect& e = mPlan.explanation;
  hall.renderer.fillRoundedRect(e, hall.u(2), t.surface);
  if (mPlan.smart != 0) {
    const float b = std::round(hall.u(20));
    drawSmartBadge(hall, mPlan.smart, Rect{e.x + std::round(hall.u(3)), mPlan.words.y, b, b});
  }
  if (s.explanation) {
    drawWords(hall, s.explanation->get(), mPlan.explanationFont, mPlan.words, TextAlign::Left,
              t.text);
  }
}

void AssemblyScreen::drawRecap(UiContext& hall) {
  const Theme& t = hall.theme;
  drawWords(hall, hall.tr("assembly.recap-title"), mPlan.titleFont, mPlan.title, TextAlign::Left,
            t.text);
  const std::vector<char> letters = mRun.recapLetters(mRun.current().page);
  const float badge = std::round(hall.u(16));
  for (std::size_t i = 0; i < letters.size() && i < mPlan.rows.size(); ++i) {
    const Rect& r = mPlan.rows[i];
    drawSmartBadge(hall, letters[i], Rect{r.x, std::round(r.y + (r.h - badge) / 2), badge, badge});
    const float x = r.x + badge + hall.u(5);
    const std::string line =
        smartRuleName(hall, letters[i]) + ": " + smartRuleMeaning(hall, letters[i]);
    drawWords(hall, line, mPlan.optionFont, Rect{x, r.y, r.right() - x, r.h}, TextAlign::Left,
              t.text, true);
  }
}

void AssemblyScreen::drawNotes(UiContext& ctx) {
  // For the presenter close to the board: the ordinary reading size, not the hall's.
  const Theme& t = ctx.theme;
  const AssemblyStop& stop = mRun.current();
  std::string notes;
  if (stop.kind != AssemblyStop::Kind::Recap && mRun.step().notes) {
    notes = mRun.step().notes->get();
  }
  if (notes.empty()) {
    notes = ctx.tr("assembly.no-notes");
  }
  const Rect s = ctx.screen();
  const float m = std::round(ctx.u(3));
  const Rect panel{m, std::round(s.h * 0.5f), s.w - 2 * m, std::round(s.h * 0.5f) - m};
  ctx.renderer.fillRoundedRect(panel, ctx.u(2), t.helpFill);
  ctx.renderer.strokeRoundedRect(panel, ctx.u(2), ctx.u(0.5f), t.helpBorder);
  const float pad = std::round(ctx.u(3));
  const FontSpec head = ctx.fixedFont(text_size::kHeading, FontWeight::Bold);
  const std::string reading = readAloudNote(ctx, mRun);
  const float hh = drawTextBlock(
      ctx, ctx.tr("assembly.notes") + (reading.empty() ? std::string() : " \xC2\xB7 " + reading),
      head,
      Rect{panel.x + pad, panel.y + pad, panel.w - 2 * pad, ctx.text.metrics(head).lineHeight()},
      TextAlign::Left, t.helpText, 1);
  const Rect body{panel.x + pad, panel.y + pad + hh, panel.w - 2 * pad, panel.h - 2 * pad - hh};
  const FontSpec f =
      fitFont(ctx, notes, body, {text_size::kBody, text_size::kDetail, 3.0f}, FontWeight::Regular);
  drawTextBlock(ctx, notes, f, body, TextAlign::Left, t.helpText);
}

void AssemblyScreen::drawProgress(UiContext& hall) {
  // "3 / 14" in large bold figures at the bottom right, and a bar filled as far
  // as the show has got: both read from the back of a hall, where dots were not.
  const Theme& t = hall.theme;
  const Rect s = hall.screen();
  const Rect c = content(hall);
  const float m = std::round(hall.u(hall_size::kMargin));
  const Rect band{m, c.bottom(), s.w - 2 * m, s.h - c.bottom() - std::round(hall.u(0.5f))};
  const std::string where =
      std::to_string(mRun.position() + 1) + " / " + std::to_string(mRun.stops().size());
  const FontSpec f = hall.fixedFont(hall_size::kPosition, FontWeight::Bold);
  const float numberW = std::round(hall.u(hall_size::kPosition * 4.5f));
  drawTextBlock(hall, where, f, Rect{band.right() - numberW, band.y, numberW, band.h},
                TextAlign::Right, t.text, 1, true);
  const float barH = std::round(hall.u(1.2f));
  const float gap = std::round(hall.u(3));
  const Rect track{band.x, std::round(band.y + (band.h - barH) / 2),
                   std::max(1.0f, band.w - numberW - gap), barH};
  hall.renderer.strokeRoundedRect(track, barH / 2, std::max(1.0f, hall.u(0.25f)), t.border);
  const float share = static_cast<float>(mRun.position() + 1) /
                      static_cast<float>(std::max<std::size_t>(1, mRun.stops().size()));
  hall.renderer.fillRoundedRect(Rect{track.x, track.y, std::round(track.w * share), barH}, barH / 2,
                                t.mutedText);
}

} // namespace sq
