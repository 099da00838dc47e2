// Sections:
//   1. helpers: words for dates, a pupil's short name, a heading
//   2. the tab: reading the records, the class buttons and the filters
//   3. the grid: a frozen header row and name column, a symbol and a word a cell
//   4. history: who did the chosen lesson
//   5. the AUP: the chosen pupil (agreement, history), the class, the printable AUP
#include "records_register_panel.hpp"

#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "records_admin/aup_agreements.hpp"
#include "records_admin/aup_sheet.hpp"
#include "records_admin/open_in_browser.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace sq {

// ---- helpers ------------------------------------------------------------------------

namespace {

// "8 October 2026 at 09:10" from a UTC timestamp.
std::string whenText(const std::string& timeUtc) {
  std::string out = longDate(timeUtc);
  if (timeUtc.size() >= 16 && timeUtc[10] == 'T') {
    out += " at " + timeUtc.substr(11, 5);
  }
  return out;
}

const Pupil* pupilOf(const admin::RegisterData& data, const std::string& id) {
  return data.roster.findPupil(id);
}

// A name as one word for a script's item name: "Amy Z" is "Amy_Z".
std::string word(std::string name) {
  for (char& c : name) {
    if (c == ' ' || c == '\t') {
      c = '_';
    }
  }
  return name;
}

std::string shortName(const PupilStatus& p) {
  return p.name.empty() ? p.id.substr(0, 8) : p.name;
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

void muted(const Theme& theme, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

// The folder a printable AUP is offered in: Documents when there is one, else home.
std::string defaultSheetFolder() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') {
    return {};
  }
  std::error_code ec;
  const std::filesystem::path docs = std::filesystem::path(home) / "Documents";
  return std::filesystem::is_directory(docs, ec) ? docs.string() : std::string(home);
}

ImU32 tint(Colour c, int alpha) {
  return ImGui::GetColorU32(toImGui(Colour{c.r, c.g, c.b, static_cast<std::uint8_t>(alpha)}));
}

} // namespace

// ---- the tab ------------------------------------------------------------------------

void RegisterPanel::reload(RecordsContext& records) {
  mData = admin::loadRegisterData(*records.store, records.contentDir, records.today());
  const auto& classes = mData->reg.classes;
  const bool known = std::any_of(classes.begin(), classes.end(),
                                 [&](const ClassRow& c) { return c.classId == mClassId; });
  if (!mClassChosen || !known) {
    mClassId = classes.empty() ? std::string() : classes.front().classId;
    mClassChosen = !classes.empty();
  }
  if (mYear) {
    const auto years = admin::registerYearGroups(mData->reg);
    if (std::find(years.begin(), years.end(), *mYear) == years.end()) {
      mYear.reset(); // nobody left in that year: back to the class
    }
  }
}

void RegisterPanel::chooseClass(const std::string& classId) {
  mClassId = classId;
  mYear.reset();
  mPupilId.clear();
  mLessonId.clear();
  mLessonPack.clear();
  mFilter.yearGroup.reset();
  mSheetPhase = -1;
}

void RegisterPanel::chooseYear(YearGroup year) {
  mYear = year;
  mPupilId.clear();
  mLessonId.clear();
  mLessonPack.clear();
  mFilter.yearGroup.reset();
  mSheetPhase = -1;
}

