// The butterfly-practice and AUP step screens, and the teacher's AUP records, as a
// pupil and a teacher use them: presses by widget id through the real stack, what
// the screens show, and what reaches the records (and what never does).
// Sections:
//   1. helpers: signing in, events, widgets
//   2. butterfly practice: feelings, steps, who to tell, what is recorded
//   3. AUP signing: pictures or rows of promises, signing, resuming, guests
//   4. AUP records (teacher): confirming agreements, refused saves, big classes
#include "results/register.hpp"
#include "screen_cases.hpp"
#include "screen_rig.hpp"
#include "screens/lesson/activity_parts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace sq;
using namespace sq::test;

// ---- helpers ------------------------------------------------------------------------

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";
const std::string kOliver = "a0000000-0000-4000-8000-000000000002";
const std::string kFfion = "a0000000-0000-4000-8000-000000000006"; // Oak, Reception

void signInPupil(FakeHost& h, const std::string& id) {
  h.signIn(*h.rosterData.findPupil(id));
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<const Event*> eventsOf(const FakeHost& h, EventKind kind) {
  std::vector<const Event*> out;
  for (const Event& e : h.events) {
    if (e.kind == kind) {
      out.push_back(&e);
    }
  }
  return out;
}

nlohmann::json dataOf(const Event& e) {
  return nlohmann::json::parse(e.data);
}

// The widgets of the top screen whose ids start with `prefix`.
std::vector<std::string> idsStarting(Rig& r, const std::string& prefix) {
  std::vector<std::string> out;
  for (const Widget& w : r.host.stack.layout(r.ctx)) {
    if (w.id.rfind(prefix, 0) == 0) {
      out.push_back(w.id);
    }
  }
  return out;
}

const Widget* widget(Rig& r, const std::string& id) {
  return findWidget(r.host.stack.layout(r.ctx), id);
}

// Plays the practice from the check-in to its end with `feeling` and `adult`,
// collecting what each reporting step said. Ends on the praise.
std::vector<std::string> playPractice(Rig& r, const std::shared_ptr<LessonPlay>& play,
                                      const std::string& feeling, const std::string& adult) {
  std::vector<std::string> steps;
  r.press("feeling:" + feeling);
  ButterflyRunner* br = play->runner.runnerAs<ButterflyRunner>();
  REQUIRE(br != nullptr);
  for (int guard = 0; br->phase() == ButterflyRunner::Phase::Steps && guard < 20; ++guard) {
    steps.push_back(inLang(r.ctx, br->currentStep()->text));
    CHECK(contains(r.shown(), steps.back()));
    CHECK(contains(r.shown(), "Step " + std::to_string(steps.size()) + " of"));
    r.press("step:next");
  }
  REQUIRE(br->phase() == ButterflyRunner::Phase::ChooseAdult);
  r.press("adult:" + adult);
  return steps;
}

} // namespace

// ---- butterfly practice -------------------------------------------------------------

