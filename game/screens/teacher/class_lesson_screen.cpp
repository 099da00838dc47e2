#include "screens/teacher/class_lesson_screen.hpp"

#include "results/class_records.hpp"
#include "screens/home_model.hpp"
#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "ui/controls.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace sq {

namespace {

// Tiles of names or lessons, paged: "more" shows the next page (and wraps).
struct Paged {
  std::vector<Rect> rects;
  int first = 0;
  int pages = 1;
  int perPage = 1;
};

Paged pageTiles(const UiContext& ctx, const Rect& area, int count, int page, float minW,
                float minH) {
  GridSpec spec;
  spec.minTileW = ctx.u(minW);
  spec.minTileH = ctx.u(minH);
  spec.maxTileH = ctx.u(minH * 1.6f);
  spec.gap = ctx.u(metrics::kGap);
  spec.maxColumns = 6;
  const Grid g = makeGrid(area, count, spec);
  Paged p;
  p.perPage = std::max(1, g.perPage());
  p.pages = std::max(1, (count + p.perPage - 1) / p.perPage);
  const int pg = std::clamp(page, 0, p.pages - 1);
  p.first = pg * p.perPage;
  p.rects = g.place(area, std::min(p.perPage, count - p.first), spec.gap);
  return p;
}

bool onRoll(const Pupil& p) {
  return p.archivedOn.empty();
}

} // namespace

// ---- picking a class and a lesson ------------------------------------------------

std::unique_ptr<Screen> makeClassLessonPickScreen(const UiHost& host) {
  auto s = std::make_unique<ClassLessonPickScreen>();
  for (const SchoolClass& c : host.records().roster().classes) {
    s->classes.emplace_back(c.id, c.name);
  }
  return s;
}

void ClassLessonPickScreen::pickClass(const UiHost& host, const std::string& classId) {
  mClassId = classId;
  mPage = 0;
  mLessons.clear();
  const SchoolClass* c = host.records().roster().findClass(classId);
  mClassName = c != nullptr ? c->name : std::string();
  std::set<YearGroup> years;
  for (const Pupil& p : host.records().roster().pupils) {
    if (p.classId == classId && onRoll(p)) {
      years.insert(p.yearGroup);
    }
  }
  const Catalog* cat = host.records().catalog();
  if (cat == nullptr) {
    return;
  }
  // The lessons taught to this class as a whole class, from its pupils' records.
  std::vector<Event> events;
  for (const Pupil& p : host.records().roster().pupils) {
    if (p.classId == classId) {
      for (Event& e : host.records().pupilEvents(p.id)) {
        if (e.kind == EventKind::LessonCompleted) {
          events.push_back(std::move(e));
        }
      }
    }
  }
  const auto taught = lessonsTaughtToClass(events, classId);
  const std::string lang = host.strings().language();
  for (const CatalogEntry& e : cat->packs) {
    if (!e.result.valid()) {
      continue;
    }
    const Pack& pack = *e.result.pack;
    for (const Unit& u : pack.units) {
      // A class with no pupils yet still gets every unit, so a lesson can be shown.
      if (!years.empty() && years.count(u.yearGroup) == 0) {
        continue;
      }
      for (const UnitLesson& ul : u.lessons) {
        if (const Lesson* l = pack.findLesson(ul.lesson)) {
          const std::string pic = firstPictureOf(*l);
          const auto when = taught.find({pack.id, l->id});
          mLessons.push_back(LessonTile{pack.id, l->id, l->title.get(lang),
                                        pic.empty() ? std::string() : e.dir + "/" + pic,
                                        when == taught.end() ? std::string() : when->second});
        }
      }
    }
  }
}

void ClassLessonPickScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  addStepBack(ctx, out);
  const Rect area = stepContentArea(ctx);
  if (mClassId.empty()) {
    const Paged p = pageTiles(ctx, area, static_cast<int>(classes.size()), mPage, 30, 14);
    mPerPage = p.perPage;
    for (std::size_t i = 0; i < p.rects.size(); ++i) {
      const auto& c = classes[static_cast<std::size_t>(p.first) + i];
      out.push_back(Widget{"class:" + c.first, p.rects[i], c.second, WidgetRole::Tile});
    }
  } else {
    const Paged p = pageTiles(ctx, area, static_cast<int>(mLessons.size()), mPage, 36, 24);
    mPerPage = p.perPage;
    for (std::size_t i = 0; i < p.rects.size(); ++i) {
      const LessonTile& l = mLessons[static_cast<std::size_t>(p.first) + i];
      out.push_back(Widget{"lesson:" + l.lessonId, p.rects[i], l.title, WidgetRole::Tile});
    }
    if (p.pages > 1) {
      const std::string more = ctx.tr("class-lesson.more");
      out.push_back(Widget{"more", cornerButton(ctx, Corner::BottomRight, more, false), more,
                           WidgetRole::Button});
    }
  }
}

void ClassLessonPickScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                 const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx,
            mClassId.empty() ? ctx.tr("class-lesson.pick-class")
                             : ctx.trf("class-lesson.pick-lesson", {{"class", mClassName}}),
            widgets);
  const Rect area = mContent;
  if (mClassId.empty() && classes.empty()) {
    drawTextBlock(ctx, ctx.tr("class-lesson.no-classes"), ctx.font(text_size::kBody), area,
                  TextAlign::Centre, t.text, 4, true);
  } else if (!mClassId.empty() && mLessons.empty()) {
    drawTextBlock(ctx, ctx.tr("class-lesson.no-lessons"), ctx.font(text_size::kBody), area,
                  TextAlign::Centre, t.text, 4, true);
  }
  for (const Widget& w : widgets) {
    if (w.role != WidgetRole::Tile) {
      continue;
    }
    const Rect in = drawTileCard(ctx, w, v);
    if (WidgetId::parse(w.id).is("lesson")) {
      const auto it = std::find_if(mLessons.begin(), mLessons.end(), [&](const LessonTile& l) {
        return "lesson:" + l.lessonId == w.id;
      });
      const bool taught = it != mLessons.end() && !it->taughtOn.empty();
      // A lesson already taught to the class says when, under its title.
      const FontSpec taughtFont = ctx.fixedFont(text_size::kDetail);
      const float taughtH = taught ? ctx.text.metrics(taughtFont).lineHeight() : 0.0f;
      // The title whole: it takes room from the picture (down to a quarter of the
      // tile), and only then is made smaller.
      const float room = in.h - taughtH;
      const FontSpec titleFont =
          fitFont(ctx, w.label, Rect{in.x, in.y, in.w, std::round(room * 0.75f)},
                  {text_size::kDetail}, FontWeight::Bold, FitRule{2.8f, true, 0.5f, true});
      // The words get every pixel they need (fitFont allows half a pixel over its
      // box); the picture takes what is left, up to half the room.
      const float titleH = std::ceil(textBlockHeight(ctx, w.label, titleFont, in.w));
      const float picH = std::floor(std::max(0.0f, std::min(room * 0.5f, room - titleH)));
      if (it != mLessons.end()) {
        drawPicture(ctx, it->picture, Rect{in.x, in.y, in.w, picH});
      }
      drawTextBlock(ctx, w.label, titleFont, Rect{in.x, in.y + picH, in.w, room - picH},
                    TextAlign::Centre, t.text, 0, true);
      if (taught) {
        drawTextBlock(ctx,
                      "\xE2\x9C\x93 " + ctx.trf("class-lesson.taught-on",
                                                {{"date", dayAndMonth(it->taughtOn)}}), // ✓
                      taughtFont, Rect{in.x, in.bottom() - taughtH, in.w, taughtH},
                      TextAlign::Centre, t.readyText, 1);
      }
    } else {
      drawTextBlock(ctx, w.label,
                    fitFont(ctx, w.label, in, {text_size::kHeading}, FontWeight::Bold,
                            FitRule{2.8f, true, 0.5f, true}),
                    in, TextAlign::Centre, t.text, 0, true);
    }
  }
  for (const Widget& w : widgets) {
    if (w.id == "more") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    }
  }
  drawStepButtons(ctx, widgets, v);
}

