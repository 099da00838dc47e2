// The slides and scenario step screens, played through the screen stack's real
// input path (presses by widget id) on the core pack's lessons, against a fake host.
//
// Sections:
//   1. rig: a step screen of a core lesson on a fake host, and the lessons played
//   2. slides: next, back, and read to me
//   3. scenario: every choice path, gentle retries, progress records, narration
#include "results/event_payload.hpp"
#include "screen_cases.hpp"
#include "screen_rig.hpp"
#include "screens/lesson/scenario_screen.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <set>

using namespace sq;
using namespace sq::test;

// ---- rig ----

namespace {

// A rig for one step screen of a lesson being played.
struct StepRig : Rig {
  std::shared_ptr<LessonPlay> play;

  int count(const std::string& prefix) {
    int n = 0;
    for (const Widget& w : host.stack.layout(ctx)) {
      n += w.id.rfind(prefix, 0) == 0 ? 1 : 0;
    }
    return n;
  }
  bool showsText(const std::string& words) { return shown().find(words) != std::string::npos; }
  ScenarioRunner& story() {
    ScenarioRunner* r = play->runner.runnerAs<ScenarioRunner>();
    REQUIRE(r != nullptr);
    return *r;
  }
  // The card ("choice:N") showing the current node's first choice that `which`
  // picks, found in the content, as the screen lays the choices out.
  std::string cardWhere(const std::function<bool(const Choice&)>& which) {
    const std::vector<Choice>& cs = story().choices();
    const std::vector<std::size_t> shown = ScenarioScreen(play).shownChoices();
    const auto at =
        std::find_if(shown.begin(), shown.end(), [&](std::size_t i) { return which(cs[i]); });
    REQUIRE_MESSAGE(at != shown.end(), "no such card at " << story().current().id);
    return "choice:" + std::to_string(at - shown.begin() + 1);
  }
  std::string safeCard() {
    return cardWhere([](const Choice& c) { return c.safe; });
  }
  // When the cards do not fit (big text, or an older band's words at a young
  // band's size) the node is one column that scrolls, and only the cards in view
  // are targets: "more" pages on (and from the end back to the top) until `id`
  // shows. false when it never does.
  bool reveal(const std::string& id) {
    for (int i = 0; i < 30 && !has(id); ++i) {
      if (!has("more")) {
        return false;
      }
      press("more");
    }
    return has(id);
  }
  void pressCard(const std::string& id) {
    CHECK(reveal(id));
    press(id);
  }
  // The cards a pupil can reach, scrolling when they must.
  int reachableCards() {
    int n = 0;
    for (int i = 1; i <= 4; ++i) {
      n += reveal("choice:" + std::to_string(i)) ? 1 : 0;
    }
    return n;
  }
  std::string cardOf(const std::string& choiceId) {
    return cardWhere([&](const Choice& c) { return c.id == choiceId; });
  }
  std::vector<Event> eventsOf(EventKind kind) const {
    std::vector<Event> out;
    for (const Event& e : host.events) {
      if (e.kind == kind) {
        out.push_back(e);
      }
    }
    return out;
  }
};

// The scenario node a lesson.progress record resumes at ("" when none).
// The scenario node a lesson.progress was saved at, read through the typed payload
// (whichever form the snapshot is stored in); the step runner's snapshot is nested
// in the lesson's as an object.
std::string progressNode(const Event& e) {
  const auto progress = payloadAs<LessonProgressData>(e);
  REQUIRE(progress.has_value());
  const auto lesson = nlohmann::json::parse(progress->snapshot);
  if (!lesson.contains("inner")) {
    return {};
  }
  return lesson["inner"].value("node", "");
}

// One a line, so that adding a lesson changes one line.
// clang-format off
const char* const kLessonsWithScenarios[] = {
    "reception-ask-a-grown-up",
    "reception-kind-on-screens",
    "reception-my-promises",
    "reception-screens-and-me",
    "y1-keep-it-to-myself",
    "y1-my-password",
    "y1-real-or-pretend",
    "y2-ask-before-you-click",
    "y2-be-kind-online",
    "y2-healthy-screens",
    "y2-think-before-you-share",
    "y3-smart-explorers",
    "y3-meet-and-tell",
    "y3-passwords-and-promises",
    "y3-kind-online",
    "y4-emails-and-pop-ups",
    "y4-is-it-true",
    "y4-photos-and-webcams",
    "y4-game-time",
    "y5-game-on-safely",
    "y5-think-before-you-share",
    "y5-check-and-credit",
    "y5-group-chats",
    "y6-my-digital-footprint",
    "y6-stand-up-to-cyberbullying",
    "y6-lock-it-down",
    "y6-healthy-online-life",
};
// clang-format on

} // namespace

