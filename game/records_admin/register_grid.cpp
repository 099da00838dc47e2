// The register grid (see register_grid.hpp).
#include "records_admin/register_grid.hpp"

#include "results/civil_time.hpp"
#include "results/completion_rules.hpp"
#include "results/event_payload.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace sq::admin {

namespace {

// The academic year's bounds as the register keeps them.
bool inYear(const Register& reg, const std::string& timeUtc) {
  const std::string next = academicYearStart(reg.academicYear + 1);
  return timeUtc.size() >= 10 && timeUtc.compare(0, 10, reg.firstDay) >= 0 &&
         timeUtc.compare(0, 10, next) < 0;
}

// The lesson a lesson.progress or activity.completed event is about: its activity id
// for progress, its payload's lesson for a step (older step events name the lesson
// in the activity column).
std::string lessonOfStep(const Event& e) {
  if (e.kind == EventKind::LessonProgress) {
    return e.activityId;
  }
  if (const auto data = payloadAs<ActivityCompletedData>(e); data && !data->lesson.empty()) {
    return data->lesson;
  }
  return e.activityId;
}

// The first-try score of a lesson completion. The game scores each quiz step on its
// own record and completes the lesson without a score, so when the completion has
// none, the pupil's scored steps of that lesson up to it are added up, each step
// counted at its first try (the earliest record of that step).
std::optional<std::pair<std::int64_t, std::int64_t>>
firstTryScore(const Event& completion, const std::vector<Event>& events) {
  if (completion.score && completion.maxScore && *completion.maxScore > 0) {
    return std::make_pair(*completion.score, *completion.maxScore);
  }
  std::map<std::string, const Event*> firstOfStep;
  for (const Event& e : events) {
    if (e.kind != EventKind::ActivityCompleted || e.pupilId != completion.pupilId ||
        e.packId != completion.packId || !e.score || !e.maxScore || *e.maxScore <= 0 ||
        e.timeUtc > completion.timeUtc || lessonOfStep(e) != completion.activityId) {
      continue;
    }
    const auto data = payloadAs<ActivityCompletedData>(e);
    const std::string step = data && !data->step.empty() ? data->step : e.activityId;
    const Event*& first = firstOfStep[step];
    if (first == nullptr || e.timeUtc < first->timeUtc) {
      first = &e;
    }
  }
  if (firstOfStep.empty()) {
    return std::nullopt;
  }
  std::int64_t score = 0;
  std::int64_t max = 0;
  for (const auto& [step, e] : firstOfStep) {
    score += *e->score;
    max += *e->maxScore;
  }
  return std::make_pair(score, max);
}

std::string scoreText(const Event& e, const std::vector<Event>& events) {
  const auto s = firstTryScore(e, events);
  if (!s) {
    return "";
  }
  return ", " + std::to_string(s->first) + " of " + std::to_string(s->second) + " first time";
}

const Lesson* findLesson(const std::vector<const Pack*>& packs, const std::string& packId,
                         const std::string& lessonId) {
  for (const Pack* p : newestPacks(packs)) {
    if (p->id == packId) {
      return p->findLesson(lessonId);
    }
  }
  return nullptr;
}

std::string lessonTitle(const std::vector<const Pack*>& packs, const std::string& packId,
                        const std::string& lessonId) {
  const Lesson* l = findLesson(packs, packId, lessonId);
  return l != nullptr ? l->title.get() : lessonId;
}

bool keep(const PupilStatus& p, const GridFilter& f) {
  if (f.notFinished && (!p.hasUnit || p.unitComplete)) {
    return false;
  }
  if (f.aupNotSigned && (!p.aupAvailable || p.aupSigned)) {
    return false;
  }
  return !f.yearGroup || p.yearGroup == *f.yearGroup;
}

// Newest first. `lines` were made in the store's order (time, PC, sequence number),
// so within one second the later of one PC's events comes first too (an agreement
// withdrawn at once reads as withdrawn).
void newestFirst(std::vector<HistoryLine>& lines) {
  std::reverse(lines.begin(), lines.end());
  std::stable_sort(lines.begin(), lines.end(), [](const HistoryLine& a, const HistoryLine& b) {
    return a.whenUtc > b.whenUtc;
  });
}

} // namespace

std::string_view cellWord(CellState s) {
  switch (s) {
  case CellState::Done:
    return "Done";
  case CellState::Started:
    return "Started";
  case CellState::NotStarted:
    return "Not started";
  case CellState::NotNeeded:
    return "Not needed";
  }
  return "";
}

