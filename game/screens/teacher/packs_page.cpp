#include "screens/teacher/packs_page.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <cmath>
#include <type_traits>

namespace sq {

std::unique_ptr<Screen> makePacksPage(const RecordsAccess& records) {
  PacksModel model;
  if (const Catalog* c = records.catalog()) {
    model = packsModelFromCatalog(*c);
  }
  return std::make_unique<PacksPage>(std::move(model));
}

float PacksPage::listTop(const UiContext& ctx) {
  return std::round(ctx.u(chrome::kTopBar - 4));
}

void PacksPage::layout(const UiContext& ctx, WidgetList& out) {
  // The list's own pass, in its own coordinates below the back button.
  mTop = listTop(ctx);
  UiContext list = ctx;
  list.viewport.height = std::max(1, ctx.viewport.height - static_cast<int>(mTop));
  mList.layout(list);
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
}

void PacksPage::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const float top = mTop;
  UiContext list = ctx;
  list.viewport.height = std::max(1, ctx.viewport.height - static_cast<int>(top));
  const Point before = ctx.renderer.translation();
  ctx.renderer.setTranslation(Point{before.x, before.y + top});
  mList.draw(list);
  ctx.renderer.setTranslation(before);
  for (const Widget& w : widgets) {
    drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
  }
}

void PacksPage::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.nav().pop();
  }
}

bool PacksPage::pointer(const InputEvent& e, const UiContext& ctx) {
  const float top = listTop(ctx);
  UiContext list = ctx;
  list.viewport.height = std::max(1, ctx.viewport.height - static_cast<int>(top));
  // Pointer positions are moved into the list's own coordinates.
  InputEvent moved = e;
  std::visit(
      [&](auto& ev) {
        using E = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<E, PointerDown> || std::is_same_v<E, PointerUp> ||
                      std::is_same_v<E, PointerMove>) {
          ev.y -= top;
        }
      },
      moved);
  return mList.handle(moved, list);
}

} // namespace sq
