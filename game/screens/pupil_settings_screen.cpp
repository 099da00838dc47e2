#include "screens/pupil_settings_screen.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {
constexpr float kRowH = 10.0f; // units: above 1/12 of the short side
constexpr float kRowGap = 1.6f;
} // namespace

std::unique_ptr<Screen> makePupilSettingsScreen(const PupilSession& pupil) {
  return std::make_unique<PupilSettingsScreen>(pupil.prefs());
}

std::vector<PupilSettingsScreen::Row> PupilSettingsScreen::rows(const UiContext& ctx) const {
  auto option = [](std::string id, std::string label, bool selected) {
    Widget w;
    w.id = std::move(id);
    w.label = std::move(label);
    w.role = WidgetRole::Option;
    w.selected = selected;
    return w;
  };
  auto toggle = [&](std::string id, bool on) {
    Widget w = option(std::move(id), ctx.tr(on ? "settings.on" : "settings.off"), on);
    w.role = WidgetRole::Toggle;
    return w;
  };
  std::vector<Row> out;
  const TextSize size = mPrefs.textSize;
  out.push_back(
      Row{"settings.text-size",
          {option("text-size:1", ctx.tr("settings.text-normal"), size == TextSize::Percent100),
           option("text-size:2", ctx.tr("settings.text-big"), size == TextSize::Percent125),
           option("text-size:3", ctx.tr("settings.text-bigger"), size == TextSize::Percent150),
           option("text-size:4", ctx.tr("settings.text-biggest"), size == TextSize::Percent200)}});
  out.push_back(Row{"settings.high-contrast", {toggle("high-contrast", mPrefs.highContrast)}});
  out.push_back(
      Row{"settings.font",
          {option("font:andika", ctx.tr("settings.font-andika"), mPrefs.font == FontChoice::Andika),
           option("font:opendyslexic", ctx.tr("settings.font-opendyslexic"),
                  mPrefs.font == FontChoice::OpenDyslexic)}});
  out.push_back(Row{"settings.sound", {toggle("sound", mPrefs.soundEffects)}});
  out.push_back(Row{"settings.narration",
                    {option("narration:auto", ctx.tr("settings.narration-auto"),
                            mPrefs.narration == Narration::Auto),
                     option("narration:on-request", ctx.tr("settings.narration-on-request"),
                            mPrefs.narration == Narration::OnRequest),
                     option("narration:off", ctx.tr("settings.narration-off"),
                            mPrefs.narration == Narration::Off)}});
  out.push_back(Row{"settings.scanning", {toggle("scanning", mPrefs.switchScanning)}});
  return out;
}

void PupilSettingsScreen::layout(const UiContext& ctx, WidgetList& out) {
  const std::string done = ctx.tr("common.done");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, done, true), done, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  const float rowH = std::round(ctx.u(kRowH));
  const float gap = std::round(ctx.u(kRowGap));
  auto all = rows(ctx);
  const float blockH =
      static_cast<float>(all.size()) * rowH + static_cast<float>(all.size() - 1) * gap;
  float y = std::round(content.y + std::max(0.0f, (content.h - blockH) / 2));
  // Labels take the left part; options share the rest (four at most in a row).
  const float labelW = std::round(content.w * 0.3f);
  const float optionsX = content.x + labelW;
  const float optionsW = content.w - labelW;
  const float optGap = std::round(ctx.u(metrics::kGap * 0.8f));
  const float optW = std::floor((optionsW - 3 * optGap) / 4);
  mLabels.clear();
  for (Row& r : all) {
    // Each row's name, level with its first option.
    mLabels.push_back(Label{r.labelId, Rect{content.x, y, labelW - ctx.u(2), rowH}});
    // Options share the row; a lone toggle is as wide as one of four, so toggles
    // line up down the screen.
    const auto n = static_cast<float>(r.options.size());
    const float w = n <= 1 ? optW : std::floor((optionsW - (n - 1) * optGap) / n);
    float x = optionsX;
    for (Widget& wd : r.options) {
      wd.rect = Rect{x, y, w, rowH};
      x += w + optGap;
      out.push_back(wd);
    }
    y += rowH + gap;
  }
}

void PupilSettingsScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("settings.title"), widgets);
  // The row names grow with the text size, but not so far that they stop fitting.
  const FontSpec labelFont =
      ctx.fixedFont(text_size::kBody * std::min(ctx.textScale, 1.3f), FontWeight::Bold);
  for (const Label& l : mLabels) {
    drawTextBlock(ctx, ctx.tr(l.labelId), labelFont, l.box, TextAlign::Left, t.text, 2, true);
  }
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x9C\x94"); // ✔
    } else if (w.id != "butterfly") {
      drawChoiceButton(ctx, w, v);
    }
  }
}

void PupilSettingsScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "back") {
    host.nav().pop();
    return;
  }
  PupilSettings p = mPrefs;
  if (id == "text-size:1") {
    p.textSize = TextSize::Percent100;
  } else if (id == "text-size:2") {
    p.textSize = TextSize::Percent125;
  } else if (id == "text-size:3") {
    p.textSize = TextSize::Percent150;
  } else if (id == "text-size:4") {
    p.textSize = TextSize::Percent200;
  } else if (id == "high-contrast") {
    p.highContrast = !p.highContrast;
  } else if (id == "font:andika") {
    p.font = FontChoice::Andika;
  } else if (id == "font:opendyslexic") {
    p.font = FontChoice::OpenDyslexic;
  } else if (id == "sound") {
    p.soundEffects = !p.soundEffects;
  } else if (WidgetId::parse(id).is("narration")) {
    if (const auto n = parseNarration(WidgetId::parse(id).value)) {
      p.narration = *n;
    }
  } else if (id == "scanning") {
    p.switchScanning = !p.switchScanning;
  }
  if (!(p == mPrefs)) {
    mPrefs = p;
    host.pupil().setPrefs(p);
  }
}

} // namespace sq
