// Builds the snapshot fuzzer's seeds: every tests/fixtures/hostile-snapshots/NAME.sql
// run into OUT_DIR/NAME.sqlite, as the corpus test builds them.
//   sq_snapshot_seeds CORPUS_DIR OUT_DIR
#include "support/sql_database.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sq_snapshot_seeds CORPUS_DIR OUT_DIR\n");
    return 2;
  }
  const std::filesystem::path out = argv[2];
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  int built = 0;
  for (const auto& sql : sq::test::hostileSnapshotSources(argv[1])) {
    std::string error;
    const auto file = out / (sql.stem().string() + ".sqlite");
    if (!sq::test::buildDatabase(file, sq::test::readTextFile(sql), error)) {
      std::fprintf(stderr, "%s: %s\n", sql.string().c_str(), error.c_str());
      return 1;
    }
    ++built;
  }
  std::printf("sq_snapshot_seeds: %d snapshots\n", built);
  return built > 0 ? 0 : 1;
}
