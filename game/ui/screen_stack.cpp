// The screen stack (see screen_stack.hpp): navigation, layout passes and focus,
// pressing, the input events, scanning and drawing.
//
// Sections:
//   1. navigation: push, pop, replace, reset, and the queued requests
//   2. layout and focus: layout passes, where focus starts, the focus ring
//   3. pressing: a widget pressed by key, pointer, switch or script
//   4. input: keys, typed text, pointer, touch, dragging, the wheel
//   5. scanning and drawing: the switch's steps, and one frame
#include "ui/screen_stack.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/focus.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace sq {

namespace {

// The keys that are the keyboard's way round a screen: using one turns the focus
// ring on (a letter, F11 or a screenshot's F12 does not).
bool movesFocus(Key k) {
  switch (k) {
  case Key::Tab:
  case Key::Up:
  case Key::Down:
  case Key::Left:
  case Key::Right:
  case Key::Enter:
  case Key::Space:
  case Key::Escape:
  case Key::PageUp:
  case Key::PageDown:
    return true;
  default:
    return false;
  }
}

} // namespace

// ---- navigation ----

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
    mEntries.back().revealed = true; // its focus is looked at again (settleFocus)
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

// ---- layout and focus ----

const WidgetList& ScreenStack::layout(const UiContext& ctx) {
  mWidgets.clear();
  mLayoutStale = false;
  mLayoutKey = LayoutKey{ctx.viewport, ctx.textScale, ctx.family, &ctx.theme, ctx.strings};
  ++mLayoutPasses;
  if (Screen* s = top()) {
    s->layout(ctx, mWidgets);
    if (s->pupilScreen()) {
      // Chrome, and last in the Tab order: never an arrow's target.
      mWidgets.push_back(butterflyWidget(ctx));
    }
    for (Widget& w : mWidgets) {
      w.part = chromeFocusPart(ctx, w);
    }
    settleFocus();
  }
  return mWidgets;
}

void ScreenStack::settleFocus() {
  if (mEntries.empty()) {
    return;
  }
  Entry& e = mEntries.back();
  // A screen that moves focus with keys of its own (a clicker's PageDown): the
  // ring follows it.
  if (const std::string own = e.screen->ownFocus();
      !own.empty() && indexOfWidget(mWidgets, own) >= 0) {
    e.focused = own;
  }
  const int i = e.focused.empty() ? -1 : indexOfWidget(mWidgets, e.focused);
  // Gone from the layout, or no longer pressable: the screen, step or question
  // has moved on. Back on top with focus on the chrome (the butterfly, back):
  // start again on the content, so Return does not press it a second time.
  const bool gone = i < 0 || !mWidgets[static_cast<std::size_t>(i)].enabled;
  const bool onChrome = e.revealed && i >= 0 && !arrowTarget(mWidgets[static_cast<std::size_t>(i)]);
  e.revealed = false;
  if (gone || onChrome) {
    const int first = initialFocus(mWidgets, e.screen->firstFocus());
    e.focused = first >= 0 ? mWidgets[static_cast<std::size_t>(first)].id : std::string();
  }
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

void ScreenStack::setFocus(int index) {
  if (mEntries.empty() || index < 0) {
    return;
  }
  mEntries.back().focused = mWidgets[static_cast<std::size_t>(index)].id;
}

std::string ScreenStack::focusedId() const {
  return mEntries.empty() ? std::string() : mEntries.back().focused;
}

bool ScreenStack::focusVisible() const {
  return mKeyboard && focusIndex() >= 0;
}

std::vector<int> ScreenStack::scanTargets() const {
  // The Tab order, from where focus starts: the content first, the butterfly last.
  std::vector<int> order = tabOrder(mWidgets);
  const Screen* s = top();
  const int first = initialFocus(mWidgets, s != nullptr ? s->firstFocus() : std::string());
  const auto at = std::find(order.begin(), order.end(), first);
  if (at != order.end()) {
    std::rotate(order.begin(), at, order.end());
  }
  return order;
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
  if (focusVisible()) {
    v.focused = focusedId();
    v.focusVisible = true;
  }
  return v;
}

// ---- pressing ----

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

// ---- input ----

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
          if (movesFocus(e.key)) {
            mKeyboard = true; // the ring shows, and stays, until the pointer is used
          }
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
            setFocus(tabFocus(mWidgets, focusIndex(), e.mods.shift));
            return true;
          case Key::Up:
          case Key::Down:
          case Key::Left:
          case Key::Right: {
            const Direction d = e.key == Key::Up     ? Direction::Up
                                : e.key == Key::Down ? Direction::Down
                                : e.key == Key::Left ? Direction::Left
                                                     : Direction::Right;
            // The first arrow moves, from where focus starts (settleFocus), and
            // only among the content: never onto the chrome.
            const int from = focusIndex();
            setFocus(from >= 0 ? arrowFocus(mWidgets, from, d)
                               : initialFocus(mWidgets, s->firstFocus()));
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
            // The first press presses what has focus, shown or not: focus is
            // always on the content of a new screen, step or question.
            if (focusIndex() >= 0) {
              activate(focusedId(), host, nowMs);
              return true;
            }
            setFocus(initialFocus(mWidgets, s->firstFocus()));
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
          mKeyboard = false; // the pointer is in use: no ring
          if (i >= 0 && arrowTarget(mWidgets[static_cast<std::size_t>(i)])) {
            // The content pressed takes focus; the chrome never keeps it, so a
            // Return later cannot press the butterfly or back again.
            setFocus(i);
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

// ---- scanning and drawing ----

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
