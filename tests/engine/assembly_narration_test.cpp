// Reading an assembly aloud with R: which narration each stop has (a slide's; a
// question's, or made a thumbs vote its thumbs narration, never the choices; the
// explanation's after the reveal; none on the recap), a sound that ends by itself
// putting the presenter's note back to "R reads it aloud", R playing it
// through the game's sound and R again stopping it, moving on stopping it (but not
// from the reveal to the explanation, which share one), a stop without narration
// noted on the presenter's side only, never on the hall's screen; and every core
// assembly's narration file decodes, is not silent and lasts about as long as its
// words take to say (the bounds of narration_check_test.cpp).
#include "audio/audio_decode.hpp"
#include "content/reading_level.hpp"
#include "screen_rig.hpp"
#include "screens/assembly/assembly_run.hpp"
#include "screens/assembly/assembly_screen.hpp"
#include "screens/assembly/presenter_view.hpp"
#include "screens/assembly/projector_theme.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::test;

namespace {

AssemblyShow coreShow(const std::string& id) {
  auto s = findAssemblyShow(coreCatalog(), id);
  REQUIRE(s.has_value());
  s->leave = [](UiHost& h) { h.nav().quit(); };
  return *s;
}

std::string pathOf(const AssetRef* ref) {
  return ref == nullptr ? std::string("(none)") : ref->get();
}

// Two slides, the second without narration, and a vote without an explanation's.
Assembly smallAssembly() {
  Assembly a;
  a.id = "small";
  AssemblyStep one;
  one.id = "one";
  one.text.byLang = {{"en-GB", "One"}};
  one.narration = AssetRef{{{"en-GB", "assets/n/one.ogg"}}};
  AssemblyStep two;
  two.id = "two";
  two.text.byLang = {{"en-GB", "Two"}};
  AssemblyStep vote;
  vote.id = "vote";
  vote.kind = AssemblyStepKind::Vote;
  vote.text.byLang = {{"en-GB", "Which?"}};
  vote.options = {VoteOption{}, VoteOption{}};
  vote.options[0].id = "a";
  vote.options[1].id = "b";
  vote.narration = AssetRef{{{"en-GB", "assets/n/vote.ogg"}}};
  vote.thumbsNarration = AssetRef{{{"en-GB", "assets/n/vote.thumbs.ogg"}}};
  a.steps = {one, two, vote};
  return a;
}

std::string presenterText(const AssemblyRun& run) {
  UiContext ctx = uiContext(headless(), projectorTheme(), Size{1280, 720});
  std::vector<std::string> log;
  headless().text->setDrawnTextLog(&log);
  drawPresenterView(ctx, run, 1795000000, 60);
  headless().text->setDrawnTextLog(nullptr);
  std::string all;
  for (const std::string& t : log) {
    all += t + "\n";
  }
  return all;
}

double rms(const Pcm& pcm) {
  double sum = 0.0;
  for (const std::int16_t s : pcm.samples) {
    sum += static_cast<double>(s) * static_cast<double>(s);
  }
  return pcm.samples.empty() ? 0.0
                             : std::sqrt(sum / static_cast<double>(pcm.samples.size())) / 32768.0;
}

} // namespace

TEST_CASE("assembly: each stop's narration, the explanation's after the reveal, none on the "
          "recap") {
  const Assembly a = smallAssembly();
  AssemblyRun run(a);
  CHECK(pathOf(run.narration()) == "assets/n/one.ogg");
  run.forward();
  CHECK(run.narration() == nullptr); // the slide has none
  run.forward();
  REQUIRE(run.current().kind == AssemblyStop::Kind::Question);
  CHECK(pathOf(run.narration()) == "assets/n/vote.ogg");
  run.forward(); // the reveal: the explanation's, and this vote has none
  CHECK(run.narration() == nullptr);
  run.last();
  CHECK(run.current().kind == AssemblyStop::Kind::Recap);
  CHECK(run.narration() == nullptr);

  const AssemblyShow s = coreShow("ks1-autumn-ask-first");
  AssemblyRun core(*s.assembly);
  const std::string dir = "assets/narration/ks1-autumn-ask-first/";
  CHECK(pathOf(core.narration()) == dir + "welcome.ogg");
  core.forward();
  core.forward();
  REQUIRE(core.current().kind == AssemblyStop::Kind::Question);
  CHECK(pathOf(core.narration()) == dir + "vote-tablet.ogg");
  core.forward();
  CHECK(core.current().kind == AssemblyStop::Kind::Reveal);
  CHECK(pathOf(core.narration()) == dir + "vote-tablet.explanation.ogg");
  core.forward();
  CHECK(core.current().kind == AssemblyStop::Kind::Explain);
  CHECK(pathOf(core.narration()) == dir + "vote-tablet.explanation.ogg");
}