// ---- slides ----

TEST_CASE("slides screen: next shows each slide, saves each move, then opens the scenario") {
  StepRig r;
  r.host.signIn(*r.host.rosterData.findPupil(kSian));
  r.play = startLesson(r.host, "core", "y1-keep-it-to-myself");
  REQUIRE(r.play != nullptr);
  r.show(makeSlidesScreen(r.play));
  CHECK(r.host.stack.topId() == "slides");
  CHECK(r.has("back"));
  CHECK(r.has("next"));
  CHECK(r.has("read-aloud")); // the core pack's slides are narrated
  CHECK(r.showsText("Private means they are just for you"));
  CHECK(r.showsText("Keep it to myself")); // the lesson's title in the header
  // No picture loaded here (no picture cache): its alt text says what it shows.
  CHECK(r.showsText("A house with a red front door"));
  CHECK(r.eventsOf(EventKind::LessonProgress).empty());

  SlidesRunner* slides = r.play->runner.runnerAs<SlidesRunner>();
  REQUIRE(slides != nullptr);
  for (std::size_t i = 1; i < slides->count(); ++i) {
    r.press("next");
    CHECK(slides->index() == i);
    const auto saved = r.eventsOf(EventKind::LessonProgress);
    REQUIRE(saved.size() == i);
    CHECK(saved.back().activityId == "y1-keep-it-to-myself");
    CHECK(saved.back().pupilId == kSian);
    CHECK(saved.back().data.find(slides->current().id) != std::string::npos);
  }
  CHECK(r.showsText("tell a grown-up"));
  CHECK(r.showsText("Saved"));
  r.press("next"); // past the last slide: the step is finished
  CHECK(r.host.stack.topId() == "scenario");
  CHECK(r.play->runner.stepIndex() == 1);
  const auto done = r.eventsOf(EventKind::ActivityCompleted);
  REQUIRE(done.size() == 1);
  CHECK(done[0].activityId == "learn");
}

TEST_CASE("slides screen: back leaves the lesson; a guest's moves record nothing") {
  StepRig r;
  r.host.signInGuest();
  r.host.stack.push(makeSignInScreen(r.host)); // something to go back to
  r.play = startLesson(r.host, "core", "reception-ask-a-grown-up");
  REQUIRE(r.play != nullptr);
  r.show(makeSlidesScreen(r.play));
  r.press("next");
  r.press("next");
  CHECK(r.play->runner.runnerAs<SlidesRunner>()->index() == 2);
  CHECK(r.host.events.empty());
  r.press("back");
  CHECK(r.host.stack.topId() == "sign-in");
  CHECK(r.host.events.empty());
}

TEST_CASE("slides screen: read to me plays the slide's narration, and moving on narrates when "
          "auto") {
  FakeHost probe;
  const CatalogEntry* core = nullptr;
  for (const CatalogEntry& e : probe.catalogData->packs) {
    if (e.result.valid() && e.result.pack->id == "core") {
      core = &e;
    }
  }
  REQUIRE(core != nullptr);
  // The core pack has no narration yet: a copy of it with some.
  Pack pack = *core->result.pack;
  Lesson* lesson = nullptr;
  for (Lesson& l : pack.lessons) {
    if (l.id == "y1-keep-it-to-myself") {
      lesson = &l;
    }
  }
  REQUIRE(lesson != nullptr);
  auto& slides = std::get<SlidesActivity>(lesson->steps[0].activity);
  for (Slide& s : slides.slides) {
    AssetRef a;
    a.byLang = {{"en-GB", "audio/" + s.id + ".ogg"}};
    s.narration = a;
  }
  StepRig r;
  r.host.settings.narration = Narration::OnRequest;
  r.play = std::make_shared<LessonPlay>(pack, core->dir, *lesson, Band::Ks1, playerOf(r.host),
                                        r.host.recorder(), 1u);
  r.show(makeSlidesScreen(r.play));
  REQUIRE(r.has("read-aloud"));
  r.press("read-aloud");
  REQUIRE(r.host.audio.played.size() >= 2); // the press sound, then the slide
  CHECK(r.host.audio.played.back() == core->dir + "/audio/private.ogg");
  r.host.audio.played.clear();
  r.press("next"); // on request: nothing plays by itself
  CHECK(std::count(r.host.audio.played.begin(), r.host.audio.played.end(),
                   core->dir + "/audio/what.ogg") == 0);
  r.host.settings.narration = Narration::Auto;
  r.press("next");
  CHECK(r.host.audio.played.back() == core->dir + "/audio/nickname.ogg");
}

