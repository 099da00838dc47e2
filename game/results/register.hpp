// The register: who has completed their year group's unit, who has signed the
// Acceptable Use Policy (AUP), which classes have confirmed it and which assemblies
// were given, in one academic year. Every status is computed here from the events,
// never from stored counters, so a merge or an erasure is reflected at once.
// The result is plain data; report_csv, report_html and report_xapi turn it into text.
// Depends on: results/event, results/event_payload, results/completion_rules,
// results/roster, results/civil_time, content/pack_model.
#pragma once

#include "content/pack_model.hpp"
#include "results/event.hpp"
#include "results/roster.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// Which pupils a report covers. Both empty: the whole school.
struct RegisterFilter {
  std::string classId;                // "" for every class
  std::optional<YearGroup> yearGroup; // the pupil's own year group, not the class's
};

// A required lesson the pupil has still to complete.
struct LessonLeft {
  std::string packId;
  std::string lessonId;
  std::string title; // in the pack's first language
};

struct PupilStatus {
  std::string id; // random uuid
  // "Siân K". Carried so a teacher can ask for names; writers show it only then.
  std::string name;
  std::string classId;
  YearGroup yearGroup = YearGroup::Reception;
  AupPhase phase = AupPhase::Eyfs;

  // The unit: every required lesson of the pupil's year group's unit in each pack.
  bool hasUnit = false; // false when no pack defines a unit for the year group
  int requiredTotal = 0;
  int requiredDone = 0;
  bool unitComplete = false;
  std::string unitCompletedOn; // time of the lesson that completed the unit
  std::vector<LessonLeft> lessonsLeft;
  // "core 1.2.0": the pack versions of the completions that counted, sorted.
  std::vector<std::string> packVersions;

  // The AUP for the pupil's phase.
  bool aupAvailable = false; // false when no pack has an AUP for the phase
  bool aupSigned = false;    // the current version, this academic year
  std::string aupSignedOn;
  std::string aupVersion; // the version signed; an older one when aupSigned is false
  bool parentAgreed = false;
  std::string parentAgreedOn;
};

// Counts over a group of pupils. Percentages are taken over withUnit and withAup,
// so a year group the content has no unit for does not drag the figure down.
struct Tally {
  int pupils = 0;
  int withUnit = 0;
  int unitComplete = 0;
  int withAup = 0;
  int aupSigned = 0;
  int parentAgreed = 0;
};

// The latest class AUP confirmation this academic year.
struct ClassConfirmation {
  bool confirmed = false;
  std::string staffId;
  std::string staffName; // from the class list; "" when the staff member is unknown
  std::string timeUtc;
  std::string aupVersion; // "" when the event did not say
};

struct ClassRow {
  std::string classId; // "" for pupils whose class is not on the class list
  std::string name;
  std::vector<YearGroup> yearGroups; // of its pupils in the report, ascending
  Tally tally;
  ClassConfirmation confirmation;
  std::vector<std::size_t> pupils; // indices into Register::pupils
};

struct YearGroupRow {
  YearGroup yearGroup = YearGroup::Reception;
  Tally tally;
  int requiredLessons = 0; // 0 when no pack has a unit for it
  int assembliesGiven = 0; // assemblies for this year group or the whole school
  std::vector<std::size_t> pupils;
};

enum class Term { Autumn, Spring, Summer };

struct AssemblyRecord {
  std::string eventUuid;
  std::string packId;
  std::string assemblyId;
  std::string title; // from the pack when it is loaded, else the id
  std::string date;  // "2026-10-14"
  Term term = Term::Autumn;
  std::vector<YearGroup> yearGroups; // empty: the whole school
  std::string presenter;
};

// One term of the academic year, for the governors' report's term table: its
// dates and the assemblies given in it.
struct TermRow {
  Term term = Term::Autumn;
  std::string firstDay; // "2026-09-01"
  std::string lastDay;  // "2026-12-31"
  int assemblies = 0;   // 0: the report flags the term
};

// The term a date falls in. With the school's term dates (SchoolSettings::termDates,
// "2026-09-03/2026-10-23" each, a term or a half term), the term of the range holding
// the date, or in a holiday of the range before it; a range is the autumn term's
// when it starts from August to December, the spring's from January to March, the
// summer's from April to July. Without them (or before the first), the default: 1
// September to 31 December, 1 January to the day before Easter Sunday, then to 31
// August.
Term termOn(std::string_view isoDate, const std::vector<std::string>& termDates);
// The three terms of `academicYear`, with the school's dates where it has them.
std::vector<TermRow> termRows(int academicYear, const std::vector<std::string>& termDates);

struct PackUsed {
  std::string id;
  std::string version;
  std::string title;
};

struct Register {
  int academicYear = 0;
  std::string firstDay; // "2026-09-01"
  std::string lastDay;  // "2027-08-31"
  std::string schoolName;
  RegisterFilter filter;
  std::string scope; // "Whole school", "Class 3B", "Year 3"

  std::vector<PackUsed> packs;             // the packs whose units define "complete"
  std::vector<std::string> aupVersions[3]; // current AUP versions, by AupPhase
  std::vector<std::string> versionsUsed;   // every pack version a counted lesson was done on

  std::vector<PupilStatus> pupils; // by class, then name
  std::vector<ClassRow> classes;   // by youngest year group, then name
  std::vector<YearGroupRow> yearGroups;
  std::vector<AssemblyRecord> assemblies; // by date
  std::vector<TermRow> terms;             // autumn, spring, summer, with their assemblies
  bool schoolTermDates = false;           // the terms' dates are the school's own
  Tally school;
  int classesConfirmed = 0;
  std::vector<std::string> notes; // plain-English caveats for the reader
};

// Builds the register for `academicYear` (the year starting 1 September of it).
// Packs with the same id: the highest version defines the unit and the AUP.
// Pupils who are archived, erased or outside the filter are left out.
Register computeRegister(const std::vector<Event>& events, const Roster& roster,
                         const std::vector<const Pack*>& packs, int academicYear,
                         const RegisterFilter& filter);

// ---- small helpers shared by the writers ----------------------------------------

// The newest pack of each id (versions compared part by part as numbers, so 1.10
// is newer than 1.9), in id order. The register and the printable AUP both use it.
std::vector<const Pack*> newestPacks(const std::vector<const Pack*>& packs);

// The pupil's label in a report: their name when names were asked for, otherwise the
// first 8 characters of their random id, which means nothing outside the school.
std::string pupilLabel(const PupilStatus& p, bool names);
std::string_view yearGroupName(YearGroup y); // "Reception", "Year 1", ...
std::string_view aupPhaseName(AupPhase p);   // "EYFS", "KS1", "KS2"
std::string_view termName(Term t);           // "Autumn", "Spring", "Summer"
AupPhase aupPhaseOf(YearGroup y);
// n as a whole percentage of d, rounded down so 199 of 200 never shows as 100%.
int percentOf(int n, int d);
// "1 September 2026" from "2026-09-01" or a UTC timestamp; the input when malformed.
std::string longDate(std::string_view isoDate);

} // namespace sq
