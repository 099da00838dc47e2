// Sections:
//   1. counting helpers: indexes, versions, terms, what is required of whom
//   2. the register: computeRegister, from events to every pupil's status
//   3. helpers: newest packs, labels, names, dates
#include "results/register.hpp"

#include "results/civil_time.hpp"
#include "results/completion_rules.hpp"
#include "results/event_payload.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace sq {

namespace {

// ---- counting helpers ---------------------------------------------------------------

constexpr std::size_t kYearGroups = 7;
constexpr std::size_t kPhases = 3;

std::size_t index(YearGroup y) {
  return static_cast<std::size_t>(y);
}
std::size_t index(AupPhase p) {
  return static_cast<std::size_t>(p);
}

// "1.10.0" is newer than "1.9.2": compare dot-separated parts as numbers, so the
// newest of two copies of a pack defines the unit.
bool versionLess(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    std::uint64_t x = 0, y = 0;
    while (i < a.size() && a[i] != '.') {
      x = x * 10 + static_cast<std::uint64_t>(a[i] >= '0' && a[i] <= '9' ? a[i] - '0' : 0);
      ++i;
    }
    while (j < b.size() && b[j] != '.') {
      y = y * 10 + static_cast<std::uint64_t>(b[j] >= '0' && b[j] <= '9' ? b[j] - '0' : 0);
      ++j;
    }
    if (x != y) {
      return x < y;
    }
    ++i;
    ++j;
  }
  return a < b; // equal numerically: fall back to text so the order is total
}

// Easter Sunday by the anonymous Gregorian algorithm. The spring term ends around
// Easter, so it is the boundary between the spring and summer terms.
CivilDate easterSunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

Term termOf(const CivilDate& d) {
  if (d.month >= 9) {
    return Term::Autumn;
  }
  if (d.month >= 5) {
    return Term::Summer;
  }
  const CivilDate easter = easterSunday(d.year);
  const bool beforeEaster =
      d.month < easter.month || (d.month == easter.month && d.day < easter.day);
  return beforeEaster ? Term::Spring : Term::Summer;
}

// A school term range "2026-09-03/2026-10-23", read; nullopt when malformed.
struct TermRange {
  std::string first;
  std::string last;
  Term term = Term::Autumn;
};
std::optional<TermRange> termRange(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string first(text.substr(0, slash));
  const std::string last(text.substr(slash + 1));
  const auto a = parseDate(first);
  const auto b = parseDate(last);
  if (!a || !b || first.size() != 10 || last.size() != 10 || last < first) {
    return std::nullopt;
  }
  const Term t = a->month >= 8 ? Term::Autumn : a->month >= 4 ? Term::Summer : Term::Spring;
  return TermRange{first, last, t};
}

std::vector<TermRange> termRanges(const std::vector<std::string>& termDates) {
  std::vector<TermRange> out;
  for (const std::string& t : termDates) {
    if (auto r = termRange(t)) {
      out.push_back(std::move(*r));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const TermRange& a, const TermRange& b) { return a.first < b.first; });
  return out;
}

std::string isoDate(const CivilDate& d) {
  char buf[48]; // room for any three ints, so the compiler sees no cut
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// One required lesson of a year group's unit.
struct Required {
  const Pack* pack;
  const Lesson* lesson; // may be null when the unit names a missing lesson
  std::string_view lessonId;
};

// Per year group: slot of the lesson in that year group's required list, or -1.
using Slots = std::array<std::int16_t, kYearGroups>;

struct Work {
  int academicYear = 0;
  std::string firstDay;
  std::string nextFirstDay;

  bool inYear(std::string_view t) const {
    // Timestamps are fixed-width UTC text, so a text comparison against the year's
    // bounds is exact for well-formed ones; parseDate refuses the rest.
    if (t.size() < 10 || t.compare(0, 10, firstDay) < 0 || t.compare(0, 10, nextFirstDay) >= 0) {
      return false;
    }
    return parseDate(t).has_value();
  }
};

bool covers(const std::vector<YearGroup>& assemblyYears, YearGroup y) {
  return assemblyYears.empty() ||
         std::find(assemblyYears.begin(), assemblyYears.end(), y) != assemblyYears.end();
}

void addTo(Tally& t, const PupilStatus& p) {
  ++t.pupils;
  t.withUnit += p.hasUnit ? 1 : 0;
  t.unitComplete += p.unitComplete ? 1 : 0;
  t.withAup += p.aupAvailable ? 1 : 0;
  t.aupSigned += p.aupSigned ? 1 : 0;
  t.parentAgreed += p.parentAgreed ? 1 : 0;
}

} // namespace