TEST_CASE("butterfly practice: a feeling, the steps in order, who to tell, then on") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kSian);
    play = butterflyAupPlay(h, "y1-butterfly-feeling", Band::Ks1, "butterfly-practice");
    return makeButterflyPracticeScreen(play);
  });
  CHECK(r.screen() == "butterfly-practice");
  CHECK(idsStarting(r, "feeling:") == std::vector<std::string>{"feeling:happy", "feeling:ok",
                                                               "feeling:butterflies",
                                                               "feeling:scared", "feeling:sad"});
  const std::string checkIn = r.shown();
  CHECK(contains(checkIn, "How do you feel"));
  CHECK(contains(checkIn, "Butterflies"));
  CHECK_FALSE(r.has("next")); // choosing a face is how to go on

  // Any feeling is welcome, and a worried one is met kindly.
  r.press("feeling:scared");
  CHECK(contains(r.shown(), "you can tell your teacher at any time"));
  const std::size_t savesBefore = eventsOf(r.host, EventKind::LessonProgress).size();
  CHECK(savesBefore >= 1); // saved when the steps began
  // A presenter's clicker (Page Down) moves through the steps too.
  ButterflyRunner* br = play->runner.runnerAs<ButterflyRunner>();
  r.key(Key::PageDown);
  CHECK(br->stepIndex() == 1);
  CHECK(eventsOf(r.host, EventKind::LessonProgress).size() == savesBefore + 1);
  CHECK_FALSE(contains(r.shown(), "at any time")); // the kind word was for the first step
  std::vector<std::string> seen;
  while (br->phase() == ButterflyRunner::Phase::Steps) {
    seen.push_back(br->currentStep()->id);
    r.press("step:next");
  }
  CHECK(seen == std::vector<std::string>{"no-reply", "screen", "tell", "leave-it"});

  CHECK(idsStarting(r, "adult:") ==
        std::vector<std::string>{"adult:teacher", "adult:parent", "adult:other"});
  CHECK(contains(r.shown(), "My parent or carer"));
  r.press("adult:parent");
  const std::string sayIt = r.shown();
  CHECK(contains(sayIt, "Good choice!"));
  CHECK(contains(sayIt, "Your parent or carer is a great person to tell."));
  CHECK(contains(sayIt, "Something on the screen gave me a butterfly feeling"));
  r.press("next");
  CHECK(br->phase() == ButterflyRunner::Phase::Praise);
  CHECK(contains(r.shown(), "Well done for telling."));
  CHECK(eventsOf(r.host, EventKind::ActivityCompleted).empty());

  r.press("next");
  CHECK(play->runner.stepIndex() == 2); // on to the quiz
  const auto done = eventsOf(r.host, EventKind::ActivityCompleted);
  REQUIRE(done.size() == 1);
  CHECK(done.front()->activityId == "butterfly-practice");
  CHECK(done.front()->pupilId == kSian);
  CHECK(r.screen() == "quiz");
}

TEST_CASE("butterfly practice at the biggest text: pages too tall scroll, every tile is reached") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kSian);
    play = butterflyAupPlay(h, "y1-butterfly-feeling", Band::Ks1, "butterfly-practice");
    return makeButterflyPracticeScreen(play);
  });
  // A 4:3 projector, twice the text, the dyslexia font: not everything fits.
  r.ctx.viewport = Size{1024, 768};
  r.ctx.textScale = 2.0f;
  r.ctx.family = FontFamily::OpenDyslexic;
  const Rect window{0, 0, 1024, 768};
  const auto inWindow = [&](const Rect& w) {
    return w.x >= window.x && w.y >= window.y && w.right() <= window.right() &&
           w.bottom() <= window.bottom();
  };
  const auto overlaps = [](const Rect& a, const Rect& b) {
    const Rect i = intersect(a, b);
    return i.w > 0 && i.h > 0;
  };
  // The faces scroll with the question: the bar's strip pages on until each was
  // there to press.
  REQUIRE(r.has("more:tiles"));
  std::set<std::string> reached;
  for (int page = 0; page < 8 && reached.size() < 5; ++page) {
    for (const std::string& id : idsStarting(r, "feeling:")) {
      CHECK(inWindow(widget(r, id)->rect));
      CHECK_FALSE(overlaps(widget(r, id)->rect, widget(r, "more:tiles")->rect));
      reached.insert(id);
    }
    r.press("more:tiles");
  }
  CHECK(reached.size() == 5);
  while (!r.has("feeling:butterflies")) {
    r.press("more:tiles");
  }
  r.press("feeling:butterflies");
  // The first step's page, with the kind word, scrolls; Next still has focus.
  ButterflyRunner* br = play->runner.runnerAs<ButterflyRunner>();
  REQUIRE(br->phase() == ButterflyRunner::Phase::Steps);
  REQUIRE(r.has("more"));
  const Rect box = widget(r, "more")->rect;
  CHECK_FALSE(overlaps(box, widget(r, "step:next")->rect));
  CHECK(contains(r.shown(), "Stop. Notice the butterfly feeling."));
  r.key(Key::Enter);
  CHECK(br->stepIndex() == 1); // Return pressed Next, not "more"
  while (br->phase() == ButterflyRunner::Phase::Steps) {
    r.press("step:next");
  }
  r.press("adult:teacher");
  REQUIRE(br->phase() == ButterflyRunner::Phase::SayIt);
  REQUIRE(r.has("more"));
  const std::string before = r.shown();
  CHECK(contains(before, "Something on the screen gave me a butterfly feeling"));
  CHECK_FALSE(contains(before, "\xE2\x80\xA6")); // no "…"
  r.key(Key::Down);                              // scrolls the words
  r.key(Key::Enter);                             // and Next still has focus
  CHECK(br->phase() == ButterflyRunner::Phase::Praise);
}

