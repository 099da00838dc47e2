// Text is never cut: every screen case (screen_cases.hpp), and every screen of
// every core lesson played through (each slide, story node and its feedback, quiz
// question before and after Check, butterfly practice stage, AUP page, the
// reflection and the badge), laid out and drawn at 1024x768, 1280x720 and
// 3840x2160, at every text size, with both fonts. It fails on:
//   - an ellipsis in pupil-facing text (teacher screens may shorten a folder path
//     from its start, keeping its last folders);
//   - text drawn outside the room its caller allowed it, or outside the window;
//   - two widgets that overlap;
//   - text that runs into a widget it is not inside, or into other text.
// It reads the text renderer's draw log (text/text_renderer.hpp, DrawnText): the
// renderer measures and logs every text in layout-only mode, rasterising no glyph,
// and draws into a tiny hidden window (everything else is clipped away), so it
// is cheap enough for the test command.
// Sections:
//   1. known cuts: the cases still waiting for their screen's layout
//   2. checking one screen: configurations, the checks, the findings
//   3. the lesson walk: more teacher screen states, every screen of every core lesson
//   4. tests
#include "lesson_fixtures.hpp"
#include "screen_cases.hpp"
#include "support/play_through.hpp"
#include "ui/controls.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

using namespace sq;
using namespace sq::test;

namespace {

// ---- known cuts ----

// Cases whose screens are known to cut or crowd text, each with why. A case
// listed here is still checked and its findings are reported; it fails only when
// it has none (then it must come off the list). An entry ending in "/" names
// every lesson-walk case under it. Empty this list as the screens are fixed.
struct KnownCut {
  const char* name;
  const char* reason;
};
const std::vector<KnownCut> kKnownCuts = {};

// Why `name` is on the list, or nullptr when it is not.
const char* knownCut(const std::string& name) {
  for (const KnownCut& k : kKnownCuts) {
    const std::string entry = k.name;
    if (entry == name || (!entry.empty() && entry.back() == '/' && name.rfind(entry, 0) == 0)) {
      return k.reason;
    }
  }
  return nullptr;
}

// ---- checking one screen ----

struct Config {
  Size size;
  float textScale;
  FontFamily family;
};

std::vector<Config> configs() {
  std::vector<Config> out;
  for (const Size size : {Size{1024, 768}, Size{1280, 720}, Size{3840, 2160}}) {
    for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
      for (const FontFamily f : {FontFamily::Andika, FontFamily::OpenDyslexic}) {
        out.push_back(Config{size, scale, f});
      }
    }
  }
  return out;
}

std::string describe(const Config& c) {
  std::ostringstream o;
  o << c.size.width << "x" << c.size.height << " text " << std::lround(c.textScale * 100) << "% "
    << (c.family == FontFamily::Andika ? "Andika" : "OpenDyslexic");
  return o.str();
}

// A tiny window: the layout works at the configuration's size, and whatever is
// drawn outside 64x64 pixels costs nothing.
Headless& tinyWindow() {
  static Headless h(64, 64);
  return h;
}

constexpr float kSlack = 1.0f; // pixels: rounding of whole-pixel layouts

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x - kSlack && inner.y >= outer.y - kSlack &&
         inner.right() <= outer.right() + kSlack && inner.bottom() <= outer.bottom() + kSlack;
}

// Overlap worth naming: more than the slack both ways.
bool overlaps(const Rect& a, const Rect& b) {
  const Rect i = intersect(a, b);
  return i.w > kSlack && i.h > kSlack;
}

std::string quoted(const std::string& text) {
  std::string s = text.size() > 60 ? text.substr(0, 57) + "..." : text;
  for (char& ch : s) {
    if (ch == '\n') {
      ch = ' ';
    }
  }
  return "\"" + s + "\"";
}

// What went wrong on one case: each problem once, with the first configuration
// it was seen in and how many configurations show it.
struct Findings {
  std::map<std::string, std::pair<std::string, int>> problems;
  int configurations = 0;
  void add(const std::string& problem, const Config& c) {
    auto [it, fresh] = problems.emplace(problem, std::make_pair(describe(c), 0));
    (void)fresh;
    ++it->second.second;
  }
};