void RegisterPanel::draw(RecordsContext& records, const Theme& theme) {
  // Shown again after another tab (or a change there): read the records again.
  const int frame = ImGui::GetFrameCount();
  if (!mData || frame > mLastFrame + 1) {
    reload(records);
  }
  mLastFrame = frame;
  const admin::RegisterData& data = *mData;

  for (const std::string& problem : data.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
  }
  if (data.reg.classes.empty()) {
    ImGui::TextWrapped("There are no pupils on the class list yet. Import the class list under "
                       "Classes, then the register shows who has done what.");
    return;
  }
  drawClassButtons();
  const auto build = [&](const admin::GridFilter& f) {
    return mYear ? admin::buildYearGrid(data.reg, data.events, data.packs, *mYear, f)
                 : admin::buildRegisterGrid(data.reg, data.events, data.packs, mClassId, f);
  };
  drawFilters(build({}));
  const admin::RegisterGrid grid = build(mFilter);

  // The grid as tall as its rows (a header of up to three lines), at most half of
  // what is left; the history and the AUP share the rest.
  // The grid takes what the tab under it does not need: the chosen tab's words as
  // last drawn (at most 45% of the height), so a class of 30 shows as many rows as
  // fit rather than four above an empty box.
  const float avail = ImGui::GetContentRegionAvail().y;
  const float rowH = ImGui::GetFrameHeightWithSpacing();
  const float wanted =
      rowH * static_cast<float>(grid.rows.size() + 2) + ImGui::GetStyle().ScrollbarSize * 1.5f;
  const float details = std::clamp(mDetailsH, rowH * 2.0f, std::max(rowH * 2.0f, avail * 0.45f)) +
                        rowH + ImGui::GetStyle().ItemSpacing.y * 2.0f;
  drawGrid(grid, theme, std::min(wanted, std::max(rowH * 4.0f, avail - details)));

  // Below the grid, one tab at a time, each short enough for a small screen.
  const auto tab = [&](const char* label, const char* name, Details which, auto&& body) {
    const ImGuiTabItemFlags flags = mShowTab == which ? ImGuiTabItemFlags_SetSelected : 0;
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    nameItem(name);
    if (open) {
      ImGui::BeginChild(name, ImVec2(0, 0));
      body();
      mDetailsH = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
  };
  if (ImGui::BeginTabBar("register-details")) {
    tab("Pupil", "details:pupil", Details::Pupil, [&] { drawPupil(records, theme); });
    tab("Lesson", "details:lesson", Details::Lesson, [&] { drawLesson(grid, theme); });
    tab("Class AUP", "details:class-aup", Details::ClassAup,
        [&] { drawClassConfirmation(records, theme); });
    tab("AUP to send home", "details:aup-sheet", Details::Sheet,
        [&] { drawAupSheet(records, theme); });
    mShowTab = Details::None;
    ImGui::EndTabBar();
  }
}

void RegisterPanel::drawClassButtons() {
  // A row of buttons that wraps at the window's edge; the chosen one ticked.
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const auto button = [&](const std::string& label, const std::string& id, bool chosen,
                          const std::string& name) {
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::CalcTextSize("\u2714 ").x +
                    ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < right) {
      ImGui::SameLine();
    }
    if (chosen) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    }
    const bool pressed = ImGui::Button(((chosen ? "\u2714 " : "") + label + "##" + id).c_str());
    nameItem(name);
    if (chosen) {
      ImGui::PopStyleColor();
    }
    return pressed;
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Class:");
  for (const ClassRow& c : mData->reg.classes) {
    const std::string label = c.classId.empty() ? std::string("No class") : c.name;
    if (button(label, "class-" + c.classId, !mYear && c.classId == mClassId,
               "register-class:" + word(label))) {
      chooseClass(c.classId);
    }
  }
  // A whole year group across its classes, for a year leader or a mixed-age school.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Year: ");
  for (const YearGroup y : admin::registerYearGroups(mData->reg)) {
    const std::string label = "All of " + std::string(yearGroupName(y));
    if (button(label, "year-" + std::string(yearGroupId(y)), mYear == y,
               "register-year:" + std::string(yearGroupId(y)))) {
      chooseYear(y);
    }
  }
}