std::string_view cellSymbol(CellState s) {
  switch (s) {
  case CellState::Done:
    return "\u2714"; // ✔
  case CellState::Started:
    return "\u25D0"; // ◐
  case CellState::NotStarted:
    return "\u25CB"; // ○
  case CellState::NotNeeded:
    return "\u2013"; // –
  }
  return "";
}

namespace {

std::string classLabel(const ClassRow& c) {
  return c.classId.empty() ? std::string("No class") : c.name;
}

// The grid over `members` (indices into reg.pupils, in the order shown), each with
// its class's name; the columns are the members' year groups' required lessons.
void fillGrid(RegisterGrid& grid, const Register& reg, const std::vector<Event>& events,
              const std::vector<const Pack*>& packs,
              const std::vector<std::pair<std::size_t, std::string>>& members,
              const GridFilter& filter) {

  // Columns: each year group present, youngest first, its units' required lessons
  // in unit order; a lesson two year groups require is one column.
  std::set<YearGroup> years;
  for (const auto& [i, cls] : members) {
    years.insert(reg.pupils[i].yearGroup);
    grid.members.push_back(i);
  }
  const auto newest = newestPacks(packs);
  for (const YearGroup y : years) {
    for (const Pack* p : newest) {
      const Unit* u = p->unitFor(y);
      if (u == nullptr) {
        continue;
      }
      for (const UnitLesson& ul : u->lessons) {
        if (!ul.required) {
          continue;
        }
        auto it = std::find_if(grid.columns.begin(), grid.columns.end(), [&](const GridColumn& c) {
          return c.packId == p->id && c.lessonId == ul.lesson;
        });
        if (it == grid.columns.end()) {
          const Lesson* l = p->findLesson(ul.lesson);
          grid.columns.push_back({false, p->id, ul.lesson, l ? l->title.get() : ul.lesson, {}});
          it = grid.columns.end() - 1;
        }
        it->requiredFor.push_back(y);
      }
    }
  }
  grid.columns.push_back({true, "", "", "AUP", {years.begin(), years.end()}});

  // What each member did this year, by pupil.
  std::map<std::string, std::vector<const Event*>> byPupil;
  for (const auto& [i, cls] : members) {
    byPupil[reg.pupils[i].id];
  }
  for (const Event& e : events) {
    auto it = byPupil.find(e.pupilId);
    if (it != byPupil.end() && inYear(reg, e.timeUtc)) {
      it->second.push_back(&e);
    }
  }

  for (const auto& [i, cls] : members) {
    const PupilStatus& p = reg.pupils[i];
    if (!keep(p, filter)) {
      continue;
    }
    GridRow row;
    row.pupil = i;
    row.className = cls;
    const auto& mine = byPupil[p.id];
    for (const GridColumn& col : grid.columns) {
      GridCell cell;
      if (col.isAup) {
        cell.state = !p.aupAvailable ? CellState::NotNeeded
                     : p.aupSigned   ? CellState::Done
                                     : CellState::NotStarted;
        cell.whenUtc = p.aupSigned ? p.aupSignedOn : std::string();
        row.cells.push_back(std::move(cell));
        continue;
      }
      if (std::find(col.requiredFor.begin(), col.requiredFor.end(), p.yearGroup) ==
          col.requiredFor.end()) {
        cell.state = CellState::NotNeeded;
        row.cells.push_back(std::move(cell));
        continue;
      }
      const bool left =
          std::any_of(p.lessonsLeft.begin(), p.lessonsLeft.end(), [&](const LessonLeft& l) {
            return l.packId == col.packId && l.lessonId == col.lessonId;
          });
      cell.state = left ? CellState::NotStarted : CellState::Done;
      for (const Event* e : mine) {
        if (!left && completesLesson(*e, col.packId, col.lessonId)) {
          // The first completion this year is the one that counted.
          if (cell.whenUtc.empty() || e->timeUtc < cell.whenUtc) {
            cell.whenUtc = e->timeUtc;
            const auto data = payloadAs<LessonCompletedData>(*e);
            cell.wholeClass = data && data->wholeClass;
            const auto score = firstTryScore(*e, events);
            cell.score = score ? std::optional<std::int64_t>(score->first) : std::nullopt;
            cell.maxScore = score ? std::optional<std::int64_t>(score->second) : std::nullopt;
          }
        } else if (left && e->packId == col.packId &&
                   (e->kind == EventKind::LessonProgress ||
                    e->kind == EventKind::ActivityCompleted) &&
                   lessonOfStep(*e) == col.lessonId) {
          cell.state = CellState::Started;
          cell.whenUtc = std::max(cell.whenUtc, e->timeUtc);
        }
      }
      row.cells.push_back(std::move(cell));
    }
    grid.rows.push_back(std::move(row));
  }
}

} // namespace

