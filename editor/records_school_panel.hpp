// The school records' School tab: the school's name, the staff list (add, rename,
// remove), the safeguarding lead and the incident steps the game's butterfly
// screens show, and this year's term dates (the usual ones until the school sets
// its own). One form over a copy (records_admin/school_settings_edit): every problem
// is listed in plain words, and Save writes it only when there are none.
// Depends on: records_context, records_admin/school_settings_edit, results/uuid,
// editor_script (item names), imgui_helpers, ui/theme, Dear ImGui.
#pragma once

#include "records_admin/school_settings_edit.hpp"
#include "records_context.hpp"

#include <optional>

namespace sq {

struct Theme;

class SchoolPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);

private:
  void drawForm(RecordsContext& records, const Theme& theme);
  void drawSchool(const Theme& theme);
  void drawStaff(const Theme& theme);
  void drawTerms(const Theme& theme);
  bool isProblem(const std::string& field) const;

  std::optional<admin::SchoolEdit> mEdit;  // the form
  std::optional<admin::SchoolEdit> mSaved; // as it was read, to tell unsaved changes
  std::vector<admin::SchoolProblem> mProblems;
};

} // namespace sq
