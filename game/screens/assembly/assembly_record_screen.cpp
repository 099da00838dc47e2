#include "screens/assembly/assembly_record_screen.hpp"

#include "results/civil_time.hpp"
#include "screens/assembly/projector_theme.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

const char* const kYearIds[] = {"reception", "y1", "y2", "y3", "y4", "y5", "y6"};
const char* const kYearWords[] = {"year.reception", "year.y1", "year.y2", "year.y3",
                                  "year.y4",        "year.y5", "year.y6"};

// Buttons `h` tall, as wide as their words, in rows across `room` from its top;
// returns the height used.
float flow(const UiContext& ctx, const std::vector<Widget>& items, const Rect& room, float h,
           float gap, WidgetList& out) {
  float x = room.x;
  float y = room.y;
  for (Widget w : items) {
    const float bw = std::min(room.w, std::max(ctx.u(22), choiceButtonMinWidth(ctx, w.label)));
    if (x > room.x && x + bw > room.right()) {
      x = room.x;
      y += h + gap;
    }
    w.rect = Rect{std::round(x), std::round(y), std::round(bw), std::round(h)};
    out.push_back(std::move(w));
    x += bw + gap;
  }
  return items.empty() ? 0 : y + h - room.y;
}

} // namespace

std::unique_ptr<Screen> makeAssemblyRecordScreen(AssemblyShow show, const Roster& roster) {
  std::vector<std::string> staff;
  for (const StaffMember& s : roster.staff) {
    staff.push_back(s.name.empty() ? s.id : s.name);
  }
  return std::make_unique<AssemblyRecordScreen>(std::move(show), std::move(staff));
}

AssemblyRecordScreen::AssemblyRecordScreen(AssemblyShow show, std::vector<std::string> staff)
    : mShow(std::move(show)), mStaff(std::move(staff)) {
  // The year groups the assembly is for are ticked already; the whole school's: all.
  const std::vector<YearGroup>& years = mShow.assembly->yearGroups;
  for (std::size_t i = 0; i < mYears.size(); ++i) {
    mYears[i] = years.empty() ||
                std::find(years.begin(), years.end(), static_cast<YearGroup>(i)) != years.end();
  }
  if (mStaff.size() == 1) {
    mPresenter = 0;
  }
  mFocus = mStaff.empty() || mPresenter ? "save" : "presenter:1";
}

AssemblyRecordScreen::Saving AssemblyRecordScreen::saving() const {
  if (mRecorder == nullptr || mTicket == 0) {
    return Saving::No;
  }
  switch (mRecorder->state(mTicket)) {
  case Recorder::State::Saved:
    return Saving::Saved;
  case Recorder::State::Failed:
    return Saving::Failed;
  case Recorder::State::Pending:
    break;
  }
  return Saving::Pending;
}

std::string AssemblyRecordScreen::statusText(const UiContext& hall, Colour& colour) const {
  const Theme& t = hall.theme;
  std::string status;
  colour = t.text;
  switch (saving()) {
  case Saving::Saved:
    status = hall.trf("assembly.record-saved", {{"title", mShow.assembly->title.get()},
                                                {"years", yearGroupsText(hall, [&] {
                                                   std::vector<YearGroup> ys;
                                                   for (std::size_t i = 0; i < mYears.size(); ++i) {
                                                     if (mYears[i]) {
                                                       ys.push_back(static_cast<YearGroup>(i));
                                                     }
                                                   }
                                                   return ys;
                                                 }())}});
    break;
  case Saving::Failed:
    status = hall.trf("assembly.record-failed", {{"error", mRecorder->error(mTicket)}});
    colour = t.problemText;
    break;
  case Saving::Pending:
  case Saving::No:
    status = hall.tr("assembly.record-hint");
    colour = t.mutedText;
    break;
  }
  return status;
}