TEST_CASE("butterfly practice: KS1 has five steps, KS2 adds keeping a record") {
  for (const Band band : {Band::Ks1, Band::Lks2}) {
    CAPTURE(bandId(band));
    std::shared_ptr<LessonPlay> play;
    Rig r([&](FakeHost& h) {
      signInPupil(h, kSian);
      play = butterflyAupPlay(h, "y1-butterfly-feeling", band, "butterfly-practice");
      return makeButterflyPracticeScreen(play);
    });
    const auto steps = playPractice(r, play, "ok", "teacher");
    const bool ks2 = band == Band::Lks2;
    REQUIRE(steps.size() == (ks2 ? 6u : 5u));
    CHECK(contains(steps[0], "Stop"));
    CHECK(contains(steps[1], "Don't reply"));
    CHECK(contains(steps[2], "close the lid"));
    CHECK(contains(steps[2], "Don't switch the computer off"));
    CHECK(contains(steps[3], "Tell a grown-up you trust"));
    CHECK(contains(steps[4], "Don't delete it"));
    if (ks2) {
      CHECK(contains(steps[5], "keep a record"));
    }
    // Nothing the pupil is told to do is to screenshot, save or pass anything on.
    for (const std::string& s : steps) {
      CHECK_FALSE(contains(s, "screenshot"));
      CHECK_FALSE(contains(s, "forward"));
    }
  }
}

TEST_CASE("butterfly practice records that it was done, never the feeling or the adult") {
  for (const auto& [feeling, adult] :
       std::vector<std::pair<std::string, std::string>>{{"butterflies", "teacher"},
                                                        {"scared", "parent"},
                                                        {"sad", "other"},
                                                        {"happy", "teacher"}}) {
    CAPTURE(feeling);
    std::shared_ptr<LessonPlay> play;
    Rig r([&](FakeHost& h) {
      signInPupil(h, kSian);
      play = butterflyAupPlay(h, "y6-stand-up-to-cyberbullying", Band::Uks2, "butterfly-practice");
      return makeButterflyPracticeScreen(play);
    });
    playPractice(r, play, feeling, adult);
    r.press("next");
    r.press("next");
    REQUIRE(eventsOf(r.host, EventKind::ActivityCompleted).size() == 1);
    CHECK(eventsOf(r.host, EventKind::LessonProgress).size() >= 8);
    for (const Event& e : r.host.events) {
      const std::string all = e.activityId + e.data + e.choices;
      for (const char* word : {"butterflies", "scared", "sad", "happy", "teacher", "parent",
                               "\"other", "feeling\"", "adult"}) {
        CAPTURE(word);
        CHECK_FALSE(contains(all, word));
      }
    }
  }
}

TEST_CASE("butterfly practice: back leaves the lesson; a guest records nothing") {
  Rig leave([](FakeHost& h) {
    signInPupil(h, kSian);
    h.stack.push(makeHomeScreen(h));
    return makeButterflyPracticeScreen(
        butterflyAupPlay(h, "y1-butterfly-feeling", Band::Ks1, "butterfly-practice"));
  });
  leave.press("back");
  CHECK(leave.screen() == "home");

  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    h.signInGuest();
    play = butterflyAupPlay(h, "y1-butterfly-feeling", Band::Ks1, "butterfly-practice");
    return makeButterflyPracticeScreen(play);
  });
  playPractice(r, play, "happy", "other");
  r.press("next");
  r.press("next");
  CHECK(r.host.events.empty());
  CHECK(play->runner.stepIndex() == 2);
  CHECK(r.screen() == "quiz");
}

