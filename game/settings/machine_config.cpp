// Sections:
//   1. path checks: comparing paths, system folders
//   2. fields and layers: reading, writing and combining configurations
//   3. where the files are: the environment, the machine and user files
#include "settings/machine_config.hpp"

#include "content/json_limits.hpp"
#include "core/atomic_file.hpp"
#include "settings/settings_json.hpp"
#include "settings/teacher_pin.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace sq {

namespace fs = std::filesystem;
using settings_detail::FieldReader;

// ---- path checks ----

namespace {

constexpr std::string_view kLanguages[] = {"en", "cy"};

// A folder must be a full path: a relative one would depend on wherever the game
// happened to be started from, which differs between a desktop icon and a script.
std::optional<std::string> readFolder(FieldReader& r, std::string_view key,
                                      const ConfigLimits& limits) {
  auto s = r.string(key, limits.maxPathBytes);
  if (!s) {
    return std::nullopt;
  }
  if (s->empty()) {
    r.refuse(key, Code::SchemaFormat, "is empty; leave the field out to use the default");
    return std::nullopt;
  }
  if (settings_detail::hasControlCharacter(*s)) {
    r.refuse(key, Code::SchemaFormat, "contains a control character");
    return std::nullopt;
  }
  if (!fs::path(*s).is_absolute()) {
    r.refuse(key, Code::SchemaFormat,
#ifdef _WIN32
             "must be a full path, such as C:\\SafeQuest or \\\\server\\share\\SafeQuest"
#else
             "must be a full path, such as /srv/safequest"
#endif
    );
    return std::nullopt;
  }
  // The data folder is written to (records, pupils/, teacher.json): a system folder
  // or a home folder itself is a mistake that would scatter them among others' files.
  if (key == "dataFolder") {
    if (auto why = systemFolderProblem(*s, systemEnvironment())) {
      r.refuse(key, Code::ConfigSystemFolder, *why);
      return std::nullopt;
    }
  }
  return s;
}

// The path as compared: '/' separators, "." and ".." resolved, no trailing '/'
// (but "/" and "c:/" stay), lowercase for a Windows path.
std::string comparablePath(std::string_view path, bool& windows) {
  std::string p(path);
  windows = (p.size() >= 2 && p[1] == ':' && std::isalpha(static_cast<unsigned char>(p[0])) != 0) ||
            p.find('\\') != std::string::npos;
  if (windows) {
    std::replace(p.begin(), p.end(), '\\', '/');
    std::transform(p.begin(), p.end(), p.begin(), [](char c) {
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
  }
  std::string n = fs::path(p).lexically_normal().generic_string();
  while (n.size() > 1 && n.back() == '/' && !(n.size() == 3 && n[1] == ':')) {
    n.pop_back();
  }
  return n;
}

std::optional<std::vector<Band>> readBands(FieldReader& r, std::string_view key,
                                           const ConfigLimits& limits) {
  const settings_detail::Json* list = r.array(key, limits.maxBandEntries);
  if (list == nullptr) {
    return std::nullopt;
  }
  // A bad entry is reported and left out; the good ones still count, so one typo
  // does not lock every band away.
  std::vector<Band> bands;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& item = (*list)[i];
    const std::string p = r.pointer(key) + "/" + std::to_string(i);
    if (!item.is_string()) {
      r.report(Code::SchemaType, p,
               "must be a band name, not " + std::string(settings_detail::jsonTypeName(item)));
      continue;
    }
    auto band = parseBand(item.get_ref<const std::string&>());
    if (!band) {
      r.report(Code::SchemaEnum, p, "must be one of \"eyfs\", \"ks1\", \"lks2\", \"uks2\"");
      continue;
    }
    bands.push_back(*band);
  }
  std::sort(bands.begin(), bands.end());
  bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
  return bands;
}

template <typename T>
Setting<T> pick(const std::optional<T>& machine, bool machineNames, const std::optional<T>& user,
                const T& fallback) {
  if (machine) {
    return {*machine, ConfigSource::Machine};
  }
  if (machineNames) {
    return {fallback, ConfigSource::Machine};
  }
  if (user) {
    return {*user, ConfigSource::User};
  }
  return {fallback, ConfigSource::Default};
}

} // namespace

// ---- fields and layers ----

const std::vector<ConfigField>& allConfigFields() {
  static const std::vector<ConfigField> fields = {
      ConfigField::DataFolder,     ConfigField::SchoolFolder,     ConfigField::TeacherPinHash,
      ConfigField::RetentionYears, ConfigField::FullScreenLock,   ConfigField::UnlockedBands,
      ConfigField::Language,       ConfigField::TeacherPublicKey,
  };
  return fields;
}

std::string_view configFieldKey(ConfigField field) {
  switch (field) {
  case ConfigField::DataFolder:
    return "dataFolder";
  case ConfigField::SchoolFolder:
    return "schoolFolder";
  case ConfigField::TeacherPinHash:
    return "teacherPinHash";
  case ConfigField::RetentionYears:
    return "retentionYears";
  case ConfigField::FullScreenLock:
    return "fullScreenLock";
  case ConfigField::UnlockedBands:
    return "unlockedBands";
  case ConfigField::Language:
    return "language";
  case ConfigField::TeacherPublicKey:
    return "teacherPublicKey";
  }
  return "";
}

bool ConfigLayer::sets(ConfigField field) const {
  switch (field) {
  case ConfigField::DataFolder:
    return dataFolder.has_value();
  case ConfigField::SchoolFolder:
    return schoolFolder.has_value();
  case ConfigField::TeacherPinHash:
    return teacherPinHash.has_value();
  case ConfigField::RetentionYears:
    return retentionYears.has_value();
  case ConfigField::FullScreenLock:
    return fullScreenLock.has_value();
  case ConfigField::UnlockedBands:
    return unlockedBands.has_value();
  case ConfigField::Language:
    return language.has_value();
  case ConfigField::TeacherPublicKey:
    return teacherPublicKey.has_value();
  }
  return false;
}

bool ConfigLayer::names(ConfigField field) const {
  return sets(field) || refused.count(field) > 0;
}

bool operator==(const ConfigLayer& a, const ConfigLayer& b) {
  return a.dataFolder == b.dataFolder && a.schoolFolder == b.schoolFolder &&
         a.teacherPinHash == b.teacherPinHash && a.retentionYears == b.retentionYears &&
         a.fullScreenLock == b.fullScreenLock && a.unlockedBands == b.unlockedBands &&
         a.language == b.language && a.teacherPublicKey == b.teacherPublicKey &&
         a.refused == b.refused;
}

ConfigLayer parseConfig(std::string_view text, const std::string& file, Diagnostics& diags,
                        const ConfigLimits& limits) {
  ConfigLayer layer;
  auto doc =
      settings_detail::parseObject(text, file, {limits.maxFileBytes, limits.maxDepth}, diags);
  if (!doc) {
    return layer;
  }
  FieldReader r(*doc, file, diags);
  settings_detail::checkFormatVersion(r, kConfigFormatVersion);

  layer.dataFolder = readFolder(r, "dataFolder", limits);
  layer.schoolFolder = readFolder(r, "schoolFolder", limits);
  if (auto hash = r.string("teacherPinHash", 1024)) {
    // The message never quotes the hash: diagnostics are shown on screens.
    if (auto problem = pinHashProblem(*hash)) {
      r.refuse("teacherPinHash", problem->code, problem->message);
    } else {
      layer.teacherPinHash = std::move(*hash);
    }
  }
  if (auto years = r.integer("retentionYears", kMinRetentionYears, kMaxRetentionYears)) {
    layer.retentionYears = static_cast<int>(*years);
  }
  layer.fullScreenLock = r.boolean("fullScreenLock");
  layer.unlockedBands = readBands(r, "unlockedBands", limits);
  std::vector<std::string_view> languages(std::begin(kLanguages), std::end(kLanguages));
  layer.language = r.oneOf("language", languages);
  if (auto key = r.string("teacherPublicKey", 64)) {
    const bool hex = key->size() == 64 && std::all_of(key->begin(), key->end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                     });
    if (hex) {
      layer.teacherPublicKey = std::move(*key);
    } else {
      r.refuse("teacherPublicKey", Code::SchemaFormat,
               "must be the teacher's public key: 64 lowercase hex digits, as "
               "`safequest-cli teacher-key show` prints it on the teacher's machine");
    }
  }