TEST_CASE("assembly: a thumbs vote's reveal reads no explanation, which names a letter never "
          "shown") {
  Assembly a = smallAssembly();
  a.steps[2].explanationNarration = AssetRef{{{"en-GB", "assets/n/vote.explained.ogg"}}};
  AssemblyRun letters(a);
  letters.forward();
  letters.forward();
  letters.forward(); // the lettered choices revealed
  REQUIRE(letters.current().kind != AssemblyStop::Kind::Question);
  CHECK(pathOf(letters.narration()) == "assets/n/vote.explained.ogg");

  AssemblyRun thumbs(a);
  thumbs.forward();
  thumbs.forward();
  thumbs.toggleThumbs();
  thumbs.forward(); // the thumbs revealed
  REQUIRE(thumbs.current().kind != AssemblyStop::Kind::Question);
  REQUIRE(thumbs.thumbs());
  CHECK(thumbs.narration() == nullptr);
  CHECK(thumbs.pressRead(false) == ReadAloud::NoNarration);
}

TEST_CASE("assembly: made a thumbs vote, R reads the question alone and the thumbs, not the "
          "choices") {
  const Assembly a = smallAssembly();
  AssemblyRun run(a);
  run.forward();
  run.forward();
  REQUIRE(run.current().kind == AssemblyStop::Kind::Question);
  CHECK(pathOf(run.narration()) == "assets/n/vote.ogg");
  CHECK(run.pressRead(false) == ReadAloud::Reading);
  run.toggleThumbs(); // T while the choices are read: they are gone, so is their sound
  CHECK(run.thumbs());
  CHECK(run.takeStopReading());
  CHECK(run.readAloud() == ReadAloud::Idle);
  CHECK(pathOf(run.narration()) == "assets/n/vote.thumbs.ogg");
  CHECK(run.pressRead(false) == ReadAloud::Reading);
  run.toggleThumbs(); // back to the lettered choices
  CHECK(run.takeStopReading());
  CHECK(pathOf(run.narration()) == "assets/n/vote.ogg");

  // A vote without thumbs narration: none as a thumbs vote (the choices' would be
  // untrue), so the presenter is told.
  Assembly bare = smallAssembly();
  bare.steps[2].thumbsNarration.reset();
  AssemblyRun other(bare);
  other.forward();
  other.forward();
  other.toggleThumbs();
  CHECK(other.narration() == nullptr);
  CHECK(other.pressRead(false) == ReadAloud::NoNarration);

  // Every vote of every core assembly: the letters' file, and the thumbs' one.
  for (const AssemblyShow& s : assembliesIn(coreCatalog())) {
    if (s.pack.id != "core") {
      continue;
    }
    AssemblyRun core(*s.assembly);
    for (bool more = true; more; more = core.forward()) {
      if (core.current().kind != AssemblyStop::Kind::Question) {
        continue;
      }
      const std::string stem = "assets/narration/" + s.assembly->id + "/" + core.step().id;
      INFO(stem);
      CHECK(pathOf(core.narration()) == stem + ".ogg");
      core.toggleThumbs();
      CHECK(pathOf(core.narration()) == stem + ".thumbs.ogg");
      core.toggleThumbs();
    }
  }
}

