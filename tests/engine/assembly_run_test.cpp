// The assembly mode without a window to look at: the run's stops and controls
// (forward, back, the reveal as a step, blank, F5 and Shift+F5, Home and End),
// counting votes three ways, the SMART letters, and the screens driven through the
// screen stack with clicker keys only, down to the assembly.given event they record
// and Esc needing the PIN under the full-screen lock.
#include "app/command_line.hpp"
#include "results/event_payload.hpp"
#include "screen_rig.hpp"
#include "screens/assembly/assembly_pick_screen.hpp"
#include "screens/assembly/assembly_record_screen.hpp"
#include "screens/assembly/assembly_run.hpp"
#include "screens/assembly/assembly_screen.hpp"
#include "screens/assembly/presenter_view.hpp"
#include "screens/assembly/projector_theme.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"

#include <doctest/doctest.h>

using namespace sq;
using namespace sq::test;

namespace {

const Assembly& coreAssembly(const std::string& id) {
  for (const CatalogEntry& e : coreCatalog().packs) {
    if (e.result.pack) {
      if (const Assembly* a = e.result.pack->findAssembly(id)) {
        return *a;
      }
    }
  }
  FAIL("no core assembly " << id);
  throw 0; // not reached
}

// ks1-autumn-ask-first: slide, slide, vote (3), vote (2), slide, slide, vote (2),
// ..., tagged A and T.
AssemblyShow show(const std::string& id, bool* left = nullptr) {
  auto s = findAssemblyShow(coreCatalog(), id);
  REQUIRE(s.has_value());
  s->leave = [left](UiHost& h) {
    if (left != nullptr) {
      *left = true;
    }
    h.nav().quit();
  };
  return *s;
}

} // namespace

TEST_CASE(
    "assembly: a vote is three stops, its question, reveal and explanation; the recap closes") {
  const Assembly& a = coreAssembly("ks1-autumn-ask-first");
  AssemblyRun run(a);
  std::size_t votes = 0;
  for (const AssemblyStep& s : a.steps) {
    votes += s.kind == AssemblyStepKind::Vote ? 1 : 0;
  }
  // Two SMART tags: one recap page.
  CHECK(run.stops().size() == a.steps.size() + 2 * votes + 1);
  CHECK(run.current().kind == AssemblyStop::Kind::Slide);
  CHECK(run.forward());
  CHECK(run.forward());
  REQUIRE(run.current().kind == AssemblyStop::Kind::Question);
  CHECK(run.step().id == "vote-tablet");
  CHECK(run.forward());
  CHECK(run.current().kind == AssemblyStop::Kind::Reveal);
  CHECK(run.step().id == "vote-tablet");
  CHECK(run.forward());
  CHECK(run.current().kind == AssemblyStop::Kind::Explain);
  CHECK(run.step().id == "vote-tablet");
  CHECK(run.back());
  CHECK(run.back());
  CHECK(run.current().kind == AssemblyStop::Kind::Question);
  run.last();
  CHECK(run.current().kind == AssemblyStop::Kind::Recap);
  CHECK_FALSE(run.forward()); // the record screen is the presenter's next step
  run.first();
  CHECK(run.position() == 0);
  CHECK_FALSE(run.back());

  // Five rules: three recap pages, at most two a page.
  AssemblyRun smart(coreAssembly("termly-smart"));
  smart.last();
  CHECK(smart.current().page == 2);
  CHECK(smart.recapLetters(0) == std::vector<char>{'S', 'M'});
  CHECK(smart.recapLetters(1) == std::vector<char>{'A', 'R'});
  CHECK(smart.recapLetters(2) == std::vector<char>{'T'});
}

TEST_CASE("assembly: blank, F5 and Shift+F5") {
  AssemblyRun run(coreAssembly("ks1-autumn-ask-first"));
  run.forward();
  run.forward();
  run.toggleBlank();
  CHECK(run.blank());
  run.toggleBlank();
  CHECK_FALSE(run.blank());
  run.toggleBlank();
  run.resume(); // Shift+F5: from here
  CHECK_FALSE(run.blank());
  CHECK(run.position() == 2);
  run.addOne(0);
  run.toggleBlank();
  run.restart(); // F5: from the beginning, shown again, nobody's vote lost
  CHECK(run.position() == 0);
  CHECK_FALSE(run.blank());
  run.forward();
  run.forward();
  CHECK(run.count(0) == 1);
}

