// The cues for pupils who cannot read yet, and names that are never cut, headless:
// long, hyphenated and Welsh names drawn whole inside their tiles at every screen
// size, text size and font; the class emblem (the teacher's choice, else a stable
// default) on the class tile; the picture a pupil picks once, asked at their first
// sign-in and shown on their tile; home's big "done" tick and lesson titles drawn
// whole at the biggest text.
#include "render/image.hpp"
#include "render/picture.hpp"
#include "screen_rig.hpp"
#include "screens/avatar_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "text/layout.hpp"
#include "ui/controls.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace sq;
using namespace sq::test;

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";
const std::string kDerw = "c0000000-0000-4000-8000-000000000009";

Pupil pupil(int n, const std::string& first, const std::string& initial,
            const std::string& classId = k3B) {
  Pupil p;
  p.id = "b0000000-0000-4000-8000-0000000001" + std::string(n < 10 ? "0" : "") + std::to_string(n);
  p.firstName = first;
  p.initial = initial;
  p.classId = classId;
  p.yearGroup = YearGroup::Y3;
  return p;
}

// A class of long, hyphenated and Welsh names (an initial may be a short alias),
// two who share a name (their tiles get a mark), and some who picked a picture.
Roster longNames() {
  Roster r;
  r.classes = {{k3B, "3B"}, {kDerw, "Dosbarth Derw Llanfairpwllgwyngyll"}};
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Charlotte-Rose", "F"},
      {"Charlotte-Rose", "Fitzgerald-Hughes"},
      {"Llywelyn", "ap Gruffydd"},
      {"Siân", "Angharad"},
      {"Gruffudd", "ab Owain"},
      {"Angharad-Mererid", "W"},
      {"Amy", "J"},
      {"Amy", "J"},
      {"Bo", "L"},
      {"Maximilian-Alexander", "Z"},
      {"Rhiannon", "Ll"},
      {"Dafydd", "ap Llywelyn-Jones"},
  };
  int n = 0;
  for (const auto& [first, initial] : names) {
    r.pupils.push_back(pupil(n++, first, initial));
  }
  return r;
}

std::string_view familyName(FontFamily f) {
  return f == FontFamily::OpenDyslexic ? "opendyslexic" : "andika";
}

float widest(std::string_view text, const TextMetrics& m) {
  float w = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    w = std::max(w, measureText(text.substr(start, end - start), m));
    start = end + 1;
  }
  return w;
}

// Every tile's words fit its tile: the longest word across the room beside its
// picture, every line down it, and the tile on the screen.
void checkTilesHold(Rig& r, const SignInScreen& screen,
                    const std::map<std::string, std::string>& words,
                    const std::set<std::string>& withPicture) {
  const WidgetList widgets = r.host.stack.layout(r.ctx);
  const FontMetrics m = r.ctx.text.metrics(screen.tileFont());
  int tiles = 0;
  for (const Widget& w : widgets) {
    const auto it = words.find(w.id);
    if (it == words.end()) {
      continue;
    }
    ++tiles;
    CAPTURE(it->second);
    const Rect in = tileCardInner(r.ctx, w.rect);
    const bool picture = withPicture.count(w.id) != 0;
    const Rect room = screen.wordsBox(in, picture);
    CHECK(widest(it->second, m) <= room.w + 0.5f);
    const WrappedText wrapped = wrapText(it->second, room.w, m);
    CHECK_FALSE(wrapped.overflow);
    CHECK(static_cast<float>(wrapped.lines.size()) * m.lineHeight() <= room.h + 0.5f);
    // The words and the picture stay inside the tile, apart.
    CHECK(room.x >= in.x - 0.5f);
    CHECK(room.bottom() <= in.bottom() + 0.5f);
    if (picture) {
      const Rect pic = screen.pictureBox(in);
      CHECK(pic.w >= r.ctx.u(10) - 0.5f); // big enough to find
      CHECK(pic.right() <= in.right() + 0.5f);
      CHECK(pic.bottom() <= in.bottom() + 0.5f);
      CHECK((pic.right() <= room.x + 0.5f || pic.bottom() <= room.y + 0.5f));
    }
    CHECK(w.rect.x >= 0);
    CHECK(w.rect.y >= 0);
    CHECK(w.rect.right() <= static_cast<float>(r.ctx.viewport.width) + 0.5f);
    CHECK(w.rect.bottom() <= static_cast<float>(r.ctx.viewport.height) + 0.5f);
  }
  CHECK(tiles > 0);
  const std::string drawn = r.shown();
  const auto cut = drawn.find("\xE2\x80\xA6"); // "…": nothing cut
  CHECK_MESSAGE(
      cut == std::string::npos,
      drawn.substr(drawn.rfind('\n', cut) + 1, drawn.find('\n', cut) - drawn.rfind('\n', cut)));
}

