// Sections:
//   1. names and readers: the ids each list accepts, enum lists, tags, lists of objects
//   2. activities: each kind of step, quiz items, steps
//   3. values: language tags and versions
//   4. documents: the manifest, lessons, the AUP, assemblies
#include "content/pack_parser.hpp"

#include "content/pack_validator.hpp"
#include "content/tag_vocabulary.hpp"

#include <regex>

namespace sq::detail {

namespace {

// ---- names and readers --------------------------------------------------------------

const std::vector<std::string_view> kYearGroupIds = {"reception", "y1", "y2", "y3",
                                                     "y4",        "y5", "y6"};
const std::vector<std::string_view> kBandIds = {"eyfs", "ks1", "lks2", "uks2"};
const std::vector<std::string_view> kPhaseIds = {"eyfs", "ks1", "ks2"};
// The tag vocabularies live in tag_vocabulary, which the coverage report shares.
const std::vector<std::string_view>& kEfcw = efcwStrandIds();
const std::vector<std::string_view>& kDcf = dcfElementIds();
const std::vector<std::string_view>& kSmart = smartLetterIds();
const std::vector<std::string_view>& kTopics = topicIds();
const std::vector<std::string_view> kStepKinds = {"slides", "scenario", "quiz", "butterfly", "aup"};
const std::vector<std::string_view> kQuizTypes = {"single", "multiple", "truefalse", "sort",
                                                  "order"};
const std::vector<std::string_view> kFeelings = {"happy", "ok", "butterflies", "scared", "sad"};
const std::vector<std::string_view> kAdults = {"teacher", "parent", "other"};
const std::vector<std::string_view> kAssemblyKinds = {"slide", "vote"};

template <typename E> E indexOf(const std::vector<std::string_view>& names, std::string_view s) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  return static_cast<E>(0);
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string listOf(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto n : names) {
    out += out.empty() ? "" : ", ";
    out += n;
  }
  return out;
}

// A list of strings from a fixed vocabulary, e.g. tags or feelings.
std::vector<std::string> readEnumList(ObjectReader& r, std::string_view key, Need need,
                                      std::size_t minItems,
                                      const std::vector<std::string_view>& allowed) {
  std::vector<std::string> out;
  r.array(key, need, minItems, kUnbounded, [&](const Json& e, const JsonPointer& p, std::size_t) {
    auto s = readString(r.ctx(), e, p);
    if (!s) {
      return;
    }
    if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
      r.ctx().report(Code::SchemaEnum, p,
                     quoted(*s) + " is not allowed here; use one of: " + listOf(allowed));
      return;
    }
    if (std::find(out.begin(), out.end(), *s) != out.end()) {
      r.ctx().report(Code::IdDuplicate, p, quoted(*s) + " is listed twice");
      return;
    }
    out.emplace_back(*s);
  });
  return out;
}

Tags readTags(ObjectReader& parent) {
  Tags tags;
  const Json* j = parent.value("tags", Need::Optional, Want::Object);
  if (j == nullptr) {
    return tags;
  }
  ObjectReader r(parent.ctx(), *j, parent.at("tags"), "tags");
  tags.efcw = readEnumList(r, "efcw", Need::Optional, 0, kEfcw);
  tags.dcf = readEnumList(r, "dcf", Need::Optional, 0, kDcf);
  for (const auto& s : readEnumList(r, "smart", Need::Optional, 0, kSmart)) {
    tags.smart.push_back(s.front());
  }
  tags.topics = readEnumList(r, "topics", Need::Optional, 0, kTopics);
  return tags;
}

template <typename Fn>
void readObjects(ObjectReader& parent, std::string_view key, Need need, std::size_t minItems,
                 std::size_t maxItems, std::string_view what, Fn&& each) {
  parent.array(key, need, minItems, maxItems,
               [&](const Json& e, const JsonPointer& p, std::size_t i) {
                 ObjectReader r(parent.ctx(), e, p, what);
                 if (r.isObject()) {
                   each(r, i);
                 }
               });
}

