#include "screens/avatar_screen.hpp"

#include "screens/home_screen.hpp"
#include "settings/pupil_settings.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makeAvatarScreen(const PupilSession& pupil) {
  return std::make_unique<AvatarScreen>(pupil.prefs().avatar, false);
}

std::string avatarLabel(const UiContext& ctx, std::string_view avatar) {
  if (avatar.empty() || avatar == kNoAvatar || !validAvatar(avatar)) {
    return {};
  }
  return ctx.tr("avatar." + std::string(avatar));
}

void AvatarScreen::layout(const UiContext& ctx, WidgetList& out) {
  if (!mArrival) {
    const std::string back = ctx.tr("common.back");
    out.push_back(
        Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  }
  const Rect content = contentArea(ctx, true);
  // One line of words above the pictures, as tall as the pupil's text size makes it.
  const FontSpec introFont = ctx.font(text_size::kBody);
  const float introH =
      textBlockHeight(ctx, ctx.tr("avatar.intro"), introFont, content.w) + ctx.u(2);
  mIntro = Rect{content.x, content.y, content.w, introH};
  const Rect tiles{content.x, content.y + introH, content.w, content.h - introH};
  GridSpec spec;
  spec.minTileW = ctx.u(20);
  spec.minTileH = ctx.u(20);
  spec.maxTileW = ctx.u(34);
  spec.maxTileH = ctx.u(34);
  spec.gap = std::round(ctx.u(metrics::kGap * 1.5f));
  spec.maxColumns = 4;
  const int count = static_cast<int>(std::size(kAvatars));
  Grid g = makeGrid(tiles, count, spec);
  const float side = std::min(g.tileW, g.tileH); // square tiles read as pictures
  g.tileW = side;
  g.tileH = side;
  const auto rects = g.place(tiles, count, spec.gap);
  for (std::size_t i = 0; i < rects.size(); ++i) {
    const std::string name(kAvatars[i]);
    Widget w{"avatar:" + name, rects[i], avatarLabel(ctx, name), WidgetRole::Option};
    w.selected = name == mCurrent;
    out.push_back(std::move(w));
  }
  if (mArrival) {
    const std::string none = ctx.tr("avatar.not-now");
    out.push_back(Widget{"none", cornerButton(ctx, Corner::BottomRight, none, false), none,
                         WidgetRole::Button});
  }
}

std::string AvatarScreen::firstFocus() const {
  return validAvatar(mCurrent) && mCurrent != kNoAvatar ? "avatar:" + mCurrent
                                                        : "avatar:" + std::string(kAvatars[0]);
}

void AvatarScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("avatar.title"), widgets);
  drawTextBlock(ctx, ctx.tr("avatar.intro"), ctx.font(text_size::kBody), mIntro, TextAlign::Centre,
                t.mutedText, 0, true);
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "none") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    } else if (WidgetId::parse(w.id).is("avatar")) {
      const Rect in =
          drawTileCard(ctx, w, v, w.selected ? std::optional<Colour>(t.accent) : std::nullopt);
      const float pad = in.w * 0.04f;
      drawUiPicture(ctx, "av-" + std::string(WidgetId::parse(w.id).value),
                    Rect{in.x + pad, in.y + pad, in.w - 2 * pad, in.h - 2 * pad});
    }
  }
}

void AvatarScreen::choose(const std::string& avatar, UiHost& host) {
  PupilSettings p = host.pupil().prefs();
  p.avatar = avatar;
  host.pupil().setPrefs(p); // kept for the pupil, by their id
  mCurrent = avatar;
  if (mArrival) {
    host.nav().replaceTop(makeHomeScreen(host));
  } else {
    host.nav().pop();
  }
}

void AvatarScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "back") {
    host.nav().pop();
  } else if (id == "none") {
    choose(std::string(kNoAvatar), host);
  } else if (WidgetId::parse(id).is("avatar")) {
    const std::string name(WidgetId::parse(id).value);
    if (validAvatar(name)) {
      choose(name, host);
    }
  }
}

} // namespace sq
