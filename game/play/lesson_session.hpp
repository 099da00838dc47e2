// One lesson being played, and everything it records. It owns the LessonRunner,
// builds every event the lesson writes (typed, results/event_payload) and hands them
// to the Recorder:
//   - a pupil: lesson.progress after each change worth resuming from,
//     activity.completed as each step finishes, aup.signed at an AUP step, and
//     lesson.completed when the badge is earned;
//   - a guest: nothing, ever;
//   - a whole class on the whiteboard: nothing while it plays; then, once the
//     teacher says who was present, lesson.completed (wholeClass, the class taught)
//     for each pupil present, and for a Reception (EYFS) AUP in the lesson, aup.signed
//     by the teacher for each of them.
// A pupil resumes from their newest lesson.progress for the lesson (unless they
// completed it after that): the same place when the content is unchanged, the same
// step when the pack changed but the step is still there, the start (with a kind
// word) when it is gone, and the start, quietly, when the snapshot cannot be read.
// The save mark is "saved" only once the sink says every event of the session is.
// No window, no clock. Depends on: runtime/lesson_runner, results (events and their
// payloads), play/recorder.
#pragma once

#include "play/recorder.hpp"
#include "results/event_payload.hpp"
#include "runtime/lesson_runner.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sq {

// Who is playing.
struct Player {
  enum class Kind { Guest, Pupil, WholeClass };
  Kind kind = Kind::Guest;
  std::string pupilId; // a pupil's random id
  // A pupil: their own class (their AUP signature names it). A whole class: the
  // class being taught.
  std::string classId;

  static Player guest() { return {}; }
  static Player pupil(std::string id, std::string cls) {
    return {Kind::Pupil, std::move(id), std::move(cls)};
  }
  static Player wholeClass(std::string cls) { return {Kind::WholeClass, {}, std::move(cls)}; }
};

// A pupil the teacher ticked as present at a whole-class lesson.
struct PresentPupil {
  std::string pupilId;
  std::string classId; // the pupil's own class (a pupil may join from another)
};

// The band a lesson is played in: the pupil's year group's; for a guest or a whole
// class, the band of the first unit that lists the lesson (Key Stage 1 when none).
Band sessionBand(const Pack& pack, const std::string& lessonId,
                 std::optional<YearGroup> pupilYearGroup);

// The newest lesson.progress snapshot among `events` for the pack's lesson, unless a
// lesson.completed came at or after it (a new attempt starts from the beginning).
// "" when there is none or it cannot be read. Events are in record order per
// device; across devices the UTC time decides.
std::string newestLessonSnapshot(const std::vector<Event>& events, const std::string& packId,
                                 const std::string& lessonId);

class LessonSession {
public:
  enum class SaveMark { Nothing, Pending, Saved, Failed };

  // `pack`, `lesson` and `recorder` must outlive the session. The seed is
  // lessonSeed(pupil id, pack id, lesson id), so a resumed lesson shuffles the same.
  LessonSession(const Pack& pack, const Lesson& lesson, Band band, Player player,
                Recorder& recorder);
  // With a seed of its own (tests that need one shuffle; screens never do).
  LessonSession(const Pack& pack, const Lesson& lesson, Band band, Player player,
                Recorder& recorder, std::uint32_t seed);

  const Pack& pack() const { return *mPack; }
  const Lesson& lesson() const { return *mLesson; }
  const Player& player() const { return mPlayer; }
  Band band() const { return mBand; }
  LessonRunner& runner() { return mRunner; }
  const LessonRunner& runner() const { return mRunner; }

  // A pupil's session carries on from `pupilEvents` (theirs, from every PC). Returns
  // how it resumed, or nullopt when there was nothing to resume from (or it is not
  // a pupil's session). Restarted also sets resumeNote() to "lesson.restarted".
  std::optional<LessonRunner::Resume> resume(const std::vector<Event>& pupilEvents);
  // A string-table key to show once ("" none).
  const std::string& resumeNote() const { return mResumeNote; }

  // Records lesson.progress (the runner's snapshot) for a pupil.
  void saveProgress();
  // The active step has finished, or the reflection or badge is done: moves the
  // runner on, recording activity.completed for a finished step, then
  // lesson.completed when the badge is reached, otherwise progress. false (and
  // nothing recorded) when the step is not finished or the lesson is over.
  bool finishStep();
  // The AUP step: agrees (AupRunner::agree) and records aup.signed and progress for
  // a pupil. false when there is no AUP step active or it cannot be signed yet.
  bool signAup(SignedBy by);

  // A whole-class lesson played to its badge: records it for each pupil present.
  // A pupil already recorded by this session is not recorded again, so calling it
  // again (the teacher pressing "finish" after a failure) only retries. false
  // when this is not a whole-class session or the lesson has not reached its badge.
  bool recordAttendance(const std::vector<PresentPupil>& present);
  // A pupil's attendance: Saved once all its events are saved.
  Recorder::State attendanceState(const std::string& pupilId) const;

  SaveMark saveMark() const;
  // The store's reason when the mark is Failed (for the teacher, behind the PIN).
  std::string saveError() const;
  // The ids of every event this session submitted, in order.
  const std::vector<Recorder::Id>& recorded() const { return mIds; }

private:
  Recorder::Id submit(EventDraft draft);
  bool forPupil() const { return mPlayer.kind == Player::Kind::Pupil && !mPlayer.pupilId.empty(); }

  const Pack* mPack;
  const Lesson* mLesson;
  Band mBand;
  Player mPlayer;
  Recorder* mRecorder;
  LessonRunner mRunner;
  std::string mResumeNote;
  std::vector<Recorder::Id> mIds;
  struct Attendance {
    std::string pupilId;
    std::vector<Recorder::Id> ids;
  };
  std::vector<Attendance> mAttendance;
};

} // namespace sq
