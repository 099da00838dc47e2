// Home ("home"): the pupil's year-group unit as a calm path of big lesson tiles,
// each with its picture, its title and whether it is not started, in progress or
// done. Units of unlocked bands (or, for a guest, every unit) are a row of year
// buttons above the path; when they do not all fit, as many as fit show between
// big "◀" / "▶" buttons that step to the year before or after. A lesson done has a big tick. From
// here: a lesson, settings, the pupil's picture (screens/avatar_screen), or "not me". Depends on:
// ui/screen, screens/home_model, screens/avatar_screen, ui/chrome, ui/controls, text/layout.
#pragma once

#include "screens/home_model.hpp"
#include "ui/screen.hpp"

namespace sq {

class HomeScreen final : public Screen {
public:
  explicit HomeScreen(HomeModel model) : mModel(std::move(model)) {}

  std::string_view id() const override { return "home"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  void resumed(UiHost& host) override;
  // The keyboard starts on the lessons (the first not done), not the year chips.
  std::string firstFocus() const override;

  const HomeModel& model() const { return mModel; }
  void setModel(HomeModel model) { mModel = std::move(model); }

private:
  struct Areas {
    Rect chips; // empty when there is one unit
    Rect unitTitle;
    FontSpec unitTitleFont;
    Rect path;
    Rect content; // the whole content area, for "getting ready" and "no unit"
  };
  Areas areas(const UiContext& ctx) const;
  // The year buttons (and, when they do not all fit, the arrows) in mAreas.chips.
  void layoutYearChips(const UiContext& ctx, WidgetList& out);
  // Inside a lesson tile, from the last layout pass.
  struct Tile {
    Rect picture;
    Rect title;
    FontSpec titleFont;
    FontSpec badgeFont;
    float badgeH = 0;
    float tick = 0; // the side of the big "done" tick
  };
  static Tile planTile(const UiContext& ctx, const Rect& rect, const std::string& title);
  // The title's font size, in units, before any shrinking.
  static float titleFontUnits(const UiContext& ctx);
  // How tall a tile `tileW` wide must be to show `title` whole beside a full picture.
  static float tileNeeds(const UiContext& ctx, float tileW, const std::string& title);
  std::vector<Tile> mTiles; // one per lesson tile, in order
  const HomeUnit* selectedUnit() const;

  HomeModel mModel;
  Areas mAreas;       // from the last layout pass
  int mFirstChip = 0; // the first year button shown when they do not all fit
};

// Builds the model from the host (catalog, session, records, config) and the screen.
HomeModel homeModelFromHost(const UiHost& host);
std::unique_ptr<Screen> makeHomeScreen(const UiHost& host);
// What a pupil sees after signing in: the picture question the first time
// (screens/avatar_screen), else home. `pupil` is who signed in (the host's own).
std::unique_ptr<Screen> makeArrivalScreen(const UiHost& host, const PupilSession& pupil);
// "Done": a big tick in a circle, drawn in `box`.
void drawDoneTick(UiContext& ctx, const Rect& box);

// The words for a lesson's state ("Done", "In progress", "Not started").
std::string lessonStateLabel(const UiContext& ctx, LessonState s);
std::string yearGroupLabel(const UiContext& ctx, YearGroup y);

} // namespace sq
