#include "screens/butterfly_screen.hpp"

#include "screens/teacher/butterfly_teacher_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makeButterflyScreen() {
  return std::make_unique<ButterflyScreen>();
}

void ButterflyScreen::layout(const UiContext& ctx, WidgetList& out) {
  const Rect content = contentArea(ctx);
  const float h = std::round(ctx.u(metrics::kButtonHeight + 1));
  const float gap = std::round(ctx.u(metrics::kGap * 2));
  const float w = std::min(std::round(ctx.u(60)), std::floor((content.w - gap) / 2));
  const float y = content.bottom() - h;
  const float left = std::round(content.x + (content.w - 2 * w - gap) / 2);
  out.push_back(
      Widget{"back", Rect{left, y, w, h}, ctx.tr("butterfly.go-back"), WidgetRole::Button});
  out.push_back(Widget{"teacher", Rect{left + w + gap, y, w, h}, ctx.tr("butterfly.for-teacher"),
                       WidgetRole::Button});

  // The butterfly, then two short lines above the buttons.
  const float vw = static_cast<float>(ctx.viewport.width);
  const float bottom = y - ctx.u(4);
  const float pic = std::round(ctx.u(34));
  const float top = std::round(ctx.u(5));
  mPicture = Rect{std::round((vw - pic) / 2), top, pic, pic};
  const float textTop = top + pic + ctx.u(2);
  const float textW = std::min(vw - 2 * ctx.u(metrics::kMargin), ctx.u(150));
  mStop = Rect{std::round((vw - textW) / 2), textTop, textW, std::max(0.0f, bottom - textTop)};
  // The heading's height as drawTextBlock draws it: at most two lines, and no
  // more than its box holds (always one).
  const FontSpec heading = ctx.font(text_size::kTitle, FontWeight::Bold);
  const float lineH = ctx.text.metrics(heading).lineHeight();
  const int fit = std::max(1, static_cast<int>((mStop.h + 0.5f) / lineH));
  const float used = std::min(textBlockHeight(ctx, ctx.tr("butterfly.stop"), heading, mStop.w, 2),
                              static_cast<float>(fit) * lineH);
  mTell = Rect{mStop.x, mStop.y + used + ctx.u(1.5f), mStop.w, mStop.h - used - ctx.u(1.5f)};
}

void ButterflyScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  ctx.renderer.fillRect(ctx.screen(), t.calm);
  // The butterfly, then two short lines: stop, and tell a trusted adult now.
  drawUiPicture(ctx, "butterfly", mPicture);
  drawTextBlock(ctx, ctx.tr("butterfly.stop"), ctx.font(text_size::kTitle, FontWeight::Bold), mStop,
                TextAlign::Centre, t.calmText, 2);
  drawTextBlock(ctx, ctx.tr("butterfly.tell"), ctx.font(text_size::kHeading), mTell,
                TextAlign::Centre, t.calmText, 4);
  for (const Widget& wd : widgets) {
    drawButton(ctx, wd, v, wd.id == "back" ? ButtonStyle::Primary : ButtonStyle::Normal);
  }
}

void ButterflyScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    host.nav().pop();
  } else if (widgetId == "teacher") {
    host.nav().push(makeTeacherPinScreen(host.teacher(), [](UiHost& h) {
      h.nav().replaceTop(std::make_unique<ButterflyTeacherScreen>(h.records().roster().settings));
    }));
  }
}

} // namespace sq
