// The activity forms (see activity_forms.hpp) for a story with choices (scenario)
// and for quizzes of every type.
// Sections:
//   1. stories: the start, the node list, a node's form, its choices, endings
//   2. quizzes: questions of each type, options, sort groups and cards, order cards
#include "activity_forms.hpp"
#include "editor_script.hpp"
#include "imgui_helpers.hpp"

#include "authoring/new_items.hpp"
#include "authoring/story_quiz_edits.hpp"
#include "pack_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

using authoring::appendPointer;
using authoring::Edit;
using authoring::EditOp;
using authoring::nameOf;
using authoring::Vocabulary;

namespace {

bool boolOf(const authoring::Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) {
    return false;
  }
  const auto it = object->find(key);
  return it != object->end() && it->is_boolean() && it->get<bool>();
}

std::size_t sizeOf(const authoring::Json* list) {
  return list != nullptr && list->is_array() ? list->size() : 0;
}

} // namespace

// ---- stories ------------------------------------------------------------------------

std::size_t ActivityForms::selectedNode(const std::string& stepPointer) const {
  const auto it = mNode.find(file() + "#" + stepPointer);
  return it == mNode.end() ? 0 : it->second;
}

void ActivityForms::selectNode(const std::string& stepPointer, std::size_t nodeIndex) {
  mNode[file() + "#" + stepPointer] = nodeIndex;
}

ActivityForms::Options ActivityForms::nodeOptions(const std::string& stepPointer) const {
  Options out;
  const Json* nodes = at(appendPointer(stepPointer, "nodes"));
  for (std::size_t i = 0; i < sizeOf(nodes); ++i) {
    const Json& n = (*nodes)[i];
    const std::string id = stringOf(&n, "id");
    if (id.empty()) {
      continue;
    }
    std::string shown = id + ": " + shortText(authoring::findPointer(n, "/text"), 45);
    if (boolOf(&n, "ending")) {
      shown += "  (ending)";
    }
    out.emplace_back(id, shown);
  }
  return out;
}

void ActivityForms::drawScenarioStep(const std::string& stepPointer) {
  const Options nodes = nodeOptions(stepPointer);
  optionCombo("Starts at", stepPointer, "start", nodes, nullptr);
  const std::string list = appendPointer(stepPointer, "nodes");
  const Json* all = at(list);
  const std::size_t n = sizeOf(all);
  if (n == 0) {
    addButton("Add a node", list, authoring::newNode(doc(), Json::array()));
    return;
  }
  // A problem or a find result inside a node shows that node.
  for (std::size_t i = 0; i < n; ++i) {
    if (opensForMark(appendPointer(list, i))) {
      selectNode(stepPointer, i);
    }
  }
  std::size_t shown = std::min(selectedNode(stepPointer), n - 1);
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Node");
  ImGui::SameLine(labelWidth());
  ImGui::SetNextItemWidth(-1);
  const std::string start = stringOf(at(stepPointer), "start");
  auto nodeName = [&](std::size_t i) {
    const std::string id = stringOf(&(*all)[i], "id");
    for (const auto& [oid, text] : nodes) {
      if (oid == id) {
        return std::to_string(i + 1) + ". " + text + (id == start ? "  (start)" : "");
      }
    }
    return std::to_string(i + 1) + ". (no id)";
  };
  const bool nodesOpen =
      ImGui::BeginCombo(("##node" + stepPointer).c_str(), nodeName(shown).c_str());
  if (!nodesOpen) {
    nameItem("scenes:" + stepPointer); // scripts: then "scene:STEP=INDEX"
  }
  if (nodesOpen) {
    for (std::size_t i = 0; i < n; ++i) {
      const bool picked =
          ImGui::Selectable((nodeName(i) + "##" + std::to_string(i)).c_str(), i == shown);
      nameItem("scene:" + stepPointer + "=" + std::to_string(i));
      if (i == shown) {
        ImGui::SetItemDefaultFocus();
      }
      if (picked) {
        selectNode(stepPointer, i);
        shown = i;
      }
    }
    ImGui::EndCombo();
  }
  if (!readOnly()) {
    ImGui::Indent(labelWidth());
    const bool addNode = ImGui::SmallButton(("Add a node##" + stepPointer).c_str());
    nameItem("add:" + list);
    if (addNode) {
      apply(Edit{"Add a node",
                 {EditOp::insertItem(file(), list, n, authoring::newNode(doc(), *all))}});
      selectNode(stepPointer, n);
      ImGui::Unindent(labelWidth());
      return;
    }
    ImGui::SameLine();
    const bool isStart = stringOf(&(*all)[shown], "id") == start;
    ImGui::BeginDisabled(n <= 1 || isStart);
    const bool removeNode = ImGui::SmallButton(("Remove this node##" + stepPointer).c_str());
    nameItem("remove-node:" + stepPointer);
    if (removeNode) {
      apply(Edit{"Remove node " + stringOf(&(*all)[shown], "id"),
                 {EditOp::removeItem(file(), list, shown)}});
      selectNode(stepPointer, shown > 0 ? shown - 1 : 0);
      ImGui::EndDisabled();
      ImGui::Unindent(labelWidth());
      return;
    }
    if (isStart && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("The story starts here: choose another start first.");
    }
    ImGui::EndDisabled();
    ImGui::Unindent(labelWidth());
  }
  drawScenarioNodeForm(stepPointer, shown);
}