TEST_CASE("assembly: a sound that ends by itself puts the presenter's note back") {
  const AssemblyShow s = coreShow("ks1-autumn-ask-first");
  AssemblyRun run(*s.assembly);
  CHECK_FALSE(run.soundEnded()); // nothing was read
  CHECK(run.pressRead(false) == ReadAloud::Reading);
  CHECK(presenterText(run).find("Reading aloud: R stops") != std::string::npos);
  CHECK(run.soundEnded());
  CHECK(run.readAloud() == ReadAloud::Idle);
  CHECK(presenterText(run).find("R reads it aloud") != std::string::npos);
  CHECK(presenterText(run).find("Reading aloud") == std::string::npos);
  CHECK_FALSE(run.soundEnded()); // once
  run.forward();                 // nothing is playing, so nothing to stop
  CHECK_FALSE(run.takeStopReading());
  run.back();
  CHECK(run.pressRead(false) == ReadAloud::Reading); // R reads it again
  CHECK(run.pressRead(true) == ReadAloud::Stopped);
  CHECK_FALSE(run.soundEnded()); // stopped by R: "Stopped reading" stays
  CHECK(run.readAloud() == ReadAloud::Stopped);
}

TEST_CASE("assembly: R reads, R again stops, and moving on stops what no longer shows") {
  const Assembly a = smallAssembly();
  AssemblyRun run(a);
  CHECK(run.readAloud() == ReadAloud::Idle);
  CHECK(run.pressRead(false) == ReadAloud::Reading);
  CHECK(run.pressRead(true) == ReadAloud::Stopped); // still heard: R stops it
  CHECK(run.pressRead(false) == ReadAloud::Reading);
  CHECK(run.pressRead(false) == ReadAloud::Reading); // it had ended: R reads it again
  CHECK_FALSE(run.takeStopReading());
  run.forward(); // a slide without narration: what was read stops
  CHECK(run.takeStopReading());
  CHECK_FALSE(run.takeStopReading()); // once
  CHECK(run.readAloud() == ReadAloud::Idle);
  CHECK(run.pressRead(false) == ReadAloud::NoNarration);
  CHECK(run.readAloud() == ReadAloud::NoNarration);
  run.forward(); // the note goes with the stop
  CHECK(run.readAloud() == ReadAloud::Idle);
  CHECK_FALSE(run.takeStopReading());

  // The reveal and the explanation share the explanation's narration: it carries on.
  const AssemblyShow s = coreShow("ks1-autumn-ask-first");
  AssemblyRun core(*s.assembly);
  core.forward();
  core.forward();
  core.forward(); // vote-tablet's reveal
  CHECK(core.pressRead(false) == ReadAloud::Reading);
  core.forward(); // its explanation
  CHECK_FALSE(core.takeStopReading());
  CHECK(core.readAloud() == ReadAloud::Reading);
  CHECK(core.pressRead(true) == ReadAloud::Stopped);
  // F5 from the start while reading: stopped.
  CHECK(core.pressRead(false) == ReadAloud::Reading);
  core.restart();
  CHECK(core.takeStopReading());
}

