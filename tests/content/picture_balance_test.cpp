// Reception and KS1 pupils choose by picture. If one picture nearly always marks the
// right answer (a grown-up, say), a child can score by spotting it instead of thinking
// the question through. This counts, for every picture on a choice in an EYFS or KS1
// lesson of content/core (scenario choices and quiz options), how often it marks a
// right answer and how often a wrong one, and refuses a picture used 4 times or more
// that is never on a wrong answer, and one used 7 times or more that is never on a
// right answer (the other way to learn "this picture means wrong").
#include "content/pack_loader.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

using namespace sq;

namespace {

struct Marks {
  int right = 0;
  int wrong = 0;
};

// A picture used this often on right answers, and never on a wrong one, gives the
// answer away.
constexpr int kGiveawayUses = 4;

// A picture used this often on wrong answers, and never on a right one, gives the answer
// away too. A picture of the wrong act itself (a mean message, a finger on the lips) is
// wrong by nature, and the core pack uses each of those at most 6 times; a picture used
// more often than that is a setting (a child alone with a tablet), which must also appear
// where the child in it does the right thing.
constexpr int kAlwaysWrongUses = 7;

std::set<std::string> youngLessons(const Pack& pack) {
  std::set<std::string> ids;
  for (const Unit& u : pack.units) {
    if (u.band == Band::Eyfs || u.band == Band::Ks1) {
      for (const UnitLesson& l : u.lessons) {
        ids.insert(l.lesson);
      }
    }
  }
  return ids;
}

std::map<std::string, Marks> countMarks(const Pack& pack) {
  const std::set<std::string> young = youngLessons(pack);
  std::map<std::string, Marks> marks;
  auto mark = [&](const std::optional<Picture>& p, bool right) {
    if (p) {
      (right ? marks[p->src].right : marks[p->src].wrong) += 1;
    }
  };
  for (const Lesson& lesson : pack.lessons) {
    if (young.count(lesson.id) == 0) {
      continue;
    }
    for (const Step& step : lesson.steps) {
      if (const auto* sc = std::get_if<ScenarioActivity>(&step.activity)) {
        for (const ScenarioNode& node : sc->nodes) {
          for (const Choice& c : node.choices) {
            mark(c.picture, c.safe);
          }
        }
      } else if (const auto* quiz = std::get_if<QuizActivity>(&step.activity)) {
        for (const QuizItem& item : quiz->items) {
          for (const QuizOption& o : item.options) {
            mark(o.picture, o.correct);
          }
        }
      }
    }
  }
  return marks;
}

std::vector<std::string> giveaways(const std::map<std::string, Marks>& marks) {
  std::vector<std::string> found;
  for (const auto& [src, m] : marks) {
    if ((m.wrong == 0 && m.right >= kGiveawayUses) ||
        (m.right == 0 && m.wrong >= kAlwaysWrongUses)) {
      found.push_back(src);
    }
  }
  return found;
}

Picture pic(const std::string& src) {
  Picture p;
  p.src = src;
  return p;
}

Choice choice(const std::string& src, bool safe) {
  Choice c;
  c.safe = safe;
  c.picture = pic(src);
  return c;
}

} // namespace

TEST_CASE("the count finds a picture that is always right, in young lessons only") {
  Pack pack;
  Unit reception;
  reception.band = Band::Eyfs;
  reception.lessons.push_back({"young", true});
  Unit y3;
  y3.yearGroup = YearGroup::Y3;
  y3.band = Band::Lks2;
  y3.lessons.push_back({"older", true});
  pack.units = {reception, y3};

  ScenarioActivity story;
  ScenarioNode node;
  for (int i = 0; i < 3; ++i) {
    node.choices.push_back(choice("adult.png", true));
    node.choices.push_back(choice("bin.png", false));
  }
  story.nodes.push_back(node);
  QuizItem item;
  QuizOption right;
  right.correct = true;
  right.picture = pic("adult.png");
  QuizOption wrong;
  wrong.picture = pic("mixed.png");
  item.options = {right, wrong};
  QuizActivity quiz;
  quiz.items.push_back(item);

  Lesson young;
  young.id = "young";
  young.steps.push_back(Step{"s", {}, story});
  young.steps.push_back(Step{"q", {}, quiz});
  Lesson older = young;
  older.id = "older";
  // In Year 3 the same picture on a wrong answer does not count.
  older.steps[0].activity = ScenarioActivity{};
  std::get<ScenarioActivity>(older.steps[0].activity).nodes.push_back(ScenarioNode{});
  std::get<ScenarioActivity>(older.steps[0].activity).nodes[0].choices = {
      choice("adult.png", false)};
  pack.lessons = {young, older};

  const auto marks = countMarks(pack);
  CHECK(marks.at("adult.png").right == 4);
  CHECK(marks.at("adult.png").wrong == 0);
  CHECK(marks.at("bin.png").wrong == 3);
  CHECK(marks.at("mixed.png").wrong == 1);
  CHECK(giveaways(marks) == std::vector<std::string>{"adult.png"});

  // One wrong answer with the picture is enough to stop it being a giveaway.
  std::get<ScenarioActivity>(pack.lessons[0].steps[0].activity)
      .nodes[0]
      .choices.push_back(choice("adult.png", false));
  CHECK(giveaways(countMarks(pack)).empty());
}

TEST_CASE("the count finds a picture that is always wrong only when it is used often") {
  Pack pack;
  Unit y1;
  y1.band = Band::Ks1;
  y1.lessons.push_back({"young", true});
  pack.units = {y1};
  ScenarioActivity story;
  ScenarioNode node;
  for (int i = 0; i < kAlwaysWrongUses - 1; ++i) {
    node.choices.push_back(choice("sofa.png", false));
  }
  node.choices.push_back(choice("adult.png", true));
  node.choices.push_back(choice("adult.png", false));
  story.nodes.push_back(node);
  Lesson young;
  young.id = "young";
  young.steps.push_back(Step{"s", {}, story});
  pack.lessons = {young};
  // One use short of the limit: a wrong act may be pictured this often.
  CHECK(giveaways(countMarks(pack)).empty());

  auto& choices = std::get<ScenarioActivity>(pack.lessons[0].steps[0].activity).nodes[0].choices;
  choices.push_back(choice("sofa.png", false));
  CHECK(countMarks(pack).at("sofa.png").wrong == kAlwaysWrongUses);
  CHECK(giveaways(countMarks(pack)) == std::vector<std::string>{"sofa.png"});

  // Once it also marks a right answer it is fair again.
  choices.push_back(choice("sofa.png", true));
  CHECK(giveaways(countMarks(pack)).empty());
}

TEST_CASE("core: no picture in a Reception or KS1 choice gives the answer away") {
  const LoadResult r = loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(r.valid());
  const auto marks = countMarks(*r.pack);
  REQUIRE_FALSE(marks.empty());
  std::string table;
  for (const auto& [src, m] : marks) {
    table +=
        src + ": " + std::to_string(m.right) + " right, " + std::to_string(m.wrong) + " wrong\n";
  }
  INFO(table);
  CHECK(giveaways(marks).empty());
}
