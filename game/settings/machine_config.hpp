// The configuration behind the teacher settings, in two layers:
//   - the machine configuration, which IT sets once for every user of a PC
//     (/etc/safequest/config.json on Linux, %ProgramData%\SafeQuest\config.json on
//     Windows, or $SAFEQUEST_CONFIG, or a --config FILE option);
//   - the teacher settings file, teacher.json in the user's data folder, which the
//     teacher screens (and `safequest-cli pin set`) write.
// Both hold the same fields. A field the machine configuration names is locked:
// its value wins, and nothing in the user's own files can change it, so a pupil
// can never unlock what IT locked. The file format is documented, with an example,
// in game/settings/README.md.
//
// Both files are outside data. The loader checks the size and the nesting before
// parsing, never throws, type-checks every field and reports every problem as a
// Diagnostic at its JSON pointer; a bad field falls back to its default and a bad
// file never stops the game. No clock is read and nothing here touches SDL.
// Depends on: core (diagnostics, atomic_file), content (Band),
// nlohmann_json (in the .cpp).
#pragma once

#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class ConfigField {
  DataFolder,
  SchoolFolder,
  TeacherPinHash,
  RetentionYears,
  FullScreenLock,
  UnlockedBands,
  Language,
  TeacherPublicKey,
};

// Every field, in file order, and each one's JSON key ("dataFolder", ...).
const std::vector<ConfigField>& allConfigFields();
std::string_view configFieldKey(ConfigField field);

inline constexpr std::int64_t kConfigFormatVersion = 1;
// Retention in academic years: the same bounds as `safequest-cli retention --set-years`.
inline constexpr int kMinRetentionYears = 1;
inline constexpr int kMaxRetentionYears = 10;
inline constexpr int kDefaultRetentionYears = 2;

struct ConfigLimits {
  std::uint64_t maxFileBytes = 64 * 1024;
  int maxDepth = 8;                // the format needs 2
  std::size_t maxPathBytes = 4096; // PATH_MAX on Linux; Windows allows less
  std::size_t maxBandEntries = 16; // there are 4 bands; a few repeats are harmless
};

// One configuration file as read: a value for each field the file sets well.
struct ConfigLayer {
  std::optional<std::string> dataFolder;
  std::optional<std::string> schoolFolder;
  std::optional<std::string> teacherPinHash; // "$argon2id$..." (see teacher_pin.hpp)
  std::optional<int> retentionYears;
  std::optional<bool> fullScreenLock;
  std::optional<std::vector<Band>> unlockedBands; // sorted, no repeats
  std::optional<std::string> language;            // "en" or "cy"
  // The teacher's Ed25519 public key, 64 lowercase hex digits (results/teacher_key).
  // Read from the machine configuration only: in teacher.json it is ignored, since
  // whoever can write that file must not choose whose erasures a PC obeys.
  std::optional<std::string> teacherPublicKey;
  // Fields the file names but whose values were refused (each has a diagnostic).
  std::set<ConfigField> refused;

  bool sets(ConfigField field) const;  // has a good value
  bool names(ConfigField field) const; // has a good value or a refused one
};

bool operator==(const ConfigLayer& a, const ConfigLayer& b);
inline bool operator!=(const ConfigLayer& a, const ConfigLayer& b) {
  return !(a == b);
}

// Reads one configuration file's text. `file` names it in the diagnostics.
ConfigLayer parseConfig(std::string_view text, const std::string& file, Diagnostics& diags,
                        const ConfigLimits& limits = {});
// Reads the file at `path`. A missing file is no error: it sets nothing.
ConfigLayer loadConfigFile(const std::string& path, Diagnostics& diags,
                           const ConfigLimits& limits = {});

// The layer as the JSON text of a configuration file (formatVersion 1).
std::string configJson(const ConfigLayer& layer);

