// The hall's screen as the room sees it, at 1920x1080 and 3840x2160: every stop of
// every core assembly (slides, questions, reveals with counts, the recap), the
// record screen and the list are drawn, and
//   - no text is cut ("…") or leaves the room it was given or the screen;
//   - the body text's x-height, measured on the drawn frame, is at least 3% of the
//     screen's height: each line of the slide's words, a question's choices and a
//     reveal's explanation is cut out of the frame by where the text log says it
//     went, and the x-height is the band of rows most of its letters have ink in
//     (an ascender or a descender reaches above or below it in a few letters only);
//   - the position, "3 / 14", is drawn on every stop, its figures at least 3% of
//     the screen's height, so it reads on a picture scaled to a quarter.
#include "headless.hpp"
#include "screens/assembly/assembly_pick_screen.hpp"
#include "screens/assembly/assembly_record_screen.hpp"
#include "screens/assembly/assembly_screen.hpp"
#include "ui_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::test;

namespace {

struct Frame {
  std::vector<DrawnText> texts;
  std::optional<Image> image;
};

Frame drawTop(Headless& h, FakeHost& host, const Size& size, bool pixels) {
  UiContext ctx = uiContext(h, standardTheme(), size);
  Frame f;
  h.text->setDrawLog(&f.texts);
  h.text->setLayoutOnly(!pixels);
  h.renderer->clear(standardTheme().background);
  host.stack.layout(ctx);
  host.stack.draw(ctx);
  h.renderer->flush();
  h.text->setDrawLog(nullptr);
  h.text->setLayoutOnly(false);
  if (pixels) {
    f.image = h.renderer->readPixels();
  }
  return f;
}

// Every way a text can be cut, as messages ("" : none).
std::vector<std::string> cuts(const Frame& f, const Size& size) {
  std::vector<std::string> out;
  // A glyph's ink may lean a little past its pen: a pixel or two at 1080 lines.
  const float tol = static_cast<float>(size.height) / 400.0f;
  for (const DrawnText& d : f.texts) {
    if (d.ellipsised || d.text.find("\xE2\x80\xA6") != std::string::npos) {
      out.push_back("cut with an ellipsis: " + d.text);
    }
    for (const Rect& l : d.lines) {
      if (l.w <= 0) {
        continue;
      }
      if (l.x < -tol || l.y < -tol || l.right() > static_cast<float>(size.width) + tol ||
          l.bottom() > static_cast<float>(size.height) + tol) {
        out.push_back("off the screen: " + d.text);
      }
      if (d.boxGiven && (l.x < d.box.x - tol || l.right() > d.box.right() + tol ||
                         l.y < d.box.y - tol || l.bottom() > d.box.bottom() + tol)) {
        out.push_back("out of its room: " + d.text);
      }
    }
  }
  return out;
}

// The x-height of one drawn line, in pixels, from the frame's pixels.
int xHeightOf(const Image& img, const Rect& line) {
  const int x0 = std::max(0, static_cast<int>(line.x));
  const int x1 = std::min(img.width, static_cast<int>(std::ceil(line.right())));
  const int y0 = std::max(0, static_cast<int>(line.y));
  const int y1 = std::min(img.height, static_cast<int>(std::ceil(line.bottom())));
  if (x1 <= x0 || y1 <= y0) {
    return 0;
  }
  // The background is the commonest colour in the line's box; ink is far from it.
  std::map<std::uint32_t, int> seen;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const Colour c = img.at(x, y);
      ++seen[static_cast<std::uint32_t>(c.r) << 16 | static_cast<std::uint32_t>(c.g) << 8 | c.b];
    }
  }
  const auto bgIt = std::max_element(
      seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  const Colour bg = rgb(bgIt->first);
  std::vector<int> rows;
  for (int y = y0; y < y1; ++y) {
    int n = 0;
    for (int x = x0; x < x1; ++x) {
      n += colourDistance(img.at(x, y), bg) > 200 ? 1 : 0;
    }
    rows.push_back(n);
  }
  const auto peak = std::max_element(rows.begin(), rows.end());
  const int threshold = std::max(1, *peak / 4);
  auto top = peak;
  while (top != rows.begin() && *(top - 1) >= threshold) {
    --top;
  }
  auto bottom = peak;
  while (bottom + 1 != rows.end() && *(bottom + 1) >= threshold) {
    ++bottom;
  }
  return static_cast<int>(bottom - top) + 1;
}