void RegisterPanel::drawFilters(const admin::RegisterGrid& grid) {
  // Beside the class buttons when there is room, to leave more for the grid.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize("Show only: not finished the unit AUP not signed").x +
                      ImGui::GetFrameHeight() * 2.0f + style.ItemSpacing.x * 8.0f;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetFontSize() * 2.0f + width < right) {
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Show only:");
  ImGui::SameLine();
  ImGui::Checkbox("not finished the unit", &mFilter.notFinished);
  nameItem("filter:not-finished");
  ImGui::SameLine();
  ImGui::Checkbox("AUP not signed", &mFilter.aupNotSigned);
  nameItem("filter:aup-not-signed");
  // The year groups in this class (a mixed class has more than one).
  std::vector<YearGroup> years;
  for (const admin::GridRow& row : grid.rows) {
    const YearGroup y = mData->reg.pupils[row.pupil].yearGroup;
    if (std::find(years.begin(), years.end(), y) == years.end()) {
      years.push_back(y);
    }
  }
  std::sort(years.begin(), years.end());
  if (!mYear && (years.size() > 1 || mFilter.yearGroup)) {
    ImGui::SameLine();
    ImGui::TextUnformatted("  Year:");
    ImGui::SameLine();
    if (ImGui::RadioButton("all##year", !mFilter.yearGroup)) {
      mFilter.yearGroup.reset();
    }
    nameItem("filter:year:all");
    for (const YearGroup y : years) {
      ImGui::SameLine();
      const std::string label = std::string(yearGroupName(y));
      if (ImGui::RadioButton(label.c_str(), mFilter.yearGroup == y)) {
        mFilter.yearGroup = y;
      }
      nameItem("filter:year:" + std::string(yearGroupId(y)));
    }
  }
}

// ---- the grid -----------------------------------------------------------------------

