#include "authoring/story_quiz_edits.hpp"

#include "authoring/new_items.hpp"
#include "content/json_reader.hpp"

#include <algorithm>
#include <vector>

namespace sq::authoring {

namespace {

std::string idOf(const Json& object) {
  if (!object.is_object()) {
    return {};
  }
  const auto it = object.find("id");
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isArray(const Json* v) {
  return v != nullptr && v->is_array();
}

// ---- renaming a node ---------------------------------------------------------------

// The positions object of the step's editor-only member, with its pointer.
const Json* positionsOf(const Json& step, std::string& pointer, const std::string& stepPointer) {
  const Json* editor = findPointer(step, "/editor");
  if (editor == nullptr || !editor->is_object()) {
    return nullptr;
  }
  const auto it = editor->find("positions");
  if (it == editor->end() || !it->is_object()) {
    return nullptr;
  }
  pointer = appendPointer(appendPointer(stepPointer, "editor"), "positions");
  return &*it;
}

std::size_t placeOf(const Json& object, const std::string& key) {
  std::size_t i = 0;
  for (auto it = object.begin(); it != object.end(); ++it, ++i) {
    if (it.key() == key) {
      return i;
    }
  }
  return i;
}

// ---- changing a question's type -----------------------------------------------------

// One answer line of the old question, whatever its type: its words, picture and
// whether it was right (an option ticked, a card in the first group).
struct Line {
  std::string id;
  Json text;
  const Json* picture = nullptr;
  bool right = false;
};

std::vector<Line> linesOf(const Json& item) {
  std::vector<Line> out;
  const std::string type = item.value("type", std::string());
  const char* list = type == "single" || type == "multiple" ? "options"
                     : type == "sort" || type == "order"    ? "cards"
                                                            : nullptr;
  if (list == nullptr) {
    return out;
  }
  const auto it = item.find(list);
  if (it == item.end() || !it->is_array()) {
    return out;
  }
  std::string firstGroup;
  if (type == "sort") {
    const Json* groups = findPointer(item, "/groups");
    if (isArray(groups) && !groups->empty()) {
      firstGroup = idOf((*groups)[0]);
    }
  }
  for (const Json& entry : *it) {
    if (!entry.is_object()) {
      continue;
    }
    Line line;
    line.id = idOf(entry);
    const auto text = entry.find("text");
    if (text == entry.end()) {
      continue;
    }
    line.text = *text;
    const auto picture = entry.find("picture");
    line.picture = picture != entry.end() ? &*picture : nullptr;
    if (type == "sort") {
      line.right = !firstGroup.empty() && entry.value("group", std::string()) == firstGroup;
    } else if (type != "order") {
      const auto correct = entry.find("correct");
      line.right = correct != entry.end() && correct->is_boolean() && correct->get<bool>();
    }
    out.push_back(std::move(line));
  }
  return out;
}

// The answer fields a type has, taken off before the new ones are put on.
const std::vector<std::string>& answerKeys() {
  static const std::vector<std::string> keys = {"options", "answer", "groups", "cards"};
  return keys;
}

// `lines` (at most `most`) as objects for a list, each with a valid id of its own.
Json entriesFrom(const std::vector<Line>& lines, std::size_t most, const char* base) {
  Json out = Json::array();
  for (std::size_t i = 0; i < lines.size() && i < most; ++i) {
    const Line& line = lines[i];
    Json entry = Json::object();
    const bool idFree =
        detail::isValidId(line.id) &&
        std::none_of(out.begin(), out.end(), [&](const Json& e) { return idOf(e) == line.id; });
    entry["id"] = idFree ? line.id : uniqueId(out, base);
    entry["text"] = line.text;
    if (line.picture != nullptr) {
      entry["picture"] = *line.picture;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

// The new type's answers on `item` (whose old answers are gone), from `lines`.
void putAnswers(const PackDocument& doc, Json& item, const std::string& type,
                const std::vector<Line>& lines, const Json& old) {
  // Too few words to carry over: the new type's own template answers.
  const Json fresh = newQuizItem(doc, Json::array(), type).value_or(Json::object());
  if (type == "truefalse") {
    const Json* answer = findPointer(old, "/answer");
    item["answer"] = answer != nullptr && answer->is_boolean() ? *answer : Json(true);
    return;
  }
  if (lines.size() < 2) {
    for (const std::string& key : answerKeys()) {
      if (fresh.contains(key)) {
        item[key] = fresh[key];
      }
    }
    return;
  }
  if (type == "single" || type == "multiple") {
    Json options = entriesFrom(lines, 6, "option");
    bool anyRight = false;
    for (std::size_t i = 0; i < options.size(); ++i) {
      // One right answer in a single-choice question: the first that was right.
      const bool right = lines[i].right && (type == "multiple" || !anyRight);
      options[i]["correct"] = right;
      anyRight = anyRight || right;
    }
    if (!anyRight) {
      options[0]["correct"] = true;
    }
    item["options"] = options;
  } else if (type == "sort") {
    Json groups = fresh["groups"];
    Json cards = entriesFrom(lines, 12, "card");
    std::size_t inFirst = 0;
    for (std::size_t i = 0; i < cards.size(); ++i) {
      cards[i]["group"] = groups[lines[i].right ? 0 : 1]["id"];
      inFirst += lines[i].right ? 1 : 0;
    }
    // Every group needs a card: with all on one side, the last card moves over.
    if (inFirst == 0 || inFirst == cards.size()) {
      cards[cards.size() - 1]["group"] = groups[inFirst == 0 ? 0 : 1]["id"];
    }
    item["groups"] = groups;
    item["cards"] = cards;
  } else if (type == "order") {
    item["cards"] = entriesFrom(lines, 8, "card");
  }
}

} // namespace

std::optional<Edit> renameNodeEdit(const PackDocument& doc, const std::string& file,
                                   const std::string& stepPointer, std::size_t nodeIndex,
                                   const std::string& newId, std::string& why) {
  const Json* root = doc.value(file);
  const Json* step = root != nullptr ? findPointer(*root, stepPointer) : nullptr;
  const std::string nodesPointer = appendPointer(stepPointer, "nodes");
  const Json* nodes = step != nullptr ? findPointer(*step, "/nodes") : nullptr;
  if (step == nullptr || !step->is_object() || !isArray(nodes) || nodeIndex >= nodes->size() ||
      !(*nodes)[nodeIndex].is_object()) {
    why = "That part of the story is not there any more.";
    return std::nullopt;
  }
  const std::string oldId = idOf((*nodes)[nodeIndex]);
  if (newId == oldId) {
    why = "That is already its name.";
    return std::nullopt;
  }
  if (!detail::isValidId(newId)) {
    why = "A name uses only small letters a to z, digits and '-' (not first), at most 64: "
          "for example \"asks-mum\".";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    if (i != nodeIndex && idOf((*nodes)[i]) == newId) {
      why = "Another part of this story is called \"" + newId + "\": choose another name.";
      return std::nullopt;
    }
  }
  const std::string nodePointer = appendPointer(nodesPointer, nodeIndex);
  Edit edit{"Rename node " + oldId + " to " + newId, {}};
  if (findPointer(*step, "/nodes/" + std::to_string(nodeIndex) + "/id") != nullptr) {
    edit.ops.push_back(EditOp::set(file, appendPointer(nodePointer, "id"), newId));
  } else {
    edit.ops.push_back(
        EditOp::insertMember(file, nodePointer, "id", 0, newId)); // a node written without one
  }
  if (oldId.empty()) {
    return edit; // nothing could lead to a node with no name
  }
  const auto start = step->find("start");
  if (start != step->end() && start->is_string() && start->get<std::string>() == oldId) {
    edit.ops.push_back(EditOp::set(file, appendPointer(stepPointer, "start"), newId));
  }
  for (std::size_t n = 0; n < nodes->size(); ++n) {
    const Json* choices = findPointer((*nodes)[n], "/choices");
    if (!isArray(choices)) {
      continue;
    }
    for (std::size_t c = 0; c < choices->size(); ++c) {
      const Json* next = findPointer((*choices)[c], "/next");
      if (next != nullptr && next->is_string() && next->get<std::string>() == oldId) {
        const std::string cp = appendPointer(
            appendPointer(appendPointer(appendPointer(nodesPointer, n), "choices"), c), "next");
        edit.ops.push_back(EditOp::set(file, cp, newId));
      }
    }
  }
  // The box keeps its place on the map under its new name.
  std::string positionsPointer;
  if (const Json* positions = positionsOf(*step, positionsPointer, stepPointer)) {
    const auto placed = positions->find(oldId);
    if (placed != positions->end() && !positions->contains(newId)) {
      const std::size_t at = placeOf(*positions, oldId);
      edit.ops.push_back(EditOp::removeMember(file, positionsPointer, oldId));
      edit.ops.push_back(EditOp::insertMember(file, positionsPointer, newId, at, *placed));
    }
  }
  return edit;
}

std::optional<Edit> changeQuestionTypeEdit(const PackDocument& doc, const std::string& file,
                                           const std::string& itemPointer,
                                           const std::string& newType, std::string& why) {
  const Json* root = doc.value(file);
  const Json* item = root != nullptr ? findPointer(*root, itemPointer) : nullptr;
  if (item == nullptr || !item->is_object()) {
    why = "That question is not there any more.";
    return std::nullopt;
  }
  if (!newQuizItem(doc, Json::array(), newType)) {
    why = "This editor does not know that kind of question.";
    return std::nullopt;
  }
  const std::string oldType = item->value("type", std::string());
  if (oldType == newType) {
    why = "The question is already of that kind.";
    return std::nullopt;
  }
  // Rebuilt member by member, in the same order, so the file reads as before: the
  // type changed where it was, the old answers out and the new ones where they were.
  const std::vector<Line> lines = linesOf(*item);
  Json answers = Json::object();
  putAnswers(doc, answers, newType, lines, *item);
  Json out = Json::object();
  bool answersPut = false;
  for (auto it = item->begin(); it != item->end(); ++it) {
    const bool isAnswer =
        std::find(answerKeys().begin(), answerKeys().end(), it.key()) != answerKeys().end();
    if (it.key() == "type") {
      out["type"] = newType;
    } else if (!isAnswer) {
      if (it.key() == "feedback" && !answersPut) {
        out.update(answers);
        answersPut = true;
      }
      out[it.key()] = it.value();
    } else if (!answersPut) {
      out.update(answers);
      answersPut = true;
    }
  }
  if (!out.contains("type")) {
    out["type"] = newType;
  }
  if (!answersPut) {
    out.update(answers);
  }
  return Edit{"Change the question to " + newType, {EditOp::set(file, itemPointer, out)}};
}

} // namespace sq::authoring
