#include "screens/teacher/teacher_pin_screen.hpp"

#include "settings/pin_rules.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

std::unique_ptr<Screen> makeTeacherPinScreen(TeacherAccess& teacher,
                                             TeacherPinScreen::OnAccepted onAccepted) {
  const auto mode =
      teacher.teacherPin().isSet() ? TeacherPinScreen::Mode::Enter : TeacherPinScreen::Mode::Choose;
  return std::make_unique<TeacherPinScreen>(mode, std::move(onAccepted));
}

void TeacherPinScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = contentArea(ctx); // for draw()
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  // Dots and the message (wrapped, as many lines as it takes) above a 3 x 4
  // keypad of big square-ish keys, which give up height to a long message.
  // The dots' row is as draw() puts it: 1 unit down, 3.6 units tall.
  const float messageTop = std::round(content.y + ctx.u(1)) + std::round(ctx.u(3.6f)) + ctx.u(1.5f);
  const float messageH = textBlockHeight(ctx, message(ctx), ctx.font(text_size::kBody), content.w);
  mMessageBox = Rect{content.x, messageTop, content.w, messageH};
  const float top =
      std::max(std::round(content.y + ctx.u(15)), std::round(messageTop + messageH + ctx.u(1.5f)));
  const float gap = std::round(ctx.u(metrics::kGap));
  const float keyH = std::floor((content.bottom() - top - 3 * gap) / 4);
  const float keyW = std::round(std::min(ctx.u(26), keyH * 1.6f));
  const float left = std::round(content.x + (content.w - 3 * keyW - 2 * gap) / 2);
  const char* order[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"};
  for (int i = 0; i < 12; ++i) {
    const Rect r{left + static_cast<float>(i % 3) * (keyW + gap),
                 top + static_cast<float>(i / 3) * (keyH + gap), keyW, keyH};
    const std::string k = order[i];
    if (k == "delete") {
      out.push_back(Widget{"delete", r, ctx.tr("pin.delete"), WidgetRole::Key});
    } else if (k == "ok") {
      Widget ok{"ok", r, ctx.tr("pin.ok"), WidgetRole::Key};
      ok.enabled = mEntry.size() >= kMinDigits;
      out.push_back(ok);
    } else {
      out.push_back(Widget{"digit:" + k, r, k, WidgetRole::Key});
    }
  }
}

void TeacherPinScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const char* title = mMode == Mode::Enter    ? "pin.title"
                      : mMode == Mode::Choose ? "pin.choose-title"
                                              : "pin.confirm-title";
  drawTitle(ctx, ctx.tr(title), widgets);
  const Rect content = mContent;
  // One dot per digit typed (the digits themselves are never shown).
  const float dot = std::round(ctx.u(3.6f));
  const float gap = std::round(ctx.u(2.2f));
  const auto slots = static_cast<float>(std::max<std::size_t>(kMinDigits, mEntry.size()));
  const float total = slots * dot + (slots - 1) * gap;
  const float y = std::round(content.y + ctx.u(1));
  for (std::size_t i = 0; i < static_cast<std::size_t>(slots); ++i) {
    const Rect d{
        std::round(content.x + (content.w - total) / 2 + static_cast<float>(i) * (dot + gap)), y,
        dot, dot};
    if (i < mEntry.size()) {
      ctx.renderer.fillRoundedRect(d, dot / 2, t.text);
    } else {
      ctx.renderer.strokeRoundedRect(d, dot / 2, std::max(1.0f, std::round(ctx.u(0.4f))),
                                     t.mutedText);
    }
  }
  drawTextBlock(ctx, message(ctx), ctx.font(text_size::kBody), mMessageBox, TextAlign::Centre,
                mMessageIsError ? t.problemText : t.mutedText);
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "ok") {
      drawButton(ctx, w, v, w.enabled ? ButtonStyle::Primary : ButtonStyle::Normal);
    } else if (w.id == "delete") {
      // The key shows the symbol only; its label stays its accessible name.
      const Rect in = drawTileCard(ctx, w, v);
      drawIcon(ctx, "\xE2\x8C\xAB", in, 6.0f, t.text); // ⌫
    } else if (WidgetId::parse(w.id).is("digit")) {
      const Rect in = drawTileCard(ctx, w, v);
      drawIcon(ctx, w.label, in, 7.0f, t.text);
    }
  }
}

