// The data folder may not be a system folder, a folder that holds everyone's
// folders, or the home folder itself: the machine configuration's dataFolder
// and safequest-cli's --data are both checked (config.system-folder).
#include "cli/cli_args.hpp"
#include "settings/machine_config.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace sq;

namespace {

EnvLookup envWith(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

const EnvLookup kHome = envWith({{"HOME", "/home/teacher"}, {"USERPROFILE", "C:\\Users\\teacher"}});

bool refused(const std::string& path) {
  return systemFolderProblem(path, kHome).has_value();
}

} // namespace

TEST_CASE("data folder: system folders and what is in them are refused") {
  for (const char* p : {"/etc",
                        "/etc/safequest",
                        "/usr",
                        "/usr/local/share/safequest",
                        "/bin",
                        "/sbin",
                        "/lib",
                        "/lib64",
                        "/lib32",
                        "/libx32/x",
                        "/boot",
                        "/dev",
                        "/dev/shm/safequest",
                        "/proc",
                        "/proc/self",
                        "/sys",
                        "/run",
                        "/run/user/1000/safequest",
                        "/etc/",
                        "/srv/../etc",
                        "/srv/./../usr/lib"}) {
    CAPTURE(p);
    CHECK(refused(p));
  }
}

TEST_CASE("data folder: folders holding everyone's folders are refused, not what is in them") {
  for (const char* p :
       {"/", "//", "/var", "/var/", "/tmp", "/var/tmp", "/home", "/root", "/srv", "/opt", "/mnt",
        "/media", "/home/teacher", "/home/teacher/", "/home/teacher/x/.."}) {
    CAPTURE(p);
    CHECK(refused(p));
  }
  for (const char* p :
       {"/var/lib/safequest", "/tmp/sq-test-1", "/home/teacher/safequest",
        "/home/teacher/.local/share/safequest", "/srv/safequest/data", "/opt/safequest/data",
        "/mnt/school/safequest", "/media/usb/safequest", "/home/other"}) {
    CAPTURE(p);
    CHECK_FALSE(refused(p));
  }
}

TEST_CASE("data folder: Windows system folders, drive roots and the profile itself") {
  for (const char* p :
       {"C:\\", "c:\\", "D:\\", "C:/", "C:\\Windows", "C:\\WINDOWS\\System32", "C:\\Program Files",
        "C:\\Program Files\\SafeQuest", "C:\\Program Files (x86)", "c:\\program files (x86)\\sq",
        "C:\\ProgramData", "C:\\Users", "C:\\Users\\Public", "C:\\Users\\teacher",
        "c:\\users\\TEACHER\\", "C:\\SafeQuest\\..\\Windows"}) {
    CAPTURE(p);
    CHECK(refused(p));
  }
  for (const char* p : {"C:\\SafeQuest", "D:\\SafeQuest\\data", "C:\\ProgramData\\SafeQuest",
                        "C:\\Users\\teacher\\SafeQuest", "\\\\server\\share\\SafeQuest",
                        "C:\\Programs\\SafeQuest"}) {
    CAPTURE(p);
    CHECK_FALSE(refused(p));
  }
}

TEST_CASE("data folder: the machine configuration refuses one, naming the field and the code") {
  for (const char* folder : {"/", "/etc", "/usr/share/safequest", "/var", "/tmp"}) {
    CAPTURE(folder);
    Diagnostics d;
    const ConfigLayer layer =
        parseConfig(std::string(R"({"dataFolder": ")") + folder + R"(", "schoolFolder": "/"})",
                    "config.json", d);
    CHECK_FALSE(layer.dataFolder.has_value());
    CHECK(layer.refused.count(ConfigField::DataFolder) == 1);
    REQUIRE(d.all().size() == 1); // the school folder is not a data folder
    CHECK(d.all()[0].code == Code::ConfigSystemFolder);
    CHECK(d.all()[0].pointer == "/dataFolder");
    CHECK(layer.schoolFolder == "/");
  }
  Diagnostics d;
  CHECK(parseConfig(R"({"dataFolder": "relative/data"})", "config.json", d)
            .refused.count(ConfigField::DataFolder) == 1);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == Code::SchemaFormat);
  if (const auto home = systemEnvironment()("HOME"); home && home->front() == '/') {
    Diagnostics h;
    parseConfig(R"({"dataFolder": ")" + *home + R"("})", "config.json", h);
    REQUIRE(h.all().size() == 1);
    CHECK(h.all()[0].code == Code::ConfigSystemFolder);
  }
  Diagnostics good;
  CHECK(parseConfig(R"({"dataFolder": "/srv/safequest/data"})", "config.json", good).dataFolder ==
        "/srv/safequest/data");
  CHECK(good.all().empty());
}

TEST_CASE("data folder: safequest-cli refuses --data that is a system folder") {
  for (const char* folder : {"/", "/etc", "/usr/lib/safequest", "/proc"}) {
    CAPTURE(folder);
    cli::Args args;
    std::string error;
    CHECK_FALSE(args.parse({"--data", folder}, {"--data"}, {}, error));
    CHECK(error.find("config.system-folder") != std::string::npos);
  }
  cli::Args args;
  std::string error;
  CHECK(args.parse({"--data", "/srv/safequest/data"}, {"--data"}, {}, error));
  CHECK(error.empty());
}
