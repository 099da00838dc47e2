#include "content/pack_validator.hpp"

#include "core/asset_probe.hpp"

#include <algorithm>
#include <map>

namespace sq::detail {

void checkScenario(DocContext& ctx, const ScenarioActivity& scenario, const std::string& pointer) {
  const auto& nodes = scenario.nodes;
  const std::size_t n = nodes.size();
  const auto nodePtr = [&](std::size_t i) { return pointer + "/nodes/" + std::to_string(i); };

  // Edges that resolve; unresolved ones are reported and left out of the graph.
  std::vector<std::vector<std::size_t>> out(n);
  std::vector<std::vector<std::size_t>> in(n);
  bool anyEnding = false;
  for (std::size_t i = 0; i < n; ++i) {
    const ScenarioNode& node = nodes[i];
    if (node.ending) {
      anyEnding = true;
      if (!node.choices.empty()) {
        ctx.report(Code::ScenarioEndingChoices, nodePtr(i) + "/choices",
                   "node \"" + node.id + "\" is an ending, so it cannot also offer choices");
      }
      continue;
    }
    bool anySafe = false;
    for (std::size_t c = 0; c < node.choices.size(); ++c) {
      const Choice& choice = node.choices[c];
      const std::string cp = nodePtr(i) + "/choices/" + std::to_string(c);
      anySafe = anySafe || choice.safe;
      if (choice.next.empty()) {
        if (choice.safe) {
          ctx.report(Code::ScenarioSafeNoNext, cp,
                     "choice \"" + choice.id +
                         "\" is the safe choice but has no \"next\" node to lead to");
        }
        continue;
      }
      auto it = scenario.nodeIndex.find(choice.next);
      if (it == scenario.nodeIndex.end()) {
        ctx.report(Code::RefUnresolved, cp + "/next",
                   "no node \"" + choice.next + "\" in this scenario");
        continue;
      }
      out[i].push_back(it->second);
      in[it->second].push_back(i);
    }
    if (!anySafe && !node.choices.empty()) {
      ctx.report(Code::ScenarioNoSafeChoice, nodePtr(i) + "/choices",
                 "node \"" + node.id + "\" has no safe choice, so a pupil could never move on");
    }
  }
  if (n > 0 && !anyEnding) {
    ctx.report(Code::ScenarioNoEnding, pointer + "/nodes",
               "this scenario has no ending node (\"ending\": true)");
  }
  auto start = scenario.nodeIndex.find(scenario.start);
  if (start == scenario.nodeIndex.end()) {
    if (!scenario.start.empty()) {
      ctx.report(Code::RefUnresolved, pointer + "/start",
                 "no node \"" + scenario.start + "\" in this scenario");
    }
    return;
  }

  // Forward from the start, and backward from every ending: linear in nodes + choices.
  const auto flood = [&](std::vector<std::size_t> frontier,
                         const std::vector<std::vector<std::size_t>>& edges) {
    std::vector<char> seen(n, 0);
    for (auto f : frontier) {
      seen[f] = 1;
    }
    while (!frontier.empty()) {
      const std::size_t v = frontier.back();
      frontier.pop_back();
      for (auto w : edges[v]) {
        if (!seen[w]) {
          seen[w] = 1;
          frontier.push_back(w);
        }
      }
    }
    return seen;
  };
  const std::vector<char> reachable = flood({start->second}, out);
  std::vector<std::size_t> endings;
  for (std::size_t i = 0; i < n; ++i) {
    if (nodes[i].ending) {
      endings.push_back(i);
    }
  }
  const std::vector<char> canEnd = flood(endings, in);
  for (std::size_t i = 0; i < n; ++i) {
    if (!reachable[i]) {
      ctx.report(Code::ScenarioUnreachable, nodePtr(i),
                 "no path from \"" + scenario.start + "\" reaches node \"" + nodes[i].id + "\"");
    } else if (!canEnd[i] && anyEnding) {
      ctx.report(Code::ScenarioTrap, nodePtr(i),
                 "a pupil who reaches node \"" + nodes[i].id +
                     "\" can never reach an ending: every path from it loops or stops");
    }
  }
}

namespace {

void checkQuizItem(DocContext& ctx, const QuizItem& item, const std::string& p) {
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple: {
    const auto correct = std::count_if(item.options.begin(), item.options.end(),
                                       [](const QuizOption& o) { return o.correct; });
    if (correct == 0 && !item.options.empty()) {
      ctx.report(Code::QuizNoCorrect, p + "/options",
                 "no option is marked \"correct\": true, so this question has no right answer");
    } else if (correct > 1 && item.type == QuizType::Single) {
      ctx.report(Code::QuizManyCorrect, p + "/options",
                 std::to_string(correct) +
                     " options are marked correct; a \"single\" question has exactly one (use "
                     "\"multiple\" for several)");
    }
    break;
  }
  case QuizType::Sort: {
    std::map<std::string, int> perGroup;
    for (const auto& g : item.groups) {
      perGroup[g.id] = 0;
    }
    for (std::size_t c = 0; c < item.cards.size(); ++c) {
      const QuizCard& card = item.cards[c];
      auto it = perGroup.find(card.group);
      if (it == perGroup.end()) {
        if (!card.group.empty()) {
          ctx.report(Code::RefUnresolved, p + "/cards/" + std::to_string(c) + "/group",
                     "no group \"" + card.group + "\" in this item");
        }
      } else {
        ++it->second;
      }
    }
    for (std::size_t g = 0; g < item.groups.size(); ++g) {
      if (perGroup[item.groups[g].id] == 0) {
        ctx.report(Code::QuizSortEmptyGroup, p + "/groups/" + std::to_string(g),
                   "no card belongs in group \"" + item.groups[g].id + "\"");
      }
    }
    break;
  }
  case QuizType::TrueFalse:
  case QuizType::Order:
    break;
  }
}

} // namespace

