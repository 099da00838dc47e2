// Whole-class lessons, for Reception and KS1 above all, where pupils meet the
// internet by an adult's demonstration. From the teacher's settings (behind the
// PIN) the teacher picks a class and a lesson ("class-lesson-pick"); the room
// makes the choices on the whiteboard; at the end the teacher ticks who was
// present ("class-lesson": everyone in the class ticked to begin with, and pupils
// of other classes can be added) and "finish" records the lesson as completed for
// each of them, marked as taught to the whole class, then says "Saved for N pupils"
// (every pupil recorded, counting those a retry after a failure saved). "back"
// returns to the lesson's front page without recording anyone; its "next" opens
// "Who was here?" again. A Reception AUP read together is signed by the teacher on
// behalf of each child present. The picker marks each lesson already taught to the
// class as a whole class "taught on <date>" (from the records: results/class_records).
// Depends on: ui/screen, screens/lesson/lesson_play, screens/lesson/lesson_screen,
// results/class_records.
#pragma once

#include "screens/lesson/lesson_play.hpp"
#include "ui/screen.hpp"

#include <set>
#include <string>
#include <vector>

namespace sq {

class ClassLessonPickScreen final : public Screen {
public:
  std::string_view id() const override { return "class-lesson-pick"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  // Back from a lesson: its "taught on" date may be new.
  void resumed(UiHost& host) override;

  struct LessonTile {
    std::string packId;
    std::string lessonId;
    std::string title;
    std::string picture;
    std::string taughtOn; // the newest whole-class teaching of it to this class, or ""
  };
  // Shows the lessons of the units for `classId`'s year groups.
  void pickClass(const UiHost& host, const std::string& classId);
  const std::string& classId() const { return mClassId; }
  const std::vector<LessonTile>& lessons() const { return mLessons; }

  std::vector<std::pair<std::string, std::string>> classes; // id, name

private:
  std::string mClassId;
  std::string mClassName;
  std::vector<LessonTile> mLessons;
  int mPage = 0;
  mutable int mPerPage = 1;
  Rect mContent; // the content area, from the last layout pass
};

class ClassPresentScreen final : public Screen {
public:
  ClassPresentScreen(std::shared_ptr<LessonPlay> play, const UiHost& host);
  std::string_view id() const override { return "class-lesson"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

  struct Row {
    std::string pupilId;
    std::string name;
    bool present = true;
  };
  const std::vector<Row>& rows() const { return mRows; }
  // After a finish that saved everyone: how many pupils were recorded (-1 before).
  int savedFor() const { return mDone ? mSaved : -1; }

private:
  void addClass(const Roster& roster, const std::string& classId, bool present);
  // The Reception AUPs this lesson reads together: finishing signs them for each
  // pupil present, by the teacher.
  std::vector<const Aup*> receptionAups() const;
  static std::string classOf(const Roster& roster, const std::string& pupilId);

  std::shared_ptr<LessonPlay> mPlay;
  std::vector<Row> mRows;
  std::vector<std::pair<std::string, std::string>> mOtherClasses; // not yet added
  bool mChoosingClass = false;
  int mPage = 0;
  mutable int mPerPage = 1;
  bool mFailed = false; // the last finish could not save everyone
  bool mDone = false;   // everyone ticked is saved: "Saved for N pupils", then "done"
  int mSaved = 0;       // pupils saved so far, over every press of "finish"
  std::string mError;
  Rect mContent; // the content area, from the last layout pass
};

std::unique_ptr<Screen> makeClassLessonPickScreen(const UiHost& host);
std::unique_ptr<Screen> makeClassPresentScreen(const std::shared_ptr<LessonPlay>& play,
                                               const UiHost& host);

} // namespace sq