  for (ConfigField f : allConfigFields()) {
    if (r.refused(configFieldKey(f))) {
      layer.refused.insert(f);
    }
  }
  r.finish();
  return layer;
}

ConfigLayer loadConfigFile(const std::string& path, Diagnostics& diags,
                           const ConfigLimits& limits) {
  auto file = settings_detail::readSmallFile(path, limits.maxFileBytes, diags);
  if (file.state != settings_detail::FileState::Read) {
    return {};
  }
  return parseConfig(file.text, path, diags, limits);
}

namespace {

void putFields(nlohmann::ordered_json& doc, const ConfigLayer& layer) {
  if (layer.dataFolder) {
    doc["dataFolder"] = *layer.dataFolder;
  }
  if (layer.schoolFolder) {
    doc["schoolFolder"] = *layer.schoolFolder;
  }
  if (layer.teacherPinHash) {
    doc["teacherPinHash"] = *layer.teacherPinHash;
  }
  if (layer.retentionYears) {
    doc["retentionYears"] = *layer.retentionYears;
  }
  if (layer.fullScreenLock) {
    doc["fullScreenLock"] = *layer.fullScreenLock;
  }
  if (layer.unlockedBands) {
    auto list = nlohmann::ordered_json::array();
    for (Band b : *layer.unlockedBands) {
      list.push_back(std::string(bandId(b)));
    }
    doc["unlockedBands"] = std::move(list);
  }
  if (layer.language) {
    doc["language"] = *layer.language;
  }
  if (layer.teacherPublicKey) {
    doc["teacherPublicKey"] = *layer.teacherPublicKey;
  }
}

} // namespace