void savePicture(Rig& r, const std::string& name) {
  const char* dir = std::getenv("SQ_SCREENSHOT_DIR");
  if (dir == nullptr) {
    return;
  }
  Headless hl(r.ctx.viewport.width, r.ctx.viewport.height);
  PictureCache pictures(*hl.renderer);
  UiContext c = uiContext(hl, r.ctx.theme, r.ctx.viewport, r.ctx.textScale);
  c.family = r.ctx.family;
  c.pictures = &pictures;
  hl.renderer->clear(c.theme.background);
  r.host.stack.layout(c);
  r.host.stack.draw(c);
  if (auto img = hl.renderer->readPixels()) {
    std::string error;
    savePng(*img, std::string(dir) + "/" + name + ".png", error);
  }
}

} // namespace

TEST_CASE("sign-in: long, hyphenated and Welsh names are drawn whole inside their tiles") {
  const Roster roster = longNames();
  for (const Size size : {Size{1024, 768}, Size{1280, 720}, Size{3840, 2160}}) {
    for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
      for (const FontFamily family : {FontFamily::Andika, FontFamily::OpenDyslexic}) {
        CAPTURE(size.width);
        CAPTURE(scale);
        CAPTURE(familyName(family));
        Rig r([&](FakeHost& h) {
          h.rosterData = roster;
          h.avatars[roster.pupils[0].id] = "owl";
          h.avatars[roster.pupils[2].id] = "fox";
          return makeSignInScreen(h);
        });
        r.ctx.viewport = size;
        r.ctx.textScale = scale;
        r.ctx.family = family;
        auto& screen = static_cast<SignInScreen&>(*r.host.stack.top());

        // The class tiles, each with its emblem beside the name.
        std::map<std::string, std::string> classWords;
        std::set<std::string> classPictures;
        for (const SchoolClass& c : roster.classes) {
          classWords["class:" + c.name] = c.name;
          classPictures.insert("class:" + c.name);
        }
        classWords["guest"] = r.ctx.tr("sign-in.guest");
        checkTilesHold(r, screen, classWords, classPictures);
        for (const auto& [id, word] : classWords) {
          CHECK_MESSAGE(r.has(id), word); // classes are not paged: every one is shown
        }
        if (size.width == 1024 && scale == 2.0f && family == FontFamily::OpenDyslexic) {
          savePicture(r, "sign-in-classes-1024x768-text-200-opendyslexic");
        }

        // Every page of names.
        r.press("class:3B");
        std::map<std::string, std::string> words;
        std::set<std::string> pictures;
        for (const Pupil& p : roster.pupils) {
          words["pupil:" + p.id] = p.shortName();
        }
        // The two Amy J have marks; Charlotte-Rose F and Llywelyn picked pictures.
        for (int i : {0, 2, 6, 7}) {
          pictures.insert("pupil:" + roster.pupils[static_cast<std::size_t>(i)].id);
        }
        std::set<std::string> seen;
        for (int page = 0; page < 20; ++page) {
          checkTilesHold(r, screen, words, pictures);
          for (const Widget& w : r.host.stack.layout(r.ctx)) {
            if (words.count(w.id) != 0) {
              seen.insert(w.id);
            }
          }
          if (size.width == 1024 && scale == 2.0f && page == 0) {
            savePicture(r, "sign-in-names-1024x768-text-200-" + std::string(familyName(family)));
          }
          if (!r.has("next")) {
            break;
          }
          r.press("next");
        }
        CHECK(seen.size() == roster.pupils.size()); // every name on some page
        // Room is given before the words are made smaller: at the usual text size the
        // names keep it; bigger, fewer a page (down to two) before they are made
        // smaller, and never much smaller.
        const auto pupilSize = static_cast<float>(r.ctx.font(text_size::kHeading).pixelSize);
        if (scale == 1.0f) {
          CHECK(static_cast<float>(screen.tileFont().pixelSize) == pupilSize);
        }
        CHECK(static_cast<float>(screen.tileFont().pixelSize) >= pupilSize * 0.6f);
      }
    }
  }
}