TEST_CASE("assembly: votes counted three ways, each kept per question") {
  AssemblyRun run(coreAssembly("ks1-autumn-ask-first"));
  run.forward();
  run.forward(); // vote-tablet: play, ask, hide
  REQUIRE(run.choiceCount() == 3);
  // 1. typed: the first digit replaces, the next append.
  run.typeDigit(1);
  run.typeDigit(2);
  CHECK(run.count(0) == 12);
  run.eraseDigit();
  CHECK(run.count(0) == 1);
  run.selectNext();
  run.typeDigit(4);
  run.typeDigit(0);
  CHECK(run.count(1) == 40);
  run.selectNext();
  run.typeDigit(9);
  run.typeDigit(9);
  run.typeDigit(9);
  run.typeDigit(9);
  CHECK(run.count(2) == kMaxCount);
  run.select(2);
  run.typeDigit(3); // chosen again: replaces
  CHECK(run.count(2) == 3);
  // 2. +1 taps.
  run.addOne(1);
  run.addOne(1);
  CHECK(run.count(1) == 42);
  CHECK(run.total() == 46);
  CHECK(run.highest() == 42);
  // 3. the thumbs vote: three choices of its own; the options' counts are kept.
  run.toggleThumbs();
  CHECK(run.thumbs());
  CHECK(run.choiceCount() == kThumbChoices);
  CHECK(run.total() == 0);
  run.addOne(0);
  run.selectNext();
  run.typeDigit(7);
  CHECK(run.count(0) == 1);
  CHECK(run.count(1) == 7);
  run.forward(); // the reveal shows the thumbs
  CHECK(run.thumbs());
  CHECK(run.count(1) == 7);
  run.back();
  run.toggleThumbs();
  CHECK(run.count(1) == 42);
  // The next question starts at zero.
  run.forward();
  run.forward();
  run.forward();
  REQUIRE(run.current().kind == AssemblyStop::Kind::Question);
  CHECK(run.total() == 0);
  // Not on a vote: the counting keys do nothing.
  run.first();
  run.typeDigit(5);
  run.addOne(0);
  CHECK(run.choiceCount() == 0);
  CHECK(run.total() == 0);
}

TEST_CASE("assembly: each reveal's SMART badge is one of the assembly's rules") {
  const Assembly& a = coreAssembly("ks1-autumn-ask-first"); // A and T
  AssemblyRun run(a);
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    if (a.steps[i].kind == AssemblyStepKind::Vote) {
      const char letter = run.smartFor(i);
      CAPTURE(a.steps[i].id);
      CHECK((letter == 'A' || letter == 'T'));
    }
  }
  // "Prize pop-ups are usually tricks ... a virus": Accepting.
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    if (a.steps[i].id == "vote-popup") {
      CHECK(run.smartFor(i) == 'A');
    }
  }
  Assembly untagged = a;
  untagged.tags.smart.clear();
  AssemblyRun none(untagged);
  CHECK(none.smartFor(2) == 0);
  CHECK(none.recapLetters() == std::vector<char>{'S', 'M', 'A', 'R', 'T'});
}