// ---- activities ---------------------------------------------------------------------

SlidesActivity readSlides(ObjectReader& step) {
  SlidesActivity a;
  IdSet ids("slide");
  readObjects(step, "slides", Need::Required, 1, kUnbounded, "a slide",
              [&](ObjectReader& r, std::size_t) {
                Slide s;
                if (auto id = r.id("id", Need::Required)) {
                  ids.check(r.ctx(), *id, r.at("id"));
                  s.id = *id;
                }
                s.text = r.text("text", Need::Required).value_or(Text{});
                s.picture = r.picture("picture", Need::Optional);
                s.narration = r.narration("narration");
                a.slides.push_back(std::move(s));
              });
  return a;
}

ScenarioActivity readScenario(ObjectReader& step) {
  ScenarioActivity a;
  a.start = step.id("start", Need::Required).value_or("");
  IdSet nodeIds("node in this scenario");
  const std::size_t maxNodes = step.ctx().limits.maxScenarioNodes;
  readObjects(step, "nodes", Need::Required, 1, maxNodes, "a scenario node",
              [&](ObjectReader& r, std::size_t) {
                ScenarioNode n;
                if (auto id = r.id("id", Need::Required)) {
                  nodeIds.check(r.ctx(), *id, r.at("id"));
                  n.id = *id;
                }
                n.text = r.text("text", Need::Required).value_or(Text{});
                n.picture = r.picture("picture", Need::Optional);
                n.narration = r.narration("narration");
                n.ending = r.boolean("ending", Need::Optional).value_or(false);
                // An ending's choices are reported by the validator; a non-ending needs 1 to 4.
                const Need need = n.ending ? Need::Optional : Need::Required;
                IdSet choiceIds("choice in this node");
                readObjects(r, "choices", need, n.ending ? 0 : 1, 4, "a choice",
                            [&](ObjectReader& c, std::size_t) {
                              Choice ch;
                              if (auto id = c.id("id", Need::Required)) {
                                choiceIds.check(c.ctx(), *id, c.at("id"));
                                ch.id = *id;
                              }
                              ch.text = c.text("text", Need::Required).value_or(Text{});
                              ch.safe = c.boolean("safe", Need::Required).value_or(false);
                              if (auto smart = c.oneOf("smart", Need::Required, kSmart)) {
                                ch.smart = smart->front();
                              }
                              ch.feedback = c.text("feedback", Need::Required).value_or(Text{});
                              ch.next = c.id("next", Need::Optional).value_or("");
                              ch.picture = c.picture("picture", Need::Optional);
                              n.choices.push_back(std::move(ch));
                            });
                a.nodes.push_back(std::move(n));
              });
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    a.nodeIndex.emplace(a.nodes[i].id, i);
  }
  for (ScenarioNode& n : a.nodes) {
    for (Choice& c : n.choices) {
      auto it = c.next.empty() ? a.nodeIndex.end() : a.nodeIndex.find(c.next);
      c.nextIndex = it == a.nodeIndex.end() ? Choice::kNoNode : it->second;
    }
  }
  return a;
}

