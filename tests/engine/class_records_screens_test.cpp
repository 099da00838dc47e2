// The whole-class flow's screens and the records a teacher reads, as a teacher and
// a pupil use them: the teacher's notes read in full a page at a time, Back and the
// "Saved for N pupils" confirmation on "Who was here?", "taught on" in the lesson
// picker, who signed each AUP and when (with the "not signed yet" filter), and the
// butterfly screen: its words drawn whole at every size, and the quick-close mark.
// Sections:
//   1. helpers
//   2. whole class: notes, back, saved for N, taught on
//   3. AUP records: who signed and when, the filter
//   4. butterfly: the words whole, the quick-close mark
#include "lesson_fixtures.hpp"
#include "results/event_payload.hpp"
#include "screen_cases.hpp"
#include "screen_rig.hpp"
#include "screens/butterfly_screen.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "screens/teacher/aup_records_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

using namespace sq;
using namespace sq::test;

// ---- helpers ------------------------------------------------------------------------

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";
const std::string kOak = "c0000000-0000-4000-8000-000000000002";
const std::string kLesson = "y3-smart-explorers";
const std::string kOliver = "a0000000-0000-4000-8000-000000000002";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// What was drawn, its lines joined by spaces: words wrapped in a tile read on.
std::string flat(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The words of `text`, split at spaces.
std::vector<std::string> wordsOf(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) {
    out.push_back(w);
  }
  return out;
}

const Event* lastOf(const FakeHost& h, EventKind kind) {
  const Event* out = nullptr;
  for (const Event& e : h.events) {
    if (e.kind == kind) {
      out = &e;
    }
  }
  return out;
}

int countOf(const FakeHost& h, EventKind kind) {
  return static_cast<int>(std::count_if(h.events.begin(), h.events.end(),
                                        [&](const Event& e) { return e.kind == kind; }));
}

// The whole-class front page of kLesson for 3B, from the picker.
LessonScreen* openClassLesson(Rig& r) {
  r.press("class:" + k3B);
  r.press("lesson:" + kLesson);
  auto* front = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(front != nullptr);
  return front;
}

} // namespace

// ---- whole class ----------------------------------------------------------------------

TEST_CASE("whole class: every word of the teacher's long notes is drawn, a page at a time") {
  Rig r([](FakeHost& h) { return makeClassLessonPickScreen(h); });
  LessonScreen* front = openClassLesson(r);
  const Lesson& lesson = *front->play()->lesson;
  REQUIRE(lesson.teacherNotes.has_value());
  const std::string notes = lesson.teacherNotes->get();
  REQUIRE(wordsOf(notes).size() > 200);

  std::string first = r.shown();
  REQUIRE(front->notePages() > 1); // these notes are longer than the page
  CHECK(r.has("notes-more"));
  CHECK(contains(first, "Notes: page 1 of " + std::to_string(front->notePages())));
  CHECK_FALSE(contains(first, "\xE2\x80\xA6")); // never cut with "…"

  // The presenter's clicker turns the pages; so does "More notes".
  std::string all = first;
  for (int page = 2; page <= front->notePages(); ++page) {
    if (page % 2 == 0) {
      r.key(Key::PageDown);
    } else {
      r.press("notes-more");
    }
    const std::string shown = r.shown();
    CHECK(contains(shown, "page " + std::to_string(page) + " of"));
    CHECK_FALSE(contains(shown, "\xE2\x80\xA6"));
    all += shown;
  }
  // Every word of the notes, in order within its line, is somewhere on a page.
  std::size_t missing = 0;
  for (const std::string& w : wordsOf(notes)) {
    if (!contains(all, w)) {
      ++missing;
      CAPTURE(w);
      CHECK(false);
    }
  }
  CHECK(missing == 0);
  r.key(Key::PageUp);
  CHECK(front->notePage() == front->notePages() - 2);
  // "More notes" on the last page goes back to the first.
  while (front->notePage() < front->notePages() - 1) {
    r.key(Key::PageDown);
  }
  r.press("notes-more");
  CHECK(front->notePage() == 0);
}

