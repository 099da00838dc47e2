#include "app/script_player.hpp"

namespace sq {

bool ScriptPlayer::load(std::vector<ScriptCommand> commands, std::string screenshotDir,
                        std::string& error) {
  mChords.assign(commands.size(), KeyChord{});
  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (commands[i].kind == ScriptCommand::Kind::Key) {
      std::string why;
      if (!parseKeyChord(commands[i].arg, mChords[i], why)) {
        error = "line " + std::to_string(commands[i].line) + ": " + why;
        return false;
      }
    }
  }
  mCommands = std::move(commands);
  mScreenshotDir = screenshotDir.empty() ? std::string(".") : std::move(screenshotDir);
  return true;
}

void ScriptPlayer::fail(const ScriptTarget& target, const std::string& why) {
  const ScriptCommand& c = mCommands[mIndex];
  mFailure = "line " + std::to_string(c.line) + ": " + std::string(scriptCommandName(c.kind)) +
             " " + c.arg + ": " + why + " (screen: " + target.currentScreen() + ")";
}

void ScriptPlayer::next() {
  ++mIndex;
  mStarted = false;
  mShotRequested = false;
}

int ScriptPlayer::step(ScriptTarget& target, std::uint64_t nowMs) {
  constexpr int kPollMs = 15;
  while (mIndex < mCommands.size() && mFailure.empty()) {
    const ScriptCommand& c = mCommands[mIndex];
    if (!mStarted) {
      mStarted = true;
      mStartedAt = nowMs;
    }
    const std::uint64_t limitMs =
        c.waitSeconds > 0 ? static_cast<std::uint64_t>(c.waitSeconds) * 1000 : kWaitMs;
    const bool timedOut = nowMs - mStartedAt > limitMs;
    switch (c.kind) {
    case ScriptCommand::Kind::Click: {
      const Widget* w = target.settled() ? target.shownWidget(c.arg) : nullptr;
      if (w != nullptr && w->enabled) {
        target.click(Point{w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2});
        next();
        return 0; // the click is handled in the next frame
      }
      if (timedOut) {
        fail(target, w != nullptr ? "the widget stayed disabled for 5 s"
                                  : "no such widget appeared within 5 s");
        return -1;
      }
      return kPollMs;
    }
    case ScriptCommand::Kind::Key:
      target.key(mChords[mIndex]);
      next();
      return 0;
    case ScriptCommand::Kind::Text:
      target.type(c.arg);
      next();
      return 0;
    case ScriptCommand::Kind::Resize:
      target.resize(c.width, c.height);
      next();
      return 0;
    case ScriptCommand::Kind::WaitScreen:
      if (target.settled() && target.currentScreen() == c.arg) {
        next();
        continue;
      }
      if (timedOut) {
        fail(target, "the screen did not appear within " + std::to_string(limitMs / 1000) + " s");
        return -1;
      }
      return kPollMs;
    case ScriptCommand::Kind::ExpectText:
      if (target.textOnScreen(c.arg)) {
        next();
        continue;
      }
      // Decided once the screen has caught up with the last input.
      if (target.settled() || timedOut) {
        fail(target, "that text is not on the screen");
        return -1;
      }
      return kPollMs;
    case ScriptCommand::Kind::ExpectNarration:
    case ScriptCommand::Kind::ExpectNoNarration: {
      // Asked for as the key was handled, so no frame needs waiting for.
      const std::string asked = target.narrationAsked();
      const bool wanted = c.kind == ScriptCommand::Kind::ExpectNarration
                              ? asked.find(c.arg) != std::string::npos
                              : asked.empty();
      if (wanted) {
        next();
        continue;
      }
      if (target.settled() || timedOut) {
        fail(target,
             asked.empty() ? "no narration was asked for" : "the narration asked for is " + asked);
        return -1;
      }
      return kPollMs;
    }
    case ScriptCommand::Kind::Screenshot: {
      if (!mShotRequested) {
        std::string name = c.arg;
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".png") != 0) {
          name += ".png";
        }
        target.requestScreenshot(mScreenshotDir + "/" + name);
        mShotRequested = true;
        return 0;
      }
      std::string error;
      const int r = target.screenshotResult(error);
      if (r < 0) {
        fail(target, error);
        return -1;
      }
      if (r == 0) {
        return 0;
      }
      next();
      continue;
    }
    }
  }
  return -1;
}

} // namespace sq
