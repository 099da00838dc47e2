// `safequest-cli pin` and `safequest-cli config show`, run in-process with standard
// input, the time and the environment passed in: exit statuses, which file
// `pin set` writes, the PIN from stdin, the lockout across runs, and the
// "file:/pointer: error code: message" lines of `config show`.
#include "cli/config_command.hpp"
#include "cli/pin_command.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sq;

namespace {

constexpr std::int64_t T0 = 1'772'530'000;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// A scratch machine: a data folder and a machine-config path (absent until written).
struct Machine {
  sq::test::TempDir tmp;
  std::string data() const { return (tmp.path() / "data").string(); }
  std::string config() const { return (tmp.path() / "etc" / "config.json").string(); }
  EnvLookup env() const {
    const std::string path = config();
    return [path](const std::string& name) -> std::optional<std::string> {
      if (name == "SAFEQUEST_CONFIG") {
        return path;
      }
      return std::nullopt;
    };
  }
  void writeConfig(const std::string& text) const {
    fs::create_directories(fs::path(config()).parent_path());
    std::ofstream(config(), std::ios::binary) << text;
  }

  Run pin(std::vector<std::string> args, const std::string& stdinText = "",
          std::int64_t now = T0) const {
    args.insert(args.end(), {"--data", data()});
    std::istringstream in(stdinText);
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.status = cli::runPinWith(args, in, out, err, now, env());
    r.out = out.str();
    r.err = err.str();
    return r;
  }
  Run config(std::vector<std::string> args) const {
    args.insert(args.end(), {"--data", data()});
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.status = cli::runConfigWith(args, out, err, env());
    r.out = out.str();
    r.err = err.str();
    return r;
  }
};

} // namespace

TEST_CASE("cli pin: usage errors exit 2") {
  Machine m;
  CHECK(m.pin({}).status == 2);
  CHECK(m.pin({"reset"}).status == 2);
  CHECK(m.pin({"set", "--bogus", "1"}).status == 2);
  CHECK(m.pin({"set", "1234"}).status == 2); // a PIN must come with --pin or on stdin
  CHECK(m.pin({"status", "--pin", "1234"}).status == 2);
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in;
  CHECK(cli::runPinWith({"--help"}, in, out, err, T0, m.env()) == 0);
  CHECK(out.str().find("pin set") != std::string::npos);
}

TEST_CASE("cli pin: set writes teacher.json; check accepts the right PIN only") {
  Machine m;
  Run r = m.pin({"check", "--pin", "1234"});
  CHECK(r.status == 1);
  CHECK(r.err.find("no teacher PIN") != std::string::npos);

  r = m.pin({"set", "--pin", "1234"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find(userConfigPath(m.data())) != std::string::npos);
  CHECK(fs::exists(userConfigPath(m.data())));
  CHECK(!fs::exists(m.config()));

  CHECK(m.pin({"check", "--pin", "1234"}).status == 0);
  r = m.pin({"check", "--pin", "4321"});
  CHECK(r.status == 1);
  CHECK(r.out.find("wrong PIN") != std::string::npos);
  r = m.pin({"status"});
  CHECK(r.status == 0);
  CHECK(r.out.find("PIN: set, in the teacher settings") != std::string::npos);
}

TEST_CASE("cli pin: the PIN can come from standard input") {
  Machine m;
  REQUIRE(m.pin({"set"}, "86420\r\n").status == 0);
  CHECK(m.pin({"check"}, "86420\n").status == 0);
  CHECK(m.pin({"check"}, "86421\n").status == 1);
  CHECK(m.pin({"set"}, "12\n").status == 1);
  CHECK(m.pin({"set"}, "").status == 1);
}

TEST_CASE("cli pin: not 4 to 8 digits is refused") {
  Machine m;
  for (const char* bad : {"123", "123456789", "12a4", ""}) {
    CHECK_MESSAGE(m.pin({"set", "--pin", bad}).status == 1, bad);
  }
  CHECK(!fs::exists(userConfigPath(m.data())));
}

TEST_CASE("cli pin: --config writes the machine file; the machine PIN then wins") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "1111"}).status == 0); // teacher.json
  m.writeConfig("{\n  \"$comment\": \"IT\",\n  \"fullScreenLock\": true\n}\n");
  Run r = m.pin({"set", "--pin", "2222", "--config", m.config()});
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(m.config());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"$comment\": \"IT\"") != std::string::npos);
  CHECK(text.find("$argon2id$") != std::string::npos);
  CHECK(text.find("\"fullScreenLock\": true") != std::string::npos);

  CHECK(m.pin({"check", "--pin", "2222"}).status == 0);
  CHECK(m.pin({"check", "--pin", "1111"}).status == 1);
  // teacher.json can no longer take the PIN: pin set says where to go instead.
  r = m.pin({"set", "--pin", "3333"});
  CHECK(r.status == 1);
  CHECK(r.err.find("--config " + m.config()) != std::string::npos);
  CHECK(m.pin({"status"}).out.find("machine configuration") != std::string::npos);
}