TEST_CASE("butterfly practice resumed after the adult was chosen: a general kind word") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kSian);
    play = butterflyAupPlay(h, "y1-butterfly-feeling", Band::Ks1, "butterfly-practice");
    // What a lesson.progress record holds: the phase, never the feeling or the adult.
    REQUIRE(play->runner.runnerAs<ButterflyRunner>()->restore(R"({"v":1,"phase":3,"step":5})"));
    return makeButterflyPracticeScreen(play);
  });
  const std::string shown = r.shown();
  CHECK(contains(shown, "Telling a grown-up you trust is always the right thing to do."));
  CHECK(contains(shown, "Something on the screen gave me a butterfly feeling"));
  r.press("next");
  r.press("next");
  CHECK(eventsOf(r.host, EventKind::ActivityCompleted).size() == 1);
}

// ---- AUP signing --------------------------------------------------------------------

TEST_CASE("AUP, KS1: a picture and a promise a page, ticked, then signed with my own name") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kSian);
    play = butterflyAupPlay(h, "y1-keep-it-to-myself", Band::Ks1, "sign");
    return makeAupScreen(play, h);
  });
  AupRunner* ar = play->runner.runnerAs<AupRunner>();
  const Aup& aup = ar->aup();
  CHECK(aup.phase == AupPhase::Ks1);
  CHECK(r.screen() == "aup");
  CHECK(contains(r.shown(), inLang(r.ctx, *aup.intro)));
  r.press("next");

  // One promise a page, with its words; "next" waits for the tick.
  CHECK(idsStarting(r, "promise:") == std::vector<std::string>{"promise:1"});
  CHECK(contains(r.shown(), inLang(r.ctx, aup.promises[0].text)));
  CHECK(contains(r.shown(), "Promise 1 of " + std::to_string(aup.promises.size())));
  CHECK_FALSE(widget(r, "next")->enabled);
  CHECK(widget(r, "agree") == nullptr);
  r.press("promise:1");
  CHECK(ar->ticked(0));
  r.press("promise:1"); // a toggle
  CHECK_FALSE(ar->ticked(0));
  r.press("next"); // still not ticked: nothing happens
  CHECK(idsStarting(r, "promise:") == std::vector<std::string>{"promise:1"});
  r.press("promise:1");
  CHECK(widget(r, "next")->enabled);
  r.press("next");
  CHECK(idsStarting(r, "promise:") == std::vector<std::string>{"promise:2"});
  // Back a page and on again: the tick is kept.
  r.press("previous");
  CHECK(widget(r, "promise:1")->selected);
  r.press("next");
  for (std::size_t i = 1; i < aup.promises.size(); ++i) {
    const std::string id = "promise:" + std::to_string(i + 1);
    r.press(id);
    r.press("next");
  }
  CHECK(ar->allTicked());
  CHECK(eventsOf(r.host, EventKind::LessonProgress).size() >= aup.promises.size());

  // Signing: the class's names; someone else's name is gently refused.
  const auto names = idsStarting(r, "pupil:");
  CHECK(names.size() == 5); // 3B
  CHECK(std::find(names.begin(), names.end(), "pupil:" + kSian) != names.end());
  CHECK_FALSE(widget(r, "agree")->enabled);
  CHECK(widget(r, "teacher-signs") == nullptr); // Reception only
  r.press("pupil:" + kOliver);
  CHECK(contains(r.shown(), "Choose your own name"));
  CHECK_FALSE(widget(r, "agree")->enabled);
  r.press("agree"); // disabled: nothing happens
  CHECK(eventsOf(r.host, EventKind::AupSigned).empty());
  r.press("pupil:" + kSian);
  CHECK(contains(r.shown(), "That\xE2\x80\x99s you, Si\xC3\xA2n K!"));
  CHECK(widget(r, "pupil:" + kSian)->selected);
  REQUIRE(widget(r, "agree")->enabled);
  r.press("agree");
  const auto signedEvents = eventsOf(r.host, EventKind::AupSigned);
  REQUIRE(signedEvents.size() == 1);
  const Event& e = *signedEvents.front();
  CHECK(e.pupilId == kSian);
  CHECK(e.activityId == "ks1-aup");
  CHECK(e.packId == "core");
  const auto data = dataOf(e);
  CHECK(data["aupVersion"] == aup.version);
  CHECK(data["phase"] == "ks1");
  CHECK(data["classId"] == k3B);
  CHECK(data["signedBy"] == "pupil");
  CHECK(contains(r.shown(), "You have signed your promises"));

  r.press("next");
  const auto done = eventsOf(r.host, EventKind::ActivityCompleted);
  REQUIRE(done.size() == 1);
  CHECK(done.front()->activityId == "sign");
  CHECK(r.screen() == "badge"); // the AUP was the lesson's last step
}

