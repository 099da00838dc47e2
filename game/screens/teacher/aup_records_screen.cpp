// Sections:
//   1. helpers: phase labels, the screen's areas, the pupils' grid
//   2. a class's records: who signed, agreements, the confirmation, from the events
//   3. layout and draw
//   4. saving: the confirmation and agreements through the recorder
//   5. presses
#include "screens/teacher/aup_records_screen.hpp"

#include "results/aup_print.hpp"
#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/register.hpp"
#include "screens/sign_in_screen.hpp"
#include "text/layout.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/grid.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace sq {

// ---- helpers ------------------------------------------------------------------------

namespace {

const char* const kTick = "\xE2\x9C\x94"; // ✔

std::string phaseLabel(const UiContext& ctx, AupPhase p) {
  switch (p) {
  case AupPhase::Eyfs:
    return ctx.tr("aup.phase-eyfs");
  case AupPhase::Ks1:
    return ctx.tr("aup.phase-ks1");
  case AupPhase::Ks2:
    break;
  }
  return ctx.tr("aup.phase-ks2");
}

std::string dataString(const std::string& data, const char* key) {
  const auto j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_object() && j.contains(key) && j[key].is_string()) {
    return j[key].get<std::string>();
  }
  return {};
}

} // namespace

AupRecordsScreen::ClassAreas AupRecordsScreen::classAreas(const UiContext& ctx, float buttonsH,
                                                          float moreW) const {
  const Rect content = contentArea(ctx);
  ClassAreas a;
  a.content = content;
  if (mClassId.empty()) {
    return a;
  }
  const float gap = std::round(ctx.u(2));
  // What the class signs and the status line under it, each wrapped whole.
  a.aboutH =
      std::ceil(textBlockHeight(ctx, aboutText(ctx), ctx.fixedFont(text_size::kBody), content.w));
  const std::string status = statusText(ctx);
  const float statusH =
      status.empty()
          ? 0.0f
          : std::ceil(textBlockHeight(ctx, status, ctx.fixedFont(text_size::kDetail), content.w));
  a.info =
      Rect{content.x, content.y, content.w, std::max(std::round(ctx.u(12)), a.aboutH + statusH)};
  a.buttons = Rect{content.x, a.info.bottom() + gap, content.w, buttonsH};
  // The heading, with "more pupils" and the "not signed yet" filter at its right
  // when it fits there on one line; else it has a row of its own (wrapped) and
  // they go under it, at the right.
  const float buttonH = std::round(ctx.u(metrics::kButtonHeight));
  const float bgap = std::round(ctx.u(metrics::kGap));
  const float controlsW = buttonWidth(ctx, ctx.tr("aup.records-filter-unsigned"), true) +
                          (moreW > 0 ? moreW + bgap : 0.0f);
  const std::string heading = ctx.tr("aup.records-parents");
  const FontSpec bold = ctx.fixedFont(text_size::kBody, FontWeight::Bold);
  const float top = a.buttons.bottom() + gap;
  const float besideW = content.w - controlsW - bgap;
  if (besideW > 0 && measureText(heading, ctx.text.metrics(bold)) <= besideW) {
    a.heading = Rect{content.x, top, besideW, buttonH};
    a.controls = Rect{content.right() - controlsW, top, controlsW, buttonH};
  } else {
    const float headingH = std::ceil(textBlockHeight(ctx, heading, bold, content.w));
    a.heading = Rect{content.x, top, content.w, headingH};
    a.controls = Rect{content.right() - std::min(controlsW, content.w), a.heading.bottom() + gap,
                      std::min(controlsW, content.w), buttonH};
  }
  const float gridTop = std::max(a.heading.bottom(), a.controls.bottom()) + std::round(ctx.u(1));
  a.grid = Rect{content.x, gridTop, content.w, std::max(0.0f, content.bottom() - gridTop)};
  return a;
}

std::string AupRecordsScreen::aboutText(const UiContext& ctx) const {
  return mClassAup.found
             ? ctx.trf("aup.records-about", {{"phase", phaseLabel(ctx, mClassAup.phase)},
                                             {"version", mClassAup.version}})
             : ctx.tr("aup.records-no-aup");
}

