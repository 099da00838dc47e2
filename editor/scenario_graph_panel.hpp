// The story map of a scenario step, above the form: its nodes as boxes joined by
// the choices' arrows ("Map"), or the same graph as a table ("List"), with what is
// wrong with it in words and symbols. Boxes are dragged to move them (one undo step
// a drag); nodes and choices are added, connected and deleted with the buttons or
// keys (N, A, C, S, Delete). Choosing a box, an arrow or a row selects its field in
// the form through `PackEditor::select`, and the map follows the form's selection.
// The graph, its findings, its layout and every change are `authoring/scenario_graph`;
// this file only draws and turns input into those edits.
// Depends on: authoring (sq_logic), ui/theme (colours), pack_editor, Dear ImGui, SDL2 (keys).
#pragma once

#include "authoring/scenario_graph.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace sq {

class PackEditor;
struct Theme;

class ScenarioGraphPanel {
public:
  // Draws the story map of the scenario step the selection is in, or, for a lesson
  // with scenario steps, a bar of buttons that open one; nothing for other files.
  // Returns the height it used, so the form below takes the rest.
  float draw(PackEditor& editor, const Theme& theme, float availableHeight);

private:
  struct Selection {
    std::size_t node = authoring::kNoStoryNode;
    std::size_t choice = authoring::kNoStoryNode;
  };

  float drawBar(PackEditor& editor, const authoring::Json& lesson, bool offerShow);
  void drawHeading(const Theme& theme, const authoring::StoryGraph& graph);
  void drawButtons(PackEditor& editor, const authoring::StoryGraph& graph,
                   const authoring::Json& lesson, const authoring::StoryLayout& layout,
                   Selection sel);
  void drawMap(PackEditor& editor, const Theme& theme, const authoring::StoryGraph& graph,
               const authoring::Json& lesson, const authoring::StoryLayout& layout, Selection sel);
  void drawList(PackEditor& editor, const Theme& theme, const authoring::StoryGraph& graph,
                Selection sel);
  void drawConnectPopup(PackEditor& editor, const authoring::StoryGraph& graph,
                        const authoring::Json& lesson, Selection sel);
  void handleKeys(PackEditor& editor, const authoring::StoryGraph& graph,
                  const authoring::Json& lesson, const authoring::StoryLayout& layout,
                  Selection sel);

  // The map's actions, shared by buttons and keys.
  void addNode(PackEditor& editor, const authoring::StoryGraph& graph,
               const authoring::Json& lesson, const authoring::StoryLayout& layout, Selection sel);
  void addChoice(PackEditor& editor, const authoring::StoryGraph& graph,
                 const authoring::Json& lesson, Selection sel);
  void makeStart(PackEditor& editor, const authoring::StoryGraph& graph,
                 const authoring::Json& lesson, Selection sel);
  void deleteSelected(PackEditor& editor, const authoring::StoryGraph& graph,
                      const authoring::Json& lesson, Selection sel);
  bool apply(PackEditor& editor, const std::optional<authoring::Edit>& edit, const char* whyNot);
  void choose(PackEditor& editor, const std::string& pointer);

  std::string mHiddenKey; // "file#step" whose map the teacher hid
  std::string mShownKey;  // the map on screen last frame
  std::string mStatus;
  std::string
      mLastPointer;   // the form's selection last frame    // why the last action could not be done
  bool mKeys = false; // the teacher last clicked in the map: its keys are live
  bool mOpenConnect = false;
  std::size_t mConnectChoice = authoring::kNoStoryNode;
  bool mScrollToSelection = false;
  float mShare = 0.75f; // of the column's height, for the map; the form has the rest
  // A box being dragged: which, where it started, and where it is now (map units).
  std::size_t mDragNode = authoring::kNoStoryNode;
  authoring::MapPoint mDragFrom;
  authoring::MapPoint mDragAt;
};

} // namespace sq