TEST_CASE("whole class: Who was here? has Back; Finish says how many were saved") {
  Rig r([](FakeHost& h) { return makeClassLessonPickScreen(h); });
  LessonScreen* front = openClassLesson(r);
  const auto p = front->play();
  r.press("next");
  playToEnd(p, r.host);
  REQUIRE(r.screen() == "class-lesson");
  REQUIRE(r.has("back"));

  // Back: nothing recorded, the front page asks who was here again.
  r.press("back");
  CHECK(r.screen() == "lesson");
  CHECK(r.host.events.empty());
  const Widget* next = findWidget(r.host.stack.layout(r.ctx), "next");
  REQUIRE(next != nullptr);
  CHECK(next->label == "Who was here?");
  r.press("next");
  REQUIRE(r.screen() == "class-lesson");

  r.press("present:" + kOliver); // off sick: four of 3B's five
  SUBCASE("saved at once") {
    r.press("finish");
    CHECK(r.screen() == "class-lesson");
    const auto* present = dynamic_cast<ClassPresentScreen*>(r.host.stack.top());
    REQUIRE(present != nullptr);
    CHECK(present->savedFor() == 4);
    CHECK(contains(r.shown(), "Saved for 4 pupils."));
  }
  SUBCASE("a failure, then a retry: the count is everyone saved, not the last try's") {
    r.host.failRecords = "the records folder is read-only";
    r.press("finish");
    CHECK_FALSE(contains(r.shown(), "Saved for"));
    CHECK(contains(r.shown(), "read-only"));
    r.host.failRecords.clear();
    r.press("finish");
    CHECK(contains(r.shown(), "Saved for 4 pupils."));
  }
  CHECK(countOf(r.host, EventKind::LessonCompleted) == 4);
  r.press("done");
  CHECK(r.screen() == "class-lesson-pick"); // the front page closed behind it
}

TEST_CASE("whole class: the picker says when a lesson was taught to this class") {
  Rig r([](FakeHost& h) {
    Event e = lessonEvent(EventKind::LessonCompleted, kOliver, kLesson, "2026-10-08T09:00:00Z");
    e.data = R"({"classId":")" + k3B + R"(","wholeClass":true})";
    h.events.push_back(e);
    // Taught to another class, or done alone: not "taught" to 3B.
    Event alone = lessonEvent(EventKind::LessonCompleted, kOliver, "y3-passwords-and-promises",
                              "2026-10-09T09:00:00Z");
    h.events.push_back(alone);
    return makeClassLessonPickScreen(h);
  });
  r.press("class:" + k3B);
  const auto* pick = dynamic_cast<ClassLessonPickScreen*>(r.host.stack.top());
  REQUIRE(pick != nullptr);
  int taught = 0;
  for (const auto& l : pick->lessons()) {
    taught += l.taughtOn.empty() ? 0 : 1;
  }
  CHECK(taught == 1);
  CHECK(contains(r.shown(), "taught on 8 Oct"));

  // Teaching one now marks it when the teacher comes back to the picker.
  r.press("lesson:y3-passwords-and-promises");
  auto* front = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(front != nullptr);
  const auto p = front->play();
  r.press("next");
  playToEnd(p, r.host);
  r.press("finish");
  r.press("done");
  REQUIRE(r.screen() == "class-lesson-pick");
  int now = 0;
  for (const auto& l : pick->lessons()) {
    now += l.taughtOn.empty() ? 0 : 1;
  }
  CHECK(now == 2);
}

// ---- AUP records ------------------------------------------------------------------------

TEST_CASE("AUP records: who signed (the pupil, or the teacher in class) and when; the filter") {
  Rig r([](FakeHost& h) {
    Event own = lessonEvent(EventKind::AupSigned, kSian, "ks2-aup", "2026-10-01T09:00:00Z");
    own.data = R"({"aupVersion":"2026.2","phase":"ks2","signedBy":"pupil"})";
    h.events.push_back(own);
    Event inClass = lessonEvent(EventKind::AupSigned, kOliver, "ks2-aup", "2026-10-05T09:00:00Z");
    inClass.data =
        R"({"aupVersion":"2026.2","phase":"ks2","signedBy":"teacher","wholeClass":true})";
    h.events.push_back(inClass);
    h.events.push_back(
        lessonEvent(EventKind::AupParentAgreed, kSian, "ks2-aup", "2026-10-12T09:00:00Z"));
    return makeAupRecordsScreen(h);
  });
  r.press("class:" + k3B);
  const std::string shown = flat(r.shown()); // a line may wrap in its tile
  CHECK(contains(shown, "Pupil signed, 1 Oct"));
  CHECK(contains(shown, "Teacher signed in class, 5 Oct"));
  CHECK(contains(shown, "Not signed yet"));
  const auto parents = [&] {
    std::set<std::string> ids;
    for (const Widget& w : r.host.stack.layout(r.ctx)) {
      if (w.id.rfind("parent:", 0) == 0) {
        ids.insert(w.id.substr(7));
      }
    }
    return ids;
  };
  CHECK(parents().size() == 5);
  REQUIRE(r.has("unsigned"));
  r.press("unsigned"); // only the pupils not signed yet
  const auto unsignedOnes = parents();
  CHECK(unsignedOnes.size() == 3);
  CHECK(unsignedOnes.count(kSian) == 0);
  CHECK(unsignedOnes.count(kOliver) == 0);
  CHECK(findWidget(r.host.stack.layout(r.ctx), "unsigned")->selected);
  CHECK_FALSE(contains(flat(r.shown()), "Pupil signed"));
  CHECK_FALSE(contains(flat(r.shown()), "Teacher signed"));
  r.press("unsigned");
  CHECK(parents().size() == 5);
}