// ---- the register -------------------------------------------------------------------

Term termOn(std::string_view date, const std::vector<std::string>& termDates) {
  const auto d = parseDate(date);
  if (!d) {
    return Term::Autumn;
  }
  const std::string day = isoDate(*d);
  const std::vector<TermRange> ranges = termRanges(termDates);
  const TermRange* last = nullptr;
  for (const TermRange& r : ranges) {
    if (r.first <= day) {
      last = &r; // the range holding the day, or the one before its holiday
    }
  }
  // Ranges of another academic year say nothing about this one.
  if (last != nullptr) {
    const auto start = parseDate(last->first);
    if (academicYearOf(*start) == academicYearOf(*d)) {
      return last->term;
    }
  }
  return termOf(*d);
}

std::vector<TermRow> termRows(int academicYear, const std::vector<std::string>& termDates) {
  const CivilDate easter = easterSunday(academicYear + 1);
  CivilDate springEnd = easter;
  // The day before Easter Sunday.
  if (--springEnd.day == 0) {
    springEnd.month -= 1;
    springEnd.day = 31; // Easter is in March or April: the day before 1 April is 31 March
  }
  std::vector<TermRow> rows = {
      {Term::Autumn, academicYearStart(academicYear), std::to_string(academicYear) + "-12-31", 0},
      {Term::Spring, std::to_string(academicYear + 1) + "-01-01", isoDate(springEnd), 0},
      {Term::Summer, isoDate(easter), academicYearEnd(academicYear), 0},
  };
  bool seen[3] = {false, false, false};
  for (const TermRange& r : termRanges(termDates)) {
    if (academicYearOf(*parseDate(r.first)) != academicYear) {
      continue;
    }
    TermRow& row = rows[static_cast<std::size_t>(r.term)];
    const std::size_t i = static_cast<std::size_t>(r.term);
    if (!seen[i] || r.first < row.firstDay) {
      row.firstDay = r.first;
    }
    if (!seen[i] || r.last > row.lastDay) {
      row.lastDay = r.last;
    }
    seen[i] = true;
  }
  return rows;
}