void AssemblyRecordScreen::layout(const UiContext& ctx, WidgetList& out) {
  const UiContext hall = hallContext(ctx);
  const Rect s = hall.screen();
  const float m = std::round(hall.u(metrics::kMargin));
  const float gap = std::round(hall.u(metrics::kGap));
  const float h = std::round(hall.u(metrics::kButtonHeight));
  const FontSpec head = hall.fixedFont(text_size::kHeading, FontWeight::Bold);
  const FontSpec body = hall.fixedFont(text_size::kBody, FontWeight::Bold);
  const float w = s.w - 2 * m;
  float y = m;
  mTitle = Rect{m, y, w, textBlockHeight(hall, hall.tr("assembly.record-title"), head, w)};
  y = mTitle.bottom() + gap;
  mYearsLabel = Rect{m, y, w, hall.text.metrics(body).lineHeight()};
  y = mYearsLabel.bottom() + gap / 2;
  const Saving state = saving();
  const bool saved = state == Saving::Saved;
  std::vector<Widget> years;
  for (std::size_t i = 0; i < mYears.size(); ++i) {
    Widget wd;
    wd.id = std::string("year:") + kYearIds[i];
    wd.label = hall.tr(kYearWords[i]);
    wd.role = WidgetRole::Toggle;
    wd.selected = mYears[i];
    wd.enabled = !saved;
    years.push_back(std::move(wd));
  }
  y += flow(hall, years, Rect{m, y, w, 0}, h, gap, out) + gap;
  mStaffLabel = Rect{m, y, w, hall.text.metrics(body).lineHeight()};
  y = mStaffLabel.bottom() + gap / 2;
  std::vector<Widget> staff;
  for (std::size_t i = 0; i < mStaff.size(); ++i) {
    Widget wd;
    wd.id = "presenter:" + std::to_string(i + 1);
    wd.label = mStaff[i];
    wd.role = WidgetRole::Option;
    wd.selected = mPresenter == i;
    wd.enabled = !saved;
    staff.push_back(std::move(wd));
  }
  const float bottomY = s.h - m - h;
  y += flow(hall, staff, Rect{m, y, w, 0}, h, gap, out);
  // As tall as its words need ("Saved: " and a long title and its year groups
  // take two lines), so none is cut.
  Colour unused;
  const float statusH = std::max(hall.u(12), textBlockHeight(hall, statusText(hall, unused),
                                                             hall.fixedFont(text_size::kBody), w));
  mStatus = Rect{m, std::max(y + gap, bottomY - gap - statusH), w, statusH};
  // The way on last, so PageDown reaches it after the choices.
  Widget on;
  on.id = saved ? "done" : "save";
  on.label = hall.tr(saved ? "assembly.finish" : "assembly.save");
  on.enabled = saved || mStaff.empty() || mPresenter.has_value();
  const float onW = std::max(hall.u(36), buttonMinWidth(hall, on.label));
  on.rect = Rect{s.w - m - onW, bottomY, onW, h};
  out.push_back(on);
  if (!saved) {
    Widget back;
    back.id = "back";
    back.label = hall.tr("common.back");
    const float bw = std::max(hall.u(30), buttonMinWidth(hall, back.label, true));
    back.rect = Rect{m, bottomY, bw, h};
    out.push_back(back);
  }
  if (findWidget(out, mFocus) == nullptr || !findWidget(out, mFocus)->enabled) {
    mFocus = saved ? "done" : findWidget(out, "save")->enabled ? "save" : "presenter:1";
  }
  mWidgets = out;
}

void AssemblyRecordScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  UiContext hall = hallContext(ctx);
  const Theme& t = hall.theme;
  hall.renderer.fillRect(hall.screen(), t.background);
  drawTextBlock(hall, hall.tr("assembly.record-title"),
                hall.fixedFont(text_size::kHeading, FontWeight::Bold), mTitle, TextAlign::Left,
                t.text);
  const FontSpec body = hall.fixedFont(text_size::kBody, FontWeight::Bold);
  drawTextBlock(hall, hall.tr("assembly.record-years"), body, mYearsLabel, TextAlign::Left, t.text,
                1);
  drawTextBlock(hall,
                hall.tr(mStaff.empty() ? "assembly.record-no-staff" : "assembly.record-presenter"),
                body, mStaffLabel, TextAlign::Left, t.text, 1);
  // The ring is the stack's, on mFocus (ownFocus), once a key was used.
  for (const Widget& w : widgets) {
    if (w.id == "save" || w.id == "done") {
      drawButton(hall, w, v, ButtonStyle::Primary);
    } else if (w.id == "back") {
      drawButton(hall, w, v, ButtonStyle::Normal, "\xE2\x86\x90");
    } else {
      drawChoiceButton(hall, w, v);
    }
  }
  Colour colour = t.text;
  const std::string status = statusText(hall, colour);
  drawTextBlock(hall, status, hall.fixedFont(text_size::kBody), mStatus, TextAlign::Left, colour, 0,
                true);
}

