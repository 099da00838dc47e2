// Scripts: parsing (every command, comments, mistakes with their line) and the
// player's waiting, failing and screenshot steps, against a fake game.
#include "app/script.hpp"
#include "app/script_player.hpp"
#include "app/script_text.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("a script is read line by line: comments and blank lines are skipped") {
  std::string error;
  const auto s = parseScript("# a comment\n\nclick class:3B\r\n  key Shift+Tab\ntext Siân 12\n"
                             "wait-screen home\nexpect-text Hello, Siân\nscreenshot home-1\n"
                             "resize 1920 1080",
                             error);
  REQUIRE_MESSAGE(s, error);
  REQUIRE(s->size() == 7);
  CHECK((*s)[0].kind == ScriptCommand::Kind::Click);
  CHECK((*s)[0].arg == "class:3B");
  CHECK((*s)[0].line == 3);
  CHECK((*s)[1].arg == "Shift+Tab");
  CHECK((*s)[2].arg == "Siân 12");
  CHECK((*s)[4].arg == "Hello, Siân");
  CHECK((*s)[6].width == 1920);
  CHECK((*s)[6].height == 1080);
}

TEST_CASE("the line reader the game's and the editor's scripts share") {
  script_text::LineReader lines(
      "# comment\r\n\n  \t\nclick a\r\n\t  text  two spaces  \n   # indented comment\nlast");
  std::string_view line;
  REQUIRE(lines.next(line));
  CHECK(line == "click a"); // the carriage return dropped
  CHECK(lines.lineNumber() == 4);
  REQUIRE(lines.next(line));
  CHECK(line == "text  two spaces  "); // blanks on the left only
  CHECK(lines.lineNumber() == 5);
  REQUIRE(lines.next(line));
  CHECK(line == "last"); // a last line with no line end
  CHECK(lines.lineNumber() == 7);
  CHECK_FALSE(lines.next(line));
  script_text::LineReader none("\n# only a comment\n");
  CHECK_FALSE(none.next(line));
  CHECK(none.lineNumber() == 2);
}

TEST_CASE("mistakes in a script name their line") {
  std::string error;
  CHECK_FALSE(parseScript("click guest\njump\n", error));
  CHECK(error.find("line 2") == 0);
  CHECK_FALSE(parseScript("click\n", error));
  CHECK_FALSE(parseScript("resize 10 10\n", error));
  CHECK_FALSE(parseScript("resize 1920\n", error));
  CHECK_FALSE(parseScript("screenshot ../escape\n", error));
  CHECK_FALSE(parseScript("wait-screen home 0\n", error));
  CHECK_FALSE(parseScript("wait-screen home 601\n", error));
  CHECK_FALSE(parseScript("wait-screen home soon\n", error));
  CHECK(error.find("line 1") == 0);
  CHECK_FALSE(parseScript("expect-narration\n", error));
  CHECK_FALSE(parseScript("expect-no-narration welcome.ogg\n", error));
  ScriptPlayer p;
  const auto keys = parseScript("key Tab\nkey NoSuchKey\n", error);
  REQUIRE(keys);
  CHECK_FALSE(p.load(*keys, "", error));
  CHECK(error.find("line 2") == 0);
}

namespace {

struct FakeGame final : ScriptTarget {
  std::string screen = "sign-in";
  WidgetList widgets;
  bool isSettled = true;
  std::vector<std::string> text;
  std::vector<std::string> done;
  int shot = 0;
  std::string narration;
  std::string currentScreen() const override { return screen; }
  std::string narrationAsked() const override { return narration; }
  const Widget* shownWidget(std::string_view id) const override { return findWidget(widgets, id); }
  bool settled() const override { return isSettled; }
  bool textOnScreen(std::string_view t) const override {
    for (const auto& s : text) {
      if (s.find(t) != std::string::npos) {
        return true;
      }
    }
    return false;
  }
  void click(Point p) override {
    done.push_back("click " + std::to_string(static_cast<int>(p.x)) + "," +
                   std::to_string(static_cast<int>(p.y)));
  }
  void key(const KeyChord& c) override { done.push_back("key " + std::to_string(c.sdlKeycode)); }
  void type(std::string_view t) override { done.push_back("type " + std::string(t)); }
  void resize(int w, int h) override {
    done.push_back("resize " + std::to_string(w) + "x" + std::to_string(h));
  }
  void requestScreenshot(const std::string& path) override {
    done.push_back("shot " + path);
    shot = 1;
  }
  int screenshotResult(std::string&) override { return shot == 1 ? (shot = 0, 1) : 0; }
};

ScriptPlayer player(const std::string& text) {
  std::string error;
  auto s = parseScript(text, error);
  REQUIRE_MESSAGE(s, error);
  ScriptPlayer p;
  REQUIRE_MESSAGE(p.load(*s, "shots", error), error);
  return p;
}

} // namespace

