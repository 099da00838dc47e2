// The pupil's own settings ("settings"): text size (four steps), high contrast,
// the reading font (Andika or OpenDyslexic), sound effects, reading aloud (by
// itself, when asked, or off), and single-switch scanning. Every change shows at
// once (the screen redraws in the new look) and is kept for the pupil
// (settings/pupil_settings stores it).
// Depends on: ui/screen, ui/session, settings/pupil_settings.
#pragma once

#include "ui/screen.hpp"
#include "ui/session.hpp"

namespace sq {

class PupilSettingsScreen final : public Screen {
public:
  explicit PupilSettingsScreen(PupilSettings prefs) : mPrefs(prefs) {}

  std::string_view id() const override { return "settings"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  struct Row {
    const char* labelId; // string id of the row's name
    std::vector<Widget> options;
  };
  std::vector<Row> rows(const UiContext& ctx) const;

  PupilSettings mPrefs;
  // From the last layout pass: each row's name and where it goes.
  struct Label {
    const char* labelId;
    Rect box;
  };
  std::vector<Label> mLabels;
};

std::unique_ptr<Screen> makePupilSettingsScreen(const PupilSession& pupil);

} // namespace sq