std::function<void(UiHost&)> AssemblyRecordScreen::leaveBoth() const {
  // This screen goes, then the show leaves as it does.
  return [leave = mShow.leave](UiHost& h) {
    h.nav().pop();
    if (leave) {
      leave(h);
    }
  };
}

void AssemblyRecordScreen::move(int by) {
  std::vector<const Widget*> usable;
  for (const Widget& w : mWidgets) {
    if (w.enabled) {
      usable.push_back(&w);
    }
  }
  if (usable.empty()) {
    return;
  }
  // The clicker's order is the screen's: years, names, the way on, back.
  std::size_t at = 0;
  for (std::size_t i = 0; i < usable.size(); ++i) {
    if (usable[i]->id == mFocus) {
      at = i;
    }
  }
  const auto n = static_cast<long>(usable.size());
  const long next = ((static_cast<long>(at) + by) % n + n) % n;
  mFocus = usable[static_cast<std::size_t>(next)]->id;
}

void AssemblyRecordScreen::save(UiHost& host) {
  if (!mStaff.empty() && !mPresenter) {
    return;
  }
  const Saving state = saving();
  if (state == Saving::Pending || state == Saving::Saved) {
    return;
  }
  Recorder& rec = host.records().recorder();
  mRecorder = &rec;
  if (state == Saving::Failed) {
    rec.retry(); // the same event again, still first in the queue
    return;
  }
  std::vector<YearGroup> years;
  for (std::size_t i = 0; i < mYears.size(); ++i) {
    if (mYears[i]) {
      years.push_back(static_cast<YearGroup>(i));
    }
  }
  const std::string date = formatUtc(host.nowSeconds()).substr(0, 10);
  mTicket = rec.submit(makeAssemblyGiven(mShow.pack, mShow.assembly->id, date, std::move(years),
                                         mPresenter ? mStaff[*mPresenter] : std::string()));
  mFocus = "done";
}

void AssemblyRecordScreen::activate(std::string_view widgetId, UiHost& host) {
  const WidgetId w = WidgetId::parse(widgetId);
  const bool saved = saving() == Saving::Saved;
  mFocus = std::string(widgetId);
  if (w.is("year") && !saved) {
    for (std::size_t i = 0; i < mYears.size(); ++i) {
      if (w.value == kYearIds[i]) {
        mYears[i] = !mYears[i];
      }
    }
  } else if (const auto n = w.numbered("presenter"); n && !saved && *n <= mStaff.size()) {
    mPresenter = *n - 1;
    mFocus = "save";
  } else if (widgetId == "save") {
    save(host);
  } else if (widgetId == "done") {
    leaveAssembly(host, leaveBoth(), mShow.guarded);
  } else if (widgetId == "back") {
    host.nav().pop();
  }
}

bool AssemblyRecordScreen::key(const KeyDown& k, UiHost& host) {
  switch (k.key) {
  case Key::PageDown:
  case Key::Right:
  case Key::Down:
  case Key::Tab:
    move(k.mods.shift && k.key == Key::Tab ? -1 : 1);
    return true;
  case Key::PageUp:
  case Key::Left:
  case Key::Up:
    move(-1);
    return true;
  case Key::B:
  case Key::Period:
  case Key::Enter:
  case Key::Space:
    if (const Widget* w = findWidget(mWidgets, mFocus); w != nullptr && w->enabled) {
      activate(mFocus, host);
    }
    return true;
  case Key::Escape:
    return escape(host);
  default:
    return false;
  }
}

bool AssemblyRecordScreen::escape(UiHost& host) {
  if (saving() == Saving::Saved) {
    leaveAssembly(host, leaveBoth(), mShow.guarded);
  } else {
    host.nav().pop(); // back to the show's last stop
  }
  return true;
}

} // namespace sq
