// The machine configuration and the teacher settings file: reading every field,
// refusing bad values with the right code at the right pointer, the two layers'
// precedence (machine wins, and locks even a bad value), where the files are, and
// rewriting a file without losing what the writer does not know.
#include "settings/machine_config.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace fs = std::filesystem;
using namespace sq;

namespace {

// A real hash of "1234", made once for these tests (hashing is slow by design).
const std::string& hash1234() {
  static const std::string hash = [] {
    std::string error;
    return hashPin("1234", error).value_or("");
  }();
  return hash;
}

bool has(const Diagnostics& d, Code code, const std::string& pointer) {
  return std::any_of(d.all().begin(), d.all().end(),
                     [&](const Diagnostic& x) { return x.code == code && x.pointer == pointer; });
}

std::string listOf(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) {
    s += formatDiagnostic(x) + "\n";
  }
  return s;
}

ConfigLayer parse(const std::string& text, Diagnostics& d) {
  return parseConfig(text, "config.json", d);
}

void writeFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

EnvLookup envOf(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

} // namespace

TEST_CASE("config: every field is read") {
  REQUIRE(!hash1234().empty());
  Diagnostics d;
  const ConfigLayer c = parse(R"({
    "$comment": "set by IT",
    "formatVersion": 1,
    "dataFolder": "/srv/safequest/data",
    "schoolFolder": "/mnt/school",
    "teacherPinHash": ")" + hash1234() +
                                  R"(",
    "retentionYears": 3,
    "fullScreenLock": true,
    "unlockedBands": ["lks2", "ks1", "lks2"],
    "language": "cy",
    "teacherPublicKey": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
  })",
                              d);
  INFO(listOf(d));
  CHECK(d.all().empty());
  CHECK(c.teacherPublicKey == "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
  CHECK(c.dataFolder == "/srv/safequest/data");
  CHECK(c.schoolFolder == "/mnt/school");
  CHECK(c.teacherPinHash == hash1234());
  CHECK(c.retentionYears == 3);
  CHECK(c.fullScreenLock == true);
  // Sorted, repeats dropped.
  CHECK(c.unlockedBands == std::vector<Band>{Band::Ks1, Band::Lks2});
  CHECK(c.language == "cy");
  CHECK(c.refused.empty());
  for (ConfigField f : allConfigFields()) {
    CHECK(c.sets(f));
  }
}

TEST_CASE("config: an empty object sets nothing and is fine") {
  Diagnostics d;
  const ConfigLayer c = parse("{}", d);
  CHECK(d.all().empty());
  CHECK(c == ConfigLayer{});
}

TEST_CASE("config: a UTF-8 byte order mark (Windows Notepad) is accepted") {
  Diagnostics d;
  const ConfigLayer c = parse("\xEF\xBB\xBF{\"retentionYears\": 4}", d);
  CHECK(d.all().empty());
  CHECK(c.retentionYears == 4);
}

TEST_CASE("config: a bad value is refused at its pointer and the rest still count") {
  Diagnostics d;
  const ConfigLayer c = parse(R"({
    "retentionYears": 0,
    "fullScreenLock": "yes",
    "language": "fr",
    "schoolFolder": "relative/path",
    "dataFolder": "/ok"
  })",
                              d);
  CHECK(has(d, Code::SchemaRange, "/retentionYears"));
  CHECK(has(d, Code::SchemaType, "/fullScreenLock"));
  CHECK(has(d, Code::SchemaEnum, "/language"));
  CHECK(has(d, Code::SchemaFormat, "/schoolFolder"));
  CHECK(d.errorCount() == 4);
  CHECK(c.dataFolder == "/ok");
  CHECK(!c.retentionYears);
  CHECK(c.refused == std::set<ConfigField>{ConfigField::RetentionYears, ConfigField::FullScreenLock,
                                           ConfigField::Language, ConfigField::SchoolFolder});
}

TEST_CASE("config: numbers at and beyond the edges") {
  for (const auto& item : std::vector<std::pair<std::string, bool>>{{"1", true},
                                                                    {"10", true},
                                                                    {"11", false},
                                                                    {"-1", false},
                                                                    {"2.0", false},
                                                                    {"18446744073709551615", false},
                                                                    {"-9223372036854775808", false},
                                                                    {"1e999", false}}) {
    const std::string& text = item.first; // INFO cannot capture a structured binding
    const bool ok = item.second;
    INFO(text);
    Diagnostics d;
    const ConfigLayer c = parse("{\"retentionYears\": " + text + "}", d);
    CHECK(c.retentionYears.has_value() == ok);
    CHECK(d.hasErrors() == !ok);
  }
}