TEST_CASE("sign-in: each class shows its emblem; the default is stable, the teacher's choice "
          "shown") {
  Roster roster = longNames();
  const auto defaults = classEmblems(roster.classes);
  // Stable: the same classes give the same emblems, on any PC, any day.
  CHECK(classEmblems(roster.classes).at(k3B).id() == defaults.at(k3B).id());
  CHECK(defaults.at(k3B).picture != defaults.at(kDerw).picture);

  roster.classes[0].emblem = "rocket/green";
  Rig r([&](FakeHost& h) {
    h.rosterData = roster;
    return makeSignInScreen(h);
  });
  auto& screen = static_cast<SignInScreen&>(*r.host.stack.top());
  const WidgetList widgets = r.host.stack.layout(r.ctx);
  const Widget* tile = findWidget(widgets, "class:3B");
  REQUIRE(tile != nullptr);
  Renderer& renderer = *headless().renderer;
  renderer.clear(r.ctx.theme.background);
  PictureCache pictures(renderer);
  UiContext c = r.ctx;
  c.pictures = &pictures;
  r.host.stack.draw(c);
  const auto image = renderer.readPixels();
  REQUIRE(image);
  // The disc in the teacher's green, with the white rocket on it.
  const Rect disc = screen.pictureBox(tileCardInner(r.ctx, tile->rect));
  const int cy = static_cast<int>(disc.y + disc.h / 2);
  const Colour rim = image->at(static_cast<int>(disc.x + disc.w * 0.06f), cy);
  CHECK(colourDistance(rim, Colour{64, 160, 92, 255}) < 40);
  int white = 0;
  for (int x = static_cast<int>(disc.x); x < static_cast<int>(disc.right()); ++x) {
    white += colourDistance(image->at(x, cy), Colour{255, 255, 255, 255}) < 40 ? 1 : 0;
  }
  CHECK(white > 3); // the rocket's body, across the middle of the disc
  // Dosbarth Derw has its default, on its own colour.
  const Widget* derw = findWidget(widgets, "class:" + roster.classes[1].name);
  REQUIRE(derw != nullptr);
  const Rect disc2 = screen.pictureBox(tileCardInner(r.ctx, derw->rect));
  const Colour rim2 = image->at(static_cast<int>(disc2.x + disc2.w * 0.06f),
                                static_cast<int>(disc2.y + disc2.h / 2));
  CHECK(colourDistance(rim2, r.ctx.theme.surface) > 40); // a disc is there
  if (const char* dir = std::getenv("SQ_SCREENSHOT_DIR")) {
    std::string error;
    savePng(*image, std::string(dir) + "/sign-in-emblems-1280x720.png", error);
  }
}

TEST_CASE("sign-in: the picture chosen at the first sign-in is remembered and shown on the tile") {
  Rig r([](FakeHost& h) {
    h.rosterData = longNames();
    return makeSignInScreen(h);
  });
  const Pupil& llew = r.host.rosterData.pupils[8]; // Bo L: on the first page
  r.press("class:3B");
  r.press("pupil:" + llew.id);
  REQUIRE(r.host.session().pupilId == llew.id);
  // Asked once, at the first sign-in.
  r.host.resetTo(makeArrivalScreen(r.host, r.host));
  r.host.apply();
  REQUIRE(r.screen() == "avatar");
  r.press("avatar:fox");
  r.host.apply();
  CHECK(r.host.settings.avatar == "fox");
  CHECK(r.screen() == "home");
  // Not asked again.
  CHECK(makeArrivalScreen(r.host, r.host)->id() == "home");
  // Changed from home, the choice marked.
  r.press("avatar");
  r.host.apply();
  REQUIRE(r.screen() == "avatar");
  CHECK(findWidget(r.host.stack.layout(r.ctx), "avatar:fox")->selected);
  r.press("avatar:owl");
  r.host.apply();
  CHECK(r.screen() == "home");
  CHECK(r.host.settings.avatar == "owl");

  // Kept by id (the host's avatarOf); the name tile shows it next time.
  r.host.avatars[llew.id] = r.host.settings.avatar;
  r.host.signOut();
  auto signIn = std::make_unique<SignInScreen>(SignInModel::fromHost(r.host));
  CHECK(SignInModel::fromHost(r.host).avatars.at(llew.id) == "owl");
  signIn->showNames(k3B);
  r.host.resetTo(std::move(signIn));
  r.host.apply();
  const WidgetList widgets = r.host.stack.layout(r.ctx);
  const Widget* tile = findWidget(widgets, "pupil:" + llew.id);
  REQUIRE(tile != nullptr);
  Renderer& renderer = *headless().renderer;
  renderer.clear(r.ctx.theme.background);
  PictureCache pictures(renderer);
  UiContext c = r.ctx;
  c.pictures = &pictures;
  r.host.stack.draw(c);
  const auto image = renderer.readPixels();
  REQUIRE(image);
  // The owl's purple in the tile's picture, not the plain card.
  const auto& names = static_cast<SignInScreen&>(*r.host.stack.top());
  const Rect pic = names.pictureBox(tileCardInner(r.ctx, tile->rect));
  int purple = 0;
  for (int y = static_cast<int>(pic.y); y < static_cast<int>(pic.bottom()); ++y) {
    for (int x = static_cast<int>(pic.x); x < static_cast<int>(pic.right()); ++x) {
      purple += colourDistance(image->at(x, y), Colour{156, 128, 204, 255}) < 30 ? 1 : 0;
    }
  }
  CHECK(purple > 200);
  // "No picture" is an answer too: asked once.
  r.host.settings.avatar.clear();
  r.host.signIn(llew);
  r.host.resetTo(makeArrivalScreen(r.host, r.host));
  r.host.apply();
  r.press("none");
  r.host.apply();
  CHECK(r.screen() == "home");
  CHECK(r.host.settings.avatar == "none");
  CHECK(makeArrivalScreen(r.host, r.host)->id() == "home");
}

