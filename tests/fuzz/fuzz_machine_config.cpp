// libFuzzer target for the three settings files SafeQuest reads from disk. The
// same bytes go to each reader:
//   - the machine configuration (parseConfig), then resolveConfig with it as the
//     machine layer;
//   - a pupil's preferences (parsePupilPreferences), resolved for every band;
//   - the teacher PIN lockout state (PinLockout::fromJson), queried and stepped.
// None may throw, crash or hit undefined behaviour (ASan and UBSan watch), and the
// checks below catch results that break the readers' own promises:
//   - every diagnostic has a message, valid UTF-8, and a pointer that is empty or
//     starts with '/';
//   - every value read is within its documented range, and no field is both set
//     and refused;
//   - writing what was read and reading it back gives the same, with no errors;
//   - a field the machine file names is locked, whatever the user's file says;
//   - a lock never lasts longer than the policy's maximum, whatever the state.
// No PIN is hashed or verified here: that is libsodium's work, and slow by design.
// Run: build/settings-fuzz/fuzz_machine_config -dict=tests/settings/machine_config.dict CORPUS_DIR
#include "core/utf8.hpp"
#include "settings/machine_config.hpp"
#include "settings/pupil_settings.hpp"
#include "settings/teacher_pin.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_machine_config: %s\n", what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  %s\n", detail.c_str());
  }
  std::abort();
}

void checkDiagnostics(const sq::Diagnostics& diags) {
  int errors = 0;
  for (const sq::Diagnostic& d : diags.all()) {
    const std::string line = sq::formatDiagnostic(d);
    if (d.message.empty() || !sq::isValidUtf8(line)) {
      broken("a diagnostic has no message or is not UTF-8", line);
    }
    if (!d.pointer.empty() && d.pointer.front() != '/') {
      broken("a pointer does not start with '/'", line);
    }
    errors += d.severity == sq::Severity::Error ? 1 : 0;
  }
  if (errors != diags.errorCount()) {
    broken("errorCount() disagrees with the diagnostics");
  }
}

void checkConfig(std::string_view text) {
  sq::Diagnostics diags;
  const sq::ConfigLayer layer = sq::parseConfig(text, "config.json", diags);
  checkDiagnostics(diags);
  for (sq::ConfigField f : sq::allConfigFields()) {
    if (layer.sets(f) && layer.refused.count(f) > 0) {
      broken("a field is both set and refused", std::string(sq::configFieldKey(f)));
    }
  }
  if (!diags.hasErrors() && !layer.refused.empty()) {
    broken("a field was refused without an error");
  }
  for (const auto* folder : {&layer.dataFolder, &layer.schoolFolder}) {
    if (*folder && (folder->value().empty() || !std::filesystem::path(**folder).is_absolute())) {
      broken("a folder was accepted that is empty or not a full path", **folder);
    }
  }
  if (layer.teacherPinHash && sq::pinHashProblem(*layer.teacherPinHash)) {
    broken("an unusable PIN hash was accepted");
  }
  if (layer.retentionYears && (*layer.retentionYears < sq::kMinRetentionYears ||
                               *layer.retentionYears > sq::kMaxRetentionYears)) {
    broken("retentionYears out of range");
  }
  if (layer.language && *layer.language != "en" && *layer.language != "cy") {
    broken("an unknown language was accepted", *layer.language);
  }
  if (layer.unlockedBands) {
    const auto& b = *layer.unlockedBands;
    for (std::size_t i = 1; i < b.size(); ++i) {
      if (!(b[i - 1] < b[i])) {
        broken("unlockedBands is not sorted without repeats");
      }
    }
  }

  // Round trip: what was read, written and read again, is the same and clean.
  sq::ConfigLayer clean = layer;
  clean.refused.clear();
  const std::string written = sq::configJson(clean);
  sq::Diagnostics again;
  const sq::ConfigLayer reread = sq::parseConfig(written, "written.json", again);
  if (!again.all().empty()) {
    broken("the written configuration has diagnostics", written);
  }
  if (reread != clean) {
    broken("the configuration changed in a write and read", written);
  }

  // Machine wins: a user layer that sets everything cannot change a named field.
  sq::ConfigLayer user;
  user.dataFolder = "/user/data";
  user.schoolFolder = "/user/school";
  user.retentionYears = 7;
  user.fullScreenLock = !layer.fullScreenLock.value_or(false);
  user.unlockedBands = std::vector<sq::Band>{sq::Band::Uks2};
  user.language = "cy";
  const sq::EffectiveConfig e = sq::resolveConfig(layer, user, sq::ConfigDefaults{});
  for (sq::ConfigField f : sq::allConfigFields()) {
    if (layer.names(f) != e.isLocked(f)) {
      broken("a field named by the machine file is not locked (or the reverse)",
             std::string(sq::configFieldKey(f)));
    }
  }
  if (layer.names(sq::ConfigField::FullScreenLock) &&
      e.fullScreenLock.value != layer.fullScreenLock.value_or(false)) {
    broken("the user's file changed a locked full-screen lock");
  }
}

