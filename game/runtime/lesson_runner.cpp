#include "runtime/lesson_runner.hpp"

#include "content/json_limits.hpp"
#include "core/fnv_hash.hpp"

#include <nlohmann/json.hpp>

namespace sq {

std::uint32_t lessonSeed(const std::string& pupilId, const std::string& packId,
                         const std::string& lessonId) {
  Fnv1a64 h;
  h.add(pupilId + "/" + packId + "/" + lessonId);
  return static_cast<std::uint32_t>(h.value());
}

LessonRunner::LessonRunner(const Pack& pack, const Lesson& lesson, Band band, std::uint32_t seed)
    : mPack(&pack), mLesson(&lesson), mBand(band), mSeed(seed) {
  if (lesson.steps.empty()) {
    mPhase = Phase::Reflection;
  } else {
    startStep(0);
  }
}

const Step* LessonRunner::step() const {
  return mPhase == Phase::Step && mStep < mLesson->steps.size() ? &mLesson->steps[mStep] : nullptr;
}

void LessonRunner::startStep(std::size_t index) {
  mStep = index;
  mPhase = Phase::Step;
  const Activity& a = mLesson->steps[index].activity;
  if (const auto* s = std::get_if<SlidesActivity>(&a)) {
    mRunner.emplace<SlidesRunner>(*s);
  } else if (const auto* sc = std::get_if<ScenarioActivity>(&a)) {
    mRunner.emplace<ScenarioRunner>(*sc);
  } else if (const auto* q = std::get_if<QuizActivity>(&a)) {
    mRunner.emplace<QuizRunner>(*q, mSeed ^ static_cast<std::uint32_t>(index * 40503u));
  } else if (const auto* b = std::get_if<ButterflyActivity>(&a)) {
    mRunner.emplace<ButterflyRunner>(*b, mBand);
  } else if (const auto* au = std::get_if<AupStepActivity>(&a)) {
    const Aup* aup = mPack->findAup(au->aup);
    if (aup != nullptr) {
      mRunner.emplace<AupRunner>(*aup);
    } else {
      mRunner.emplace<std::monostate>(); // validated packs never get here
    }
  }
}

bool LessonRunner::stepFinished() const {
  if (mPhase != Phase::Step) {
    return false;
  }
  return std::visit(
      [](const auto& r) {
        if constexpr (std::is_same_v<std::decay_t<decltype(r)>, std::monostate>) {
          return true;
        } else {
          return r.isFinished();
        }
      },
      mRunner);
}

StepResult LessonRunner::resultOfActiveStep() const {
  StepResult r;
  const Step& s = mLesson->steps[mStep];
  r.stepId = s.id;
  r.kind = std::string(activityKindId(s.activity));
  if (const auto* sc = std::get_if<ScenarioRunner>(&mRunner)) {
    r.choices = sc->outcome().choices;
  } else if (const auto* q = std::get_if<QuizRunner>(&mRunner)) {
    r.score = q->score();
    r.maxScore = q->maxScore();
    r.choices = q->answers();
  }
  return r;
}

std::optional<StepResult> LessonRunner::advance() {
  switch (mPhase) {
  case Phase::Step: {
    if (!stepFinished()) {
      return std::nullopt;
    }
    StepResult done = resultOfActiveStep();
    mResults.push_back(done);
    if (mStep + 1 < mLesson->steps.size()) {
      startStep(mStep + 1);
    } else {
      mRunner.emplace<std::monostate>();
      mPhase = Phase::Reflection;
    }
    return done;
  }
  case Phase::Reflection:
    mPhase = Phase::Badge;
    return std::nullopt;
  case Phase::Badge:
    mPhase = Phase::Finished;
    return std::nullopt;
  case Phase::Finished:
    break;
  }
  return std::nullopt;
}

bool LessonRunner::startAt(const std::string& stepId, const std::string& nodeId) {
  std::optional<std::size_t> index;
  for (std::size_t i = 0; i < mLesson->steps.size() && !index; ++i) {
    if (mLesson->steps[i].id == stepId) {
      index = i;
    }
  }
  if (!index) {
    return false;
  }
  if (!nodeId.empty()) {
    const auto* scenario = std::get_if<ScenarioActivity>(&mLesson->steps[*index].activity);
    if (scenario == nullptr || scenario->nodeIndex.count(nodeId) == 0) {
      return false;
    }
  }
  mResults.clear();
  startStep(*index);
  if (!nodeId.empty()) {
    if (auto* runner = runnerAs<ScenarioRunner>()) {
      runner->startAt(nodeId);
    }
  }
  return true;
}

std::string LessonRunner::snapshot() const {
  nlohmann::json j = {{"v", 2},
                      {"lesson", mLesson->id},
                      {"contentHash", mPack->contentHash},
                      {"phase", static_cast<int>(mPhase)},
                      {"stepIndex", mStep}};
  if (const Step* s = step()) {
    j["step"] = s->id;
    std::visit(
        [&](const auto& r) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(r)>, std::monostate>) {
            // Nested as an object, so the whole snapshot is one JSON object.
            const std::string text = r.snapshot();
            auto inner = nlohmann::json::parse(text, nullptr, false);
            j["inner"] = inner.is_object() ? std::move(inner) : nlohmann::json(text);
          }
        },
        mRunner);
  }
  nlohmann::json done = nlohmann::json::array();
  for (const auto& r : mResults) {
    done.push_back(r.stepId);
  }
  j["done"] = done;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

