// Sign-in ("sign-in"): a pupil taps their class, then their name (first name and
// initial), then, when the teacher has set one for the class, their three
// pictures. Pupils of one class shown by one name each have a picture and colour
// on their tile, and it says "Amy J, the one with the star" (screens/name_marks).
// Guests play with nothing recorded, which also covers a machine with no
// class list yet. The teacher's door is a quiet button in the corner.
// Depends on: ui/screen, ui/chrome, ui/grid, screens/picture_password,
// screens/name_marks, results/roster.
#pragma once

#include "results/roster.hpp"
#include "screens/name_marks.hpp"
#include "ui/screen.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sq {

struct SignInModel {
  bool loading = false;                      // the class list is still being read
  std::vector<SchoolClass> classes;          // sorted for showing
  std::vector<Pupil> pupils;                 // on roll only, sorted by name
  std::set<std::string> classesWithPictures; // class ids with a picture password

  // From the class list and the picture passwords the host knows.
  static SignInModel fromHost(const UiHost& host);
  std::vector<const Pupil*> pupilsOf(const std::string& classId) const;
};

class SignInScreen final : public Screen {
public:
  explicit SignInScreen(SignInModel model) : mModel(std::move(model)) {}

  std::string_view id() const override { return "sign-in"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  void resumed(UiHost& host) override;
  std::string classHint() const override {
    return mStep == Step::Classes ? std::string() : mClassId;
  }

  enum class Step { Classes, Names, Pictures };
  Step step() const { return mStep; }
  void setModel(SignInModel model) { mModel = std::move(model); }
  // For tests and the golden images: jump to a step as if tapped there.
  void showNames(const std::string& classId, int page = 0);
  void showPictures(const std::string& classId, const std::string& pupilId);

private:
  struct Areas {
    Rect tiles;
    Rect bottom;
    Rect content; // the whole content area, for notes
  };
  Areas areas(const UiContext& ctx) const;
  void layoutClasses(const UiContext& ctx, WidgetList& out) const;
  void layoutNames(const UiContext& ctx, WidgetList& out) const;
  void layoutPictures(const UiContext& ctx, WidgetList& out) const;
  int namesPerPage(const UiContext& ctx) const;

  SignInModel mModel;
  std::map<std::string, NameMark> mMarks; // pupils whose names clash in a class
  Step mStep = Step::Classes;
  std::string mClassId;
  std::string mPupilId;
  int mPage = 0;
  std::vector<int> mTaps; // pictures tapped so far
  int mWrongTries = 0;
  mutable int mPerPage = 30; // from the last layout
  Areas mAreas;              // from the last layout pass
  std::string mPageNote;     // "Page 2 of 3" under the names ("": one page), likewise
};

std::unique_ptr<Screen> makeSignInScreen(const UiHost& host);

// Classes in the order every screen shows them: "Year 2" before "Year 10".
void sortClasses(std::vector<SchoolClass>& classes);
// The same order for any names (numbers compare as numbers).
bool naturalLess(const std::string& a, const std::string& b);

} // namespace sq