TEST_CASE("config: unknown fields are warnings; $comment is not") {
  Diagnostics d;
  const ConfigLayer c = parse(R"({"$comment": "x", "teacherPin": "1234", "language": "en"})", d);
  CHECK(d.errorCount() == 0);
  CHECK(d.warningCount() == 1);
  CHECK(has(d, Code::SchemaUnknownField, "/teacherPin"));
  CHECK(c.language == "en");
}

TEST_CASE("config: an unsupported formatVersion is an error but known fields still apply") {
  Diagnostics d;
  const ConfigLayer c = parse(R"({"formatVersion": 2, "retentionYears": 5})", d);
  CHECK(has(d, Code::FormatUnsupported, "/formatVersion"));
  CHECK(c.retentionYears == 5);
}

TEST_CASE("config: pointers escape '/' and '~' in unknown keys") {
  Diagnostics d;
  parse(R"({"a/b~c": 1})", d);
  CHECK(has(d, Code::SchemaUnknownField, "/a~1b~0c"));
}

TEST_CASE("config: a PIN hash that is not usable Argon2id is refused without quoting it") {
  const std::string secretish = "$2y$10$abcdefghijklmnopqrstuuZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
  Diagnostics d;
  const ConfigLayer c = parse("{\"teacherPinHash\": \"" + secretish + "\"}", d);
  CHECK(has(d, Code::SchemaFormat, "/teacherPinHash"));
  CHECK(!c.teacherPinHash);
  CHECK(c.refused.count(ConfigField::TeacherPinHash) == 1);
  CHECK(listOf(d).find("abcdefghij") == std::string::npos);
}

TEST_CASE("config: defaults apply when neither file sets a field") {
  ConfigDefaults defaults;
  defaults.dataFolder = "/home/t/.local/share/safequest";
  const EffectiveConfig e = resolveConfig({}, {}, defaults);
  CHECK(e.dataFolder.value == defaults.dataFolder);
  CHECK(e.schoolFolder.value.empty());
  CHECK(e.teacherPinHash.value.empty());
  CHECK(e.retentionYears.value == kDefaultRetentionYears);
  CHECK(e.fullScreenLock.value == false);
  CHECK(e.unlockedBands.value.empty());
  CHECK(e.language.value == "en");
  for (ConfigField f : allConfigFields()) {
    CHECK(e.sourceOf(f) == ConfigSource::Default);
    CHECK(!e.isLocked(f));
  }
}

TEST_CASE("config: precedence is machine, then teacher settings, then defaults") {
  ConfigLayer machine;
  machine.fullScreenLock = true;
  machine.retentionYears = 3;
  ConfigLayer user;
  user.fullScreenLock = false; // a pupil's edit to teacher.json
  user.retentionYears = 9;
  user.schoolFolder = "/mnt/share";
  user.unlockedBands = std::vector<Band>{Band::Uks2};
  const EffectiveConfig e = resolveConfig(machine, user, {});
  CHECK(e.fullScreenLock.value == true);
  CHECK(e.fullScreenLock.locked());
  CHECK(e.retentionYears.value == 3);
  CHECK(e.isLocked(ConfigField::RetentionYears));
  CHECK(e.schoolFolder.value == "/mnt/share");
  CHECK(e.schoolFolder.source == ConfigSource::User);
  CHECK(!e.isLocked(ConfigField::SchoolFolder));
  CHECK(e.isUnlocked(Band::Uks2));
  CHECK(!e.isUnlocked(Band::Ks1));
  CHECK(e.language.source == ConfigSource::Default);
}

TEST_CASE("config: a bad machine value stays locked and takes the default, not the user's") {
  Diagnostics d;
  const ConfigLayer machine = parse(R"({
    "fullScreenLock": "on",
    "unlockedBands": "all",
    "teacherPinHash": "not a hash"
  })",
                                    d);
  CHECK(d.errorCount() == 3);
  ConfigLayer user;
  user.fullScreenLock = false;
  user.unlockedBands = std::vector<Band>{Band::Eyfs, Band::Ks1, Band::Lks2, Band::Uks2};
  user.teacherPinHash = hash1234();
  ConfigDefaults defaults;
  defaults.fullScreenLock = true;
  const EffectiveConfig e = resolveConfig(machine, user, defaults);
  CHECK(e.fullScreenLock.locked());
  CHECK(e.fullScreenLock.value == true); // the default, not the user's false
  CHECK(e.unlockedBands.locked());
  CHECK(e.unlockedBands.value.empty());
  CHECK(e.teacherPinHash.locked());
  CHECK(e.teacherPinHash.value.empty());
  CHECK(pinState(e) == PinState::Unusable);
  CHECK(!needsPinSetup(e));
}