// ---- scenario ----

TEST_CASE("scenario screen: every choice of every core scenario plays through to an ending") {
  for (const char* lessonId : kLessonsWithScenarios) {
    for (const Band band : {Band::Eyfs, Band::Ks1, Band::Lks2, Band::Uks2}) {
      CAPTURE(lessonId);
      CAPTURE(bandId(band));
      StepRig r;
      r.play = slidesScenarioPlay(r.host, lessonId, band, "scenario");
      r.show(makeScenarioScreen(r.play));
      const std::size_t most = r.play->youngBand() ? 3 : 4;
      std::set<std::string> endings;
      std::set<std::string> taken; // node/choice pairs pressed
      // Depth first: at each node, every card; the runner is put back between them.
      std::function<void(int)> explore = [&](int depth) {
        REQUIRE(depth < 20);
        ScenarioRunner& story = r.story();
        if (story.phase() == ScenarioRunner::Phase::Ended) {
          endings.insert(story.current().id);
          CHECK(r.has("next"));
          CHECK(r.count("choice:") == 0);
          CHECK(r.showsText("You found the safe way!"));
          return;
        }
        REQUIRE(story.phase() == ScenarioRunner::Phase::Choosing);
        const std::string at = story.snapshot();
        const std::string node = story.current().id;
        const int cards = r.reachableCards();
        CHECK(cards >= 2);
        CHECK(static_cast<std::size_t>(cards) == std::min(story.choices().size(), most));
        for (int i = 1; i <= cards; ++i) {
          REQUIRE(story.restore(at));
          REQUIRE(story.phase() == ScenarioRunner::Phase::Choosing);
          r.pressCard("choice:" + std::to_string(i));
          REQUIRE(story.phase() == ScenarioRunner::Phase::Feedback);
          const Choice& c = *story.lastChoice();
          taken.insert(node + "/" + c.id);
          CHECK(r.count("choice:") == 0);
          if (story.willTryAgain()) {
            CHECK_FALSE(c.safe);
            CHECK(r.has("try-again"));
            CHECK_FALSE(r.has("next"));
            r.press("try-again");
            CHECK(story.current().id == node);
            CHECK(story.phase() == ScenarioRunner::Phase::Choosing);
          } else {
            CHECK(r.has("next"));
            CHECK_FALSE(r.has("try-again"));
            r.press("next");
            CHECK(story.current().id == c.next);
            explore(depth + 1);
          }
        }
      };
      explore(0);
      CHECK_FALSE(endings.empty());
      // Every choice the content offers (scrolling to it when it is out of view) was taken.
      std::size_t offered = 0;
      for (const ScenarioNode& n :
           std::get<ScenarioActivity>(r.play->runner.step()->activity).nodes) {
        offered += std::min(n.choices.size(), most);
      }
      CHECK(taken.size() == offered);
      // From wherever the search stopped, the safe cards lead on to the ending,
      // whose "next" finishes the step.
      for (int guard = 0; guard < 20 && r.story().phase() == ScenarioRunner::Phase::Choosing;
           ++guard) {
        // (Young pupils see 3 cards at most: the safe one is always among them.)
        r.pressCard(r.safeCard());
        CHECK(r.story().lastChoice()->safe);
        r.press("next");
      }
      REQUIRE(r.story().phase() == ScenarioRunner::Phase::Ended);
      const std::size_t step = r.play->runner.stepIndex();
      r.press("next");
      CHECK(r.play->runner.stepIndex() == step + 1);
    }
  }
}

