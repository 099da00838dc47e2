// Navigation: the screens' Navigator (ui/services) over the app's ScreenStack.
// Every move is a request the stack applies once the current input has been
// handled; quit() only raises a flag the frame loop reads.
// Depends on: ui/screen_stack, ui/services.
#pragma once

#include "ui/screen_stack.hpp"
#include "ui/services.hpp"

#include <memory>
#include <utility>

namespace sq {

class Navigation final : public Navigator {
public:
  explicit Navigation(ScreenStack& stack) : mStack(stack) {}

  void push(std::unique_ptr<Screen> screen) override { mStack.requestPush(std::move(screen)); }
  void pop() override { mStack.requestPop(); }
  void replaceTop(std::unique_ptr<Screen> screen) override {
    mStack.requestReplaceTop(std::move(screen));
  }
  void resetTo(std::unique_ptr<Screen> screen) override {
    mStack.requestResetTo(std::move(screen));
  }
  void quit() override { mQuit = true; }
  bool quitRequested() const { return mQuit; }

private:
  ScreenStack& mStack;
  bool mQuit = false;
};

} // namespace sq