QuizItem readQuizItem(ObjectReader& r) {
  QuizItem item;
  item.id = r.id("id", Need::Required).value_or("");
  const auto type = r.oneOf("type", Need::Required, kQuizTypes);
  if (type) {
    item.type = indexOf<QuizType>(kQuizTypes, *type);
  } else {
    r.ignore({"options", "answer", "groups", "cards"});
  }
  item.prompt = r.text("prompt", Need::Required).value_or(Text{});
  item.picture = r.picture("picture", Need::Optional);
  item.narration = r.narration("narration");
  if (const Json* fb = r.value("feedback", Need::Required, Want::Object)) {
    ObjectReader f(r.ctx(), *fb, r.at("feedback"), "quiz feedback");
    item.feedbackCorrect = f.text("correct", Need::Required).value_or(Text{});
    item.feedbackIncorrect = f.text("incorrect", Need::Required).value_or(Text{});
  }
  if (!type) {
    return item;
  }
  // Only the fields of this item's type are known; another type's field is a
  // misplaced field and reported as unknown.
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple: {
    IdSet ids("option in this item");
    readObjects(r, "options", Need::Required, 2, 6, "an option", [&](ObjectReader& o, std::size_t) {
      QuizOption opt;
      if (auto id = o.id("id", Need::Required)) {
        ids.check(o.ctx(), *id, o.at("id"));
        opt.id = *id;
      }
      opt.text = o.text("text", Need::Required).value_or(Text{});
      opt.picture = o.picture("picture", Need::Optional);
      opt.correct = o.boolean("correct", Need::Required).value_or(false);
      item.options.push_back(std::move(opt));
    });
    break;
  }
  case QuizType::TrueFalse:
    item.answer = r.boolean("answer", Need::Required).value_or(false);
    break;
  case QuizType::Sort: {
    IdSet groupIds("group in this item");
    readObjects(r, "groups", Need::Required, 2, 4, "a group", [&](ObjectReader& g, std::size_t) {
      QuizGroup group;
      if (auto id = g.id("id", Need::Required)) {
        groupIds.check(g.ctx(), *id, g.at("id"));
        group.id = *id;
      }
      group.label = g.text("label", Need::Required).value_or(Text{});
      item.groups.push_back(std::move(group));
    });
    IdSet cardIds("card in this item");
    readObjects(r, "cards", Need::Required, 2, 12, "a card", [&](ObjectReader& c, std::size_t) {
      QuizCard card;
      if (auto id = c.id("id", Need::Required)) {
        cardIds.check(c.ctx(), *id, c.at("id"));
        card.id = *id;
      }
      card.text = c.text("text", Need::Required).value_or(Text{});
      card.picture = c.picture("picture", Need::Optional);
      card.group = c.id("group", Need::Required).value_or("");
      item.cards.push_back(std::move(card));
    });
    break;
  }
  case QuizType::Order: {
    IdSet cardIds("card in this item");
    readObjects(r, "cards", Need::Required, 2, 8, "a card", [&](ObjectReader& c, std::size_t) {
      QuizCard card;
      if (auto id = c.id("id", Need::Required)) {
        cardIds.check(c.ctx(), *id, c.at("id"));
        card.id = *id;
      }
      card.text = c.text("text", Need::Required).value_or(Text{});
      card.picture = c.picture("picture", Need::Optional);
      item.cards.push_back(std::move(card));
    });
    break;
  }
  }
  return item;
}

QuizActivity readQuiz(ObjectReader& step) {
  QuizActivity a;
  IdSet ids("item in this quiz");
  readObjects(step, "items", Need::Required, 1, kUnbounded, "a quiz item",
              [&](ObjectReader& r, std::size_t) {
                QuizItem item = readQuizItem(r);
                if (!item.id.empty()) {
                  ids.check(r.ctx(), item.id, r.at("id"));
                }
                a.items.push_back(std::move(item));
              });
  return a;
}

ButterflyActivity readButterfly(ObjectReader& step) {
  ButterflyActivity a;
  for (const auto& f : readEnumList(step, "feelings", Need::Required, 1, kFeelings)) {
    a.feelings.push_back(indexOf<Feeling>(kFeelings, f));
  }
  IdSet ids("reporting step");
  readObjects(step, "steps", Need::Required, 1, kUnbounded, "a reporting step",
              [&](ObjectReader& r, std::size_t) {
                ReportStep s;
                if (auto id = r.id("id", Need::Required)) {
                  ids.check(r.ctx(), *id, r.at("id"));
                  s.id = *id;
                }
                s.text = r.text("text", Need::Required).value_or(Text{});
                s.ks2Only = r.boolean("ks2Only", Need::Optional).value_or(false);
                s.picture = r.picture("picture", Need::Optional);
                s.narration = r.narration("narration");
                a.steps.push_back(std::move(s));
              });
  for (const auto& adult : readEnumList(step, "adults", Need::Required, 1, kAdults)) {
    a.adults.push_back(indexOf<TrustedAdult>(kAdults, adult));
  }
  a.sayIt = step.text("sayIt", Need::Optional);
  a.praise = step.text("praise", Need::Optional);
  return a;
}