TEST_CASE("scenario screen: an unsafe choice is met gently, then the same node's choices again") {
  StepRig r;
  r.play = slidesScenarioPlay(r.host, "y1-keep-it-to-myself", Band::Ks1, "scenario");
  r.show(makeScenarioScreen(r.play));
  CHECK(r.host.stack.topId() == "scenario");
  CHECK(r.showsText("Where do you live?"));
  CHECK(r.count("choice:") == 3);
  CHECK(r.showsText("Type where she lives")); // the picture card's caption
  // The cards' words are their labels, for scripts and screen readers.
  CHECK(findWidget(r.host.stack.layout(r.ctx), r.cardOf("tell-dad"))->label == "Tell Dad");

  r.press(r.cardOf("address")); // type where she lives
  ScenarioRunner& story = r.story();
  CHECK(story.phase() == ScenarioRunner::Phase::Feedback);
  CHECK(story.lastChoice()->id == "address");
  CHECK(story.willTryAgain());
  CHECK(r.has("try-again"));
  CHECK_FALSE(r.has("next"));
  const std::string said = r.shown();
  CHECK(said.find("Let\xE2\x80\x99s think again") != std::string::npos);
  CHECK(said.find("Where you live is private.") != std::string::npos);
  CHECK(said.find("\nS\n") != std::string::npos); // the SMART letter on its badge
  CHECK(said.find("Safe: Keep your name, address, school and passwords to yourself.") !=
        std::string::npos);
  CHECK(said.find("Well done!") == std::string::npos);

  r.press("try-again");
  CHECK(story.phase() == ScenarioRunner::Phase::Choosing);
  CHECK(story.current().id == "ask");
  // The way back is the runner's, not an edge in the pack's graph.
  const auto address = std::find_if(story.choices().begin(), story.choices().end(),
                                    [](const Choice& c) { return c.id == "address"; });
  REQUIRE(address != story.choices().end());
  CHECK(address->next.empty());
  CHECK(address->nextIndex == Choice::kNoNode);
  CHECK(story.outcome().unsafeChoices == 1);
  CHECK(r.count("choice:") == 3);

  const std::string tellDad = r.cardOf("tell-dad");
  CHECK(tellDad == r.safeCard());
  r.press(tellDad); // always praised warmly
  CHECK(story.lastChoice()->id == "tell-dad");
  const std::string praise = r.shown();
  CHECK(praise.find("Well done!") != std::string::npos);
  CHECK(praise.find("Telling a grown-up is always right.") != std::string::npos);
  CHECK(praise.find("\nT\n") != std::string::npos);
  CHECK(praise.find("Tell: If something online worries you") != std::string::npos);
  CHECK_FALSE(r.has("try-again"));
  r.press("next");
  CHECK(story.current().id == "name");
  CHECK(story.outcome().choices == std::vector<std::string>{"address", "tell-dad"});
}

TEST_CASE("scenario screen: older pupils get up to four text cards") {
  StepRig r;
  r.play = slidesScenarioPlay(r.host, "y6-stand-up-to-cyberbullying", Band::Uks2, "scenario");
  r.show(makeScenarioScreen(r.play));
  CHECK(r.count("choice:") == 4);
  CHECK(r.has("choice:4"));
  r.press("choice:4");
  CHECK(r.story().lastChoice()->id == "keep-quiet");
  CHECK(r.has("try-again"));

  // The same story for a Key Stage 1 pupil would show three cards at most.
  StepRig young;
  young.play =
      slidesScenarioPlay(young.host, "y6-stand-up-to-cyberbullying", Band::Ks1, "scenario");
  auto screen = std::make_unique<ScenarioScreen>(young.play);
  CHECK(screen->shownChoices() == std::vector<std::size_t>{0, 1, 2});
  young.show(std::move(screen));
  CHECK(young.reachableCards() == 3);
  CHECK_FALSE(young.reveal("choice:4"));
  // Wherever the content puts it, the safe choice is among the cards they see.
  young.pressCard(young.safeCard());
  CHECK(young.story().lastChoice()->safe);
}

