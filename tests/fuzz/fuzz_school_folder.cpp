// libFuzzer target for the two things a PC reads from the shared school folder:
// other devices' event snapshots (SQLite files) and the published class list.
// The first byte chooses which; the rest is the file. Neither may crash, leak or
// hit undefined behaviour, whatever the bytes.
#include "results/event_payload.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_trust.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <unistd.h>

namespace {

struct Scratch {
  std::filesystem::path dir;
  std::unique_ptr<sq::ResultsStore> store;
  Scratch() {
    dir = std::filesystem::temp_directory_path() /
          ("sq-fuzz-school-" + std::to_string(static_cast<long>(getpid())));
    std::filesystem::create_directories(dir);
    std::string error;
    store = sq::ResultsStore::open((dir / "data").string(), error);
  }
  ~Scratch() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  if (size == 0 || !scratch.store) {
    return 0;
  }
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    std::string error;
    (void)sq::parseClassList(body, error);
    // The signed envelope a game PC reads: refused or taken, never a crash.
    (void)sq::acceptClassListBytes(*scratch.store, body);
    return 0;
  }
  const auto path = scratch.dir / "snapshot.sqlite";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
  }
  sq::SnapshotRead read = sq::readSnapshot(path.string());
  if (read.error.empty() && !read.events.empty()) {
    // Every merged event's data is read back by the register and the reports
    // through the one decoder: it must refuse anything, never crash.
    for (const sq::Event& e : read.events) {
      std::string why;
      (void)sq::decodeEvent(e, &why);
    }
    std::string error;
    (void)scratch.store->insertForeign(read.events, error);
  }
  return 0;
}
