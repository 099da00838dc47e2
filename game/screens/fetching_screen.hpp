// Fetching ("fetching"): what a pupil sees just after signing in while the game
// brings in the class's work from the other computers in the school folder, so
// that home then shows their latest progress. Calm and still: their name, a
// picture of the other computers sending work to this one, the words "Getting
// your work from the other computers…" and a bar that fills as each computer's
// work arrives (it moves only when the app says the count changed). "Not me"
// signs out; the butterfly button is there as on every pupil screen. The app owns
// the merge and opens home when it has finished (app/app.cpp).
// Depends on: ui/screen, ui/chrome, ui/controls.
#pragma once

#include "ui/screen.hpp"

#include <array>
#include <memory>
#include <string>

namespace sq {

// How far the fetching has got, written by the app and read when drawing.
struct FetchProgress {
  int done = 0;  // computers whose work has come in (or been passed over)
  int total = 0; // 0 while the school folder is still being looked through
};

class FetchingScreen final : public Screen {
public:
  FetchingScreen(std::string name, std::shared_ptr<const FetchProgress> progress)
      : mName(std::move(name)), mProgress(std::move(progress)) {}

  std::string_view id() const override { return "fetching"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

  // The share of the bar filled, 0 to 1 (0 while the total is not known).
  float fraction() const;

private:
  // What the layout pass works out; draw only reads it.
  struct Plan {
    std::string title;
    std::string words;
    FontSpec font;
    std::array<Rect, 3> others; // the other computers
    Rect arrow;
    Rect here; // this computer
    Rect text;
    Rect bar;
    float border = 1.0f;
  };

  std::string mName;
  std::shared_ptr<const FetchProgress> mProgress;
  Plan mPlan;
};

// For the signed-in pupil; `progress` is the app's, updated as the merge goes on.
std::unique_ptr<Screen> makeFetchingScreen(const PupilSession& pupil,
                                           std::shared_ptr<const FetchProgress> progress);

} // namespace sq
