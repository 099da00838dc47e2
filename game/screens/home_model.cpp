#include "screens/home_model.hpp"

#include "results/civil_time.hpp"
#include "results/completion_rules.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

namespace sq {

int academicYearAt(std::int64_t unixSeconds) {
  const auto d = parseDate(formatUtc(unixSeconds));
  return d ? academicYearOf(*d) : 1970;
}

LessonStates lessonStates(const std::vector<Event>& events, const std::string& pupilId,
                          int academicYear) {
  LessonStates out;
  for (const Event& e : events) {
    if (e.pupilId != pupilId || e.activityId.empty()) {
      continue;
    }
    if (e.kind != EventKind::LessonCompleted && e.kind != EventKind::LessonProgress) {
      continue;
    }
    if (e.kind == EventKind::LessonCompleted && !countsAsLessonCompletion(e)) {
      continue; // the register's rule (results/completion_rules): no pack id, no lesson
    }
    const auto d = parseDate(e.timeUtc);
    if (!d || academicYearOf(*d) != academicYear) {
      continue; // last year's work does not count towards this year's unit
    }
    auto& state = out[{e.packId, e.activityId}];
    if (e.kind == EventKind::LessonCompleted) {
      state = LessonState::Done;
    } else if (state != LessonState::Done) {
      state = LessonState::InProgress;
    }
  }
  return out;
}

LessonState stateOf(const LessonStates& states, const std::string& packId,
                    const std::string& lessonId) {
  const auto it = states.find({packId, lessonId});
  return it != states.end() ? it->second : LessonState::NotStarted;
}

namespace {

template <typename T> std::string pictureOf(const std::optional<T>& p) {
  return p ? p->src : std::string();
}

std::string firstPictureOfActivity(const Activity& a) {
  return std::visit(
      [](const auto& act) -> std::string {
        using A = std::decay_t<decltype(act)>;
        if constexpr (std::is_same_v<A, SlidesActivity>) {
          for (const auto& s : act.slides) {
            if (s.picture) {
              return s.picture->src;
            }
          }
        } else if constexpr (std::is_same_v<A, ScenarioActivity>) {
          for (const auto& n : act.nodes) {
            if (n.picture) {
              return n.picture->src;
            }
          }
        } else if constexpr (std::is_same_v<A, QuizActivity>) {
          for (const auto& i : act.items) {
            if (i.picture) {
              return i.picture->src;
            }
          }
        } else if constexpr (std::is_same_v<A, ButterflyActivity>) {
          for (const auto& s : act.steps) {
            if (s.picture) {
              return s.picture->src;
            }
          }
        }
        return {};
      },
      a);
}

} // namespace

std::string firstPictureOf(const Lesson& lesson) {
  for (const Step& s : lesson.steps) {
    std::string p = firstPictureOfActivity(s.activity);
    if (!p.empty()) {
      return p;
    }
  }
  return pictureOf(lesson.badge.picture);
}

HomeModel buildHomeModel(const Catalog* catalog, const Session& session,
                         const std::vector<Event>& events, int academicYear,
                         const GameConfig& config, const std::string& language) {
  HomeModel m;
  m.guest = session.guest();
  m.name = session.guest() ? std::string() : session.shortName();
  if (catalog == nullptr) {
    m.loading = true;
    return m;
  }
  const LessonStates states =
      session.pupil() ? lessonStates(events, session.pupilId, academicYear) : LessonStates{};
  std::vector<HomeUnit> own;
  std::vector<HomeUnit> others;
  std::set<std::string> keys;
  for (const CatalogEntry& entry : catalog->packs) {
    if (!entry.result.valid()) {
      continue; // a pack with errors is never shown to pupils
    }
    const Pack& pack = *entry.result.pack;
    for (const Unit& unit : pack.units) {
      const bool isOwn = session.pupil() && unit.yearGroup == session.yearGroup;
      const bool visible = session.guest() || isOwn || config.bandUnlocked(unit.band);
      if (!visible) {
        continue;
      }
      HomeUnit u;
      u.key = keys.count(unit.id) != 0 ? pack.id + "/" + unit.id : unit.id;
      keys.insert(u.key);
      u.packId = pack.id;
      u.title = unit.title.get(language);
      u.yearGroup = unit.yearGroup;
      u.own = isOwn;
      for (const UnitLesson& ul : unit.lessons) {
        const Lesson* lesson = pack.findLesson(ul.lesson);
        if (lesson == nullptr) {
          continue;
        }
        HomeLesson l;
        l.packId = pack.id;
        l.lessonId = lesson->id;
        l.title = lesson->title.get(language);
        const std::string pic = firstPictureOf(*lesson);
        l.picture = pic.empty() ? std::string() : entry.dir + "/" + pic;
        l.required = ul.required;
        l.state = stateOf(states, pack.id, lesson->id);
        u.lessons.push_back(std::move(l));
      }
      (isOwn ? own : others).push_back(std::move(u));
    }
  }
  std::stable_sort(others.begin(), others.end(), [](const HomeUnit& a, const HomeUnit& b) {
    return static_cast<int>(a.yearGroup) < static_cast<int>(b.yearGroup);
  });
  m.units = std::move(own);
  for (auto& u : others) {
    m.units.push_back(std::move(u));
  }
  return m;
}

} // namespace sq
