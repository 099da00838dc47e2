// What the home screen shows, computed from the packs, the pupil and their
// records: their own year group's unit(s) as a path of lessons, each marked not
// started, in progress or done, plus the units of any band the teacher unlocked.
//   done:        a lesson.completed event for the pupil, pack and lesson this academic
//                year (results/completion_rules: the register's rule);
//   in progress: a lesson.progress event this academic year, and no completion.
// Pure: no window, no store, no clock (the time comes in).
// Depends on: content (Catalog, Pack), results (Event, civil_time), ui/session,
// ui/teacher_access (GameConfig).
#pragma once

#include "content/pack_catalog.hpp"
#include "results/event.hpp"
#include "ui/session.hpp"
#include "ui/teacher_access.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sq {

enum class LessonState { NotStarted, InProgress, Done };

struct HomeLesson {
  std::string packId;
  std::string lessonId;
  std::string title;
  std::string picture; // absolute path of its first picture, "" when it has none
  bool required = true;
  LessonState state = LessonState::NotStarted;
};

struct HomeUnit {
  std::string key; // unique on the screen: the unit id, or "<pack>/<unit>" on a clash
  std::string packId;
  std::string title;
  YearGroup yearGroup = YearGroup::Reception;
  bool own = false; // the pupil's own year group
  std::vector<HomeLesson> lessons;
};

struct HomeModel {
  bool loading = false; // the packs are still being read
  bool guest = false;
  std::string name;            // "Siân K"; "" for a guest
  std::vector<HomeUnit> units; // own first, then unlocked bands in year order
  int selected = 0;
};

// (pack id, lesson id) -> state, for one pupil in one academic year.
using LessonStates = std::map<std::pair<std::string, std::string>, LessonState>;
LessonStates lessonStates(const std::vector<Event>& events, const std::string& pupilId,
                          int academicYear);
// The state of one lesson. Done follows results/completion_rules, as the register.
LessonState stateOf(const LessonStates& states, const std::string& packId,
                    const std::string& lessonId);

// The academic year (named by the year it starts) that `unixSeconds` is in.
int academicYearAt(std::int64_t unixSeconds);

// Guests see every unit (demonstrations); pupils see their own year group's, and
// the units of bands the teacher has unlocked.
HomeModel buildHomeModel(const Catalog* catalog, const Session& session,
                         const std::vector<Event>& events, int academicYear,
                         const GameConfig& config, const std::string& language = {});

// The first picture a lesson shows, relative to its pack; "" when none.
std::string firstPictureOf(const Lesson& lesson);

} // namespace sq
