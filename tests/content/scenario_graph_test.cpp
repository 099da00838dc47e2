#include "content/pack_validator.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sq;
using namespace sq::detail;

namespace {

// Builds a scenario from "id:next1,next2" specs; an id starting with '!' is an ending.
ScenarioActivity graph(const std::string& start, const std::vector<std::string>& specs) {
  ScenarioActivity s;
  s.start = start;
  for (const auto& spec : specs) {
    ScenarioNode n;
    const auto colon = spec.find(':');
    n.id = spec.substr(0, colon);
    if (n.id[0] == '!') {
      n.id = n.id.substr(1);
      n.ending = true;
    }
    if (colon != std::string::npos) {
      std::string rest = spec.substr(colon + 1);
      std::size_t pos = 0;
      while (pos <= rest.size()) {
        std::size_t comma = rest.find(',', pos);
        if (comma == std::string::npos) {
          comma = rest.size();
        }
        Choice c;
        c.id = "c" + std::to_string(n.choices.size());
        c.next = rest.substr(pos, comma - pos);
        c.safe = true;
        n.choices.push_back(c);
        pos = comma + 1;
      }
    }
    s.nodes.push_back(n);
  }
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    s.nodeIndex.emplace(s.nodes[i].id, i);
  }
  return s;
}

std::vector<std::string> codes(const ScenarioActivity& s) {
  Diagnostics d;
  PackLimits limits;
  std::vector<std::string> langs{"en-GB"};
  std::vector<AssetUse> assets;
  DocContext ctx{d, "lessons/x.json", limits, langs, assets};
  checkScenario(ctx, s, "/steps/0");
  std::vector<std::string> out;
  for (const auto& diag : d.all()) {
    out.push_back(std::string(codeId(diag.code)) + " " + diag.pointer);
  }
  return out;
}

} // namespace

TEST_CASE("loops are allowed while an ending stays reachable") {
  CHECK(codes(graph("a", {"a:b", "b:a,end", "!end"})).empty());
}

TEST_CASE("a loop with no way out is a trap at every node in it") {
  const auto c = codes(graph("a", {"a:b", "b:c", "c:b", "!end"}));
  CHECK(c == std::vector<std::string>{
                 "scenario.trap /steps/0/nodes/0", "scenario.trap /steps/0/nodes/1",
                 "scenario.trap /steps/0/nodes/2", "scenario.unreachable /steps/0/nodes/3"});
}

TEST_CASE("unreachable nodes are warnings, and bad references are errors") {
  CHECK(codes(graph("a", {"a:end", "!end", "lost:end"})) ==
        std::vector<std::string>{"scenario.unreachable /steps/0/nodes/2"});
  CHECK(codes(graph("a", {"a:nowhere,end", "!end"})) ==
        std::vector<std::string>{"ref.unresolved /steps/0/nodes/0/choices/0/next"});
  CHECK(codes(graph("zz", {"a:end", "!end"})) ==
        std::vector<std::string>{"ref.unresolved /steps/0/start"});
}

TEST_CASE("endings, safe choices and missing endings") {
  auto s = graph("a", {"a:b", "b:a"});
  CHECK(codes(s) == std::vector<std::string>{"scenario.no-ending /steps/0/nodes"});

  s = graph("a", {"a:end", "!end"});
  s.nodes[1].choices.push_back(Choice{});
  CHECK(codes(s) ==
        std::vector<std::string>{"scenario.ending-has-choices /steps/0/nodes/1/choices"});

  s = graph("a", {"a:end", "!end"});
  s.nodes[0].choices[0].safe = false;
  CHECK(codes(s) == std::vector<std::string>{"scenario.no-safe-choice /steps/0/nodes/0/choices"});

  s = graph("a", {"a:end", "!end"});
  s.nodes[0].choices[0].next.clear();
  const auto c = codes(s);
  CHECK(std::find(c.begin(), c.end(), "scenario.safe-without-next /steps/0/nodes/0/choices/0") !=
        c.end());
}

TEST_CASE("ten thousand nodes in a chain are checked without recursion") {
  std::vector<std::string> specs;
  for (int i = 0; i < 10000; ++i) {
    specs.push_back("n" + std::to_string(i) + ":n" + std::to_string(i + 1));
  }
  specs.push_back("!n10000");
  CHECK(codes(graph("n0", specs)).empty());
}