void RegisterPanel::drawGrid(const admin::RegisterGrid& grid, const Theme& theme, float height) {
  const admin::RegisterData& data = *mData;
  const float top = ImGui::GetCursorPosY(); // `height` counts the figures' line too
  const Tally* tally = nullptr;
  std::string who; // "3B" or "Year 4 (3 classes)"
  if (grid.wholeYear) {
    for (const YearGroupRow& y : data.reg.yearGroups) {
      if (y.yearGroup == *grid.wholeYear) {
        tally = &y.tally;
      }
    }
    std::vector<std::string> classes;
    for (const ClassRow& c : data.reg.classes) {
      for (const std::size_t i : c.pupils) {
        if (data.reg.pupils[i].yearGroup == *grid.wholeYear &&
            std::find(classes.begin(), classes.end(), c.name) == classes.end()) {
          classes.push_back(c.name);
        }
      }
    }
    who = std::string(yearGroupName(*grid.wholeYear)) + ", " + std::to_string(classes.size()) +
          (classes.size() == 1 ? " class" : " classes");
  } else {
    for (const ClassRow& c : data.reg.classes) {
      if (c.classId == grid.classId) {
        tally = &c.tally;
        who = c.classId.empty() ? std::string("No class") : c.name;
      }
    }
  }
  if (tally != nullptr) {
    const Tally& t = *tally;
    char line[320];
    std::snprintf(line, sizeof line,
                  "%s: %d %s: %d of %d %s finished the unit, %d of %d %s signed the AUP, %d %s "
                  "agreed.",
                  who.c_str(), t.pupils, t.pupils == 1 ? "pupil" : "pupils", t.unitComplete,
                  t.withUnit, t.unitComplete == 1 ? "has" : "have", t.aupSigned, t.withAup,
                  t.aupSigned == 1 ? "has" : "have", t.parentAgreed,
                  t.parentAgreed == 1 ? "parent or carer has" : "parents or carers have");
    ImGui::TextWrapped("%s", line);
    nameItem("register-summary");
  }
  if (grid.rows.empty()) {
    const bool filtered = mFilter.notFinished || mFilter.aupNotSigned || mFilter.yearGroup;
    ImGui::TextWrapped("%s", filtered ? "Nobody here matches: untick a filter to see everyone."
                                      : (grid.wholeYear ? "This year group has no pupils."
                                                        : "This class has no pupils."));
    return;
  }
  // Name, (class, for a whole year), the lessons and the AUP, the parent or carer.
  const int lead = grid.wholeYear ? 2 : 1;
  const int columns = static_cast<int>(grid.columns.size()) + lead + 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  const float tableH =
      std::max(height - (ImGui::GetCursorPosY() - top), ImGui::GetFrameHeightWithSpacing() * 3.0f);
  if (!ImGui::BeginTable("register-grid", columns, flags, ImVec2(0, tableH))) {
    return;
  }
  // Each column as wide as its widest word ("Not started", "Not returned"); titles wrap.
  const float em = ImGui::GetFontSize();
  const float cellW = std::max(ImGui::CalcTextSize("\u25CB Not returned").x, em * 6.0f);
  float nameW = ImGui::CalcTextSize("Pupil").x;
  for (const admin::GridRow& row : grid.rows) {
    nameW = std::max(nameW, ImGui::CalcTextSize(shortName(data.reg.pupils[row.pupil]).c_str()).x);
  }
  ImGui::TableSetupScrollFreeze(lead, 1);
  // A long name is cut (its whole self on hover) rather than push the parent or
  // carer column off a small screen.
  ImGui::TableSetupColumn("Pupil", ImGuiTableColumnFlags_WidthFixed, std::min(nameW, em * 7.0f));
  if (grid.wholeYear) {
    float classW = ImGui::CalcTextSize("Class").x;
    for (const admin::GridRow& row : grid.rows) {
      classW = std::max(classW, ImGui::CalcTextSize(row.className.c_str()).x);
    }
    ImGui::TableSetupColumn("Class", ImGuiTableColumnFlags_WidthFixed, std::min(classW, em * 8.0f));
  }
  for (const admin::GridColumn& c : grid.columns) {
    ImGui::TableSetupColumn(c.title.c_str(), ImGuiTableColumnFlags_WidthFixed, cellW);
  }
  ImGui::TableSetupColumn("Parent or carer", ImGuiTableColumnFlags_WidthFixed, cellW);

  // The header row: each lesson's whole title, wrapped; choosing it shows who did it.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted("Pupil");
  if (grid.wholeYear) {
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted("Class");
  }
  for (std::size_t i = 0; i < grid.columns.size(); ++i) {
    const admin::GridColumn& c = grid.columns[i];
    ImGui::TableSetColumnIndex(static_cast<int>(i) + lead);
    const bool chosen = !c.isAup && c.lessonId == mLessonId && c.packId == mLessonPack;
    if (chosen) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tint(theme.accent, 70));
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(c.title.c_str());
    ImGui::PopTextWrapPos();
    if (!c.isAup) {
      if (ImGui::IsItemClicked()) {
        mLessonPack = c.packId;
        mLessonId = c.lessonId;
        mShowTab = Details::Lesson;
      }
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Who did %s, and when", c.title.c_str());
      }
    }
    nameItem("register-lesson:" + (c.isAup ? std::string("aup") : c.lessonId));
  }
  ImGui::TableSetColumnIndex(columns - 1);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted("Parent or carer");
  ImGui::PopTextWrapPos();

  for (const admin::GridRow& row : grid.rows) {
    const PupilStatus& p = data.reg.pupils[row.pupil];
    const std::string name = shortName(p);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (ImGui::Selectable((name + "##pupil-" + p.id).c_str(), p.id == mPupilId)) {
      mPupilId = p.id;
      mShowTab = Details::Pupil;
    }
    if (ImGui::IsItemHovered() &&
        ImGui::CalcTextSize(name.c_str()).x > ImGui::GetItemRectSize().x) {
      ImGui::SetTooltip("%s", name.c_str());
    }
    nameItem("register-pupil:" + word(name));
    if (grid.wholeYear) {
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(row.className.c_str());
      nameItem("register-row-class:" + word(name));
    }
    for (std::size_t i = 0; i < row.cells.size() && i < grid.columns.size(); ++i) {
      const admin::GridCell& cell = row.cells[i];
      const admin::GridColumn& col = grid.columns[i];
      ImGui::TableSetColumnIndex(static_cast<int>(i) + lead);
      if (cell.state == admin::CellState::Done) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tint(theme.readyText, 40));
      } else if (cell.state == admin::CellState::Started) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tint(theme.warningText, 30));
      }
      const std::string label = std::string(admin::cellSymbol(cell.state)) + " " +
                                std::string(admin::cellWord(cell.state)) + "##" + p.id + "-" +
                                std::to_string(i);
      const bool chosen = p.id == mPupilId && !col.isAup && col.lessonId == mLessonId;
      if (ImGui::Selectable(label.c_str(), chosen)) {
        mPupilId = p.id;
        mShowTab = Details::Pupil;
        if (!col.isAup) {
          mLessonPack = col.packId;
          mLessonId = col.lessonId;
        }
      }
      if (ImGui::IsItemHovered() && !cell.whenUtc.empty()) {
        std::string tip = std::string(admin::cellWord(cell.state)) + " " + whenText(cell.whenUtc);
        if (cell.state == admin::CellState::Done && !col.isAup) {
          tip += cell.wholeClass ? ", in class" : ", on their own";
          if (cell.score && cell.maxScore && *cell.maxScore > 0) {
            tip += ", " + std::to_string(*cell.score) + " of " + std::to_string(*cell.maxScore) +
                   " first time";
          }
        }
        ImGui::SetTooltip("%s", tip.c_str());
      }
      nameItem("register-cell:" + word(name) + "=" +
               (col.isAup ? std::string("aup") : col.lessonId));
    }
    // The parent or carer agreement: the newer of agreeing and withdrawing.
    ImGui::TableSetColumnIndex(columns - 1);
    const admin::ParentAgreement pa = admin::parentAgreementOf(data.reg, data.events, p.id);
    const std::string label = std::string(admin::parentSymbol(pa.state)) + " " +
                              std::string(admin::parentWord(pa.state)) + "##parent-" + p.id;
    if (ImGui::Selectable(label.c_str(), false)) {
      mPupilId = p.id;
      mShowTab = Details::Pupil;
    }
    if (ImGui::IsItemHovered() && !pa.whenUtc.empty()) {
      ImGui::SetTooltip("%s %s", std::string(admin::parentWord(pa.state)).c_str(),
                        whenText(pa.whenUtc).c_str());
    }
    nameItem("register-cell:" + word(name) + "=parent");
  }
  ImGui::EndTable();
}

