// The activity forms (see activity_forms.hpp): choosing the form for a file, the
// lesson form and the simpler steps.
// Sections:
//   1. the form for a file: choosing which form draws
//   2. lessons: fields, its unit, objectives, steps
//   3. simple steps: slides, butterfly practice, signing the AUP
#include "activity_forms.hpp"
#include "editor_script.hpp"
#include "imgui_helpers.hpp"

#include "authoring/new_items.hpp"
#include "pack_editor.hpp"

#include <imgui.h>

#include <algorithm>

namespace sq {

using authoring::appendPointer;
using authoring::Edit;
using authoring::EditOp;
using authoring::nameOf;
using authoring::Vocabulary;

// ---- the form for a file ------------------------------------------------------------

bool ActivityForms::draw() {
  const Json* root = doc().value(file());
  if (root == nullptr || !root->is_object()) {
    return false;
  }
  const std::string& f = file();
  if (f == "pack.json") {
    drawPackManifest();
  } else if (f.rfind("lessons/", 0) == 0) {
    drawLesson();
  } else if (f.rfind("aups/", 0) == 0) {
    drawAup();
  } else if (f.rfind("assemblies/", 0) == 0) {
    drawAssembly();
  } else {
    return false;
  }
  // The marked field was drawn (and scrolled to) this frame if it could be: the
  // sections it opened may close again.
  mHost.mScrollToMark = false;
  return true;
}

// ---- lessons ------------------------------------------------------------------------

void ActivityForms::drawLesson() {
  heading("Lesson");
  note("Lesson id: " + stringOf(at(""), "id") + " (the file's name)");
  textRow("Title", "/title", false);
  drawLessonUnit();
  drawObjectives();
  optionalText("Teacher notes", "", "teacherNotes", true);
  checkbox("Whole class", "", "wholeClass", false,
           "Suits teaching to the whole class on the whiteboard");
  textRow("Reflection", "/reflection", false);
  if (at("/badge") != nullptr) {
    textRow("Badge title", "/badge/title", false);
    pictureAndNarration("/badge", false);
  }
  tagPicker("");
  drawSteps();
  otherFields("", {"id", "title", "objectives", "teacherNotes", "wholeClass", "tags", "steps",
                   "reflection", "badge"});
}

void ActivityForms::drawLessonUnit() {
  const std::string& f = file();
  const std::string lesson = f.size() > 13 ? f.substr(8, f.size() - 13) : f;
  const Json* pack = doc().value("pack.json");
  const Json* units = pack != nullptr ? authoring::findPointer(*pack, "/units") : nullptr;
  if (units == nullptr || !units->is_array()) {
    return;
  }
  Options options;
  std::vector<std::pair<std::size_t, std::size_t>> listed; // unit, place in its lessons
  for (std::size_t u = 0; u < units->size(); ++u) {
    const Json& unit = (*units)[u];
    const std::string year = stringOf(&unit, "yearGroup");
    // "Year 3: SMART explorers"; a title that names its year already is shown as it is.
    const std::string yearName(nameOf(Vocabulary::YearGroup, year));
    const std::string title = shortText(authoring::findPointer(unit, "/title"), 50);
    options.emplace_back(std::to_string(u),
                         title.rfind(yearName, 0) == 0 ? title : yearName + ": " + title);
    const auto ls = unit.is_object() ? unit.find("lessons") : unit.end();
    if (unit.is_object() && ls != unit.end() && ls->is_array()) {
      for (std::size_t i = 0; i < ls->size(); ++i) {
        if (stringOf(&(*ls)[i], "lesson") == lesson) {
          listed.emplace_back(u, i);
        }
      }
    }
  }
  const std::string none = "(in no unit: pupils do not see it)";
  const std::string preview = listed.empty() ? none : options[listed.front().first].second;
  labelCell("Year group");
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(readOnly());
  int moveTo = -2; // -1: out of every unit
  if (ImGui::BeginCombo("##lesson-unit", preview.c_str())) {
    if (ImGui::Selectable(none.c_str(), listed.empty()) && !listed.empty()) {
      moveTo = -1;
    }
    for (std::size_t u = 0; u < options.size(); ++u) {
      const bool chosen = !listed.empty() && listed.front().first == u;
      if (ImGui::Selectable((options[u].second + "##unit" + options[u].first).c_str(), chosen) &&
          !chosen) {
        moveTo = static_cast<int>(u);
      }
      if (chosen) {
        ImGui::SetItemDefaultFocus();
      }
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  if (moveTo != -2) {
    Edit edit{"Change the lesson's year group", {}};
    bool required = true;
    if (!listed.empty()) {
      const auto [u, i] = listed.front();
      const std::string lessons = "/units/" + std::to_string(u) + "/lessons";
      if ((*units)[u]["lessons"].size() <= 1) {
        mHost.mStatus = "A unit needs at least one lesson: add another to it first.";
        return;
      }
      const Json& entry = (*units)[u]["lessons"][i];
      required = entry.value("required", true);
      edit.ops.push_back(EditOp::removeItem("pack.json", lessons, i));
    }
    if (moveTo >= 0) {
      const std::string lessons = "/units/" + std::to_string(moveTo) + "/lessons";
      const Json* target = authoring::findPointer(*pack, lessons);
      if (target == nullptr || !target->is_array()) {
        return;
      }
      edit.ops.push_back(EditOp::insertItem("pack.json", lessons, target->size(),
                                            authoring::newUnitLesson(lesson, required)));
    }
    apply(edit);
    return;
  }
  if (listed.empty()) {
    return;
  }
  const auto [u, i] = listed.front();
  const std::string entry = "/units/" + std::to_string(u) + "/lessons/" + std::to_string(i);
  const Json* req = authoring::findPointer(*pack, entry + "/required");
  bool required = req != nullptr && req->is_boolean() && req->get<bool>();
  labelCell("Required");
  ImGui::BeginDisabled(readOnly() || req == nullptr || !req->is_boolean());
  if (ImGui::Checkbox("Pupils need it to complete their unit##lesson-required", &required)) {
    apply(Edit{required ? "Make the lesson required" : "Make the lesson optional",
               {EditOp::set("pack.json", entry + "/required", required)}});
  }
  ImGui::EndDisabled();
  if (listed.size() > 1) {
    std::string also;
    for (std::size_t k = 1; k < listed.size(); ++k) {
      also += (also.empty() ? "" : ", ") + options[listed[k].first].second;
    }
    note("Also in: " + also + " (change those in the pack's units).");
  }
}

void ActivityForms::drawObjectives() {
  const Json* list = at("/objectives");
  if (list == nullptr || !list->is_array()) {
    return;
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Objectives");
  ImGui::SameLine();
  note("what pupils will learn, for you: pupils do not see these");
  itemList("/objectives", "objective", 1, nullptr, [this](const std::string& p, std::size_t i) {
    textRow(("Objective " + std::to_string(i + 1)).c_str(), p, false);
    return false;
  });
  addButton("Add an objective", "/objectives", authoring::newObjective(doc()));
}

void ActivityForms::drawSteps() {
  const Json* steps = at("/steps");
  if (steps == nullptr || !steps->is_array()) {
    return;
  }
  heading("Steps, in the order pupils do them");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const std::string p = appendPointer("/steps", i);
    const Json& step = (*steps)[i];
    const std::string kind = stringOf(&step, "kind");
    std::string title =
        "Step " + std::to_string(i + 1) + ": " + std::string(nameOf(Vocabulary::StepKind, kind));
    const std::string name = step.is_object() && step.contains("title")
                                 ? shortText(&step["title"], 50)
                                 : stringOf(&step, "id");
    title += name.empty() ? "" : "  \xE2\x80\x94  " + name;
    if (opensForMark(p)) {
      ImGui::SetNextItemOpen(true);
    }
    ImGui::PushID(p.c_str());
    const bool stepOpen = ImGui::CollapsingHeader((title + "###step").c_str());
    nameItem("step:" + p);
    if (stepOpen) {
      ImGui::Indent();
      const bool changed = itemHeading("This step", "/steps", i, 1, "step");
      if (!readOnly()) {
        nameItem("remove:" + p); // the last of its buttons: Remove
      }
      if (!changed) {
        drawStep(p, step);
      }
      ImGui::Unindent();
      ImGui::Spacing();
      if (changed) {
        ImGui::PopID();
        break;
      }
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
  const int kind = addKindRow("Add a step", "/steps", Vocabulary::StepKind);
  if (kind >= 0) {
    const auto& kinds = authoring::namedValues(Vocabulary::StepKind);
    const std::optional<Json> step =
        authoring::newStep(doc(), *steps, kinds[static_cast<std::size_t>(kind)].id);
    if (step) {
      apply(Edit{"Add a step", {EditOp::insertItem(file(), "/steps", steps->size(), *step)}});
    } else {
      mHost.mStatus = "This pack has no promises (AUP) to sign yet: add one first.";
    }
  }
}

void ActivityForms::drawStep(const std::string& pointer, const Json& step) {
  const std::string kind = stringOf(&step, "kind");
  note("Step id: " + stringOf(&step, "id"));
  optionalText("Step title", pointer, "title", false);
  std::set<std::string> known = {"id", "kind", "title"};
  if (kind == "slides") {
    drawSlides(pointer);
    known.insert("slides");
  } else if (kind == "scenario") {
    drawScenarioStep(pointer);
    known.insert({"start", "nodes"});
  } else if (kind == "quiz") {
    drawQuiz(pointer);
    known.insert("items");
  } else if (kind == "butterfly") {
    drawButterfly(pointer);
    known.insert({"feelings", "steps", "adults", "sayIt", "praise"});
  } else if (kind == "aup") {
    drawAupStep(pointer);
    known.insert("aup");
  } else {
    // A kind this editor does not know: every field, as written.
    known.erase("kind");
  }
  otherFields(pointer, known);
}

// ---- simple steps -------------------------------------------------------------------

void ActivityForms::drawSlides(const std::string& pointer) {
  const std::string list = appendPointer(pointer, "slides");
  const Json* slides = at(list);
  if (slides == nullptr || !slides->is_array()) {
    return;
  }
  const auto title = [](std::size_t i) { return "Slide " + std::to_string(i + 1); };
  if (itemList(list, "slide", 1, title, [this](const std::string& p, std::size_t) {
        textRow("Text", appendPointer(p, "text"), true);
        pictureAndNarration(p, true);
        otherFields(p, {"id", "text", "picture", "narration"});
        return false;
      })) {
    return;
  }
  addButton("Add a slide", list, authoring::newSlide(doc(), *slides));
}

void ActivityForms::drawButterfly(const std::string& pointer) {
  vocabularyTicks("Faces pupils choose from (the butterflies face is always offered)", pointer,
                  "feelings", Vocabulary::Feeling, 5, false, "butterflies");
  const std::string list = appendPointer(pointer, "steps");
  if (const Json* steps = at(list); steps != nullptr && steps->is_array()) {
    ImGui::TextUnformatted("What to do, in order");
    const auto title = [](std::size_t i) { return "Step " + std::to_string(i + 1); };
    const bool changed =
        itemList(list, "reporting step", 1, title, [this](const std::string& p, std::size_t) {
          textRow("Text", appendPointer(p, "text"), false);
          checkbox("Key Stage 2 only", p, "ks2Only", false, "Only Years 3 to 6 see this step");
          pictureAndNarration(p, true);
          otherFields(p, {"id", "text", "ks2Only", "picture", "narration"});
          return false;
        });
    if (!changed) {
      addButton("Add a step to do", list, authoring::newReportStep(doc(), *steps));
    }
  }
  ImGui::Separator();
  vocabularyTicks("Trusted adults pupils choose from", pointer, "adults", Vocabulary::TrustedAdult,
                  3, false);
  optionalText("What to say", pointer, "sayIt", false);
  optionalText("Praise", pointer, "praise", false);
}

void ActivityForms::drawAupStep(const std::string& pointer) {
  Options aups;
  for (const std::string& f : doc().files()) {
    if (f.rfind("aups/", 0) == 0 && f.size() > 10) {
      const std::string id = f.substr(5, f.size() - 10);
      const Json* v = doc().value(f);
      const std::string title = v != nullptr && v->is_object() && v->contains("title")
                                    ? shortText(&(*v)["title"], 50)
                                    : std::string();
      aups.emplace_back(id, title.empty() ? id : title + " (" + id + ")");
    }
  }
  optionCombo("Promises to sign", pointer, "aup", aups, nullptr);
}

int ActivityForms::addKindRow(const char* label, const std::string& listPointer, Vocabulary kinds) {
  if (readOnly()) {
    return -1;
  }
  const std::vector<authoring::NamedValue>& values = authoring::namedValues(kinds);
  int& chosen = mNewKind[file() + "#" + listPointer];
  chosen = std::clamp(chosen, 0, static_cast<int>(values.size()) - 1);
  const bool pressed = ImGui::Button((std::string(label) + "##add" + listPointer).c_str());
  nameItem("add:" + listPointer);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  const std::string preview(values[static_cast<std::size_t>(chosen)].name);
  const bool open = ImGui::BeginCombo(("##kind" + listPointer).c_str(), preview.c_str());
  if (!open) {
    nameItem("kind:" + listPointer); // scripts: then "kind:LIST=ID"
  }
  if (open) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const bool current = static_cast<int>(i) == chosen;
      if (ImGui::Selectable(std::string(values[i].name).c_str(), current)) {
        chosen = static_cast<int>(i);
      }
      nameItem("kind:" + listPointer + "=" + std::string(values[i].id));
      if (current) {
        ImGui::SetItemDefaultFocus(); // the keyboard opens the list at the kind shown
      }
    }
    ImGui::EndCombo();
  }
  return pressed ? chosen : -1;
}

} // namespace sq
