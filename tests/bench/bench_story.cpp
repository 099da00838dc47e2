// The branching-story benchmark, against inkjs on the same story (the baseline
// measured on the reference machine: 288 ms to load, 6,123 ms for 1,000 random
// playthroughs; the target is at least 5x faster on both).
//   1. Generate the 10,000-node story (seed 20240601) as a SafeQuest pack in memory.
//   2. Load + validate it through the real loader (median of several runs).
//   3. 1,000 seeded random playthroughs through the ScenarioRunner; must make
//      169,041 choices, the checksum that the walk is the same work as inkjs's.
// Usage: bench_story [--runs N]
#include "content/pack_loader.hpp"
#include "runtime/scenario_runner.hpp"
#include "story_generator.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

std::string storyLessonJson(const std::vector<sq::bench::StoryNode>& story) {
  nlohmann::json nodes = nlohmann::json::array();
  for (std::size_t i = 0; i < story.size(); ++i) {
    nlohmann::json choices = nlohmann::json::array();
    for (std::size_t c = 0; c < story[i].choices.size(); ++c) {
      const auto& ch = story[i].choices[c];
      choices.push_back({{"id", "c" + std::to_string(c)},
                         {"text", ch.text},
                         {"safe", true},
                         {"smart", "T"},
                         {"next", ch.next < 0 ? std::string("end") : "n" + std::to_string(ch.next)},
                         {"feedback", "On you go."}});
    }
    nodes.push_back(
        {{"id", "n" + std::to_string(i)}, {"text", story[i].text}, {"choices", choices}});
  }
  nodes.push_back({{"id", "end"}, {"ending", true}, {"text", "The end."}});
  nlohmann::json lesson = {
      {"id", "story"},
      {"title", "Benchmark story"},
      {"objectives", {"Measure the runner."}},
      {"steps", {{{"id", "story"}, {"kind", "scenario"}, {"start", "n0"}, {"nodes", nodes}}}},
      {"reflection", "Done?"},
      {"badge", {{"title", "Done"}}}};
  return lesson.dump();
}

} // namespace

int main(int argc, char** argv) {
  int runs = 5;
  if (argc == 3 && std::string(argv[1]) == "--runs") {
    runs = std::max(1, std::atoi(argv[2]));
  }
  const auto story = sq::bench::generateStory(10000, 20240601);
  std::size_t choiceCount = 0;
  for (const auto& n : story) {
    choiceCount += n.choices.size();
  }
  std::printf("story: %zu nodes, %zu choices (expected 10000 and 24905)\n", story.size(),
              choiceCount);

  sq::MemoryPackSource src;
  src.addFile("pack.json", R"({"formatVersion":1,"id":"bench","title":"Bench","version":"1.0",
    "languages":["en-GB"],"authors":["bench"],"licence":"CC0-1.0","units":[{"id":"y5",
    "yearGroup":"y5","band":"uks2","title":"Y5","lessons":[{"lesson":"story","required":true}]}]})");
  const std::string lessonJson = storyLessonJson(story);
  src.addFile("lessons/story.json", lessonJson);
  // The story is far larger than any lesson a teacher writes, so the benchmark
  // raises the limits that exist to refuse hostile packs.
  sq::PackLimits limits;
  limits.maxJsonFileBytes = 64ull * 1024 * 1024;
  limits.maxScenarioNodes = 20000;

  std::vector<double> loads;
  sq::LoadResult loaded;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    loaded = sq::loadPack(src, limits);
    loads.push_back(ms(Clock::now() - t0));
  }
  std::sort(loads.begin(), loads.end());
  if (!loaded.valid()) {
    std::fprintf(stderr, "bench_story: the story pack did not validate (%d errors)\n",
                 loaded.errors);
    for (const auto& d : loaded.diagnostics) {
      std::fprintf(stderr, "  %s\n", sq::formatDiagnostic(d).c_str());
    }
    return 1;
  }
  const auto& scenario = std::get<sq::ScenarioActivity>(loaded.pack->lessons[0].steps[0].activity);

  std::vector<double> walks;
  long long made = 0;
  for (int i = 0; i < runs; ++i) {
    sq::bench::Mulberry32 rng(12345);
    made = 0;
    const auto t0 = Clock::now();
    for (int play = 0; play < 1000; ++play) {
      sq::ScenarioRunner runner(scenario);
      while (!runner.isFinished()) {
        const auto n = static_cast<int>(runner.choices().size());
        runner.choose(static_cast<std::size_t>(rng.next() * n));
        runner.proceed();
        ++made;
      }
    }
    walks.push_back(ms(Clock::now() - t0));
  }
  std::sort(walks.begin(), walks.end());
  const double load = loads[loads.size() / 2];
  const double walk = walks[walks.size() / 2];
  std::printf("JSON: %.2f MB\n", static_cast<double>(lessonJson.size()) / 1e6);
  std::printf("load + validate          median %8.1f ms  [%.1f - %.1f]   inkjs 288 ms   %.1fx "
              "faster (target 5x)\n",
              load, loads.front(), loads.back(), 288.0 / load);
  std::printf("1,000 playthroughs       median %8.1f ms  [%.1f - %.1f]   inkjs 6,123 ms %.1fx "
              "faster (target 5x)\n",
              walk, walks.front(), walks.back(), 6123.0 / walk);
  std::printf("choices made: %lld (expected 169041), %.3f us per choice\n", made,
              walk * 1000.0 / static_cast<double>(made));
  return made == 169041 && story.size() == 10000 && choiceCount == 24905 ? 0 : 1;
}