std::string configJson(const ConfigLayer& layer) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  doc["formatVersion"] = kConfigFormatVersion;
  putFields(doc, layer);
  return settings_detail::dumpForFile(doc);
}

bool updateConfigFile(const std::string& path, const ConfigLayer& changes,
                      const std::set<ConfigField>& remove, std::string& error,
                      const ConfigLimits& limits) {
  // The new values must pass the same checks as a file IT writes by hand.
  {
    Diagnostics check;
    parseConfig(configJson(changes), "(new values)", check, limits);
    if (check.hasErrors()) {
      error = "the new values are not valid: " + formatDiagnostic(check.all().front());
      return false;
    }
  }
  Diagnostics diags;
  auto file = settings_detail::readSmallFile(path, limits.maxFileBytes, diags);
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  if (file.state == settings_detail::FileState::Refused) {
    error = formatDiagnostic(diags.all().front());
    return false;
  }
  if (file.state == settings_detail::FileState::Read) {
    const bool fits =
        file.text.size() <= limits.maxFileBytes && !findExcessNesting(file.text, limits.maxDepth);
    if (fits) {
      doc = nlohmann::ordered_json::parse(file.text, nullptr, false);
    }
    if (!fits || doc.is_discarded() || !doc.is_object()) {
      error = path + ": is not a valid configuration file, so it was left as it is; fix it (see "
                     "`safequest-cli config show`) or remove it first";
      return false;
    }
  } else {
    doc["formatVersion"] = kConfigFormatVersion;
  }
  putFields(doc, changes);
  for (ConfigField f : remove) {
    if (!changes.sets(f)) {
      doc.erase(std::string(configFieldKey(f)));
    }
  }
  const std::string text = settings_detail::dumpForFile(doc);
  if (text.size() > limits.maxFileBytes) {
    error = path + ": would be larger than the size limit";
    return false;
  }
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
      error = "cannot create the folder " + parent.string() + ": " + ec.message();
      return false;
    }
  }
  return writeFileAtomically(path, text, error);
}

ConfigSource EffectiveConfig::sourceOf(ConfigField field) const {
  switch (field) {
  case ConfigField::DataFolder:
    return dataFolder.source;
  case ConfigField::SchoolFolder:
    return schoolFolder.source;
  case ConfigField::TeacherPinHash:
    return teacherPinHash.source;
  case ConfigField::RetentionYears:
    return retentionYears.source;
  case ConfigField::FullScreenLock:
    return fullScreenLock.source;
  case ConfigField::UnlockedBands:
    return unlockedBands.source;
  case ConfigField::Language:
    return language.source;
  case ConfigField::TeacherPublicKey:
    return teacherPublicKey.source;
  }
  return ConfigSource::Default;
}

bool EffectiveConfig::isUnlocked(Band band) const {
  const auto& b = unlockedBands.value;
  return std::find(b.begin(), b.end(), band) != b.end();
}

EffectiveConfig resolveConfig(const ConfigLayer& machine, const ConfigLayer& user,
                              const ConfigDefaults& defaults) {
  EffectiveConfig e;
  auto names = [&](ConfigField f) { return machine.names(f); };
  e.dataFolder = pick(machine.dataFolder, names(ConfigField::DataFolder), user.dataFolder,
                      defaults.dataFolder);
  e.schoolFolder = pick(machine.schoolFolder, names(ConfigField::SchoolFolder), user.schoolFolder,
                        defaults.schoolFolder);
  e.teacherPinHash = pick(machine.teacherPinHash, names(ConfigField::TeacherPinHash),
                          user.teacherPinHash, std::string());
  e.retentionYears = pick(machine.retentionYears, names(ConfigField::RetentionYears),
                          user.retentionYears, defaults.retentionYears);
  e.fullScreenLock = pick(machine.fullScreenLock, names(ConfigField::FullScreenLock),
                          user.fullScreenLock, defaults.fullScreenLock);
  e.unlockedBands = pick(machine.unlockedBands, names(ConfigField::UnlockedBands),
                         user.unlockedBands, defaults.unlockedBands);
  e.language =
      pick(machine.language, names(ConfigField::Language), user.language, defaults.language);
  // The machine configuration's only: teacher.json's value is never read.
  e.teacherPublicKey = pick(machine.teacherPublicKey, names(ConfigField::TeacherPublicKey),
                            std::optional<std::string>(), std::string());
  return e;
}