TEST_CASE("config: one bad band entry is left out; the others still unlock") {
  Diagnostics d;
  const ConfigLayer c = parse(R"({"unlockedBands": ["ks1", "ks3", 2, "uks2"]})", d);
  CHECK(has(d, Code::SchemaEnum, "/unlockedBands/1"));
  CHECK(has(d, Code::SchemaType, "/unlockedBands/2"));
  CHECK(c.unlockedBands == std::vector<Band>{Band::Ks1, Band::Uks2});
  CHECK(c.refused.empty());
}

TEST_CASE("config: configJson round-trips every field") {
  ConfigLayer c;
  c.dataFolder = "/srv/data";
  c.schoolFolder = "/srv/school \"quoted\" \xC5\xB5";
  c.teacherPinHash = hash1234();
  c.retentionYears = 10;
  c.fullScreenLock = false;
  c.unlockedBands = std::vector<Band>{Band::Eyfs, Band::Uks2};
  c.language = "en";
  Diagnostics d;
  CHECK(parse(configJson(c), d) == c);
  CHECK(d.all().empty());
  Diagnostics d2;
  CHECK(parse(configJson({}), d2) == ConfigLayer{});
}

TEST_CASE("config: the platform path, SAFEQUEST_CONFIG and --config") {
#ifdef _WIN32
  CHECK(platformConfigPath(envOf({{"ProgramData", "D:\\PD"}})) == "D:\\PD\\SafeQuest\\config.json");
  CHECK(platformConfigPath(envOf({})) == "C:\\ProgramData\\SafeQuest\\config.json");
#else
  CHECK(platformConfigPath(envOf({})) == "/etc/safequest/config.json");
#endif
  const auto env = envOf({{"SAFEQUEST_CONFIG", "/tmp/from-env.json"}});
  CHECK(machineConfigPath("", env) == "/tmp/from-env.json");
  CHECK(machineConfigPath("/tmp/option.json", env) == "/tmp/option.json");
  CHECK(machineConfigPath("", envOf({})) == platformConfigPath(envOf({})));
  CHECK(fs::path(userConfigPath("/data")) == fs::path("/data") / "teacher.json");
  // The real environment reader treats unset and empty alike.
  CHECK(!systemEnvironment()("SQ_SURELY_UNSET_VARIABLE_12345"));
}

TEST_CASE("config: loadConfig reads both files; missing files are no error") {
  sq::test::TempDir tmp;
  const std::string machinePath = (tmp.path() / "etc" / "config.json").string();
  const std::string data = (tmp.path() / "data").string();
  {
    const ConfigLoad load = loadConfig(machinePath, data);
    CHECK(!load.machineFileFound);
    CHECK(!load.userFileFound);
    CHECK(load.diagnostics.all().empty());
    CHECK(load.effective.dataFolder.value == data);
    CHECK(needsPinSetup(load.effective));
  }
  writeFile(machinePath, R"({"fullScreenLock": true, "retentionYears": 99})");
  writeFile(userConfigPath(data), R"({"fullScreenLock": false, "schoolFolder": "/s"})");
  const ConfigLoad load = loadConfig(machinePath, data);
  CHECK(load.machineFileFound);
  CHECK(load.userFileFound);
  CHECK(load.effective.fullScreenLock.value == true);
  CHECK(load.effective.schoolFolder.value == "/s");
  CHECK(load.effective.retentionYears.locked());
  CHECK(load.effective.retentionYears.value == kDefaultRetentionYears);
  REQUIRE(load.diagnostics.all().size() == 1);
  CHECK(load.diagnostics.all()[0].file == machinePath);
  CHECK(load.diagnostics.all()[0].pointer == "/retentionYears");
}

TEST_CASE("config: a folder in place of the file is unreadable, not a crash") {
  sq::test::TempDir tmp;
  Diagnostics d;
  const ConfigLayer c = loadConfigFile(tmp.str(), d);
  CHECK(has(d, Code::FileUnreadable, ""));
  CHECK(c == ConfigLayer{});
}

TEST_CASE("config: a file over 64 KiB is refused before parsing") {
  sq::test::TempDir tmp;
  const fs::path p = tmp.path() / "big.json";
  writeFile(p, "{\"language\": \"en\"" + std::string(64 * 1024, ' ') + "}");
  Diagnostics d;
  const ConfigLayer c = loadConfigFile(p.string(), d);
  CHECK(has(d, Code::FileTooLarge, ""));
  CHECK(!c.language);
}

