// The one table of event kinds. The stored id of a kind never changes once
// published (it is in every records file and school-folder snapshot), and the
// order is the EventKind enum's. Each kind names the struct its `data` payload
// decodes to (results/event_payload.hpp).
// Depends on: nothing (included by event.hpp and event_payload.hpp only).
//
// X(enumName, "stored.id", PayloadStruct, "what it records")
// NOLINTBEGIN
#define SQ_EVENT_KINDS(X)                                                                          \
  X(ActivityCompleted, "activity.completed", ActivityCompletedData,                                \
    "a pupil finished one step of a lesson")                                                       \
  X(LessonCompleted, "lesson.completed", LessonCompletedData,                                      \
    "a pupil earned a lesson's badge, alone or in a whole-class lesson")                           \
  X(AupSigned, "aup.signed", AupSignedData, "a pupil (or their teacher for them) signed an AUP")   \
  X(AupClassConfirmed, "aup.class_confirmed", AupClassConfirmedData,                               \
    "a teacher confirmed a class went through its AUP")                                            \
  X(AssemblyGiven, "assembly.given", AssemblyGivenData, "an assembly was given")                   \
  X(AupParentAgreed, "aup.parent_agreed", AupParentAgreedData,                                     \
    "a parent or carer agreed to a pupil's AUP")                                                   \
  X(LessonProgress, "lesson.progress", LessonProgressData,                                         \
    "where a pupil is in a lesson, to resume from")                                                \
  X(HelpAsked, "help.asked", HelpAskedData, "the butterfly button: class and time, never a pupil") \
  X(PupilErased, "pupil.erased", PupilErasedData,                                                  \
    "the tombstone that stops a merge bringing an erased pupil's data back")                       \
  X(AupParentWithdrawn, "aup.parent_withdrawn", AupParentWithdrawnData,                            \
    "a parent or carer withdrew their agreement to a pupil's AUP")
// NOLINTEND
