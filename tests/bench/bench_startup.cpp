// The pupil game's start-up, idle and memory figures, against an empty SDL2
// program measured in the same run (bench_startup_empty). Run it under a real X
// server with the software renderer, as tests/bench/README.md says:
//   xvfb-run -a -s "-screen 0 1280x720x24" build/release/bench_startup
// It prints:
//   - cold start to the first presented frame, game and empty program (median, min, max);
//   - CPU while idle on the home screen for 10 s (and the empty program's);
//   - CPU to draw one frame of a screen transition at 1920x1080, not counting the
//     present (the app measures its own drawing), first and later transitions;
//   - PSS on the home screen at 1280x720, and at 3840x2160 separately.
// It asserts nothing: the figures are for a person to compare (PERF-BASELINES.md).
// Linux only (/proc, fork and exec).
#include "app/app.hpp"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
  double median = 0;
  double min = 0;
  double max = 0;
};

Stats stats(std::vector<double> v) {
  Stats s;
  if (v.empty()) {
    return s;
  }
  std::sort(v.begin(), v.end());
  s.median = v[v.size() / 2];
  s.min = v.front();
  s.max = v.back();
  return s;
}

// Starts `args`, with stdout on a pipe when `out` is set, else /dev/null.
pid_t spawn(const std::vector<std::string>& args, int* out) {
  int fds[2] = {-1, -1};
  if (out != nullptr && pipe(fds) != 0) {
    return -1;
  }
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(out != nullptr ? fds[1] : devnull, STDOUT_FILENO);
    dup2(devnull, STDERR_FILENO);
    if (out != nullptr) {
      close(fds[0]);
      close(fds[1]);
    }
    std::vector<char*> argv;
    for (const auto& a : args) {
      argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (out != nullptr) {
    close(fds[1]);
    *out = fds[0];
  }
  return pid;
}

// Milliseconds from starting the program to its "first-frame" line; -1 on failure.
double timeToFirstFrame(const std::vector<std::string>& args) {
  int fd = -1;
  const auto start = Clock::now();
  const pid_t pid = spawn(args, &fd);
  if (pid < 0) {
    return -1;
  }
  std::string got;
  char buf[256];
  double ms = -1;
  while (true) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    got.append(buf, static_cast<std::size_t>(n));
    if (got.find("first-frame\n") != std::string::npos) {
      ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      break;
    }
  }
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  return ms;
}

// utime + stime of the whole process, in seconds.
double cpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = all.rfind(')');
  if (close == std::string::npos) {
    return 0;
  }
  std::istringstream rest(all.substr(close + 2));
  std::string field;
  long utime = 0;
  long stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) {
      utime = std::atol(field.c_str());
    } else if (i == 15) {
      stime = std::atol(field.c_str());
    }
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Context switches of every thread: each one is a wake-up.
long wakeups(pid_t pid) {
  long total = 0;
  const std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    return 0;
  }
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') {
      continue;
    }
    std::ifstream in(dir + "/" + e->d_name + "/status");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("voluntary_ctxt_switches:", 0) == 0 ||
          line.rfind("nonvoluntary_ctxt_switches:", 0) == 0) {
        total += std::atol(line.substr(line.find(':') + 1).c_str());
      }
    }
  }
  closedir(d);
  return total;
}

// Proportional set size in MiB.
double pssMiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Pss:", 0) == 0) {
      return static_cast<double>(std::atol(line.substr(4).c_str())) / 1024.0;
    }
  }
  return -1;
}

struct Resting {
  double cpuPercent = 0;
  double wakeupsPerSecond = 0;
  double pss = 0;
};

// Starts a program that stays open, lets it settle, then watches it rest.
Resting rest(const std::vector<std::string>& args, int seconds) {
  Resting r;
  const pid_t pid = spawn(args, nullptr);
  std::this_thread::sleep_for(std::chrono::seconds(3)); // first frame, records, packs
  r.pss = pssMiB(pid);
  if (seconds > 0) {
    const double cpu0 = cpuSeconds(pid);
    const long wake0 = wakeups(pid);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    r.cpuPercent = (cpuSeconds(pid) - cpu0) / seconds * 100.0;
    r.wakeupsPerSecond = static_cast<double>(wakeups(pid) - wake0) / seconds;
  }
  kill(pid, SIGTERM); // SDL turns it into a quit request: the game closes
  int status = 0;
  waitpid(pid, &status, 0);
  return r;
}

void pushKey(SDL_Keycode key, bool shift = false) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  e.key.keysym.mod = shift ? KMOD_LSHIFT : KMOD_NONE;
  SDL_PushEvent(&e);
}

struct Transitions {
  double first = -1; // the first time a screen is drawn (glyphs rasterised)
  Stats later;
  Stats toSettings;
  Stats toHome;
};