std::string AupRecordsScreen::statusText(const UiContext& ctx) const {
  if (!mMessage.empty()) {
    return mMessage;
  }
  if (!mConfirmed) {
    return ctx.tr("aup.records-confirm-hint");
  }
  return mConfirmedOn.empty()
             ? ctx.tr("aup.records-confirmed")
             : ctx.trf("aup.records-confirmed-on", {{"date", longDate(mConfirmedOn)}});
}

float AupRecordsScreen::layoutButtons(const UiContext& ctx, float top, WidgetList& out) const {
  const Rect content = contentArea(ctx);
  const float gap = std::round(ctx.u(metrics::kGap));
  const float buttonH = std::round(ctx.u(metrics::kButtonHeight));
  struct Part {
    Widget w;
    bool icon;
  };
  std::vector<Part> parts;
  const std::string confirm = ctx.tr("aup.records-confirm");
  Widget c{"confirm-class", Rect{}, confirm, WidgetRole::Button};
  c.enabled = mClassAup.found;
  parts.push_back({c, true});
  if (!mStaff.empty()) {
    const std::string label =
        mStaffIndex >= 0 && mStaffIndex < static_cast<int>(mStaff.size())
            ? ctx.trf("aup.records-staff",
                      {{"name", mStaff[static_cast<std::size_t>(mStaffIndex)].name}})
            : ctx.tr("aup.records-staff-none");
    parts.push_back({Widget{"staff", Rect{}, label, WidgetRole::Button}, false});
  }
  // Left to right, each as wide as its words; one that does not fit the row starts
  // the next, so a long staff name is never cut.
  float x = content.x;
  float y = top;
  float rowH = buttonH;
  for (Part& p : parts) {
    const float w = std::min(content.w, buttonWidth(ctx, p.w.label, p.icon));
    const float h = std::max(buttonH, buttonHeightFor(ctx, p.w.label, w, buttonH, p.icon));
    if (x > content.x && x + w > content.right() + 0.5f) {
      y += rowH + gap;
      x = content.x;
      rowH = buttonH;
    }
    p.w.rect = Rect{x, y, w, h};
    rowH = std::max(rowH, h);
    x += w + gap;
    out.push_back(p.w);
  }
  return y + rowH;
}

namespace {

GridSpec pupilGrid(const UiContext& ctx) {
  GridSpec spec;
  spec.minTileW = ctx.u(44);
  spec.minTileH = ctx.u(15);
  spec.maxTileH = ctx.u(16);
  spec.maxTileW = ctx.u(60);
  spec.gap = std::round(ctx.u(metrics::kGap));
  spec.maxColumns = 4;
  return spec;
}

} // namespace

// ---- a class's records --------------------------------------------------------------

std::unique_ptr<Screen> makeAupRecordsScreen(const UiHost& host) {
  return std::make_unique<AupRecordsScreen>(host);
}

AupRecordsScreen::AupRecordsScreen(const UiHost& host) {
  mClasses = host.records().roster().classes;
  sortClasses(mClasses);
  mStaff = host.records().roster().staff;
}

AupRecordsScreen::AupInfo AupRecordsScreen::aupFor(const UiHost& host, AupPhase phase) const {
  AupInfo info;
  info.phase = phase;
  const Catalog* c = host.records().catalog();
  if (c == nullptr) {
    return info;
  }
  std::vector<const Pack*> packs;
  for (const CatalogEntry& e : c->packs) {
    if (e.result.valid()) {
      packs.push_back(&*e.result.pack);
    }
  }
  // The same AUP the register counts signatures against.
  const Pack* pack = nullptr;
  if (const Aup* a = findAupForPhase(packs, phase, &pack); a != nullptr && pack != nullptr) {
    info.found = true;
    info.id = a->id;
    info.version = a->version;
    info.packId = pack->id;
    info.packVersion = pack->version;
    info.contentHash = pack->contentHash;
  }
  return info;
}

