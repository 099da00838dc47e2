// One pupil's edits (see pupil_edits.hpp).
#include "records_admin/pupil_edits.hpp"

#include "core/utf8.hpp"
#include "records_admin/import_preview.hpp"
#include "results/civil_time.hpp"
#include "results/name_clashes.hpp"
#include "results/results_store.hpp"
#include "results/roster_import.hpp"

#include <algorithm>
#include <tuple>

namespace sq::admin {

namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Trimmed, inner blanks collapsed to one space.
std::string tidy(std::string_view text) {
  std::string out;
  bool pendingSpace = false;
  for (const char c : text) {
    if (isBlank(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += c;
  }
  return out;
}

// Why `text` cannot be a name, or "" when it can.
std::string nameProblem(const std::string& text, const char* what, std::size_t maxChars) {
  if (!isValidUtf8(text)) {
    return std::string("The ") + what + " has characters that cannot be read.";
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = decodeUtf8(text, pos);
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      return std::string("The ") + what + " has a character that cannot be shown.";
    }
  }
  if (utf8Length(text) > maxChars) {
    return std::string("The ") + what + " is too long: at most " + std::to_string(maxChars) +
           " letters.";
  }
  return {};
}

std::string classNameOf(const Roster& roster, const std::string& classId) {
  const SchoolClass* c = roster.findClass(classId);
  return c != nullptr ? c->name : std::string();
}

// The pupil to change, on roll; nullptr with `edit.refused` set otherwise.
Pupil* pupilToEdit(PupilEdit& edit, std::string_view pupilId) {
  for (Pupil& p : edit.after.pupils) {
    if (p.id == pupilId) {
      if (!p.archivedOn.empty()) {
        edit.refused = p.shortName() + " left on " + p.archivedOn +
                       " and is no longer on roll; import a class list that lists them to bring "
                       "them back.";
        return nullptr;
      }
      return &p;
    }
  }
  edit.refused = "That pupil is not in the class list (it may have changed meanwhile).";
  return nullptr;
}

PupilEdit start(const Roster& roster) {
  PupilEdit edit;
  edit.before = roster;
  edit.after = roster;
  return edit;
}

PupilEdit refuse(PupilEdit edit) {
  edit.after = edit.before;
  edit.done.clear();
  edit.warning.clear();
  return edit;
}

} // namespace

PupilEdit renamePupil(const Roster& roster, std::string_view pupilId, std::string_view firstName,
                      std::string_view alias) {
  PupilEdit edit = start(roster);
  Pupil* pupil = pupilToEdit(edit, pupilId);
  if (pupil == nullptr) {
    return refuse(std::move(edit));
  }
  const std::string first = tidy(firstName);
  const std::string second = tidy(alias);
  if (first.empty()) {
    edit.refused = "The first name cannot be empty.";
    return refuse(std::move(edit));
  }
  edit.refused = nameProblem(first, "first name", kMaxFirstNameChars);
  if (edit.refused.empty()) {
    edit.refused = nameProblem(second, "initial or alias", kMaxAliasChars);
  }
  if (!edit.ok()) {
    return refuse(std::move(edit));
  }
  const std::string was = pupil->shortName();
  if (pupil->firstName == first && pupil->initial == second) {
    edit.refused = was + " is already shown like that.";
    return refuse(std::move(edit));
  }
  pupil->firstName = first;
  pupil->initial = second;
  edit.done = was + " is now shown as " + pupil->shortName() + ".";
  const std::string id = pupil->id;
  for (const NameClash& clash : findNameClashes(edit.after.pupils)) {
    if (std::find(clash.pupilIds.begin(), clash.pupilIds.end(), id) != clash.pupilIds.end()) {
      edit.warning = classNameOf(edit.after, clash.classId) + " now has " +
                     std::to_string(clash.pupilIds.size()) + " pupils shown as \"" + clash.shownAs +
                     "\": the sign-in screen gives each a picture of their own; an alias tells "
                     "them apart by name.";
    }
  }
  return edit;
}

PupilEdit movePupil(const Roster& roster, std::string_view pupilId, std::string_view className) {
  PupilEdit edit = start(roster);
  Pupil* pupil = pupilToEdit(edit, pupilId);
  if (pupil == nullptr) {
    return refuse(std::move(edit));
  }
  const std::string wanted = tidy(className);
  const SchoolClass* target = nullptr;
  for (const SchoolClass& c : edit.after.classes) {
    if (c.name == wanted || (target == nullptr && foldName(c.name) == foldName(wanted))) {
      target = &c;
    }
  }
  if (wanted.empty() || target == nullptr) {
    edit.refused = "There is no class called \"" + wanted +
                   "\"; choose one of the school's classes (a new class comes with an import).";
    return refuse(std::move(edit));
  }
  const std::string from = classNameOf(edit.after, pupil->classId);
  if (pupil->classId == target->id) {
    edit.refused = pupil->shortName() + " is already in " + target->name + ".";
    return refuse(std::move(edit));
  }
  pupil->classId = target->id;
  edit.done = pupil->shortName() + " moved from " + from + " to " + target->name + ".";
  return edit;
}

PupilEdit markLeaver(const Roster& roster, std::string_view pupilId, std::string_view today) {
  PupilEdit edit = start(roster);
  Pupil* pupil = pupilToEdit(edit, pupilId);
  if (pupil == nullptr) {
    return refuse(std::move(edit));
  }
  if (today.size() != 10 || !parseDate(today)) {
    edit.refused = "Today's date could not be read, so nothing was changed.";
    return refuse(std::move(edit));
  }
  pupil->archivedOn = std::string(today);
  edit.done = pupil->shortName() + " (" + classNameOf(edit.after, pupil->classId) +
              ") has left, from " + std::string(today) +
              ". Their records are kept for the register and reports.";
  return edit;
}

bool saveEdit(ResultsStore& store, const PupilEdit& edit, std::string& error) {
  if (!edit.ok()) {
    error = edit.refused;
    return false;
  }
  if (!sameRoster(store.loadRoster(), edit.before)) {
    error = "The class list changed while you were working (another window or an import). "
            "Nothing was saved: look at the list again and make the change once more.";
    return false;
  }
  std::string why;
  if (!store.saveRoster(edit.after, why)) {
    error = "The change could not be saved, and nothing was changed: " + why;
    return false;
  }
  return true;
}

std::vector<ClassRow> classRows(const Roster& roster) {
  std::vector<ClassRow> rows;
  for (const SchoolClass& c : roster.classes) {
    ClassRow row{c.id, c.name, 0};
    for (const Pupil& p : roster.pupils) {
      if (p.classId == c.id && p.archivedOn.empty()) {
        ++row.onRoll;
      }
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const ClassRow& a, const ClassRow& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  return rows;
}

std::vector<Pupil> pupilsOnRoll(const Roster& roster, std::string_view classId) {
  std::vector<Pupil> out;
  for (const Pupil& p : roster.pupils) {
    if (p.classId == classId && p.archivedOn.empty()) {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end(), [](const Pupil& a, const Pupil& b) {
    return std::tie(a.firstName, a.initial, a.id) < std::tie(b.firstName, b.initial, b.id);
  });
  return out;
}

} // namespace sq::admin
