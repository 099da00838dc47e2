#include "screens/teacher/teacher_settings_screen.hpp"

#include "platform/browser_storage.hpp"
#include "screens/assembly/assembly_pick_screen.hpp"
#include "screens/teacher/aup_records_screen.hpp"
#include "screens/teacher/browser_files.hpp"
#include "screens/teacher/browser_files_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"
#include "screens/teacher/packs_page.hpp"
#include "screens/teacher/picture_password_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

constexpr Band kBands[] = {Band::Eyfs, Band::Ks1, Band::Lks2, Band::Uks2};

std::string bandLabel(const UiContext& ctx, Band b) {
  switch (b) {
  case Band::Eyfs:
    return ctx.tr("band.eyfs");
  case Band::Ks1:
    return ctx.tr("band.ks1");
  case Band::Lks2:
    return ctx.tr("band.lks2");
  case Band::Uks2:
    break;
  }
  return ctx.tr("band.uks2");
}

// Drops the last character (not the last byte) of a UTF-8 string.
void popCharacter(std::string& s) {
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((c & 0xC0) != 0x80) {
      break;
    }
  }
}

// A row's name; a row IT fixed says so (or that it was set when SafeQuest started).
std::string rowName(const UiContext& ctx, const GameConfig& config, const char* id, bool fixed) {
  const bool atStart =
      std::string_view(id) == "teacher.data-folder" && config.dataDirFromCommandLine;
  return fixed ? ctx.tr(id) + " (" + ctx.tr(atStart ? "teacher.fixed-start" : "teacher.fixed") + ")"
               : ctx.tr(id);
}

FontSpec rowNameFont(const UiContext& ctx, bool fixed) {
  // A fixed field says why in smaller words, on more lines if need be.
  return ctx.fixedFont(fixed ? text_size::kDetail : text_size::kBody, FontWeight::Bold);
}

} // namespace

std::unique_ptr<Screen> makeTeacherSettingsScreen(const UiHost& host) {
  auto s = std::make_unique<TeacherSettingsScreen>(host.teacher().config(),
                                                   host.teacher().configLocation());
  s->recordError = host.records().recorder().lastError();
  return s;
}

void TeacherSettingsScreen::resumed(UiHost& host) {
  mConfig = host.teacher().config();
  recordError = host.records().recorder().lastError();
}

std::string TeacherSettingsScreen::fieldValue(const std::string& id) const {
  if (mEditing == id) {
    return mBuffer;
  }
  return id == "data-folder" ? mConfig.dataDir : mConfig.schoolFolder;
}

void TeacherSettingsScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = contentArea(ctx); // for draw()
  const std::string done = ctx.tr("common.done");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, done, true), done, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  float rowH = std::round(ctx.u(10));
  float gap = std::round(ctx.u(1.8f));
  const float bandGap = std::round(ctx.u(1.5f));
  // Bands: four toggles in a row when each word fits, the names' column made
  // narrower if that lets them (a name then wraps), else two rows of two.
  float bandNeed = 0;
  for (const Band b : kBands) {
    bandNeed = std::max(bandNeed, choiceButtonMinWidth(ctx, bandLabel(ctx, b)));
  }
  mLabelW = labelWidth(ctx, content);
  const auto bandsFit = [&](float names) {
    return std::floor((content.w - names - 3 * bandGap) / 4) >= bandNeed;
  };
  if (!bandsFit(mLabelW) && bandsFit(std::round(content.w * 0.25f))) {
    mLabelW = std::round(content.w * 0.25f);
  }
  const float labelW = mLabelW;
  const float x = content.x + labelW;
  const float w = content.w - labelW;
  const int bandsPerRow = bandsFit(labelW) ? 4 : 2;
  const int bandRows = 4 / bandsPerRow;
  // Other teacher tools along the bottom, three to a row when each label fits
  // (wrapped onto taller buttons if need be), else two to a row.
  const char* tools[] = {"class-lesson", "aup-records", "picture-passwords",
                         "packs",        "change-pin",  "quit"};
  const char* labels[] = {"class-lesson.button", "teacher.aup-records", "teacher.picture-passwords",
                          "teacher.packs",       "teacher.change-pin",  "teacher.quit"};
  if (browserFilesAvailable()) { // in a browser, its files in place of closing the game
    tools[5] = "browser-files";
    labels[5] = "teacher.browser-files";
  }
  const FontMetrics detailBold =
      ctx.text.metrics(ctx.fixedFont(text_size::kDetail, FontWeight::Bold));
  int perRow = 3;
  float toolW = 0;
  for (;; perRow = 2) {
    toolW = std::floor((content.w - static_cast<float>(perRow - 1) * bandGap) /
                       static_cast<float>(perRow));
    // A label fits when it shows on one line or wraps with no word cut.
    bool fits = true;
    for (const char* id : labels) {
      const std::string label = ctx.tr(id);
      fits = fits && (buttonMinWidth(ctx, label) <= toolW ||
                      !wrapText(label, toolW - ctx.u(6), detailBold).overflow);
    }
    if (fits || perRow == 2) {
      break;
    }
  }
  const int toolRows = (6 + perRow - 1) / perRow;
  // The message under the tools: one line at least, two when it needs them.
  const FontMetrics detail = ctx.text.metrics(ctx.fixedFont(text_size::kDetail));
  const float messageH = std::min(
      2 * detail.lineHeight(),
      std::max(detail.lineHeight(), textBlockHeight(ctx, message(ctx).first,
                                                    ctx.fixedFont(text_size::kDetail), content.w)));
  // Each row of tools is as tall as its tallest (wrapped) label needs.
  const auto toolRowHeight = [&](int row, float base) {
    float h = base;
    for (int i = row * perRow; i < std::min(6, (row + 1) * perRow); ++i) {
      h = std::max(h, buttonHeightFor(ctx, ctx.tr(labels[i]), toolW, base));
    }
    return h;
  };
  const auto toolHeight = [&](float base) {
    float h = 0;
    for (int row = 0; row < toolRows; ++row) {
      h += toolRowHeight(row, base);
    }
    return h;
  };
  float toolsGap = 2.5f; // times the gap, between the settings and the tools
  float messageGap = ctx.u(2);
  const auto needed = [&] {
    const auto settingRows = static_cast<float>(3 + bandRows);
    return settingRows * rowH + (settingRows - 1) * gap + gap * toolsGap + toolHeight(rowH) +
           static_cast<float>(toolRows - 1) * gap + messageGap + messageH;
  };
  // Closer together, then lower (never below a target's smallest size), when that
  // is taller than the screen.
  if (needed() > content.h) {
    gap = std::round(ctx.u(1));
    toolsGap = 1.5f;
    messageGap = ctx.u(1);
  }
  const float smallestRow = std::ceil(ctx.u(100.0f / 12.0f + 0.3f));
  while (needed() > content.h && rowH > smallestRow) {
    rowH = std::max(smallestRow, rowH - 1);
  }
  float y = content.y;
  for (const char* id : {"data-folder", "school-folder"}) {
    Widget f{id, Rect{x, y, w, rowH}, fieldValue(id), WidgetRole::Field};
    f.selected = mEditing == id;
    // What IT fixed in the machine configuration is shown but cannot be changed.
    f.enabled = std::string_view(id) == "data-folder"
                    ? !mConfig.dataDirFixed && !mConfig.dataDirFromCommandLine
                    : !mConfig.schoolFolderFixed;
    out.push_back(f);
    y += rowH + gap;
  }
  const float bandW = std::floor((w - static_cast<float>(bandsPerRow - 1) * bandGap) /
                                 static_cast<float>(bandsPerRow));
  mBandsH = static_cast<float>(bandRows) * rowH + static_cast<float>(bandRows - 1) * gap;
  for (int i = 0; i < 4; ++i) {
    const Band b = kBands[i];
    const auto col = static_cast<float>(i % bandsPerRow);
    const auto line = static_cast<float>(i / bandsPerRow);
    Widget t{"band:" + std::string(bandId(b)),
             Rect{x + col * (bandW + bandGap), y + line * (rowH + gap), bandW, rowH},
             bandLabel(ctx, b), WidgetRole::Toggle};
    t.selected = mConfig.bandUnlocked(b);
    t.enabled = !mConfig.bandsFixed;
    out.push_back(t);
  }
  y += mBandsH + gap;
  Widget lock{"lock", Rect{x, y, std::floor((w - bandGap) / 2), rowH},
              ctx.tr(mConfig.lock ? "settings.on" : "settings.off") +
                  (mConfig.lockFixed ? " (" + ctx.tr("teacher.fixed") + ")" : std::string()),
              WidgetRole::Toggle};
  lock.selected = mConfig.lock;
  lock.enabled = !mConfig.lockFixed;
  out.push_back(lock);
  // Beside the lock, the other whiteboard tool: an assembly for the hall.
  out.push_back(Widget{"assembly",
                       Rect{lock.rect.right() + bandGap, y, w - lock.rect.w - bandGap, rowH},
                       ctx.tr("assembly.teacher-button"), WidgetRole::Button});
  y += rowH + gap * toolsGap;
  mMessageGap = messageGap;
  for (int row = 0; row < toolRows; ++row) {
    const float toolH = toolRowHeight(row, rowH);
    for (int i = row * perRow; i < std::min(6, (row + 1) * perRow); ++i) {
      const float tx = content.x + static_cast<float>(i % perRow) * (toolW + bandGap);
      out.push_back(
          Widget{tools[i], Rect{tx, y, toolW, toolH}, ctx.tr(labels[i]), WidgetRole::Button});
    }
    y += toolH + gap;
  }
}