void checkPupil(std::string_view text) {
  sq::Diagnostics diags;
  const sq::PupilPreferences prefs = sq::parsePupilPreferences(text, "pupil.json", diags);
  checkDiagnostics(diags);
  if (prefs.scanIntervalMs &&
      (*prefs.scanIntervalMs < sq::kMinScanIntervalMs ||
       *prefs.scanIntervalMs > sq::kMaxScanIntervalMs || *prefs.scanIntervalMs % 100 != 0)) {
    broken("scanIntervalMs out of range", std::to_string(*prefs.scanIntervalMs));
  }
  const std::string written = sq::pupilPreferencesJson(prefs);
  sq::Diagnostics again;
  const sq::PupilPreferences reread = sq::parsePupilPreferences(written, "written.json", again);
  if (!again.all().empty() || !(reread == prefs)) {
    broken("pupil preferences changed in a write and read", written);
  }
  for (sq::Band band : {sq::Band::Eyfs, sq::Band::Ks1, sq::Band::Lks2, sq::Band::Uks2}) {
    const sq::PupilSettings s = sq::resolvePupilSettings(prefs, band);
    sq::PupilPreferences remembered = prefs;
    sq::rememberChoices(remembered, s, band);
    if (!(remembered == prefs)) {
      broken("remembering the settings already in force changed the preferences");
    }
  }
}

void checkLockout(std::string_view text) {
  sq::Diagnostics diags;
  sq::PinLockout lockout = sq::PinLockout::fromJson(text, "lockout.json", diags);
  checkDiagnostics(diags);
  sq::Diagnostics again;
  const sq::PinLockout reread = sq::PinLockout::fromJson(lockout.toJson(), "written.json", again);
  if (!again.all().empty() || !(reread.state() == lockout.state())) {
    broken("the lockout state changed in a write and read", lockout.toJson());
  }
  const auto& s = lockout.state();
  const std::int64_t max = lockout.policy().maxLockSeconds;
  const std::int64_t times[] = {std::numeric_limits<std::int64_t>::min(),
                                -1,
                                0,
                                s.lockedAt - 1,
                                s.lockedAt,
                                s.lockedAt + s.lockSeconds,
                                s.lastWrongAt + 86'400,
                                sq::kMaxLockoutTime,
                                std::numeric_limits<std::int64_t>::max()};
  for (std::int64_t now : times) {
    const std::int64_t left = lockout.secondsLeft(now);
    if (left < 0 || left > max) {
      broken("a lock is negative or longer than the maximum", std::to_string(left));
    }
    if ((left > 0) != (lockout.triesLeft(now) == 0)) {
      broken("locked but tries are left (or the reverse)");
    }
  }
  // A few wrong tries in a row, a second apart, then a right one.
  std::int64_t now = s.lastWrongAt;
  for (int i = 0; i < 8; ++i, ++now) {
    lockout.recordWrong(now);
    const std::int64_t left = lockout.secondsLeft(now);
    if (left < 0 || left > max) {
      broken("a lock after a wrong try is out of range", std::to_string(left));
    }
  }
  lockout.recordRight();
  if (lockout.isLocked(now) || lockout.triesLeft(now) != lockout.policy().triesBeforeLock) {
    broken("a right PIN did not clear the lockout");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  checkConfig(text);
  checkPupil(text);
  checkLockout(text);
  return 0;
}