// In this process: the app at 1920x1080, guest home <-> settings, timing the
// draw of each frame that shows the new screen.
Transitions transitions(const std::string& data, const std::string& content) {
  sq::AppOptions o;
  o.width = 1920;
  o.height = 1080;
  o.forceSoftware = true;
  o.guest = true;
  o.dataDir = data;
  o.contentDir = content;
  o.configPath = data + "/no-machine-config.json";
  o.assetsDir = SQ_ASSETS_DIR;
  o.blockWhenIdle = false;
  std::string error;
  auto app = sq::App::create(o, error);
  Transitions t;
  if (!app) {
    std::fprintf(stderr, "bench_startup: %s\n", error.c_str());
    return t;
  }
  for (int i = 0; i < 10; ++i) {
    app->runOneFrame();
  }
  std::vector<double> later;
  std::vector<double> settings;
  std::vector<double> homes;
  for (int round = 0; round < 21; ++round) {
    // To settings: Shift+Tab twice (the butterfly, then settings), Enter.
    pushKey(SDLK_TAB, true);
    pushKey(SDLK_TAB, true);
    app->runOneFrame();
    pushKey(SDLK_RETURN);
    app->runOneFrame();
    const double toSettings = static_cast<double>(app->lastDrawMicros()) / 1000.0;
    pushKey(SDLK_ESCAPE); // back home
    app->runOneFrame();
    const double toHome = static_cast<double>(app->lastDrawMicros()) / 1000.0;
    if (round == 0) {
      t.first = toSettings;
    } else {
      later.push_back(toSettings);
      later.push_back(toHome);
      settings.push_back(toSettings);
      homes.push_back(toHome);
    }
  }
  t.later = stats(later);
  t.toSettings = stats(settings);
  t.toHome = stats(homes);
  return t;
}

void startupAndIdle(const std::vector<std::string>& gameArgs, const std::string& empty, int runs,
                    int idleSeconds) {
  // Warm the file cache once for both, so every run starts alike.
  timeToFirstFrame({empty});
  auto first = gameArgs;
  first.push_back("--exit-after-first-frame");
  timeToFirstFrame(first);
  std::vector<double> emptyMs;
  std::vector<double> gameMs;
  for (int i = 0; i < runs; ++i) {
    emptyMs.push_back(timeToFirstFrame({empty}));
    gameMs.push_back(timeToFirstFrame(first));
  }
  const Stats e = stats(emptyMs);
  const Stats g = stats(gameMs);
  std::printf("first presented frame (ms)   median    min    max\n");
  std::printf("  empty SDL2 program        %7.1f %6.1f %6.1f\n", e.median, e.min, e.max);
  std::printf("  safequest (sign-in)       %7.1f %6.1f %6.1f\n", g.median, g.min, g.max);
  std::printf("  ratio (target <= 2.0)     %7.2f\n\n", e.median > 0 ? g.median / e.median : 0.0);
  std::fflush(stdout);

  auto home = gameArgs;
  home.push_back("--guest");
  const Resting idleEmpty = rest({empty, "--stay"}, idleSeconds);
  const Resting idleGame = rest(home, idleSeconds);
  std::printf("idle for %d s                CPU (%% of a core)   wake-ups/s   PSS (MiB)\n",
              idleSeconds);
  std::printf("  empty SDL2 program        %10.2f %15.1f %11.1f\n", idleEmpty.cpuPercent,
              idleEmpty.wakeupsPerSecond, idleEmpty.pss);
  std::printf("  safequest, home, 1280x720 %10.2f %15.1f %11.1f   (targets: <= 0.1%%, <= 60 MiB)\n",
              idleGame.cpuPercent, idleGame.wakeupsPerSecond, idleGame.pss);
  std::fflush(stdout);
  auto big = home;
  big.insert(big.end(), {"--size", "3840x2160"});
  const Resting bigHome = rest(big, 0);
  std::printf("  safequest, home, 3840x2160 PSS %.1f MiB (the 4K framebuffer alone is 32 MiB)\n\n",
              bigHome.pss);
  std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
  int runs = 5;
  bool onlyTransitions = false;
  int idleSeconds = 10;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--transitions") == 0) {
      onlyTransitions = true;
      continue;
    }
    if (i + 1 >= argc) {
      break;
    }
    if (std::strcmp(argv[i], "--runs") == 0) {
      runs = std::max(1, std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--idle-seconds") == 0) {
      idleSeconds = std::max(1, std::atoi(argv[i + 1]));
    }
    ++i;
  }
  if (std::getenv("DISPLAY") == nullptr) {
    std::fprintf(stderr,
                 "bench_startup needs an X server; run it as\n"
                 "  xvfb-run -a -s \"-screen 0 1280x720x24\" %s\n",
                 argv[0]);
    return 2;
  }
  // The software renderer, drawing straight to the X window (no Mesa).
  setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
  setenv("SDL_RENDER_DRIVER", "software", 1);
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  const auto tmp =
      std::filesystem::temp_directory_path() / ("sq_bench_startup_" + std::to_string(getpid()));
  std::filesystem::create_directories(tmp);
  const std::string data = (tmp / "data").string();
  setenv("SAFEQUEST_CONFIG", (tmp / "no-machine-config.json").c_str(), 1);
  const std::string game = SQ_GAME_PATH;
  const std::string empty = SQ_EMPTY_PATH;
  const std::string content = SQ_CONTENT_DIR;
  const std::vector<std::string> gameArgs = {game,        "--data", data,
                                             "--content", content,  "--software"};

  std::printf("SafeQuest start-up benchmark (%d runs; software renderer, "
              "SDL_FRAMEBUFFER_ACCELERATION=0)\n\n",
              runs);
  if (!onlyTransitions) {
    startupAndIdle(gameArgs, empty, runs, idleSeconds);
  }
  const Transitions t = transitions((tmp / "data-transitions").string(), content);
  std::printf("one frame of a screen transition at 1920x1080, CPU without the present (ms)\n");
  std::printf("  first time (glyphs rasterised)   %6.2f\n", t.first);
  std::printf("  later: median %.2f, min %.2f, max %.2f   (target <= 4 ms)\n", t.later.median,
              t.later.min, t.later.max);
  std::printf("    to settings %.2f, to home (guest, 7 units) %.2f\n", t.toSettings.median,
              t.toHome.median);
  std::filesystem::remove_all(tmp);
  return 0;
}