TEST_CASE("assembly: R plays the stop's narration through the game's sound; the note for a "
          "stop without is the presenter's only") {
  Rig rig;
  const AssemblyShow s = coreShow("ks1-autumn-ask-first");
  rig.show(makeAssemblyScreen(s));
  auto* screen = dynamic_cast<AssemblyScreen*>(rig.host.stack.top());
  REQUIRE(screen != nullptr);
  const AssemblyRun& run = screen->run();
  const std::string dir = s.packDir + "/assets/narration/ks1-autumn-ask-first/";
  SilentSound& sound = rig.host.audio;
  const std::string hallBefore = rig.shown();

  rig.key(Key::R);
  REQUIRE(sound.played.size() == 1);
  CHECK(sound.played.back() == dir + "welcome.ogg");
  CHECK(sound.narrationPlaying());
  CHECK(rig.shown() == hallBefore); // nothing on the hall's screen says so
  CHECK(presenterText(run).find("Reading aloud: R stops") != std::string::npos);
  rig.key(Key::R); // again: stopped
  CHECK_FALSE(sound.narrationPlaying());
  CHECK(sound.played.size() == 1);
  CHECK(presenterText(run).find("Stopped reading") != std::string::npos);

  rig.key(Key::R);
  CHECK(sound.played.size() == 2);
  rig.key(Key::PageDown); // moving on stops the welcome
  CHECK_FALSE(sound.narrationPlaying());
  CHECK(presenterText(run).find("R reads it aloud") != std::string::npos);
  rig.key(Key::PageDown); // vote-tablet's question
  rig.key(Key::R);
  CHECK(sound.played.back() == dir + "vote-tablet.ogg");
  // T: the thumbs vote; the choices' sound stops and R reads the question alone.
  rig.key(Key::T);
  CHECK_FALSE(sound.narrationPlaying());
  rig.key(Key::R);
  CHECK(sound.played.back() == dir + "vote-tablet.thumbs.ogg");
  rig.key(Key::T);
  CHECK_FALSE(sound.narrationPlaying());
  rig.key(Key::R);
  CHECK(sound.played.back() == dir + "vote-tablet.ogg");
  rig.key(Key::PageDown); // the reveal: R stops the question, R reads the explanation
  CHECK_FALSE(sound.narrationPlaying());
  rig.key(Key::R);
  CHECK(sound.played.back() == dir + "vote-tablet.explanation.ogg");
  rig.key(Key::PageDown); // the explanation: it carries on
  CHECK(sound.narrationPlaying());

  // The recap has no narration: the hall's screen stays as it was, the presenter
  // is told, in the presenter's view and in P's notes over the slide.
  rig.key(Key::End);
  REQUIRE(run.current().kind == AssemblyStop::Kind::Recap);
  CHECK_FALSE(sound.narrationPlaying()); // moved off the explanation: stopped
  const std::string recap = rig.shown();
  const std::size_t played = sound.played.size();
  rig.key(Key::R);
  CHECK(sound.played.size() == played);
  CHECK(rig.shown() == recap);
  CHECK(recap.find("narration") == std::string::npos);
  CHECK(presenterText(run).find("No narration here: read it yourself") != std::string::npos);
  rig.key(Key::P);
  CHECK(rig.shown().find("No narration here: read it yourself") != std::string::npos);
}

TEST_CASE("assembly: every core assembly is narrated; each file decodes, is not silent and "
          "fits its words") {
  const std::string root = std::string(SQ_SOURCE_DIR) + "/content/core";
  std::size_t files = 0;
  for (const AssemblyShow& s : assembliesIn(coreCatalog())) {
    if (s.pack.id != "core") {
      continue;
    }
    for (const AssemblyStep& step : s.assembly->steps) {
      // What each file says (tools/narrate.sh): the slide's words; the question and
      // each choice after its letter; the answer ("The answer: B, ...") and the
      // explanation.
      std::vector<std::pair<const std::optional<AssetRef>*, std::string>> said;
      std::string words = step.text.get();
      std::string explained = step.explanation ? step.explanation->get() : std::string();
      for (std::size_t i = 0; i < step.options.size(); ++i) {
        words += " A " + step.options[i].text.get();
        if (step.options[i].id == step.answer) {
          explained = "The answer: B, " + step.options[i].text.get() + ". " + explained;
        }
      }
      said.emplace_back(&step.narration, words);
      if (step.kind == AssemblyStepKind::Vote) {
        said.emplace_back(&step.explanationNarration, explained);
        // The question alone, then how to answer with a thumb.
        said.emplace_back(&step.thumbsNarration, step.text.get() + " Thumbs up, sideways or down?");
      }
      for (const auto& [ref, text] : said) {
        INFO(s.assembly->file << " " << step.id << ": " << text);
        REQUIRE(ref->has_value());
        const std::string path = (*ref)->get();
        std::string error;
        const auto pcm = loadAudioFile(root + "/" + path, PcmFormat{22050, 1}, error);
        REQUIRE_MESSAGE(pcm.has_value(), path << ": " << error);
        const int n = measureReading(text).words;
        REQUIRE(n > 0);
        CHECK_MESSAGE(rms(*pcm) >= 0.01, path << ": silent");
        CHECK_MESSAGE(pcm->seconds() >= 0.2 * n, path << ": too short for " << n << " words");
        CHECK_MESSAGE(pcm->seconds() <= 0.8 * n + 1.5, path << ": too long for " << n << " words");
        ++files;
      }
    }
  }
  // Six assemblies: 75 files, then 20 thumbs votes' (95).
  CHECK(files >= 95);
}