Register computeRegister(const std::vector<Event>& events, const Roster& roster,
                         const std::vector<const Pack*>& packsIn, int academicYear,
                         const RegisterFilter& filter) {
  Register reg;
  reg.academicYear = academicYear;
  reg.firstDay = academicYearStart(academicYear);
  reg.lastDay = academicYearEnd(academicYear);
  reg.schoolName = roster.settings.schoolName;
  reg.filter = filter;

  Work w;
  w.academicYear = academicYear;
  w.firstDay = reg.firstDay;
  w.nextFirstDay = academicYearStart(academicYear + 1);

  // ---- the packs: newest of each id, in id order -------------------------------
  const std::vector<const Pack*> packs = newestPacks(packsIn);
  for (const Pack* p : packs) {
    reg.packs.push_back({p->id, p->version, p->title.get()});
    for (const Aup& a : p->aups) {
      auto& versions = reg.aupVersions[index(a.phase)];
      if (std::find(versions.begin(), versions.end(), a.version) == versions.end()) {
        versions.push_back(a.version);
      }
    }
  }

  // ---- required lessons per year group, and a lookup from (pack, lesson) ------
  std::array<std::vector<Required>, kYearGroups> required;
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, Slots>> lessonSlots;
  for (const Pack* p : packs) {
    for (const Unit& u : p->units) {
      auto& list = required[index(u.yearGroup)];
      for (const UnitLesson& ul : u.lessons) {
        if (!ul.required) {
          continue; // optional lessons never decide completion
        }
        Slots empty;
        empty.fill(-1);
        Slots& slots = lessonSlots[p->id].try_emplace(ul.lesson, empty).first->second;
        if (slots[index(u.yearGroup)] >= 0) {
          continue; // listed twice in the unit: once is enough
        }
        slots[index(u.yearGroup)] = static_cast<std::int16_t>(list.size());
        list.push_back({p, p->findLesson(ul.lesson), ul.lesson});
      }
    }
  }

  // ---- the pupils in the report ------------------------------------------------
  std::unordered_set<std::string_view> erased;
  for (const Event& e : events) {
    if (e.kind == EventKind::PupilErased && !e.pupilId.empty()) {
      erased.insert(e.pupilId);
    }
  }
  std::vector<PupilStatus> pupils;
  std::vector<std::size_t> slotBase; // where each pupil's slots start in `done`
  std::unordered_map<std::string_view, std::size_t> pupilIndex;
  pupilIndex.reserve(roster.pupils.size());
  std::size_t slotCount = 0;
  std::unordered_set<std::string_view> listedClasses;
  for (const SchoolClass& c : roster.classes) {
    listedClasses.insert(c.id);
  }
  for (const Pupil& rp : roster.pupils) {
    if (!rp.archivedOn.empty() || erased.count(rp.id) != 0) {
      continue;
    }
    if (!filter.classId.empty() && rp.classId != filter.classId) {
      continue;
    }
    if (filter.yearGroup && rp.yearGroup != *filter.yearGroup) {
      continue;
    }
    if (!pupilIndex.emplace(rp.id, pupils.size()).second) {
      continue; // a duplicate id in the class list: count the pupil once
    }
    PupilStatus ps;
    ps.id = rp.id;
    ps.name = rp.shortName();
    // A class since removed from the list: grouped with the pupils who have none.
    // (A class filter keeps its id, so the one row asked for holds its pupils.)
    ps.classId = listedClasses.count(rp.classId) != 0 || !filter.classId.empty() ? rp.classId
                                                                                 : std::string();
    ps.yearGroup = rp.yearGroup;
    ps.phase = aupPhaseOf(rp.yearGroup);
    ps.requiredTotal = static_cast<int>(required[index(rp.yearGroup)].size());
    ps.hasUnit = ps.requiredTotal > 0;
    ps.aupAvailable = !reg.aupVersions[index(ps.phase)].empty();
    slotBase.push_back(slotCount);
    slotCount += static_cast<std::size_t>(ps.requiredTotal);
    pupils.push_back(std::move(ps));
  }

  // ---- one pass over the events --------------------------------------------------
  // For each required slot: the first completion this year (earliest time wins).
  std::vector<const Event*> done(slotCount, nullptr);
  std::vector<const Event*> parentAgreed(pupils.size(), nullptr);
  std::unordered_map<std::string, const Event*> confirmations; // class id -> latest
  std::unordered_map<const Event*, AupClassConfirmedData> confirmationData;
  std::vector<AssemblyRecord> assemblies;

  for (const Event& e : events) {
    switch (e.kind) {
    case EventKind::LessonCompleted: {
      auto pi = pupilIndex.find(e.pupilId);
      if (pi == pupilIndex.end() || !countsAsLessonCompletion(e)) {
        break;
      }
      auto pk = lessonSlots.find(e.packId); // any version of the pack counts
      if (pk == lessonSlots.end()) {
        break;
      }
      auto ls = pk->second.find(e.activityId);
      if (ls == pk->second.end()) {
        break;
      }
      const std::int16_t slot = ls->second[index(pupils[pi->second].yearGroup)];
      if (slot < 0 || !w.inYear(e.timeUtc)) {
        break;
      }
      const Event*& d = done[slotBase[pi->second] + static_cast<std::size_t>(slot)];
      if (d == nullptr || e.timeUtc < d->timeUtc) {
        d = &e;
      }
      break;
    }
    case EventKind::AupSigned: {
      auto pi = pupilIndex.find(e.pupilId);
      if (pi == pupilIndex.end() || !w.inYear(e.timeUtc)) {
        break;
      }
      PupilStatus& ps = pupils[pi->second];
      const AupSignature judged =
          judgeAupSignature(e, ps.phase, reg.aupVersions[index(ps.phase)], packs);
      if (judged == AupSignature::NotThisPhase) {
        break; // another phase's AUP: not the one this pupil must sign
      }
      const std::string version = payloadOrEmpty<AupSignedData>(e).aupVersion;
      if (judged == AupSignature::Current) {
        if (!ps.aupSigned || e.timeUtc > ps.aupSignedOn) {
          ps.aupSigned = true;
          ps.aupSignedOn = e.timeUtc;
          ps.aupVersion = version;
        }
      } else if (!ps.aupSigned && e.timeUtc > ps.aupSignedOn) {
        // Remember an out-of-date signature so the report can say "signed an old version".
        ps.aupSignedOn = e.timeUtc;
        ps.aupVersion = version;
      }
      break;
    }
    case EventKind::AupParentAgreed:
    case EventKind::AupParentWithdrawn: {
      // The newest agreement or withdrawal this year decides (see below).
      auto pi = pupilIndex.find(e.pupilId);
      if (pi == pupilIndex.end() || !w.inYear(e.timeUtc)) {
        break;
      }
      // In the same second, the later of one PC's events (an agreement withdrawn at once).
      const Event*& pa = parentAgreed[pi->second];
      if (pa == nullptr || e.timeUtc > pa->timeUtc ||
          (e.timeUtc == pa->timeUtc && e.deviceId == pa->deviceId && e.seq > pa->seq)) {
        pa = &e;
      }
      break;
    }
    case EventKind::AupClassConfirmed: {
      if (!w.inYear(e.timeUtc)) {
        break;
      }
      AupClassConfirmedData data = payloadOrEmpty<AupClassConfirmedData>(e);
      if (data.classId.empty()) {
        break;
      }
      const Event*& latest = confirmations[data.classId];
      if (latest == nullptr || e.timeUtc > latest->timeUtc) {
        latest = &e;
        confirmationData[&e] = std::move(data);
      }
      break;
    }
    case EventKind::AssemblyGiven: {
      AssemblyGivenData data = payloadOrEmpty<AssemblyGivenData>(e);
      // The date the assembly was given; the recording time when it is missing.
      std::string date = data.date;
      if (!parseDate(date) || date.size() != 10) {
        date = e.timeUtc.substr(0, 10);
      }
      if (!w.inYear(date)) {
        break;
      }
      AssemblyRecord a;
      a.eventUuid = e.uuid;
      a.packId = e.packId;
      a.assemblyId = e.activityId;
      a.title = e.activityId;
      for (const Pack* p : packs) {
        if (p->id == e.packId) {
          if (const Assembly* as = p->findAssembly(e.activityId)) {
            a.title = as->title.get();
          }
        }
      }
      a.date = date;
      a.term = termOn(date, roster.settings.termDates);
      a.yearGroups = std::move(data.yearGroups);
      a.presenter = std::move(data.presenter);
      if (filter.yearGroup && !covers(a.yearGroups, *filter.yearGroup)) {
        break;
      }
      assemblies.push_back(std::move(a));
      break;
    }
    case EventKind::ActivityCompleted:
    case EventKind::LessonProgress:
    case EventKind::HelpAsked:
    case EventKind::PupilErased:
      break; // not part of the register
    }
  }

  // ---- each pupil's unit ------------------------------------------------------------
  std::vector<std::string> allVersions;
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    PupilStatus& ps = pupils[i];
    const auto& list = required[index(ps.yearGroup)];
    std::string last;
    for (std::size_t s = 0; s < list.size(); ++s) {
      const Event* d = done[slotBase[i] + s];
      if (d == nullptr) {
        const Required& r = list[s];
        ps.lessonsLeft.push_back({r.pack->id, std::string(r.lessonId),
                                  r.lesson ? r.lesson->title.get() : std::string(r.lessonId)});
        continue;
      }
      ++ps.requiredDone;
      last = std::max(last, d->timeUtc);
      std::string v = d->packId + " " + d->packVersion;
      if (std::find(ps.packVersions.begin(), ps.packVersions.end(), v) == ps.packVersions.end()) {
        ps.packVersions.push_back(std::move(v));
      }
    }
    std::sort(ps.packVersions.begin(), ps.packVersions.end());
    ps.unitComplete = ps.hasUnit && ps.requiredDone == ps.requiredTotal;
    if (ps.unitComplete) {
      ps.unitCompletedOn = last;
    }
    allVersions.insert(allVersions.end(), ps.packVersions.begin(), ps.packVersions.end());
    if (const Event* pa = parentAgreed[i];
        pa != nullptr && pa->kind == EventKind::AupParentAgreed) {
      ps.parentAgreed = true;
      ps.parentAgreedOn = pa->timeUtc;
    }
  }
  std::sort(allVersions.begin(), allVersions.end());
  allVersions.erase(std::unique(allVersions.begin(), allVersions.end()), allVersions.end());
  reg.versionsUsed = std::move(allVersions);

  // ---- classes, in order of their youngest pupils --------------------------------
  std::unordered_map<std::string_view, std::size_t> classIndex;
  std::vector<ClassRow> classes;
  auto classRowFor = [&](const std::string& classId) -> ClassRow& {
    auto [it, added] = classIndex.emplace(classId, classes.size());
    if (added) {
      ClassRow row;
      row.classId = classId;
      const SchoolClass* sc = classId.empty() ? nullptr : roster.findClass(classId);
      row.name = sc ? sc->name : std::string("Not on the class list");
      classes.push_back(std::move(row));
    }
    return classes[it->second];
  };
  if (!filter.classId.empty()) {
    classRowFor(filter.classId); // shown even when it has no pupils
  }
  for (const PupilStatus& ps : pupils) {
    ClassRow& row = classRowFor(ps.classId);
    if (std::find(row.yearGroups.begin(), row.yearGroups.end(), ps.yearGroup) ==
        row.yearGroups.end()) {
      row.yearGroups.push_back(ps.yearGroup);
    }
  }
  for (ClassRow& row : classes) {
    std::sort(row.yearGroups.begin(), row.yearGroups.end());
  }
  std::vector<std::size_t> classOrder(classes.size());
  for (std::size_t i = 0; i < classOrder.size(); ++i) {
    classOrder[i] = i;
  }
  std::sort(classOrder.begin(), classOrder.end(), [&](std::size_t a, std::size_t b) {
    const ClassRow& x = classes[a];
    const ClassRow& y = classes[b];
    // Unlisted pupils last; otherwise youngest first, then by name.
    if (x.classId.empty() != y.classId.empty()) {
      return y.classId.empty();
    }
    const int xy = x.yearGroups.empty() ? 99 : static_cast<int>(x.yearGroups.front());
    const int yy = y.yearGroups.empty() ? 99 : static_cast<int>(y.yearGroups.front());
    if (xy != yy) {
      return xy < yy;
    }
    return x.name != y.name ? x.name < y.name : x.classId < y.classId;
  });
  std::vector<std::size_t> classRank(classes.size());
  for (std::size_t r = 0; r < classOrder.size(); ++r) {
    classRank[classOrder[r]] = r;
  }

  // ---- pupils in class order, then by name -----------------------------------------
  std::vector<std::size_t> order(pupils.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::vector<std::size_t> pupilClass(pupils.size());
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    pupilClass[i] = classRank[classIndex.at(pupils[i].classId)];
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (pupilClass[a] != pupilClass[b]) {
      return pupilClass[a] < pupilClass[b];
    }
    if (pupils[a].name != pupils[b].name) {
      return pupils[a].name < pupils[b].name;
    }
    return pupils[a].id < pupils[b].id;
  });
  reg.pupils.reserve(pupils.size());
  for (std::size_t i : order) {
    reg.pupils.push_back(std::move(pupils[i]));
  }
  for (std::size_t r : classOrder) {
    reg.classes.push_back(std::move(classes[r]));
  }
  classIndex.clear();
  for (std::size_t i = 0; i < reg.classes.size(); ++i) {
    classIndex.emplace(reg.classes[i].classId, i);
  }

  // ---- tallies -------------------------------------------------------------------
  std::array<int, kYearGroups> yearRow;
  yearRow.fill(-1);
  if (filter.yearGroup) {
    yearRow[index(*filter.yearGroup)] = 0; // shown even when it has no pupils
  }
  for (std::size_t i = 0; i < reg.pupils.size(); ++i) {
    const PupilStatus& ps = reg.pupils[i];
    ClassRow& row = reg.classes[classIndex.at(ps.classId)];
    row.pupils.push_back(i);
    addTo(row.tally, ps);
    addTo(reg.school, ps);
    yearRow[index(ps.yearGroup)] = 0;
  }
  for (std::size_t y = 0; y < kYearGroups; ++y) {
    if (yearRow[y] < 0) {
      continue;
    }
    yearRow[y] = static_cast<int>(reg.yearGroups.size());
    YearGroupRow row;
    row.yearGroup = static_cast<YearGroup>(y);
    row.requiredLessons = static_cast<int>(required[y].size());
    reg.yearGroups.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < reg.pupils.size(); ++i) {
    YearGroupRow& row =
        reg.yearGroups[static_cast<std::size_t>(yearRow[index(reg.pupils[i].yearGroup)])];
    row.pupils.push_back(i);
    addTo(row.tally, reg.pupils[i]);
  }

  // ---- class confirmations ----------------------------------------------------------
  for (ClassRow& row : reg.classes) {
    auto it = row.classId.empty() ? confirmations.end() : confirmations.find(row.classId);
    if (it == confirmations.end()) {
      continue;
    }
    const AupClassConfirmedData& data = confirmationData[it->second];
    ClassConfirmation& c = row.confirmation;
    c.confirmed = true;
    c.timeUtc = it->second->timeUtc;
    c.staffId = data.staffId;
    c.aupVersion = data.aupVersion;
    for (const StaffMember& s : roster.staff) {
      if (s.id == c.staffId) {
        c.staffName = s.name;
      }
    }
    if (c.staffName.empty()) {
      c.staffName = data.staffName;
    }
    ++reg.classesConfirmed;
  }

  // ---- assemblies in scope -------------------------------------------------------------
  if (!filter.classId.empty()) {
    // A class sees an assembly meant for any of its pupils' year groups.
    const std::vector<YearGroup>& ys = reg.classes.front().yearGroups;
    assemblies.erase(std::remove_if(assemblies.begin(), assemblies.end(),
                                    [&](const AssemblyRecord& a) {
                                      return !a.yearGroups.empty() &&
                                             std::none_of(ys.begin(), ys.end(), [&](YearGroup y) {
                                               return covers(a.yearGroups, y);
                                             });
                                    }),
                     assemblies.end());
  }
  std::sort(assemblies.begin(), assemblies.end(),
            [](const AssemblyRecord& a, const AssemblyRecord& b) {
              return a.date != b.date ? a.date < b.date : a.eventUuid < b.eventUuid;
            });
  reg.assemblies = std::move(assemblies);
  reg.terms = termRows(academicYear, roster.settings.termDates);
  for (const TermRange& r : termRanges(roster.settings.termDates)) {
    reg.schoolTermDates =
        reg.schoolTermDates || academicYearOf(*parseDate(r.first)) == academicYear;
  }
  for (const AssemblyRecord& a : reg.assemblies) {
    ++reg.terms[static_cast<std::size_t>(a.term)].assemblies;
  }
  for (YearGroupRow& row : reg.yearGroups) {
    for (const AssemblyRecord& a : reg.assemblies) {
      row.assembliesGiven += covers(a.yearGroups, row.yearGroup) ? 1 : 0;
    }
  }

  // ---- the scope and what the reader should know -------------------------------------
  if (!filter.classId.empty()) {
    reg.scope = "Class " + reg.classes.front().name;
  } else if (filter.yearGroup) {
    reg.scope = std::string(yearGroupName(*filter.yearGroup));
  } else {
    reg.scope = "Whole school";
  }
  if (packs.empty()) {
    reg.notes.push_back("No content pack was given, so no unit or AUP could be checked.");
  }
  for (const YearGroupRow& row : reg.yearGroups) {
    if (row.requiredLessons == 0 && !packs.empty() && row.tally.pupils > 0) {
      reg.notes.push_back(std::string(yearGroupName(row.yearGroup)) +
                          ": the content has no unit for this year group, so its pupils are "
                          "left out of the unit-complete figures.");
    }
  }
  std::array<bool, kPhases> phaseSeen{};
  for (const PupilStatus& ps : reg.pupils) {
    phaseSeen[index(ps.phase)] = true;
  }
  for (std::size_t p = 0; p < kPhases; ++p) {
    if (phaseSeen[p] && reg.aupVersions[p].empty() && !packs.empty()) {
      reg.notes.push_back(std::string(aupPhaseName(static_cast<AupPhase>(p))) +
                          ": the content has no AUP for this phase, so its pupils are left out "
                          "of the AUP figures.");
    }
  }
  if (classIndex.count("") != 0) {
    reg.notes.push_back("Some pupils are not in a class on the class list; they are shown "
                        "together at the end.");
  }
  return reg;
}