Step readStep(ObjectReader& r) {
  Step step;
  step.id = r.id("id", Need::Required).value_or("");
  step.title = r.text("title", Need::Optional);
  const auto kind = r.oneOf("kind", Need::Required, kStepKinds);
  if (!kind) {
    r.ignore({"slides", "start", "nodes", "items", "feelings", "steps", "adults", "sayIt", "praise",
              "aup"});
    return step;
  }
  if (*kind == "slides") {
    step.activity = readSlides(r);
  } else if (*kind == "scenario") {
    step.activity = readScenario(r);
  } else if (*kind == "quiz") {
    step.activity = readQuiz(r);
  } else if (*kind == "butterfly") {
    step.activity = readButterfly(r);
  } else {
    step.activity = AupStepActivity{std::string(r.id("aup", Need::Required).value_or(""))};
  }
  return step;
}

std::vector<Text> readTextList(ObjectReader& r, std::string_view key, Need need,
                               std::size_t minItems) {
  std::vector<Text> out;
  r.array(key, need, minItems, kUnbounded, [&](const Json& e, const JsonPointer& p, std::size_t) {
    if (auto t = readText(r.ctx(), e, p)) {
      out.push_back(std::move(*t));
    }
  });
  return out;
}

// ---- values -------------------------------------------------------------------------

bool isLanguageTag(std::string_view s) {
  static const std::regex pattern("^[a-z]{2,3}(-[A-Z]{2})?$");
  return s.size() <= 6 && std::regex_match(s.begin(), s.end(), pattern);
}

bool isVersion(std::string_view s) {
  static const std::regex pattern("^[0-9]{1,6}\\.[0-9]{1,6}(\\.[0-9]{1,6})?$");
  return s.size() <= 20 && std::regex_match(s.begin(), s.end(), pattern);
}

} // namespace

// ---- documents ----------------------------------------------------------------------