// The height of the ink of the text drawn as `wanted` (its first line), in pixels:
// from the first row with ink to the last. 0 when it was not drawn.
int inkHeight(const Frame& f, const std::string& wanted) {
  for (const DrawnText& d : f.texts) {
    if (d.text != wanted || d.lines.empty()) {
      continue;
    }
    const Rect& line = d.lines.front();
    const Image& img = *f.image;
    const int x0 = std::max(0, static_cast<int>(line.x));
    const int x1 = std::min(img.width, static_cast<int>(std::ceil(line.right())));
    const int y0 = std::max(0, static_cast<int>(line.y));
    const int y1 = std::min(img.height, static_cast<int>(std::ceil(line.bottom())));
    if (x1 <= x0 || y1 <= y0) {
      return 0;
    }
    const Colour bg = img.at(x0, y0); // the box's corner is background
    int top = -1;
    int bottom = -1;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (colourDistance(img.at(x, y), bg) > 200) {
          top = top < 0 ? y : top;
          bottom = y;
          break;
        }
      }
    }
    return top < 0 ? 0 : bottom - top + 1;
  }
  return 0;
}

// The x-heights of every line of the texts drawn that are `wanted` words.
std::vector<int> xHeights(const Frame& f, const std::vector<std::string>& wanted) {
  std::vector<int> out;
  for (const DrawnText& d : f.texts) {
    if (std::find(wanted.begin(), wanted.end(), d.text) == wanted.end()) {
      continue;
    }
    for (const Rect& l : d.lines) {
      // Lines of a few letters say little about the x-height: skip them.
      if (l.w > l.h * 3) {
        out.push_back(xHeightOf(*f.image, l));
      }
    }
  }
  return out;
}

// The body words of the stop on screen.
std::vector<std::string> bodyWords(const AssemblyRun& run, const Strings& words) {
  std::vector<std::string> out;
  switch (run.current().kind) {
  case AssemblyStop::Kind::Slide:
    out.push_back(run.step().text.get());
    break;
  case AssemblyStop::Kind::Question:
    out.push_back(run.step().text.get());
    for (const VoteOption& o : run.step().options) {
      out.push_back(o.text.get());
    }
    break;
  case AssemblyStop::Kind::Reveal:
    for (const VoteOption& o : run.step().options) {
      out.push_back(o.text.get());
    }
    break;
  case AssemblyStop::Kind::Explain:
    if (run.step().explanation) {
      out.push_back(run.step().explanation->get());
    }
    break;
  case AssemblyStop::Kind::Recap:
    for (char c : run.recapLetters(run.current().page)) {
      const std::string l(1, static_cast<char>(std::tolower(c)));
      out.push_back(words.tr("smart.name." + l) + ": " + words.tr("smart.meaning." + l));
    }
    break;
  }
  return out;
}

