#include "screens/teacher/teacher_settings_screen.hpp"

#include "screens/teacher/aup_records_screen.hpp"
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
  const float rowH = std::round(ctx.u(10));
  const float gap = std::round(ctx.u(1.8f));
  const float labelW = std::round(content.w * 0.3f);
  const float x = content.x + labelW;
  const float w = content.w - labelW;
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
  // Bands: four toggles in a row.
  const float bandGap = std::round(ctx.u(1.5f));
  const float bandW = std::floor((w - 3 * bandGap) / 4);
  for (int i = 0; i < 4; ++i) {
    const Band b = kBands[i];
    Widget t{"band:" + std::string(bandId(b)),
             Rect{x + static_cast<float>(i) * (bandW + bandGap), y, bandW, rowH}, bandLabel(ctx, b),
             WidgetRole::Toggle};
    t.selected = mConfig.bandUnlocked(b);
    t.enabled = !mConfig.bandsFixed;
    out.push_back(t);
  }
  y += rowH + gap;
  Widget lock{"lock", Rect{x, y, std::floor((w - bandGap) / 2), rowH},
              ctx.tr(mConfig.lock ? "settings.on" : "settings.off"), WidgetRole::Toggle};
  lock.selected = mConfig.lock;
  lock.enabled = !mConfig.lockFixed;
  out.push_back(lock);
  y += rowH + gap * 2.5f;
  // Other teacher tools along the bottom, in two rows of three.
  const char* tools[] = {"class-lesson", "aup-records", "picture-passwords",
                         "packs",        "change-pin",  "quit"};
  const char* labels[] = {"class-lesson.button", "teacher.aup-records", "teacher.picture-passwords",
                          "teacher.packs",       "teacher.change-pin",  "teacher.quit"};
  const float toolW = std::floor((content.w - 2 * bandGap) / 3);
  for (int i = 0; i < 6; ++i) {
    const float tx = content.x + static_cast<float>(i % 3) * (toolW + bandGap);
    const float ty = y + static_cast<float>(i / 3) * (rowH + gap);
    out.push_back(
        Widget{tools[i], Rect{tx, ty, toolW, rowH}, ctx.tr(labels[i]), WidgetRole::Button});
  }
}

void TeacherSettingsScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                 const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx, ctx.tr("teacher.title"), widgets);
  const Rect content = mContent;
  const float labelW = std::round(content.w * 0.3f);
  const FontSpec labelFont = ctx.fixedFont(text_size::kBody, FontWeight::Bold);
  const FontSpec fieldFont = ctx.fixedFont(text_size::kDetail);
  const FontMetrics fm = ctx.text.metrics(fieldFont);
  auto rowLabel = [&](const char* id, const Rect& row, bool fixed) {
    const bool atStart =
        std::string_view(id) == "teacher.data-folder" && mConfig.dataDirFromCommandLine;
    const std::string label =
        fixed ? ctx.tr(id) + " (" + ctx.tr(atStart ? "teacher.fixed-start" : "teacher.fixed") + ")"
              : ctx.tr(id);
    // A fixed field says why in smaller words, on two lines if need be.
    drawTextBlock(
        ctx, label, fixed ? ctx.fixedFont(text_size::kDetail, FontWeight::Bold) : labelFont,
        Rect{content.x, row.y, labelW - ctx.u(2), row.h}, TextAlign::Left, t.text, 2, true);
  };
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x9C\x94"); // ✔
    } else if (w.role == WidgetRole::Field) {
      rowLabel(w.id == "data-folder" ? "teacher.data-folder" : "teacher.school-folder", w.rect,
               !w.enabled);
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
      // While typing, keep the end (where the caret is) in view; a steady bar, no blinking.
      const std::string text =
          editing ? ellipsize(shown + "|", w.rect.w - 2 * pad, fm, EllipsisAt::Start)
                  : ellipsize(shown, w.rect.w - 2 * pad, fm, EllipsisAt::Start);
      const float top = std::round(w.rect.y + (w.rect.h - fm.lineHeight()) / 2);
      ctx.text.drawLine(text, fieldFont, Point{w.rect.x + pad, top},
                        (w.label.empty() && !editing) || !w.enabled ? t.mutedText : t.text);
    } else if (w.id == "band:eyfs") {
      rowLabel("teacher.bands", w.rect, !w.enabled);
      drawChoiceButton(ctx, w, v);
    } else if (w.id == "lock") {
      rowLabel("teacher.lock", w.rect, !w.enabled);
      drawChoiceButton(ctx, w, v);
    } else if (w.role == WidgetRole::Toggle) {
      drawChoiceButton(ctx, w, v);
    } else {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    }
  }
  // A line for what just happened, or how to type a folder.
  const Widget* quit = findWidget(widgets, "quit");
  if (quit != nullptr) {
    std::string line = mMessage;
    bool problem = mMessageIsError;
    if (line.empty() && !recordError.empty()) {
      // A record that could not be saved: the teacher sees why (pupils see only a
      // calm "not saved yet").
      line = ctx.trf("teacher.record-error", {{"error", recordError}});
      problem = true;
    }
    if (line.empty()) {
      line = !mEditing.empty() ? ctx.tr("teacher.typing-hint")
                               : ctx.trf("teacher.kept-in", {{"place", mLocation}});
    }
    drawTextBlock(ctx, line, ctx.fixedFont(text_size::kDetail),
                  Rect{content.x, quit->rect.bottom() + ctx.u(2), content.w,
                       std::max(0.0f, content.bottom() - quit->rect.bottom() - ctx.u(2))},
                  TextAlign::Left, problem ? t.problemText : t.mutedText, 2);
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
  } else if (id == "aup-records") {
    host.nav().push(makeAupRecordsScreen(host));
  } else if (id == "picture-passwords") {
    host.nav().push(makePicturePasswordScreen(host));
  } else if (id == "packs") {
    host.nav().push(makePacksPage(host.records()));
  } else if (id == "change-pin") {
    host.nav().push(std::make_unique<TeacherPinScreen>(TeacherPinScreen::Mode::Choose,
                                                       [](UiHost& h) { h.nav().pop(); }));
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
