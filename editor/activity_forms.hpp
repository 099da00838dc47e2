// The forms a teacher fills in, made for each kind of file and activity: a lesson
// (title, its year group's unit, objectives, notes, whole class, reflection, badge,
// tags chosen from lists), each kind of step (slides, a story's nodes and choices,
// every quiz type, butterfly practice, signing the AUP), an AUP's promises, an
// assembly's slides and votes, and pack.json's units. Lists are chosen from, never
// typed (tags, year groups, SMART letters, where a choice goes, right answers);
// new steps, nodes, choices, questions and options come from
// `authoring/new_items`, so adding one never leaves an error. Whatever a form does
// not know is still shown, under "Other fields", by the generic form.
// Like the pack view it belongs to, it only draws and turns input into
// `authoring::Edit`s given to the pack view's `apply`, so undo, autosave and
// validation cover every change; pictures and narration are drawn by the pack
// view's own `drawValue`.
// The code is split by what it draws: activity_forms_fields.cpp (the building
// blocks), activity_forms.cpp (lessons and the simpler steps),
// activity_forms_story_quiz.cpp (scenarios and quizzes) and
// activity_forms_files.cpp (pack.json, AUPs, assemblies).
// Depends on: authoring (sq_logic), the pack view, Dear ImGui.
#pragma once

#include "authoring/edit_ops.hpp"
#include "authoring/form_vocabulary.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sq {

class PackEditor;

class ActivityForms {
public:
  explicit ActivityForms(PackEditor& host) : mHost(host) {}

  // Draws the form for the pack view's selected file. False when no form is made
  // for it (the caller then draws the generic form).
  bool draw();

  // A scenario step's form: its start node, the node list and the chosen node's
  // form. A story map can sit beside it and choose nodes with `selectNode`.
  void drawScenarioStep(const std::string& stepPointer);
  void drawScenarioNodeForm(const std::string& stepPointer, std::size_t nodeIndex);
  std::size_t selectedNode(const std::string& stepPointer) const;
  void selectNode(const std::string& stepPointer, std::size_t nodeIndex);

private:
  using Json = authoring::Json;
  using Options = std::vector<std::pair<std::string, std::string>>; // id, what is shown

  // ---- building blocks (activity_forms_fields.cpp) ----
  const Json* at(const std::string& pointer) const;
  const authoring::PackDocument& doc() const;
  const std::string& file() const;
  bool readOnly() const;
  void apply(const authoring::Edit& edit, const std::string& mergeKey = {});
  bool opensForMark(const std::string& pointer) const;
  void labelCell(const char* label);
  void heading(const char* title);
  void note(const std::string& words);
  void textRow(const char* label, const std::string& pointer, bool multiline);
  void optionalText(const char* label, const std::string& parent, const std::string& key,
                    bool multiline);
  // A tick box for parent/key; `caption` beside the box says what ticking means.
  bool checkbox(const char* label, const std::string& parent, const std::string& key,
                bool absentValue, const char* caption = "");
  static Options fromVocabulary(authoring::Vocabulary list);
  void optionCombo(const char* label, const std::string& parent, const std::string& key,
                   const Options& options, const char* absentName);
  // Ticks for a list of ids from `list` at parent/key; with `dropWhenEmpty`, unticking
  // the last removes the list (tags); `locked` cannot be unticked (a required value).
  void vocabularyTicks(const char* label, const std::string& parent, const std::string& key,
                       authoring::Vocabulary list, int columns, bool dropWhenEmpty,
                       const char* locked = nullptr);
  void tagPicker(const std::string& parent);
  void pictureAndNarration(const std::string& parent, bool narration);
  // Up, Down and Remove for item `index` of the list at `pointer`; true when the
  // list changed (the caller stops drawing it this frame).
  bool itemButtons(const std::string& pointer, std::size_t index, std::size_t minItems,
                   const char* what);
  // The heading of item `index` of a list ("Choice 2") with its buttons beside it.
  bool itemHeading(const std::string& title, const std::string& pointer, std::size_t index,
                   std::size_t minItems, const char* what);
  // Every list a form shows (slides, steps to do, options, cards, promises, a unit's
  // lessons, objectives, authors ...) is drawn by `itemList`: each item under its
  // own ImGui id, with Move up, Move down and Remove (named for its undo steps by
  // `what`, "Move slide up"; never fewer than `minItems`). With a `title`, each item
  // is a section: a separator, the title with the buttons beside it, then `body`;
  // without one, `body` is the item's one row and the buttons go under it. `body`
  // gets the item's pointer and index, and returns true when it changed the list.
  // Drawing stops at a change (the list is drawn afresh next frame); true then.
  using ItemTitle = std::function<std::string(std::size_t index)>;
  using ItemBody = std::function<bool(const std::string& itemPointer, std::size_t index)>;
  bool itemList(const std::string& list, const char* what, std::size_t minItems,
                const ItemTitle& title, const ItemBody& body);
  // "Add ..." under a list, named `add:POINTER` for scripts.
  bool addButton(const char* label, const std::string& pointer, const Json& value);
  void otherFields(const std::string& pointer, const std::set<std::string>& known);
  std::string shortText(const Json* value, std::size_t max = 40) const;

  // ---- lessons and steps (activity_forms.cpp) ----
  void drawLesson();
  void drawLessonUnit();
  void drawObjectives();
  void drawSteps();
  void drawStep(const std::string& pointer, const Json& step);
  void drawSlides(const std::string& pointer);
  void drawButterfly(const std::string& pointer);
  void drawAupStep(const std::string& pointer);
  // "Add a step" or "Add a question" with the kind chosen from a list beside it,
  // named for scripts (`add:LIST`, `kind:LIST`, `kind:LIST=ID`); returns the kind's
  // index when pressed, else -1.
  int addKindRow(const char* label, const std::string& listPointer, authoring::Vocabulary kinds);

  // ---- stories and quizzes (activity_forms_story_quiz.cpp) ----
  bool drawChoice(const std::string& stepPointer, const std::string& nodePointer,
                  std::size_t index);
  void setEnding(const std::string& stepPointer, const std::string& nodePointer, bool ending);
  Options nodeOptions(const std::string& stepPointer) const;
  // The node's id, renamed when Return is pressed or the field is left.
  void drawNodeId(const std::string& stepPointer, std::size_t nodeIndex);
  void drawQuestionType(const std::string& itemPointer);
  void drawQuiz(const std::string& pointer);
  void drawQuizItem(const std::string& pointer);
  void drawOptions(const std::string& itemPointer, bool single);
  void drawSortGroups(const std::string& itemPointer);
  void drawSortCards(const std::string& itemPointer);
  void drawOrderCards(const std::string& itemPointer);

  // ---- files (activity_forms_files.cpp) ----
  void drawPackManifest();
  void drawUnit(const std::string& pointer);
  void drawAup();
  void drawAssembly();
  void drawAssemblyStep(const std::string& pointer);

  PackEditor& mHost;
  std::map<std::string, std::size_t> mNode;    // file#scenario pointer -> the node shown
  std::map<std::string, int> mNewKind;         // file#list pointer -> kind chosen to add
  std::map<std::string, std::string> mTypedId; // file#node pointer -> the id being typed
};

} // namespace sq
