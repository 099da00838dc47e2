// The "aup" step: the pupil reads (or hears) the Acceptable Use Policy's
// promises, ticks each one ("promise:1".."promise:N", toggles), then signs by
// choosing their own name tile ("pupil:<id>") and pressing "agree". Reception and
// KS1 see one promise a page with its picture; KS2 a few promises a page as text.
// In Reception a teacher may sign for the child ("teacher-signs", behind the PIN).
// Signing records aup.signed for the pupil (nothing for a guest or a whole-class
// lesson); "next" then finishes the step.
// A promise is never cut: its picture gets smaller, then goes; a KS2 promise too
// long for a row has a page of its own; words still taller than their room
// scroll ("more"), at the pupil's text size. Name tiles are as wide as a name's
// longest word and as tall as its lines, so fewer fit a page before a name is
// made smaller.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts,
// screens/teacher/teacher_pin_screen.
#pragma once

#include "results/roster.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"

#include <memory>
#include <string>
#include <utility>
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
  bool key(const KeyDown& k, UiHost& host) override;
  bool pointer(const InputEvent& e, const UiContext& ctx) override;

  Stage stage() const { return mStage; }
  // The first promise on the page shown (0-based).
  std::size_t firstPromise() const { return mFirst; }

private:
  AupRunner* runner() const { return mPlay->runner.runnerAs<AupRunner>(); }
  bool pictures() const; // Reception and KS1: one promise a page, with its picture
  bool pageTicked() const;
  void showPage(std::size_t first, UiHost& host);
  void sign(UiHost& host, bool byTeacher);
  // The promises that go on a page of rows starting at `first` (KS2), each whole
  // at the body size; none when even the first is too tall for a row.
  std::vector<Rect> promiseRows(const UiContext& ctx, std::size_t first) const;
  // How many promises the page starting at `first` holds.
  std::size_t pageSize(const UiContext& ctx, std::size_t first) const;
  void layoutIntro(const UiContext& ctx);
  void layoutDone(const UiContext& ctx);
  void layoutPromises(const UiContext& ctx, WidgetList& out);
  void layoutPromisePage(const UiContext& ctx, WidgetList& out);
  void layoutSign(const UiContext& ctx, WidgetList& out);
  std::string signWords(const UiContext& ctx, bool& gentle) const;
  // Every sentence the signing page may show at its top, for the room they need.
  std::vector<std::string> allSignWords(const UiContext& ctx) const;
  void drawPromises(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v);
  void drawSign(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v);

  std::shared_ptr<LessonPlay> mPlay;
  Stage mStage = Stage::Intro;
  std::size_t mFirst = 0;
  // Worked out by layout() for the size drawn at: where this page ends and where
  // the one before it starts.
  std::size_t mEnd = 1;
  std::size_t mPrevFirst = 0;
  int mNamesPerPage = 1;
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
  // Words taller than their room: the intro, a promise on its own page, the
  // signing words or the thank-you panel (one at a time). Back at the top on a
  // new page.
  ScrollBox mScroll;
  std::pair<Stage, std::size_t> mScrollFor{Stage::Intro, 0};
  // What else the last layout pass worked out, for draw().
  struct Plan {
    // The intro: its words' box and size, and the count's box and size (scrolled
    // with the words when they scroll).
    Rect introBox;
    FontSpec introFont;
    Rect countBox;
    FontSpec countFont;
    // A promise on its own page (Reception and KS1; a KS2 promise too long for a
    // row): picture, "Promise 2 of 6", the words (their box is the scroll box's
    // when they scroll: then wordsH is their whole height), the hint.
    bool promisePage = false;
    Rect picture;
    Rect count;
    FontSpec countLineFont;
    Rect words;
    float wordsH = 0;
    FontSpec wordsFont;
    Rect hint; // empty when there is no room for it
    FontSpec hintFont;
    // Promises as rows: what to do and which these are, over the rows.
    Rect tickLine;
    Rect rangeLine;
    FontSpec lineFont;
    FontSpec rowFont;
    // Signing: the words at the top (their band, and the box inside it), and the
    // name tiles' size.
    Rect signBand;
    Rect signWords;
    float signWordsH = 0;
    FontSpec signFont;
    FontSpec nameFont;
    // Done: the thank-you panel (its whole height; scrolled when taller than the
    // room), then the tick and how many promises were made (both empty when
    // there is no room under the panel).
    Rect donePanel;
    std::string doneWords;
    Rect doneTick;
    Rect doneMade;
    FontSpec doneMadeFont;
  } mPlan;
};

// `play`: its runner is on an AUP step; `host` gives the name tiles the pupil signs
// with (their class).
std::unique_ptr<Screen> makeAupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host);

} // namespace sq