// ---- butterfly ----------------------------------------------------------------------

TEST_CASE("butterfly: the safety words are drawn whole above the buttons, every size and font") {
  const std::string stop = englishStrings().tr("butterfly.stop");
  const std::string tell = englishStrings().tr("butterfly.tell");
  for (const Size size : {Size{1024, 768}, Size{1280, 720}, Size{3840, 2160}}) {
    Headless hl(size.width, size.height);
    for (const FontFamily family : {FontFamily::Andika, FontFamily::OpenDyslexic}) {
      for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
        const int width = size.width;
        const bool dyslexic = family == FontFamily::OpenDyslexic;
        CAPTURE(width);
        CAPTURE(dyslexic);
        CAPTURE(scale);
        UiContext ctx = uiContext(hl, standardTheme(), size, scale);
        ctx.family = family;
        ButterflyScreen screen;
        WidgetList widgets;
        screen.layout(ctx, widgets);
        std::vector<std::string> log;
        hl.text->setDrawnTextLog(&log);
        screen.draw(ctx, widgets, WidgetVisuals{});
        hl.text->setDrawnTextLog(nullptr);
        std::string all;
        for (const std::string& s : log) {
          CHECK_FALSE(contains(s, "\xE2\x80\xA6")); // never "…"
          all += s + " ";
        }
        for (const std::string& w : wordsOf(stop + " " + tell)) {
          CHECK(contains(all, w));
        }
        // The words end above the buttons.
        for (const Widget& w : widgets) {
          CHECK(screen.words().bottom() <= w.rect.y);
        }
      }
    }
  }
}

TEST_CASE("butterfly: left within seconds with nothing chosen, the press is marked; else not") {
  const std::string askedAt = "2026-11-18T11:06:40Z";
  Rig r([](FakeHost& h) {
    signInSian(h);
    return makeHomeScreen(h);
  });
  const auto open = [&] {
    r.show(makeButterflyScreen(HelpPressed{k3B, askedAt, r.host.now}));
    REQUIRE(r.screen() == "butterfly");
  };

  SUBCASE("a quick close is marked, naming the press") {
    open();
    r.host.now += kQuickCloseSeconds - 1;
    r.press("back");
    CHECK(r.screen() == "home");
    REQUIRE(countOf(r.host, EventKind::HelpAsked) == 1);
    const auto d = payloadAs<HelpAskedData>(*lastOf(r.host, EventKind::HelpAsked));
    REQUIRE(d);
    CHECK(d->closedQuickly);
    CHECK(d->askedAt == askedAt);
    CHECK(d->classId == k3B);
    CHECK(lastOf(r.host, EventKind::HelpAsked)->pupilId.empty()); // never the pupil
  }
  SUBCASE("Esc is the same as Go back") {
    open();
    r.key(Key::Escape);
    CHECK(countOf(r.host, EventKind::HelpAsked) == 1);
  }
  SUBCASE("a pupil who stayed is not marked") {
    open();
    r.host.now += kQuickCloseSeconds;
    r.press("back");
    CHECK(r.screen() == "home");
    CHECK(countOf(r.host, EventKind::HelpAsked) == 0);
  }
  SUBCASE("a choice is not a slip") {
    open();
    r.press("teacher");
    CHECK(r.screen() == "teacher-pin");
    r.key(Key::Escape);
    REQUIRE(r.screen() == "butterfly");
    r.press("back");
    CHECK(countOf(r.host, EventKind::HelpAsked) == 0);
  }
  SUBCASE("a guest's press was never recorded, so there is nothing to mark") {
    r.show(makeButterflyScreen(HelpPressed{{}, {}, r.host.now}));
    r.press("back");
    CHECK(countOf(r.host, EventKind::HelpAsked) == 0);
  }
}