void checkStep(DocContext& ctx, const Step& step, const std::string& p) {
  const Activity& a = step.activity;
  if (const auto* scenario = std::get_if<ScenarioActivity>(&a)) {
    checkScenario(ctx, *scenario, p);
  } else if (const auto* quiz = std::get_if<QuizActivity>(&a)) {
    for (std::size_t i = 0; i < quiz->items.size(); ++i) {
      checkQuizItem(ctx, quiz->items[i], p + "/items/" + std::to_string(i));
    }
  } else if (const auto* bf = std::get_if<ButterflyActivity>(&a)) {
    if (std::find(bf->feelings.begin(), bf->feelings.end(), Feeling::Butterflies) ==
        bf->feelings.end()) {
      ctx.report(Code::ButterflyNoButterflies, p + "/feelings",
                 "the feelings check-in must offer \"butterflies\": it is the feeling this "
                 "practice teaches pupils to notice");
    }
  }
}

void checkAssembly(DocContext& ctx, const Assembly& assembly) {
  for (std::size_t s = 0; s < assembly.steps.size(); ++s) {
    const AssemblyStep& step = assembly.steps[s];
    if (step.kind != AssemblyStepKind::Vote || step.answer.empty()) {
      continue;
    }
    const bool found = std::any_of(step.options.begin(), step.options.end(),
                                   [&](const VoteOption& o) { return o.id == step.answer; });
    if (!found) {
      ctx.report(Code::RefUnresolved, "/steps/" + std::to_string(s) + "/answer",
                 "no option \"" + step.answer + "\" in this vote");
    }
  }
}