void AupRecordsScreen::showClass(const std::string& classId, const UiHost& host) {
  mClassId = classId;
  mRows.clear();
  mPage = 0;
  mConfirmed = false;
  mConfirmedOn.clear();
  mConfirmId = 0; // a confirmation still queued is saved all the same
  mMessage.clear();
  mMessageIsError = false;
  if (classId.empty()) {
    return;
  }
  const Roster& roster = host.records().roster();
  const SchoolClass* cls = roster.findClass(classId);
  mClassName = cls != nullptr ? cls->name : std::string();
  std::vector<Pupil> pupils;
  for (const Pupil& p : roster.pupils) {
    if (p.classId == classId && p.archivedOn.empty()) {
      pupils.push_back(p);
    }
  }
  std::sort(pupils.begin(), pupils.end(), [](const Pupil& a, const Pupil& b) {
    if (a.firstName != b.firstName) {
      return naturalLess(a.firstName, b.firstName);
    }
    return naturalLess(a.initial, b.initial);
  });
  // This academic year only, as the register counts.
  const auto today = parseDate(formatUtc(host.nowSeconds()));
  const int year = academicYearOf(today.value_or(CivilDate{}));
  const std::string from = academicYearStart(year);
  const std::string to = academicYearStart(year + 1);
  std::map<AupPhase, AupInfo> aups;
  std::map<AupPhase, int> inPhase;
  for (const Pupil& p : pupils) {
    Row row;
    row.pupil = p;
    const AupPhase phase = aupPhaseOf(p.yearGroup);
    if (aups.count(phase) == 0) {
      aups[phase] = aupFor(host, phase);
    }
    ++inPhase[phase];
    row.aup = aups[phase];
    for (const Event& e : host.records().pupilEvents(p.id)) {
      if (e.timeUtc < from || e.timeUtc >= to) {
        continue;
      }
      if (e.kind == EventKind::AupParentAgreed) {
        if (!row.parentAgreed || e.timeUtc > row.parentAgreedOn) {
          row.parentAgreedOn = e.timeUtc;
        }
        row.parentAgreed = true;
      }
    }
    if (row.aup.found) {
      // Who signed (the pupil, or the teacher for them in class) and when.
      row.signing = latestAupSigning(host.records().pupilEvents(p.id), row.aup.version,
                                     std::string(aupPhaseId(phase)), from, to);
    }
    mRows.push_back(std::move(row));
  }
  // The class confirms the AUP most of its pupils sign (the youngest when even).
  AupPhase classPhase = AupPhase::Ks2;
  int most = 0;
  for (const auto& [phase, n] : inPhase) {
    if (n > most) {
      most = n;
      classPhase = phase;
    }
  }
  mClassAup = most > 0 ? aups[classPhase] : AupInfo{};
  // Confirmed already this year, on this PC or another sharing the school folder?
  for (const Event& e : host.records().classEvents(EventKind::AupClassConfirmed)) {
    if (e.timeUtc >= from && e.timeUtc < to && dataString(e.data, "classId") == classId &&
        mClassAup.found && dataString(e.data, "aupVersion") == mClassAup.version) {
      mConfirmed = true;
      mConfirmedOn = std::max(mConfirmedOn, e.timeUtc);
    }
  }
}

std::string AupRecordsScreen::signedText(const UiContext& ctx, const Row& row) {
  if (!row.signing) {
    return ctx.tr("aup.records-not-signed");
  }
  const char* key = row.signing->by == AupSigner::Pupil            ? "aup.records-signed-pupil"
                    : row.signing->by == AupSigner::TeacherInClass ? "aup.records-signed-class"
                                                                   : "aup.records-signed-teacher";
  return ctx.trf(key, {{"date", dayAndMonth(row.signing->timeUtc)}});
}

std::vector<const AupRecordsScreen::Row*> AupRecordsScreen::shownRows() const {
  std::vector<const Row*> out;
  for (const Row& r : mRows) {
    if (!mOnlyUnsigned || !r.signing) {
      out.push_back(&r);
    }
  }
  return out;
}