// Changes the file at `path`: writes every field `changes` sets and removes every
// field in `remove`, keeping every other key (IT's "$comment", fields of a newer
// version) in its place. Creates the file, and its folder, when missing. Refuses,
// leaving the file untouched, when the file exists but is not a readable JSON
// object within the limits: a damaged file is for a person to look at, not to
// overwrite. The write is atomic (temporary file + rename).
bool updateConfigFile(const std::string& path, const ConfigLayer& changes,
                      const std::set<ConfigField>& remove, std::string& error,
                      const ConfigLimits& limits = {});

enum class ConfigSource { Default, User, Machine };

template <typename T> struct Setting {
  T value{};
  ConfigSource source = ConfigSource::Default;
  // Set by IT: the teacher screens show it and cannot change it.
  bool locked() const { return source == ConfigSource::Machine; }
};

// What applies when neither file sets a field.
struct ConfigDefaults {
  std::string dataFolder; // normally the user's data folder (cli::defaultDataDir())
  std::string schoolFolder;
  int retentionYears = kDefaultRetentionYears;
  bool fullScreenLock = false; // a lock the teacher never asked for would trap people
  std::vector<Band> unlockedBands;
  std::string language = "en";
};

struct EffectiveConfig {
  Setting<std::string> dataFolder;
  Setting<std::string> schoolFolder;   // "" for none
  Setting<std::string> teacherPinHash; // "" for none; see pinState() in teacher_pin.hpp
  Setting<int> retentionYears;
  Setting<bool> fullScreenLock;
  Setting<std::vector<Band>> unlockedBands;
  Setting<std::string> language;
  Setting<std::string> teacherPublicKey; // "" for none: the PC trusts on first use

  ConfigSource sourceOf(ConfigField field) const;
  bool isLocked(ConfigField field) const { return sourceOf(field) == ConfigSource::Machine; }
  bool isUnlocked(Band band) const;
};

// Machine first, then the user's file, then the defaults. A field the machine file
// names but whose value is bad stays locked and takes the default: a damaged
// machine file must never hand the decision to files a pupil can write.
EffectiveConfig resolveConfig(const ConfigLayer& machine, const ConfigLayer& user,
                              const ConfigDefaults& defaults);

// ---- where the files are -------------------------------------------------------

// Looks up an environment variable; nullopt when unset or empty. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup systemEnvironment();

// Why `path` may not be the data folder, or nullopt when it may. SafeQuest creates
// its files and a pupils/ folder there, so it must be a folder of its own:
//   - never in or under a system folder: /etc, /usr, /bin, /sbin, /lib*, /boot,
//     /dev, /proc, /sys, /run; on Windows C:\Windows and C:\Program Files*;
//   - never one of the folders that hold everyone's folders, itself: /, /var, /tmp,
//     /var/tmp, /home, /root, /srv, /opt, /mnt, /media; on Windows a drive's root,
//     C:\Users and C:\ProgramData (a folder inside them is fine);
//   - never the user's home folder itself ($HOME, or %USERPROFILE%).
// Compared by the path's text, case-blind for Windows paths (a drive letter, or
// backslashes), after "." and ".." are resolved; links are not followed.
std::optional<std::string> systemFolderProblem(std::string_view path, const EnvLookup& env);

// The documented place for this platform: /etc/safequest/config.json, or on
// Windows %ProgramData%\SafeQuest\config.json (C:\ProgramData when unset).
std::string platformConfigPath(const EnvLookup& env);
// `overridePath` (a --config option) if not empty, else $SAFEQUEST_CONFIG, else
// platformConfigPath().
std::string machineConfigPath(const std::string& overridePath, const EnvLookup& env);
// teacher.json in the data folder: the teacher settings and, when the machine
// configuration sets none, the PIN hash.
std::string userConfigPath(const std::string& dataDir);

// Both layers read and resolved, with every diagnostic from both files.
struct ConfigLoad {
  std::string machinePath;
  std::string userPath;
  bool machineFileFound = false;
  bool userFileFound = false;
  ConfigLayer machine;
  ConfigLayer user;
  EffectiveConfig effective;
  Diagnostics diagnostics;
};

// `dataDir` holds teacher.json and is the default data folder.
ConfigLoad loadConfig(const std::string& machinePath, const std::string& dataDir,
                      const ConfigLimits& limits = {});

} // namespace sq
