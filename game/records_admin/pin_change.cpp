// Changing the teacher PIN, and the forgotten-PIN help (see pin_change.hpp).
#include "records_admin/pin_change.hpp"

#include "results/pin_guard.hpp"
#include "settings/pin_rules.hpp"
#include "settings/teacher_pin.hpp"

namespace sq::admin {

namespace {

// "a PIN is 4 to 8 digits" -> "A PIN is 4 to 8 digits."
std::string sentence(std::string_view words) {
  std::string out(words);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  if (!out.empty() && out.back() != '.') {
    out.push_back('.');
  }
  return out;
}

PinChangeOutcome notChanged(const char* field, std::string message) {
  PinChangeOutcome out;
  out.field = field;
  out.message = "The PIN was not changed: " + std::move(message);
  return out;
}

} // namespace

bool pinSetByIt(const ConfigLoad& config) {
  return config.effective.teacherPinHash.locked();
}

PinChangeOutcome checkPinForm(const PinChangeForm& form, bool pinSet) {
  if (pinSet && form.oldPin.empty()) {
    return notChanged("pin-old", "type the PIN you use now first.");
  }
  if (pinSet && !isValidPin(form.oldPin)) {
    return notChanged("pin-old", "the PIN you use now is 4 to 8 digits, nothing else.");
  }
  if (const PinWeakness weak = pinWeakness(form.newPin); weak != PinWeakness::None) {
    return notChanged("pin-new", sentence(pinWeaknessMessage(weak)));
  }
  if (form.again != form.newPin) {
    return notChanged("pin-again", "the new PIN and the one typed again are not the same. Type "
                                   "the new PIN twice, the same both times.");
  }
  if (pinSet && form.oldPin == form.newPin) {
    return notChanged("pin-new", "the new PIN is the one you use now. Choose a different one.");
  }
  return {};
}

PinChangeOutcome changeTeacherPin(const PinChangeForm& form, const ConfigLoad& config,
                                  const std::string& recordsDir, const std::string& settingsDir,
                                  std::int64_t now) {
  const bool pinSet = pinState(config.effective) == PinState::Set;
  if (pinSetByIt(config)) {
    return notChanged("pin-old", "IT set the teacher PIN for this computer, in " +
                                     config.machinePath + ", so only IT can change it there.");
  }
  if (PinChangeOutcome problem = checkPinForm(form, pinSet); !problem.field.empty()) {
    return problem;
  }
  PinGuardOptions options;
  options.legacyLockoutFile = pinLockoutPath(settingsDir);
  const PinChange change =
      PinGuard(recordsDir, options)
          .change(pinSet ? form.oldPin : std::string(), form.newPin, config.effective,
                  PinTarget{userConfigPath(settingsDir), false}, now);
  switch (change.result) {
  case PinChangeResult::Changed:
    break;
  case PinChangeResult::Weak:
    return notChanged("pin-new", sentence(change.message));
  case PinChangeResult::WrongOldPin:
    return notChanged("pin-old", "the PIN you use now is not right. Wrong PINs count towards "
                                 "the lock, as at the PIN prompt.");
  case PinChangeResult::LockedOut:
    return notChanged("pin-old", "too many wrong PINs: it is locked for " +
                                     std::to_string(change.secondsLeft) +
                                     " seconds. Try again after that.");
  case PinChangeResult::Blocked:
    return notChanged("pin-old", "the PIN's lock cannot be trusted. " + pinBlockedHelp());
  case PinChangeResult::MachineSetsPin:
    return notChanged("pin-old", "IT set the teacher PIN for this computer, in " +
                                     config.machinePath + ", so only IT can change it there.");
  case PinChangeResult::Failed:
    return notChanged("pin-new", sentence(change.message) + " The PIN you use now still works.");
  }
  PinChangeOutcome out;
  out.changed = true;
  out.message = "The teacher PIN is changed: use the new PIN from now on, in the game and here.";
  if (!change.message.empty()) {
    // The PIN changed, but the signing key could not be sealed under it.
    out.message += " But " + change.message +
                   ". Until that is done, erasing pupils and publishing the class list need "
                   "the old PIN's key.";
  }
  return out;
}

std::vector<std::string> forgottenPinHelp(const ConfigLoad& config) {
  const std::string& path = config.machinePath;
  std::vector<std::string> out;
  out.push_back("Nobody can read the PIN back: SafeQuest keeps only a scrambled copy of it.");
  out.push_back("Locked after wrong tries? It opens again by itself, after 1 to 15 minutes." +
                std::string(pinSetByIt(config)
                                ? " IT can open it at once with: safequest-cli pin unlock"
                                : ""));
  out.push_back("Forgotten it? IT can set a new PIN for this computer without the old one, in "
                "the machine configuration (" +
                path + "), with: safequest-cli pin set --config " + path +
                " That PIN wins over the one set here, and starts with no lock.");
  out.push_back("The teacher's key (it signs erasures and the class list sent to the other PCs) "
                "stays sealed with the old PIN. If someone remembers the old PIN, IT runs "
                "safequest-cli teacher-key reseal and types the old PIN, then the new one. If "
                "nobody does, the key cannot be opened again: erasing pupils and publishing "
                "the class list will not work on this computer, so tell IT.");
  return out;
}

} // namespace sq::admin