namespace {

// Young pupils choose by picture: when only some choices of a set have one, the
// pictured ones stand out and can give the answer away. `pictured` is how many of
// `count` choices have a picture.
void checkPictureSet(Diagnostics& diags, const Lesson& lesson, const std::string& pointer,
                     std::size_t pictured, std::size_t count) {
  if (pictured > 0 && pictured < count) {
    diags.add(Code::BandMixedPictures, lesson.file, pointer,
              std::to_string(pictured) + " of these " + std::to_string(count) +
                  " choices have a picture; Reception and KS1 pupils choose by picture, so give "
                  "every choice one (or none)");
  }
}

template <typename T> std::size_t countPictured(const std::vector<T>& choices) {
  return static_cast<std::size_t>(std::count_if(choices.begin(), choices.end(),
                                                [](const T& c) { return c.picture.has_value(); }));
}

void checkYoungLesson(Diagnostics& diags, const Lesson& lesson) {
  for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
    const std::string sp = "/steps/" + std::to_string(s);
    if (const auto* quiz = std::get_if<QuizActivity>(&lesson.steps[s].activity)) {
      for (std::size_t i = 0; i < quiz->items.size(); ++i) {
        const QuizType t = quiz->items[i].type;
        checkPictureSet(diags, lesson, sp + "/items/" + std::to_string(i) + "/options",
                        countPictured(quiz->items[i].options), quiz->items[i].options.size());
        if (t == QuizType::Sort || t == QuizType::Order) {
          diags.add(Code::BandSortOrderYoung, lesson.file,
                    sp + "/items/" + std::to_string(i) + "/type",
                    "\"" + std::string(quizTypeId(t)) +
                        "\" questions are for Key Stage 2; this lesson is in a Reception or KS1 "
                        "unit, where pupils answer by choosing a picture");
        }
      }
    } else if (const auto* sc = std::get_if<ScenarioActivity>(&lesson.steps[s].activity)) {
      for (std::size_t n = 0; n < sc->nodes.size(); ++n) {
        checkPictureSet(diags, lesson, sp + "/nodes/" + std::to_string(n) + "/choices",
                        countPictured(sc->nodes[n].choices), sc->nodes[n].choices.size());
        if (sc->nodes[n].choices.size() > 3) {
          diags.add(Code::BandTooManyChoices, lesson.file,
                    sp + "/nodes/" + std::to_string(n) + "/choices",
                    "node \"" + sc->nodes[n].id + "\" has " +
                        std::to_string(sc->nodes[n].choices.size()) +
                        " choices; Reception and KS1 pupils are shown the first 3");
        }
      }
    }
  }
}

} // namespace

void checkCrossReferences(Diagnostics& diags, const Pack& pack, const PackIds& ids) {
  std::set<std::string> inUnits;
  std::map<YearGroup, std::size_t> unitForYear;
  for (std::size_t u = 0; u < pack.units.size(); ++u) {
    const Unit& unit = pack.units[u];
    const std::string up = "/units/" + std::to_string(u);
    auto [it, fresh] = unitForYear.emplace(unit.yearGroup, u);
    if (!fresh && !unit.id.empty()) {
      diags.add(Code::UnitDuplicateYear, "pack.json", up + "/yearGroup",
                "unit \"" + pack.units[it->second].id + "\" is already the " +
                    std::string(yearGroupId(unit.yearGroup)) + " unit");
    }
    bool anyRequired = false;
    std::set<std::string> seen;
    for (std::size_t l = 0; l < unit.lessons.size(); ++l) {
      const UnitLesson& ul = unit.lessons[l];
      const std::string lp = up + "/lessons/" + std::to_string(l) + "/lesson";
      if (ul.lesson.empty()) {
        continue;
      }
      anyRequired = anyRequired || ul.required;
      inUnits.insert(ul.lesson);
      if (!seen.insert(ul.lesson).second) {
        diags.add(Code::IdDuplicate, "pack.json", lp,
                  "lesson \"" + ul.lesson + "\" is listed twice in this unit");
      }
      if (ids.lessons.count(ul.lesson) == 0) {
        diags.add(Code::RefUnresolved, "pack.json", lp,
                  "no lesson \"" + ul.lesson + "\": expected lessons/" + ul.lesson + ".json");
      }
    }
    if (!anyRequired && !unit.lessons.empty()) {
      diags.add(Code::UnitNoRequired, "pack.json", up + "/lessons",
                "no lesson in this unit is required, so every pupil completes it at once");
    }
  }
  // Lessons in a Reception or KS1 unit are shown the young way: at most 3
  // choices, and no sorting or ordering (see "Age bands" in content/README.md).
  std::set<std::string> young;
  for (const Unit& unit : pack.units) {
    if (unit.band == Band::Eyfs || unit.band == Band::Ks1) {
      for (const UnitLesson& ul : unit.lessons) {
        young.insert(ul.lesson);
      }
    }
  }
  for (const Lesson& lesson : pack.lessons) {
    if (young.count(lesson.id) != 0) {
      checkYoungLesson(diags, lesson);
    }
  }
  for (const Aup& aup : pack.aups) {
    if (aup.phase == AupPhase::Eyfs || aup.phase == AupPhase::Ks1) {
      for (std::size_t i = 0; i < aup.promises.size(); ++i) {
        if (!aup.promises[i].picture) {
          diags.add(Code::BandAupNoPicture, aup.file, "/promises/" + std::to_string(i),
                    "promise \"" + aup.promises[i].id +
                        "\" has no picture; Reception and KS1 pupils read each promise by its "
                        "picture");
        }
      }
    }
  }
  for (const Lesson& lesson : pack.lessons) {
    if (!lesson.id.empty() && inUnits.count(lesson.id) == 0) {
      diags.add(Code::LessonUnused, lesson.file, "",
                "lesson \"" + lesson.id + "\" is in no unit in pack.json, so pupils never see it");
    }
    for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
      const auto* aup = std::get_if<AupStepActivity>(&lesson.steps[s].activity);
      if (aup != nullptr && !aup->aup.empty() && ids.aups.count(aup->aup) == 0) {
        diags.add(Code::RefUnresolved, lesson.file, "/steps/" + std::to_string(s) + "/aup",
                  "no AUP \"" + aup->aup + "\": expected aups/" + aup->aup + ".json");
      }
    }
  }
}

