// `safequest-cli pin` and `safequest-cli config show`, run in-process with standard
// input, the time and the environment passed in: exit statuses, which file
// `pin set` writes, the PIN from stdin, weak PINs refused, the old PIN a change
// needs and IT's machine-configuration path that does not, the lockout across
// runs (kept in the records store), a damaged lockout state, `pin unlock`, and the
// "file:/pointer: error code: message" lines of `config show`.
#include "cli/config_command.hpp"
#include "cli/pin_command.hpp"
#include "results/results_store.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#ifndef _WIN32
#include <unistd.h>
#endif

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
  Run r = m.pin({"check", "--pin", "4705"});
  CHECK(r.status == 1);
  CHECK(r.err.find("no teacher PIN") != std::string::npos);

  r = m.pin({"set", "--pin", "4705"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find(userConfigPath(m.data())) != std::string::npos);
  CHECK(fs::exists(userConfigPath(m.data())));
  CHECK(!fs::exists(m.config()));

  CHECK(m.pin({"check", "--pin", "4705"}).status == 0);
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
  // A change reads the old PIN, then the new one.
  CHECK(m.pin({"set", "--old-pin-stdin"}, "86420\n12\n").status == 1);
  CHECK(m.pin({"set", "--old-pin-stdin"}, "86420\n").status == 1);
  REQUIRE(m.pin({"set", "--old-pin-stdin"}, "86420\n35791\n").status == 0);
  CHECK(m.pin({"check"}, "35791\n").status == 0);
}

TEST_CASE("cli pin: not 4 to 8 digits is refused") {
  Machine m;
  for (const char* bad : {"123", "123456789", "12a4", ""}) {
    CHECK_MESSAGE(m.pin({"set", "--pin", bad}).status == 1, bad);
  }
  CHECK(!fs::exists(userConfigPath(m.data())));
}

TEST_CASE("cli pin: weak PINs are refused, saying why") {
  Machine m;
  for (const char* weak : {"0000", "1234", "4321", "0123", "9876", "8901", "1212", "2580"}) {
    const Run r = m.pin({"set", "--pin", weak});
    CHECK_MESSAGE(r.status == 1, weak);
    CHECK_MESSAGE(r.err.find("too easy to guess") != std::string::npos, weak);
    CHECK_MESSAGE(r.err.find("choose") != std::string::npos, weak);
    CHECK(m.pin({"set", "--pin", weak, "--config", m.config()}).status == 1);
  }
  CHECK(!fs::exists(userConfigPath(m.data())));
  CHECK(!fs::exists(m.config()));
}

TEST_CASE("cli pin: changing teacher.json's PIN needs the old one") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "4705"}, "", T0).status == 0);
  // No old PIN: refused before anything is checked, and the way to IT is named.
  Run r = m.pin({"set", "--pin", "3816"}, "", T0 + 1);
  CHECK(r.status == 1);
  CHECK(r.err.find("needs the old one") != std::string::npos);
  CHECK(r.err.find("pin set --config " + m.config()) != std::string::npos);
  // A wrong old PIN: refused, and it counts as a wrong try.
  r = m.pin({"set", "--old-pin", "9999", "--pin", "3816"}, "", T0 + 2);
  CHECK(r.status == 1);
  CHECK(r.err.find("old PIN is not right") != std::string::npos);
  CHECK(m.pin({"status"}, "", T0 + 3).out.find("4 tries before a lock") != std::string::npos);
  CHECK(m.pin({"check", "--pin", "4705"}, "", T0 + 4).status == 0);
  // The right old PIN: changed.
  r = m.pin({"set", "--old-pin", "4705", "--pin", "3816"}, "", T0 + 5);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(m.pin({"check", "--pin", "3816"}, "", T0 + 6).status == 0);
  CHECK(m.pin({"check", "--pin", "4705"}, "", T0 + 7).status == 1);
}

TEST_CASE("cli pin: --config writes the machine file; the machine PIN then wins") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "3816"}).status == 0); // teacher.json
  m.writeConfig("{\n  \"$comment\": \"IT\",\n  \"fullScreenLock\": true\n}\n");
  // IT's reset path: no old PIN is asked for.
  Run r = m.pin({"set", "--pin", "5926", "--config", m.config()});
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(m.config());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"$comment\": \"IT\"") != std::string::npos);
  CHECK(text.find("$argon2id$") != std::string::npos);
  CHECK(text.find("\"fullScreenLock\": true") != std::string::npos);

  CHECK(m.pin({"check", "--pin", "5926"}).status == 0);
  CHECK(m.pin({"check", "--pin", "3816"}).status == 1);
  // teacher.json can no longer take the PIN: pin set says where to go instead.
  r = m.pin({"set", "--pin", "6037", "--old-pin", "3816"});
  CHECK(r.status == 1);
  CHECK(r.err.find("--config " + m.config()) != std::string::npos);
  CHECK(m.pin({"status"}).out.find("machine configuration") != std::string::npos);
}