LessonRunner::Resume LessonRunner::restore(const std::string& snapshot) {
  if (findExcessNesting(snapshot, 64)) {
    return Resume::Invalid; // outside data: never deep enough to matter to the parser
  }
  const auto j = nlohmann::json::parse(snapshot, nullptr, false);
  const auto str = [&](const char* k) {
    return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>()
                                                              : std::string();
  };
  // Version 1 held the step runner's snapshot as JSON text in a string; version 2
  // nests it as an object. Both are read.
  const bool knownVersion = j.is_object() && j.contains("v") && j["v"].is_number_integer() &&
                            (j["v"] == 1 || j["v"] == 2);
  if (!knownVersion || str("lesson") != mLesson->id || !j.contains("phase") ||
      !j["phase"].is_number_integer()) {
    return Resume::Invalid;
  }
  const int phase = j["phase"].get<int>();
  if (phase < 0 || phase > static_cast<int>(Phase::Finished)) {
    return Resume::Invalid;
  }
  const bool sameContent = str("contentHash") == mPack->contentHash;
  mResults.clear();
  if (static_cast<Phase>(phase) != Phase::Step) {
    if (!sameContent) {
      startStep(0); // the lesson may have gained steps: go through it again
      return Resume::Restarted;
    }
    mRunner.emplace<std::monostate>();
    mPhase = static_cast<Phase>(phase);
    mStep = mLesson->steps.size();
    return Resume::Exact;
  }
  // Find the step by id: indices shift when a teacher inserts a step.
  const std::string stepId = str("step");
  std::optional<std::size_t> index;
  for (std::size_t i = 0; i < mLesson->steps.size(); ++i) {
    if (mLesson->steps[i].id == stepId) {
      index = i;
    }
  }
  if (!index) {
    startStep(0);
    return Resume::Restarted;
  }
  startStep(*index);
  if (!sameContent) {
    return Resume::SameStep;
  }
  std::string inner = str("inner");
  if (j.contains("inner") && j["inner"].is_object()) {
    inner = j["inner"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const bool ok = std::visit(
      [&](auto& r) {
        if constexpr (std::is_same_v<std::decay_t<decltype(r)>, std::monostate>) {
          return true;
        } else {
          return inner.empty() || r.restore(inner);
        }
      },
      mRunner);
  if (!ok) {
    startStep(*index);
    return Resume::SameStep;
  }
  return Resume::Exact;
}

} // namespace sq