void ActivityForms::drawScenarioNodeForm(const std::string& stepPointer, std::size_t nodeIndex) {
  const std::string np = appendPointer(appendPointer(stepPointer, "nodes"), nodeIndex);
  const Json* node = at(np);
  if (node == nullptr || !node->is_object()) {
    return;
  }
  ImGui::PushID(np.c_str());
  drawNodeId(stepPointer, nodeIndex);
  textRow("Text", appendPointer(np, "text"), true);
  pictureAndNarration(np, true);
  const bool ending = boolOf(node, "ending");
  labelCell("Ending");
  bool b = ending;
  ImGui::BeginDisabled(readOnly());
  const bool endingTicked = ImGui::Checkbox("The story ends here##ending", &b);
  nameItem("field:" + appendPointer(np, "ending"));
  if (endingTicked) {
    setEnding(stepPointer, np, b);
  }
  ImGui::EndDisabled();
  mHost.markIfSelected(appendPointer(np, "ending"));
  const std::string list = appendPointer(np, "choices");
  const Json* choices = at(list);
  if (!ending || sizeOf(choices) > 0) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Choices (1 to 4)");
    mHost.markIfSelected(list);
    for (std::size_t i = 0; i < sizeOf(choices); ++i) {
      if (drawChoice(stepPointer, np, i)) {
        break;
      }
    }
    choices = at(list);
    if (choices != nullptr && choices->is_array() && choices->size() < 4 && !readOnly()) {
      addButton("Add a choice", list, authoring::newChoice(doc(), *choices));
    }
  }
  otherFields(np, {"id", "text", "picture", "narration", "ending", "choices"});
  ImGui::PopID();
}

bool ActivityForms::drawChoice(const std::string& stepPointer, const std::string& nodePointer,
                               std::size_t index) {
  const std::string list = appendPointer(nodePointer, "choices");
  const std::string cp = appendPointer(list, index);
  const Json* choice = at(cp);
  if (choice == nullptr || !choice->is_object()) {
    return false;
  }
  ImGui::PushID(cp.c_str());
  ImGui::Separator();
  if (itemHeading("Choice " + std::to_string(index + 1), list, index, 1, "choice")) {
    ImGui::PopID();
    return true;
  }
  textRow("Text", appendPointer(cp, "text"), false);
  const bool safe = boolOf(choice, "safe");
  labelCell("Is it safe?");
  ImGui::BeginDisabled(readOnly());
  int which = safe ? 1 : 0;
  bool changed = ImGui::RadioButton("Safe choice", &which, 1);
  nameItem("option:" + appendPointer(cp, "safe") + "=true");
  ImGui::SameLine();
  changed = ImGui::RadioButton("Unsafe choice", &which, 0) || changed;
  nameItem("option:" + appendPointer(cp, "safe") + "=false");
  ImGui::EndDisabled();
  mHost.markIfSelected(appendPointer(cp, "safe"));
  if (changed && (which == 1) != safe) {
    const std::string sp = appendPointer(cp, "safe");
    apply(Edit{which == 1 ? "Make the choice safe" : "Make the choice unsafe",
               {at(sp) != nullptr
                    ? EditOp::set(file(), sp, which == 1)
                    : EditOp::insertMember(file(), cp, "safe", choice->size(), which == 1)}});
    choice = at(cp);
  }
  optionCombo("SMART rule", cp, "smart", fromVocabulary(Vocabulary::SmartLetter), nullptr);
  textRow("Feedback", appendPointer(cp, "feedback"), false);
  optionCombo("Goes to", cp, "next", nodeOptions(stepPointer), "(stays here / try again)");
  if (boolOf(at(cp), "safe") && at(appendPointer(cp, "next")) == nullptr) {
    note("A safe choice must go to a node.");
  }
  pictureAndNarration(cp, false);
  otherFields(cp, {"id", "text", "safe", "smart", "feedback", "next", "picture"});
  ImGui::PopID();
  return false;
}

