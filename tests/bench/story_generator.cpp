#include "story_generator.hpp"

#include <algorithm>
#include <sstream>

namespace sq::bench {

namespace {

const std::vector<std::string>& words() {
  static const std::vector<std::string> list = [] {
    const char* text = "online safe friend message password photo school adult trust "
                       "tell stop think check game chat screen share secret private kind careful "
                       "click link email picture name address feeling tummy butterfly report "
                       "teacher parent nickname avatar profile webcam permission true false rule "
                       "smart meet accept reliable information copy own words virus popup phone "
                       "lesson class computer tablet video comment post like follow stranger "
                       "helpful worried happy sad quick slow bright window button choose next "
                       "the a and to of in is it you we they that this with for on at by from";
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) {
      out.push_back(w);
    }
    return out;
  }();
  return list;
}

int pick(Mulberry32& rnd, int n) {
  return static_cast<int>(rnd.next() * n);
}

std::string sentence(Mulberry32& rnd, int minWords, int maxWords) {
  const int n = minWords + pick(rnd, maxWords - minWords + 1);
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string w = words()[static_cast<std::size_t>(pick(rnd, static_cast<int>(words().size())))];
    if (i == 0) {
      w[0] = static_cast<char>(w[0] - 'a' + 'A');
    } else {
      out += ' ';
    }
    out += w;
  }
  return out;
}

constexpr int kJump = 200;

} // namespace

std::vector<StoryNode> generateStory(int n, std::uint32_t seed) {
  Mulberry32 rnd(seed);
  std::vector<StoryNode> nodes;
  nodes.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    StoryNode node;
    const int sentences = 3 + pick(rnd, 3);
    for (int s = 0; s < sentences; ++s) {
      node.text += (s ? " " : "") + sentence(rnd, 6, 12) + ".";
    }
    const int k = 2 + pick(rnd, 2);
    std::vector<int> targets = {i + 1};
    for (int c = 1; c < k; ++c) {
      int t = 0;
      do {
        t = i + 2 + pick(rnd, kJump - 1);
      } while (std::find(targets.begin(), targets.end(), t) != targets.end() && t < n);
      targets.push_back(t);
    }
    std::vector<int> seen;
    for (int t : targets) {
      const int next = t < n ? t : -1;
      if (std::find(seen.begin(), seen.end(), next) != seen.end()) {
        continue; // two jumps past the end make one ending choice
      }
      seen.push_back(next);
      node.choices.push_back({sentence(rnd, 3, 6), next});
    }
    nodes.push_back(std::move(node));
  }
  return nodes;
}

} // namespace sq::bench
