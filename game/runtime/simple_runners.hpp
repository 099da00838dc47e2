// The small runners: slides, butterfly-feeling practice and AUP signing. Each is a
// state machine over immutable content with snapshot/restore, like the scenario
// and quiz runners. No clocks, no SDL. Depends on: content/pack_model.
#pragma once

#include "content/pack_model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sq {

class SlidesRunner {
public:
  explicit SlidesRunner(const SlidesActivity& slides) : mSlides(&slides) {}
  std::size_t index() const { return mIndex; }
  std::size_t count() const { return mSlides->slides.size(); }
  const Slide& current() const { return mSlides->slides[mIndex]; }
  bool isFinished() const { return mFinished; }
  bool next(); // past the last slide finishes
  bool back();
  std::string snapshot() const;
  bool restore(const std::string& snapshot);

private:
  const SlidesActivity* mSlides;
  std::size_t mIndex = 0;
  bool mFinished = false;
};

// Practice in reporting a "butterfly feeling". What the pupil says they feel and
// which adult they pick drive the screen only: neither is ever recorded or put in
// a snapshot, only that the practice was completed.
class ButterflyRunner {
public:
  enum class Phase { CheckIn, Steps, ChooseAdult, SayIt, Praise, Finished };

  // Steps marked ks2Only are left out below Key Stage 2.
  ButterflyRunner(const ButterflyActivity& activity, Band band);

  Phase phase() const { return mPhase; }
  bool isFinished() const { return mPhase == Phase::Finished; }
  const ButterflyActivity& activity() const { return *mActivity; }
  const std::vector<const ReportStep*>& steps() const { return mSteps; }
  std::size_t stepIndex() const { return mStep; }
  const ReportStep* currentStep() const;
  std::optional<Feeling> feeling() const { return mFeeling; }
  std::optional<TrustedAdult> adult() const { return mAdult; }

  bool chooseFeeling(Feeling f);    // CheckIn -> Steps
  bool nextStep();                  // through the steps, then ChooseAdult
  bool chooseAdult(TrustedAdult a); // ChooseAdult -> SayIt (or Praise)
  bool proceed();                   // SayIt -> Praise -> Finished

  std::string snapshot() const;
  bool restore(const std::string& snapshot);

private:
  const ButterflyActivity* mActivity;
  std::vector<const ReportStep*> mSteps;
  Phase mPhase = Phase::CheckIn;
  std::size_t mStep = 0;
  std::optional<Feeling> mFeeling;
  std::optional<TrustedAdult> mAdult;
};

class AupRunner {
public:
  explicit AupRunner(const Aup& aup);
  const Aup& aup() const { return *mAup; }
  bool tick(std::size_t promise); // toggles
  bool ticked(std::size_t promise) const { return promise < mTicked.size() && mTicked[promise]; }
  bool allTicked() const;
  // Signs when every promise is ticked. `byTeacher` is allowed for the Reception
  // (eyfs) phase only, where a teacher may sign on the child's behalf.
  bool agree(bool byTeacher = false);
  bool isFinished() const { return mSigned; }
  bool signedByTeacher() const { return mByTeacher; }
  std::string snapshot() const;
  bool restore(const std::string& snapshot);

private:
  const Aup* mAup;
  std::vector<bool> mTicked;
  bool mSigned = false;
  bool mByTeacher = false;
};

} // namespace sq
