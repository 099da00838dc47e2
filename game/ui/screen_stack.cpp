#include "ui/screen_stack.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/focus.hpp"

#include <cmath>
#include <type_traits>

namespace sq {

void ScreenStack::push(std::unique_ptr<Screen> screen) {
  if (screen) {
    mEntries.push_back(Entry{std::move(screen), {}, false});
    stale();
  }
}

void ScreenStack::pop() {
  // The bottom screen (sign-in) is never popped: there is always something to show.
  if (mEntries.size() > 1) {
    mEntries.pop_back();
    stale();
  }
}

void ScreenStack::replaceTop(std::unique_ptr<Screen> screen) {
  if (!screen) {
    return;
  }
  if (!mEntries.empty()) {
    mEntries.pop_back();
  }
  push(std::move(screen));
}

void ScreenStack::resetTo(std::unique_ptr<Screen> screen) {
  if (!screen) {
    return;
  }
  mEntries.clear();
  push(std::move(screen));
  cancelDrag();
}

void ScreenStack::requestPush(std::unique_ptr<Screen> screen) {
  mRequests.push_back(Request{Request::Kind::Push, std::move(screen)});
}
void ScreenStack::requestPop() {
  mRequests.push_back(Request{Request::Kind::Pop, nullptr});
}
void ScreenStack::requestReplaceTop(std::unique_ptr<Screen> screen) {
  mRequests.push_back(Request{Request::Kind::Replace, std::move(screen)});
}
void ScreenStack::requestResetTo(std::unique_ptr<Screen> screen) {
  mRequests.push_back(Request{Request::Kind::Reset, std::move(screen)});
}

bool ScreenStack::applyRequests(UiHost& host, std::uint64_t nowMs) {
  if (mRequests.empty()) {
    return false;
  }
  stale();
  const Screen* before = top();
  bool revealed = false; // an older screen came back to the top
  // Requests may queue more requests (a resumed screen navigating on): loop.
  for (int round = 0; round < 8 && !mRequests.empty(); ++round) {
    std::vector<Request> requests = std::move(mRequests);
    mRequests.clear();
    for (Request& r : requests) {
      switch (r.kind) {
      case Request::Kind::Push:
        push(std::move(r.screen));
        revealed = false;
        break;
      case Request::Kind::Pop:
        pop();
        revealed = true;
        break;
      case Request::Kind::Replace:
        replaceTop(std::move(r.screen));
        revealed = false;
        break;
      case Request::Kind::Reset:
        resetTo(std::move(r.screen));
        revealed = false;
        break;
      }
    }
    if (revealed && top() != nullptr) {
      top()->resumed(host);
      revealed = false;
    }
  }
  const bool changed = top() != before;
  if (changed) {
    topChanged(nowMs);
  }
  return true;
}

void ScreenStack::topChanged(std::uint64_t nowMs) {
  mPressed.clear();
  mHovered.clear();
  mHold = Hold{};
  mWidgets.clear();
  stale();
  if (mScanner.enabled()) {
    mScanner.restart(nowMs);
  }
}

std::string_view ScreenStack::topId() const {
  return top() != nullptr ? top()->id() : std::string_view();
}

const WidgetList& ScreenStack::layout(const UiContext& ctx) {
  mWidgets.clear();
  mLayoutStale = false;
  mLayoutKey = LayoutKey{ctx.viewport, ctx.textScale, ctx.family, &ctx.theme, ctx.strings};
  ++mLayoutPasses;
  if (Screen* s = top()) {
    s->layout(ctx, mWidgets);
    if (s->pupilScreen()) {
      // Last in the Tab order, so focus starts on the screen's own content.
      mWidgets.push_back(butterflyWidget(ctx));
    }
  }
  return mWidgets;
}

void ScreenStack::ensureLayout(const UiContext& ctx) {
  const LayoutKey key{ctx.viewport, ctx.textScale, ctx.family, &ctx.theme, ctx.strings};
  if (mLayoutStale || !(key == mLayoutKey)) {
    layout(ctx);
  }
}

const std::string& ScreenStack::draggedId() const {
  static const std::string none;
  return mHold.moving ? mHold.id : none;
}

void ScreenStack::cancelDrag() {
  const Hold h = std::move(mHold);
  mHold = Hold{};
  if (h.moving) {
    mPressed.clear();
    if (Screen* s = top()) {
      s->dragCancelled(h.id);
      stale();
    }
  }
}

int ScreenStack::focusIndex() const {
  if (mEntries.empty() || mEntries.back().focused.empty()) {
    return -1;
  }
  return indexOfWidget(mWidgets, mEntries.back().focused);
}

void ScreenStack::setFocus(int index, bool visible) {
  if (mEntries.empty()) {
    return;
  }
  Entry& e = mEntries.back();
  e.focused = index >= 0 ? mWidgets[static_cast<std::size_t>(index)].id : std::string();
  e.focusVisible = visible && index >= 0;
}

std::string ScreenStack::focusedId() const {
  return mEntries.empty() ? std::string() : mEntries.back().focused;
}

bool ScreenStack::focusVisible() const {
  return !mEntries.empty() && mEntries.back().focusVisible;
}

std::vector<int> ScreenStack::scanTargets() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < mWidgets.size(); ++i) {
    if (mWidgets[i].enabled) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

WidgetVisuals ScreenStack::visuals() const {
  WidgetVisuals v;
  v.pressed = mPressed;
  v.hovered = mHovered;
  if (mHold.moving) {
    const int over = widgetAt(mWidgets, mHold.at);
    v.drag = WidgetVisuals::Drag{mHold.id, mHold.at, mHold.grab,
                                 over >= 0 ? mWidgets[static_cast<std::size_t>(over)].id
                                           : std::string()};
  }
  if (mScanner.enabled()) {
    const auto targets = scanTargets();
    if (!targets.empty()) {
      const int i = targets[static_cast<std::size_t>(mScanner.index()) % targets.size()];
      v.focused = mWidgets[static_cast<std::size_t>(i)].id;
      v.focusVisible = true;
    }
    return v;
  }
  if (focusVisible() && focusIndex() >= 0) {
    v.focused = focusedId();
    v.focusVisible = true;
  }
  return v;
}

void ScreenStack::activate(std::string_view id, UiHost& host, std::uint64_t nowMs) {
  Screen* s = top();
  if (s == nullptr) {
    return;
  }
  const Widget* w = findWidget(mWidgets, id);
  if (w == nullptr || !w->enabled) {
    return;
  }
  host.sound().playEffect("press");
  stale();
  if (id == "butterfly") {
    host.askForHelp(s->classHint());
  } else {
    s->activate(id, host);
  }
  applyRequests(host, nowMs);
  if (mScanner.enabled()) {
    mScanner.restart(nowMs); // after a press, start again from the first target
  }
}

void ScreenStack::press(std::string_view id, UiHost& host, std::uint64_t nowMs) {
  activate(id, host, nowMs);
}

bool ScreenStack::handle(const InputEvent& event, const UiContext& ctx, UiHost& host,
                         std::uint64_t nowMs) {
  Screen* s = top();
  if (s == nullptr) {
    return false;
  }
  ensureLayout(ctx);
  return std::visit(
      [&](const auto& e) -> bool {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, KeyDown>) {
          if (e.key == Key::Escape && mHold.moving) {
            cancelDrag(); // Esc puts a dragged widget back
            return true;
          }
          stale();
          if (s->key(e, host)) {
            applyRequests(host, nowMs);
            return true;
          }
          switch (e.key) {
          case Key::Tab:
            setFocus(tabFocus(mWidgets, focusIndex(), e.mods.shift), true);
            return true;
          case Key::Up:
          case Key::Down:
          case Key::Left:
          case Key::Right: {
            const Direction d = e.key == Key::Up     ? Direction::Up
                                : e.key == Key::Down ? Direction::Down
                                : e.key == Key::Left ? Direction::Left
                                                     : Direction::Right;
            int from = focusIndex();
            if (!focusVisible() && from < 0 && !s->firstFocus().empty()) {
              from = indexOfWidget(mWidgets, s->firstFocus());
              setFocus(from, true);
              return true;
            }
            setFocus(focusVisible() ? arrowFocus(mWidgets, from, d) : std::max(0, from), true);
            return true;
          }
          case Key::Enter:
          case Key::Space: {
            if (e.repeat) {
              return false; // a held key presses once
            }
            if (mScanner.enabled()) {
              const auto targets = scanTargets();
              if (!targets.empty()) {
                const int i = targets[static_cast<std::size_t>(mScanner.index()) % targets.size()];
                activate(mWidgets[static_cast<std::size_t>(i)].id, host, nowMs);
              }
              return true;
            }
            if (focusVisible() && focusIndex() >= 0) {
              activate(focusedId(), host, nowMs);
              return true;
            }
            // Nothing focused yet: the first press shows where focus is.
            const int first = s->firstFocus().empty() ? tabFocus(mWidgets, -1, false)
                                                      : indexOfWidget(mWidgets, s->firstFocus());
            setFocus(first, true);
            return true;
          }
          case Key::Escape:
            if (e.repeat) {
              return false;
            }
            if (findWidget(mWidgets, "back") != nullptr) {
              activate("back", host, nowMs);
              return true;
            }
            stale();
            if (s->escape(host)) {
              applyRequests(host, nowMs);
              return true;
            }
            return false;
          case Key::PageDown:
          case Key::PageUp: {
            const char* id = e.key == Key::PageDown ? "next" : "back";
            if (!e.repeat && findWidget(mWidgets, id) != nullptr) {
              activate(id, host, nowMs);
              return true;
            }
            stale();
            return s->pointer(event, ctx);
          }
          default:
            return false;
          }
        } else if constexpr (std::is_same_v<E, TextInput>) {
          stale();
          const bool used = s->text(e.utf8, host);
          applyRequests(host, nowMs);
          return used;
        } else if constexpr (std::is_same_v<E, PointerDown>) {
          if (e.button != PointerButton::Primary) {
            return false;
          }
          cancelDrag();
          const bool scrolled = s->pointer(event, ctx);
          if (scrolled) {
            stale();
            ensureLayout(ctx);
          }
          const Point at{e.x, e.y};
          const int i = widgetAt(mWidgets, at);
          mPressed = i >= 0 ? mWidgets[static_cast<std::size_t>(i)].id : std::string();
          if (i >= 0 && mWidgets[static_cast<std::size_t>(i)].draggable) {
            const Rect& r = mWidgets[static_cast<std::size_t>(i)].rect;
            mHold = Hold{mPressed, at, Point{at.x - r.x, at.y - r.y}, at, false};
          }
          if (i >= 0) {
            // The widget takes focus, but the ring shows only for the keyboard.
            setFocus(i, false);
          }
          return scrolled || i >= 0;
        } else if constexpr (std::is_same_v<E, PointerUp>) {
          if (e.button != PointerButton::Primary) {
            return false;
          }
          const bool scrolled = s->pointer(event, ctx);
          if (scrolled) {
            stale();
          }
          if (mHold.moving) {
            // A drop, never a press: the widget under the pointer is where it went.
            const Hold h = std::move(mHold);
            mHold = Hold{};
            mPressed.clear();
            const int over = widgetAt(mWidgets, Point{e.x, e.y});
            stale();
            s->dropped(h.id, over >= 0 ? mWidgets[static_cast<std::size_t>(over)].id : "", host);
            applyRequests(host, nowMs);
            return true;
          }
          mHold = Hold{};
          const int i = widgetAt(mWidgets, Point{e.x, e.y});
          const std::string pressed = std::move(mPressed);
          mPressed.clear();
          if (i >= 0 && mWidgets[static_cast<std::size_t>(i)].id == pressed) {
            activate(pressed, host, nowMs);
            return true;
          }
          return scrolled || !pressed.empty();
        } else if constexpr (std::is_same_v<E, PointerMove>) {
          bool redraw = s->pointer(event, ctx);
          if (redraw) {
            stale();
          }
          if (!mHold.id.empty()) {
            if (!e.primaryHeld) {
              cancelDrag(); // the button came up somewhere we did not hear of
              redraw = true;
            } else {
              mHold.at = Point{e.x, e.y};
              if (!mHold.moving &&
                  std::hypot(mHold.at.x - mHold.start.x, mHold.at.y - mHold.start.y) >=
                      ctx.u(kDragThreshold)) {
                mHold.moving = true;
                stale();
                s->dragStarted(mHold.id);
              }
              redraw = redraw || mHold.moving;
            }
          }
          if (!e.touch) {
            const int i = widgetAt(mWidgets, Point{e.x, e.y});
            std::string hovered = i >= 0 ? mWidgets[static_cast<std::size_t>(i)].id : std::string();
            if (hovered != mHovered) {
              mHovered = std::move(hovered);
              redraw = true;
            }
          }
          return redraw;
        } else if constexpr (std::is_same_v<E, Wheel>) {
          const bool scrolled = s->pointer(event, ctx);
          if (scrolled) {
            stale();
          }
          return scrolled;
        } else if constexpr (std::is_same_v<E, Resized>) {
          return true;
        } else {
          return false;
        }
      },
      event);
}

bool ScreenStack::tick(std::uint64_t nowMs, const UiContext& ctx) {
  if (!mScanner.enabled()) {
    return false;
  }
  ensureLayout(ctx);
  return mScanner.advance(nowMs, static_cast<int>(scanTargets().size()));
}

void ScreenStack::draw(UiContext& ctx) {
  Screen* s = top();
  if (s == nullptr) {
    return;
  }
  layout(ctx);
  const WidgetVisuals v = visuals();
  s->draw(ctx, mWidgets, v);
  if (s->pupilScreen()) {
    if (const Widget* b = findWidget(mWidgets, "butterfly")) {
      drawButterflyButton(ctx, *b, v);
    }
  }
  if (v.focusVisible) {
    if (const Widget* f = findWidget(mWidgets, v.focused)) {
      drawFocusRing(ctx, f->rect);
    }
  }
}

} // namespace sq