std::pair<std::string, bool> TeacherSettingsScreen::message(const UiContext& ctx) const {
  if (!mMessage.empty()) {
    return {mMessage, mMessageIsError};
  }
  if (!recordError.empty()) {
    // A record that could not be saved: the teacher sees why (pupils see only a
    // calm "not saved yet").
    return {ctx.trf("teacher.record-error", {{"error", recordError}}), true};
  }
  if (!mEditing.empty()) {
    return {ctx.tr("teacher.typing-hint"), false};
  }
  // In a web browser, whether the browser promises to keep the records.
  const char* storage = nullptr;
  switch (browserStorage()) {
  case BrowserStorage::NotBrowser:
    break;
  case BrowserStorage::Asking:
    storage = "teacher.storage-asking";
    break;
  case BrowserStorage::Persistent:
    storage = "teacher.storage-persistent";
    break;
  case BrowserStorage::BestEffort:
    storage = "teacher.storage-best-effort";
    break;
  case BrowserStorage::Unavailable:
    storage = "teacher.storage-unavailable";
    break;
  }
  const std::string kept = ctx.trf("teacher.kept-in", {{"place", mLocation}});
  if (storage == nullptr) {
    return {kept, false};
  }
  const bool risk = browserStorage() == BrowserStorage::BestEffort ||
                    browserStorage() == BrowserStorage::Unavailable;
  return {kept + ". " + ctx.tr(storage), risk};
}

float TeacherSettingsScreen::labelWidth(const UiContext& ctx, const Rect& content) const {
  // As wide as the widest row name on one line, within a quarter to two fifths of
  // the width (a fixed row's "set by IT" wraps under its name).
  const FontMetrics m = ctx.text.metrics(ctx.fixedFont(text_size::kBody, FontWeight::Bold));
  float widest = 0;
  for (const char* id :
       {"teacher.data-folder", "teacher.school-folder", "teacher.bands", "teacher.lock"}) {
    widest = std::max(widest, measureText(ctx.tr(id), m));
  }
  return std::round(std::clamp(widest + ctx.u(2) + 1, content.w * 0.25f, content.w * 0.4f));
}

void TeacherSettingsScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                 const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("teacher.title"), widgets);
  const Rect content = mContent;
  const float labelW = mLabelW;
  const FontSpec fieldFont = ctx.fixedFont(text_size::kDetail);
  const FontMetrics fm = ctx.text.metrics(fieldFont);
  // A row's name wraps in its room; only a name still too long (a fixed row's
  // reason on a small screen) is made smaller.
  auto rowLabel = [&](const char* id, const Rect& row, bool fixed) {
    const std::string name = rowName(ctx, mConfig, id, fixed);
    const Rect box{content.x, row.y, labelW - ctx.u(2), row.h};
    const FontSpec font = rowNameFont(ctx, fixed);
    const FontSpec fitted =
        fitFont(ctx, name, box, {static_cast<float>(font.pixelSize) / ctx.unit() / ctx.textScale},
                FontWeight::Bold, FitRule{2.6f, true, 0.5f, true});
    drawTextBlock(ctx, name, fitted, box, TextAlign::Left, t.text, 0, true);
  };
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x9C\x94"); // ✔
    } else if (w.role == WidgetRole::Field) {
      // A fixed folder says why at the end of its field, which keeps its end in view.
      rowLabel(w.id == "data-folder" ? "teacher.data-folder" : "teacher.school-folder", w.rect,
               false);
      const bool editing = mEditing == w.id;
      ctx.renderer.fillRoundedRect(w.rect, ctx.u(metrics::kRadius),
                                   w.enabled ? t.surface : t.pressed);
      ctx.renderer.strokeRoundedRect(w.rect, ctx.u(metrics::kRadius),
                                     std::max(1.0f, std::round(ctx.u(editing ? 0.6f : 0.35f))),
                                     editing ? t.accent : t.border);
      const float pad = ctx.u(2.5f);
      std::string shown = w.label;
      if (shown.empty() && !editing) {
        shown = ctx.tr("teacher.none");
      }
      if (!w.enabled) {
        const bool atStart = w.id == "data-folder" && mConfig.dataDirFromCommandLine;
        shown += "  (" + ctx.tr(atStart ? "teacher.fixed-start" : "teacher.fixed") + ")";
      }
      // While typing, keep the end (where the caret is) in view; a steady bar, no blinking.
      const std::string text =
          editing ? ellipsize(shown + "|", w.rect.w - 2 * pad, fm, EllipsisAt::Start)
                  : ellipsize(shown, w.rect.w - 2 * pad, fm, EllipsisAt::Start);
      const float top = std::round(w.rect.y + (w.rect.h - fm.lineHeight()) / 2);
      ctx.text.drawLine(text, fieldFont, Point{w.rect.x + pad, top},
                        (w.label.empty() && !editing) || !w.enabled ? t.mutedText : t.text);
    } else if (w.id == "band:eyfs") {
      rowLabel("teacher.bands", Rect{w.rect.x, w.rect.y, w.rect.w, mBandsH}, !w.enabled);
      drawChoiceButton(ctx, w, v);
    } else if (w.id == "lock") {
      // A fixed lock says why on the toggle: the row's other half is the assembly's.
      rowLabel("teacher.lock", w.rect, false);
      drawChoiceButton(ctx, w, v);
    } else if (w.role == WidgetRole::Toggle) {
      drawChoiceButton(ctx, w, v);
    } else {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    }
  }
  // A line for what just happened, or how to type a folder, in the room left
  // below the tools (smaller only when two lines of it would not fit there).
  const Widget* quit = widgets.empty() ? nullptr : &widgets.back(); // the last tool
  if (quit != nullptr) {
    const auto [line, problem] = message(ctx);
    const Rect box{content.x, quit->rect.bottom() + mMessageGap, content.w,
                   std::max(0.0f, content.bottom() - quit->rect.bottom() - mMessageGap)};
    const FontSpec fitted = fitFont(ctx, line, box, {text_size::kDetail / ctx.textScale},
                                    FontWeight::Regular, FitRule{2.6f, true, 0.5f, true});
    drawTextBlock(ctx, line, fitted, box, TextAlign::Left, problem ? t.problemText : t.mutedText);
  }
}

