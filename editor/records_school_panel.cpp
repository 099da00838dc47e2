#include "records_school_panel.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "results/uuid.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

namespace {

bool sameForm(const admin::SchoolEdit& a, const admin::SchoolEdit& b) {
  if (a.schoolName != b.schoolName || a.safeguardingLead != b.safeguardingLead ||
      a.incidentSteps != b.incidentSteps || a.staff.size() != b.staff.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.staff.size(); ++i) {
    if (a.staff[i].id != b.staff[i].id || a.staff[i].name != b.staff[i].name) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.terms.size(); ++i) {
    if (a.terms[i].firstDay != b.terms[i].firstDay || a.terms[i].lastDay != b.terms[i].lastDay) {
      return false;
    }
  }
  return true;
}

void heading(const Theme& theme, const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.text));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void muted(const Theme& theme, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

} // namespace

bool SchoolPanel::isProblem(const std::string& field) const {
  return std::any_of(mProblems.begin(), mProblems.end(),
                     [&](const admin::SchoolProblem& p) { return p.field == field; });
}

void SchoolPanel::draw(RecordsContext& records, const Theme& theme) {
  // Boxes outlined, so a teacher sees where to type on the pale background.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  drawForm(records, theme);
  ImGui::PopStyleVar();
}

void SchoolPanel::drawForm(RecordsContext& records, const Theme& theme) {
  const auto today = parseDate(records.today());
  const int year = today ? academicYearOf(*today) : 2026;
  if (!mEdit) {
    mEdit = admin::schoolEditFrom(records.roster, year);
    mSaved = mEdit;
    mProblems.clear();
  }
  // The bar: save or drop the changes, and what stops a save.
  const bool changed = !sameForm(*mEdit, *mSaved);
  if (!changed) {
    // Nothing typed yet: follow the class list (an import may have changed it).
    admin::SchoolEdit fresh = admin::schoolEditFrom(records.roster, year);
    if (!sameForm(fresh, *mSaved)) {
      mEdit = fresh;
      mSaved = std::move(fresh);
    }
  }
  ImGui::BeginDisabled(!changed);
  const bool save = ImGui::Button("Save");
  nameItem("school-save");
  ImGui::SameLine();
  const bool revert = ImGui::Button("Undo my changes");
  nameItem("school-revert");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextUnformatted(changed ? "Unsaved changes" : "All saved");
  ImGui::PopStyleColor();
  if (save) {
    mProblems = admin::problems(*mEdit);
    std::string error;
    if (mProblems.empty() && admin::saveSchoolEdit(*records.store, *mEdit, error)) {
      records.say(admin::savedSummary(*mEdit));
      records.reloadRoster();
      mEdit = admin::schoolEditFrom(records.roster, year);
      mSaved = mEdit;
    } else {
      records.say(mProblems.empty()
                      ? "The school's settings were not saved: " + error
                      : "The school's settings were not saved: mend what is listed in red first.",
                  true);
    }
  }
  if (revert) {
    records.reloadRoster();
    mEdit.reset();
    mProblems.clear();
    records.say("The school's settings are as they were saved.");
    return;
  }
  if (!mProblems.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    for (const admin::SchoolProblem& p : mProblems) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", p.message.c_str());
    }
    ImGui::PopStyleColor();
  }
  if (ImGui::BeginTabBar("school-parts")) {
    const auto part = [](const char* label, const char* name, auto&& drawPart) {
      namedTab(label, name, drawPart, true);
    };
    part("The school and safeguarding", "school:school", [&] { drawSchool(theme); });
    part("Staff", "school:staff", [&] { drawStaff(theme); });
    part("Term dates", "school:terms", [&] { drawTerms(theme); });
    ImGui::EndTabBar();
  }
}

// A text box in the form, outlined when a problem names it.
static bool formInput(const Theme& theme, bool problem, const std::string& id, std::string& value,
                      float width) {
  if (problem) {
    ImGui::PushStyleColor(ImGuiCol_Border, toImGui(theme.problemText));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  }
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputText(("##" + id).c_str(), &value);
  nameItem(id);
  if (problem) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  return changed;
}

