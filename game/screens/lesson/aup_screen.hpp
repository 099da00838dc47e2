// The "aup" step: the pupil reads (or hears) the Acceptable Use Policy's
// promises, ticks each one ("promise:1".."promise:N", toggles), then signs by
// choosing their own name tile ("pupil:<id>") and pressing "agree". Reception and
// KS1 see one promise a page with its picture; KS2 a few promises a page as text.
// In Reception a teacher may sign for the child ("teacher-signs", behind the PIN).
// Signing records aup.signed for the pupil (nothing for a guest or a whole-class
// lesson); "next" then finishes the step.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts,
// screens/teacher/teacher_pin_screen.
#pragma once

#include "results/roster.hpp"
#include "screens/lesson/lesson_play.hpp"

#include <memory>
#include <string>
#include <vector>

namespace sq {

class AupScreen final : public Screen {
public:
  enum class Stage { Intro, Promises, Sign, Done };

  AupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host);

  std::string_view id() const override { return "aup"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  void resumed(UiHost& host) override;

  Stage stage() const { return mStage; }
  // The first promise on the page shown (0-based).
  std::size_t firstPromise() const { return mFirst; }

private:
  AupRunner* runner() const { return mPlay->runner.runnerAs<AupRunner>(); }
  bool pictures() const; // Reception and KS1: one promise a page, with its picture
  bool pageTicked() const;
  void showPage(std::size_t first, UiHost& host);
  void sign(UiHost& host, bool byTeacher);
  std::vector<Rect> promiseRows(const UiContext& ctx, std::size_t first) const;
  Rect rowsArea(const UiContext& ctx) const;
  void layoutIntro(const UiContext& ctx);
  void layoutDone(const UiContext& ctx);
  void layoutPromises(const UiContext& ctx, WidgetList& out);
  void layoutSign(const UiContext& ctx, WidgetList& out);
  std::string signWords(const UiContext& ctx, bool& gentle) const;
  void drawPromises(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v);
  void drawSign(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v);

  std::shared_ptr<LessonPlay> mPlay;
  Stage mStage = Stage::Intro;
  std::size_t mFirst = 0;
  // Worked out by layout() for the size drawn at: where this page ends and where
  // the one before it starts.
  mutable std::size_t mEnd = 1;
  mutable std::size_t mPrevFirst = 0;
  mutable int mNamesPerPage = 1;
  std::vector<std::size_t> mHistory; // the first promise of each page turned from

  // Signing: who may sign, and with which name.
  bool mRecords = false;    // a pupil signed in, not a whole-class lesson
  bool mWholeClass = false; // taught to the class: no names
  std::string mPupilId;
  std::string mPupilName;
  std::string mClassId;
  std::vector<Pupil> mClassmates;
  bool mNameChosen = false;
  int mNamePage = 0;
  std::string mMessage; // a string id
  std::shared_ptr<bool> mTeacherAccepted = std::make_shared<bool>(false);
  Rect mContent; // the content area, from the last layout pass
  // What else the last layout pass worked out, for draw().
  struct Plan {
    // The intro: its words' box and size, and the count's height.
    Rect introBox;
    FontSpec introFont;
    Rect countBox; // "n promises", under the words as they are drawn
    float countH = 0;
    // One promise a page (Reception and KS1): picture, count, words, the hint.
    Rect picture;
    Rect count;
    Rect words;
    FontSpec wordsFont;
    Rect hint;
    FontSpec hintFont;
    // Promises as rows: where the rows are, and each row's words' size.
    Rect rows;
    std::vector<FontSpec> rowFonts;
    // Signing: the words at the top, and each name tile's size.
    Rect signWords;
    FontSpec signFont;
    std::vector<FontSpec> nameFonts;
    // Done: the thank-you panel's room and words, then the tick and how many
    // promises were made (both empty when there is no room under the panel).
    Rect donePanel;
    std::string doneWords;
    Rect doneTick;
    Rect doneMade;
  } mPlan;
};

// `play`: its runner is on an AUP step; `host` gives the name tiles the pupil signs
// with (their class).
std::unique_ptr<Screen> makeAupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host);

} // namespace sq
