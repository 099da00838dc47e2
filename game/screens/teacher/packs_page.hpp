// The content packs list ("packs") as a teacher screen: the packs screen with a
// back button above it. Packs with errors are listed here with their counts; they
// are never shown to pupils.
// Depends on: ui/screen, screens/teacher/packs_screen.
#pragma once

#include "screens/teacher/packs_screen.hpp"
#include "ui/screen.hpp"

namespace sq {

class PacksPage final : public Screen {
public:
  explicit PacksPage(PacksModel model) { mList.setModel(std::move(model)); }

  std::string_view id() const override { return "packs"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  // The wheel, dragging, and Page Down scroll the list.
  bool pointer(const InputEvent& e, const UiContext& ctx) override;

private:
  // The list sits below the top bar: its own viewport, moved down.
  static float listTop(const UiContext& ctx);

  PacksScreen mList;
  float mTop = 0; // listTop, from the last layout pass
};

std::unique_ptr<Screen> makePacksPage(const RecordsAccess& records);

} // namespace sq