// ---- helpers ------------------------------------------------------------------------

std::vector<const Pack*> newestPacks(const std::vector<const Pack*>& packs) {
  std::map<std::string_view, const Pack*> newest;
  for (const Pack* p : packs) {
    if (p == nullptr) {
      continue;
    }
    auto [it, added] = newest.emplace(p->id, p);
    if (!added && versionLess(it->second->version, p->version)) {
      it->second = p;
    }
  }
  std::vector<const Pack*> out;
  out.reserve(newest.size());
  for (const auto& entry : newest) {
    out.push_back(entry.second);
  }
  return out;
}

std::string pupilLabel(const PupilStatus& p, bool names) {
  if (names && !p.name.empty()) {
    return p.name;
  }
  return p.id.substr(0, 8);
}

std::string_view yearGroupName(YearGroup y) {
  static constexpr std::array<std::string_view, kYearGroups> names = {
      "Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"};
  return names[index(y)];
}

std::string_view aupPhaseName(AupPhase p) {
  static constexpr std::array<std::string_view, kPhases> names = {"EYFS", "KS1", "KS2"};
  return names[index(p)];
}

std::string_view termName(Term t) {
  static constexpr std::array<std::string_view, 3> names = {"Autumn", "Spring", "Summer"};
  return names[static_cast<std::size_t>(t)];
}

AupPhase aupPhaseOf(YearGroup y) {
  switch (y) {
  case YearGroup::Reception:
    return AupPhase::Eyfs;
  case YearGroup::Y1:
  case YearGroup::Y2:
    return AupPhase::Ks1;
  default:
    return AupPhase::Ks2;
  }
}

int percentOf(int n, int d) {
  if (d <= 0) {
    return 0;
  }
  return static_cast<int>(static_cast<std::int64_t>(n) * 100 / d);
}

std::string longDate(std::string_view isoDate) {
  static constexpr std::array<std::string_view, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto d = parseDate(isoDate.substr(0, std::min<std::size_t>(isoDate.size(), 10)));
  if (!d) {
    return std::string(isoDate);
  }
  return std::to_string(d->day) + " " +
         std::string(months[static_cast<std::size_t>(d->month - 1)]) + " " +
         std::to_string(d->year);
}

} // namespace sq
