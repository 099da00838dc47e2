// Plays one scenario: a state machine over immutable content, shaped like an ink
// runner (current, choices, choose, isFinished, outcome, snapshot/restore).
// Trying again after an unsafe choice is the runner's behaviour, not an edge in
// the pack's graph: the pupil sees the gentle consequence and chooses again.
// No clocks, no SDL. Depends on: content/pack_model.
#pragma once

#include "content/pack_model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sq {

class ScenarioRunner {
public:
  enum class Phase {
    Choosing, // the current node's choices are offered
    Feedback, // the last choice's feedback is shown; proceed() moves on
    Ended,    // the current node is an ending
  };

  struct Outcome {
    std::vector<std::string> choices; // every choice id taken, in order
    int unsafeChoices = 0;            // gentle consequences seen on the way
    std::string ending;               // the ending node reached
  };

  // `scenario` must have passed validation and must outlive the runner.
  explicit ScenarioRunner(const ScenarioActivity& scenario);

  Phase phase() const { return mPhase; }
  bool isFinished() const { return mPhase == Phase::Ended; }
  const ScenarioNode& current() const { return mScenario->nodes[mNode]; }
  const std::vector<Choice>& choices() const { return current().choices; }

  // Takes choice `index` of the current node. Returns false (and changes nothing)
  // when no choice may be taken now or the index is out of range.
  bool choose(std::size_t index);
  // The choice whose feedback is showing (Feedback phase only).
  const Choice* lastChoice() const;
  // After feedback: a choice with a next node moves there; an unsafe choice with
  // none returns to the same node so the pupil can choose again.
  bool proceed();
  // True when the feedback showing is for an unsafe choice that leads nowhere.
  bool willTryAgain() const;

  const Outcome& outcome() const { return mOutcome; }

  // Starts afresh at node `nodeId` instead of the scenario's start (the editor's
  // preview of one scene): no choices taken yet. false, changing nothing, when the
  // scenario has no such node.
  bool startAt(const std::string& nodeId);

  // A compact, versioned text form of the position, for lesson.progress records.
  std::string snapshot() const;
  // Restores a snapshot taken on this scenario. Returns false, leaving the runner
  // at the start, when the snapshot does not fit (for example the pack changed).
  bool restore(const std::string& snapshot);

private:
  void enter(std::size_t node);

  const ScenarioActivity* mScenario;
  std::size_t mStart = 0;
  std::size_t mNode = 0;
  std::optional<std::size_t> mLast;
  Phase mPhase = Phase::Choosing;
  Outcome mOutcome;
};

} // namespace sq
