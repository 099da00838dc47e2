#include "results/roster_merge.hpp"

#include "results/uuid.hpp"

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace sq {

namespace {

constexpr char kSep = '\x1F'; // cannot appear in a checked name

std::string nameKey(std::string_view firstName, std::string_view initial,
                    std::string_view className) {
  return foldName(firstName) + kSep + foldName(initial) + kSep + foldName(className);
}

std::string describe(const ImportedPupil& p) {
  return "\"" + p.firstName + " " + p.initial + "\" in \"" + p.className + "\"";
}

std::string lineList(const std::vector<int>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == lines.size() ? " and " : ", ")) + std::to_string(lines[i]);
  }
  return out;
}

struct Row {
  const ImportedPupil* pupil = nullptr;
  std::string misKey;
  std::string key;
  std::optional<std::size_t> match; // index into existing.pupils
};

} // namespace

MergePlan planReimport(const Roster& existing, const ImportResult& incoming,
                       std::string_view rosterKey, std::string_view today) {
  MergePlan plan;
  plan.roster = existing;
  if (!incoming.ok()) {
    plan.errors = incoming.errors;
    return plan;
  }
  const auto conflict = [&](const ImportedPupil& p, Code code, std::string message) {
    plan.conflicts.push_back({p.file, p.line, code, std::move(message)});
  };

  // Classes by folded name. Two existing classes with one name would make every
  // row naming it ambiguous, so they are a conflict for those rows.
  std::map<std::string, std::vector<std::size_t>> classesByName;
  for (std::size_t i = 0; i < existing.classes.size(); ++i) {
    classesByName[foldName(existing.classes[i].name)].push_back(i);
  }
  const auto classNameOf = [&](const std::string& classId) -> std::string {
    for (const SchoolClass& c : existing.classes) {
      if (c.id == classId) {
        return c.name;
      }
    }
    return "";
  };

  std::map<std::string, std::vector<std::size_t>> byMisKey;
  std::map<std::string, std::vector<std::size_t>> byName; // on-roll pupils only
  for (std::size_t i = 0; i < existing.pupils.size(); ++i) {
    const Pupil& p = existing.pupils[i];
    if (!p.misKey.empty()) {
      byMisKey[p.misKey].push_back(i);
    }
    // Archived pupils are found only by MIS id: a name match with someone who left
    // years ago is far more likely a different child than the same one returning.
    if (p.archivedOn.empty()) {
      byName[nameKey(p.firstName, p.initial, classNameOf(p.classId))].push_back(i);
    }
  }

  std::vector<Row> rows;
  rows.reserve(incoming.pupils.size());
  std::map<std::string, int> lineOfMisKey;
  std::set<std::string> reportedClasses;
  std::map<std::string, std::pair<int, bool>> lineOfName; // key -> (line, had an MIS id)
  for (const ImportedPupil& p : incoming.pupils) {
    Row row;
    row.pupil = &p;
    row.misKey = misKeyFor(p.misId, rosterKey);
    row.key = nameKey(p.firstName, p.initial, p.className);
    rows.push_back(row);

    const auto cls = classesByName.find(foldName(p.className));
    if (cls != classesByName.end() && cls->second.size() > 1 &&
        reportedClasses.insert(cls->first).second) {
      conflict(p, Code::CsvDuplicateClass,
               "the class list already has " + std::to_string(cls->second.size()) +
                   " classes called \"" + p.className + "\"; rename one first");
    }
    if (!row.misKey.empty()) {
      const auto [it, first] = lineOfMisKey.emplace(row.misKey, p.line);
      if (!first) {
        conflict(p, Code::CsvDuplicateMisId,
                 "the same MIS id (admission number) as line " + std::to_string(it->second));
      }
    }
    // Two rows that only a name tells apart could never be matched again on the
    // next import, so they are refused now unless both carry an MIS id.
    const auto [it, first] = lineOfName.emplace(row.key, std::make_pair(p.line, !p.misId.empty()));
    if (!first && (p.misId.empty() || !it->second.second)) {
      conflict(p, Code::CsvDuplicatePupil,
               describe(p) + " is also on line " + std::to_string(it->second.first) +
                   "; give them admission numbers or different initials (aliases) so they "
                   "can be told apart");
    }
  }

  // Match each row to at most one existing pupil.
  for (Row& row : rows) {
    const ImportedPupil& p = *row.pupil;
    if (!row.misKey.empty()) {
      const auto it = byMisKey.find(row.misKey);
      if (it != byMisKey.end()) {
        if (it->second.size() > 1) {
          conflict(p, Code::CsvDuplicateMisId,
                   "the class list already has " + std::to_string(it->second.size()) +
                       " pupils with this MIS id");
          continue;
        }
        row.match = it->second.front();
        continue;
      }
    }
    const auto it = byName.find(row.key);
    if (it == byName.end()) {
      continue;
    }
    std::vector<std::size_t> candidates;
    for (std::size_t i : it->second) {
      // A row with an MIS id may only claim a pupil who has none yet (imported from
      // a file without ids); one with a different id is a different child.
      if (row.misKey.empty() || existing.pupils[i].misKey.empty()) {
        candidates.push_back(i);
      }
    }
    if (candidates.size() > 1) {
      conflict(p, Code::CsvAmbiguousMatch,
               describe(p) + " matches " + std::to_string(candidates.size()) +
                   " pupils already on the class list; add admission numbers to the file "
                   "so each row names one pupil");
    } else if (candidates.size() == 1) {
      row.match = candidates.front();
    }
  }
  std::map<std::size_t, std::vector<int>> claims;
  for (const Row& row : rows) {
    if (row.match) {
      claims[*row.match].push_back(row.pupil->line);
    }
  }
  for (const Row& row : rows) {
    if (!row.match) {
      continue;
    }
    const std::vector<int>& lines = claims[*row.match];
    if (lines.size() > 1 && lines.front() != row.pupil->line) {
      const Pupil& target = existing.pupils[*row.match];
      conflict(*row.pupil, Code::CsvDuplicatePupil,
               "lines " + lineList(lines) + " all match the same pupil (\"" + target.firstName +
                   " " + target.initial + "\"); only one row may");
    }
  }
  if (!plan.conflicts.empty()) {
    return plan;
  }

  Roster next = existing;
  // Classes: matched by name (keeping the file's spelling), new ones added.
  std::map<std::string, std::string> classIdByName;
  for (const std::string& name : incoming.classes) {
    const std::string folded = foldName(name);
    const auto it = classesByName.find(folded);
    if (it != classesByName.end()) {
      SchoolClass& c = next.classes[it->second.front()];
      c.name = name;
      classIdByName[folded] = c.id;
    } else if (classIdByName.count(folded) == 0) {
      next.classes.push_back({newUuid(), name});
      classIdByName[folded] = next.classes.back().id;
      ++plan.summary.classesAdded;
    }
  }
  const auto classIdFor = [&](const std::string& name) -> std::string {
    const std::string folded = foldName(name);
    auto it = classIdByName.find(folded);
    if (it == classIdByName.end()) {
      // A pupil whose class the import did not list: importers always list them,
      // but a hand-built ImportResult might not.
      next.classes.push_back({newUuid(), name});
      ++plan.summary.classesAdded;
      it = classIdByName.emplace(folded, next.classes.back().id).first;
    }
    return it->second;
  };

  std::vector<const Row*> matchOf(existing.pupils.size(), nullptr);
  for (const Row& row : rows) {
    if (row.match) {
      matchOf[*row.match] = &row;
    }
  }
  for (std::size_t i = 0; i < next.pupils.size(); ++i) {
    Pupil& pupil = next.pupils[i];
    const Row* row = matchOf[i];
    if (row == nullptr) {
      if (pupil.archivedOn.empty()) {
        pupil.archivedOn = std::string(today);
        ++plan.summary.archived;
      }
      continue;
    }
    const ImportedPupil& p = *row->pupil;
    Pupil updated = pupil;
    updated.firstName = p.firstName;
    updated.initial = p.initial;
    updated.classId = classIdFor(p.className);
    updated.yearGroup = p.yearGroup;
    if (!row->misKey.empty()) {
      updated.misKey = row->misKey;
    }
    updated.archivedOn.clear();
    const bool same = updated.firstName == pupil.firstName && updated.initial == pupil.initial &&
                      updated.classId == pupil.classId && updated.yearGroup == pupil.yearGroup &&
                      updated.misKey == pupil.misKey && updated.archivedOn == pupil.archivedOn;
    ++(same ? plan.summary.unchanged : plan.summary.updated);
    pupil = std::move(updated);
  }
  for (const Row& row : rows) {
    if (row.match) {
      continue;
    }
    const ImportedPupil& p = *row.pupil;
    Pupil pupil;
    pupil.id = newUuid();
    pupil.firstName = p.firstName;
    pupil.initial = p.initial;
    pupil.classId = classIdFor(p.className);
    pupil.yearGroup = p.yearGroup;
    pupil.misKey = row.misKey;
    next.pupils.push_back(std::move(pupil));
    ++plan.summary.added;
  }

  if (incoming.hasStaff) {
    std::vector<StaffMember> staff;
    std::vector<bool> kept(existing.staff.size(), false);
    for (const std::string& name : incoming.staff) {
      const std::string folded = foldName(name);
      bool found = false;
      for (std::size_t i = 0; i < existing.staff.size() && !found; ++i) {
        if (!kept[i] && foldName(existing.staff[i].name) == folded) {
          kept[i] = true;
          found = true;
          staff.push_back({existing.staff[i].id, name});
        }
      }
      if (!found) {
        staff.push_back({newUuid(), name});
        ++plan.summary.staffAdded;
      }
    }
    for (bool k : kept) {
      plan.summary.staffRemoved += k ? 0 : 1;
    }
    next.staff = std::move(staff);
  }
  plan.roster = std::move(next);
  return plan;
}

Roster promoteYear(const Roster& roster, std::string_view today, PromoteSummary* summary) {
  Roster next = roster;
  PromoteSummary counts;
  for (Pupil& p : next.pupils) {
    if (!p.archivedOn.empty()) {
      continue;
    }
    if (p.yearGroup == YearGroup::Y6) {
      p.archivedOn = std::string(today);
      ++counts.left;
    } else {
      p.yearGroup = static_cast<YearGroup>(static_cast<int>(p.yearGroup) + 1);
      ++counts.promoted;
    }
  }
  if (summary != nullptr) {
    *summary = counts;
  }
  return next;
}

} // namespace sq
