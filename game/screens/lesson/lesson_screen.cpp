#include "screens/lesson/lesson_screen.hpp"

#include "screens/home_screen.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "screens/teacher/class_lesson_screen.hpp"
#include "text/layout.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace sq {

namespace {

// Words for a step without a title of its own.
const char* stepKindLabel(const Activity& a) {
  switch (a.index()) {
  case 0:
    return "lesson.kind.slides";
  case 1:
    return "lesson.kind.scenario";
  case 2:
    return "lesson.kind.quiz";
  case 3:
    return "lesson.kind.butterfly";
  default:
    return "lesson.kind.aup";
  }
}

} // namespace

std::unique_ptr<Screen> makeLessonScreen(UiHost& host, const HomeLesson& lesson) {
  return std::make_unique<LessonScreen>(lesson, startLesson(host, lesson.packId, lesson.lessonId));
}

std::unique_ptr<Screen> makeClassLessonScreen(UiHost& host, const HomeLesson& lesson,
                                              const std::string& classId) {
  return std::make_unique<LessonScreen>(lesson,
                                        startLesson(host, lesson.packId, lesson.lessonId, classId));
}

bool LessonScreen::started() const {
  return mPlay &&
         (mPlay->runner.stepIndex() > 0 || mPlay->runner.phase() != LessonRunner::Phase::Step ||
          mLesson.state == LessonState::InProgress);
}

bool LessonScreen::attendanceWaits() const {
  // A whole-class lesson played to its end whose "Who was here?" was left with Back.
  return mPlay && mPlay->wholeClass() && mPlay->runner.isFinished() &&
         mPlay->session.recorded().empty();
}

std::string LessonScreen::startLabel(const UiContext& ctx) const {
  if (attendanceWaits()) {
    return ctx.tr("class-lesson.who-title");
  }
  if (mLesson.state == LessonState::Done && !started()) {
    return ctx.tr("lesson.again");
  }
  return ctx.tr(started() ? "lesson.continue" : "lesson.start");
}

namespace {

// The side of the front page beside the picture.
Rect sideOf(const UiContext& ctx, const Rect& content) {
  const float gap = ctx.u(4);
  const float pictureW = std::round(content.w * 0.45f);
  const float x = content.x + pictureW + gap;
  return Rect{x, content.y, content.right() - x, content.h};
}

} // namespace

void LessonScreen::layoutNotes(const UiContext& ctx, const Rect& side) {
  // The blocks of words: the heading, each objective, the notes.
  struct Block {
    std::string text;
    FontSpec font;
    bool muted;
  };
  std::vector<Block> blocks;
  blocks.push_back(
      {ctx.tr("lesson.whole-class"), ctx.font(text_size::kHeading, FontWeight::Bold), false});
  for (const Text& o : mPlay->lesson->objectives) {
    blocks.push_back({"\xE2\x80\xA2 " + inLang(ctx, o), ctx.font(text_size::kDetail), false}); // •
  }
  if (mPlay->lesson->teacherNotes) {
    blocks.push_back(
        {inLang(ctx, *mPlay->lesson->teacherNotes), ctx.font(text_size::kDetail), true});
  }
  const float gap = ctx.u(2);
  // Every line of every block, placed on pages `pageH` tall; a line taller than a
  // page still gets a page of its own.
  const auto paginate = [&](float pageH) {
    std::vector<std::vector<NoteLine>> pages(1);
    float y = ctx.u(2);
    for (const Block& b : blocks) {
      const FontMetrics m = ctx.text.metrics(b.font);
      const WrappedText wrapped = wrapText(b.text, side.w, m);
      for (const TextLine& l : wrapped.lines) {
        if (y + m.lineHeight() > pageH + 0.5f && !pages.back().empty()) {
          pages.emplace_back();
          y = 0;
        }
        pages.back().push_back(
            NoteLine{b.text.substr(l.begin, l.end - l.begin), b.font, b.muted, y});
        y += m.lineHeight();
      }
      y += gap;
    }
    return pages;
  };
  mNotePages = paginate(side.h);
  mNotes = side;
  mNoteCue = Rect{};
  if (mNotePages.size() > 1) {
    // Room at the foot of the side for the cue ("page 1 of 2", on its own lines so
    // it is never cut) and "More notes" under it.
    const std::string widest = ctx.trf("lesson.notes-page", {{"page", "88"}, {"pages", "88"}});
    const float cueText = std::ceil(
        textBlockHeight(ctx, widest, ctx.fixedFont(text_size::kDetail, FontWeight::Bold), side.w));
    const float cueH = std::round(ctx.u(metrics::kButtonHeight)) + cueText + ctx.u(1);
    mNotes = Rect{side.x, side.y, side.w, std::max(0.0f, side.h - cueH - gap)};
    mNotePages = paginate(mNotes.h);
    mNoteCue = Rect{side.x, side.bottom() - cueH, side.w, cueH};
  }
  mNotePage = std::clamp(mNotePage, 0, static_cast<int>(mNotePages.size()) - 1);
}