TEST_CASE("AUP, KS2: promises as text, a few a page; the register counts the signature") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kSian); // Year 3: the KS2 promises are hers
    play = butterflyAupPlay(h, "y3-passwords-and-promises", Band::Lks2, "sign");
    return makeAupScreen(play, h);
  });
  AupRunner* ar = play->runner.runnerAs<AupRunner>();
  const Aup& aup = ar->aup();
  REQUIRE(aup.phase == AupPhase::Ks2);
  r.press("next");
  int pages = 0;
  std::size_t seen = 0;
  while (widget(r, "agree") == nullptr && pages < 20) {
    ++pages;
    const auto promises = idsStarting(r, "promise:");
    REQUIRE_FALSE(promises.empty());
    CHECK(promises.size() <= 4);
    CHECK(promises.front() == "promise:" + std::to_string(seen + 1));
    const std::string text = r.shown();
    for (const std::string& id : promises) {
      CHECK(contains(text, inLang(r.ctx, aup.promises[seen].text)));
      CHECK_FALSE(widget(r, "next")->enabled);
      r.press(id);
      ++seen;
    }
    r.press("next");
  }
  CHECK(seen == aup.promises.size());
  CHECK(static_cast<std::size_t>(pages) >= (aup.promises.size() + 3) / 4); // at most 4 a page
  r.press("pupil:" + kSian);
  r.press("agree");
  const auto signedEvents = eventsOf(r.host, EventKind::AupSigned);
  REQUIRE(signedEvents.size() == 1);
  CHECK(dataOf(*signedEvents.front())["phase"] == "ks2");
  CHECK(dataOf(*signedEvents.front())["aupVersion"] == aup.version);

  // The register (what `safequest-cli report` prints) counts it.
  const Register reg = computeRegister(r.host.events, r.host.rosterData, {play->pack}, 2026, {});
  const auto sian = std::find_if(reg.pupils.begin(), reg.pupils.end(),
                                 [](const PupilStatus& p) { return p.id == kSian; });
  REQUIRE(sian != reg.pupils.end());
  CHECK(sian->aupSigned);
  CHECK(sian->aupVersion == aup.version);
}

TEST_CASE("AUP: resuming starts at the first promise not yet ticked, signed stays signed") {
  FakeHost h;
  signInPupil(h, kSian);
  auto play = butterflyAupPlay(h, "y1-keep-it-to-myself", Band::Ks1, "sign");
  AupRunner* ar = play->runner.runnerAs<AupRunner>();
  ar->tick(0);
  ar->tick(1);
  AupScreen s(play, h);
  CHECK(s.stage() == AupScreen::Stage::Promises);
  CHECK(s.firstPromise() == 2);
  for (std::size_t i = 2; i < ar->aup().promises.size(); ++i) {
    ar->tick(i);
  }
  CHECK(AupScreen(play, h).stage() == AupScreen::Stage::Sign);
  REQUIRE(ar->agree());
  CHECK(AupScreen(play, h).stage() == AupScreen::Stage::Done);
}