// Interface words that end in "…" themselves ("Getting ready…"): drawn whole,
// they are not cut.
const std::set<std::string>& wordsWithEllipsis() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    std::ifstream in(std::string(SQ_TEST_ASSETS_DIR) + "/strings/en-GB.json");
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    for (const auto& [id, text] : j.at("strings").items()) {
      if (text.is_string() && text.get<std::string>().find("\xE2\x80\xA6") != std::string::npos) {
        out.insert(text.get<std::string>());
      }
    }
    return out;
  }();
  return words;
}

// The part of a line that shows: inside its clip rectangle, if any.
Rect visible(const Rect& line, const DrawnText& d) {
  return d.clip ? intersect(line, *d.clip) : line;
}

void checkDrawn(const std::vector<DrawnText>& log, const WidgetList& widgets, const Config& c,
                bool teacherFacing, Findings& f) {
  const Rect window{0, 0, static_cast<float>(c.size.width), static_cast<float>(c.size.height)};
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    for (std::size_t j = i + 1; j < widgets.size(); ++j) {
      if (overlaps(widgets[i].rect, widgets[j].rect)) {
        f.add("widgets overlap: " + widgets[i].id + " and " + widgets[j].id, c);
      }
    }
  }
  for (std::size_t i = 0; i < log.size(); ++i) {
    const DrawnText& d = log[i];
    const std::string what = quoted(d.text);
    const std::string ellipsis = "\xE2\x80\xA6";
    // A teacher's folder path keeps its last folders: "…/school/safequest".
    const bool pathCut = teacherFacing && d.text.rfind(ellipsis, 0) == 0;
    if (d.ellipsised && !pathCut && wordsWithEllipsis().count(d.text) == 0) {
      f.add("cut with an ellipsis: " + what, c);
    }
    for (const Rect& line : d.lines) {
      const Rect shown = visible(line, d);
      if (shown.empty()) {
        continue; // scrolled out of sight
      }
      if (!inside(shown, window)) {
        f.add("outside the window: " + what, c);
      } else if (!inside(shown, d.box)) {
        f.add("outside the room it was given: " + what, c);
      }
      for (const Widget& w : widgets) {
        if (overlaps(shown, w.rect) && !inside(shown, w.rect)) {
          f.add("runs into widget " + w.id + ": " + what, c);
        }
      }
      for (std::size_t j = i + 1; j < log.size(); ++j) {
        for (const Rect& other : log[j].lines) {
          if (overlaps(shown, visible(other, log[j]))) {
            f.add("runs into text " + quoted(log[j].text) + ": " + what, c);
          }
        }
      }
    }
  }
}

// The lesson pictures, as the game has them: a screen draws a picture's words
// only when the picture itself is missing. Enough for one lesson's pictures.
PictureCache& pictures() {
  static PictureCache cache(*tinyWindow().renderer, 64);
  return cache;
}

// Lays out and draws what is on `stack` in every configuration and checks it.
void checkStack(ScreenStack& stack, bool highContrast, bool teacherFacing, Findings& f) {
  Headless& hl = tinyWindow();
  const Theme& theme = highContrast ? highContrastTheme() : standardTheme();
  hl.text->setLayoutOnly(true);
  for (const Config& c : configs()) {
    UiContext ctx = uiContext(hl, theme, c.size, c.textScale);
    ctx.family = c.family;
    ctx.pictures = &pictures();
    std::vector<DrawnText> log;
    hl.text->setDrawLog(&log);
    stack.draw(ctx);
    hl.text->setDrawLog(nullptr);
    checkDrawn(log, stack.widgets(), c, teacherFacing, f);
    ++f.configurations;
  }
  hl.text->setLayoutOnly(false);
}