// ---- history ------------------------------------------------------------------------

void RegisterPanel::historyLines(const std::vector<admin::HistoryLine>& history, const char* none,
                                 const Theme& theme) {
  if (history.empty()) {
    muted(theme, none);
  }
  for (const admin::HistoryLine& h : history) {
    ImGui::TextWrapped("%s: %s", whenText(h.whenUtc).c_str(), h.what.c_str());
  }
}

void RegisterPanel::drawLesson(const admin::RegisterGrid& grid, const Theme& theme) {
  const admin::RegisterData& data = *mData;
  const auto column =
      std::find_if(grid.columns.begin(), grid.columns.end(), [&](const admin::GridColumn& c) {
        return !c.isAup && c.packId == mLessonPack && c.lessonId == mLessonId;
      });
  if (column == grid.columns.end()) {
    muted(theme, "Choose a lesson's title at the top of the register to see who did it, when, "
                 "in class or on their own, and their first-try score.");
    return;
  }
  const std::string who =
      grid.wholeYear ? std::string(yearGroupName(*grid.wholeYear))
                     : (grid.className.empty() ? std::string("this list") : grid.className);
  heading(("Who in " + who + " did " + column->title + " this school year").c_str());
  nameItem("register-history:lesson");
  historyLines(admin::lessonHistory(data.reg, data.events, column->packId, column->lessonId, true,
                                    &grid.members),
               "Nobody here has done this lesson yet this school year.", theme);
}

// ---- the AUP ------------------------------------------------------------------------