void AupRecordsScreen::setMessage(std::string text, bool error) {
  mMessage = std::move(text);
  mMessageIsError = error;
}

// ---- layout and draw ----------------------------------------------------------------

void AupRecordsScreen::layout(const UiContext& ctx, WidgetList& out) {
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  if (ctx.strings != nullptr) {
    settle(*ctx.strings); // the status line's words decide how tall it is
  }
  mAreas = classAreas(ctx, 0, 0);
  if (mClassId.empty()) {
    const Rect content = mAreas.content;
    const float note = std::round(ctx.u(10));
    const Rect tiles{content.x, content.y + note, content.w, content.h - note};
    GridSpec spec;
    spec.minTileW = ctx.u(30);
    spec.minTileH = ctx.u(14);
    spec.maxTileH = ctx.u(22);
    spec.maxTileW = ctx.u(56);
    spec.gap = std::round(ctx.u(metrics::kGap));
    spec.maxColumns = 5;
    const int count = static_cast<int>(mClasses.size());
    if (count > 0) {
      const Grid g = makeGrid(tiles, count, spec);
      const auto rects = g.place(tiles, count, spec.gap);
      for (std::size_t i = 0; i < rects.size(); ++i) {
        out.push_back(
            Widget{"class:" + mClasses[i].id, rects[i], mClasses[i].name, WidgetRole::Tile});
      }
    }
    return;
  }
  // The pupils come a page at a time: how many pages decides whether "more
  // pupils" joins the filter, which may push the pupils down a row.
  GridSpec spec = pupilGrid(ctx);
  const std::vector<const Row*> listed = shownRows();
  const int count = static_cast<int>(listed.size());
  {
    // Tiles tall enough for the name and who signed, wrapped at the narrowest
    // tile's room (draw() finds the same room inside the card, beside the mark) at
    // the smallest size draw() may make them: taller only when even that is cut.
    const Rect in = tileCardInner(ctx, Rect{0, 0, spec.minTileW, spec.minTileH});
    const float textW = std::max(1.0f, in.w - std::round(ctx.u(6)) - ctx.u(1));
    const FontSpec smallName = ctx.fixedFont(2.8f, FontWeight::Bold);
    const FontSpec small = ctx.fixedFont(2.8f);
    float need = 0;
    for (const Row* r : listed) {
      need = std::max(need, textBlockHeight(ctx, r->pupil.shortName(), smallName, textW) +
                                textBlockHeight(ctx, signedText(ctx, *r), small, textW));
    }
    const float tileH = std::ceil(need + (spec.minTileH - in.h) + 1);
    spec.minTileH = std::max(spec.minTileH, tileH);
    spec.maxTileH = std::max(spec.maxTileH, spec.minTileH);
  }
  const float buttonsTop = mAreas.buttons.y;
  const float bottom = layoutButtons(ctx, buttonsTop, out);
  const std::string more = ctx.tr("aup.records-more");
  const float moreW = buttonWidth(ctx, more, true);
  int pages = 1;
  for (const bool withMore : {false, true}) {
    mAreas = classAreas(ctx, bottom - buttonsTop, withMore ? moreW : 0.0f);
    mPerPage = std::max(1, makeGrid(mAreas.grid, 1000, spec).perPage());
    pages = std::max(1, (count + mPerPage - 1) / mPerPage);
    if (pages == 1) {
      break;
    }
  }
  const ClassAreas& a = mAreas;
  const int page = std::clamp(mPage, 0, pages - 1);
  const int first = page * mPerPage;
  const int shown = std::min(mPerPage, count - first);
  const float buttonH = std::round(ctx.u(metrics::kButtonHeight));
  if (pages > 1) {
    out.push_back(Widget{"more-pupils", Rect{a.controls.x, a.controls.y, moreW, buttonH}, more,
                         WidgetRole::Button});
  }
  // The filter: everyone, or only the pupils not signed yet.
  const std::string filter = ctx.tr("aup.records-filter-unsigned");
  const float filterW = buttonWidth(ctx, filter, true);
  Widget f{"unsigned", Rect{a.controls.right() - filterW, a.controls.y, filterW, buttonH}, filter,
           WidgetRole::Toggle};
  f.selected = mOnlyUnsigned;
  out.push_back(f);
  if (shown > 0) {
    const Grid g = makeGrid(a.grid, shown, spec);
    // From the top of the area, not centred in it: a list reads from the top.
    const int rows = (shown + g.columns - 1) / g.columns;
    const float blockH = static_cast<float>(rows) * (g.tileH + spec.gap) - spec.gap;
    const auto rects =
        g.place(Rect{a.grid.x, a.grid.y, a.grid.w, std::min(a.grid.h, blockH)}, shown, spec.gap);
    for (int i = 0; i < shown; ++i) {
      const Row& row = *listed[static_cast<std::size_t>(first + i)];
      Widget w{"parent:" + row.pupil.id, rects[static_cast<std::size_t>(i)], row.pupil.shortName(),
               WidgetRole::Toggle};
      w.selected = row.parentAgreed;
      out.push_back(w);
    }
  }
}

void AupRecordsScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  if (ctx.strings != nullptr) {
    settle(*ctx.strings); // a save that finished since the last frame
  }
  const Theme& t = ctx.theme;
  const FontSpec body = ctx.fixedFont(text_size::kBody);
  const FontSpec bold = ctx.fixedFont(text_size::kBody, FontWeight::Bold);
  const FontSpec detail = ctx.fixedFont(text_size::kDetail);
  if (mClassId.empty()) {
    drawTitle(ctx, ctx.tr("aup.records-title"), widgets);
    const Rect& content = mAreas.content;
    drawTextBlock(ctx,
                  ctx.tr(mClasses.empty() ? "aup.records-no-classes" : "aup.records-pick-class"),
                  body, Rect{content.x, content.y, content.w, std::round(ctx.u(10))},
                  TextAlign::Centre, t.mutedText, 2);
    std::size_t tint = 0;
    for (const Widget& w : widgets) {
      if (w.id == "back") {
        drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
      } else if (WidgetId::parse(w.id).is("class")) {
        const Rect in = drawTileCard(ctx, w, v, tileTint(t, tint++));
        drawTextBlock(ctx, w.label,
                      fitFont(ctx, w.label, in, {text_size::kHeading + 1.2f}, FontWeight::Bold,
                              FitRule{2.8f, true, 0.5f, true}),
                      in, TextAlign::Centre, t.text, 0, true);
      }
    }
    return;
  }

  drawTitle(ctx, ctx.trf("aup.records-title-class", {{"class", mClassName}}), widgets);
  const ClassAreas& a = mAreas;
  // What the class signs, then what just happened: each whole, in the room the
  // layout measured for it.
  drawTextBlock(ctx, aboutText(ctx), body, Rect{a.info.x, a.info.y, a.info.w, a.aboutH},
                TextAlign::Left, t.text);
  const std::string status = statusText(ctx);
  if (!status.empty()) {
    drawTextBlock(ctx, status, detail,
                  Rect{a.info.x, a.info.y + a.aboutH, a.info.w, a.info.h - a.aboutH},
                  TextAlign::Left,
                  mMessageIsError ? t.problemText
                                  : (mMessage.empty() && !mConfirmed ? t.mutedText : t.readyText));
  }
  drawTextBlock(ctx, ctx.tr("aup.records-parents"), bold, a.heading, TextAlign::Left, t.text, 0,
                true);
  if (mOnlyUnsigned && shownRows().empty() && !mRows.empty()) {
    drawTextBlock(ctx, ctx.tr("aup.records-all-signed"), body, a.grid, TextAlign::Left,
                  t.readyText);
  }
  for (const Widget& w : widgets) {
    if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "confirm-class") {
      drawButton(ctx, w, v, w.enabled ? ButtonStyle::Primary : ButtonStyle::Normal, kTick);
    } else if (w.id == "staff") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    } else if (w.id == "unsigned") {
      drawChoiceButton(ctx, w, v);
    } else if (w.id == "more-pupils") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x92"); // →
    } else if (WidgetId::parse(w.id).is("parent")) {
      // A toggle: ticked when the agreement came back; and whether the pupil signed.
      const std::string id(WidgetId::parse(w.id).value);
      const auto row =
          std::find_if(mRows.begin(), mRows.end(), [&](const Row& r) { return r.pupil.id == id; });
      const Rect in =
          drawTileCard(ctx, w, v, w.selected ? std::optional<Colour>(t.readyFill) : std::nullopt);
      const float mark = std::round(ctx.u(6));
      const Rect markBox{in.x, in.y, mark, in.h};
      if (w.selected) {
        drawIcon(ctx, kTick, markBox, 4.6f, t.readyText);
      } else {
        const float d = std::round(ctx.u(3.6f));
        ctx.renderer.strokeRoundedRect(
            Rect{std::round(markBox.x + (mark - d) / 2), std::round(in.y + (in.h - d) / 2), d, d},
            d / 2, std::max(1.0f, std::round(ctx.u(0.4f))), t.mutedText);
      }
      const float x = markBox.right() + ctx.u(1);
      const Rect textBox{x, in.y, in.right() - x, in.h};
      const Colour ink = w.selected ? t.readyText : t.text;
      // Who signed and when (the tick and colour say the agreement came back).
      const std::string tileText =
          row != mRows.end() ? signedText(ctx, *row) : ctx.tr("aup.records-not-signed");
      // The name and the words under it wrap, whole; both a little smaller before
      // anything would be cut.
      FontSpec nameFont = bold;
      FontSpec tileFont = detail;
      const int smallest = ctx.fixedFont(2.8f).pixelSize;
      const auto fits = [&](const std::string& s, const FontSpec& f) {
        return !wrapText(s, textBox.w, ctx.text.metrics(f)).overflow;
      };
      for (;;) {
        const float need = textBlockHeight(ctx, w.label, nameFont, textBox.w) +
                           textBlockHeight(ctx, tileText, tileFont, textBox.w);
        if ((need <= textBox.h + 0.5f && fits(w.label, nameFont) && fits(tileText, tileFont)) ||
            (nameFont.pixelSize <= smallest && tileFont.pixelSize <= smallest)) {
          break;
        }
        nameFont.pixelSize = std::max(smallest, nameFont.pixelSize * 9 / 10);
        tileFont.pixelSize = std::max(smallest, tileFont.pixelSize * 9 / 10);
      }
      const float nameH = textBlockHeight(ctx, w.label, nameFont, textBox.w);
      const float tileTextH = textBlockHeight(ctx, tileText, tileFont, textBox.w);
      const float top =
          std::max(textBox.y, std::round(textBox.y + (textBox.h - nameH - tileTextH) / 2));
      drawTextBlock(ctx, w.label, nameFont, Rect{textBox.x, top, textBox.w, nameH}, TextAlign::Left,
                    ink);
      const float signingTop = top + nameH;
      drawTextBlock(
          ctx, tileText, tileFont,
          Rect{textBox.x, signingTop, textBox.w, std::max(0.0f, in.bottom() - signingTop)},
          TextAlign::Left, w.selected ? t.readyText : t.mutedText);
    }
  }
}