TEST_CASE("assembly: a whole assembly with clicker keys only, recorded as assembly.given") {
  Rig rig;
  rig.host.rosterData.staff = {{"s1", "Mrs Jones"}, {"s2", "Mr Price"}};
  bool left = false;
  rig.show(makeAssemblyScreen(show("ks1-autumn-ask-first", &left)));
  auto* screen = dynamic_cast<AssemblyScreen*>(rig.host.stack.top());
  REQUIRE(screen != nullptr);
  const AssemblyRun& run = screen->run();
  CHECK(rig.shown().find("Ask first, and the butterfly feeling") != std::string::npos);
  rig.key(Key::PageDown);
  rig.key(Key::PageUp); // back
  CHECK(run.position() == 0);
  rig.key(Key::PageDown);
  rig.key(Key::B); // blank: nothing on the screen
  CHECK(run.blank());
  CHECK(rig.shown().empty());
  rig.key(Key::B);
  rig.key(Key::Period);
  CHECK(run.blank());
  rig.key(Key::Period);
  rig.key(Key::PageDown); // the first question
  REQUIRE(run.current().kind == AssemblyStop::Kind::Question);
  CHECK(rig.has("choice:1"));
  CHECK(rig.has("choice:3"));
  rig.key(Key::Num2); // typed: 2 for A, 17 for B
  rig.key(Key::Down);
  rig.key(Key::Num1);
  rig.key(Key::Num7);
  rig.press("choice:3"); // a tap: +1 for C
  CHECK(run.count(0) == 2);
  CHECK(run.count(1) == 17);
  CHECK(run.count(2) == 1);
  rig.key(Key::PageDown); // the reveal: bars with the counts
  CHECK(run.current().kind == AssemblyStop::Kind::Reveal);
  CHECK(rig.shown().find("17") != std::string::npos);
  rig.key(Key::PageDown); // the answer, the explanation
  const std::string explained = rig.shown();
  CHECK(explained.find("The answer: B, Find a grown-up and ask") != std::string::npos);
  CHECK(explained.find("We ask a grown-up before we use a tablet") != std::string::npos);
  rig.key(Key::PageDown); // the second question, as a thumbs vote
  rig.key(Key::T);
  CHECK(rig.shown().find("Thumbs sideways") != std::string::npos);
  rig.key(Key::Num9);
  rig.key(Key::Enter);
  CHECK(run.count(0) == 10);
  rig.key(Key::F5); // from the beginning
  CHECK(run.position() == 0);
  rig.key(Key::End); // the recap
  CHECK(run.current().kind == AssemblyStop::Kind::Recap);
  CHECK(rig.shown().find("Accepting") != std::string::npos);
  rig.key(Key::Home);
  CHECK(run.position() == 0);
  rig.key(Key::End);
  rig.key(Key::PageDown); // on to the record screen
  rig.host.apply();
  REQUIRE(rig.screen() == "assembly-record");
  // Year 1 and Year 2 are ticked already; the clicker rings the first name.
  rig.key(Key::Period); // Mrs Jones
  rig.key(Key::PageDown);
  rig.key(Key::PageUp); // moving about and back to Save
  rig.key(Key::Period); // Save
  rig.host.pump();
  REQUIRE(rig.host.events.size() == 1);
  const Event& e = rig.host.events.front();
  CHECK(e.kind == EventKind::AssemblyGiven);
  CHECK(e.pupilId.empty());
  CHECK(e.activityId == "ks1-autumn-ask-first");
  CHECK(e.packId == "core");
  CHECK_FALSE(e.packVersion.empty());
  const auto data = payloadAs<AssemblyGivenData>(e);
  REQUIRE(data.has_value());
  CHECK(data->date == "2026-11-18");
  CHECK(data->yearGroups == std::vector<YearGroup>{YearGroup::Y1, YearGroup::Y2});
  CHECK(data->presenter == "Mrs Jones");
  CHECK(rig.shown().find("Saved:") != std::string::npos);
  rig.key(Key::Period); // Finish: leaves
  rig.host.apply();
  CHECK(left);
  CHECK(rig.host.quitAsked);
}

TEST_CASE("assembly: the presenter unticks a year group and saving fails, then retries") {
  Rig rig;
  rig.host.rosterData.staff = {{"s1", "Mrs Jones"}};
  rig.show(makeAssemblyRecordScreen(show("ks1-autumn-ask-first"), rig.host.rosterData));
  rig.press("year:y2");
  rig.press("year:reception");
  rig.host.failRecords = "the disk is full";
  rig.press("save"); // one name on the list: chosen already
  rig.host.pump();
  CHECK(rig.host.events.empty());
  CHECK(rig.shown().find("the disk is full") != std::string::npos);
  rig.host.failRecords.clear();
  rig.press("save");
  rig.host.pump();
  REQUIRE(rig.host.events.size() == 1);
  const auto data = payloadAs<AssemblyGivenData>(rig.host.events.front());
  REQUIRE(data.has_value());
  CHECK(data->yearGroups == std::vector<YearGroup>{YearGroup::Reception, YearGroup::Y1});
  rig.press("done");
}

TEST_CASE("assembly: Esc leaves at once, or after the teacher PIN under the full-screen lock") {
  SUBCASE("no lock") {
    Rig rig;
    bool left = false;
    rig.show(makeAssemblyScreen(show("ks2-is-it-true", &left)));
    rig.key(Key::Escape);
    rig.host.apply();
    CHECK(left);
  }
  SUBCASE("locked") {
    Rig rig;
    rig.host.cfg.lock = true;
    bool left = false;
    rig.show(makeAssemblyScreen(show("ks2-is-it-true", &left)));
    rig.key(Key::Escape);
    rig.host.apply();
    CHECK_FALSE(left);
    REQUIRE(rig.screen() == "teacher-pin");
    rig.type("2468");
    rig.key(Key::Enter);
    rig.host.apply();
    CHECK(left);
  }
}

