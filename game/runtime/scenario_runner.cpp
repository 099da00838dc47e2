#include "runtime/scenario_runner.hpp"

#include <nlohmann/json.hpp>

namespace sq {

ScenarioRunner::ScenarioRunner(const ScenarioActivity& scenario) : mScenario(&scenario) {
  // Edges were resolved to indices at load time (Choice::nextIndex), so starting a
  // runner costs nothing however large the story is.
  auto start = scenario.nodeIndex.find(scenario.start);
  mStart = start == scenario.nodeIndex.end() ? 0 : start->second;
  enter(mStart);
}

void ScenarioRunner::enter(std::size_t node) {
  mNode = node;
  mLast.reset();
  mPhase = mScenario->nodes[node].ending ? Phase::Ended : Phase::Choosing;
  if (mPhase == Phase::Ended) {
    mOutcome.ending = mScenario->nodes[node].id;
  }
}

bool ScenarioRunner::choose(std::size_t index) {
  if (mPhase != Phase::Choosing || index >= current().choices.size()) {
    return false;
  }
  const Choice& c = current().choices[index];
  mOutcome.choices.push_back(c.id);
  if (!c.safe) {
    ++mOutcome.unsafeChoices;
  }
  mLast = index;
  mPhase = Phase::Feedback;
  return true;
}

const Choice* ScenarioRunner::lastChoice() const {
  return mLast ? &current().choices[*mLast] : nullptr;
}

bool ScenarioRunner::willTryAgain() const {
  return mPhase == Phase::Feedback && mLast &&
         current().choices[*mLast].nextIndex == Choice::kNoNode;
}

bool ScenarioRunner::proceed() {
  if (mPhase != Phase::Feedback || !mLast) {
    return false;
  }
  const std::size_t next = current().choices[*mLast].nextIndex;
  if (next == Choice::kNoNode) {
    mLast.reset();
    mPhase = Phase::Choosing; // try again at the same node
  } else {
    enter(next);
  }
  return true;
}

bool ScenarioRunner::startAt(const std::string& nodeId) {
  const auto it = mScenario->nodeIndex.find(nodeId);
  if (it == mScenario->nodeIndex.end()) {
    return false;
  }
  mOutcome = {};
  enter(it->second);
  return true;
}

std::string ScenarioRunner::snapshot() const {
  nlohmann::json j = {{"v", 1},
                      {"node", current().id},
                      {"choices", mOutcome.choices},
                      {"unsafe", mOutcome.unsafeChoices}};
  if (mLast) {
    j["last"] = current().choices[*mLast].id;
  }
  return j.dump();
}

bool ScenarioRunner::restore(const std::string& snapshot) {
  const auto j = nlohmann::json::parse(snapshot, nullptr, false);
  const auto fail = [this] {
    mOutcome = {};
    enter(mStart);
    return false;
  };
  if (!j.is_object() || !j.contains("v") || j["v"] != 1 || !j.contains("node") ||
      !j["node"].is_string()) {
    return fail();
  }
  auto it = mScenario->nodeIndex.find(j["node"].get<std::string>());
  if (it == mScenario->nodeIndex.end()) {
    return fail();
  }
  Outcome restored;
  if (j.contains("choices") && j["choices"].is_array()) {
    for (const auto& c : j["choices"]) {
      if (c.is_string()) {
        restored.choices.push_back(c.get<std::string>());
      }
    }
  }
  if (j.contains("unsafe") && j["unsafe"].is_number_integer()) {
    restored.unsafeChoices = j["unsafe"].get<int>();
  }
  enter(it->second);
  mOutcome.choices = std::move(restored.choices);
  mOutcome.unsafeChoices = restored.unsafeChoices;
  if (j.contains("last") && j["last"].is_string() && mPhase == Phase::Choosing) {
    const auto& cs = current().choices;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (cs[i].id == j["last"].get<std::string>()) {
        mLast = i;
        mPhase = Phase::Feedback;
      }
    }
  }
  return true;
}

} // namespace sq