bool LessonScreen::turnNotes(int by) {
  const int next = std::clamp(mNotePage + by, 0, std::max(0, notePages() - 1));
  if (next == mNotePage) {
    return false;
  }
  mNotePage = next;
  return true;
}

bool LessonScreen::key(const KeyDown& k, UiHost& host) {
  (void)host;
  if (mScroll.key(k)) {
    return true;
  }
  if (!mPlay || !mPlay->wholeClass() || notePages() < 2) {
    return false;
  }
  if (k.key == Key::PageDown) {
    turnNotes(1);
    return true;
  }
  if (k.key == Key::PageUp) {
    turnNotes(-1);
    return true;
  }
  return false;
}

bool LessonScreen::pointer(const InputEvent& e, const UiContext& ctx) {
  if (mScroll.handle(e, ctx)) {
    return true;
  }
  if (const auto* w = std::get_if<Wheel>(&e); w != nullptr && notePages() > 1) {
    return turnNotes(w->dy > 0 ? 1 : w->dy < 0 ? -1 : 0);
  }
  return false;
}

std::vector<LessonScreen::PageItem> LessonScreen::pageItems(const UiContext& ctx) const {
  std::vector<PageItem> items;
  if (!mPlay) {
    items.push_back({ctx.tr("lesson.missing"), false, false, false});
    return items;
  }
  if (mPlay->wholeClass()) {
    return items; // the teacher's notes take the side (layoutNotes)
  }
  items.push_back({lessonStateLabel(ctx, mLesson.state), true, true, false});
  // The parts of the lesson, so a pupil knows what is coming: done ones ticked,
  // the next one pointed at.
  const std::vector<Step>& steps = mPlay->lesson->steps;
  const std::size_t at =
      mPlay->runner.phase() == LessonRunner::Phase::Step ? mPlay->runner.stepIndex() : steps.size();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const char* mark = i < at ? "\xE2\x9C\x93 " : i == at ? "\xE2\x86\x92 " : "    "; // ✓ →
    const std::string name =
        steps[i].title ? inLang(ctx, *steps[i].title) : ctx.tr(stepKindLabel(steps[i].activity));
    items.push_back({mark + name, i == at, false, i < at});
  }
  if (!mPlay->resumeNote.empty()) {
    items.push_back({ctx.tr(mPlay->resumeNote), false, false, false});
  }
  if (ctx.strings != nullptr && mPlay->saveMark() == LessonSession::SaveMark::Failed) {
    items.push_back({ctx.tr("lesson.not-saved"), false, false, false});
  }
  return items;
}

FontSpec LessonScreen::itemFont(const UiContext& ctx, const PageItem& item) const {
  return ctx.font(item.heading ? text_size::kHeading : text_size::kBody,
                  item.strong ? FontWeight::Bold : FontWeight::Regular);
}

void LessonScreen::layoutPage(const UiContext& ctx) {
  const Rect& content = mContent;
  const float gap = ctx.u(4);
  const std::vector<PageItem> items = pageItems(ctx);
  const auto heightOf = [&](float wordsW) {
    float h = ctx.u(2);
    for (const PageItem& it : items) {
      h += textBlockHeight(ctx, it.text, itemFont(ctx, it), wordsW) + ctx.u(2);
    }
    return h;
  };
  const auto place = [&](float share) {
    const float pictureW = std::round(content.w * share);
    mPicture = Rect{content.x, content.y, pictureW, content.h};
    mSide = Rect{mPicture.right() + gap, content.y, content.right() - mPicture.right() - gap,
                 content.h};
    mWordsW = mSide.w;
  };
  // The words beside the picture, each whole (wrapped). When they do not all fit,
  // the picture gives room first, then they scroll; they are never made smaller.
  place(0.45f);
  mScroll.place(ctx, Rect{}, 0);
  if (!mPlay || !mPlay->wholeClass()) {
    if (heightOf(mWordsW) > content.h) {
      place(0.3f);
    }
    if (heightOf(mWordsW) > content.h) {
      mWordsW = std::max(1.0f, mSide.w - ScrollBox::gutter(ctx)); // clear of the cue
      mScroll.place(ctx, mSide, heightOf(mWordsW));
    }
  }
}

void LessonScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  addStepBack(ctx, out);
  layoutPage(ctx);
  mScroll.addWidget(ctx, out); // when the pupil's page scrolls
  if (mPlay && openingNarration(*mPlay)) {
    addStepBottom(ctx, out, true, {});
  }
  mNotePages.clear();
  if (mPlay && mPlay->wholeClass()) {
    layoutNotes(ctx, sideOf(ctx, mContent));
    if (notePages() > 1) {
      // Read before the lesson starts: ahead of "next" in the reading order.
      const std::string more = ctx.tr("lesson.notes-more");
      const float w = std::min(mNoteCue.w, buttonWidth(ctx, more, true));
      const float h = std::round(ctx.u(metrics::kButtonHeight));
      out.push_back(Widget{"notes-more", Rect{mNoteCue.right() - w, mNoteCue.bottom() - h, w, h},
                           more, WidgetRole::Button});
    }
  }
  if (mPlay) {
    const std::string start = startLabel(ctx);
    out.push_back(Widget{"next", cornerButton(ctx, Corner::BottomRight, start, true), start,
                         WidgetRole::Button});
  }
}

void LessonScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, mLesson.title, widgets);
  drawPicture(ctx, mLesson.picture, mPicture);
  // The pupil's page beside it, scrolled when it is taller than its room.
  mScroll.begin(ctx);
  float y = (mScroll.scrolls() ? mScroll.top() : mSide.y) + ctx.u(2);
  for (const PageItem& it : pageItems(ctx)) {
    const FontSpec font = itemFont(ctx, it);
    const float h = textBlockHeight(ctx, it.text, font, mWordsW);
    drawTextBlock(ctx, it.text, font, Rect{mSide.x, y, mWordsW, h}, TextAlign::Left,
                  it.muted ? t.mutedText : t.text);
    y += h + ctx.u(2);
  }
  mScroll.end(ctx);
  if (mPlay && mPlay->wholeClass()) {
    // The teacher's front page: what the lesson is for, and their notes, whole, a
    // page at a time when they are long.
    if (!mNotePages.empty()) {
      for (const NoteLine& l : mNotePages[static_cast<std::size_t>(mNotePage)]) {
        ctx.text.drawLine(l.text, l.font, Point{mNotes.x, std::round(mNotes.y + l.y)},
                          l.muted ? t.mutedText : t.text);
      }
    }
    if (notePages() > 1) {
      const std::string cue =
          ctx.trf("lesson.notes-page", {{"page", std::to_string(mNotePage + 1)},
                                        {"pages", std::to_string(notePages())}});
      const Widget* more = findWidget(widgets, "notes-more");
      const float bottom = more != nullptr ? more->rect.y - ctx.u(1) : mNoteCue.bottom();
      drawTextBlock(ctx, cue, ctx.fixedFont(text_size::kDetail, FontWeight::Bold),
                    Rect{mNoteCue.x, mNoteCue.y, mNoteCue.w, std::max(0.0f, bottom - mNoteCue.y)},
                    TextAlign::Right, t.text, 0, true);
    }
  }
  for (const Widget& w : widgets) {
    if (w.id == "notes-more") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x93"); // ↓
    }
  }
  drawStepButtons(ctx, widgets, v);
}

void LessonScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "more") {
    mScroll.page();
  } else if (widgetId == "notes-more") {
    // On the last page it goes back to the first.
    if (!turnNotes(1)) {
      mNotePage = 0;
    }
  } else if (widgetId == "back") {
    host.sound().stopNarration();
    host.nav().pop();
  } else if (widgetId == "read-aloud" && mPlay) {
    narrate(*mPlay, host, openingNarration(*mPlay), false);
  } else if (widgetId == "next" && attendanceWaits()) {
    host.nav().push(makeClassPresentScreen(mPlay, host));
  } else if (widgetId == "next" && mPlay) {
    if (mPlay->runner.isFinished()) {
      // Playing a finished lesson again: a fresh start, kept apart from the old one.
      const std::string wholeClassId = mPlay->wholeClass() ? mPlay->classId() : std::string();
      mPlay = startLesson(host, mLesson.packId, mLesson.lessonId, wholeClassId);
      if (!mPlay) {
        return;
      }
    }
    if (mPlay->runner.stepIndex() == 0) {
      narrate(*mPlay, host, openingNarration(*mPlay), true);
    }
    mPlay->resumeNote.clear();
    host.nav().push(makeStepScreen(mPlay, host));
  }
}

void LessonScreen::resumed(UiHost& host) {
  host.sound().stopNarration();
  if (mPlay && !mPlay->wholeClass()) {
    // Leaving a lesson is a good moment to let other PCs see the progress.
    host.records().shareRecords();
    if (mPlay->runner.isFinished()) {
      mLesson.state = LessonState::Done;
      host.nav().pop(); // back to the path of lessons, which shows it done
    } else if (started()) {
      mLesson.state = LessonState::InProgress;
    }
  } else if (mPlay && mPlay->runner.isFinished() && !attendanceWaits()) {
    host.nav().pop(); // recorded: back to the lessons
  }
}

} // namespace sq