TEST_CASE("AUP, Reception: a teacher signs for the child, behind the PIN") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    signInPupil(h, kFfion);
    play = butterflyAupPlay(h, "reception-my-promises", Band::Eyfs, "sign");
    return makeAupScreen(play, h);
  });
  AupRunner* ar = play->runner.runnerAs<AupRunner>();
  REQUIRE(ar->aup().phase == AupPhase::Eyfs);
  r.press("next");
  for (std::size_t i = 0; i < ar->aup().promises.size(); ++i) {
    r.press("promise:" + std::to_string(i + 1));
    r.press("next");
  }
  REQUIRE(widget(r, "teacher-signs") != nullptr);
  CHECK(widget(r, "teacher-signs")->enabled);
  CHECK(idsStarting(r, "pupil:").size() == 2); // Oak: Ffion and Tomos
  // A wrong PIN, then back: nothing is signed.
  r.press("teacher-signs");
  CHECK(r.screen() == "teacher-pin");
  r.type("1111");
  r.key(Key::Enter);
  r.key(Key::Escape);
  CHECK(r.screen() == "aup");
  CHECK_FALSE(ar->isFinished());
  CHECK(eventsOf(r.host, EventKind::AupSigned).empty());
  // The right PIN signs, for Ffion, by the teacher.
  r.press("teacher-signs");
  for (const char* d : {"digit:2", "digit:4", "digit:6", "digit:8"}) {
    r.press(d);
  }
  r.press("ok");
  CHECK(r.screen() == "aup");
  CHECK(ar->isFinished());
  CHECK(ar->signedByTeacher());
  const auto signedEvents = eventsOf(r.host, EventKind::AupSigned);
  REQUIRE(signedEvents.size() == 1);
  CHECK(signedEvents.front()->pupilId == kFfion);
  const auto data = dataOf(*signedEvents.front());
  CHECK(data["signedBy"] == "teacher");
  CHECK(data["phase"] == "eyfs");
  CHECK(data["classId"] == "c0000000-0000-4000-8000-000000000002");
  CHECK(contains(r.shown(), "Your teacher signed your promises for you"));
}

TEST_CASE("AUP: a guest ticks and agrees, and nothing is recorded") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    h.signInGuest();
    play = butterflyAupPlay(h, "y1-keep-it-to-myself", Band::Ks1, "sign");
    return makeAupScreen(play, h);
  });
  AupRunner* ar = play->runner.runnerAs<AupRunner>();
  r.press("next");
  for (std::size_t i = 0; i < ar->aup().promises.size(); ++i) {
    r.press("promise:" + std::to_string(i + 1));
    r.press("next");
  }
  CHECK(idsStarting(r, "pupil:").empty());
  CHECK(contains(r.shown(), "You are a guest, so your promise is not saved"));
  REQUIRE(widget(r, "agree")->enabled);
  r.press("agree");
  CHECK(ar->isFinished());
  CHECK(contains(r.shown(), "this is not saved"));
  r.press("next");
  CHECK(r.host.events.empty());
}

// ---- AUP records (teacher) ----------------------------------------------------------

