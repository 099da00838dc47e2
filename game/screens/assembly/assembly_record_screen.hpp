// After the SMART recap: the presenter ticks the year groups that were there
// (the assembly's own are ticked already), chooses their name from the staff on
// the class list, and saves. That records one `assembly.given` event (the date,
// the assembly's id and its pack's version, the year groups, the presenter; no
// pupil) through the app's one Recorder. "Saved" shows only once the store said
// so; a failed save says why and "save" tries again.
// A clicker works it too: PageDown / PageUp (and the arrows) move between the
// choices, B or "." (and Enter) presses the one ringed. Esc goes back to the show.
// Widgets: year:<reception|y1..y6>, presenter:N (the staff list's order, from 1),
// save, back; once saved: done.
// Depends on: screens/assembly/assembly_show, screens/assembly/projector_theme,
// results/event_payload, results/civil_time, play/recorder, ui/controls.
#pragma once

#include "play/recorder.hpp"
#include "screens/assembly/assembly_show.hpp"
#include "ui/screen.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class AssemblyRecordScreen final : public Screen {
public:
  // `staff`: the names on the class list, in its order.
  AssemblyRecordScreen(AssemblyShow show, std::vector<std::string> staff);

  std::string_view id() const override { return "assembly-record"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;
  bool escape(UiHost& host) override;
  std::string firstFocus() const override { return mFocus; }
  std::string ownFocus() const override { return mFocus; }

private:
  enum class Saving { No, Pending, Saved, Failed };
  // Where the save is: the recorder answers on a later frame.
  Saving saving() const;
  // The line above the buttons: the hint, "Saved: ..." or why not (and its colour).
  std::string statusText(const UiContext& hall, Colour& colour) const;
  void move(int by);
  void save(UiHost& host);
  std::function<void(UiHost&)> leaveBoth() const;

  AssemblyShow mShow;
  std::vector<std::string> mStaff;
  std::vector<bool> mYears = std::vector<bool>(7, false);
  std::optional<std::size_t> mPresenter; // index into mStaff
  const Recorder* mRecorder = nullptr;   // set by the first save
  Recorder::Id mTicket = 0;              // the saved event's; 0 none yet
  std::string mFocus;                    // the widget the clicker's keys ring
  WidgetList mWidgets;
  Rect mTitle, mYearsLabel, mStaffLabel, mStatus;
};

std::unique_ptr<Screen> makeAssemblyRecordScreen(AssemblyShow show, const Roster& roster);

} // namespace sq
