#include "screens/teacher/packs_screen.hpp"

#include "ui/controls.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <type_traits>

namespace sq {

namespace {

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string folderName(const std::string& dir) {
  std::filesystem::path p(dir);
  if (!p.has_filename()) {
    p = p.parent_path();
  }
  return p.filename().string();
}

} // namespace

std::string statusLabel(const PackRow& row) {
  if (row.errors > 0) {
    return plural(row.errors, "error", "errors");
  }
  return row.loaded ? "Ready" : "Not loaded";
}

std::string warningsLabel(const PackRow& row) {
  return row.warnings > 0 ? plural(row.warnings, "warning", "warnings") : std::string();
}

PackRow packRowFromEntry(const CatalogEntry& e) {
  PackRow row;
  row.folder = folderName(e.dir);
  row.id = e.result.pack ? e.result.pack->id : e.result.packId;
  row.title = e.result.title;
  row.version = e.result.pack ? e.result.pack->version : e.result.version;
  row.errors = e.result.errors;
  row.warnings = e.result.warnings;
  row.loaded = e.result.pack.has_value();
  return row;
}

PacksModel packsModelFromCatalog(const Catalog& catalog) {
  PacksModel m;
  m.loading = false;
  m.contentDir = catalog.root;
  m.folderError = catalog.error;
  for (const CatalogEntry& e : catalog.packs) {
    m.rows.push_back(packRowFromEntry(e));
  }
  return m;
}

void PacksScreen::setModel(PacksModel model) {
  mModel = std::move(model);
  mScrollUnits = 0;
  mDragging = false;
}

namespace {

// Where a row's title and details go: left of its badges, as many lines as they
// take (a row is as tall as its words need).
struct RowText {
  std::string title;
  std::string detail;
  float left = 0;
  float width = 0;
  FontSpec titleFont;
  FontSpec detailFont;
  float titleH = 0;
  float detailH = 0;
};

RowText rowText(const UiContext& ctx, const PackRow& row, const Rect& box) {
  RowText r;
  const float stripe = std::round(ctx.u(1.4f));
  const float padX = ctx.u(3.5f);
  const FontSpec badgeFont = ctx.font(text_size::kBody, FontWeight::Bold);
  float right = box.right() - padX - badgeWidth(ctx, statusLabel(row), badgeFont);
  right -= ctx.u(1.5f);
  const std::string warnings = warningsLabel(row);
  if (!warnings.empty()) {
    right -= badgeWidth(ctx, warnings, badgeFont) + ctx.u(1.5f);
  }
  r.titleFont = ctx.font(text_size::kHeading, FontWeight::Bold);
  r.detailFont = ctx.font(text_size::kDetail);
  r.left = box.x + stripe + padX;
  r.width = std::max(0.0f, right - ctx.u(2) - r.left);
  r.title = !row.title.empty() ? row.title : row.folder;
  const char* sep = "   \xC2\xB7   "; // middle dot, spaced so each part reads alone
  r.detail += row.id.empty() ? std::string("no id") : "id " + row.id;
  if (!row.version.empty()) {
    r.detail += sep;
    r.detail += "version " + row.version;
  }
  if (row.folder != row.id) {
    r.detail += sep;
    r.detail += "folder " + row.folder;
  }
  r.titleH = textBlockHeight(ctx, r.title, r.titleFont, r.width);
  r.detailH = textBlockHeight(ctx, r.detail, r.detailFont, r.width);
  return r;
}

} // namespace

const PacksScreen::Layout& PacksScreen::layout(const UiContext& ctx) {
  Layout& l = mLayout;
  l = Layout{};
  const float vw = static_cast<float>(ctx.viewport.width);
  const float vh = static_cast<float>(ctx.viewport.height);
  const float margin = ctx.u(6);
  // On very wide screens keep rows a comfortable reading width, centred.
  const float width = std::min(vw - 2 * margin, ctx.u(180));
  l.content = Rect{std::round((vw - width) / 2), 0, std::round(width), vh};

  const FontMetrics title = ctx.text.metrics(ctx.font(text_size::kTitle, FontWeight::Bold));
  const FontMetrics detail = ctx.text.metrics(ctx.font(text_size::kBody));
  l.titleH = title.lineHeight();
  l.subtitleH = detail.lineHeight();
  l.titleTop = std::round(ctx.u(4));
  l.subtitleTop = std::round(l.titleTop + title.lineHeight());
  const float listTop = std::round(l.subtitleTop + detail.lineHeight() + ctx.u(3));
  const float listBottom = std::round(vh - ctx.u(4));
  l.list = Rect{l.content.x, listTop, l.content.w, std::max(0.0f, listBottom - listTop)};
  l.rowHeight = std::round(ctx.u(17));
  for (const PackRow& row : mModel.rows) {
    const RowText text = rowText(ctx, row, Rect{l.list.x, 0, l.list.w, l.rowHeight});
    l.rowHeight = std::max(l.rowHeight, std::ceil(text.titleH + text.detailH + ctx.u(3)));
  }
  l.rowGap = std::round(ctx.u(2.5f));
  const auto n = static_cast<float>(mModel.rows.size());
  l.contentHeight = n > 0 ? n * l.rowHeight + (n - 1) * l.rowGap : 0;
  l.maxScroll = std::max(0.0f, l.contentHeight - l.list.h);
  mScrollUnits = std::clamp(mScrollUnits * ctx.unit(), 0.0f, l.maxScroll) / ctx.unit();

  if (mModel.loading) {
    l.subtitle = "Looking for packs\xE2\x80\xA6";
  } else if (!mModel.folderError.empty()) {
    l.subtitle = "Folder " + mModel.contentDir;
  } else {
    int ready = 0;
    for (const auto& r : mModel.rows) {
      ready += r.ready() ? 1 : 0;
    }
    const int count = static_cast<int>(mModel.rows.size());
    l.subtitle = plural(count, "pack", "packs");
    if (count > 0) {
      l.subtitle += ", " + std::to_string(ready) + " ready";
    }
    l.subtitle += ", in " + mModel.contentDir;
  }
  if (mModel.loading || !mModel.folderError.empty()) {
    return l;
  }

  const float scroll = mScrollUnits * ctx.unit();
  for (std::size_t i = 0; i < mModel.rows.size(); ++i) {
    const float y = l.list.y + static_cast<float>(i) * (l.rowHeight + l.rowGap) - scroll;
    if (y + l.rowHeight < l.list.y || y > l.list.bottom()) {
      continue;
    }
    l.rows.emplace_back(i, Rect{l.list.x, std::round(y), l.list.w, l.rowHeight});
  }
  if (l.maxScroll > 0) {
    // A quiet scroll bar in the margin says there is more below.
    const float trackX = l.list.right() + ctx.u(1.5f);
    const float barW = std::round(ctx.u(1));
    const float thumbH = std::max(ctx.u(6), l.list.h * l.list.h / l.contentHeight);
    const float thumbY = l.list.y + (l.list.h - thumbH) * (scroll / l.maxScroll);
    l.thumb = Rect{trackX, thumbY, barW, thumbH};
  }
  return l;
}

bool PacksScreen::scrollBy(float pixels, const UiContext& ctx) {
  const Layout& l = mLayout;
  const float before = mScrollUnits;
  const float px = std::clamp(mScrollUnits * ctx.unit() + pixels, 0.0f, l.maxScroll);
  mScrollUnits = px / ctx.unit();
  return mScrollUnits != before;
}

bool PacksScreen::handle(const InputEvent& event, const UiContext& ctx) {
  return std::visit(
      [&](const auto& e) -> bool {
        using E = std::decay_t<decltype(e)>;
        const Layout& l = layout(ctx);
        const float step = l.rowHeight + l.rowGap;
        if constexpr (std::is_same_v<E, Wheel>) {
          return scrollBy(-e.dy * ctx.u(8), ctx);
        } else if constexpr (std::is_same_v<E, KeyDown>) {
          switch (e.key) {
          case Key::Down:
            return scrollBy(step, ctx);
          case Key::Up:
            return scrollBy(-step, ctx);
          case Key::PageDown:
          case Key::Space:
            return scrollBy(std::max(step, l.list.h - step), ctx);
          case Key::PageUp:
            return scrollBy(-std::max(step, l.list.h - step), ctx);
          case Key::Home:
            return scrollBy(-l.contentHeight, ctx);
          case Key::End:
            return scrollBy(l.contentHeight, ctx);
          default:
            return false;
          }
        } else if constexpr (std::is_same_v<E, PointerDown>) {
          if (e.button == PointerButton::Primary && l.list.contains(Point{e.x, e.y})) {
            mDragging = true;
            mDragStartY = e.y;
            mDragStartScroll = mScrollUnits * ctx.unit();
          }
          return false;
        } else if constexpr (std::is_same_v<E, PointerMove>) {
          if (!mDragging || !e.primaryHeld) {
            return false;
          }
          const float target = mDragStartScroll - (e.y - mDragStartY);
          return scrollBy(target - mScrollUnits * ctx.unit(), ctx);
        } else if constexpr (std::is_same_v<E, PointerUp>) {
          mDragging = false;
          return false;
        } else if constexpr (std::is_same_v<E, Resized>) {
          return true;
        } else {
          return false;
        }
      },
      event);
}

void PacksScreen::drawRow(UiContext& ctx, const PackRow& row, const Rect& box) const {
  const Theme& t = ctx.theme;
  const float radius = ctx.u(2);
  const float stripe = std::round(ctx.u(1.4f));
  const bool ready = row.ready();

  // The card: an accent stripe on the left, the surface, a thin outline.
  ctx.renderer.fillRoundedRect(box, radius, ready ? t.readyAccent : t.problemAccent);
  const Rect inner{box.x + stripe, box.y, box.w - stripe, box.h};
  ctx.renderer.fillRoundedRect(inner, radius, t.surface);
  ctx.renderer.fillRect(Rect{inner.x, inner.y, radius, inner.h}, t.surface);
  ctx.renderer.strokeRoundedRect(box, radius, std::max(1.0f, std::round(ctx.u(0.2f))), t.border);

  const float padX = ctx.u(3.5f);
  const float centreY = box.y + box.h / 2;

  // Badges, right-aligned: the status, then warnings to its left.
  const FontSpec badgeFont = ctx.font(text_size::kBody, FontWeight::Bold);
  float right = box.right() - padX;
  const BadgeStyle status = ready ? BadgeStyle{t.readyFill, t.readyText, t.readyAccent}
                                  : BadgeStyle{t.problemFill, t.problemText, t.problemAccent};
  const Rect statusBox = drawBadge(ctx, statusLabel(row), badgeFont, right, centreY, status);
  right = statusBox.x - ctx.u(1.5f);
  const std::string warnings = warningsLabel(row);
  if (!warnings.empty()) {
    drawBadge(ctx, warnings, badgeFont, right, centreY,
              BadgeStyle{t.warningFill, t.warningText, t.warningText});
  }

  // Title and details, as a block centred in the row, wrapped when they must be
  // (rowText leaves the badges' room, as placed here).
  const RowText text = rowText(ctx, row, box);
  const float top = std::round(centreY - (text.titleH + text.detailH) / 2);
  drawTextBlock(ctx, text.title, text.titleFont, Rect{text.left, top, text.width, text.titleH},
                TextAlign::Left, t.text);
  drawTextBlock(ctx, text.detail, text.detailFont,
                Rect{text.left, top + text.titleH, text.width, text.detailH}, TextAlign::Left,
                t.mutedText);
}

void PacksScreen::drawMessage(UiContext& ctx, const Layout& l, const std::string& heading,
                              const std::string& detail, Colour detailColour) const {
  const FontSpec hf = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec df = ctx.font(text_size::kBody);
  const FontMetrics hm = ctx.text.metrics(hf);
  const FontMetrics dm = ctx.text.metrics(df);
  const float pad = ctx.u(4);
  const float innerW = l.content.w - 2 * pad;
  const WrappedText dw = wrapText(detail, innerW, dm);
  const float h = std::round(pad * 2 + hm.lineHeight() + (detail.empty() ? 0 : dw.height));
  const Rect box{l.list.x, l.list.y, l.list.w, std::min(h, l.list.h)};
  ctx.renderer.fillRoundedRect(box, ctx.u(2), ctx.theme.surface);
  ctx.renderer.strokeRoundedRect(box, ctx.u(2), std::max(1.0f, std::round(ctx.u(0.2f))),
                                 ctx.theme.border);
  ctx.renderer.pushClip(box);
  drawLabel(ctx, heading, hf, Rect{box.x + pad, box.y + pad, innerW, hm.lineHeight()},
            ctx.theme.text);
  if (!detail.empty()) {
    ctx.text.drawWrapped(detail, dw, df, Point{box.x + pad, box.y + pad + hm.lineHeight()}, innerW,
                         TextAlign::Left, detailColour);
  }
  ctx.renderer.popClip();
}

void PacksScreen::draw(UiContext& ctx) const {
  const Theme& t = ctx.theme;
  const Layout& l = mLayout;

  ctx.renderer.fillRect(
      Rect{0, 0, static_cast<float>(ctx.viewport.width), static_cast<float>(ctx.viewport.height)},
      t.background);

  drawLabel(ctx, "Content packs", ctx.font(text_size::kTitle, FontWeight::Bold),
            Rect{l.content.x, l.titleTop, l.content.w, l.titleH}, t.text);
  drawLabel(ctx, l.subtitle, ctx.font(text_size::kBody),
            Rect{l.content.x, l.subtitleTop, l.content.w, l.subtitleH}, t.mutedText,
            EllipsisAt::Start);

  if (mModel.loading) {
    return;
  }
  if (!mModel.folderError.empty()) {
    drawMessage(ctx, l, "The content folder could not be read", mModel.folderError, t.problemText);
    return;
  }
  if (mModel.rows.empty()) {
    drawMessage(ctx, l, "No content packs here yet",
                "A pack is a folder with a pack.json file inside. Put packs in " +
                    mModel.contentDir + " or start SafeQuest with --content FOLDER.",
                t.mutedText);
    return;
  }

  ctx.renderer.pushClip(l.list);
  for (const auto& [index, box] : l.rows) {
    if (index < mModel.rows.size()) {
      drawRow(ctx, mModel.rows[index], box);
    }
  }
  ctx.renderer.popClip();

  if (l.thumb.w > 0) {
    ctx.renderer.fillRoundedRect(l.thumb, l.thumb.w / 2, t.scrollbar);
  }
}

} // namespace sq
