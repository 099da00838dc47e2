// Pupils one class shows by one name: the marks that tell them apart
// (screens/name_marks) and the sign-in name grid drawing them, headless.
#include "render/image.hpp"
#include "render/picture.hpp"
#include "screen_rig.hpp"
#include "screens/name_marks.hpp"
#include "screens/sign_in_screen.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <set>

using namespace sq;
using namespace sq::test;

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";
const std::string kBen = "b0000000-0000-4000-8000-000000000100";

Pupil pupil(const std::string& id, const std::string& first, const std::string& initial,
            const std::string& classId = k3B) {
  Pupil p;
  p.id = id;
  p.firstName = first;
  p.initial = initial;
  p.classId = classId;
  p.yearGroup = YearGroup::Y3;
  return p;
}

std::string amyId(int i) {
  return "b0000000-0000-4000-8000-00000000000" + std::to_string(i);
}

// 3B holds Ben and three Amys: shown as "Amy J" each, or as "Amy J", "Amy K" and
// "Amy L".
Roster classOfAmys(bool alike) {
  Roster r;
  r.classes = {{k3B, "3B"}};
  for (int i = 1; i <= 3; ++i) {
    r.pupils.push_back(pupil(amyId(i), "Amy", alike ? "J" : std::string(1, char('I' + i))));
  }
  r.pupils.push_back(pupil(kBen, "Ben", "T"));
  return r;
}

// The sign-in name grid for 3B, drawn; the widgets and the pixels.
struct DrawnGrid {
  WidgetList widgets;
  Image image;
};

DrawnGrid drawNames(const Roster& roster, const std::string& shotName) {
  Rig r([&](FakeHost& h) {
    h.rosterData = roster;
    return makeSignInScreen(h);
  });
  r.press("class:3B");
  DrawnGrid out;
  out.widgets = r.host.stack.layout(r.ctx);
  Renderer& renderer = *headless().renderer;
  renderer.clear(r.ctx.theme.background);
  // The real pictures, as the game draws them (the rig's context has none).
  PictureCache pictures(renderer);
  UiContext c = r.ctx;
  c.pictures = &pictures;
  r.host.stack.draw(c);
  auto image = renderer.readPixels();
  REQUIRE(image);
  out.image = std::move(*image);
  if (const char* dir = std::getenv("SQ_SCREENSHOT_DIR")) {
    std::string error;
    savePng(out.image, std::string(dir) + "/" + shotName + ".png", error);
  }
  return out;
}

const Widget& widget(const DrawnGrid& g, const std::string& id) {
  const Widget* w = findWidget(g.widgets, id);
  REQUIRE_MESSAGE(w != nullptr, id);
  return *w;
}

// The pixels of one tile, row by row.
std::vector<Colour> tilePixels(const DrawnGrid& g, const std::string& id) {
  const Rect r = widget(g, id).rect;
  std::vector<Colour> px;
  for (int y = static_cast<int>(r.y); y < static_cast<int>(r.bottom()); ++y) {
    for (int x = static_cast<int>(r.x); x < static_cast<int>(r.x + r.w); ++x) {
      px.push_back(g.image.at(x, y));
    }
  }
  return px;
}

std::size_t pixelsDiffering(const std::vector<Colour>& a, const std::vector<Colour>& b) {
  REQUIRE(a.size() == b.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    n += (a[i].r != b[i].r || a[i].g != b[i].g || a[i].b != b[i].b) ? 1 : 0;
  }
  return n;
}

} // namespace

TEST_CASE("name marks: only clashing names get one, each its own, stable whatever the order") {
  Roster r = classOfAmys(true);
  r.pupils.push_back(pupil("b0000000-0000-4000-8000-000000000200", "AMY", "j", "other-class"));
  auto marks = nameMarks(r.pupils);
  REQUIRE(marks.size() == 3); // the Amy J of another class has a name of her own there
  CHECK(marks.count(kBen) == 0);
  std::set<int> pictures;
  std::set<std::size_t> tints;
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(marks.count(amyId(i)) == 1);
    pictures.insert(marks[amyId(i)].picture);
    tints.insert(marks[amyId(i)].tint);
  }
  CHECK(pictures.size() == 3);
  CHECK(tints.size() == 3);
  // The order the class list comes in changes nothing, and case does not hide a
  // clash: "AMY j" is shown like "Amy J".
  std::vector<Pupil> shuffled(r.pupils.rbegin(), r.pupils.rend());
  const auto again = nameMarks(shuffled);
  REQUIRE(again.size() == 3);
  for (const auto& [id, mark] : marks) {
    CHECK(again.at(id).picture == mark.picture);
    CHECK(again.at(id).tint == mark.tint);
  }
  r.pupils[0].firstName = "AMY";
  r.pupils[0].initial = "j";
  CHECK(nameMarks(r.pupils).size() == 3);
  r.pupils[0].initial = "K"; // now only two are alike
  CHECK(nameMarks(r.pupils).size() == 2);
}

TEST_CASE("name marks: six alike have six pictures; a seventh repeats one on another colour") {
  std::vector<Pupil> pupils;
  for (int i = 0; i < 7; ++i) {
    pupils.push_back(
        pupil("b0000000-0000-4000-8000-0000000003" + std::to_string(10 + i), "Amy", "J"));
  }
  std::vector<Pupil> firstSix(pupils.begin(), pupils.begin() + 6);
  std::set<int> pictures;
  for (const auto& [id, mark] : nameMarks(firstSix)) {
    pictures.insert(mark.picture);
    CHECK(mark.picture >= 1);
    CHECK(mark.picture <= 6);
  }
  CHECK(pictures.size() == 6);
  std::set<std::pair<int, std::size_t>> looks;
  for (const auto& [id, mark] : nameMarks(pupils)) {
    looks.insert({mark.picture, mark.tint});
  }
  CHECK(looks.size() == 7);
}

TEST_CASE("sign-in: three pupils shown as Amy J have tiles that look and read differently") {
  const DrawnGrid alike = drawNames(classOfAmys(true), "sign-in-names-alike");
  const DrawnGrid distinct = drawNames(classOfAmys(false), "sign-in-names-distinct");

  // Each says which one it is, aloud and to a screen reader.
  std::set<std::string> labels;
  for (int i = 1; i <= 3; ++i) {
    const std::string label = widget(alike, "pupil:" + amyId(i)).label;
    CHECK(label.rfind("Amy J, the one with the ", 0) == 0);
    labels.insert(label);
  }
  CHECK(labels.size() == 3);
  // Pairwise, the three tiles are drawn differently: a picture and a colour each
  // (their size and the words on them are the same).
  for (int i = 1; i <= 3; ++i) {
    for (int j = i + 1; j <= 3; ++j) {
      CAPTURE(i);
      CAPTURE(j);
      const auto a = tilePixels(alike, "pupil:" + amyId(i));
      const auto b = tilePixels(alike, "pupil:" + amyId(j));
      CHECK(pixelsDiffering(a, b) > a.size() / 4);
    }
  }
  // Pupils with names of their own keep plain tiles, exactly as before.
  CHECK(widget(alike, "pupil:" + kBen).label == "Ben T");
  CHECK(widget(distinct, "pupil:" + amyId(2)).label == "Amy K");
  CHECK(pixelsDiffering(tilePixels(alike, "pupil:" + kBen),
                        tilePixels(distinct, "pupil:" + kBen)) == 0);
}