bool isTeacherCase(const std::string& name) {
  for (const char* prefix : {"teacher", "packs", "picture-password", "butterfly-teacher",
                             "class-lesson", "aup-records"}) {
    if (name.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

struct Outcome {
  std::map<std::string, Findings> byCase;
};

std::string report(const std::string& name, const Findings& f) {
  std::ostringstream o;
  o << name << ": " << f.problems.size() << " problem(s) in " << f.configurations
    << " configurations\n";
  for (const auto& [problem, seen] : f.problems) {
    o << "  " << problem << "  [first at " << seen.first << "; in " << seen.second << "]\n";
  }
  return o.str();
}

// States of the teacher screens that screen_cases.hpp does not draw.
std::vector<ScreenCase> teacherStates() {
  std::vector<ScreenCase> c;
  const auto none = [](FakeHost&) {};
  c.push_back({"teacher-settings-fixed",
               [](FakeHost& h) {
                 h.cfg.dataDir = "/home/teacher/.local/share/safequest";
                 h.cfg.schoolFolder = "/mnt/school/safequest";
                 h.cfg.dataDirFixed = true;
                 h.cfg.schoolFolderFixed = true;
                 h.cfg.lockFixed = true;
                 h.cfg.bandsFixed = true;
               },
               [](FakeHost& h) { return makeTeacherSettingsScreen(h); }});
  c.push_back({"teacher-settings-data-from-command-line",
               [](FakeHost& h) {
                 h.cfg.dataDir = "/srv/safequest/records/for/the/whole/school/year/2026";
                 h.cfg.dataDirFromCommandLine = true;
               },
               [](FakeHost& h) { return makeTeacherSettingsScreen(h); }});
  c.push_back({"teacher-pin-wrong", none, [](FakeHost& h) {
                 auto s = makeTeacherPinScreen(h, [](UiHost&) {});
                 for (const char* d : {"digit:1", "digit:3", "digit:5", "digit:7"}) {
                   s->activate(d, h);
                 }
                 s->activate("ok", h);
                 return s;
               }});
  c.push_back({"picture-password-class", none, [](FakeHost& h) {
                 auto s = makePicturePasswordScreen(h);
                 s->activate("class:Dosbarth Derw", h);
                 s->activate("picture:2", h);
                 return s;
               }});
  return c;
}

// ---- the lesson walk ----

// One move of the active step, as a pupil who knows the answers makes it (the
// same moves as play_through's playStepThrough, one at a time). false when the
// step is finished.
bool oneMove(LessonRunner& lesson) {
  bool moved = false;
  std::visit(
      [&moved](auto& run) {
        using R = std::decay_t<decltype(run)>;
        if constexpr (std::is_same_v<R, std::monostate>) {
          return;
        } else {
          if (run.isFinished()) {
            return;
          }
        }
        if constexpr (std::is_same_v<R, SlidesRunner>) {
          moved = run.next();
        } else if constexpr (std::is_same_v<R, ScenarioRunner>) {
          if (run.phase() == ScenarioRunner::Phase::Feedback) {
            moved = run.proceed();
            return;
          }
          const auto& cs = run.choices();
          const auto safe =
              std::find_if(cs.begin(), cs.end(), [](const Choice& ch) { return ch.safe; });
          moved = safe != cs.end() && run.choose(static_cast<std::size_t>(safe - cs.begin()));
        } else if constexpr (std::is_same_v<R, QuizRunner>) {
          if (run.phase() == QuizRunner::Phase::Answering) {
            moved = answerRightly(run);
          } else {
            moved = run.next();
          }
        } else if constexpr (std::is_same_v<R, ButterflyRunner>) {
          if (run.phase() == ButterflyRunner::Phase::CheckIn) {
            moved = run.chooseFeeling(Feeling::Butterflies);
          } else if (run.phase() == ButterflyRunner::Phase::Steps) {
            moved = run.nextStep();
          } else if (run.phase() == ButterflyRunner::Phase::ChooseAdult) {
            moved = run.chooseAdult(TrustedAdult::Teacher);
          } else {
            moved = run.proceed();
          }
        } else if constexpr (std::is_same_v<R, AupRunner>) {
          for (std::size_t i = 0; i < run.aup().promises.size(); ++i) {
            if (!run.ticked(i)) {
              run.tick(i);
              moved = true;
              return;
            }
          }
          moved = run.agree();
        }
      },
      lesson.runner());
  return moved;
}

// Every core lesson played through as a guest (the lesson's own band), each
// screen on the way checked under "walk/<kind>/<lesson>/<step>/<n>".
void walkCoreLessons(Outcome& out) {
  FakeHost h;
  h.signInGuest();
  const Pack* core = nullptr;
  for (const CatalogEntry& e : h.catalogData->packs) {
    if (e.result.valid() && e.result.pack->id == "core") {
      core = &*e.result.pack;
    }
  }
  REQUIRE(core != nullptr);
  for (const Lesson& lesson : core->lessons) {
    CAPTURE(lesson.id);
    auto play = startLesson(h, "core", lesson.id);
    REQUIRE(play != nullptr);
    int guard = 0;
    while (play->runner.phase() == LessonRunner::Phase::Step && guard < 500) {
      const std::string kind(activityKindId(play->runner.step()->activity));
      const std::string stepId = play->runner.step()->id;
      for (int n = 0; guard < 500; ++n, ++guard) {
        ScreenStack stack;
        stack.push(makeStepScreen(play, h));
        const std::string name =
            "walk/" + kind + "/" + lesson.id + "/" + stepId + "/" + std::to_string(n);
        checkStack(stack, false, false, out.byCase[name]);
        if (!oneMove(play->runner)) {
          break;
        }
      }
      REQUIRE(play->runner.stepFinished());
      REQUIRE(play->runner.advance().has_value());
    }
    // The reflection, then the badge.
    for (int n = 0; n < 2 && !play->runner.isFinished(); ++n) {
      ScreenStack stack;
      stack.push(makeBadgeScreen(play));
      checkStack(stack, false, false,
                 out.byCase["walk/badge/" + lesson.id + "/" + std::to_string(n)]);
      if (play->runner.phase() != LessonRunner::Phase::Reflection || !play->session.finishStep()) {
        break;
      }
    }
  }
}

} // namespace

// ---- tests ----

TEST_CASE("text is never cut: every screen at every size, text size and font") {
  Outcome out;
  for (const ScreenCase& c : screenCases()) {
    CAPTURE(c.name);
    auto host = hostFor(c);
    checkStack(host->stack, c.highContrast, isTeacherCase(c.name), out.byCase[c.name]);
  }
  for (const ScreenCase& c : teacherStates()) {
    CAPTURE(c.name);
    auto host = hostFor(c);
    checkStack(host->stack, c.highContrast, true, out.byCase[c.name]);
  }
  walkCoreLessons(out);

  std::string known;
  std::string failing;
  std::set<std::string> clean;
  for (const auto& [name, f] : out.byCase) {
    if (f.problems.empty()) {
      clean.insert(name);
    } else if (const char* why = knownCut(name)) {
      known += std::string("[") + why + "]\n" + report(name, f);
    } else {
      failing += report(name, f);
    }
  }
  // SQ_TEXT_FIT_REPORT=FILE writes every case's findings, the known cuts as well.
  if (const char* path = std::getenv("SQ_TEXT_FIT_REPORT")) {
    std::ofstream file(path);
    file << "failing:\n" << failing << "\nknown cuts:\n" << known;
  }
  MESSAGE("screens checked: " << out.byCase.size() << ", clean: " << clean.size());
  CHECK_MESSAGE(failing.empty(), "text cut or crowded:\n" << failing);
  // A listed case that has nothing wrong any more comes off the list.
  for (const KnownCut& k : kKnownCuts) {
    const std::string entry = k.name;
    bool matched = false;
    bool problems = false;
    for (const auto& [name, f] : out.byCase) {
      if (entry == name || (entry.back() == '/' && name.rfind(entry, 0) == 0)) {
        matched = true;
        problems = problems || !f.problems.empty();
      }
    }
    CAPTURE(entry);
    CHECK_MESSAGE(matched, "a known cut that names no case");
    CHECK_MESSAGE(problems, "a known cut with nothing cut any more: take it off the list");
  }
}

TEST_CASE("the text fit check finds a cut, a spill and an overlap") {
  // The checks themselves, on a log made by hand: each must be found.
  const Config c{Size{1280, 720}, 1.0f, FontFamily::Andika};
  Widget a;
  a.id = "a";
  a.rect = Rect{100, 100, 200, 100};
  Widget b;
  b.id = "b";
  b.rect = Rect{250, 150, 200, 100};
  DrawnText cut;
  cut.text = "It is right to st\xE2\x80\xA6";
  cut.ellipsised = true;
  cut.lines = {Rect{110, 140, 150, 30}};
  cut.rect = cut.lines.front();
  cut.box = Rect{100, 100, 200, 100};
  cut.boxGiven = true;
  DrawnText spill = cut;
  spill.text = "Charlotte-Rose F";
  spill.ellipsised = false;
  spill.lines = {Rect{600, 400, 300, 30}};
  spill.box = Rect{600, 400, 200, 40};
  Findings f;
  checkDrawn({cut, spill}, {a, b}, c, false, f);
  std::string all;
  for (const auto& [p, seen] : f.problems) {
    all += p + "\n";
  }
  CAPTURE(all);
  CHECK(all.find("widgets overlap: a and b") != std::string::npos);
  CHECK(all.find("cut with an ellipsis: \"It is right") != std::string::npos);
  CHECK(all.find("outside the room it was given: \"Charlotte-Rose F\"") != std::string::npos);
  CHECK(all.find("runs into widget b: \"It is right") != std::string::npos);

  // Laid out properly, nothing is found; a teacher's path may keep its last folders.
  Findings none;
  DrawnText path = spill;
  path.text = "\xE2\x80\xA6/school/safequest";
  path.ellipsised = true;
  path.lines = {Rect{600, 400, 150, 30}};
  checkDrawn({path}, {a}, c, true, none);
  CHECK(none.problems.empty());
}

TEST_CASE("the draw log records each text's lines, room and cut, with nothing rasterised") {
  Headless& hl = tinyWindow();
  FakeHost host;
  UiContext ctx = uiContext(hl, standardTheme(), Size{1280, 720});
  std::vector<DrawnText> log;
  std::vector<std::string> words;
  hl.text->setLayoutOnly(true);
  hl.text->setDrawLog(&log);
  hl.text->setDrawnTextLog(&words);
  const std::size_t glyphsBefore = hl.text->cachedGlyphCount();
  const FontSpec spec = ctx.font(text_size::kBody);
  const Rect box{100, 50, ctx.u(30), ctx.u(40)};
  drawTextBlock(ctx, "Tell a trusted adult if something online worries you", spec, box,
                TextAlign::Left, ctx.theme.text);
  drawTextBlock(ctx, "Tell a trusted adult if something online worries you", spec,
                Rect{100, 400, ctx.u(30), ctx.u(6)}, TextAlign::Left, ctx.theme.text, 1);
  hl.text->setDrawLog(nullptr);
  hl.text->setDrawnTextLog(nullptr);
  hl.text->setLayoutOnly(false);
  CHECK(hl.text->cachedGlyphCount() == glyphsBefore);
  REQUIRE(log.size() == 2);
  CHECK(log[0].boxGiven);
  CHECK(log[0].box.x == box.x);
  CHECK(log[0].lines.size() > 1); // it wrapped
  CHECK_FALSE(log[0].ellipsised);
  for (const Rect& line : log[0].lines) {
    CHECK(inside(line, box));
  }
  CHECK(log[1].ellipsised); // one line allowed: the rest is cut
  CHECK(log[1].lines.size() == 1);
  // The plain log still has the whole text and each line, as scripts read it.
  CHECK(words.front() == "Tell a trusted adult if something online worries you");
  CHECK(words.size() == 1 + log[0].lines.size() + 2);
}