void ActivityForms::drawNodeId(const std::string& stepPointer, std::size_t nodeIndex) {
  const std::string np = appendPointer(appendPointer(stepPointer, "nodes"), nodeIndex);
  const std::string id = stringOf(at(np), "id");
  std::string& typed = mTypedId[file() + "#" + np];
  labelCell("Node id");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGuiInputTextFlags flags =
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank;
  if (readOnly()) {
    flags |= ImGuiInputTextFlags_ReadOnly;
  }
  const bool entered = ImGui::InputText("##node-id", &typed, flags);
  nameItem("field:" + appendPointer(np, "id"));
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Type a new name and press Return: the start and every choice leading "
                      "here change with it.");
  }
  mHost.markIfSelected(appendPointer(np, "id"));
  // Renamed once, when the teacher presses Return or leaves the field, so the
  // choices leading here follow in one undo step (never a half-typed name).
  if ((entered || ImGui::IsItemDeactivatedAfterEdit()) && !readOnly() && typed != id) {
    std::string why;
    if (const std::optional<Edit> edit =
            authoring::renameNodeEdit(doc(), file(), stepPointer, nodeIndex, typed, why)) {
      apply(*edit);
      mHost.mStatus = "Renamed \"" + id + "\" to \"" + typed + "\".";
    } else {
      mHost.mStatus = why;
    }
  }
  if (!ImGui::IsItemActive()) {
    typed = stringOf(at(np), "id");
  }
}

void ActivityForms::setEnding(const std::string& stepPointer, const std::string& nodePointer,
                              bool ending) {
  const Json* node = at(nodePointer);
  if (node == nullptr || !node->is_object()) {
    return;
  }
  const bool hasEnding = node->contains("ending");
  const bool hasChoices = node->contains("choices");
  Edit edit{ending ? "Make the node an ending" : "Make the node lead on", {}};
  if (ending) {
    // An ending offers no choices: they go (undo brings them back).
    if (hasChoices) {
      edit.ops.push_back(EditOp::removeMember(file(), nodePointer, "choices"));
    }
    edit.ops.push_back(hasEnding ? EditOp::set(file(), appendPointer(nodePointer, "ending"), true)
                                 : EditOp::insertMember(file(), nodePointer, "ending",
                                                        node->size() - (hasChoices ? 1 : 0), true));
  } else {
    if (hasEnding) {
      edit.ops.push_back(EditOp::removeMember(file(), nodePointer, "ending"));
    }
    if (!hasChoices) {
      // A node that leads on needs a safe choice: one to an ending, to start with.
      const std::string self = stringOf(node, "id");
      std::string target;
      const Json* nodes = at(appendPointer(stepPointer, "nodes"));
      for (std::size_t i = 0; i < sizeOf(nodes) && target.empty(); ++i) {
        const std::string id = stringOf(&(*nodes)[i], "id");
        if (id != self && boolOf(&(*nodes)[i], "ending")) {
          target = id;
        }
      }
      const std::size_t place = node->size() - (hasEnding ? 1 : 0);
      edit.ops.push_back(EditOp::insertMember(
          file(), nodePointer, "choices", place,
          Json::array({target.empty() ? authoring::newChoice(doc(), Json::array())
                                      : authoring::newSafeChoice(doc(), Json::array(), target)})));
    }
  }
  apply(edit);
}

// ---- quizzes ------------------------------------------------------------------------