TEST_CASE("click waits for its widget, then clicks its middle") {
  ScriptPlayer p = player("click guest\n");
  FakeGame g;
  CHECK(p.step(g, 0) > 0); // not there yet: poll again
  g.widgets.push_back(Widget{"guest", Rect{100, 100, 200, 100}, "Guest", WidgetRole::Tile});
  CHECK(p.step(g, 100) == 0);
  CHECK(g.done == std::vector<std::string>{"click 200,150"});
  CHECK(p.step(g, 120) == -1);
  CHECK(p.finished());
}

TEST_CASE("click and wait-screen give up after 5 s with the line and the screen") {
  FakeGame g;
  ScriptPlayer p = player("# nothing\nclick class:9Z\n");
  p.step(g, 0);
  CHECK(p.step(g, 4000) > 0);
  CHECK(p.step(g, 5001) == -1);
  REQUIRE(p.failed());
  CHECK(p.failure().find("line 2") == 0);
  CHECK(p.failure().find("(screen: sign-in)") != std::string::npos);

  ScriptPlayer w = player("wait-screen home\n");
  w.step(g, 0);
  g.screen = "home";
  g.isSettled = false; // not drawn yet
  CHECK(w.step(g, 100) > 0);
  g.isSettled = true;
  CHECK(w.step(g, 200) == -1);
  CHECK(w.finished());
}

TEST_CASE("wait-screen may name its own limit in seconds") {
  std::string error;
  const auto s = parseScript("wait-screen home 60\nwait-screen home\n", error);
  REQUIRE_MESSAGE(s, error);
  CHECK((*s)[0].arg == "home");
  CHECK((*s)[0].waitSeconds == 60);
  CHECK((*s)[1].waitSeconds == 0);

  FakeGame g;
  ScriptPlayer w = player("wait-screen home 60\n");
  w.step(g, 0);
  CHECK(w.step(g, 30000) > 0); // still waiting, well past 5 s
  CHECK(w.step(g, 60001) == -1);
  REQUIRE(w.failed());
  CHECK(w.failure().find("within 60 s") != std::string::npos);
}

TEST_CASE("expect-text fails at once when the settled screen lacks the text") {
  FakeGame g;
  g.text = {"Hello, Siân K!"};
  ScriptPlayer ok = player("expect-text Siân K\n");
  ok.step(g, 0);
  CHECK(ok.finished());
  ScriptPlayer bad = player("expect-text Done\n");
  bad.step(g, 0);
  CHECK(bad.failed());
}

TEST_CASE("expect-narration checks the file the game last asked to play") {
  FakeGame g;
  ScriptPlayer none = player("expect-no-narration\n");
  none.step(g, 0);
  CHECK(none.finished());
  ScriptPlayer missing = player("expect-narration welcome.ogg\n");
  missing.step(g, 0);
  CHECK(missing.failed());
  CHECK(missing.failure().find("no narration was asked for") != std::string::npos);
  g.narration = "/packs/core/assets/narration/a1/welcome.ogg";
  ScriptPlayer ok = player("expect-narration a1/welcome.ogg\n");
  ok.step(g, 0);
  CHECK(ok.finished());
  ScriptPlayer other = player("expect-narration goodbye.ogg\n");
  other.step(g, 0);
  CHECK(other.failed());
  CHECK(other.failure().find("welcome.ogg") != std::string::npos);
  ScriptPlayer stillPlaying = player("expect-no-narration\n");
  stillPlaying.step(g, 0);
  CHECK(stillPlaying.failed());
}

TEST_CASE("keys, text, resize and screenshots each go to the game in turn") {
  FakeGame g;
  ScriptPlayer p = player("key Tab\ntext 1234\nresize 1920 1080\nscreenshot one\n");
  while (p.step(g, 0) >= 0) {
  }
  CHECK(p.finished());
  REQUIRE(g.done.size() == 4);
  CHECK(g.done[0] == "key 9");
  CHECK(g.done[1] == "type 1234");
  CHECK(g.done[2] == "resize 1920x1080");
  CHECK(g.done[3] == "shot shots/one.png");
}
