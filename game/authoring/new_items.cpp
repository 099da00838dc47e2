#include "authoring/new_items.hpp"

#include "content/pack_model.hpp"

#include <algorithm>

namespace sq::authoring {

namespace {

bool hasId(const Json& siblings, const std::string& id) {
  if (!siblings.is_array()) {
    return false;
  }
  for (const Json& s : siblings) {
    if (s.is_object()) {
      const auto it = s.find("id");
      if (it != s.end() && it->is_string() && it->get_ref<const std::string&>() == id) {
        return true;
      }
    }
  }
  return false;
}

template <typename Taken> std::string firstFree(std::string_view base, Taken&& taken) {
  std::string id(base);
  // A pack's lists are bounded (at most 2,000 nodes), so this ends well within that.
  for (int n = 2; taken(id); ++n) {
    id = std::string(base) + "-" + std::to_string(n);
  }
  return id;
}

Json feedback(const PackDocument& doc) {
  return Json{{"correct", newText(doc, "Well done, that is right.")},
              {"incorrect", newText(doc, "Not quite. Have another look.")}};
}

std::string stringAt(const Json& object, const char* key) {
  if (!object.is_object()) {
    return {};
  }
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string uniqueId(const Json& siblings, std::string_view base) {
  return firstFree(base, [&](const std::string& id) { return hasId(siblings, id); });
}

std::string uniqueIdAmong(const std::vector<std::string>& ids, std::string_view base) {
  return firstFree(base, [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  });
}

std::vector<std::string> packLanguages(const PackDocument& doc) {
  std::vector<std::string> out;
  const Json* pack = doc.value("pack.json");
  if (pack != nullptr && pack->is_object()) {
    const auto it = pack->find("languages");
    if (it != pack->end() && it->is_array()) {
      for (const Json& l : *it) {
        if (l.is_string() && std::find(out.begin(), out.end(), l.get<std::string>()) == out.end()) {
          out.push_back(l.get<std::string>());
        }
      }
    }
  }
  if (out.empty()) {
    out.emplace_back("en-GB");
  }
  return out;
}

Json newText(const PackDocument& doc, std::string_view words) {
  const std::vector<std::string> languages = packLanguages(doc);
  if (languages.size() == 1) {
    return std::string(words);
  }
  Json text = Json::object();
  for (const std::string& l : languages) {
    text[l] = std::string(words);
  }
  return text;
}

std::optional<Json> newStep(const PackDocument& doc, const Json& steps, std::string_view kind) {
  Json step = Json::object();
  if (kind == "slides") {
    step = Json{{"id", uniqueId(steps, "slides")}, {"kind", "slides"}};
    step["slides"] = Json::array({newSlide(doc, Json::array())});
  } else if (kind == "scenario") {
    step = Json{{"id", uniqueId(steps, "story")}, {"kind", "scenario"}, {"start", "start"}};
    Json start = {{"id", "start"},
                  {"text", newText(doc, "Something happens online. What do you do?")}};
    start["choices"] = Json::array(
        {Json{{"id", "safe"},
              {"text", newText(doc, "Tell a trusted adult")},
              {"safe", true},
              {"smart", "T"},
              {"next", "end"},
              {"feedback", newText(doc, "Good thinking. Telling an adult is always right.")}},
         Json{{"id", "unsafe"},
              {"text", newText(doc, "Keep it to yourself")},
              {"safe", false},
              {"smart", "T"},
              {"feedback", newText(doc, "Let's think again. Who could help?")}}});
    Json end = {{"id", "end"}, {"text", newText(doc, "You made a safe choice!")}, {"ending", true}};
    step["nodes"] = Json::array({start, end});
  } else if (kind == "quiz") {
    step = Json{{"id", uniqueId(steps, "quiz")}, {"kind", "quiz"}};
    step["items"] = Json::array({*newQuizItem(doc, Json::array(), "single")});
  } else if (kind == "butterfly") {
    step = Json{{"id", uniqueId(steps, "butterfly")},
                {"kind", "butterfly"},
                {"feelings", Json::array({"happy", "ok", "butterflies", "scared", "sad"})}};
    step["steps"] = Json::array({newReportStep(doc, Json::array())});
    step["adults"] = Json::array({"teacher", "parent", "other"});
  } else if (kind == "aup") {
    std::string aup;
    for (const std::string& f : doc.files()) {
      if (f.rfind("aups/", 0) == 0 && f.size() > 10) {
        aup = f.substr(5, f.size() - 10); // "aups/<id>.json"
        break;
      }
    }
    if (aup.empty()) {
      return std::nullopt;
    }
    step = Json{{"id", uniqueId(steps, "promises")}, {"kind", "aup"}, {"aup", aup}};
  } else {
    return std::nullopt;
  }
  return step;
}

Json newSlide(const PackDocument& doc, const Json& slides) {
  return Json{{"id", uniqueId(slides, "slide")},
              {"text", newText(doc, "Write what pupils read on this slide.")}};
}

Json newNode(const PackDocument& doc, const Json& nodes) {
  return Json{{"id", uniqueId(nodes, "node")},
              {"text", newText(doc, "Write what happens here.")},
              {"ending", true}};
}

Json newChoice(const PackDocument& doc, const Json& choices) {
  return Json{{"id", uniqueId(choices, "choice")},
              {"text", newText(doc, "Write the choice.")},
              {"safe", false},
              {"smart", "S"},
              {"feedback", newText(doc, "Let's think again.")}};
}

Json newSafeChoice(const PackDocument& doc, const Json& choices, const std::string& next) {
  return Json{{"id", uniqueId(choices, "choice")},
              {"text", newText(doc, "Write the safe choice.")},
              {"safe", true},
              {"smart", "T"},
              {"next", next},
              {"feedback", newText(doc, "Good thinking.")}};
}

std::optional<Json> newQuizItem(const PackDocument& doc, const Json& items, std::string_view type) {
  Json item = {{"id", uniqueId(items, "question")},
               {"type", std::string(type)},
               {"prompt", newText(doc, "Write the question.")}};
  if (type == "single" || type == "multiple") {
    Json right = newOption(doc, Json::array());
    right["text"] = newText(doc, "The right answer");
    right["correct"] = true;
    Json options = Json::array({right});
    Json wrong = newOption(doc, options);
    wrong["text"] = newText(doc, "A wrong answer");
    options.push_back(wrong);
    item["options"] = options;
  } else if (type == "truefalse") {
    item["prompt"] = newText(doc, "Write something that is true or false.");
    item["answer"] = true;
  } else if (type == "sort") {
    item["prompt"] = newText(doc, "Sort the cards into the groups.");
    Json groups = Json::array({newSortGroup(doc, Json::array())});
    groups.push_back(newSortGroup(doc, groups));
    groups[0]["label"] = newText(doc, "Safe");
    groups[1]["label"] = newText(doc, "Not safe");
    Json cards = Json::array({newSortCard(doc, Json::array(), groups[0]["id"])});
    cards.push_back(newSortCard(doc, cards, groups[1]["id"]));
    item["groups"] = groups;
    item["cards"] = cards;
  } else if (type == "order") {
    item["prompt"] = newText(doc, "Put the cards in order.");
    Json cards = Json::array({newOrderCard(doc, Json::array())});
    cards.push_back(newOrderCard(doc, cards));
    cards.push_back(newOrderCard(doc, cards));
    item["cards"] = cards;
  } else {
    return std::nullopt;
  }
  item["feedback"] = feedback(doc);
  return item;
}

Json newOption(const PackDocument& doc, const Json& options) {
  return Json{{"id", uniqueId(options, "option")},
              {"text", newText(doc, "Write the answer.")},
              {"correct", false}};
}

Json newSortGroup(const PackDocument& doc, const Json& groups) {
  return Json{{"id", uniqueId(groups, "group")}, {"label", newText(doc, "Name the group.")}};
}

Json newSortCard(const PackDocument& doc, const Json& cards, const std::string& group) {
  return Json{
      {"id", uniqueId(cards, "card")}, {"text", newText(doc, "Write the card.")}, {"group", group}};
}

Json newOrderCard(const PackDocument& doc, const Json& cards) {
  return Json{{"id", uniqueId(cards, "card")}, {"text", newText(doc, "Write the card.")}};
}

Json newReportStep(const PackDocument& doc, const Json& steps) {
  return Json{{"id", uniqueId(steps, "step")}, {"text", newText(doc, "Tell a trusted adult.")}};
}

Json newPromise(const PackDocument& doc, const Json& promises) {
  return Json{{"id", uniqueId(promises, "promise")},
              {"text", newText(doc, "I will write my promise here.")}};
}

std::optional<Json> newAssemblyStep(const PackDocument& doc, const Json& steps,
                                    std::string_view kind) {
  if (kind == "slide") {
    return Json{{"id", uniqueId(steps, "slide")},
                {"kind", "slide"},
                {"text", newText(doc, "Write the slide.")}};
  }
  if (kind == "vote") {
    Json vote = {{"id", uniqueId(steps, "vote")},
                 {"kind", "vote"},
                 {"prompt", newText(doc, "Write the question the room votes on.")}};
    Json options = Json::array({newVoteOption(doc, Json::array())});
    options.push_back(newVoteOption(doc, options));
    vote["options"] = options;
    vote["explanation"] = newText(doc, "Explain the answer.");
    return vote;
  }
  return std::nullopt;
}

Json newVoteOption(const PackDocument& doc, const Json& options) {
  return Json{{"id", uniqueId(options, "option")}, {"text", newText(doc, "Write the option.")}};
}

Json newObjective(const PackDocument& doc) {
  return newText(doc, "Write what pupils will learn.");
}

std::vector<std::string> lessonIds(const PackDocument& doc) {
  std::vector<std::string> out;
  for (const std::string& f : doc.files()) {
    if (f.rfind("lessons/", 0) == 0 && f.size() > 13 && f.find('/', 8) == std::string::npos &&
        f.compare(f.size() - 5, 5, ".json") == 0) {
      out.push_back(f.substr(8, f.size() - 13));
    }
  }
  return out;
}

std::optional<Json> newUnit(const PackDocument& doc) {
  const std::vector<std::string> lessons = lessonIds(doc);
  const Json* pack = doc.value("pack.json");
  if (lessons.empty() || pack == nullptr || !pack->is_object()) {
    return std::nullopt;
  }
  std::vector<std::string> years;
  std::vector<std::string> listed;
  const auto units = pack->find("units");
  if (units != pack->end() && units->is_array()) {
    for (const Json& u : *units) {
      years.push_back(stringAt(u, "yearGroup"));
      if (u.is_object() && u.contains("lessons") && u["lessons"].is_array()) {
        for (const Json& l : u["lessons"]) {
          listed.push_back(stringAt(l, "lesson"));
        }
      }
    }
  }
  for (const YearGroup y : {YearGroup::Reception, YearGroup::Y1, YearGroup::Y2, YearGroup::Y3,
                            YearGroup::Y4, YearGroup::Y5, YearGroup::Y6}) {
    const std::string year(yearGroupId(y));
    if (std::find(years.begin(), years.end(), year) != years.end()) {
      continue;
    }
    std::string lesson = lessons.front();
    for (const std::string& l : lessons) {
      if (std::find(listed.begin(), listed.end(), l) == listed.end()) {
        lesson = l;
        break;
      }
    }
    const Json empty = units != pack->end() ? *units : Json::array();
    return Json{{"id", uniqueId(empty, year)},
                {"yearGroup", year},
                {"band", std::string(bandId(bandOf(y)))},
                {"title", newText(doc, "Our lessons")},
                {"lessons", Json::array({newUnitLesson(lesson, true)})}};
  }
  return std::nullopt;
}

Json newUnitLesson(const std::string& lesson, bool required) {
  return Json{{"lesson", lesson}, {"required", required}};
}

} // namespace sq::authoring