namespace {

struct AssetVerdict {
  Code code = Code::AssetMissing;
  std::string message; // empty: the asset is fine
};

AssetVerdict judgeAsset(const std::string& path, bool picture, const Inventory& inventory,
                        const PackSource& source, const PackLimits& limits) {
  const PackEntry* entry = inventory.find(path);
  if (entry == nullptr) {
    return {Code::AssetMissing, "\"" + path + "\" is not in the pack"};
  }
  switch (entry->kind) {
  case EntryKind::OutsideLink:
    return {Code::FileOutsidePack, "\"" + path + "\" is a link that leads outside the pack"};
  case EntryKind::BrokenLink:
    return {Code::AssetMissing, "\"" + path + "\" is a link to a file that does not exist"};
  case EntryKind::Directory:
  case EntryKind::Special:
    return {Code::AssetBadType, "\"" + path + "\" is not an ordinary file"};
  case EntryKind::File:
    break;
  }
  if (entry->size > limits.maxOtherFileBytes) {
    return {Code::FileTooLarge, ""}; // already reported against the file itself
  }
  // A JPEG's frame header can follow large metadata; PNG and audio need a few bytes.
  const std::uint64_t headBytes = picture ? 256 * 1024 : 4096;
  const auto head = source.read(path, headBytes - 1);
  if (!head) {
    return {Code::FileUnreadable, "\"" + path + "\" could not be read"};
  }
  const AssetType type = sniffAssetType(*head);
  const std::string wanted = picture ? "a PNG or JPEG picture" : "a WAV or Ogg Vorbis sound";
  if (picture ? !isPictureType(type) : !isAudioType(type)) {
    const std::string what = type == AssetType::Unknown
                                 ? "not a file type SafeQuest reads"
                                 : "a " + std::string(assetTypeName(type)) + " file";
    return {Code::AssetBadType,
            "\"" + path + "\" must be " + wanted + ", but its bytes are " + what};
  }
  if (picture) {
    std::string why;
    const auto size = readImageSize(*head, type, why);
    if (!size) {
      return {Code::AssetCorrupt, "\"" + path + "\": " + why};
    }
    if (size->width > limits.maxImageSide || size->height > limits.maxImageSide) {
      return {Code::AssetTooLarge, "\"" + path + "\" is " + std::to_string(size->width) + " x " +
                                       std::to_string(size->height) + " pixels; the limit is " +
                                       std::to_string(limits.maxImageSide) + " x " +
                                       std::to_string(limits.maxImageSide)};
    }
  }
  const AssetType named = typeFromExtension(path);
  if (named != type) {
    return {Code::AssetWrongExtension, "\"" + path + "\" is really a " +
                                           std::string(assetTypeName(type)) +
                                           " file; rename it so its ending says so"};
  }
  return {Code::AssetMissing, ""};
}

} // namespace

void checkAssets(Diagnostics& diags, const std::vector<AssetUse>& uses, const Inventory& inventory,
                 const PackSource& source, const PackLimits& limits) {
  // Judge each distinct file once; report at every place it is used.
  std::map<std::pair<std::string, bool>, AssetVerdict> verdicts;
  for (const AssetUse& use : uses) {
    auto key = std::make_pair(use.path, use.picture);
    auto it = verdicts.find(key);
    if (it == verdicts.end()) {
      it =
          verdicts.emplace(key, judgeAsset(use.path, use.picture, inventory, source, limits)).first;
    }
    if (!it->second.message.empty()) {
      diags.add(it->second.code, use.file, use.pointer, it->second.message);
    }
  }
}

} // namespace sq::detail
