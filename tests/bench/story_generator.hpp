// The benchmark story, generated in C++ so the benchmark needs neither Node.js nor
// files from outside the repository. A faithful port of the reference generator
// used to measure inkjs (shared perf notes): mulberry32, the same word list, the
// same shape rules, so seed 20240601 gives 10,000 nodes and 24,905 choices, and
// the same random walk gives the same 169,041 choices.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sq::bench {

class Mulberry32 {
public:
  explicit Mulberry32(std::uint32_t seed) : mState(seed) {}
  double next() {
    mState += 0x6D2B79F5u;
    std::uint32_t t = (mState ^ (mState >> 15)) * (mState | 1u);
    t = (t + (t ^ (t >> 7)) * (t | 61u)) ^ t;
    return static_cast<double>(t ^ (t >> 14)) / 4294967296.0;
  }

private:
  std::uint32_t mState;
};

struct StoryChoice {
  std::string text;
  int next = -1; // -1: the story ends
};

struct StoryNode {
  std::string text;
  std::vector<StoryChoice> choices;
};

std::vector<StoryNode> generateStory(int nodes, std::uint32_t seed);

} // namespace sq::bench
