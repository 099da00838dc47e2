// The school records' Register tab: a class teacher sees at a glance who has not
// finished the unit or signed the AUP. One class at a time (a button per class), or
// a whole year group from every class ("All of Year 4", with a class column),
// pupils down the side and the year group's required lessons, the AUP and the
// parent or carer agreement across the top, each cell a symbol and a word; filters
// for not finished, AUP not signed and year group. Choosing a pupil shows their
// history and their parent or carer's agreement (recorded or withdrawn here),
// choosing a lesson who did it; the class's AUP confirmation and the printable AUP
// to send home (saved where the teacher says, opened in the web browser) have tabs
// of their own under the grid. It only draws and asks: what it shows and records comes from
// records_admin (register_data, register_grid, aup_agreements, aup_sheet).
// Depends on: records_context, records_admin/, results/, editor_script (item
// names), imgui_helpers, ui/theme, Dear ImGui.
#pragma once

#include "records_admin/register_data.hpp"
#include "records_admin/register_grid.hpp"
#include "records_context.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sq {

struct Theme;

class RegisterPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);

private:
  void reload(RecordsContext& records);
  void drawClassButtons();
  void drawFilters(const admin::RegisterGrid& grid);
  void drawGrid(const admin::RegisterGrid& grid, const Theme& theme, float height);
  void historyLines(const std::vector<admin::HistoryLine>& history, const char* none,
                    const Theme& theme);
  void drawLesson(const admin::RegisterGrid& grid, const Theme& theme);
  void drawPupil(RecordsContext& records, const Theme& theme);
  void drawClassConfirmation(RecordsContext& records, const Theme& theme);
  void drawAupSheet(RecordsContext& records, const Theme& theme);

  // The tab under the grid: chosen for the teacher after choosing a pupil or lesson.
  enum class Details { None, Pupil, Lesson, ClassAup, Sheet };
  Details mShowTab = Details::None;
  float mDetailsH = 0.0f; // the height the chosen tab's words took when last drawn

  std::unique_ptr<admin::RegisterData> mData;
  int mLastFrame = -10; // the frame this tab was last drawn (shown again: read again)
  std::string mClassId;
  bool mClassChosen = false;
  std::optional<YearGroup> mYear; // set: the whole year group, every class
  void chooseClass(const std::string& classId);
  void chooseYear(YearGroup year);
  admin::GridFilter mFilter;
  std::string mPupilId;    // the chosen pupil, "" none
  std::string mLessonPack; // the chosen lesson's pack and id, "" none
  std::string mLessonId;
  int mStaff = -1;      // who confirms the class AUP (index into staff)
  int mSheetPhase = -1; // AupPhase of the printable AUP; -1: the class's
  char mSheetPath[1024] = {};
  std::string mSheetSaved; // the file last saved
};

} // namespace sq