TEST_CASE("config: updateConfigFile creates, changes and removes, keeping unknown keys") {
  sq::test::TempDir tmp;
  const std::string path = (tmp.path() / "new" / "folder" / "teacher.json").string();
  std::string error;
  ConfigLayer change;
  change.schoolFolder = "/mnt/a";
  REQUIRE_MESSAGE(updateConfigFile(path, change, {}, error), error);
  Diagnostics d;
  CHECK(loadConfigFile(path, d).schoolFolder == "/mnt/a");
  CHECK(d.all().empty());

  writeFile(path, R"({"$comment": "keep me", "futureField": [1, 2], "schoolFolder": "/mnt/a",
    "language": "en"})");
  ConfigLayer change2;
  change2.fullScreenLock = true;
  REQUIRE_MESSAGE(updateConfigFile(path, change2, {ConfigField::SchoolFolder}, error), error);
  const std::string text = readFile(path);
  CHECK(text.find("keep me") != std::string::npos);
  CHECK(text.find("futureField") != std::string::npos);
  CHECK(text.find("schoolFolder") == std::string::npos);
  // Key order is kept: IT's comment stays at the top.
  CHECK(text.find("$comment") < text.find("language"));
  Diagnostics d2;
  const ConfigLayer after = loadConfigFile(path, d2);
  CHECK(after.fullScreenLock == true);
  CHECK(after.language == "en");
  CHECK(!after.schoolFolder);
}

TEST_CASE("config: updateConfigFile leaves a damaged file alone") {
  sq::test::TempDir tmp;
  const fs::path path = tmp.path() / "config.json";
  for (const std::string& damaged : {std::string("{ not json"), std::string("[1, 2]"),
                                     std::string(20, '[') + std::string(20, ']')}) {
    INFO(damaged);
    writeFile(path, damaged);
    ConfigLayer change;
    change.language = "en";
    std::string error;
    CHECK(!updateConfigFile(path.string(), change, {}, error));
    CHECK(!error.empty());
    CHECK(readFile(path) == damaged);
  }
}

TEST_CASE("config: updateConfigFile refuses values a reader would refuse") {
  sq::test::TempDir tmp;
  const fs::path path = tmp.path() / "config.json";
  ConfigLayer change;
  change.retentionYears = 50;
  std::string error;
  CHECK(!updateConfigFile(path.string(), change, {}, error));
  CHECK(error.find("retentionYears") != std::string::npos);
  CHECK(!fs::exists(path));
  ConfigLayer badHash;
  badHash.teacherPinHash = "plaintext-1234";
  CHECK(!writePinHash(path.string(), "plaintext-1234", error));
  CHECK(!fs::exists(path));
}

TEST_CASE("config: the teacher's public key is checked, and read from the machine file only") {
  const std::string key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  for (const std::string& bad :
       {std::string("00112233"), key.substr(0, 63) + "G", std::string(64, 'A'), key + "00"}) {
    CAPTURE(bad);
    Diagnostics d;
    const ConfigLayer c = parse(R"({"teacherPublicKey": ")" + bad + R"("})", d);
    CHECK(d.hasErrors());
    CHECK_FALSE(c.teacherPublicKey.has_value());
    CHECK(c.refused.count(ConfigField::TeacherPublicKey) == 1);
  }
  Diagnostics d;
  ConfigLayer machine = parse(R"({"teacherPublicKey": ")" + key + R"("})", d);
  CHECK(d.all().empty());
  ConfigLayer user;
  user.teacherPublicKey = std::string(64, 'e'); // teacher.json: never read for this field
  CHECK(resolveConfig(machine, user, {}).teacherPublicKey.value == key);
  CHECK(resolveConfig(machine, user, {}).teacherPublicKey.locked());
  const EffectiveConfig fromUserOnly = resolveConfig({}, user, {});
  CHECK(fromUserOnly.teacherPublicKey.value.empty());
  CHECK(fromUserOnly.teacherPublicKey.source == ConfigSource::Default);
  // A refused key in the machine file stays the machine's: nothing is trusted from
  // teacher.json in its place.
  Diagnostics d2;
  const ConfigLayer damaged = parse(R"({"teacherPublicKey": "nope"})", d2);
  const EffectiveConfig e = resolveConfig(damaged, user, {});
  CHECK(e.teacherPublicKey.value.empty());
  CHECK(e.teacherPublicKey.locked());
  // Written back as it was read.
  Diagnostics d3;
  CHECK(parse(configJson(machine), d3).teacherPublicKey == key);
}