TEST_CASE("scenario screen: progress is recorded at every node for a pupil, never for a guest") {
  SUBCASE("a signed-in pupil") {
    StepRig r;
    r.host.signIn(*r.host.rosterData.findPupil(kSian));
    r.play = slidesScenarioPlay(r.host, "y1-keep-it-to-myself", Band::Ks1, "scenario");
    r.show(makeScenarioScreen(r.play));
    // An unsafe choice first.
    r.press(r.cardOf("full-name"));
    CHECK(r.eventsOf(EventKind::LessonProgress).empty()); // a choice is not a move yet
    r.press("try-again");
    REQUIRE(r.eventsOf(EventKind::LessonProgress).size() == 1);
    r.press(r.safeCard());
    r.press("next");
    auto saved = r.eventsOf(EventKind::LessonProgress);
    REQUIRE(saved.size() == 2);
    CHECK(saved.back().pupilId == kSian);
    CHECK(saved.back().activityId == "y1-keep-it-to-myself");
    CHECK(saved.back().data.find("avas-game") != std::string::npos);
    CHECK(progressNode(saved.back()) == "name");
    r.press(r.safeCard());
    r.press("next");
    saved = r.eventsOf(EventKind::LessonProgress);
    REQUIRE(saved.size() == 3);
    CHECK(progressNode(saved.back()) == "done");
    CHECK(r.showsText("Brilliant! Ava kept her private things to herself"));
    // A pupil who stops now comes back to the ending.
    LessonRunner again(*r.play->pack, *r.play->lesson, Band::Ks1, 1u);
    const auto progress = payloadAs<LessonProgressData>(saved.back());
    REQUIRE(progress.has_value());
    CHECK(again.restore(progress->snapshot) == LessonRunner::Resume::Exact);
    REQUIRE(again.runnerAs<ScenarioRunner>() != nullptr);
    CHECK(again.runnerAs<ScenarioRunner>()->current().id == "done");
    r.press("next");
    const auto done = r.eventsOf(EventKind::ActivityCompleted);
    REQUIRE(done.size() == 1);
    CHECK(done[0].activityId == "avas-game");
  }
  SUBCASE("a guest") {
    StepRig r;
    r.host.signInGuest();
    r.play = slidesScenarioPlay(r.host, "y1-keep-it-to-myself", Band::Ks1, "scenario");
    r.show(makeScenarioScreen(r.play));
    r.press(r.cardWhere([](const Choice& c) { return !c.safe; }));
    r.press("try-again");
    r.press(r.safeCard());
    r.press("next");
    r.press(r.safeCard());
    r.press("next");
    CHECK(r.story().phase() == ScenarioRunner::Phase::Ended);
    r.press("next");
    CHECK(r.host.events.empty());
    CHECK(r.host.recorder().allSaved()); // nothing was even queued
    CHECK(r.play->session.recorded().empty());
  }
}

TEST_CASE("scenario screen: when saving fails, play goes on and the records are saved later") {
  StepRig r;
  r.host.signIn(*r.host.rosterData.findPupil(kSian));
  r.play = startLesson(r.host, "core", "y1-keep-it-to-myself");
  REQUIRE(r.play != nullptr);
  r.show(makeSlidesScreen(r.play));
  r.host.failRecords = "disk full";
  for (int i = 0; i < 4; ++i) {
    r.press("next"); // through the slides, and on to the scenario
  }
  REQUIRE(r.host.stack.topId() == "scenario");
  CHECK(r.host.events.empty());
  CHECK(r.play->saveMark() == LessonSession::SaveMark::Failed);
  CHECK(r.play->session.saveError() == "disk full");
  // The slides' completion is kept in the recorder's queue, first, in order.
  const auto& queued = r.host.recorder().unsaved();
  REQUIRE_FALSE(queued.empty());
  CHECK(std::count_if(queued.begin(), queued.end(), [](const Recorder::Entry& e) {
          return e.draft.kind == EventKind::ActivityCompleted;
        }) == 1);
  CHECK(r.showsText("Not saved yet"));
  r.press(r.safeCard());
  r.press("next");
  CHECK(r.story().current().id == "name"); // play carried on
  CHECK(r.host.events.empty());

  r.host.failRecords.clear();
  r.press(r.safeCard());
  r.press("next");
  CHECK(r.host.recorder().allSaved());
  CHECK(r.play->saveMark() == LessonSession::SaveMark::Saved);
  // Nothing dropped: every progress and the slides' completion, in the order they
  // happened, the newest progress last.
  REQUIRE(r.host.events.size() >= 2);
  CHECK(std::count_if(r.host.events.begin(), r.host.events.end(), [](const Event& e) {
          return e.kind == EventKind::ActivityCompleted && e.activityId == "learn";
        }) == 1);
  CHECK(r.host.events.back().kind == EventKind::LessonProgress);
  CHECK(progressNode(r.host.events.back()) == "done");
  CHECK(r.showsText("Saved"));
}

