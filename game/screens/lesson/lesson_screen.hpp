// A lesson's front page ("lesson"): its picture, its title, how many parts it has
// and how far the pupil has got; "next" starts it, or carries on where the pupil
// stopped (their last lesson.progress, on any PC sharing the school folder). The
// step screens are pushed above it and come back here when the pupil leaves.
// In a whole-class lesson (started by the teacher) it is the teacher's front page:
// the lesson's objectives and notes are shown, and nothing is recorded until the
// teacher ticks who was present at the end. Notes longer than the page are never
// cut: they come a page at a time, with "Notes: page 1 of 3" and a "More notes"
// button as the cue, and PageDown / PageUp (a presenter's clicker) or the wheel
// turn the pages. On the pupil's page the parts of the lesson are never cut
// either: the picture gives them room first, and when they still do not fit (the
// largest text on a small window) they scroll, with the scroll cue ("more").
// Depends on: ui/screen, screens/home_model, screens/lesson/lesson_play,
// screens/lesson/activity_parts.
#pragma once

#include "screens/home_model.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "ui/screen.hpp"

namespace sq {

class LessonScreen final : public Screen {
public:
  LessonScreen(HomeLesson lesson, std::shared_ptr<LessonPlay> play)
      : mLesson(std::move(lesson)), mPlay(std::move(play)) {}

  std::string_view id() const override { return "lesson"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  void resumed(UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool pointer(const InputEvent& e, const UiContext& ctx) override;
  std::string firstFocus() const override { return mPlay ? "next" : "back"; }

  const std::shared_ptr<LessonPlay>& play() const { return mPlay; }

  // The teacher's notes pages, from the last layout pass (1 when they fit).
  int notePages() const { return static_cast<int>(mNotePages.size()); }
  int notePage() const { return mNotePage; }

private:
  std::string startLabel(const UiContext& ctx) const;
  bool started() const;
  // Whole class, finished, and nobody recorded yet: "next" asks who was here.
  bool attendanceWaits() const;
  // Splits the whole-class front page's words into lines, then into pages of `side`.
  void layoutNotes(const UiContext& ctx, const Rect& side);
  bool turnNotes(int by);

  // One block of words on the pupil's page, beside the picture.
  struct PageItem {
    std::string text;
    bool strong = false;  // the heading, or the step that comes next
    bool heading = false; // the lesson's state
    bool muted = false;   // a step already done
  };
  std::vector<PageItem> pageItems(const UiContext& ctx) const;
  FontSpec itemFont(const UiContext& ctx, const PageItem& item) const;
  // Places the picture and the pupil's page beside it (scrolling when it must).
  void layoutPage(const UiContext& ctx);

  // One wrapped line of the teacher's front page, placed on its page.
  struct NoteLine {
    std::string text;
    FontSpec font;
    bool muted = false;
    float y = 0; // from the top of the page
  };

  HomeLesson mLesson;
  std::shared_ptr<LessonPlay> mPlay;             // nullptr when the lesson's pack is not loaded
  Rect mContent;                                 // the content area, from the last layout pass
  std::vector<std::vector<NoteLine>> mNotePages; // whole class: the pages of words
  int mNotePage = 0;
  Rect mNotes;       // where a page of them goes
  Rect mNoteCue;     // "Notes: page 1 of 3", beside "More notes"
  Rect mPicture;     // the lesson's picture, from the last layout pass
  Rect mSide;        // the words beside it
  float mWordsW = 0; // how wide the pupil's page wraps (less the scroll cue's room)
  ScrollBox mScroll; // the pupil's page, when it is taller than its room
};

std::unique_ptr<Screen> makeLessonScreen(UiHost& host, const HomeLesson& lesson);
// The teacher's whole-class lesson for `classId`.
std::unique_ptr<Screen> makeClassLessonScreen(UiHost& host, const HomeLesson& lesson,
                                              const std::string& classId);

} // namespace sq