void checkSize(int width, int height) {
  Headless h(width, height);
  const Size size{width, height};
  std::vector<int> all;
  std::vector<int> positions;
  for (const AssemblyShow& base : assembliesIn(coreCatalog())) {
    FakeHost host;
    host.rosterData.staff = {{"s1", "Mrs Angharad Llewellyn-Jones"}, {"s2", "Mr Price"}};
    AssemblyShow s = base;
    s.leave = [](UiHost& hh) { hh.nav().quit(); };
    host.stack.push(makeAssemblyScreen(s));
    auto* screen = dynamic_cast<AssemblyScreen*>(host.stack.top());
    REQUIRE(screen != nullptr);
    for (std::size_t stop = 0; stop < screen->run().stops().size(); ++stop) {
      const AssemblyRun& run = screen->run();
      if (run.current().kind == AssemblyStop::Kind::Question) {
        // Counts as a hall gives them: the largest three digits wide.
        host.stack.handle(KeyDown{Key::Num1, {}, false}, uiContext(h, standardTheme(), size), host,
                          0);
        for (std::size_t i = 0; i < run.choiceCount(); ++i) {
          host.stack.press("choice:" + std::to_string(i + 1), host, 0);
        }
        for (Key k : {Key::Num2, Key::Num3, Key::Num4}) {
          host.stack.handle(KeyDown{k, {}, false}, uiContext(h, standardTheme(), size), host, 0);
        }
      }
      const std::string where = s.assembly->id + " stop " + std::to_string(stop);
      // Pixels for the first stop of each kind in each assembly; the log for all.
      const Frame f = drawTop(h, host, size, true);
      for (const std::string& c : cuts(f, size)) {
        FAIL_CHECK(where << ": " << c);
      }
      const std::vector<int> xs = xHeights(f, bodyWords(run, host.strings()));
      CHECK_MESSAGE(!xs.empty(), where << ": no body text found");
      for (int x : xs) {
        CHECK_MESSAGE(x >= static_cast<int>(std::ceil(0.03 * height)),
                      where << ": x-height " << x << " px at " << height);
        all.push_back(x);
      }
      // Where the show is, "3 / 14", read from the back of the hall: its figures at
      // least 3% of the screen's height (8 px on a quarter-size picture of 1080 lines).
      const std::string position =
          std::to_string(stop + 1) + " / " + std::to_string(run.stops().size());
      const int figures = inkHeight(f, position);
      CHECK_MESSAGE(figures >= static_cast<int>(std::ceil(0.03 * height)),
                    where << ": \"" << position << "\" is " << figures << " px tall");
      positions.push_back(figures);
      host.stack.handle(KeyDown{Key::PageDown, {}, false}, uiContext(h, standardTheme(), size),
                        host, 0);
      host.stack.applyRequests(host, 0);
    }
    // After the recap: the record screen.
    REQUIRE(host.stack.topId() == "assembly-record");
    for (const std::string& c : cuts(drawTop(h, host, size, false), size)) {
      FAIL_CHECK(s.assembly->id << " record screen: " << c);
    }
    // Saved: "Saved: " with the whole title and its year groups, none of it cut.
    host.stack.press("presenter:1", host, 0);
    drawTop(h, host, size, false); // laid out again: Save is enabled once a presenter is chosen
    host.stack.press("save", host, 0);
    host.stack.applyRequests(host, 0);
    const Frame saved = drawTop(h, host, size, false);
    bool said = false;
    for (const auto& d : saved.texts) {
      said = said || d.text.rfind("Saved: ", 0) == 0;
    }
    CHECK_MESSAGE(said, s.assembly->id << ": no \"Saved\" line");
    for (const std::string& c : cuts(saved, size)) {
      FAIL_CHECK(s.assembly->id << " record screen, saved: " << c);
    }
  }
  REQUIRE_FALSE(all.empty());
  std::sort(all.begin(), all.end());
  MESSAGE(width << "x" << height << ": body x-height " << all.front() << " to " << all.back()
                << " px over " << all.size() << " lines (3% is " << std::ceil(0.03 * height)
                << " px)");
  REQUIRE_FALSE(positions.empty());
  std::sort(positions.begin(), positions.end());
  MESSAGE("the position's figures " << positions.front() << " to " << positions.back() << " px");
  FakeHost host;
  host.stack.push(makeAssemblyPickScreen(host, [](UiHost& hh) { hh.nav().quit(); }));
  for (const std::string& c : cuts(drawTop(h, host, size, false), size)) {
    FAIL_CHECK("pick screen: " << c);
  }
}

} // namespace

TEST_CASE("assembly: nothing cut and the body's x-height at least 3% at 1920x1080") {
  checkSize(1920, 1080);
}

TEST_CASE("assembly: nothing cut and the body's x-height at least 3% at 3840x2160") {
  checkSize(3840, 2160);
}
