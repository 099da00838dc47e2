#include "editor_pin_gate.hpp"
#include "imgui_helpers.hpp"

#include "editor_script.hpp"
#include "results/pin_guard.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <ctime>

namespace sq {

namespace {

PinGuard guardFor(const GameSettings& settings) {
  PinGuardOptions options;
  options.legacyLockoutFile = pinLockoutPath(settings.settingsDir());
  return PinGuard(settings.recordsDir(), options);
}

std::string waitText(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60;
  const std::int64_t rest = seconds % 60;
  if (minutes == 0) {
    return std::to_string(rest) + (rest == 1 ? " second" : " seconds");
  }
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes") +
         (rest == 0 ? "" : " " + std::to_string(rest) + " s");
}

} // namespace

PinGate::PinGate(const std::string& machineConfigPath, const std::string& settingsDir,
                 const std::string& dataOverride)
    : mSettings(machineConfigPath, settingsDir, dataOverride) {
  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  const PinGuardAnswer status = guardFor(mSettings).status(mSettings.effective(), now);
  mPinSet = status.result != PinCheck::NotSet;
  mLocked = mPinSet;
  if (mLocked && status.result != PinCheck::Accepted) {
    describe(status, now); // locked out, blocked or unusable from the start
  }
}

void PinGate::describe(const PinGuardAnswer& a, std::int64_t now) {
  mProblem.clear();
  switch (a.result) {
  case PinCheck::Accepted:
    mLocked = false;
    mMessage.clear();
    break;
  case PinCheck::Wrong:
    if (a.secondsLeft > 0) {
      mLockedUntil = now + a.secondsLeft; // that try began a pause
    }
    mMessage =
        "That is not the PIN. " +
        (a.triesLeft > 0 ? std::to_string(a.triesLeft) +
                               (a.triesLeft == 1 ? " more try" : " more tries") + " before a pause."
                         : std::string("Check it and try again."));
    break;
  case PinCheck::LockedOut:
    mLockedUntil = now + a.secondsLeft;
    mMessage = "Too many wrong tries.";
    break;
  case PinCheck::NotSet:
    mLocked = false;
    mMessage.clear();
    break;
  case PinCheck::Unusable:
    mProblem = "The PIN set for this computer cannot be used. Ask IT to set it again.";
    break;
  case PinCheck::Blocked:
    mProblem = a.problem + " " + pinBlockedHelp();
    break;
  }
}

void PinGate::submit(std::int64_t now) {
  if (mEntry.size() < kMinPinDigits) {
    mMessage = "A PIN has at least " + std::to_string(kMinPinDigits) + " digits.";
    return;
  }
  mSettings.reload(); // IT may have set the PIN since the editor started
  const PinGuardAnswer answer = guardFor(mSettings).check(mEntry, mSettings.effective(), now);
  if (answer.result == PinCheck::Accepted) {
    mAcceptedPin = mEntry; // the records' teacher key is sealed under it
  }
  mEntry.clear();
  describe(answer, now);
}

void PinGate::draw(const Theme& theme, ImFont* bigFont, std::int64_t now) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("Teacher PIN", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  const bool waiting = mLockedUntil > now;
  const bool canType = mProblem.empty() && !waiting;
  // Typed digits, Backspace and Return, whatever has the keyboard focus.
  if (canType) {
    for (const ImWchar c : io.InputQueueCharacters) {
      if (c >= '0' && c <= '9' && mEntry.size() < kMaxPinDigits) {
        mEntry.push_back(static_cast<char>(c));
      }
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !mEntry.empty()) {
      mEntry.pop_back();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
      submit(now);
    }
  }

  const float unit = ImGui::GetFontSize();
  const float columnW = unit * 16;
  const float left = std::max(unit, (io.DisplaySize.x - columnW) / 2);
  ImGui::SetCursorPos(ImVec2(left, std::max(unit, io.DisplaySize.y * 0.07f)));
  ImGui::BeginGroup();
  if (bigFont != nullptr) {
    ImGui::PushFont(bigFont);
  }
  ImGui::TextUnformatted("Teacher PIN");
  if (bigFont != nullptr) {
    ImGui::PopFont();
  }
  ImGui::PushTextWrapPos(left + columnW);
  ImGui::TextWrapped("The lesson editor is for teachers. Type the teacher PIN, the same as in "
                     "the game's teacher settings.");
  ImGui::Spacing();

  // The digits, masked: a filled dot for each one typed, rings for the rest of four.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = unit * 0.55f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::size_t shown = std::max<std::size_t>(mEntry.size(), kMinPinDigits);
  const ImU32 ink = ImGui::GetColorU32(toImGui(theme.text));
  for (std::size_t i = 0; i < shown; ++i) {
    const ImVec2 c(at.x + r + static_cast<float>(i) * r * 3, at.y + r + 2);
    if (i < mEntry.size()) {
      draw->AddCircleFilled(c, r, ink);
    } else {
      draw->AddCircle(c, r, ink, 0, 2.0f);
    }
  }
  ImGui::Dummy(ImVec2(static_cast<float>(kMaxPinDigits) * r * 3, r * 2 + 4));
  nameItem("pin-digits");
  // Under the digits, where the eye is: what went wrong, else how many are typed.
  if (!mProblem.empty() || waiting || !mMessage.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    if (!mProblem.empty()) {
      ImGui::TextWrapped("%s", mProblem.c_str());
    } else if (waiting) {
      ImGui::TextWrapped("Too many wrong tries. Try again in %s.",
                         waitText(mLockedUntil - now).c_str());
    } else {
      ImGui::TextWrapped("%s", mMessage.c_str());
    }
    ImGui::PopStyleColor();
  } else {
    ImGui::Text("%d of %d to %d digits", static_cast<int>(mEntry.size()),
                static_cast<int>(kMinPinDigits), static_cast<int>(kMaxPinDigits));
  }
  ImGui::Spacing();

  // The keypad, for a mouse or a touch screen: 1-9, then Clear, 0, OK.
  ImGui::BeginDisabled(!canType);
  const ImVec2 key(unit * 4.2f, unit * 2.3f);
  const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) {
      ImGui::SameLine();
    }
    const std::string label = labels[i];
    if (bigFont != nullptr && label.size() == 1) {
      ImGui::PushFont(bigFont);
    }
    const bool pressed = ImGui::Button(label.c_str(), key);
    if (bigFont != nullptr && label.size() == 1) {
      ImGui::PopFont();
    }
    nameItem("pin-key:" + label);
    if (!pressed) {
      continue;
    }
    if (label == "Clear") {
      mEntry.clear();
    } else if (label == "OK") {
      submit(now);
    } else if (mEntry.size() < kMaxPinDigits) {
      mEntry += label;
    }
  }
  ImGui::EndDisabled();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("Forgotten it? IT can set a new one with safequest-cli pin.");
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::End();
}

} // namespace sq
