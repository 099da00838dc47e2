#include "screens/teacher/butterfly_teacher_screen.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

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
  const std::string lead =
      mSchool.safeguardingLead.empty()
          ? ctx.tr("butterfly-teacher.no-lead")
          : ctx.trf("butterfly-teacher.lead", {{"name", mSchool.safeguardingLead}});
  // Every block whole: a readable column, widened to the whole content, then the
  // words a little smaller (down to 80% of the usual size) when the school wrote
  // many steps or the text size is big.
  struct Block {
    std::string text;
    bool heading;
    bool muted;
    float indent;
    float after; // units of space below it
  };
  std::vector<Block> blocks;
  blocks.push_back({lead, true, false, 0, 2});
  blocks.push_back({ctx.tr("butterfly-teacher.recorded"), false, true, 0, 3});
  if (mSchool.incidentSteps.empty()) {
    blocks.push_back({ctx.tr("butterfly-teacher.no-steps"), false, false, 0, 0});
  } else {
    blocks.push_back({ctx.tr("butterfly-teacher.steps"), true, false, 0, 0});
    int n = 0;
    for (const std::string& step : mSchool.incidentSteps) {
      blocks.push_back({std::to_string(++n) + ".  " + step, false, false, 2, 1});
    }
  }
  const auto fontsAt = [&](float k) {
    return std::make_pair(ctx.font(text_size::kHeading * k, FontWeight::Bold),
                          ctx.font(text_size::kBody * k));
  };
  const auto heightAt = [&](float k, float width) {
    const auto [head, body] = fontsAt(k);
    float h = 0;
    for (const Block& b : blocks) {
      h += textBlockHeight(ctx, b.text, b.heading ? head : body, width - ctx.u(b.indent)) +
           ctx.u(b.after);
    }
    return h;
  };
  float w = std::min(content.w, ctx.u(160));
  float k = 1.0f;
  if (heightAt(k, w) > content.h) {
    w = content.w;
  }
  const float smallest = std::min(1.0f, 0.8f / ctx.textScale);
  while (k > smallest && heightAt(k, w) > content.h) {
    k = std::max(smallest, k - 0.05f);
  }
  const auto [head, body] = fontsAt(k);
  const Rect col{std::round(content.x + (content.w - w) / 2), content.y, w, content.h};
  float y = col.y;
  for (const Block& b : blocks) {
    const float x = col.x + ctx.u(b.indent);
    y += drawTextBlock(ctx, b.text, b.heading ? head : body,
                       Rect{x, y, col.right() - x, std::max(0.0f, col.bottom() - y)},
                       TextAlign::Left, b.muted ? t.mutedText : t.text) +
         ctx.u(b.after);
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