void TeacherSettingsScreen::save(UiHost& host, GameConfig next) {
  std::string error;
  if (host.teacher().saveConfig(next, error)) {
    mConfig = host.teacher().config();
    mMessage = host.strings().tr("teacher.saved");
    mMessageIsError = false;
  } else {
    mMessage = host.strings().trf("teacher.not-saved", {{"error", error}});
    mMessageIsError = true;
  }
}

void TeacherSettingsScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (!mEditing.empty() && id != mEditing) {
    mEditing.clear(); // pressing elsewhere leaves the field unchanged
  }
  if (id == "back") {
    host.nav().pop();
  } else if (id == "data-folder" || id == "school-folder") {
    if (mEditing == id) {
      return;
    }
    mEditing = id;
    mBuffer = id == "data-folder" ? mConfig.dataDir : mConfig.schoolFolder;
    mMessage.clear();
  } else if (WidgetId::parse(id).is("band")) {
    if (const auto b = parseBand(WidgetId::parse(id).value)) {
      GameConfig next = mConfig;
      auto& bands = next.unlockedBands;
      const auto it = std::find(bands.begin(), bands.end(), *b);
      if (it != bands.end()) {
        bands.erase(it);
      } else {
        bands.push_back(*b);
      }
      save(host, next);
    }
  } else if (id == "lock") {
    GameConfig next = mConfig;
    next.lock = !next.lock;
    save(host, next);
  } else if (id == "class-lesson") {
    host.nav().push(makeClassLessonPickScreen(host));
  } else if (id == "assembly") {
    // The assembly mode; leaving it comes back here (the PIN first under the lock).
    host.nav().push(makeAssemblyPickScreen(host, [](UiHost& h) { h.nav().pop(); }));
  } else if (id == "aup-records") {
    host.nav().push(makeAupRecordsScreen(host));
  } else if (id == "picture-passwords") {
    host.nav().push(makePicturePasswordScreen(host));
  } else if (id == "packs") {
    host.nav().push(makePacksPage(host.records()));
  } else if (id == "change-pin") {
    host.nav().push(std::make_unique<TeacherPinScreen>(TeacherPinScreen::Mode::Choose,
                                                       [](UiHost& h) { h.nav().pop(); }));
  } else if (id == "browser-files") {
    host.nav().push(std::make_unique<BrowserFilesScreen>(host));
  } else if (id == "quit") {
    host.nav().quit();
  }
}

bool TeacherSettingsScreen::text(std::string_view utf8, UiHost& host) {
  (void)host;
  if (mEditing.empty()) {
    return false;
  }
  if (mBuffer.size() + utf8.size() <= 1024) {
    mBuffer += utf8;
  }
  return true;
}

bool TeacherSettingsScreen::key(const KeyDown& k, UiHost& host) {
  if (mEditing.empty()) {
    return false;
  }
  switch (k.key) {
  case Key::Space:
    return true; // typed as text; it must not press the focused button
  case Key::Backspace:
    popCharacter(mBuffer);
    return true;
  case Key::Escape:
    mEditing.clear();
    mMessage.clear();
    return true;
  case Key::Enter: {
    GameConfig next = mConfig;
    (mEditing == "data-folder" ? next.dataDir : next.schoolFolder) = mBuffer;
    mEditing.clear();
    save(host, next);
    return true;
  }
  default:
    return false;
  }
}

} // namespace sq
