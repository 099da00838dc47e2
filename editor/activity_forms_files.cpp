// The activity forms (see activity_forms.hpp) for the files around the lessons:
// pack.json with its units, an AUP's promises and an assembly's slides and votes.
// Sections:
//   1. pack.json: the pack's fields and each year group's unit
//   2. AUPs: version, phase and the promises in order
//   3. assemblies: year groups, tags, slides and votes
#include "activity_forms.hpp"
#include "imgui_helpers.hpp"

#include "authoring/new_items.hpp"
#include "content/pack_model.hpp"
#include "pack_editor.hpp"

#include <imgui.h>

#include <algorithm>

namespace sq {

using authoring::appendPointer;
using authoring::Edit;
using authoring::EditOp;
using authoring::nameOf;
using authoring::Vocabulary;

// ---- pack.json ----------------------------------------------------------------------

void ActivityForms::drawPackManifest() {
  heading("Pack");
  const Json* root = at("");
  note("Pack id: " + stringOf(root, "id") + " (results record it; it never changes)");
  textRow("Title", "/title", false);
  optionalText("Description", "", "description", true);
  textRow("Version", "/version", false);
  note("Like 1.0 or 1.2.3: raise it when you share a changed pack.");
  if (const Json* authors = at("/authors"); authors != nullptr && authors->is_array()) {
    itemList("/authors", "author", 1, nullptr, [this](const std::string& p, std::size_t i) {
      textRow(("Author " + std::to_string(i + 1)).c_str(), p, false);
      return false;
    });
    addButton("Add an author", "/authors", Json("Your name"));
  }
  textRow("Licence", "/licence", false);
  if (const Json* languages = at("/languages")) {
    mHost.drawValue("Languages", "/languages", *languages, 1);
  }

  const Json* units = at("/units");
  if (units != nullptr && units->is_array()) {
    heading("Units: each year group's lessons for the year");
    for (std::size_t i = 0; i < units->size(); ++i) {
      const std::string up = appendPointer("/units", i);
      const Json& unit = (*units)[i];
      const std::string title =
          std::string(nameOf(Vocabulary::YearGroup, stringOf(&unit, "yearGroup"))) +
          "  \xE2\x80\x94  " + shortText(authoring::findPointer(unit, "/title"), 50);
      if (opensForMark(up)) {
        ImGui::SetNextItemOpen(true);
      }
      ImGui::PushID(up.c_str());
      bool changed = false;
      if (ImGui::CollapsingHeader((title + "###unit").c_str())) {
        ImGui::Indent();
        changed = itemHeading("This unit", "/units", i, 0, "unit");
        if (!changed) {
          drawUnit(up);
        }
        ImGui::Unindent();
      }
      ImGui::PopID();
      if (changed) {
        break;
      }
    }
    if (!readOnly()) {
      const std::optional<Json> unit = authoring::newUnit(doc());
      ImGui::BeginDisabled(!unit.has_value());
      if (ImGui::Button("Add a unit") && unit) {
        apply(Edit{"Add a unit", {EditOp::insertItem(file(), "/units", units->size(), *unit)}});
      }
      if (!unit && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Every year group has its unit, or the pack has no lessons yet.");
      }
      ImGui::EndDisabled();
    }
  }
  otherFields("", {"formatVersion", "id", "title", "version", "languages", "authors", "licence",
                   "description", "units"});
}

void ActivityForms::drawUnit(const std::string& pointer) {
  // The year group decides the band: choosing one sets both, in one step.
  const std::string yp = appendPointer(pointer, "yearGroup");
  const std::string year = stringOf(at(pointer), "yearGroup");
  labelCell("Year group");
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(readOnly());
  if (ImGui::BeginCombo(("##" + yp).c_str(),
                        std::string(nameOf(Vocabulary::YearGroup, year)).c_str())) {
    for (const authoring::NamedValue& v : authoring::namedValues(Vocabulary::YearGroup)) {
      if (ImGui::Selectable(std::string(v.name).c_str(), v.id == year) && v.id != year) {
        const std::optional<YearGroup> y = parseYearGroup(v.id);
        const Json* unit = at(pointer);
        Edit edit{"Change the unit's year group", {}};
        const bool hadYear = at(yp) != nullptr;
        edit.ops.push_back(hadYear ? EditOp::set(file(), yp, std::string(v.id))
                                   : EditOp::insertMember(file(), pointer, "yearGroup",
                                                          unit->size(), std::string(v.id)));
        if (y) {
          const std::string band(bandId(bandOf(*y)));
          const std::string bp = appendPointer(pointer, "band");
          edit.ops.push_back(at(bp) != nullptr
                                 ? EditOp::set(file(), bp, band)
                                 : EditOp::insertMember(file(), pointer, "band",
                                                        unit->size() + (hadYear ? 0 : 1), band));
        }
        apply(edit);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  mHost.markIfSelected(yp);
  optionCombo("Band", pointer, "band", fromVocabulary(Vocabulary::Band), nullptr);
  textRow("Title", appendPointer(pointer, "title"), false);

  Options lessons;
  for (const std::string& id : authoring::lessonIds(doc())) {
    const Json* v = doc().value("lessons/" + id + ".json");
    const std::string title =
        v != nullptr ? shortText(authoring::findPointer(*v, "/title"), 50) : std::string();
    lessons.emplace_back(id, title.empty() ? id : title);
  }
  const std::string list = appendPointer(pointer, "lessons");
  const Json* entries = at(list);
  if (entries == nullptr || !entries->is_array()) {
    return;
  }
  ImGui::TextUnformatted("Lessons, in order");
  const auto lessonTitle = [](std::size_t i) { return "Lesson " + std::to_string(i + 1); };
  itemList(list, "lesson", 1, lessonTitle, [this, &lessons](const std::string& lp, std::size_t) {
    optionCombo("Lesson", lp, "lesson", lessons, nullptr);
    checkbox("Required", lp, "required", true, "Pupils need it to complete their unit");
    otherFields(lp, {"lesson", "required"});
    return false;
  });
  entries = at(list);
  if (entries != nullptr && entries->is_array() && !lessons.empty()) {
    // The first lesson this unit does not list yet.
    std::string next = lessons.front().first;
    for (const auto& [id, title] : lessons) {
      bool listed = false;
      for (const Json& e : *entries) {
        listed = listed || stringOf(&e, "lesson") == id;
      }
      if (!listed) {
        next = id;
        break;
      }
    }
    addButton("Add a lesson", list, authoring::newUnitLesson(next, true));
  }
  otherFields(pointer, {"id", "yearGroup", "band", "title", "lessons"});
}

// ---- AUPs ---------------------------------------------------------------------------

void ActivityForms::drawAup() {
  heading("Promises (AUP)");
  note("AUP id: " + stringOf(at(""), "id") + " (the file's name)");
  textRow("Title", "/title", false);
  textRow("Version", "/version", false);
  note("Change the version whenever the promises change, so pupils sign the new words.");
  optionCombo("Phase", "", "phase", fromVocabulary(Vocabulary::AupPhase), nullptr);
  optionalText("Introduction", "", "intro", true);
  const Json* promises = at("/promises");
  if (promises != nullptr && promises->is_array()) {
    heading("Promises, in order (1 to 30)");
    const auto title = [](std::size_t i) { return "Promise " + std::to_string(i + 1); };
    itemList("/promises", "promise", 1, title, [this](const std::string& pp, std::size_t) {
      textRow("Text", appendPointer(pp, "text"), false);
      pictureAndNarration(pp, true);
      otherFields(pp, {"id", "text", "picture", "narration"});
      return false;
    });
    promises = at("/promises");
    if (promises != nullptr && promises->is_array() && promises->size() < 30) {
      addButton("Add a promise", "/promises", authoring::newPromise(doc(), *promises));
    }
  }
  otherFields("", {"id", "version", "phase", "title", "intro", "promises"});
}

// ---- assemblies ---------------------------------------------------------------------

void ActivityForms::drawAssembly() {
  heading("Assembly");
  note("Assembly id: " + stringOf(at(""), "id") + " (the file's name)");
  textRow("Title", "/title", false);
  vocabularyTicks("Year groups (none ticked: the whole school)", "", "yearGroups",
                  Vocabulary::YearGroup, 4, true);
  tagPicker("");
  const Json* steps = at("/steps");
  if (steps != nullptr && steps->is_array()) {
    heading("Slides and votes, in order");
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const std::string sp = appendPointer("/steps", i);
      const Json& step = (*steps)[i];
      const std::string kind = stringOf(&step, "kind");
      const Json* words = authoring::findPointer(step, kind == "vote" ? "/prompt" : "/text");
      const std::string title = std::to_string(i + 1) + ". " +
                                std::string(nameOf(Vocabulary::AssemblyStepKind, kind)) +
                                "  \xE2\x80\x94  " + shortText(words, 50);
      if (opensForMark(sp)) {
        ImGui::SetNextItemOpen(true);
      }
      ImGui::PushID(sp.c_str());
      bool changed = false;
      if (ImGui::CollapsingHeader((title + "###assembly-step").c_str())) {
        ImGui::Indent();
        changed = itemHeading("This step", "/steps", i, 1, "step");
        if (!changed) {
          drawAssemblyStep(sp);
        }
        ImGui::Unindent();
      }
      ImGui::PopID();
      if (changed) {
        break;
      }
    }
    const int kind = addKindRow("Add", "/steps", Vocabulary::AssemblyStepKind);
    steps = at("/steps");
    if (kind >= 0 && steps != nullptr) {
      const auto& kinds = authoring::namedValues(Vocabulary::AssemblyStepKind);
      if (const std::optional<Json> step =
              authoring::newAssemblyStep(doc(), *steps, kinds[static_cast<std::size_t>(kind)].id)) {
        apply(Edit{"Add a step", {EditOp::insertItem(file(), "/steps", steps->size(), *step)}});
      }
    }
  }
  otherFields("", {"id", "title", "yearGroups", "tags", "steps"});
}

void ActivityForms::drawAssemblyStep(const std::string& pointer) {
  const std::string kind = stringOf(at(pointer), "kind");
  std::set<std::string> known = {"id", "kind", "notes", "picture"};
  if (kind == "slide") {
    textRow("Text", appendPointer(pointer, "text"), true);
    known.insert("text");
  } else if (kind == "vote") {
    textRow("Question", appendPointer(pointer, "prompt"), false);
    const std::string list = appendPointer(pointer, "options");
    Options answers;
    if (const Json* options = at(list); options != nullptr && options->is_array()) {
      ImGui::TextUnformatted("Options the room votes on (2 to 6)");
      itemList(list, "option", 2, nullptr, [this](const std::string& op, std::size_t i) {
        textRow(("Option " + std::to_string(i + 1)).c_str(), appendPointer(op, "text"), false);
        otherFields(op, {"id", "text"});
        return false;
      });
      options = at(list);
      for (std::size_t i = 0; options != nullptr && i < options->size(); ++i) {
        const std::string id = stringOf(&(*options)[i], "id");
        answers.emplace_back(id, std::to_string(i + 1) + ". " +
                                     shortText(authoring::findPointer((*options)[i], "/text"), 40));
      }
      if (options != nullptr && options->is_array() && options->size() < 6) {
        addButton("Add an option", list, authoring::newVoteOption(doc(), *options));
      }
    }
    optionCombo("Right answer", pointer, "answer", answers, "(none: a question to discuss)");
    textRow("Explanation", appendPointer(pointer, "explanation"), true);
    known.insert({"prompt", "options", "answer", "explanation"});
  } else {
    known.erase("kind");
  }
  optionalText("Presenter notes", pointer, "notes", true);
  pictureAndNarration(pointer, false);
  otherFields(pointer, known);
}

} // namespace sq