void RegisterPanel::drawClassConfirmation(RecordsContext& records, const Theme& theme) {
  if (!mData) {
    return; // read again after a change: drawn next frame
  }
  const admin::RegisterData& data = *mData;
  if (mYear) {
    // Confirmed class by class: each class of the year, and how to confirm it.
    ImGui::TextWrapped("The AUP is confirmed by each class: choose a class above to confirm it.");
    for (const ClassRow& c : data.reg.classes) {
      if (c.classId.empty() || std::none_of(c.pupils.begin(), c.pupils.end(), [&](std::size_t i) {
            return data.reg.pupils[i].yearGroup == *mYear;
          })) {
        continue;
      }
      const bool done = c.confirmation.confirmed;
      ImGui::Text("%s %s: %s",
                  std::string(admin::cellSymbol(done ? admin::CellState::Done
                                                     : admin::CellState::NotStarted))
                      .c_str(),
                  c.name.c_str(),
                  done ? ("confirmed on " + whenText(c.confirmation.timeUtc)).c_str()
                       : "not confirmed this school year");
    }
    return;
  }
  const ClassRow* cls = nullptr;
  for (const ClassRow& c : data.reg.classes) {
    if (c.classId == mClassId) {
      cls = &c;
    }
  }
  if (cls == nullptr || mClassId.empty()) {
    muted(theme, "Pupils with no class have no class confirmation.");
    return;
  }
  if (cls->confirmation.confirmed) {
    std::string line = std::string(admin::cellSymbol(admin::CellState::Done)) + " " + cls->name +
                       " confirmed on " + whenText(cls->confirmation.timeUtc);
    if (!cls->confirmation.staffName.empty()) {
      line += " by " + cls->confirmation.staffName;
    }
    if (!cls->confirmation.aupVersion.empty()) {
      line += " (AUP version " + cls->confirmation.aupVersion + ")";
    }
    ImGui::TextWrapped("%s.", line.c_str());
  } else {
    ImGui::TextWrapped("%s %s has not confirmed the AUP this school year.",
                       std::string(admin::cellSymbol(admin::CellState::NotStarted)).c_str(),
                       cls->name.c_str());
  }
  const auto& staff = data.roster.staff;
  if (!staff.empty()) {
    if (mStaff >= static_cast<int>(staff.size())) {
      mStaff = -1;
    }
    const char* who =
        mStaff < 0 ? "(choose)" : staff[static_cast<std::size_t>(mStaff)].name.c_str();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::BeginCombo("Who is confirming##confirm-staff", who)) {
      for (std::size_t i = 0; i < staff.size(); ++i) {
        if (ImGui::Selectable(staff[i].name.c_str(), static_cast<int>(i) == mStaff)) {
          mStaff = static_cast<int>(i);
        }
        nameItem("option:confirm-staff=" + word(staff[i].name));
      }
      ImGui::EndCombo();
    }
    nameItem("confirm-staff");
  }
  const std::string button = "Everyone in " + cls->name + " has read and understood the AUP";
  if (ImGui::Button(button.c_str())) {
    const std::string staffId = mStaff >= 0 && mStaff < static_cast<int>(staff.size())
                                    ? staff[static_cast<std::size_t>(mStaff)].id
                                    : std::string();
    const admin::RecordResult r =
        admin::confirmClassAup(*records.store, data.roster, data.packs, mClassId, staffId);
    if (r.saved) {
      records.say("Recorded: everyone in " + cls->name + " has read and understood the AUP (" +
                  whenText(r.event.timeUtc) + ").");
      mData.reset();
    } else {
      records.say("The class confirmation was not recorded: " + r.error + ".", true);
    }
  }
  nameItem("confirm-class-aup");
}