TEST_CASE("cli pin: five wrong checks lock; the lock survives between runs") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "4705"}).status == 0);
  for (int i = 0; i < 4; ++i) {
    CHECK(m.pin({"check", "--pin", "0000"}, "", T0 + i).status == 1);
  }
  Run r = m.pin({"check", "--pin", "0000"}, "", T0 + 4);
  CHECK(r.out.find("locked for 60 s") != std::string::npos);
  r = m.pin({"check", "--pin", "4705"}, "", T0 + 30);
  CHECK(r.status == 1);
  CHECK(r.out.find("try again in 34 s") != std::string::npos);
  CHECK(m.pin({"status"}, "", T0 + 30).out.find("locked for 34 s") != std::string::npos);
  CHECK(m.pin({"check", "--pin", "4705"}, "", T0 + 64).status == 0);
  // While locked, the old PIN is not checked, so teacher.json's PIN cannot change...
  for (int i = 0; i < 5; ++i) {
    m.pin({"check", "--pin", "0000"}, "", T0 + 100);
  }
  r = m.pin({"set", "--old-pin", "4705", "--pin", "7148"}, "", T0 + 101);
  CHECK(r.status == 1);
  CHECK(r.err.find("locked") != std::string::npos);
  // ...but IT's new PIN in the machine configuration clears the lockout.
  REQUIRE(m.pin({"set", "--pin", "7148", "--config", m.config()}, "", T0 + 101).status == 0);
  CHECK(m.pin({"check", "--pin", "7148"}, "", T0 + 102).status == 0);
}

TEST_CASE("cli pin: unlock clears a lockout only for whoever can write the machine PIN") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "4705"}, "", T0).status == 0); // teacher.json
  for (int i = 0; i < 5; ++i) {
    m.pin({"check", "--pin", "0000"}, "", T0);
  }
  // The PIN is not IT's: there is nothing for IT to unlock, and nothing changes.
  Run r = m.pin({"unlock"}, "", T0 + 1);
  CHECK(r.status == 1);
  CHECK(r.err.find("pin set --config") != std::string::npos);
  CHECK(m.pin({"check", "--pin", "4705"}, "", T0 + 2).out.find("locked") != std::string::npos);

  REQUIRE(m.pin({"set", "--pin", "7148", "--config", m.config()}, "", T0 + 3).status == 0);
  for (int i = 0; i < 5; ++i) {
    m.pin({"check", "--pin", "0000"}, "", T0 + 4);
  }
  CHECK(m.pin({"check", "--pin", "7148"}, "", T0 + 5).out.find("locked") != std::string::npos);
#ifndef _WIN32
  if (::geteuid() != 0) { // root may write any file
    fs::permissions(m.config(), fs::perms::owner_write, fs::perm_options::remove);
    r = m.pin({"unlock"}, "", T0 + 6);
    CHECK(r.status == 1);
    CHECK(r.err.find("only someone who can write") != std::string::npos);
    CHECK(m.pin({"check", "--pin", "7148"}, "", T0 + 6).status == 1);
    fs::permissions(m.config(), fs::perms::owner_write, fs::perm_options::add);
  }
#endif
  r = m.pin({"unlock"}, "", T0 + 7);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(m.pin({"check", "--pin", "7148"}, "", T0 + 8).status == 0);
}

TEST_CASE("cli pin: a damaged lockout state locks the PIN and says how IT clears it") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "7148", "--config", m.config()}, "", T0).status == 0);
  {
    std::string error;
    auto store = ResultsStore::open(m.data(), error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE(sqlite3_exec(store->handle(),
                         "UPDATE meta SET value = 'rubbish' WHERE key = 'pin_lockout'", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
  }
  Run r = m.pin({"check", "--pin", "7148"}, "", T0 + 1);
  CHECK(r.status == 1);
  CHECK(r.out.find("locked") != std::string::npos);
  CHECK(r.err.find("safequest-cli pin unlock") != std::string::npos);
  r = m.pin({"status"}, "", T0 + 1);
  CHECK(r.out.find("locked until IT clears it") != std::string::npos);
  REQUIRE(m.pin({"unlock"}, "", T0 + 2).status == 0);
  CHECK(m.pin({"check", "--pin", "7148"}, "", T0 + 3).status == 0);
}

TEST_CASE("cli pin: a damaged machine hash is unusable and is never bypassed") {
  Machine m;
  REQUIRE(m.pin({"set", "--pin", "4705"}).status == 0);
  m.writeConfig(R"({"teacherPinHash": "$2y$10$notargon"})");
  Run r = m.pin({"check", "--pin", "4705"});
  CHECK(r.status == 1);
  CHECK(r.err.find("schema.format") != std::string::npos);
  CHECK(m.pin({"set", "--pin", "7148", "--old-pin", "4705"}).status == 1);
  CHECK(m.pin({"status"}).out.find("PIN: unusable") != std::string::npos);
  // IT repairs it in place.
  REQUIRE(m.pin({"set", "--pin", "7148", "--config", m.config()}).status == 0);
  CHECK(m.pin({"check", "--pin", "7148"}).status == 0);
}

TEST_CASE("cli pin: set leaves a damaged file alone") {
  Machine m;
  m.writeConfig("{ this is not json");
  Run r = m.pin({"set", "--pin", "4705", "--config", m.config()});
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
  REQUIRE(m.pin({"set", "--pin", "4705"}).status == 0);
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
