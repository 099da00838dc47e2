// The class list: the only place a pupil's name lives. Pupils are known everywhere
// else by their random id. Kept small on purpose: no e-mails, phone numbers or
// dates of birth are ever stored.
// Depends on: content/pack_model (YearGroup), std.
#pragma once

#include "content/pack_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sq {

struct SchoolClass {
  std::string id;   // random lowercase uuid
  std::string name; // "3B", "Oak", "Dosbarth Derw"
  // The teacher's choice of picture and colour for the class's tile, "rocket/blue"
  // (results/class_emblem); "": the default worked out from the id.
  std::string emblem = {};
  // When the teachers' app removed the class's picture password for every PC
  // ("2026-12-07T09:30:00Z", UTC; "" never): a game PC no longer asks for a password
  // it set before then.
  std::string picturePasswordRemoved = {};
};

struct Pupil {
  std::string id;        // random lowercase uuid, never reused
  std::string firstName; // as the school writes it: "Siân", "Zoë"
  std::string initial;   // one letter of the last name, or a short alias
  std::string classId;
  YearGroup yearGroup = YearGroup::Reception; // the pupil's own: classes may mix ages
  // A keyed hash of the school's admission number or UPN, used only to match a
  // re-import to the same pupil; the number itself is never stored.
  std::string misKey;
  std::string archivedOn; // "" while on roll; the UTC date they left or moved on

  // "Siân K": the first name and initial, as name tiles and reports show a pupil.
  std::string shortName() const { return initial.empty() ? firstName : firstName + " " + initial; }
};

struct StaffMember {
  std::string id;
  std::string name;
};

struct SchoolSettings {
  std::string schoolName;
  std::string safeguardingLead;           // the designated safeguarding lead's name
  std::vector<std::string> incidentSteps; // the school's own incident flow, in order
  std::vector<std::string> termDates;     // "2026-09-03/2026-10-23", ...
  int retentionYears = 2;                 // the current and the previous academic year
  int promotedForYear = 0; // the academic year the class list last moved up for; 0: never
};

struct Roster {
  std::vector<SchoolClass> classes;
  std::vector<Pupil> pupils;
  std::vector<StaffMember> staff;
  SchoolSettings settings;

  const SchoolClass* findClassByName(std::string_view name) const;
  const SchoolClass* findClass(std::string_view id) const;
  const Pupil* findPupil(std::string_view id) const;
};

} // namespace sq
