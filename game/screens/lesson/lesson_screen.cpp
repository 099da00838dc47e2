#include "screens/lesson/lesson_screen.hpp"

#include "screens/home_screen.hpp"
#include "screens/lesson/activity_parts.hpp"

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

std::string LessonScreen::startLabel(const UiContext& ctx) const {
  if (mLesson.state == LessonState::Done && !started()) {
    return ctx.tr("lesson.again");
  }
  return ctx.tr(started() ? "lesson.continue" : "lesson.start");
}

void LessonScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  addStepBack(ctx, out);
  if (mPlay && openingNarration(*mPlay)) {
    addStepBottom(ctx, out, true, {});
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
  const Rect content = mContent;
  const float gap = ctx.u(4);
  const Rect picture{content.x, content.y, std::round(content.w * 0.45f), content.h};
  drawPicture(ctx, mLesson.picture, picture);
  const Rect side{picture.right() + gap, content.y, content.right() - picture.right() - gap,
                  content.h};
  const FontSpec big = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec body = ctx.font(text_size::kBody);
  const FontSpec small = ctx.font(text_size::kDetail);
  float y = side.y + ctx.u(2);
  const auto line = [&](const std::string& s, const FontSpec& f, Colour c, int lines) {
    if (y < side.bottom()) {
      y += drawTextBlock(ctx, s, f, Rect{side.x, y, side.w, side.bottom() - y}, TextAlign::Left, c,
                         lines) +
           ctx.u(2);
    }
  };
  if (!mPlay) {
    line(ctx.tr("lesson.missing"), body, t.text, 4);
  } else if (mPlay->wholeClass()) {
    // The teacher's front page: what the lesson is for, and their notes.
    line(ctx.tr("lesson.whole-class"), big, t.text, 2);
    for (const Text& o : mPlay->lesson->objectives) {
      line("\xE2\x80\xA2 " + inLang(ctx, o), small, t.text, 3); // •
    }
    if (mPlay->lesson->teacherNotes) {
      line(inLang(ctx, *mPlay->lesson->teacherNotes), small, t.mutedText, 6);
    }
  } else {
    line(lessonStateLabel(ctx, mLesson.state), big, t.text, 1);
    // The parts of the lesson, so a pupil knows what is coming: done ones ticked,
    // the next one pointed at.
    const std::vector<Step>& steps = mPlay->lesson->steps;
    const std::size_t at = mPlay->runner.phase() == LessonRunner::Phase::Step
                               ? mPlay->runner.stepIndex()
                               : steps.size();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const char* mark = i < at ? "\xE2\x9C\x93 " : i == at ? "\xE2\x86\x92 " : "    "; // ✓ →
      const std::string name =
          steps[i].title ? inLang(ctx, *steps[i].title) : ctx.tr(stepKindLabel(steps[i].activity));
      line(mark + name, i == at ? ctx.font(text_size::kBody, FontWeight::Bold) : body,
           i < at ? t.mutedText : t.text, 1);
    }
    if (!mPlay->resumeNote.empty()) {
      line(ctx.tr(mPlay->resumeNote), body, t.text, 4);
    }
    if (ctx.strings != nullptr && mPlay->saveMark() == LessonSession::SaveMark::Failed) {
      line(ctx.tr("lesson.not-saved"), body, t.text, 3);
    }
  }
  drawStepButtons(ctx, widgets, v);
}

void LessonScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.sound().stopNarration();
    host.nav().pop();
  } else if (widgetId == "read-aloud" && mPlay) {
    narrate(*mPlay, host, openingNarration(*mPlay), false);
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
  } else if (mPlay && mPlay->runner.isFinished()) {
    host.nav().pop();
  }
}

} // namespace sq
