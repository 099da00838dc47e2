#include "screens/teacher/picture_password_screen.hpp"

#include "screens/picture_password.hpp"
#include "screens/sign_in_screen.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makePicturePasswordScreen(const UiHost& host) {
  std::map<std::string, bool> has;
  for (const SchoolClass& c : host.records().roster().classes) {
    has[c.id] = validPicturePassword(host.pupil().picturePassword(c.id));
  }
  std::vector<SchoolClass> classes = host.records().roster().classes;
  sortClasses(classes);
  return std::make_unique<PicturePasswordScreen>(classes, has);
}

void PicturePasswordScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = contentArea(ctx); // for draw()
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  const float gap = std::round(ctx.u(metrics::kGap));
  // The line at the top takes the lines it needs; what follows starts below it.
  mLineH = textBlockHeight(ctx, line(ctx), ctx.fixedFont(text_size::kBody), content.w);
  const float below = std::max(ctx.u(8), mLineH + ctx.u(1));
  if (mClassId.empty()) {
    // Tiles wide enough for each class's name and its "no picture password" whole.
    const FontMetrics name = ctx.text.metrics(ctx.fixedFont(text_size::kHeading, FontWeight::Bold));
    const FontMetrics status = ctx.text.metrics(ctx.fixedFont(text_size::kDetail));
    float widest = std::max(measureText(ctx.tr("pictures.has"), status),
                            measureText(ctx.tr("pictures.none"), status));
    for (const SchoolClass& c : mClasses) {
      widest = std::max(widest, measureText(c.name, name));
    }
    const float needW = std::ceil(widest + 2 * std::round(ctx.u(1.6f)) + 1);
    GridSpec spec;
    spec.minTileW = std::min(content.w, std::max(ctx.u(30), needW));
    spec.minTileH = ctx.u(14);
    spec.maxTileH = ctx.u(20);
    spec.maxTileW = std::max(ctx.u(50), spec.minTileW);
    spec.gap = gap;
    spec.maxColumns = 5;
    const Rect tiles{content.x, content.y + below, content.w, content.h - below};
    const int n = static_cast<int>(mClasses.size());
    const auto rects = makeGrid(tiles, n, spec).place(tiles, n, gap);
    for (std::size_t i = 0; i < rects.size(); ++i) {
      out.push_back(
          Widget{"class:" + mClasses[i].name, rects[i], mClasses[i].name, WidgetRole::Tile});
    }
    return;
  }
  // Six pictures in a row, then the three chosen, then save and remove.
  const float side = std::floor(std::min(ctx.u(26), (content.w - 5 * gap) / 6));
  const float left = std::round(content.x + (content.w - 6 * side - 5 * gap) / 2);
  const float y = std::round(content.y + below);
  for (int i = 0; i < kPasswordPictures; ++i) {
    out.push_back(Widget{"picture:" + std::to_string(i + 1),
                         Rect{left + static_cast<float>(i) * (side + gap), y, side, side},
                         std::string(passwordPictureName(i + 1)), WidgetRole::Tile});
  }
  const float buttonsY = content.bottom() - std::round(ctx.u(metrics::kButtonHeight));
  const float w = std::round(ctx.u(44));
  Widget save{"save",
              Rect{content.right() - w, buttonsY, w, std::round(ctx.u(metrics::kButtonHeight))},
              ctx.tr("pictures.save"), WidgetRole::Button};
  save.enabled = validPicturePassword(mChosen);
  out.push_back(save);
  out.push_back(Widget{
      "clear",
      Rect{content.right() - 2 * w - gap, buttonsY, w, std::round(ctx.u(metrics::kButtonHeight))},
      ctx.tr("pictures.clear"), WidgetRole::Button});
}

void PicturePasswordScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                 const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("pictures.title"), widgets);
  const Rect content = mContent;
  drawTextBlock(ctx, line(ctx), ctx.fixedFont(text_size::kBody),
                Rect{content.x, content.y, content.w, std::max(ctx.u(7), mLineH)},
                TextAlign::Centre, t.mutedText);
  float lastPictureBottom = content.y;
  std::size_t tileIndex = 0; // the same tints as on the sign-in screen
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "save") {
      drawButton(ctx, w, v, w.enabled ? ButtonStyle::Primary : ButtonStyle::Normal);
    } else if (w.id == "clear") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    } else if (WidgetId::parse(w.id).is("class")) {
      const Rect in = drawTileCard(ctx, w, v, tileTint(t, tileIndex++));
      const FontSpec f = ctx.fixedFont(text_size::kHeading, FontWeight::Bold);
      const float h = ctx.text.metrics(f).lineHeight();
      drawTextBlock(ctx, w.label, f, Rect{in.x, in.y, in.w, in.h - h}, TextAlign::Centre, t.text, 1,
                    true);
      std::string cid;
      for (const auto& c : mClasses) {
        if (c.name == WidgetId::parse(w.id).value) {
          cid = c.id;
        }
      }
      const auto it = mHasPassword.find(cid);
      const bool has = it != mHasPassword.end() && it->second;
      drawTextBlock(ctx, ctx.tr(has ? "pictures.has" : "pictures.none"),
                    ctx.fixedFont(text_size::kDetail), Rect{in.x, in.bottom() - h, in.w, h},
                    TextAlign::Centre, t.mutedText, 1);
    } else if (WidgetId::parse(w.id).is("picture")) {
      const Rect in = drawTileCard(ctx, w, v);
      drawUiPicture(ctx, "pw-" + w.label, in);
      lastPictureBottom = w.rect.bottom();
    }
  }
  if (!mClassId.empty()) {
    // The three chosen so far, big, in order.
    const float side = std::round(ctx.u(20));
    const float gap = std::round(ctx.u(3));
    const float left = std::round(content.x + (content.w - 3 * side - 2 * gap) / 2);
    const float y = std::round(lastPictureBottom + ctx.u(5));
    for (int i = 0; i < kPasswordLength; ++i) {
      const Rect r{left + static_cast<float>(i) * (side + gap), y, side, side};
      ctx.renderer.strokeRoundedRect(r, ctx.u(metrics::kRadius),
                                     std::max(1.0f, std::round(ctx.u(0.4f))), t.border);
      if (i < static_cast<int>(mChosen.size())) {
        drawUiPicture(
            ctx, "pw-" + std::string(passwordPictureName(mChosen[static_cast<std::size_t>(i)])),
            Rect{r.x + ctx.u(1), r.y + ctx.u(1), r.w - ctx.u(2), r.h - ctx.u(2)});
      } else {
        drawIcon(ctx, std::to_string(i + 1), r, 6.0f, t.mutedText);
      }
    }
  }
}

std::string PicturePasswordScreen::line(const UiContext& ctx) const {
  if (!mMessage.empty()) {
    return mMessage;
  }
  if (mClassId.empty()) {
    return ctx.tr(mClasses.empty() ? "pictures.no-classes" : "pictures.pick-class");
  }
  std::string className;
  for (const auto& c : mClasses) {
    if (c.id == mClassId) {
      className = c.name;
    }
  }
  return ctx.trf("pictures.pick", {{"class", className}});
}

void PicturePasswordScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  mMessage.clear();
  if (id == "back") {
    if (mClassId.empty()) {
      host.nav().pop();
    } else {
      mClassId.clear();
      mChosen.clear();
    }
  } else if (WidgetId::parse(id).is("class")) {
    for (const auto& c : mClasses) {
      if (c.name == WidgetId::parse(id).value) {
        mClassId = c.id;
        mChosen.clear();
      }
    }
  } else if (WidgetId::parse(id).is("picture")) {
    if (static_cast<int>(mChosen.size()) >= kPasswordLength) {
      mChosen.clear();
    }
    mChosen.push_back(static_cast<int>(WidgetId::parse(id).number().value_or(0)));
  } else if (id == "save" || id == "clear") {
    std::string error;
    const std::vector<int> pictures = id == "save" ? mChosen : std::vector<int>{};
    if (host.pupil().setPicturePassword(mClassId, pictures, error)) {
      mHasPassword[mClassId] = !pictures.empty();
      mClassId.clear();
      mChosen.clear();
      mMessage = host.strings().tr(id == "save" ? "pictures.saved" : "pictures.cleared");
    } else {
      mMessage = host.strings().trf("teacher.not-saved", {{"error", error}});
    }
  }
}

} // namespace sq