void ActivityForms::drawQuiz(const std::string& pointer) {
  const std::string list = appendPointer(pointer, "items");
  const Json* items = at(list);
  if (items == nullptr || !items->is_array()) {
    return;
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ip = appendPointer(list, i);
    const Json& item = (*items)[i];
    const std::string title = "Question " + std::to_string(i + 1) + ": " +
                              std::string(nameOf(Vocabulary::QuizType, stringOf(&item, "type"))) +
                              "  \xE2\x80\x94  " +
                              shortText(authoring::findPointer(item, "/prompt"), 45);
    if (opensForMark(ip)) {
      ImGui::SetNextItemOpen(true);
    }
    ImGui::PushID(ip.c_str());
    const bool open = ImGui::TreeNodeEx((title + "###question").c_str(),
                                        ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_DefaultOpen);
    bool changed = false;
    if (open) {
      changed = itemHeading("This question", list, i, 1, "question");
      if (!changed) {
        drawQuizItem(ip);
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
    if (changed) {
      break;
    }
  }
  const int type = addKindRow("Add a question", list, Vocabulary::QuizType);
  if (type >= 0) {
    const auto& types = authoring::namedValues(Vocabulary::QuizType);
    if (const std::optional<Json> item =
            authoring::newQuizItem(doc(), *items, types[static_cast<std::size_t>(type)].id)) {
      apply(Edit{"Add a question", {EditOp::insertItem(file(), list, items->size(), *item)}});
    }
  }
}

void ActivityForms::drawQuizItem(const std::string& pointer) {
  const Json* item = at(pointer);
  if (item == nullptr || !item->is_object()) {
    return;
  }
  const std::string type = stringOf(item, "type");
  drawQuestionType(pointer);
  textRow("Question", appendPointer(pointer, "prompt"), false);
  pictureAndNarration(pointer, true);
  std::set<std::string> known = {"id", "type", "prompt", "picture", "narration", "feedback"};
  if (type == "single" || type == "multiple") {
    drawOptions(pointer, type == "single");
    known.insert("options");
  } else if (type == "truefalse") {
    const std::string ap = appendPointer(pointer, "answer");
    const Json* answer = at(ap);
    labelCell("The answer");
    int which = answer != nullptr && answer->is_boolean() && answer->get<bool>() ? 1 : 0;
    ImGui::BeginDisabled(readOnly());
    bool changed = ImGui::RadioButton("True", &which, 1);
    nameItem("option:" + ap + "=true");
    ImGui::SameLine();
    changed = ImGui::RadioButton("False", &which, 0) || changed;
    nameItem("option:" + ap + "=false");
    ImGui::EndDisabled();
    mHost.markIfSelected(ap);
    if (changed) {
      apply(Edit{"Change the answer",
                 {answer != nullptr ? EditOp::set(file(), ap, which == 1)
                                    : EditOp::insertMember(file(), pointer, "answer", item->size(),
                                                           which == 1)}});
    }
    known.insert("answer");
  } else if (type == "sort") {
    drawSortGroups(pointer);
    drawSortCards(pointer);
    known.insert({"groups", "cards"});
  } else if (type == "order") {
    drawOrderCards(pointer);
    known.insert("cards");
  } else {
    known.erase("type"); // a type this editor does not know: shown as written
  }
  ImGui::Spacing();
  textRow("When right", appendPointer(pointer, "feedback/correct"), false);
  textRow("When wrong", appendPointer(pointer, "feedback/incorrect"), false);
  otherFields(pointer, known);
}

void ActivityForms::drawQuestionType(const std::string& itemPointer) {
  const std::string type = stringOf(at(itemPointer), "type");
  const std::string tp = appendPointer(itemPointer, "type");
  labelCell("Kind of question");
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(readOnly());
  const std::string preview(nameOf(Vocabulary::QuizType, type));
  const bool open = ImGui::BeginCombo(("##type" + itemPointer).c_str(), preview.c_str());
  if (!open) {
    nameItem("field:" + tp); // scripts: then "option:POINTER=TYPE"
  }
  if (open) {
    for (const authoring::NamedValue& v : authoring::namedValues(Vocabulary::QuizType)) {
      const std::string id(v.id);
      const bool picked = ImGui::Selectable((std::string(v.name) + "##" + id).c_str(), id == type);
      nameItem("option:" + tp + "=" + id);
      if (id == type) {
        ImGui::SetItemDefaultFocus();
      }
      if (picked && id != type) {
        std::string why;
        if (const std::optional<Edit> edit =
                authoring::changeQuestionTypeEdit(doc(), file(), itemPointer, id, why)) {
          apply(*edit);
        } else {
          mHost.mStatus = why;
        }
      }
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  mHost.markIfSelected(tp);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("The question keeps its words; its answers change to suit the new kind.");
  }
}

void ActivityForms::drawOptions(const std::string& itemPointer, bool single) {
  const std::string list = appendPointer(itemPointer, "options");
  const Json* options = at(list);
  if (options == nullptr || !options->is_array()) {
    return;
  }
  ImGui::TextUnformatted(single ? "Options (2 to 6; choose the one right answer)"
                                : "Options (2 to 6; tick every right answer)");
  const auto title = [](std::size_t i) { return "Option " + std::to_string(i + 1); };
  if (itemList(list, "option", 2, title, [&](const std::string& op, std::size_t i) {
        textRow("Text", appendPointer(op, "text"), false);
        const std::string cp = appendPointer(op, "correct");
        const bool correct = boolOf(at(op), "correct");
        labelCell("Right answer");
        ImGui::BeginDisabled(readOnly());
        bool pressed = false;
        bool now = correct;
        if (single) {
          pressed = ImGui::RadioButton("This is the right answer", correct) && !correct;
          now = true;
        } else {
          pressed = ImGui::Checkbox("This is a right answer", &now);
        }
        nameItem("field:" + cp);
        ImGui::EndDisabled();
        mHost.markIfSelected(cp);
        if (pressed) {
          Edit edit{now ? "Choose the right answer" : "Untick a right answer", {}};
          // One right answer in a single-choice question: choosing it clears the others.
          for (std::size_t j = 0; j < options->size(); ++j) {
            const std::string other = appendPointer(appendPointer(list, j), "correct");
            const bool value = j == i ? now : (single ? false : boolOf(&(*options)[j], "correct"));
            if (j != i && !single) {
              continue;
            }
            if (at(other) != nullptr) {
              edit.ops.push_back(EditOp::set(file(), other, value));
            } else if ((*options)[j].is_object()) {
              edit.ops.push_back(EditOp::insertMember(file(), appendPointer(list, j), "correct",
                                                      (*options)[j].size(), value));
            }
          }
          apply(edit);
          return true;
        }
        pictureAndNarration(op, false);
        otherFields(op, {"id", "text", "picture", "correct"});
        return false;
      })) {
    return;
  }
  options = at(list);
  if (options != nullptr && options->is_array() && options->size() < 6) {
    addButton("Add an option", list, authoring::newOption(doc(), *options));
  }
}

void ActivityForms::drawSortGroups(const std::string& itemPointer) {
  const std::string list = appendPointer(itemPointer, "groups");
  const Json* groups = at(list);
  if (groups == nullptr || !groups->is_array()) {
    return;
  }
  ImGui::TextUnformatted("Groups (2 to 4)");
  itemList(list, "group", 2, nullptr, [this](const std::string& gp, std::size_t i) {
    textRow(("Group " + std::to_string(i + 1)).c_str(), appendPointer(gp, "label"), false);
    return false;
  });
  groups = at(list);
  if (groups != nullptr && groups->is_array() && groups->size() < 4) {
    addButton("Add a group", list, authoring::newSortGroup(doc(), *groups));
  }
}

void ActivityForms::drawSortCards(const std::string& itemPointer) {
  Options groups;
  const Json* gs = at(appendPointer(itemPointer, "groups"));
  for (std::size_t i = 0; i < sizeOf(gs); ++i) {
    const std::string id = stringOf(&(*gs)[i], "id");
    const std::string name = shortText(authoring::findPointer((*gs)[i], "/label"), 40);
    groups.emplace_back(id, name.empty() ? id : name);
  }
  const std::string list = appendPointer(itemPointer, "cards");
  const Json* cards = at(list);
  if (cards == nullptr || !cards->is_array()) {
    return;
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Cards (2 to 12), each in its right group");
  const auto title = [](std::size_t i) { return "Card " + std::to_string(i + 1); };
  if (itemList(list, "card", 2, title, [this, &groups](const std::string& cp, std::size_t) {
        textRow("Text", appendPointer(cp, "text"), false);
        optionCombo("Right group", cp, "group", groups, nullptr);
        pictureAndNarration(cp, false);
        otherFields(cp, {"id", "text", "picture", "group"});
        return false;
      })) {
    return;
  }
  cards = at(list);
  if (cards != nullptr && cards->is_array() && cards->size() < 12 && !groups.empty()) {
    addButton("Add a card", list, authoring::newSortCard(doc(), *cards, groups.front().first));
  }
}

void ActivityForms::drawOrderCards(const std::string& itemPointer) {
  const std::string list = appendPointer(itemPointer, "cards");
  const Json* cards = at(list);
  if (cards == nullptr || !cards->is_array()) {
    return;
  }
  ImGui::TextUnformatted("Cards (2 to 8) in the right order: the game shuffles them");
  const auto title = [](std::size_t i) { return std::to_string(i + 1) + "."; };
  if (itemList(list, "card", 2, title, [this](const std::string& cp, std::size_t) {
        textRow("Text", appendPointer(cp, "text"), false);
        pictureAndNarration(cp, false);
        otherFields(cp, {"id", "text", "picture"});
        return false;
      })) {
    return;
  }
  cards = at(list);
  if (cards != nullptr && cards->is_array() && cards->size() < 8) {
    addButton("Add a card", list, authoring::newOrderCard(doc(), *cards));
  }
}

} // namespace sq