void parseManifest(DocContext& ctx, const Json& j, Pack& pack,
                   std::vector<std::string>& languages) {
  ObjectReader r(ctx, j, JsonPointer(), "pack.json");
  if (!r.isObject()) {
    return;
  }
  if (auto v = r.integer("formatVersion", Need::Required)) {
    pack.formatVersion = static_cast<int>(*v);
    if (*v != 1) {
      ctx.report(Code::FormatUnsupported, r.at("formatVersion"),
                 "this pack is format " + std::to_string(*v) +
                     "; this version of SafeQuest reads format 1");
    }
  }
  std::vector<std::string> langs;
  r.array("languages", Need::Required, 1, 8, [&](const Json& e, const JsonPointer& p, std::size_t) {
    auto s = readString(ctx, e, p);
    if (!s) {
      return;
    }
    if (!isLanguageTag(*s)) {
      ctx.report(Code::SchemaFormat, p, quoted(*s) + " is not a language tag such as en-GB or cy");
    } else if (std::find(langs.begin(), langs.end(), *s) != langs.end()) {
      ctx.report(Code::IdDuplicate, p, quoted(*s) + " is listed twice");
    } else {
      langs.emplace_back(*s);
    }
  });
  if (!langs.empty()) {
    languages = langs;
  }
  pack.languages = languages;
  pack.id = r.id("id", Need::Required).value_or("");
  pack.title = r.text("title", Need::Required).value_or(Text{});
  if (auto v = r.string("version", Need::Required)) {
    if (isVersion(*v)) {
      pack.version = *v;
    } else {
      ctx.report(Code::SchemaFormat, r.at("version"),
                 quoted(*v) + " is not a version such as 1.0 or 1.2.3");
    }
  }
  r.array("authors", Need::Required, 1, kUnbounded,
          [&](const Json& e, const JsonPointer& p, std::size_t) {
            if (auto s = readString(ctx, e, p)) {
              pack.authors.emplace_back(*s);
            }
          });
  pack.licence = r.string("licence", Need::Required).value_or("");
  pack.description = r.text("description", Need::Optional);

  IdSet unitIds("unit");
  readObjects(r, "units", Need::Required, 0, 7, "a unit", [&](ObjectReader& u, std::size_t) {
    Unit unit;
    if (auto id = u.id("id", Need::Required)) {
      unitIds.check(ctx, *id, u.at("id"));
      unit.id = *id;
    }
    bool yearOk = false;
    bool bandOk = false;
    if (auto y = u.oneOf("yearGroup", Need::Required, kYearGroupIds)) {
      unit.yearGroup = *parseYearGroup(*y);
      yearOk = true;
    }
    if (auto b = u.oneOf("band", Need::Required, kBandIds)) {
      unit.band = *parseBand(*b);
      bandOk = true;
    }
    if (yearOk && bandOk && bandOf(unit.yearGroup) != unit.band) {
      ctx.report(Code::UnitBandMismatch, u.at("band"),
                 std::string(yearGroupId(unit.yearGroup)) + " is in the " +
                     std::string(bandId(bandOf(unit.yearGroup))) + " band, not " +
                     std::string(bandId(unit.band)));
    }
    unit.title = u.text("title", Need::Required).value_or(Text{});
    readObjects(u, "lessons", Need::Required, 1, kUnbounded, "a unit lesson",
                [&](ObjectReader& l, std::size_t) {
                  UnitLesson ul;
                  ul.lesson = l.id("lesson", Need::Required).value_or("");
                  ul.required = l.boolean("required", Need::Required).value_or(true);
                  unit.lessons.push_back(std::move(ul));
                });
    pack.units.push_back(std::move(unit));
  });
}

Lesson parseLesson(DocContext& ctx, const Json& j) {
  Lesson lesson;
  ObjectReader r(ctx, j, JsonPointer(), "a lesson");
  if (!r.isObject()) {
    return lesson;
  }
  lesson.id = r.id("id", Need::Required).value_or("");
  lesson.title = r.text("title", Need::Required).value_or(Text{});
  lesson.objectives = readTextList(r, "objectives", Need::Required, 1);
  lesson.teacherNotes = r.text("teacherNotes", Need::Optional);
  lesson.wholeClass = r.boolean("wholeClass", Need::Optional).value_or(false);
  lesson.tags = readTags(r);
  IdSet stepIds("step in this lesson");
  const bool hasSteps = r.array("steps", Need::Required, 0, kUnbounded,
                                [&](const Json& e, const JsonPointer& p, std::size_t) {
                                  ObjectReader s(ctx, e, p, "a step");
                                  if (!s.isObject()) {
                                    lesson.steps.emplace_back();
                                    return;
                                  }
                                  const int before = ctx.diags.errorCount();
                                  Step step = readStep(s);
                                  // The meaning pass runs on each step whose structure is sound.
                                  if (ctx.diags.errorCount() == before) {
                                    checkStep(ctx, step, p.str());
                                  }
                                  if (!step.id.empty()) {
                                    stepIds.check(ctx, step.id, s.at("id"));
                                  }
                                  lesson.steps.push_back(std::move(step));
                                });
  if (hasSteps && lesson.steps.empty()) {
    ctx.report(Code::LessonEmpty, r.at("steps"), "this lesson has no steps for pupils to do");
  }
  lesson.reflection = r.text("reflection", Need::Required).value_or(Text{});
  if (const Json* b = r.value("badge", Need::Required, Want::Object)) {
    ObjectReader br(ctx, *b, r.at("badge"), "a badge");
    lesson.badge.title = br.text("title", Need::Required).value_or(Text{});
    lesson.badge.picture = br.picture("picture", Need::Optional);
  }
  return lesson;
}