void SchoolPanel::drawSchool(const Theme& theme) {
  admin::SchoolEdit& e = *mEdit;
  const float wide = std::max(ImGui::GetFontSize() * 10.0f,
                              ImGui::GetContentRegionAvail().x - labelWidth() * 1.2f);
  heading(theme, "The school");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("School name");
  ImGui::SameLine(labelWidth() * 1.2f);
  formInput(theme, isProblem("school-name"), "school-name", e.schoolName, wide);
  muted(theme, "Shown on the governors' report and sent to the game PCs with the class list.");

  heading(theme, "When a pupil presses the butterfly button");
  muted(theme, "The game on this computer shows these to the teacher after a pupil asks for "
               "help: who the safeguarding lead is, and the school's own steps, in order.");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Safeguarding lead");
  ImGui::SameLine(labelWidth() * 1.2f);
  formInput(theme, isProblem("school-lead"), "school-lead", e.safeguardingLead, wide);
  ImGui::Spacing();
  ImGui::TextUnformatted("Incident steps");
  std::optional<std::size_t> removeAt;
  std::optional<std::size_t> upAt;
  for (std::size_t i = 0; i < e.incidentSteps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string n = std::to_string(i + 1);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s.", n.c_str());
    ImGui::SameLine(ImGui::GetFontSize() * 2.5f);
    formInput(theme, isProblem("incident-step:" + n), "incident-step:" + n, e.incidentSteps[i],
              std::max(ImGui::GetFontSize() * 10.0f,
                       ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10.0f));
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ImGui::Button("Move up")) {
      upAt = i;
    }
    nameItem("incident-up:" + n);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Remove")) {
      removeAt = i;
    }
    nameItem("incident-remove:" + n);
    ImGui::PopID();
  }
  if (e.incidentSteps.empty()) {
    muted(theme, "No steps yet: the game then says to follow the school's safeguarding policy "
                 "and tell the safeguarding lead today.");
  }
  if (ImGui::Button("Add a step")) {
    e.incidentSteps.emplace_back();
  }
  nameItem("incident-add");
  if (upAt) {
    std::swap(e.incidentSteps[*upAt], e.incidentSteps[*upAt - 1]);
  }
  if (removeAt) {
    e.incidentSteps.erase(e.incidentSteps.begin() + static_cast<std::ptrdiff_t>(*removeAt));
  }
}

void SchoolPanel::drawStaff(const Theme& theme) {
  admin::SchoolEdit& e = *mEdit;
  heading(theme, "Staff");
  muted(theme, "The adults who teach lessons and confirm AUPs for a class, and who give "
               "assemblies. Removing someone keeps the records they made, with their name.");
  std::optional<std::size_t> removeAt;
  for (std::size_t i = 0; i < e.staff.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string n = std::to_string(i + 1);
    formInput(theme, isProblem("staff:" + n), "staff:" + n, e.staff[i].name,
              std::min(ImGui::GetFontSize() * 20.0f,
                       ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6.0f));
    ImGui::SameLine();
    if (ImGui::Button("Remove")) {
      removeAt = i;
    }
    nameItem("staff-remove:" + n);
    ImGui::PopID();
  }
  if (e.staff.empty()) {
    muted(theme, "Nobody on the staff list yet.");
  }
  if (ImGui::Button("Add a member of staff")) {
    e.staff.push_back({newUuid(), ""});
  }
  nameItem("staff-add");
  if (removeAt) {
    e.staff.erase(e.staff.begin() + static_cast<std::ptrdiff_t>(*removeAt));
  }
}

void SchoolPanel::drawTerms(const Theme& theme) {
  admin::SchoolEdit& e = *mEdit;
  const std::string title = "Term dates for " + std::to_string(e.academicYear) + " to " +
                            std::to_string(e.academicYear + 1);
  heading(theme, title.c_str());
  muted(theme, e.termsSaved
                   ? "The school's own dates. The governors' report counts assemblies by term."
                   : "The usual terms, until you set the school's own: 1 September to 31 "
                     "December, 1 January to Easter, then to 31 August.");
  muted(theme, "Write each day as day/month/year, such as 3/9/2026.");
  const float dateWidth = ImGui::GetFontSize() * 7.0f;
  // Fixed widths: the boxes are where they will stay from the first frame.
  if (ImGui::BeginTable("terms", 4, ImGuiTableFlags_None)) {
    ImGui::TableSetupColumn("Term", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.0f);
    ImGui::TableSetupColumn("First day", ImGuiTableColumnFlags_WidthFixed, dateWidth);
    ImGui::TableSetupColumn("Last day", ImGuiTableColumnFlags_WidthFixed, dateWidth);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (admin::TermEdit& t : e.terms) {
      ImGui::PushID(t.name);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      std::string name = t.name;
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      const std::string first = std::string("term-first:") + t.name;
      formInput(theme, isProblem(first), first, t.firstDay, dateWidth);
      ImGui::TableNextColumn();
      const std::string last = std::string("term-last:") + t.name;
      formInput(theme, isProblem(last), last, t.lastDay, dateWidth);
      ImGui::TableNextColumn();
      // The days read back in words, so a slip (9/3 for 3/9) shows at once.
      const auto a = admin::readDay(t.firstDay);
      const auto b = admin::readDay(t.lastDay);
      ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%s to %s", a ? longDate(*a).c_str() : "?", b ? longDate(*b).c_str() : "?");
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Use the usual dates")) {
    e.terms = admin::usualTerms(e.academicYear);
  }
  nameItem("term-defaults");
}

} // namespace sq
