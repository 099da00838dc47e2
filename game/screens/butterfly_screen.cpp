#include "screens/butterfly_screen.hpp"

#include "results/event_payload.hpp"
#include "screens/teacher/butterfly_teacher_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "text/layout.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// The height `text` wraps to at `spec` in `width`; a word wider than the width
// counts as not fitting at all.
float wholeHeight(const UiContext& ctx, std::string_view text, const FontSpec& spec, float width) {
  const FontMetrics m = ctx.text.metrics(spec);
  const WrappedText wrapped = wrapText(text, width, m);
  if (wrapped.overflow) {
    return 1e9f;
  }
  return static_cast<float>(wrapped.lines.size()) * m.lineHeight();
}

} // namespace

std::unique_ptr<Screen> makeButterflyScreen(HelpPressed pressed) {
  return std::make_unique<ButterflyScreen>(std::move(pressed));
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

  // The butterfly, then the two lines, all above the buttons. The words come
  // first: the butterfly shrinks (down to a third of its size, then goes) to give
  // them room, and only then does their font get smaller.
  const float vw = static_cast<float>(ctx.viewport.width);
  const float top = std::round(ctx.u(5));
  const float bottom = y - ctx.u(3);
  const float textW = std::min(vw - 2 * ctx.u(metrics::kMargin), ctx.u(150));
  const float textX = std::round((vw - textW) / 2);
  const float lineGap = ctx.u(1.5f);
  const float picGap = ctx.u(2);
  const std::string stop = ctx.tr("butterfly.stop");
  const std::string tell = ctx.tr("butterfly.tell");
  mStopFont = ctx.font(text_size::kTitle, FontWeight::Bold);
  mTellFont = ctx.font(text_size::kHeading);
  const FontSpec floorFont = ctx.fixedFont(text_size::kDetail);
  float stopH = 0;
  float tellH = 0;
  float room = 0;
  for (;;) {
    stopH = wholeHeight(ctx, stop, mStopFont, textW);
    tellH = wholeHeight(ctx, tell, mTellFont, textW);
    room = bottom - top - stopH - lineGap - tellH;
    const bool smallest = mTellFont.pixelSize <= floorFont.pixelSize;
    if (room >= 0 || smallest) {
      break;
    }
    // Both a tenth smaller, the heading staying larger than the words under it.
    mStopFont.pixelSize = std::max(floorFont.pixelSize, mStopFont.pixelSize * 9 / 10);
    mTellFont.pixelSize = std::max(floorFont.pixelSize, mTellFont.pixelSize * 9 / 10);
  }
  const float fullPic = std::round(ctx.u(34));
  const float pic = std::min(fullPic, std::floor(room - picGap));
  float textTop = top;
  if (pic >= fullPic / 3) {
    mPicture = Rect{std::round((vw - pic) / 2), top, pic, pic};
    textTop = top + pic + picGap;
  } else {
    mPicture = Rect{};
  }
  // What is left over goes above and below the words, so they sit in the middle.
  const float spare = std::max(0.0f, bottom - textTop - stopH - lineGap - tellH);
  textTop = std::round(textTop + spare / 2);
  mStop = Rect{textX, textTop, textW, std::ceil(stopH)};
  mTell = Rect{textX, mStop.bottom() + lineGap, textW, std::ceil(tellH)};
}

void ButterflyScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  ctx.renderer.fillRect(ctx.screen(), t.calm);
  // The butterfly, then two short lines: stop, and tell a trusted adult now.
  if (mPicture.w > 0) {
    drawUiPicture(ctx, "butterfly", mPicture);
  }
  drawTextBlock(ctx, ctx.tr("butterfly.stop"), mStopFont, mStop, TextAlign::Centre, t.calmText);
  drawTextBlock(ctx, ctx.tr("butterfly.tell"), mTellFont, mTell, TextAlign::Centre, t.calmText);
  for (const Widget& wd : widgets) {
    drawButton(ctx, wd, v, wd.id == "back" ? ButtonStyle::Primary : ButtonStyle::Normal);
  }
}

void ButterflyScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "back") {
    // Seconds are whole: "less than kQuickCloseSeconds" apart on the clock is less
    // than that many seconds really, so a pupil who stayed is never marked.
    const bool quick = !mChose && !mPressed.classId.empty() && !mPressed.askedAt.empty() &&
                       host.nowSeconds() - mPressed.atSeconds < kQuickCloseSeconds;
    if (quick) {
      host.records().recorder().submit(makeHelpClosedQuickly(mPressed.classId, mPressed.askedAt));
      mPressed.classId.clear(); // marked once
    }
    host.nav().pop();
  } else if (widgetId == "teacher") {
    mChose = true;
    host.nav().push(makeTeacherPinScreen(host.teacher(), [](UiHost& h) {
      h.nav().replaceTop(std::make_unique<ButterflyTeacherScreen>(h.records().roster().settings));
    }));
  }
}

} // namespace sq