std::string TeacherPinScreen::message(const UiContext& ctx) const {
  if (!mMessage.empty()) {
    return mMessage;
  }
  return ctx.tr(mMode == Mode::Enter ? "pin.hint" : "pin.choose-hint");
}

void TeacherPinScreen::submit(UiHost& host) {
  mTyping = false;
  if (mEntry.size() < kMinDigits) {
    return;
  }
  const std::string entry = std::move(mEntry);
  mEntry.clear();
  mMessageIsError = false;
  switch (mMode) {
  case Mode::Enter: {
    const PinResult c = host.teacher().teacherPin().verify(entry);
    switch (c.result) {
    case PinResult::Result::Accepted:
      mOnAccepted(host);
      return;
    case PinResult::Result::Wrong:
      mMessage = host.strings().tr("pin.wrong");
      break;
    case PinResult::Result::LockedOut:
      mMessage = host.strings().trf(
          "pin.locked", {{"minutes", std::to_string(std::max(1, (c.waitSeconds + 59) / 60))}});
      break;
    case PinResult::Result::NotSet:
      mMode = Mode::Choose;
      mMessage.clear();
      return;
    case PinResult::Result::Unusable:
      mMessage = host.strings().tr("pin.unusable");
      break;
    case PinResult::Result::Blocked:
      mMessage = host.strings().tr("pin.blocked");
      break;
    case PinResult::Result::Failed:
      mMessage = host.strings().trf("pin.failed", {{"error", c.error}});
      break;
    }
    mMessageIsError = true;
    return;
  }
  case Mode::Choose:
    // Refused here, before it is typed twice, with the reason and what to choose.
    if (const PinWeakness weak = pinWeakness(entry); weak != PinWeakness::None) {
      mMessage = host.strings().tr(pinWeaknessStringId(weak));
      mMessageIsError = true;
      return;
    }
    mFirst = entry;
    mMode = Mode::Confirm;
    mMessage = host.strings().tr("pin.confirm-hint");
    return;
  case Mode::Confirm: {
    if (entry != mFirst) {
      mMode = Mode::Choose;
      mFirst.clear();
      mMessage = host.strings().tr("pin.mismatch");
      mMessageIsError = true;
      return;
    }
    std::string error;
    if (!host.teacher().teacherPin().set(entry, error)) {
      mMode = Mode::Choose;
      mMessage = host.strings().trf("pin.failed", {{"error", error}});
      mMessageIsError = true;
      return;
    }
    mOnAccepted(host);
    return;
  }
  }
}

void TeacherPinScreen::activate(std::string_view widgetId, UiHost& host) {
  mTyping = false;
  const std::string id(widgetId);
  if (id == "back") {
    host.nav().pop();
  } else if (id == "delete") {
    if (!mEntry.empty()) {
      mEntry.pop_back();
    }
  } else if (id == "ok") {
    submit(host);
  } else if (WidgetId::parse(id).is("digit") && mEntry.size() < kMaxDigits) {
    mEntry += WidgetId::parse(id).value;
  }
}

bool TeacherPinScreen::text(std::string_view utf8, UiHost& host) {
  (void)host;
  bool used = false;
  for (const char c : utf8) {
    if (c >= '0' && c <= '9' && mEntry.size() < kMaxDigits) {
      mEntry += c;
      used = true;
    }
  }
  mTyping = mTyping || used;
  return used;
}

bool TeacherPinScreen::key(const KeyDown& k, UiHost& host) {
  if (k.key == Key::Backspace || k.key == Key::Delete) {
    if (!mEntry.empty()) {
      mEntry.pop_back();
    }
    return true;
  }
  if (k.key == Key::Enter && mTyping) {
    submit(host);
    return true;
  }
  return false;
}

} // namespace sq