RegisterGrid buildRegisterGrid(const Register& reg, const std::vector<Event>& events,
                               const std::vector<const Pack*>& packs, const std::string& classId,
                               const GridFilter& filter) {
  RegisterGrid grid;
  grid.classId = classId;
  std::vector<std::pair<std::size_t, std::string>> members;
  for (const ClassRow& c : reg.classes) {
    if (c.classId == classId) {
      grid.className = c.name;
      for (const std::size_t i : c.pupils) {
        members.emplace_back(i, classLabel(c));
      }
    }
  }
  fillGrid(grid, reg, events, packs, members, filter);
  return grid;
}

RegisterGrid buildYearGrid(const Register& reg, const std::vector<Event>& events,
                           const std::vector<const Pack*>& packs, YearGroup year,
                           const GridFilter& filter) {
  RegisterGrid grid;
  grid.wholeYear = year;
  std::vector<std::pair<std::size_t, std::string>> members;
  for (const ClassRow& c : reg.classes) {
    for (const std::size_t i : c.pupils) {
      if (i < reg.pupils.size() && reg.pupils[i].yearGroup == year) {
        members.emplace_back(i, classLabel(c));
      }
    }
  }
  GridFilter f = filter;
  f.yearGroup.reset();
  fillGrid(grid, reg, events, packs, members, f);
  return grid;
}

std::vector<YearGroup> registerYearGroups(const Register& reg) {
  std::set<YearGroup> years;
  for (const PupilStatus& p : reg.pupils) {
    years.insert(p.yearGroup);
  }
  return {years.begin(), years.end()};
}

std::vector<HistoryLine> pupilHistory(const Register& reg, const std::vector<Event>& events,
                                      const std::vector<const Pack*>& packs,
                                      const std::string& pupilId) {
  std::vector<HistoryLine> out;
  for (const Event& e : events) {
    if (e.pupilId != pupilId || !inYear(reg, e.timeUtc)) {
      continue;
    }
    HistoryLine line{e.timeUtc, {}};
    switch (e.kind) {
    case EventKind::LessonCompleted: {
      const auto data = payloadAs<LessonCompletedData>(e);
      line.what = "Completed " + lessonTitle(packs, e.packId, e.activityId) +
                  (data && data->wholeClass ? " (in class)" : "") + scoreText(e, events);
      break;
    }
    case EventKind::ActivityCompleted:
      line.what = "Finished a step of " + lessonTitle(packs, e.packId, lessonOfStep(e));
      break;
    case EventKind::AupSigned: {
      const auto data = payloadAs<AupSignedData>(e);
      line.what = "Signed the AUP" +
                  (data && !data->aupVersion.empty() ? " (version " + data->aupVersion + ")"
                                                     : std::string()) +
                  (data && data->wholeClass ? " in class" : "");
      break;
    }
    case EventKind::AupParentAgreed:
      line.what = "A parent or carer agreed to the AUP";
      break;
    case EventKind::AupParentWithdrawn:
      line.what = "A parent or carer withdrew their agreement to the AUP";
      break;
    default:
      continue; // saved places and the rest are not history a teacher reads
    }
    out.push_back(std::move(line));
  }
  newestFirst(out);
  return out;
}

std::vector<HistoryLine> lessonHistory(const Register& reg, const std::vector<Event>& events,
                                       const std::string& packId, const std::string& lessonId,
                                       bool names, const std::vector<std::size_t>* among) {
  std::map<std::string, const PupilStatus*> pupils;
  if (among != nullptr) {
    for (const std::size_t i : *among) {
      if (i < reg.pupils.size()) {
        pupils[reg.pupils[i].id] = &reg.pupils[i];
      }
    }
  } else {
    for (const PupilStatus& p : reg.pupils) {
      pupils[p.id] = &p;
    }
  }
  std::vector<HistoryLine> out;
  for (const Event& e : events) {
    if (!completesLesson(e, packId, lessonId) || !inYear(reg, e.timeUtc)) {
      continue;
    }
    const auto who = pupils.find(e.pupilId);
    if (who == pupils.end()) {
      continue; // not in this register's scope (another class, left, erased)
    }
    const auto data = payloadAs<LessonCompletedData>(e);
    out.push_back({e.timeUtc, pupilLabel(*who->second, names) +
                                  (data && data->wholeClass ? ", in class" : ", on their own") +
                                  scoreText(e, events)});
  }
  newestFirst(out);
  return out;
}

} // namespace sq::admin
