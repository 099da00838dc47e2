#include "screens/teacher/butterfly_teacher_screen.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

void ButterflyTeacherScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = contentArea(ctx); // for draw()
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
}

void ButterflyTeacherScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                  const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("butterfly-teacher.title"), widgets);
  const Rect content = mContent;
  const float w = std::min(content.w, ctx.u(160));
  const Rect col{std::round(content.x + (content.w - w) / 2), content.y, w, content.h};
  const FontSpec head = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec body = ctx.font(text_size::kBody);
  float y = col.y;
  const std::string lead =
      mSchool.safeguardingLead.empty()
          ? ctx.tr("butterfly-teacher.no-lead")
          : ctx.trf("butterfly-teacher.lead", {{"name", mSchool.safeguardingLead}});
  y += drawTextBlock(ctx, lead, head, Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Left,
                     t.text, 2);
  y += ctx.u(2);
  y += drawTextBlock(ctx, ctx.tr("butterfly-teacher.recorded"), body,
                     Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Left, t.mutedText, 2);
  y += ctx.u(3);
  if (mSchool.incidentSteps.empty()) {
    drawTextBlock(ctx, ctx.tr("butterfly-teacher.no-steps"), body,
                  Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Left, t.text, 4);
  } else {
    y += drawTextBlock(ctx, ctx.tr("butterfly-teacher.steps"), head,
                       Rect{col.x, y, col.w, col.bottom() - y}, TextAlign::Left, t.text, 1);
    int n = 0;
    for (const std::string& step : mSchool.incidentSteps) {
      ++n;
      if (y >= col.bottom()) {
        break;
      }
      const std::string line = std::to_string(n) + ".  " + step;
      y += drawTextBlock(ctx, line, body,
                         Rect{col.x + ctx.u(2), y, col.w - ctx.u(2), col.bottom() - y},
                         TextAlign::Left, t.text, 3) +
           ctx.u(1);
    }
  }
  for (const Widget& wd : widgets) {
    drawButton(ctx, wd, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
  }
}

void ButterflyTeacherScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.nav().pop();
  }
}

} // namespace sq
