// Runs a whole lesson: its steps in order (each through its own runner), then the
// reflection question and the badge. Its snapshot is what a lesson.progress record
// holds, so a pupil resumes exactly where they stopped, on any PC. When the pack
// has changed since (its content hash differs), the lesson resumes at the same
// step if that step still exists, and otherwise starts again with a kind word.
// No clocks, no SDL. Depends on: content/pack_model, content/json_limits, runtime runners.
#pragma once

#include "content/pack_model.hpp"
#include "runtime/quiz_runner.hpp"
#include "runtime/scenario_runner.hpp"
#include "runtime/simple_runners.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sq {

// What one finished step contributes to the record (activity.completed).
struct StepResult {
  std::string stepId;
  std::string kind; // "slides", "scenario", ...
  std::optional<int> score;
  std::optional<int> maxScore;
  std::vector<std::string> choices; // never feelings: see ButterflyRunner
};

// The seed a pupil's lesson is played with: it only shuffles "put in order" cards,
// and being fixed per pupil and lesson, a resumed lesson shows the same order.
std::uint32_t lessonSeed(const std::string& pupilId, const std::string& packId,
                         const std::string& lessonId);

class LessonRunner {
public:
  enum class Phase { Step, Reflection, Badge, Finished };
  enum class Resume {
    Exact,     // same content: the same place inside the step
    SameStep,  // the pack changed but the step is still there: that step from its start
    Restarted, // the step is gone: the lesson from the start (say so kindly)
    Invalid,   // the snapshot is not for this lesson: nothing changed
  };
  using ActiveRunner = std::variant<std::monostate, SlidesRunner, ScenarioRunner, QuizRunner,
                                    ButterflyRunner, AupRunner>;

  // `pack` and `lesson` must outlive the runner. `band` is the pupil's; `seed`
  // makes shuffles reproducible.
  LessonRunner(const Pack& pack, const Lesson& lesson, Band band, std::uint32_t seed);

  Phase phase() const { return mPhase; }
  bool isFinished() const { return mPhase == Phase::Finished; }
  const Lesson& lesson() const { return *mLesson; }
  std::size_t stepIndex() const { return mStep; }
  std::size_t stepCount() const { return mLesson->steps.size(); }
  const Step* step() const;
  ActiveRunner& runner() { return mRunner; }
  const ActiveRunner& runner() const { return mRunner; }
  template <typename R> R* runnerAs() { return std::get_if<R>(&mRunner); }

  // True when the active step's runner has finished, so advance() may move on.
  bool stepFinished() const;
  // Step -> next step or Reflection; Reflection -> Badge; Badge -> Finished.
  // Returns the finished step's result when a step was completed.
  std::optional<StepResult> advance();
  const std::vector<StepResult>& results() const { return mResults; }

  // Starts at the step `stepId`, from its beginning, as if the steps before it were
  // not there (the editor's preview of one step): no results yet. With `nodeId` on a
  // scenario step, its story starts at that node. false, changing nothing, when the
  // lesson has no such step, or `nodeId` is given and the step is not a scenario
  // with that node.
  bool startAt(const std::string& stepId, const std::string& nodeId = {});

  // One JSON object ("v": 2), the active step runner's own snapshot nested in it
  // as an object under "inner".
  std::string snapshot() const;
  // Reads version 2 and the older version 1 (the step runner's snapshot as JSON text
  // in a string). Any bytes are safe: Invalid leaves the runner where it was.
  Resume restore(const std::string& snapshot);

private:
  void startStep(std::size_t index);
  StepResult resultOfActiveStep() const;

  const Pack* mPack;
  const Lesson* mLesson;
  Band mBand;
  std::uint32_t mSeed;
  Phase mPhase = Phase::Step;
  std::size_t mStep = 0;
  ActiveRunner mRunner;
  std::vector<StepResult> mResults;
};

} // namespace sq