void RegisterPanel::drawPupil(RecordsContext& records, const Theme& theme) {
  if (!mData) {
    return; // read again after a change: drawn next frame
  }
  const admin::RegisterData& data = *mData;
  const Pupil* pupil = pupilOf(data, mPupilId);
  if (pupil == nullptr) {
    muted(theme, "Choose a pupil's name in the register to see their history this school year "
                 "and to record their parent or carer's agreement to the AUP.");
    return;
  }
  const std::string name = pupil->shortName();
  // The agreement on the left, the history on the right: both in view at once.
  if (!ImGui::BeginTable("pupil-details", 2, ImGuiTableFlags_BordersInnerV)) {
    return;
  }
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(name.c_str());
  const admin::ParentAgreement pa = admin::parentAgreementOf(data.reg, data.events, pupil->id);
  std::string line = "Parent or carer agreement: " + std::string(admin::parentSymbol(pa.state)) +
                     " " + std::string(admin::parentWord(pa.state));
  if (!pa.whenUtc.empty()) {
    line += " on " + longDate(pa.whenUtc);
  }
  ImGui::TextWrapped("%s", line.c_str());
  nameItem("parent-state");
  bool record = false;
  bool agreed = false;
  if (ImGui::Button("Agreement returned")) {
    record = true;
    agreed = true;
  }
  nameItem("parent-agree");
  ImGui::SameLine();
  ImGui::BeginDisabled(pa.state != admin::ParentState::Agreed);
  if (ImGui::Button("Agreement withdrawn")) {
    record = true;
  }
  ImGui::EndDisabled();
  nameItem("parent-withdraw");
  if (record) {
    const admin::RecordResult r =
        admin::recordParentAgreement(*records.store, data.roster, data.packs, pupil->id, agreed);
    if (r.saved) {
      records.say("Recorded: " + name + "'s parent or carer " +
                  (agreed ? "agreed to" : "withdrew their agreement to") + " the AUP.");
      mData.reset();
    } else {
      records.say("Not recorded: " + r.error + ".", true);
    }
  }
  ImGui::TableSetColumnIndex(1);
  if (mData) {
    ImGui::TextUnformatted("This school year:");
    nameItem("register-history:pupil");
    historyLines(admin::pupilHistory(mData->reg, mData->events, mData->packs, pupil->id),
                 "Nothing recorded yet this school year.", theme);
  }
  ImGui::EndTable();
}

void RegisterPanel::drawAupSheet(RecordsContext& records, const Theme& theme) {
  if (!mData) {
    return;
  }
  const admin::RegisterData& data = *mData;
  if (mSheetPhase < 0) {
    const auto phase = mYear ? std::optional<AupPhase>(aupPhaseOf(*mYear))
                             : admin::classAupPhase(data.roster, mClassId);
    mSheetPhase = static_cast<int>(phase.value_or(AupPhase::Ks2));
    const std::string folder = defaultSheetFolder();
    const std::string path = (folder.empty() ? std::string() : folder + "/") +
                             admin::aupSheetFileName(static_cast<AupPhase>(mSheetPhase));
    std::snprintf(mSheetPath, sizeof mSheetPath, "%s", path.c_str());
  }
  ImGui::TextWrapped("A page for parents and carers to read with their child and sign. For:");
  for (const AupPhase phase : {AupPhase::Eyfs, AupPhase::Ks1, AupPhase::Ks2}) {
    const int value = static_cast<int>(phase);
    if (ImGui::RadioButton(std::string(aupPhaseName(phase)).c_str(), mSheetPhase == value)) {
      // Keep the folder the teacher chose; the name follows the phase.
      const std::filesystem::path old(mSheetPath);
      const std::string path = (old.parent_path() / admin::aupSheetFileName(phase)).string();
      std::snprintf(mSheetPath, sizeof mSheetPath, "%s", path.c_str());
      mSheetPhase = value;
    }
    nameItem("aup-sheet-phase:" + std::string(aupPhaseId(phase)));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Save as:");
  ImGui::SameLine();
  const float buttonW =
      ImGui::CalcTextSize("Save the AUP").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetNextItemWidth(-(buttonW + ImGui::GetStyle().ItemSpacing.x));
  ImGui::InputText("##aup-sheet-path", mSheetPath, sizeof mSheetPath);
  nameItem("aup-sheet-path");
  ImGui::SameLine();
  if (ImGui::Button("Save the AUP")) {
    std::string error;
    if (admin::saveAupSheet(data.packs, data.packDirs, static_cast<AupPhase>(mSheetPhase),
                            mSheetPath, error)) {
      mSheetSaved = mSheetPath;
      records.say("Saved the AUP to send home as " + mSheetSaved + ".");
    } else {
      mSheetSaved.clear();
      records.say("The AUP was not saved: " + error + ".", true);
    }
  }
  nameItem("aup-sheet-save");
  if (!mSheetSaved.empty()) {
    if (ImGui::Button("Open it to print")) {
      const admin::OpenOutcome opened = admin::openInBrowser(mSheetSaved);
      if (!opened.ok) {
        records.say(opened.message + " to print it.", true);
      }
    }
    nameItem("aup-sheet-open");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted(theme, "It opens in the web browser: print it from there.");
  }
}

} // namespace sq
