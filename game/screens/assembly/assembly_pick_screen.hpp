// Choosing the assembly to give: every assembly in the content packs, a row each
// (its title and who it is for), as many to a page as fit. A clicker works it:
// PageDown / PageUp (and the arrows) move the ring, turning the page at its end,
// and B, "." or Enter starts the ringed one, full screen. Esc leaves.
// Widgets: assembly:N (in the list's order, from 1) on the page shown.
// Depends on: screens/assembly/assembly_show, screens/assembly/assembly_screen,
// screens/assembly/projector_theme, ui/controls.
#pragma once

#include "screens/assembly/assembly_show.hpp"
#include "ui/screen.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class AssemblyPickScreen final : public Screen {
public:
  // `leave`: where Esc goes, and what each assembly's show does when it ends.
  explicit AssemblyPickScreen(std::function<void(UiHost&)> leave) : mLeave(std::move(leave)) {}

  std::string_view id() const override { return "assembly-pick"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool escape(UiHost& host) override;
  void resumed(UiHost& host) override;
  std::string ownFocus() const override { return "assembly:" + std::to_string(mFocus + 1); }

  // Reads the assemblies from the host's packs (nullptr: still loading).
  void load(const Catalog* catalog);

private:
  std::function<void(UiHost&)> mLeave;
  bool mLoaded = false;
  std::vector<AssemblyShow> mShows;
  std::size_t mFocus = 0; // index into mShows
  std::size_t mPerPage = 1;
  Rect mTitle;
  Rect mPageLine;
};

// The pick screen, with the host's packs read (they are, once the app is ready).
std::unique_ptr<Screen> makeAssemblyPickScreen(UiHost& host, std::function<void(UiHost&)> leave);

} // namespace sq