// ---- saving -------------------------------------------------------------------------

namespace {

AupRef refOf(const std::string& packId, const std::string& packVersion,
             const std::string& contentHash, const std::string& id, const std::string& version,
             AupPhase phase) {
  return AupRef{PackRef{packId, packVersion, contentHash}, id, version, phase};
}

} // namespace

bool AupRecordsScreen::notSaved(Recorder::Id id) const {
  if (mRecorder == nullptr || id == 0) {
    return false;
  }
  const Recorder::State s = mRecorder->state(id);
  return s == Recorder::State::Failed || (s == Recorder::State::Pending && mRecorder->stalled());
}

void AupRecordsScreen::settle(const Strings& words) {
  if (mRecorder == nullptr) {
    return;
  }
  if (mConfirmId != 0 && mRecorder->state(mConfirmId) == Recorder::State::Saved) {
    mConfirmId = 0;
    mConfirmed = true;
    setMessage(words.tr("aup.records-confirmed"), false);
  }
  for (Row& row : mRows) {
    if (row.saveId != 0 && mRecorder->state(row.saveId) == Recorder::State::Saved) {
      row.saveId = 0;
      row.parentAgreed = true;
      setMessage(words.trf("aup.records-parent-saved", {{"name", row.pupil.shortName()}}), false);
    }
  }
  const bool failed =
      notSaved(mConfirmId) ||
      std::any_of(mRows.begin(), mRows.end(), [&](const Row& r) { return notSaved(r.saveId); });
  if (failed) {
    setMessage(words.trf("aup.records-not-saved", {{"error", mRecorder->lastError()}}), true);
  }
}

