// The pupil's picture ("avatar"): eight friendly animal faces; the one a pupil picks
// goes on their name tile at sign-in, so a child who cannot read their name yet
// finds their own cat. Asked once, at the first sign-in (makeArrivalScreen in
// screens/home_screen opens it before home, "No picture" included, so the
// question is never asked twice), and changed later from home's "My picture".
// Kept with the pupil's preferences, by pupil id (settings/pupil_settings).
// Depends on: ui/screen, ui/chrome, ui/controls, ui/grid, settings/pupil_settings,
// screens/home_screen (in the .cpp).
#pragma once

#include "ui/screen.hpp"

#include <string>

namespace sq {

class AvatarScreen final : public Screen {
public:
  // `arrival`: opened at sign-in, so home follows; else it goes back where it came from.
  AvatarScreen(std::string current, bool arrival)
      : mCurrent(std::move(current)), mArrival(arrival) {}

  std::string_view id() const override { return "avatar"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  std::string firstFocus() const override;

private:
  void choose(const std::string& avatar, UiHost& host);

  std::string mCurrent; // "" not chosen, kNoAvatar, or one of kAvatars
  bool mArrival = false;
  Rect mIntro; // from the last layout pass
};

// From home ("My picture"): back to home when done.
std::unique_ptr<Screen> makeAvatarScreen(const PupilSession& pupil);

// The words for an avatar ("Cat"); "" for anything else.
std::string avatarLabel(const UiContext& ctx, std::string_view avatar);

} // namespace sq
