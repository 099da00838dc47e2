// Crash test for the records store. A writer child process records events as fast
// as it can, printing each event's uuid only after record() returns; the parent
// kills it with SIGKILL at a random moment. Afterwards every printed uuid must be
// in the store, no event may appear twice, sequence numbers must be unique, and
// SQLite's integrity_check must pass. Repeated --kills times on one store.
//
//   sq_crash_test --kills 200            (the test command)
//   sq_crash_test --kills 5000 --seed 7  (a longer run)
#include "results/results_store.hpp"
#include "results/uuid.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

[[noreturn]] void runWriter(const std::string& dir, int fd) {
  std::string error;
  auto store = sq::ResultsStore::open(dir, error);
  if (!store) {
    std::fprintf(stderr, "writer: %s\n", error.c_str());
    _exit(3);
  }
  const std::string pupil = sq::newUuid();
  for (int i = 0;; ++i) {
    sq::EventDraft d;
    d.kind = sq::EventKind::ActivityCompleted;
    d.pupilId = pupil;
    d.activityId = "crash-" + std::to_string(i);
    auto e = store->record(d, error);
    if (!e) {
      std::fprintf(stderr, "writer: %s\n", error.c_str());
      _exit(4);
    }
    const std::string line = e->uuid + "\n";
    // One write() per line: a kill leaves whole lines or none.
    if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      _exit(5);
    }
  }
}

std::string integrity(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  std::string result = "no answer";
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  return result;
}

} // namespace

int main(int argc, char** argv) {
  int kills = 200;
  unsigned seed = 20261122;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--kills") {
      kills = std::max(1, std::atoi(argv[i + 1]));
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
    }
  }
  const fs::path dir = fs::temp_directory_path() / ("sq-crash-" + sq::newUuid());
  fs::create_directories(dir);
  std::mt19937 rng(seed);
  std::set<std::string> saved;
  int failed = 0;
  for (int k = 0; k < kills; ++k) {
    int pipefd[2];
    if (pipe(pipefd) != 0) {
      std::perror("pipe");
      return 2;
    }
    const pid_t pid = fork();
    if (pid == 0) {
      close(pipefd[0]);
      runWriter(dir.string(), pipefd[1]);
    }
    close(pipefd[1]);
    // Kill anywhere from during open to a few dozen commits in.
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 40000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    std::string buffer;
    char chunk[4096];
    ssize_t n = 0;
    while ((n = read(pipefd[0], chunk, sizeof chunk)) > 0) {
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
    close(pipefd[0]);
    if (WIFEXITED(status)) {
      std::fprintf(stderr, "kill %d: the writer exited by itself with status %d\n", k,
                   WEXITSTATUS(status));
      ++failed;
    }
    for (std::size_t pos = 0, nl; (nl = buffer.find('\n', pos)) != std::string::npos;
         pos = nl + 1) {
      saved.insert(buffer.substr(pos, nl - pos));
    }
  }

  sqlite3* db = nullptr;
  const std::string path = (dir / "safequest.sqlite").string();
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open the store after the kills\n");
    return 1;
  }
  const std::string check = integrity(db);
  if (check != "ok") {
    std::fprintf(stderr, "integrity_check: %s\n", check.c_str());
    ++failed;
  }
  std::set<std::string> present;
  std::size_t rows = 0;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT uuid FROM events", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    ++rows;
    present.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  }
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "SELECT count(*) - count(DISTINCT device_id || ':' || seq) FROM events",
                     -1, &s, nullptr);
  const int dupSeq = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(db);

  std::size_t lost = 0;
  for (const auto& u : saved) {
    lost += present.count(u) ? 0 : 1;
  }
  if (lost > 0) {
    std::fprintf(stderr, "%zu events reported as saved are missing\n", lost);
    ++failed;
  }
  if (rows != present.size() || dupSeq != 0) {
    std::fprintf(stderr,
                 "duplicated events: %zu rows, %zu distinct, %d repeated sequence numbers\n", rows,
                 present.size(), dupSeq);
    ++failed;
  }
  std::printf("crash test: %d kills, %zu events reported saved, %zu in the store, integrity %s\n",
              kills, saved.size(), rows, check.c_str());
  std::printf("%d passed, %d failed\n", failed == 0 ? 1 : 0, failed == 0 ? 0 : 1);
  fs::remove_all(dir);
  return failed == 0 ? 0 : 1;
}