TEST_CASE("home: a lesson done is a big tick; titles are drawn whole at the biggest text") {
  for (const Size size : {Size{1024, 768}, Size{1280, 720}, Size{3840, 2160}}) {
    for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
      for (const FontFamily family : {FontFamily::Andika, FontFamily::OpenDyslexic}) {
        for (const YearGroup year : {YearGroup::Reception, YearGroup::Y1, YearGroup::Y2,
                                     YearGroup::Y3, YearGroup::Y4, YearGroup::Y5, YearGroup::Y6}) {
          CAPTURE(size.width);
          CAPTURE(scale);
          CAPTURE(familyName(family));
          CAPTURE(yearGroupId(year));
          Rig r([&](FakeHost& h) {
            Pupil p = *h.rosterData.findPupil(kSian);
            p.yearGroup = year;
            h.signIn(p);
            h.settings.avatar = "cat";
            return makeHomeScreen(h);
          });
          r.ctx.viewport = size;
          r.ctx.textScale = scale;
          r.ctx.family = family;
          const auto& home = static_cast<HomeScreen&>(*r.host.stack.top());
          REQUIRE(!home.model().units.empty());
          const std::string drawn = r.shown();
          const auto cut = drawn.find("\xE2\x80\xA6"); // "…": nothing cut
          CHECK_MESSAGE(cut == std::string::npos,
                        drawn.substr(drawn.rfind('\n', cut) + 1,
                                     drawn.find('\n', cut) - drawn.rfind('\n', cut)));
          for (const HomeLesson& l :
               home.model().units[static_cast<std::size_t>(home.model().selected)].lessons) {
            CHECK_MESSAGE(drawn.find(l.title) != std::string::npos, l.title);
          }
          if (size.width == 1024 && scale == 2.0f && year == YearGroup::Reception) {
            savePicture(r, "home-1024x768-text-200-" + std::string(familyName(family)));
          }
        }
      }
    }
  }
}

TEST_CASE("home: a lesson done shows the big tick, not a chip") {
  Rig r([](FakeHost& h) {
    h.signIn(*h.rosterData.findPupil(kSian));
    h.events.push_back(lessonEvent(EventKind::LessonCompleted, kSian, "y3-smart-explorers",
                                   "2026-10-02T10:00:00Z"));
    return makeHomeScreen(h);
  });
  const WidgetList widgets = r.host.stack.layout(r.ctx);
  const Widget* done = findWidget(widgets, "lesson:y3-smart-explorers");
  const Widget* fresh = findWidget(widgets, "lesson:y3-passwords-and-promises");
  REQUIRE(done != nullptr);
  REQUIRE(fresh != nullptr);
  Renderer& renderer = *headless().renderer;
  renderer.clear(r.ctx.theme.background);
  UiContext c = r.ctx;
  r.host.stack.draw(c);
  const auto image = renderer.readPixels();
  REQUIRE(image);
  // The tick's green fills a big circle at the top right of the done tile only.
  const auto green = [&](const Rect& tile) {
    const Rect in = tileCardInner(r.ctx, tile);
    int n = 0;
    for (int y = static_cast<int>(in.y); y < static_cast<int>(in.y + in.w * 0.34f); ++y) {
      for (int x = static_cast<int>(in.right() - in.w * 0.34f); x < static_cast<int>(in.right());
           ++x) {
        n += colourDistance(image->at(x, y), r.ctx.theme.readyAccent) < 20 ? 1 : 0;
      }
    }
    return n;
  };
  const float side = tileCardInner(r.ctx, done->rect).w * 0.34f;
  CHECK(static_cast<float>(green(done->rect)) > side * side * 0.4f);
  CHECK(green(fresh->rect) < 20);
  CHECK(r.shown().find(r.ctx.tr("home.done")) != std::string::npos); // the word, for readers
}
