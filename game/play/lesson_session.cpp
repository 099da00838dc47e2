#include "play/lesson_session.hpp"

#include <algorithm>
#include <utility>

namespace sq {

Band sessionBand(const Pack& pack, const std::string& lessonId,
                 std::optional<YearGroup> pupilYearGroup) {
  if (pupilYearGroup) {
    return bandOf(*pupilYearGroup);
  }
  for (const Unit& u : pack.units) {
    for (const UnitLesson& ul : u.lessons) {
      if (ul.lesson == lessonId) {
        return u.band;
      }
    }
  }
  return Band::Ks1;
}

std::string newestLessonSnapshot(const std::vector<Event>& events, const std::string& packId,
                                 const std::string& lessonId) {
  const Event* latest = nullptr;
  bool completedAfter = false;
  for (const Event& e : events) {
    if (e.packId != packId || e.activityId != lessonId) {
      continue;
    }
    const bool newer = latest == nullptr || e.timeUtc >= latest->timeUtc;
    if (e.kind == EventKind::LessonProgress && newer) {
      latest = &e;
      completedAfter = false;
    } else if (e.kind == EventKind::LessonCompleted && latest != nullptr &&
               e.timeUtc >= latest->timeUtc) {
      completedAfter = true;
    }
  }
  if (latest == nullptr || completedAfter) {
    return {};
  }
  const auto progress = payloadAs<LessonProgressData>(*latest);
  return progress ? progress->snapshot : std::string();
}

LessonSession::LessonSession(const Pack& pack, const Lesson& lesson, Band band, Player player,
                             Recorder& recorder)
    : LessonSession(pack, lesson, band, player, recorder,
                    lessonSeed(player.pupilId, pack.id, lesson.id)) {}

LessonSession::LessonSession(const Pack& pack, const Lesson& lesson, Band band, Player player,
                             Recorder& recorder, std::uint32_t seed)
    : mPack(&pack), mLesson(&lesson), mBand(band), mPlayer(std::move(player)), mRecorder(&recorder),
      mRunner(pack, lesson, band, seed) {}

std::optional<LessonRunner::Resume> LessonSession::resume(const std::vector<Event>& pupilEvents) {
  if (!forPupil()) {
    return std::nullopt;
  }
  std::vector<Event> own;
  for (const Event& e : pupilEvents) {
    if (e.pupilId == mPlayer.pupilId) {
      own.push_back(e);
    }
  }
  const std::string snap = newestLessonSnapshot(own, mPack->id, mLesson->id);
  if (snap.empty()) {
    return std::nullopt;
  }
  const LessonRunner::Resume how = mRunner.restore(snap);
  if (how == LessonRunner::Resume::Restarted) {
    mResumeNote = "lesson.restarted";
  }
  return how;
}

Recorder::Id LessonSession::submit(EventDraft draft) {
  const Recorder::Id id = mRecorder->submit(std::move(draft));
  mIds.push_back(id);
  return id;
}

void LessonSession::saveProgress() {
  if (!forPupil()) {
    return;
  }
  const Step* step = mRunner.step();
  submit(makeLessonProgress(mPlayer.pupilId, packRef(*mPack), mLesson->id,
                            step != nullptr ? step->id : std::string(), mRunner.snapshot()));
}

bool LessonSession::finishStep() {
  if (mRunner.isFinished() ||
      (mRunner.phase() == LessonRunner::Phase::Step && !mRunner.stepFinished())) {
    return false;
  }
  const std::optional<StepResult> result = mRunner.advance();
  if (result && forPupil()) {
    submit(makeActivityCompleted(
        mPlayer.pupilId, packRef(*mPack), mLesson->id, result->stepId, result->kind,
        result->score ? std::optional<std::int64_t>(*result->score) : std::nullopt,
        result->maxScore ? std::optional<std::int64_t>(*result->maxScore) : std::nullopt,
        result->choices));
  }
  if (mRunner.phase() == LessonRunner::Phase::Badge) {
    // The badge is earned: the lesson is complete. A whole class is recorded later,
    // for each pupil the teacher ticks as present.
    if (forPupil()) {
      submit(makeLessonCompleted(mPlayer.pupilId, packRef(*mPack), mLesson->id));
    }
  } else if (!mRunner.isFinished()) {
    saveProgress();
  }
  return true;
}

bool LessonSession::signAup(SignedBy by) {
  AupRunner* r = mRunner.runnerAs<AupRunner>();
  if (r == nullptr || !r->agree(by == SignedBy::Teacher)) {
    return false;
  }
  if (forPupil()) {
    submit(makeAupSigned(mPlayer.pupilId, aupRef(*mPack, r->aup()), by, mPlayer.classId));
    saveProgress();
  }
  return true;
}

bool LessonSession::recordAttendance(const std::vector<PresentPupil>& present) {
  if (mPlayer.kind != Player::Kind::WholeClass ||
      (mRunner.phase() != LessonRunner::Phase::Badge && !mRunner.isFinished())) {
    return false;
  }
  // A Reception AUP read together: the teacher signs for each child present.
  std::vector<const Aup*> eyfsAups;
  for (const Step& step : mLesson->steps) {
    if (const auto* a = std::get_if<AupStepActivity>(&step.activity)) {
      const Aup* aup = mPack->findAup(a->aup);
      if (aup != nullptr && aup->phase == AupPhase::Eyfs) {
        eyfsAups.push_back(aup);
      }
    }
  }
  for (const PresentPupil& p : present) {
    if (p.pupilId.empty() ||
        std::any_of(mAttendance.begin(), mAttendance.end(),
                    [&](const Attendance& a) { return a.pupilId == p.pupilId; })) {
      continue;
    }
    Attendance a{p.pupilId, {}};
    a.ids.push_back(
        submit(makeClassLessonCompleted(p.pupilId, packRef(*mPack), mLesson->id, mPlayer.classId)));
    for (const Aup* aup : eyfsAups) {
      a.ids.push_back(submit(
          makeAupSigned(p.pupilId, aupRef(*mPack, *aup), SignedBy::Teacher, p.classId, true)));
    }
    mAttendance.push_back(std::move(a));
  }
  mRecorder->retry();
  return true;
}

Recorder::State LessonSession::attendanceState(const std::string& pupilId) const {
  for (const Attendance& a : mAttendance) {
    if (a.pupilId != pupilId) {
      continue;
    }
    Recorder::State worst = Recorder::State::Saved;
    for (Recorder::Id id : a.ids) {
      const Recorder::State s = mRecorder->state(id);
      if (s == Recorder::State::Failed) {
        return s;
      }
      if (s == Recorder::State::Pending) {
        worst = s;
      }
    }
    return worst;
  }
  return Recorder::State::Pending;
}

LessonSession::SaveMark LessonSession::saveMark() const {
  if (mIds.empty()) {
    return SaveMark::Nothing;
  }
  // Saves happen in order, so the newest being saved means all of them are.
  if (mRecorder->state(mIds.back()) == Recorder::State::Saved) {
    return SaveMark::Saved;
  }
  return mRecorder->stalled() ? SaveMark::Failed : SaveMark::Pending;
}

std::string LessonSession::saveError() const {
  return saveMark() == SaveMark::Failed ? mRecorder->lastError() : std::string();
}

} // namespace sq