// ---- where the files are ----

EnvLookup systemEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr || *v == '\0') {
      return std::nullopt;
    }
    return std::string(v);
  };
}

std::string platformConfigPath([[maybe_unused]] const EnvLookup& env) {
#ifdef _WIN32
  const std::string base = env("ProgramData").value_or("C:\\ProgramData");
  return base + "\\SafeQuest\\config.json";
#else
  return "/etc/safequest/config.json";
#endif
}

std::string machineConfigPath(const std::string& overridePath, const EnvLookup& env) {
  if (!overridePath.empty()) {
    return overridePath;
  }
  if (auto fromEnv = env("SAFEQUEST_CONFIG")) {
    return *fromEnv;
  }
  return platformConfigPath(env);
}

std::optional<std::string> systemFolderProblem(std::string_view path, const EnvLookup& env) {
  bool windows = false;
  const std::string p = comparablePath(path, windows);
  const auto under = [&](std::string_view folder) {
    return p == folder || (p.size() > folder.size() && p.compare(0, folder.size(), folder) == 0 &&
                           p[folder.size()] == '/');
  };
  const std::string shown(path);
  if (windows) {
    if (p.size() == 3 && p[1] == ':' && p[2] == '/') {
      return "is the root of a drive; use a folder of its own, such as C:\\SafeQuest\\data";
    }
    const std::string_view rest = p.size() > 3 && p[1] == ':' ? std::string_view(p).substr(2) : "";
    const std::string_view top = rest.substr(0, rest.find('/', 1));
    if (top == "/windows" || top.rfind("/program files", 0) == 0) {
      return "is in a system folder (" + shown +
             "); use a folder of its own, such as C:\\SafeQuest\\data";
    }
    if (rest == "/users" || rest == "/programdata" || rest == "/users/public") {
      return "holds other folders than SafeQuest's; use a folder inside it, such as "
             "C:\\ProgramData\\SafeQuest\\data";
    }
  } else {
    for (std::string_view system :
         {"/etc", "/usr", "/bin", "/sbin", "/boot", "/dev", "/proc", "/sys", "/run"}) {
      if (under(system)) {
        return "is in a system folder (" + std::string(system) +
               "); use a folder of its own, such as /srv/safequest/data";
      }
    }
    // /lib, /lib32, /lib64, /libx32...
    if (p.rfind("/lib", 0) == 0) {
      return "is in a system folder (" + p.substr(0, p.find('/', 1)) +
             "); use a folder of its own, such as /srv/safequest/data";
    }
    for (std::string_view shared :
         {"/", "/var", "/tmp", "/var/tmp", "/home", "/root", "/srv", "/opt", "/mnt", "/media"}) {
      if (p == shared) {
        return "holds other folders than SafeQuest's (" + std::string(shared) +
               "); use a folder inside it, such as /srv/safequest/data";
      }
    }
  }
  for (const char* name : {"HOME", "USERPROFILE"}) {
    if (const auto home = env(name)) {
      bool homeWindows = false;
      if (comparablePath(*home, homeWindows) == p && homeWindows == windows) {
        return "is the home folder itself; use a folder inside it, such as " +
               std::string(windows ? "%USERPROFILE%\\SafeQuest" : "~/.local/share/safequest");
      }
    }
  }
  return std::nullopt;
}

std::string userConfigPath(const std::string& dataDir) {
  return (fs::path(dataDir) / "teacher.json").string();
}

ConfigLoad loadConfig(const std::string& machinePath, const std::string& dataDir,
                      const ConfigLimits& limits) {
  ConfigLoad load;
  load.machinePath = machinePath;
  load.userPath = userConfigPath(dataDir);
  std::error_code ec;
  load.machineFileFound = fs::exists(machinePath, ec);
  load.userFileFound = fs::exists(load.userPath, ec);
  load.machine = loadConfigFile(machinePath, load.diagnostics, limits);
  load.user = loadConfigFile(load.userPath, load.diagnostics, limits);
  ConfigDefaults defaults;
  defaults.dataFolder = dataDir;
  load.effective = resolveConfig(load.machine, load.user, defaults);
  return load;
}

} // namespace sq