void AupRecordsScreen::confirmClass(UiHost& host) {
  if (!mClassAup.found) {
    return;
  }
  Recorder& rec = host.records().recorder();
  mRecorder = &rec;
  if (mConfirmId != 0) {
    rec.retry(); // already queued: tried again, never recorded twice
  } else {
    std::string staffId;
    if (mStaffIndex >= 0 && mStaffIndex < static_cast<int>(mStaff.size())) {
      staffId = mStaff[static_cast<std::size_t>(mStaffIndex)].id;
    }
    // About the class: no pupil.
    mConfirmId = rec.submit(
        makeAupClassConfirmed(refOf(mClassAup.packId, mClassAup.packVersion, mClassAup.contentHash,
                                    mClassAup.id, mClassAup.version, mClassAup.phase),
                              mClassId, staffId));
  }
  setMessage({}, false);
  settle(host.strings());
}

void AupRecordsScreen::parentAgreed(const std::string& pupilId, UiHost& host) {
  const auto row =
      std::find_if(mRows.begin(), mRows.end(), [&](const Row& r) { return r.pupil.id == pupilId; });
  if (row == mRows.end()) {
    return;
  }
  const std::string name = row->pupil.shortName();
  if (row->parentAgreed) {
    // The records only ever add: an agreement once recorded stays for the year.
    setMessage(host.strings().trf("aup.records-parent-already",
                                  {{"name", name}, {"date", longDate(row->parentAgreedOn)}}),
               false);
    return;
  }
  Recorder& rec = host.records().recorder();
  mRecorder = &rec;
  if (row->saveId != 0) {
    rec.retry(); // already queued: tried again, never recorded twice
  } else {
    std::optional<AupRef> aup;
    if (row->aup.found) {
      aup = refOf(row->aup.packId, row->aup.packVersion, row->aup.contentHash, row->aup.id,
                  row->aup.version, row->aup.phase);
    }
    row->saveId = rec.submit(makeAupParentAgreed(pupilId, mClassId, aup ? &*aup : nullptr));
  }
  // The date it shows once saved: today.
  row->parentAgreedOn = formatUtc(host.nowSeconds());
  setMessage({}, false);
  settle(host.strings());
}

// ---- presses ------------------------------------------------------------------------

void AupRecordsScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "back") {
    if (mClassId.empty()) {
      host.nav().pop();
    } else {
      showClass({}, host);
    }
  } else if (WidgetId::parse(id).is("class")) {
    showClass(std::string(WidgetId::parse(id).value), host);
  } else if (id == "confirm-class") {
    confirmClass(host);
  } else if (id == "staff" && !mStaff.empty()) {
    mStaffIndex = (mStaffIndex + 1) % static_cast<int>(mStaff.size());
  } else if (id == "unsigned") {
    mOnlyUnsigned = !mOnlyUnsigned;
    mPage = 0;
  } else if (id == "more-pupils") {
    const int count = static_cast<int>(shownRows().size());
    const int pages = std::max(1, (count + mPerPage - 1) / std::max(1, mPerPage));
    mPage = (mPage + 1) % pages;
  } else if (WidgetId::parse(id).is("parent")) {
    parentAgreed(std::string(WidgetId::parse(id).value), host);
  }
}

} // namespace sq
