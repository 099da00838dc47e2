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

namespace {
// The row names grow with the text size, but not so far that they crowd the options.
FontSpec labelFont(const UiContext& ctx) {
  return ctx.fixedFont(text_size::kBody * std::min(ctx.textScale, 1.3f), FontWeight::Bold);
}
} // namespace

void PupilSettingsScreen::layout(const UiContext& ctx, WidgetList& out) {
  const std::string done = ctx.tr("common.done");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, done, true), done, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  auto all = rows(ctx);
  const float labelGap = std::round(ctx.u(2));
  const float optGap = std::round(ctx.u(metrics::kGap * 0.8f));
  // The names' column is as wide as the widest name on one line (so none is cut),
  // within a quarter to two fifths of the width; a name wider still wraps.
  const FontMetrics lm = ctx.text.metrics(labelFont(ctx));
  float widestName = 0;
  for (const Row& r : all) {
    widestName = std::max(widestName, measureText(ctx.tr(r.labelId), lm));
  }
  // Options share a row while each shows its word whole; else they go two to a
  // row (a second row of choices), before any word would be cut.
  struct Placed {
    std::size_t perRow = 1;
    std::size_t lines = 1;
    float w = 0;
  };
  std::vector<Placed> placed;
  std::size_t totalLines = 0;
  float labelW = 0;
  float optionsW = 0;
  const auto place = [&](float names) {
    labelW = names;
    optionsW = content.w - labelW;
    // A lone toggle is as wide as one of four, so toggles line up down the screen.
    const float quarter = std::floor((optionsW - 3 * optGap) / 4);
    placed.clear();
    totalLines = 0;
    for (const Row& r : all) {
      Placed p;
      const std::size_t n = r.options.size();
      float need = 0;
      for (const Widget& wd : r.options) {
        need = std::max(need, choiceButtonMinWidth(ctx, wd.label));
      }
      p.perRow = std::max<std::size_t>(1, n);
      const auto widthFor = [&](std::size_t k) {
        return std::floor((optionsW - static_cast<float>(k - 1) * optGap) / static_cast<float>(k));
      };
      while (p.perRow > 1 && widthFor(p.perRow) < need) {
        p.perRow = (p.perRow + 1) / 2;
      }
      p.w = n <= 1 ? std::min(optionsW, std::max(quarter, need)) : widthFor(p.perRow);
      p.lines = (n + p.perRow - 1) / p.perRow;
      totalLines += p.lines;
      placed.push_back(p);
    }
  };
  // The names' column is as wide as the widest name on one line (so none is cut),
  // within a quarter to two fifths of the width. When the options then need more
  // rows than the screen holds, the column narrows (a name wraps, or at worst is
  // made smaller) so the options keep their words whole.
  const float smallestRow = std::ceil(ctx.u(100.0f / 12.0f + 0.3f));
  const float tightGap = std::round(ctx.u(0.8f));
  const float natural =
      std::round(std::clamp(widestName + labelGap + 1, content.w * 0.25f, content.w * 0.4f));
  for (const float names : {natural, std::round(content.w * 0.3f), std::round(content.w * 0.25f)}) {
    place(std::min(natural, names));
    const auto n = static_cast<float>(totalLines);
    if (n * smallestRow + (n - 1) * tightGap <= content.h) {
      break;
    }
  }
  const float optionsX = content.x + labelW;
  // Rows of the usual height when they fit; closer together, then a little
  // lower (never below a target's smallest size), when there are more of them.
  float rowH = std::round(ctx.u(kRowH));
  float gap = std::round(ctx.u(kRowGap));
  const auto lines = static_cast<float>(totalLines);
  const auto gaps = static_cast<float>(totalLines - 1);
  if (lines * rowH + gaps * gap > content.h) {
    gap = std::round(ctx.u(0.8f));
    rowH = std::max(std::ceil(ctx.u(100.0f / 12.0f + 0.3f)),
                    std::floor((content.h - gaps * gap) / lines));
  }
  const float blockH = lines * rowH + gaps * gap;
  float y = std::round(content.y + std::max(0.0f, (content.h - blockH) / 2));
  mLabels.clear();
  for (std::size_t i = 0; i < all.size(); ++i) {
    Row& r = all[i];
    const Placed& p = placed[i];
    const float rowsH = static_cast<float>(p.lines) * rowH + static_cast<float>(p.lines - 1) * gap;
    // Each row's name, level with its options.
    mLabels.push_back(Label{r.labelId, Rect{content.x, y, labelW - labelGap, rowsH}});
    for (std::size_t k = 0; k < r.options.size(); ++k) {
      Widget& wd = r.options[k];
      const auto col = static_cast<float>(k % p.perRow);
      const auto line = static_cast<float>(k / p.perRow);
      wd.rect = Rect{optionsX + col * (p.w + optGap), y + line * (rowH + gap), p.w, rowH};
      out.push_back(wd);
    }
    y += rowsH + gap;
  }
}

void PupilSettingsScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("settings.title"), widgets);
  for (const Label& l : mLabels) {
    // A name that will not fit its room even wrapped is made smaller, the last resort.
    const std::string name = ctx.tr(l.labelId);
    // fitFont's sizes grow with the text size: this one is capped (labelFont).
    const float units = text_size::kBody * std::min(ctx.textScale, 1.3f) / ctx.textScale;
    const FontSpec fitted = fitFont(ctx, name, l.box, {units}, FontWeight::Bold,
                                    FitRule{text_size::kDetail, true, 0.5f, true});
    drawTextBlock(ctx, name, fitted, l.box, TextAlign::Left, t.text, 0, true);
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
