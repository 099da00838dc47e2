#include "screens/assembly/assembly_pick_screen.hpp"

#include "screens/assembly/assembly_screen.hpp"
#include "screens/assembly/projector_theme.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makeAssemblyPickScreen(UiHost& host, std::function<void(UiHost&)> leave) {
  auto s = std::make_unique<AssemblyPickScreen>(std::move(leave));
  s->load(host.records().catalog());
  return s;
}

void AssemblyPickScreen::load(const Catalog* catalog) {
  if (catalog == nullptr) {
    return;
  }
  mShows = assembliesIn(*catalog);
  for (AssemblyShow& s : mShows) {
    s.leave = [](UiHost& h) { h.nav().pop(); }; // back to this list
    s.guarded = false;
  }
  mLoaded = true;
  mFocus = 0;
}

void AssemblyPickScreen::resumed(UiHost& host) {
  if (!mLoaded) {
    load(host.records().catalog());
  }
}

void AssemblyPickScreen::layout(const UiContext& ctx, WidgetList& out) {
  const UiContext hall = hallContext(ctx);
  const Rect s = hall.screen();
  const float m = std::round(hall.u(metrics::kMargin));
  const float gap = std::round(hall.u(metrics::kGap));
  const FontSpec head = hall.fixedFont(text_size::kHeading, FontWeight::Bold);
  const float w = s.w - 2 * m;
  mTitle = Rect{m, m, w, textBlockHeight(hall, hall.tr("assembly.pick-title"), head, w)};
  const float body = hall.text.metrics(hall.fixedFont(text_size::kBody)).lineHeight();
  mPageLine = Rect{m, s.h - m - body, w, body};
  const float top = mTitle.bottom() + gap;
  const float rowH = std::round(hall.u(20));
  const float room = mPageLine.y - gap - top;
  mPerPage = std::max<std::size_t>(1, static_cast<std::size_t>((room + gap) / (rowH + gap)));
  const std::size_t first = mFocus / mPerPage * mPerPage;
  for (std::size_t i = first; i < mShows.size() && i < first + mPerPage; ++i) {
    Widget wd;
    wd.id = "assembly:" + std::to_string(i + 1);
    wd.label = mShows[i].assembly->title.get();
    wd.role = WidgetRole::Tile;
    wd.rect = Rect{m, top + static_cast<float>(i - first) * (rowH + gap), w, rowH};
    out.push_back(std::move(wd));
  }
}

void AssemblyPickScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  UiContext hall = hallContext(ctx);
  const Theme& t = hall.theme;
  hall.renderer.fillRect(hall.screen(), t.background);
  drawTextBlock(hall, hall.tr("assembly.pick-title"),
                hall.fixedFont(text_size::kHeading, FontWeight::Bold), mTitle, TextAlign::Left,
                t.text);
  if (!mLoaded || mShows.empty()) {
    drawTextBlock(hall, hall.tr(mLoaded ? "assembly.pick-none" : "assembly.pick-loading"),
                  hall.fixedFont(text_size::kBody),
                  Rect{mTitle.x, mTitle.bottom() + hall.u(4), mTitle.w, hall.u(30)},
                  TextAlign::Left, t.text);
    return;
  }
  const float pad = std::round(hall.u(2.5f));
  for (const Widget& w : widgets) {
    const auto n = WidgetId::parse(w.id).numbered("assembly");
    if (!n || *n > mShows.size()) {
      continue;
    }
    const AssemblyShow& show = mShows[*n - 1];
    hall.renderer.fillRoundedRect(w.rect, hall.u(2), v.pressed == w.id ? t.pressed : t.surface);
    hall.renderer.strokeRoundedRect(w.rect, hall.u(2), hall.u(0.35f), t.border);
    const Rect in{w.rect.x + pad, w.rect.y + pad, w.rect.w - 2 * pad, w.rect.h - 2 * pad};
    const std::string title = show.assembly->title.get();
    const FontSpec tf = fitFont(hall, title, Rect{in.x, in.y, in.w, in.h * 0.62f},
                                {text_size::kBody, text_size::kDetail}, FontWeight::Bold);
    const float th = drawTextBlock(hall, title, tf, Rect{in.x, in.y, in.w, in.h * 0.62f},
                                   TextAlign::Left, t.text, 2);
    drawTextBlock(
        hall,
        hall.trf("assembly.pick-for", {{"years", yearGroupsText(hall, show.assembly->yearGroups)}}),
        hall.fixedFont(text_size::kDetail), Rect{in.x, in.y + th, in.w, in.h - th}, TextAlign::Left,
        t.mutedText, 1);
  }
  const std::size_t pages = (mShows.size() + mPerPage - 1) / mPerPage;
  if (pages > 1) {
    drawTextBlock(hall,
                  hall.trf("assembly.pick-page", {{"page", std::to_string(mFocus / mPerPage + 1)},
                                                  {"pages", std::to_string(pages)}}),
                  hall.fixedFont(text_size::kBody), mPageLine, TextAlign::Left, t.mutedText, 1);
  }
}

void AssemblyPickScreen::activate(std::string_view widgetId, UiHost& host) {
  const auto n = WidgetId::parse(widgetId).numbered("assembly");
  if (n && *n <= mShows.size()) {
    mFocus = *n - 1;
    host.nav().push(makeAssemblyScreen(mShows[*n - 1]));
  }
}

bool AssemblyPickScreen::key(const KeyDown& k, UiHost& host) {
  if (mShows.empty()) {
    return k.key == Key::Escape ? escape(host) : false;
  }
  const std::size_t n = mShows.size();
  switch (k.key) {
  case Key::PageDown:
  case Key::Right:
  case Key::Down:
  case Key::Tab:
    mFocus = (mFocus + 1) % n;
    return true;
  case Key::PageUp:
  case Key::Left:
  case Key::Up:
    mFocus = (mFocus + n - 1) % n;
    return true;
  case Key::B:
  case Key::Period:
  case Key::Enter:
  case Key::Space:
  case Key::F5:
    activate("assembly:" + std::to_string(mFocus + 1), host);
    return true;
  case Key::Escape:
    return escape(host);
  default:
    return false;
  }
}

bool AssemblyPickScreen::escape(UiHost& host) {
  leaveAssembly(host, mLeave);
  return true;
}

} // namespace sq
