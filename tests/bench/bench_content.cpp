// Load-and-validate benchmark for content packs. Prints the median, minimum and
// maximum of several runs for:
//   1. the bundled content/core pack (target: <= 50 ms on the reference 2-core machine);
//   2. a generated pack of 1,000 lessons holding 10,000 scenario nodes (target: <= 500 ms).
// Usage: bench_content [--runs N] [--keep DIR]
#include "content/pack_loader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kLessons = 1000;
constexpr int kNodesPerLesson = 10;

void writeFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Each lesson: intro slides and a 10-node scenario, every node with an unsafe
// try-again choice and a safe choice leading on, the last node an ending.
void generatePack(const fs::path& dir) {
  fs::remove_all(dir);
  const char* years[] = {"reception", "y1", "y2", "y3", "y4", "y5", "y6"};
  const char* bands[] = {"eyfs", "ks1", "ks1", "lks2", "lks2", "uks2", "uks2"};
  json units = json::array();
  for (int y = 0; y < 7; ++y) {
    units.push_back({{"id", years[y]},
                     {"yearGroup", years[y]},
                     {"band", bands[y]},
                     {"title", std::string("Unit ") + years[y]},
                     {"lessons", json::array()}});
  }
  for (int i = 0; i < kLessons; ++i) {
    const std::string id = "lesson-" + std::to_string(i);
    json nodes = json::array();
    for (int n = 0; n < kNodesPerLesson; ++n) {
      const std::string nid = "n" + std::to_string(n);
      const std::string text =
          "Node " + std::to_string(n) +
          ": a message arrives from someone you have only met in a game, asking for a photo "
          "of your school jumper and the name of your street.";
      if (n == kNodesPerLesson - 1) {
        nodes.push_back({{"id", nid}, {"ending", true}, {"text", text}});
        continue;
      }
      nodes.push_back({{"id", nid},
                       {"text", text},
                       {"choices",
                        {{{"id", "share"},
                          {"text", "Send it"},
                          {"safe", false},
                          {"smart", "S"},
                          {"feedback", "That would share where you are. Try again."}},
                         {{"id", "tell"},
                          {"text", "Tell a trusted adult"},
                          {"safe", true},
                          {"smart", "T"},
                          {"next", "n" + std::to_string(n + 1)},
                          {"feedback", "Telling an adult is always right."}}}}});
    }
    json lesson = {
        {"id", id},
        {"title", "Lesson " + std::to_string(i)},
        {"objectives", {"Keep personal details private."}},
        {"steps",
         {{{"id", "intro"}, {"kind", "slides"}, {"slides", {{{"id", "s1"}, {"text", "Welcome."}}}}},
          {{"id", "story"}, {"kind", "scenario"}, {"start", "n0"}, {"nodes", nodes}}}},
        {"reflection", "What will you do next time?"},
        {"badge", {{"title", "Star"}}}};
    writeFile(dir / "lessons" / (id + ".json"), lesson.dump(1));
    units[static_cast<std::size_t>(i % 7)]["lessons"].push_back(
        {{"lesson", id}, {"required", true}});
  }
  json manifest = {{"formatVersion", 1},   {"id", "bench"},          {"title", "Benchmark"},
                   {"version", "1.0.0"},   {"languages", {"en-GB"}}, {"authors", {"bench"}},
                   {"licence", "CC0-1.0"}, {"units", units}};
  writeFile(dir / "pack.json", manifest.dump(1));
}

struct Figures {
  double median = 0, min = 0, max = 0;
};

template <typename Fn> Figures timeRuns(int runs, Fn&& fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

void print(const char* what, const Figures& f, double target, const sq::LoadResult& r) {
  std::printf(
      "%-44s median %8.2f ms  [%.2f - %.2f]  target <= %.0f ms  %s  (%d errors, %d warnings)\n",
      what, f.median, f.min, f.max, target, f.median <= target ? "ok" : "OVER", r.errors,
      r.warnings);
}

} // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bench_content [--runs N] [--keep DIR]\n");
      return 2;
    }
  }
  const std::string core = std::string(SQ_SOURCE_DIR) + "/content/core";
  sq::LoadResult coreResult;
  const Figures coreFig = timeRuns(runs, [&] { coreResult = sq::loadPack(core); });
  print("content/core: load + validate", coreFig, 50, coreResult);

  const fs::path gen = keep.empty() ? fs::temp_directory_path() / "sq-bench-pack" : fs::path(keep);
  generatePack(gen);
  sq::LoadResult genResult;
  const Figures genFig = timeRuns(runs, [&] { genResult = sq::loadPack(gen.string()); });
  print("1,000 lessons, 10,000 nodes: load + validate", genFig, 500, genResult);
  if (keep.empty()) {
    fs::remove_all(gen);
  }
  return genResult.errors == 0 ? 0 : 1;
}
