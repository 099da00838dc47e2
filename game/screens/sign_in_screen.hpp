// Sign-in ("sign-in"): a pupil taps their class (each with its emblem, a picture on
// a colour: results/class_emblem), then their name (first name and initial, with
// the picture they picked: screens/avatar_screen), then, when the teacher has set
// one for the class, their three pictures. Pupils of one class shown by one name
// each have a picture and colour on their tile instead, and it says "Amy J, the
// one with the star" (screens/name_marks). Names are never cut: tiles are made
// wide enough for a name's longest word and tall enough for all its lines (so
// fewer fit a page) before the words are made smaller. Guests play with nothing
// recorded, which also covers a machine with no class list yet. The teacher's
// door is a quiet button in the corner.
// Depends on: ui/screen, ui/chrome, ui/grid, screens/picture_password,
// screens/name_marks, results/roster, results/class_emblem, settings/pupil_settings.
#pragma once

#include "results/class_emblem.hpp"
#include "results/roster.hpp"
#include "screens/name_marks.hpp"
#include "ui/grid.hpp"
#include "ui/screen.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sq {

struct SignInModel {
  bool loading = false;                       // the class list is still being read
  std::vector<SchoolClass> classes;           // sorted for showing
  std::vector<Pupil> pupils;                  // on roll only, sorted by name
  std::set<std::string> classesWithPictures;  // class ids with a picture password
  std::map<std::string, ClassEmblem> emblems; // class id -> its emblem (chosen or default)
  std::map<std::string, std::string> avatars; // pupil id -> the picture they picked

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
  // The font the tiles' names were drawn in at the last layout, and the room
  // beside a tile's picture, for tests that check a name is drawn whole.
  const FontSpec& tileFont() const { return mFit.font; }
  // Where a tile's words and its picture go inside the tile (the area inside its
  // card, tileCardInner), as drawn at the last layout.
  Rect wordsBox(const Rect& inner, bool picture) const;
  Rect pictureBox(const Rect& inner) const;

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

  // How big tiles must be for their labels to be drawn whole, and in what font.
  // A picture goes at a tile's left, or above its words when that leaves more
  // tiles on a page (a long word needs the width).
  struct TileFit {
    GridSpec spec;
    FontSpec font;
    FontSpec noteFont; // the guest tile's note
    float picture = 0; // the least side of a tile's picture (0: none)
    float gap = 0;     // between the picture and the words
    bool above = false;
    float wordsW = 0; // the room the words need across, and down, at the least tile
    float wordsH = 0;
  };
  // `minPerPage`: fewer tiles than this on a page is not room worth giving; the
  // words are made smaller instead, down to `floorUnits`. `note` goes under the
  // last label (the guest tile's), in the detail size.
  struct FitRequest {
    std::vector<std::string> labels;
    float units = 0;
    bool pictures = false;
    GridSpec base;
    Rect area;
    std::string note;
    int minPerPage = 1;
    float floorUnits = 0;
  };
  TileFit fitTiles(const UiContext& ctx, const FitRequest& req) const;
  TileFit classFit(const UiContext& ctx, const Rect& area) const;
  TileFit nameFit(const UiContext& ctx) const;

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
  mutable TileFit mFit;      // the tiles' font and picture, likewise
};

std::unique_ptr<Screen> makeSignInScreen(const UiHost& host);

// Classes in the order every screen shows them: "Year 2" before "Year 10".
void sortClasses(std::vector<SchoolClass>& classes);
// The same order for any names (numbers compare as numbers).
bool naturalLess(const std::string& a, const std::string& b);

} // namespace sq
