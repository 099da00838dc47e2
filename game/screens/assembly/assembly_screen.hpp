// The hall's screen: an assembly given from the whiteboard with a presenter
// clicker. Slides, then each question (its choices with a letter, a shape and
// a colour each, counted three ways), its reveal (large bars with the counts, the
// right answer ticked), its explanation (the answer, the explanation and the SMART
// rule's badge), and the SMART recap; then the record screen (assembly_record_screen). Drawn in the
// projector theme at the hall's type sizes (projector_theme); nothing on it is for the presenter
// alone except the notes overlay, which P shows and hides. Keys (a clicker sends PageUp, PageDown,
// B or ".", F5 or Esc):
//   PageDown, Right, Space  forward (a question's reveal, then its explanation, are
//                           steps of their own)
//   PageUp, Left            back
//   B, "."                  blank the screen, and back
//   F5, Shift+F5            from the beginning, from here (the screen shown again)
//   Home, End               first and last stop
//   Esc                     leave (the teacher PIN first under the full-screen lock)
//   0-9, Backspace          type the count of the chosen choice (Up, Down, Tab choose)
//   Enter                   +1 on the chosen choice (a tap or click on a choice too)
//   T                       the question as a quick thumbs vote (up, sideways, down)
//   P                       the presenter's notes over the slide
//   R                       read the stop aloud (its narration), R again stops; a stop
//                           without narration says so on the presenter's side only
// Widgets: choice:N on a question (pressing one adds 1).
// Depends on: screens/assembly/assembly_run, screens/assembly/assembly_show,
// screens/assembly/projector_theme, screens/assembly/presenter_view (the note R
// leaves for the presenter), screens/lesson/activity_parts (the SMART badge).
#pragma once

#include "screens/assembly/assembly_run.hpp"
#include "screens/assembly/assembly_show.hpp"
#include "ui/screen.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class AssemblyScreen final : public Screen {
public:
  explicit AssemblyScreen(AssemblyShow show);

  std::string_view id() const override { return "assembly"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool escape(UiHost& host) override;

  const AssemblyRun& run() const { return mRun; }
  bool notesShown() const { return mNotes; }
  // The narration R started ended by itself (the app looks when the sound wakes
  // it): true when the presenter's note changed, so both screens are drawn again.
  bool soundEnded() { return mRun.soundEnded(); }

private:
  // What the last layout pass worked out for the stop on screen.
  struct Plan {
    Rect picture;
    Rect words;
    FontSpec wordsFont;
    bool showPrompt = true;
    Rect prompt;
    FontSpec promptFont;
    std::vector<Rect> rows; // choice cards, or the reveal's bar rows
    FontSpec optionFont;
    Rect explanation;
    FontSpec explanationFont;
    char smart = 0;
    Rect title;
    FontSpec titleFont;
    bool showPlus = true; // the question's "+1" (gone when the words need its room)
    float textW = 0;      // a reveal row's words
  };
  void forward(UiHost& host);
  bool clickerKey(const KeyDown& k, UiHost& host);
  void readAloud(UiHost& host);
  void layoutSlide(const UiContext& hall);
  void layoutQuestion(const UiContext& hall, WidgetList& out);
  void layoutReveal(const UiContext& hall);
  void layoutExplain(const UiContext& hall);
  void layoutRecap(const UiContext& hall);
  void drawSlide(UiContext& hall);
  void drawQuestion(UiContext& hall, const WidgetVisuals& v);
  void drawReveal(UiContext& hall);
  void drawExplain(UiContext& hall);
  void drawRecap(UiContext& hall);
  void drawNotes(UiContext& ctx);
  void drawProgress(UiContext& hall);
  std::string optionText(const UiContext& hall, std::size_t choice) const;
  // "The answer: B, Find a grown-up and ask", or the question when it has none.
  std::string answerLine(const UiContext& hall) const;
  Rect content(const UiContext& hall) const;

  AssemblyShow mShow;
  AssemblyRun mRun;
  bool mNotes = false;
  Plan mPlan;
};

std::unique_ptr<Screen> makeAssemblyScreen(AssemblyShow show);

} // namespace sq