TEST_CASE("scenario screen: a new node is narrated on arrival, and read to me reads it") {
  FakeHost probe;
  const CatalogEntry* core = nullptr;
  for (const CatalogEntry& e : probe.catalogData->packs) {
    if (e.result.valid() && e.result.pack->id == "core") {
      core = &e;
    }
  }
  REQUIRE(core != nullptr);
  Pack pack = *core->result.pack;
  Lesson* lesson = nullptr;
  for (Lesson& l : pack.lessons) {
    if (l.id == "y1-keep-it-to-myself") {
      lesson = &l;
    }
  }
  REQUIRE(lesson != nullptr);
  auto& story = std::get<ScenarioActivity>(lesson->steps[1].activity);
  for (ScenarioNode& n : story.nodes) {
    AssetRef a;
    a.byLang = {{"en-GB", "audio/" + n.id + ".ogg"}};
    n.narration = a;
  }
  StepRig r;
  r.host.settings.narration = Narration::Auto;
  r.play = std::make_shared<LessonPlay>(pack, core->dir, *lesson, Band::Ks1, playerOf(r.host),
                                        r.host.recorder(), 1u);
  r.play->runner.runnerAs<SlidesRunner>()->next();
  while (!r.play->runner.runnerAs<SlidesRunner>()->isFinished()) {
    r.play->runner.runnerAs<SlidesRunner>()->next();
  }
  r.play->runner.advance();
  r.show(makeScenarioScreen(r.play));
  REQUIRE(r.has("read-aloud"));
  r.press("read-aloud");
  CHECK(r.host.audio.played.back() == core->dir + "/audio/ask.ogg");
  r.press(r.safeCard());
  CHECK_FALSE(r.has("read-aloud")); // the feedback has no narration of its own
  r.host.audio.played.clear();
  r.press("next");
  CHECK(r.host.audio.played.back() == core->dir + "/audio/name.ogg");
  r.press(r.safeCard());
  r.press("next");
  CHECK(r.host.audio.played.back() == core->dir + "/audio/done.ogg");
  CHECK(r.has("read-aloud"));
}

TEST_CASE("scenario screen: 'You chose' and the SMART rule are drawn whole at 1024x768, biggest "
          "text, OpenDyslexic") {
  const char* const ellipsis = "\xE2\x80\xA6";
  for (const char* lessonId : kLessonsWithScenarios) {
    CAPTURE(lessonId);
    StepRig r;
    r.play = slidesScenarioPlay(r.host, lessonId, Band::Lks2, "scenario");
    r.show(makeScenarioScreen(r.play));
    UiContext ctx = uiContext(headless(), standardTheme(), Size{1024, 768}, 2.0f);
    ctx.family = FontFamily::OpenDyslexic;
    const std::string at = r.story().snapshot();
    const int cards = r.count("choice:");
    for (int i = 1; i <= cards; ++i) {
      CAPTURE(i);
      REQUIRE(r.story().restore(at));
      r.press("choice:" + std::to_string(i));
      const Choice& c = *r.story().lastChoice();
      std::vector<std::string> log;
      headless().text->setDrawnTextLog(&log);
      UiContext draw = ctx;
      r.host.stack.draw(draw);
      headless().text->setDrawnTextLog(nullptr);
      const auto drawn = [&](const std::string& words) {
        return std::find(log.begin(), log.end(), words) != log.end();
      };
      CHECK(drawn("You chose: " + c.text.get()));
      if (c.smart != 0) {
        CHECK(drawn(smartRuleName(ctx, c.smart) + ": " + smartRuleMeaning(ctx, c.smart)));
      }
      CHECK(drawn(c.feedback.get()));
      // The feedback's words (the step's title in the bar is the chrome's).
      const std::string title = step_view::title(ctx, *r.play);
      for (const std::string& s : log) {
        if (s.compare(0, std::min<std::size_t>(8, title.size()), title, 0, 8) != 0) {
          CHECK_MESSAGE(s.find(ellipsis) == std::string::npos, s);
        }
      }
    }
  }
}
