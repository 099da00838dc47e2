// The "Content packs" screen: every pack found in the content folder, one large
// row each, with its title, id, version and whether it is ready or how many errors
// and warnings it has. It scrolls by wheel, keys (arrows, Page Up/Down, Home/End)
// and dragging (mouse or touch) when the packs do not fit.
// Depends on: ui/ui_context, ui/widgets, platform/input, content/pack_catalog (data only).
#pragma once

#include "content/pack_catalog.hpp"
#include "platform/input.hpp"
#include "ui/ui_context.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sq {

struct PackRow {
  std::string folder;  // the pack's folder name
  std::string id;      // "" when pack.json could not be read
  std::string title;   // likewise
  std::string version; // known only for a pack that loaded
  int errors = 0;
  int warnings = 0;
  bool loaded = false; // the loader produced a pack

  bool ready() const { return loaded && errors == 0; }
};

// "Ready", "1 error", "3 errors", or "Not loaded".
std::string statusLabel(const PackRow& row);
// "" when there are none, else "1 warning", "2 warnings".
std::string warningsLabel(const PackRow& row);

struct PacksModel {
  bool loading = true;     // the catalog has not been read yet
  std::string contentDir;  // the folder searched
  std::string folderError; // the folder could not be read
  std::vector<PackRow> rows;
};

PackRow packRowFromEntry(const CatalogEntry& entry);
PacksModel packsModelFromCatalog(const Catalog& catalog);

class PacksScreen {
public:
  void setModel(PacksModel model);
  const PacksModel& model() const { return mModel; }

  // Returns true when the screen must be drawn again. Runs a layout pass first,
  // so the list is hit-tested where it is.
  bool handle(const InputEvent& event, const UiContext& ctx);
  // Draws what the last layout pass kept; it works nothing out itself.
  void draw(UiContext& ctx) const;

  // How far the list is scrolled, in pixels, after clamping at the last layout pass.
  float scrollPixels(const UiContext& ctx) const { return mScrollUnits * ctx.unit(); }

  struct Layout {
    Rect content; // the column everything sits in
    float titleTop = 0;
    float subtitleTop = 0;
    Rect list; // the scrolling area
    float rowHeight = 0;
    float rowGap = 0;
    float contentHeight = 0; // of all rows
    float maxScroll = 0;     // pixels
    float titleH = 0;
    float subtitleH = 0;
    std::string subtitle;
    // The rows on screen, scrolled: each one's index in the model and its box.
    std::vector<std::pair<std::size_t, Rect>> rows;
    Rect thumb; // the scroll bar's thumb (empty: everything fits)
  };
  // The layout pass: works out the geometry at the current scroll (clamping it),
  // keeps it for draw() and returns it.
  const Layout& layout(const UiContext& ctx);

private:
  bool scrollBy(float pixels, const UiContext& ctx);
  void drawRow(UiContext& ctx, const PackRow& row, const Rect& box) const;
  void drawMessage(UiContext& ctx, const Layout& l, const std::string& heading,
                   const std::string& detail, Colour detailColour) const;

  PacksModel mModel;
  Layout mLayout; // from the last layout pass
  float mScrollUnits = 0;
  bool mDragging = false;
  float mDragStartY = 0;
  float mDragStartScroll = 0;
};

} // namespace sq