TEST_CASE("cli pin: five wrong checks lock; the lock survives between runs") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "1234"}).status == 0);
  for (int i = 0; i < 4; ++i) {
    CHECK(m.pin({"check", "--pin", "0000"}, "", T0 + i).status == 1);
  }
  Run r = m.pin({"check", "--pin", "0000"}, "", T0 + 4);
  CHECK(r.out.find("locked for 60 s") != std::string::npos);
  r = m.pin({"check", "--pin", "1234"}, "", T0 + 30);
  CHECK(r.status == 1);
  CHECK(r.out.find("try again in 34 s") != std::string::npos);
  CHECK(m.pin({"status"}, "", T0 + 30).out.find("locked for 34 s") != std::string::npos);
  CHECK(m.pin({"check", "--pin", "1234"}, "", T0 + 64).status == 0);
  // Setting a new PIN clears the lockout.
  for (int i = 0; i < 5; ++i) {
    m.pin({"check", "--pin", "0000"}, "", T0 + 100);
  }
  REQUIRE(m.pin({"set", "--pin", "5555"}, "", T0 + 101).status == 0);
  CHECK(m.pin({"check", "--pin", "5555"}, "", T0 + 102).status == 0);
}

TEST_CASE("cli pin: a damaged machine hash is unusable and is never bypassed") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "1234"}).status == 0);
  m.writeConfig(R"({"teacherPinHash": "$2y$10$notargon"})");
  Run r = m.pin({"check", "--pin", "1234"});
  CHECK(r.status == 1);
  CHECK(r.err.find("schema.format") != std::string::npos);
  CHECK(m.pin({"set", "--pin", "9999"}).status == 1);
  CHECK(m.pin({"status"}).out.find("PIN: unusable") != std::string::npos);
  // IT repairs it in place.
  REQUIRE(m.pin({"set", "--pin", "9999", "--config", m.config()}).status == 0);
  CHECK(m.pin({"check", "--pin", "9999"}).status == 0);
}

TEST_CASE("cli pin: set leaves a damaged file alone") {
  Machine m;
  m.writeConfig("{ this is not json");
  Run r = m.pin({"set", "--pin", "1234", "--config", m.config()});
  CHECK(r.status == 1);
  CHECK(r.err.find("json.syntax") != std::string::npos);
  std::ifstream in(m.config());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "{ this is not json");
}

TEST_CASE("cli config show: defaults, sources and locks") {
  Machine m;
  Run r = m.config({"show"});
  CHECK(r.status == 0);
  CHECK(r.out.find("(not found: nothing is set machine-wide)") != std::string::npos);
  CHECK(r.out.find("dataFolder      " + m.data() + "  [default]") != std::string::npos);
  CHECK(r.out.find("teacherPinHash  (not set") != std::string::npos);

  m.writeConfig(R"({"fullScreenLock": true, "unlockedBands": ["uks2", "ks1"]})");
  REQUIRE(m.pin({"set", "--pin", "1234"}).status == 0);
  r = m.config({"show"});
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("fullScreenLock  on  [machine configuration, locked]") != std::string::npos);
  CHECK(r.out.find("unlockedBands   ks1, uks2  [machine configuration, locked]") !=
        std::string::npos);
  CHECK(r.out.find("teacherPinHash  (set)  [teacher settings]") != std::string::npos);
  CHECK(r.out.find("$argon2id$") == std::string::npos); // never the hash itself
  CHECK(r.out.find("teacherPublicKey none (trusted on first use)  [default]") != std::string::npos);

  const std::string key(64, 'c');
  m.writeConfig(R"({"teacherPublicKey": ")" + key + R"("})");
  r = m.config({"show"});
  CHECK(r.out.find("teacherPublicKey " + key + "  [machine configuration, locked]") !=
        std::string::npos);
}

TEST_CASE("cli config show: problems as file:/pointer lines; exit 1 on errors, 0 on warnings") {
  Machine m;
  m.writeConfig(R"({"retentionYears": 0, "language": "en"})");
  Run r = m.config({"show"});
  CHECK(r.status == 1);
  CHECK(r.out.find(m.config() + ":/retentionYears: error schema.range: must be 1 to 10") !=
        std::string::npos);
  CHECK(r.out.find("retentionYears  2 academic years  [machine configuration, locked]") !=
        std::string::npos);

  m.writeConfig(R"({"languge": "en"})");
  r = m.config({"show"});
  CHECK(r.status == 0);
  CHECK(r.out.find(m.config() + ":/languge: warning schema.unknown-field") != std::string::npos);

  m.writeConfig("not json");
  r = m.config({"show"});
  CHECK(r.status == 1);
  CHECK(r.out.find(m.config() + ": error json.syntax") != std::string::npos);
}

TEST_CASE("cli config show: --config names the file; usage errors exit 2") {
  Machine m;
  const std::string other = (m.tmp.path() / "other.json").string();
  std::ofstream(other) << R"({"language": "cy"})";
  Run r = m.config({"show", "--config", other});
  CHECK(r.status == 0);
  CHECK(r.out.find("machine configuration: " + other) != std::string::npos);
  CHECK(r.out.find("language        cy  [machine configuration, locked]") != std::string::npos);
  CHECK(m.config({}).status == 2);
  CHECK(m.config({"edit"}).status == 2);
  CHECK(m.config({"show", "extra"}).status == 2);
  CHECK(m.config({"show", "--config"}).status == 2);
}