TEST_CASE("AUP records: confirm a class and parents' agreements; the register counts them") {
  Rig r([](FakeHost& h) {
    h.rosterData.staff = {{"s0000000-0000-4000-8000-000000000001", "Mrs Rhian Evans"},
                          {"s0000000-0000-4000-8000-000000000002", "Mr Huw Jones"}};
    return makeTeacherSettingsScreen(h);
  });
  r.press("aup-records");
  CHECK(r.screen() == "aup-records");
  CHECK_FALSE(r.has("butterfly")); // a teacher screen
  CHECK(r.has("class:" + k3B));
  r.press("class:" + k3B);
  CHECK(contains(r.shown(), "KS2 promises, version 2026.2"));
  CHECK(idsStarting(r, "parent:").size() == 5);
  CHECK(contains(r.shown(), "Not signed yet"));

  // The class confirmation, by the second member of staff.
  r.press("staff");
  r.press("staff");
  CHECK(widget(r, "staff")->label == "By: Mr Huw Jones");
  r.press("confirm-class");
  const auto confirmed = eventsOf(r.host, EventKind::AupClassConfirmed);
  REQUIRE(confirmed.size() == 1);
  CHECK(confirmed.front()->pupilId.empty());
  CHECK(confirmed.front()->activityId == "ks2-aup");
  const auto data = dataOf(*confirmed.front());
  CHECK(data["classId"] == k3B);
  CHECK(data["aupVersion"] == "2026.2");
  CHECK(data["staffId"] == "s0000000-0000-4000-8000-000000000002");
  CHECK(contains(r.shown(), "Saved: the class has read the promises."));
  // Opening the class again later (or on another PC) still shows it confirmed.
  r.press("back");
  REQUIRE(r.has("class:" + k3B));
  r.press("class:" + k3B);
  CHECK(contains(r.shown(), "The class read the promises together on 18 November 2026."));

  // A parent's agreement, once; a second press says it is already kept.
  CHECK_FALSE(widget(r, "parent:" + kSian)->selected);
  r.press("parent:" + kSian);
  CHECK(widget(r, "parent:" + kSian)->selected);
  auto parents = eventsOf(r.host, EventKind::AupParentAgreed);
  REQUIRE(parents.size() == 1);
  CHECK(parents.front()->pupilId == kSian);
  r.press("parent:" + kSian);
  CHECK(eventsOf(r.host, EventKind::AupParentAgreed).size() == 1);
  CHECK(contains(r.shown(), "stays recorded"));

  // What `safequest-cli report` reads.
  std::vector<const Pack*> packs;
  for (const CatalogEntry& e : r.host.catalogData->packs) {
    if (e.result.valid()) {
      packs.push_back(&*e.result.pack);
    }
  }
  const Register reg = computeRegister(r.host.events, r.host.rosterData, packs, 2026, {});
  const auto row = std::find_if(reg.classes.begin(), reg.classes.end(),
                                [](const ClassRow& c) { return c.classId == k3B; });
  REQUIRE(row != reg.classes.end());
  CHECK(row->confirmation.confirmed);
  CHECK(row->confirmation.aupVersion == "2026.2");
  CHECK(row->confirmation.staffName == "Mr Huw Jones");
  CHECK(row->tally.parentAgreed == 1);

  // Back: the classes again, then teacher settings.
  r.press("back");
  CHECK(r.has("class:" + k3B));
  r.press("back");
  CHECK(r.screen() == "teacher-settings");
}

TEST_CASE("AUP records: a refused save shows the reason and records nothing") {
  Rig r([](FakeHost& h) {
    auto s = std::make_unique<AupRecordsScreen>(h);
    s->showClass(k3B, h);
    return std::unique_ptr<Screen>(std::move(s));
  });
  r.host.failRecords = "the disk is full";
  r.press("parent:" + kOliver);
  CHECK(r.host.events.empty());
  CHECK_FALSE(widget(r, "parent:" + kOliver)->selected);
  CHECK(contains(r.shown(), "Not saved: the disk is full"));
  r.press("confirm-class");
  CHECK(r.host.events.empty());
  CHECK(contains(r.shown(), "Not saved: the disk is full"));
  CHECK(widget(r, "staff") == nullptr); // no staff on the class list: nobody to choose
  r.host.failRecords.clear();
  r.press("parent:" + kOliver);
  CHECK(eventsOf(r.host, EventKind::AupParentAgreed).size() == 1);
  CHECK(widget(r, "parent:" + kOliver)->selected);
}

TEST_CASE("AUP records: an agreement counts only once saved; a refused one is retried, once") {
  Rig r([](FakeHost& h) {
    auto s = std::make_unique<AupRecordsScreen>(h);
    s->showClass(k3B, h);
    return std::unique_ptr<Screen>(std::move(s));
  });
  r.host.sink.hold = true; // the store answers on a later frame
  r.press("parent:" + kOliver);
  CHECK(r.host.events.empty());
  CHECK_FALSE(widget(r, "parent:" + kOliver)->selected);
  CHECK_FALSE(contains(r.shown(), "Not saved"));
  REQUIRE(r.host.sink.finish());
  r.host.pump();
  r.shown(); // the next frame takes the answer in
  CHECK(widget(r, "parent:" + kOliver)->selected);
  CHECK(contains(r.shown(), "Saved: Oliver S"));
  CHECK(eventsOf(r.host, EventKind::AupParentAgreed).size() == 1);

  // Refused: the reason shows; pressing again tries the same event again.
  r.host.sink.hold = false;
  r.host.failRecords = "the disk is full";
  r.press("confirm-class");
  CHECK(contains(r.shown(), "Not saved: the disk is full"));
  r.press("confirm-class");
  CHECK(contains(r.shown(), "Not saved: the disk is full"));
  CHECK(r.host.recorder().unsaved().size() == 1); // kept once, not twice
  r.host.failRecords.clear();
  r.press("confirm-class");
  CHECK(eventsOf(r.host, EventKind::AupClassConfirmed).size() == 1);
  CHECK(contains(r.shown(), "Saved: the class has read the promises."));
}

