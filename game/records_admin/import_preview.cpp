// The class-list import preview (see import_preview.hpp).
#include "records_admin/import_preview.hpp"

#include "results/name_clashes.hpp"
#include "results/register.hpp"
#include "results/results_store.hpp"
#include "results/teacher_trust.hpp"

#include <algorithm>
#include <map>

namespace sq::admin {

namespace {

std::string classNameOf(const Roster& roster, const std::string& classId) {
  const SchoolClass* c = roster.findClass(classId);
  return c != nullptr ? c->name : std::string();
}

bool sameClass(const SchoolClass& a, const SchoolClass& b) {
  return a.id == b.id && a.name == b.name && a.emblem == b.emblem &&
         a.picturePasswordRemoved == b.picturePasswordRemoved;
}

bool samePupil(const Pupil& a, const Pupil& b) {
  return a.id == b.id && a.firstName == b.firstName && a.initial == b.initial &&
         a.classId == b.classId && a.yearGroup == b.yearGroup && a.misKey == b.misKey &&
         a.archivedOn == b.archivedOn;
}

bool sameSettings(const SchoolSettings& a, const SchoolSettings& b) {
  return a.schoolName == b.schoolName && a.safeguardingLead == b.safeguardingLead &&
         a.incidentSteps == b.incidentSteps && a.termDates == b.termDates &&
         a.retentionYears == b.retentionYears && a.promotedForYear == b.promotedForYear;
}

template <typename T, typename Same>
bool sameList(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same);
}

PupilLine lineFor(const Roster& roster, const Pupil& p) {
  return PupilLine{p.id, p.shortName(), classNameOf(roster, p.classId), p.yearGroup, {}};
}

// What changed for one pupil, in the words a teacher uses.
std::vector<std::string> changesOf(const Roster& before, const Pupil& was, const Roster& after,
                                   const Pupil& now) {
  std::vector<std::string> what;
  if (was.shortName() != now.shortName()) {
    what.push_back("name " + was.shortName() + " \u2192 " + now.shortName());
  }
  const std::string fromClass = classNameOf(before, was.classId);
  const std::string toClass = classNameOf(after, now.classId);
  if (fromClass != toClass) {
    what.push_back("class " + fromClass + " \u2192 " + toClass);
  }
  if (was.yearGroup != now.yearGroup) {
    what.push_back(std::string(yearGroupName(was.yearGroup)) + " \u2192 " +
                   std::string(yearGroupName(now.yearGroup)));
  }
  if (!was.archivedOn.empty() && now.archivedOn.empty()) {
    what.push_back("back on roll (left " + was.archivedOn + ")");
  }
  if (was.misKey != now.misKey && what.empty()) {
    what.push_back("admission number matched for the first time");
  }
  return what;
}

bool byClassThenName(const PupilLine& a, const PupilLine& b) {
  return a.className != b.className ? a.className < b.className : a.name < b.name;
}

} // namespace

bool sameRoster(const Roster& a, const Roster& b) {
  return sameList(a.classes, b.classes, sameClass) && sameList(a.pupils, b.pupils, samePupil) &&
         sameList(a.staff, b.staff,
                  [](const StaffMember& x, const StaffMember& y) {
                    return x.id == y.id && x.name == y.name;
                  }) &&
         sameSettings(a.settings, b.settings);
}

std::string ImportPreview::summary() const {
  if (!canApply()) {
    const std::size_t n = refused.size();
    return "Refused: " + std::to_string(n) + (n == 1 ? " line needs" : " lines need") +
           " fixing in the file. Nothing has changed.";
  }
  std::string out = std::to_string(added.size()) + " new, " + std::to_string(changed.size()) +
                    " changed, " + std::to_string(left.size()) + " left, " +
                    std::to_string(unchanged) + " unchanged";
  if (erasedLeftOut > 0) {
    out += ", " + std::to_string(erasedLeftOut) + " erased (they stay erased)";
  }
  return out;
}

ImportPreview previewImport(const Roster& current, const ImportResult& incoming,
                            std::string_view rosterKey, std::string_view today,
                            const std::set<std::string>& erased) {
  ImportPreview preview;
  preview.before = current;
  preview.encoding = incoming.encoding;
  if (!incoming.ok()) {
    // A file that does not read cleanly is refused before it is matched to anyone.
    preview.refused = incoming.errors;
    preview.plan.roster = current;
    return preview;
  }
  preview.plan = planReimport(current, incoming, rosterKey, today);
  if (!preview.plan.ok()) {
    preview.refused = preview.plan.errors;
    preview.refused.insert(preview.refused.end(), preview.plan.conflicts.begin(),
                           preview.plan.conflicts.end());
    return preview;
  }
  // A pupil erased here stays erased, whatever the file says.
  const std::size_t beforeLeaving = preview.plan.roster.pupils.size();
  leaveOutErased(preview.plan.roster, erased);
  preview.erasedLeftOut = static_cast<int>(beforeLeaving - preview.plan.roster.pupils.size());

  const Roster& after = preview.plan.roster;
  std::map<std::string, const Pupil*> old;
  for (const Pupil& p : current.pupils) {
    old[p.id] = &p;
  }
  for (const Pupil& now : after.pupils) {
    const auto it = old.find(now.id);
    if (it == old.end()) {
      preview.added.push_back(lineFor(after, now));
      continue;
    }
    const Pupil& was = *it->second;
    const bool wasOnRoll = was.archivedOn.empty();
    const bool isOnRoll = now.archivedOn.empty();
    if (wasOnRoll && !isOnRoll) {
      preview.left.push_back(lineFor(current, was));
      continue;
    }
    if (!isOnRoll) {
      continue; // had left already, and still has
    }
    PupilLine line = lineFor(after, now);
    line.what = changesOf(current, was, after, now);
    if (line.what.empty()) {
      ++preview.unchanged;
    } else {
      preview.changed.push_back(std::move(line));
    }
  }
  for (const NameClash& clash : findNameClashes(after.pupils)) {
    preview.nameClashes.push_back(
        classNameOf(after, clash.classId) + " will have " + std::to_string(clash.pupilIds.size()) +
        " pupils shown as \"" + clash.shownAs +
        "\": the sign-in screen gives each a picture of their own; an alias tells them apart by "
        "name (click the pupil below once imported).");
  }
  std::sort(preview.added.begin(), preview.added.end(), byClassThenName);
  std::sort(preview.changed.begin(), preview.changed.end(), byClassThenName);
  std::sort(preview.left.begin(), preview.left.end(), byClassThenName);
  return preview;
}

std::string importedLine(const ImportPreview& preview, const std::string& from) {
  std::string out = "The class list from " + from + " is imported: " + preview.summary() + ".";
  for (const std::string& clash : preview.nameClashes) {
    out += " " + clash;
  }
  return out;
}

ImportPreview previewImport(const ResultsStore& store, const ImportResult& incoming,
                            std::string_view today) {
  return previewImport(store.loadRoster(), incoming, store.rosterKey(), today, heldErasures(store));
}

bool applyImport(ResultsStore& store, const ImportPreview& preview, std::string& error) {
  if (!preview.canApply()) {
    error = "The file has lines that need fixing, so nothing was imported.";
    return false;
  }
  if (!sameRoster(store.loadRoster(), preview.before)) {
    error = "The class list changed since this preview was made. Nothing was imported; "
            "look at the new preview and confirm again.";
    return false;
  }
  if (!store.saveRoster(preview.plan.roster, error)) {
    error = "The class list could not be saved, so nothing changed: " + error;
    return false;
  }
  return true;
}

} // namespace sq::admin