TEST_CASE("assembly: choosing one from the list, with the clicker") {
  Rig rig;
  rig.show(makeAssemblyPickScreen(rig.host, [](UiHost& h) { h.nav().quit(); }));
  CHECK(rig.screen() == "assembly-pick");
  const std::string shown = rig.shown();
  CHECK(shown.find("Choose an assembly") != std::string::npos);
  CHECK(rig.has("assembly:1"));
  rig.key(Key::PageDown);
  rig.key(Key::Period);
  rig.host.apply();
  REQUIRE(rig.screen() == "assembly");
  // Leaving the show goes back to the list, which Esc leaves.
  rig.key(Key::Escape);
  rig.host.apply();
  CHECK(rig.screen() == "assembly-pick");
  rig.key(Key::Escape);
  rig.host.apply();
  CHECK(rig.host.quitAsked);
}

TEST_CASE("assembly: the projector theme reads at 7:1 and never fills with white") {
  const Theme& t = projectorTheme();
  for (const auto& [fg, bg] : t.textPairs()) {
    CHECK(contrastRatio(fg, bg) >= 7.0);
  }
  CHECK(relativeLuminance(t.background) < 0.05);
  CHECK(relativeLuminance(t.surface) < 0.05);
  // Each choice's colour holds the words' background colour at 7:1 (its letter is
  // drawn beside it, not on it) and the six differ from each other.
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(contrastRatio(choiceMark(i).colour, t.background) >= 7.0);
    CHECK(choiceMark(i).letter == static_cast<char>('A' + i));
    for (std::size_t j = 0; j < i; ++j) {
      CHECK(choiceMark(i).shape != choiceMark(j).shape);
    }
  }
}

TEST_CASE("assembly: --assembly with and without an id, full screen unless a size is given") {
  auto p = parseCommandLine({"--assembly"});
  CHECK(p.error.empty());
  CHECK(p.options.assembly);
  CHECK(p.options.assemblyId.empty());
  CHECK_FALSE(p.options.sizeGiven);
  p = parseCommandLine({"--assembly", "termly-smart", "--size", "1920x1080"});
  CHECK(p.error.empty());
  CHECK(p.options.assemblyId == "termly-smart");
  CHECK(p.options.sizeGiven);
  p = parseCommandLine({"--assembly", "--guest"}); // an option is not an id
  CHECK(p.options.assemblyId.empty());
  CHECK(p.options.guest);
  CHECK(std::string(usageText()).find("--assembly [ID]") != std::string::npos);
}

TEST_CASE("assembly: from the teacher settings, and back to them") {
  Rig rig([](FakeHost& h) { return makeTeacherSettingsScreen(h); });
  rig.press("assembly");
  rig.host.apply();
  REQUIRE(rig.screen() == "assembly-pick");
  rig.key(Key::Period); // the first assembly
  rig.host.apply();
  REQUIRE(rig.screen() == "assembly");
  rig.key(Key::Escape);
  rig.host.apply();
  CHECK(rig.screen() == "assembly-pick");
  rig.key(Key::Escape);
  rig.host.apply();
  CHECK(rig.screen() == "teacher-settings");
}

TEST_CASE("assembly: the presenter's view shows the notes, now and next, the votes and the time") {
  const AssemblyShow s = show("ks1-autumn-ask-first");
  AssemblyRun run(*s.assembly);
  run.forward();
  run.forward(); // vote-tablet
  run.addOne(1);
  run.addOne(1);
  UiContext ctx = uiContext(headless(), projectorTheme(), Size{1280, 720});
  std::vector<std::string> log;
  headless().text->setDrawnTextLog(&log);
  drawPresenterView(ctx, run, 1795000000 + 3600 * 9 + 60 * 5, 185);
  headless().text->setDrawnTextLog(nullptr);
  std::string all;
  for (const std::string& t : log) {
    all += t + "\n";
  }
  CHECK(all.find("Step 3 of") != std::string::npos);
  CHECK(all.find("3:05 so far") != std::string::npos);
  CHECK(all.find("Count the hands for each answer") != std::string::npos); // the notes
  CHECK(all.find("B Find a grown-up and ask: 2") != std::string::npos);    // the votes
  CHECK(all.find("The votes: Ffion finds a tablet") != std::string::npos); // next: the reveal
  CHECK(clockText(1795000000) == clockText(1795000000 + 86400));
  CHECK(elapsedText(59) == "0:59");
  CHECK(elapsedText(600) == "10:00");
}