void ClassLessonPickScreen::resumed(UiHost& host) {
  if (!mClassId.empty()) {
    const int page = mPage;
    pickClass(host, mClassId);
    mPage = page;
  }
}

void ClassLessonPickScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "back") {
    if (mClassId.empty()) {
      host.nav().pop();
    } else {
      mClassId.clear();
      mPage = 0;
    }
  } else if (id == "more") {
    const int count = static_cast<int>(mClassId.empty() ? classes.size() : mLessons.size());
    const int pages = std::max(1, (count + mPerPage - 1) / std::max(1, mPerPage));
    mPage = (mPage + 1) % pages;
  } else if (WidgetId::parse(id).is("class")) {
    pickClass(host, std::string(WidgetId::parse(id).value));
  } else if (WidgetId::parse(id).is("lesson")) {
    for (const LessonTile& l : mLessons) {
      if (l.lessonId == WidgetId::parse(id).value) {
        HomeLesson hl;
        hl.packId = l.packId;
        hl.lessonId = l.lessonId;
        hl.title = l.title;
        hl.picture = l.picture;
        host.nav().push(makeClassLessonScreen(host, hl, mClassId));
        return;
      }
    }
  }
}

// ---- who was present ---------------------------------------------------------------

std::unique_ptr<Screen> makeClassPresentScreen(const std::shared_ptr<LessonPlay>& play,
                                               const UiHost& host) {
  return std::make_unique<ClassPresentScreen>(play, host);
}

ClassPresentScreen::ClassPresentScreen(std::shared_ptr<LessonPlay> play, const UiHost& host)
    : mPlay(std::move(play)) {
  const Roster& roster = host.records().roster();
  addClass(roster, mPlay->classId(), true);
  for (const SchoolClass& c : roster.classes) {
    if (c.id != mPlay->classId()) {
      mOtherClasses.emplace_back(c.id, c.name);
    }
  }
}

std::vector<const Aup*> ClassPresentScreen::receptionAups() const {
  std::vector<const Aup*> out;
  for (const Step& step : mPlay->lesson->steps) {
    if (const auto* a = std::get_if<AupStepActivity>(&step.activity)) {
      const Aup* aup = mPlay->pack->findAup(a->aup);
      if (aup != nullptr && aup->phase == AupPhase::Eyfs) {
        out.push_back(aup);
      }
    }
  }
  return out;
}

std::string ClassPresentScreen::classOf(const Roster& roster, const std::string& pupilId) {
  const Pupil* p = roster.findPupil(pupilId);
  return p != nullptr ? p->classId : std::string();
}

void ClassPresentScreen::addClass(const Roster& roster, const std::string& classId, bool present) {
  for (const Pupil& p : roster.pupils) {
    if (p.classId == classId && onRoll(p)) {
      const bool already =
          std::any_of(mRows.begin(), mRows.end(), [&](const Row& r) { return r.pupilId == p.id; });
      if (!already) {
        mRows.push_back(Row{p.id, p.shortName(), present});
      }
    }
  }
}

void ClassPresentScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  const Rect area = stepContentArea(ctx);
  if (mChoosingClass) {
    const std::string back = ctx.tr("common.back");
    out.push_back(
        Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
    const Paged p = pageTiles(ctx, area, static_cast<int>(mOtherClasses.size()), 0, 30, 14);
    for (std::size_t i = 0; i < p.rects.size(); ++i) {
      const auto& c = mOtherClasses[static_cast<std::size_t>(p.first) + i];
      out.push_back(Widget{"add:" + c.first, p.rects[i], c.second, WidgetRole::Tile});
    }
    return;
  }
  if (mDone) {
    // Everyone ticked is saved: the count, then "done" back to the lessons.
    const std::string done = ctx.tr("class-lesson.done");
    out.push_back(Widget{"done", cornerButton(ctx, Corner::BottomRight, done, true), done,
                         WidgetRole::Button});
    return;
  }
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  // Room at the top for why the last finish did not save everyone.
  const float note = mFailed || !receptionAups().empty() ? std::round(ctx.u(12)) : 0.0f;
  const Rect tiles{area.x, area.y + note, area.w, area.h - note};
  // Every name whole: tiles as wide as the longest name needs (up to the whole
  // row), and as tall as a name that must still wrap needs; fewer to a page if so.
  float minW = 26;
  float minH = 11;
  if (ctx.u(1) > 0) {
    float widest = 0;
    for (const Row& r : mRows) {
      widest = std::max(widest, choiceButtonMinWidth(ctx, r.name));
    }
    const float tileW = std::min(tiles.w, std::max(ctx.u(minW), widest));
    float tallest = ctx.u(minH);
    for (const Row& r : mRows) {
      tallest = std::max(tallest, choiceButtonHeightFor(ctx, r.name, tileW, ctx.u(minH)));
    }
    minW = tileW / ctx.u(1);
    minH = std::min(tiles.h, tallest) / ctx.u(1);
  }
  const Paged p = pageTiles(ctx, tiles, static_cast<int>(mRows.size()), mPage, minW, minH);
  mPerPage = p.perPage;
  for (std::size_t i = 0; i < p.rects.size(); ++i) {
    const Row& r = mRows[static_cast<std::size_t>(p.first) + i];
    Widget w{"present:" + r.pupilId, p.rects[i], r.name, WidgetRole::Toggle};
    w.selected = r.present;
    out.push_back(w);
  }
  if (!mOtherClasses.empty()) {
    const std::string add = ctx.tr("class-lesson.add-pupils");
    out.push_back(Widget{"add-pupils", cornerButton(ctx, Corner::BottomLeft, add, false), add,
                         WidgetRole::Button});
  }
  if (p.pages > 1) {
    const std::string more = ctx.tr("class-lesson.more");
    const Rect left = cornerButton(ctx, Corner::BottomLeft, more, false);
    const float x =
        out.back().id == "add-pupils" ? out.back().rect.right() + ctx.u(metrics::kGap) : left.x;
    out.push_back(Widget{"more", Rect{x, left.y, left.w, left.h}, more, WidgetRole::Button});
  }
  const std::string finish = ctx.tr("class-lesson.finish");
  out.push_back(Widget{"finish", cornerButton(ctx, Corner::BottomRight, finish, true), finish,
                       WidgetRole::Button});
}

void ClassPresentScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  int present = 0;
  for (const Row& r : mRows) {
    present += r.present ? 1 : 0;
  }
  if (mDone) {
    drawTitle(ctx, inLang(ctx, mPlay->lesson->title), widgets);
    const std::string saved =
        mSaved == 1 ? ctx.tr("class-lesson.saved-one")
                    : ctx.trf("class-lesson.saved", {{"count", std::to_string(mSaved)}});
    drawTextBlock(ctx, "\xE2\x9C\x93 " + saved,
                  ctx.fixedFont(text_size::kHeading, FontWeight::Bold), mContent, TextAlign::Centre,
                  t.readyText, 0, true); // ✓
    for (const Widget& w : widgets) {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x9C\x93"); // ✓
    }
    return;
  }
  const std::string title =
      mChoosingClass
          ? ctx.tr("class-lesson.add-title")
          : ctx.trf("class-lesson.who-was-here",
                    {{"count", std::to_string(present)}, {"total", std::to_string(mRows.size())}});
  drawTitle(ctx, title, widgets);
  if (!mChoosingClass && !mFailed && !receptionAups().empty()) {
    const Rect area = mContent;
    drawTextBlock(ctx, ctx.tr("class-lesson.teacher-signs"), ctx.fixedFont(text_size::kBody),
                  Rect{area.x, area.y, area.w, std::round(ctx.u(11))}, TextAlign::Left, t.mutedText,
                  2);
  }
  if (mFailed && !mChoosingClass) {
    // The teacher sees the reason; the pupils still ticked are the ones not saved.
    const std::string message =
        ctx.trf("class-lesson.not-saved", {{"saved", std::to_string(mSaved)}, {"reason", mError}});
    const Rect area = mContent;
    drawTextBlock(ctx, message, ctx.fixedFont(text_size::kBody),
                  Rect{area.x, area.y, area.w, std::round(ctx.u(11))}, TextAlign::Left,
                  t.problemText, 2);
  }
  for (const Widget& w : widgets) {
    if (w.role == WidgetRole::Toggle) {
      drawChoiceButton(ctx, w, v);
    } else if (w.role == WidgetRole::Tile) {
      const Rect in = drawTileCard(ctx, w, v);
      drawTextBlock(ctx, w.label,
                    fitFont(ctx, w.label, in, {text_size::kHeading}, FontWeight::Bold,
                            FitRule{2.8f, true, 0.5f, true}),
                    in, TextAlign::Centre, t.text, 0, true);
    } else if (w.id == "finish") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x9C\x93"); // ✓
    } else if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    }
  }
}

void ClassPresentScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (mChoosingClass) {
    if (id == "back") {
      mChoosingClass = false;
    } else if (WidgetId::parse(id).is("add")) {
      const std::string cls(WidgetId::parse(id).value);
      // Pupils from another class join unticked: the teacher ticks who came.
      addClass(host.records().roster(), cls, false);
      mOtherClasses.erase(std::remove_if(mOtherClasses.begin(), mOtherClasses.end(),
                                         [&](const auto& c) { return c.first == cls; }),
                          mOtherClasses.end());
      mChoosingClass = false;
    }
    return;
  }
  if (mDone) {
    if (id == "done") {
      host.nav().pop(); // the lesson's front page, which goes back to the lessons
    }
    return;
  }
  if (id == "back") {
    // Nothing recorded: the lesson's front page offers "Who was here?" again.
    host.nav().pop();
    return;
  }
  if (WidgetId::parse(id).is("present")) {
    for (Row& r : mRows) {
      if (r.pupilId == WidgetId::parse(id).value) {
        r.present = !r.present;
      }
    }
  } else if (id == "add-pupils") {
    mChoosingClass = true;
  } else if (id == "more") {
    const int pages =
        std::max(1, (static_cast<int>(mRows.size()) + mPerPage - 1) / std::max(1, mPerPage));
    mPage = (mPage + 1) % pages;
  } else if (id == "finish") {
    // The session records lesson.completed (and a Reception AUP signed by the
    // teacher) for each pupil present, through the app's recorder. Pressing finish
    // again after a failure retries what failed and records nobody twice.
    std::vector<PresentPupil> present;
    for (const Row& r : mRows) {
      if (r.present) {
        present.push_back(PresentPupil{r.pupilId, classOf(host.records().roster(), r.pupilId)});
      }
    }
    mPlay->session.recordAttendance(present);
    const Recorder& rec = host.records().recorder();
    std::vector<Row> left;
    int saved = 0;
    for (const Row& r : mRows) {
      if (!r.present) {
        continue;
      }
      if (mPlay->session.attendanceState(r.pupilId) == Recorder::State::Saved) {
        ++saved;
      } else {
        left.push_back(r); // failed, or still on its way: stays ticked
      }
    }
    mSaved += saved;
    if (left.empty()) {
      host.records().shareRecords();
      mDone = true;
      mFailed = false;
      return;
    }
    mRows = left;
    mPage = 0;
    // Only a stopped queue is a failure; a save still on its way is not alarming.
    mFailed = rec.stalled();
    mError = mFailed ? rec.lastError() : std::string();
  }
}

} // namespace sq
