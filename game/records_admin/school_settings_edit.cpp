// The school settings form (see school_settings_edit.hpp).
#include "records_admin/school_settings_edit.hpp"

#include "results/civil_time.hpp"
#include "results/register.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sq::admin {

namespace {

constexpr const char* kTermNames[3] = {"autumn", "spring", "summer"};

std::string iso(const CivilDate& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// "3/9/2026": the way the form shows a day, as British teachers write it.
std::string shownDay(const std::string& isoDay) {
  const auto d = parseDate(isoDay);
  if (!d) {
    return isoDay;
  }
  return std::to_string(d->day) + "/" + std::to_string(d->month) + "/" + std::to_string(d->year);
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

// Letters folded to lower case, spaces squeezed: "Mrs  Jones" and "mrs jones" are
// the same person to a reader.
std::string folded(std::string_view s) {
  std::string out;
  for (const char c : trimmed(s)) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
      }
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

bool hasControlCharacters(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string capitalised(const char* word) {
  std::string out(word);
  if (!out.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

// Which term results/register counts a range starting on `isoDay` as (its month).
int termOfStart(const std::string& isoDay) {
  const auto d = parseDate(isoDay);
  if (!d) {
    return -1;
  }
  return d->month >= 8 ? 0 : d->month >= 4 ? 2 : 1;
}

void checkText(const std::string& text, const std::string& field, const std::string& what,
               std::vector<SchoolProblem>& out) {
  if (text.size() > kMaxSchoolText) {
    out.push_back({field, what + " is too long: keep it under " + std::to_string(kMaxSchoolText) +
                              " letters."});
  } else if (hasControlCharacters(text)) {
    out.push_back({field, what + " has a line break or tab in it: keep it on one line."});
  }
}

} // namespace

std::optional<std::string> readDay(std::string_view typed) {
  const std::string t = trimmed(typed);
  if (t.size() == 10 && t[4] == '-') {
    if (const auto d = parseDate(t)) {
      return iso(*d);
    }
    return std::nullopt;
  }
  // d/m/yyyy, with / . or - between.
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  std::size_t part = 0;
  for (const char c : t) {
    if (c >= '0' && c <= '9') {
      if (++digits[part] > 4) {
        return std::nullopt;
      }
      parts[part] = parts[part] * 10 + (c - '0');
    } else if ((c == '/' || c == '.' || c == '-') && part < 2 && digits[part] > 0) {
      ++part;
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) {
    return std::nullopt;
  }
  CivilDate d{parts[2], parts[1], parts[0]};
  const std::string text = iso(d);
  if (!parseDate(text)) {
    return std::nullopt; // 31/2/2027 and the like
  }
  return text;
}

std::array<TermEdit, 3> usualTerms(int academicYear) {
  const std::vector<TermRow> rows = termRows(academicYear, {});
  std::array<TermEdit, 3> out;
  for (std::size_t i = 0; i < 3; ++i) {
    out[i].name = kTermNames[i];
    std::string first = rows[i].firstDay;
    if (i == 2) {
      first = std::max(first, std::to_string(academicYear + 1) + "-04-01");
    }
    out[i].firstDay = shownDay(first);
    out[i].lastDay = shownDay(rows[i].lastDay);
  }
  return out;
}

SchoolEdit schoolEditFrom(const Roster& roster, int academicYear) {
  SchoolEdit edit;
  edit.schoolName = roster.settings.schoolName;
  edit.staff = roster.staff;
  edit.safeguardingLead = roster.settings.safeguardingLead;
  edit.incidentSteps = roster.settings.incidentSteps;
  edit.academicYear = academicYear;
  edit.terms = usualTerms(academicYear);
  // termRows merges the school's ranges of each term, as the register shows them.
  bool saved[3] = {false, false, false};
  for (const std::string& t : roster.settings.termDates) {
    const auto slash = t.find('/');
    const auto first = slash == std::string::npos ? std::nullopt : parseDate(t.substr(0, slash));
    if (first && academicYearOf(*first) == academicYear) {
      const int term = termOfStart(t.substr(0, slash));
      if (term >= 0) {
        saved[term] = true;
      }
    }
  }
  const std::vector<TermRow> rows = termRows(academicYear, roster.settings.termDates);
  for (std::size_t i = 0; i < 3; ++i) {
    if (saved[i]) {
      edit.terms[i].firstDay = shownDay(rows[i].firstDay);
      edit.terms[i].lastDay = shownDay(rows[i].lastDay);
      edit.termsSaved = true;
    }
  }
  return edit;
}

std::vector<SchoolProblem> problems(const SchoolEdit& edit) {
  std::vector<SchoolProblem> out;
  checkText(edit.schoolName, "school-name", "The school's name", out);

  if (edit.staff.size() > kMaxStaff) {
    out.push_back(
        {"staff-add", "The staff list can hold up to " + std::to_string(kMaxStaff) + " people."});
  }
  for (std::size_t i = 0; i < edit.staff.size(); ++i) {
    const std::string field = "staff:" + std::to_string(i + 1);
    const std::string name = trimmed(edit.staff[i].name);
    if (name.empty()) {
      out.push_back({field, "Member of staff " + std::to_string(i + 1) +
                                " has no name: type one, or remove the line."});
      continue;
    }
    checkText(edit.staff[i].name, field, "The name \"" + name + "\"", out);
    for (std::size_t j = 0; j < i; ++j) {
      if (folded(edit.staff[j].name) == folded(name)) {
        out.push_back({field, "\"" + name +
                                  "\" is on the staff list twice: give each person their own "
                                  "name (add an initial), or remove one."});
        break;
      }
    }
  }

  checkText(edit.safeguardingLead, "school-lead", "The safeguarding lead's name", out);
  if (edit.incidentSteps.size() > kMaxIncidentSteps) {
    out.push_back({"incident-add", "Keep the incident steps to " +
                                       std::to_string(kMaxIncidentSteps) +
                                       " or fewer: pupils and staff read them in a hurry."});
  }
  for (std::size_t i = 0; i < edit.incidentSteps.size(); ++i) {
    checkText(edit.incidentSteps[i], "incident-step:" + std::to_string(i + 1),
              "Step " + std::to_string(i + 1), out);
  }

  // The term dates: each readable, in order, inside the school year, no overlaps.
  const std::string yearStart = academicYearStart(edit.academicYear);
  const std::string yearEnd = academicYearEnd(edit.academicYear);
  const std::string yearWords =
      std::to_string(edit.academicYear) + " to " + std::to_string(edit.academicYear + 1);
  std::array<std::optional<std::string>, 3> first;
  std::array<std::optional<std::string>, 3> last;
  for (std::size_t i = 0; i < 3; ++i) {
    const TermEdit& t = edit.terms[i];
    const std::string name = capitalised(kTermNames[i]) + " term";
    first[i] = readDay(t.firstDay);
    last[i] = readDay(t.lastDay);
    const std::string firstField = std::string("term-first:") + kTermNames[i];
    const std::string lastField = std::string("term-last:") + kTermNames[i];
    if (!first[i]) {
      out.push_back({firstField, name + ": \"" + trimmed(t.firstDay) +
                                     "\" is not a date. Write the first day as day/month/year, "
                                     "such as 3/9/" +
                                     std::to_string(edit.academicYear) + "."});
    }
    if (!last[i]) {
      out.push_back({lastField, name + ": \"" + trimmed(t.lastDay) +
                                    "\" is not a date. Write the last day as day/month/year, "
                                    "such as 18/12/" +
                                    std::to_string(edit.academicYear) + "."});
    }
    if (first[i] && (*first[i] < yearStart || *first[i] > yearEnd)) {
      out.push_back({firstField, name + " starts on " + longDate(*first[i]) +
                                     ", outside the school year " + yearWords + " (" +
                                     longDate(yearStart) + " to " + longDate(yearEnd) + ")."});
      first[i].reset();
    }
    if (last[i] && (*last[i] < yearStart || *last[i] > yearEnd)) {
      out.push_back({lastField, name + " ends on " + longDate(*last[i]) +
                                    ", outside the school year " + yearWords + " (" +
                                    longDate(yearStart) + " to " + longDate(yearEnd) + ")."});
      last[i].reset();
    }
    if (first[i] && last[i] && *last[i] < *first[i]) {
      out.push_back({lastField, name + " ends on " + longDate(*last[i]) + ", before it starts on " +
                                    longDate(*first[i]) + "."});
    }
    if (first[i] && termOfStart(*first[i]) != static_cast<int>(i)) {
      static const char* const kMonths[3] = {"between September and December",
                                             "in January, February or March",
                                             "between April and July"};
      out.push_back({firstField, name + " must start " + std::string(kMonths[i]) +
                                     " (it starts on " + longDate(*first[i]) + ")."});
    }
  }
  for (std::size_t i = 1; i < 3; ++i) {
    if (first[i] && last[i - 1] && *first[i] <= *last[i - 1]) {
      out.push_back({std::string("term-first:") + kTermNames[i],
                     capitalised(kTermNames[i]) + " term starts on " + longDate(*first[i]) +
                         ", before the " + kTermNames[i - 1] + " term ends on " +
                         longDate(*last[i - 1]) + ": terms must not overlap."});
    }
  }
  return out;
}

bool saveSchoolEdit(ResultsStore& store, const SchoolEdit& edit, std::string& error) {
  const std::vector<SchoolProblem> found = problems(edit);
  if (!found.empty()) {
    error = found.front().message;
    return false;
  }
  Roster roster = store.loadRoster();
  roster.settings.schoolName = trimmed(edit.schoolName);
  roster.settings.safeguardingLead = trimmed(edit.safeguardingLead);
  roster.settings.incidentSteps.clear();
  for (const std::string& step : edit.incidentSteps) {
    if (!trimmed(step).empty()) {
      roster.settings.incidentSteps.push_back(trimmed(step));
    }
  }
  roster.staff.clear();
  for (const StaffMember& s : edit.staff) {
    roster.staff.push_back({s.id, trimmed(s.name)});
  }
  // Other years' dates stay; this year's are the three terms of the form.
  std::vector<std::string> dates;
  for (const std::string& t : roster.settings.termDates) {
    const auto first = parseDate(t.substr(0, t.find('/')));
    if (!first || academicYearOf(*first) != edit.academicYear) {
      dates.push_back(t);
    }
  }
  for (const TermEdit& t : edit.terms) {
    dates.push_back(*readDay(t.firstDay) + "/" + *readDay(t.lastDay));
  }
  std::sort(dates.begin(), dates.end());
  roster.settings.termDates = std::move(dates);
  if (!store.saveRoster(roster, error)) {
    error = "the settings saved before are unchanged, and your changes are still in the form (" +
            error + ")";
    return false;
  }
  return true;
}

std::string savedSummary(const SchoolEdit& edit) {
  std::size_t steps = 0;
  for (const std::string& s : edit.incidentSteps) {
    steps += trimmed(s).empty() ? 0 : 1;
  }
  const std::string staff =
      edit.staff.size() == 1 ? "1 member of staff" : std::to_string(edit.staff.size()) + " staff";
  return "Saved: the school's name, " + staff + ", the safeguarding lead, " +
         std::to_string(steps) + (steps == 1 ? " incident step" : " incident steps") +
         " and the term dates for " + std::to_string(edit.academicYear) + " to " +
         std::to_string(edit.academicYear + 1) + ".";
}

} // namespace sq::admin