TEST_CASE("AUP: a refused signature is kept and saved with the next save, never lost") {
  Rig r([](FakeHost& h) {
    signInPupil(h, kSian);
    return aupSignScreen(h, "y3-passwords-and-promises", Band::Lks2);
  });
  r.press("pupil:" + kSian);
  r.host.failRecords = "database is locked";
  r.press("agree");
  CHECK(eventsOf(r.host, EventKind::AupSigned).empty());
  CHECK(contains(r.shown(), "Not saved yet"));
  r.host.failRecords.clear();
  r.press("next"); // the step's completion: the signature goes first
  const auto signedEvents = eventsOf(r.host, EventKind::AupSigned);
  REQUIRE(signedEvents.size() == 1);
  CHECK(signedEvents.front()->pupilId == kSian);
  CHECK(r.host.events.front().kind == EventKind::AupSigned); // in the order it happened
  CHECK(r.host.recorder().allSaved());
}

TEST_CASE("AUP records: what was recorded this school year shows; Reception confirms EYFS") {
  Rig r([](FakeHost& h) {
    // Last school year's agreement does not count; this year's signature does.
    h.events.push_back(
        lessonEvent(EventKind::AupParentAgreed, kOliver, "ks2-aup", "2026-06-01T09:00:00Z"));
    Event s = lessonEvent(EventKind::AupSigned, kSian, "ks2-aup", "2026-10-01T09:00:00Z");
    s.data = R"({"aupVersion":"2026.2","phase":"ks2"})";
    h.events.push_back(s);
    return makeAupRecordsScreen(h);
  });
  r.press("class:" + k3B);
  CHECK_FALSE(widget(r, "parent:" + kOliver)->selected);
  const std::string shown = r.shown();
  CHECK(contains(shown, "Pupil signed, 1 Oct")); // who signed, and when
  r.press("back");
  r.press("class:c0000000-0000-4000-8000-000000000002"); // Oak: Reception
  CHECK(contains(r.shown(), "Reception promises"));
  r.press("confirm-class");
  const auto confirmed = eventsOf(r.host, EventKind::AupClassConfirmed);
  REQUIRE(confirmed.size() == 1);
  CHECK(dataOf(*confirmed.front())["phase"] == "eyfs");
  CHECK(confirmed.front()->activityId == "eyfs-aup");
}

TEST_CASE("AUP: a big class's names come a page at a time; my own is on a later page") {
  std::shared_ptr<LessonPlay> play;
  Rig r([&](FakeHost& h) {
    for (int i = 0; i < 40; ++i) {
      Pupil p;
      p.id =
          "b0000000-0000-4000-8000-0000000000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      p.firstName = "Aaron" + std::to_string(i); // all before Siân
      p.initial = "Q";
      p.classId = k3B;
      h.rosterData.pupils.push_back(p);
    }
    signInPupil(h, kSian);
    return std::unique_ptr<Screen>(aupSignScreen(h, "y3-passwords-and-promises", Band::Lks2));
  });
  REQUIRE(r.has("more-names"));
  const auto first = idsStarting(r, "pupil:");
  CHECK(first.size() < 45);
  CHECK(std::find(first.begin(), first.end(), "pupil:" + kSian) == first.end());
  bool found = false;
  for (int page = 0; page < 10 && !found; ++page) {
    r.press("more-names");
    const auto names = idsStarting(r, "pupil:");
    CHECK(names != first);
    found = std::find(names.begin(), names.end(), "pupil:" + kSian) != names.end();
  }
  REQUIRE(found);
  r.press("pupil:" + kSian);
  CHECK(widget(r, "agree")->enabled);
}