Aup parseAup(DocContext& ctx, const Json& j) {
  Aup aup;
  ObjectReader r(ctx, j, JsonPointer(), "an AUP");
  if (!r.isObject()) {
    return aup;
  }
  aup.id = r.id("id", Need::Required).value_or("");
  if (auto v = r.string("version", Need::Required)) {
    if (v->empty() || v->size() > 32) {
      ctx.report(Code::SchemaFormat, r.at("version"), "an AUP version is 1 to 32 characters");
    } else {
      aup.version = *v;
    }
  }
  if (auto p = r.oneOf("phase", Need::Required, kPhaseIds)) {
    aup.phase = *parseAupPhase(*p);
  }
  aup.title = r.text("title", Need::Required).value_or(Text{});
  aup.intro = r.text("intro", Need::Optional);
  IdSet ids("promise");
  readObjects(r, "promises", Need::Required, 1, 30, "a promise", [&](ObjectReader& p, std::size_t) {
    AupPromise promise;
    if (auto id = p.id("id", Need::Required)) {
      ids.check(ctx, *id, p.at("id"));
      promise.id = *id;
    }
    promise.text = p.text("text", Need::Required).value_or(Text{});
    promise.picture = p.picture("picture", Need::Optional);
    promise.narration = p.narration("narration");
    aup.promises.push_back(std::move(promise));
  });
  return aup;
}

Assembly parseAssembly(DocContext& ctx, const Json& j) {
  Assembly a;
  ObjectReader r(ctx, j, JsonPointer(), "an assembly");
  if (!r.isObject()) {
    return a;
  }
  a.id = r.id("id", Need::Required).value_or("");
  a.title = r.text("title", Need::Required).value_or(Text{});
  for (const auto& y : readEnumList(r, "yearGroups", Need::Optional, 0, kYearGroupIds)) {
    a.yearGroups.push_back(*parseYearGroup(y));
  }
  a.tags = readTags(r);
  IdSet ids("step in this assembly");
  readObjects(
      r, "steps", Need::Required, 1, kUnbounded, "an assembly step",
      [&](ObjectReader& s, std::size_t) {
        AssemblyStep step;
        if (auto id = s.id("id", Need::Required)) {
          ids.check(ctx, *id, s.at("id"));
          step.id = *id;
        }
        const auto kind = s.oneOf("kind", Need::Required, kAssemblyKinds);
        step.kind = kind && *kind == "vote" ? AssemblyStepKind::Vote : AssemblyStepKind::Slide;
        step.picture = s.picture("picture", Need::Optional);
        step.notes = s.text("notes", Need::Optional);
        step.narration = s.narration("narration");
        if (kind && *kind == "vote") {
          step.text = s.text("prompt", Need::Required).value_or(Text{});
          IdSet optionIds("option in this vote");
          readObjects(s, "options", Need::Required, 2, 6, "a vote option",
                      [&](ObjectReader& o, std::size_t) {
                        VoteOption opt;
                        if (auto id = o.id("id", Need::Required)) {
                          optionIds.check(ctx, *id, o.at("id"));
                          opt.id = *id;
                        }
                        opt.text = o.text("text", Need::Required).value_or(Text{});
                        step.options.push_back(std::move(opt));
                      });
          step.answer = s.id("answer", Need::Optional).value_or("");
          step.explanation = s.text("explanation", Need::Required);
          step.explanationNarration = s.narration("explanationNarration");
          step.thumbsNarration = s.narration("thumbsNarration");
        } else if (kind) {
          step.text = s.text("text", Need::Required).value_or(Text{});
        } else {
          s.ignore({"text", "prompt", "options", "answer", "explanation", "explanationNarration"});
          s.ignore({"thumbsNarration"});
        }
        a.steps.push_back(std::move(step));
      });
  return a;
}

} // namespace sq::detail
