// The story map panel (see scenario_graph_panel.hpp).
// Sections:
//   1. helpers: colours, points, symbols drawn as shapes (the fonts have no ticks)
//   2. the panel: when it shows, the bar that opens it, its toolbar and keys
//   3. the map: arrows (safe solid with a tick, unsafe dashed with a cross), boxes
//   4. the list: the same graph as a table
//   5. actions: add, connect, start, delete
#include "scenario_graph_panel.hpp"

#include "editor_script.hpp"
#include "pack_editor.hpp"
#include "ui/theme.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace sq {

using authoring::Json;
using authoring::kNoStoryNode;
using authoring::MapPoint;
using authoring::StoryGraph;
using authoring::StoryLayout;
using authoring::StoryWarning;

// ---- helpers --------------------------------------------------------------------------

namespace {

ImU32 col(Colour c, float alpha = 1.0f) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(static_cast<float>(c.a) * alpha));
}

ImVec4 vec(Colour c) {
  return ImVec4(static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
                static_cast<float>(c.b) / 255.0f, static_cast<float>(c.a) / 255.0f);
}

ImVec2 add(ImVec2 a, ImVec2 b) {
  return ImVec2(a.x + b.x, a.y + b.y);
}

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) {
  return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

ImVec2 bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, float t) {
  const float u = 1.0f - t;
  const float a = u * u * u;
  const float b = 3 * u * u * t;
  const float c = 3 * u * t * t;
  const float d = t * t * t;
  return ImVec2(a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                a * p0.y + b * p1.y + c * p2.y + d * p3.y);
}

enum class Symbol { Tick, Cross, Warning, Flag };

// Symbols are drawn, not typed: the editor's fonts cover Latin text only.
void drawSymbol(ImDrawList* draw, Symbol symbol, ImVec2 at, float size, ImU32 colour) {
  const float t = std::max(1.5f, size * 0.14f);
  const auto p = [&](float x, float y) { return ImVec2(at.x + x * size, at.y + y * size); };
  switch (symbol) {
  case Symbol::Tick:
    draw->AddLine(p(0.1f, 0.55f), p(0.4f, 0.85f), colour, t);
    draw->AddLine(p(0.4f, 0.85f), p(0.92f, 0.18f), colour, t);
    break;
  case Symbol::Cross:
    draw->AddLine(p(0.18f, 0.18f), p(0.82f, 0.82f), colour, t);
    draw->AddLine(p(0.82f, 0.18f), p(0.18f, 0.82f), colour, t);
    break;
  case Symbol::Warning:
    draw->AddTriangle(p(0.5f, 0.05f), p(0.97f, 0.92f), p(0.03f, 0.92f), colour, t * 0.8f);
    draw->AddLine(p(0.5f, 0.35f), p(0.5f, 0.62f), colour, t * 0.8f);
    draw->AddCircleFilled(p(0.5f, 0.77f), t * 0.6f, colour);
    break;
  case Symbol::Flag:
    draw->AddLine(p(0.2f, 0.05f), p(0.2f, 0.95f), colour, t);
    draw->AddTriangleFilled(p(0.2f, 0.08f), p(0.9f, 0.28f), p(0.2f, 0.5f), colour);
    break;
  }
}

// A symbol in a line of ImGui text, then the cursor on the same line.
void inlineSymbol(Symbol symbol, Colour colour) {
  const float size = ImGui::GetTextLineHeight() * 0.85f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
  drawSymbol(ImGui::GetWindowDrawList(), symbol,
             ImVec2(at.x, at.y + (ImGui::GetTextLineHeight() - size) * 0.5f), size, col(colour));
  ImGui::SameLine(0, size * 0.3f);
}

// A cubic curve as line pieces; dashed when `dash` > 0. Returns the last piece's
// direction, for the arrowhead.
ImVec2 strokeCurve(ImDrawList* draw, ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 colour,
                   float thickness, float dash) {
  constexpr int kPieces = 40;
  ImVec2 prev = p0;
  float along = 0;
  ImVec2 dir(1, 0);
  for (int i = 1; i <= kPieces; ++i) {
    const ImVec2 next = bezier(p0, p1, p2, p3, static_cast<float>(i) / kPieces);
    const float dx = next.x - prev.x;
    const float dy = next.y - prev.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len > 0.01f) {
      dir = ImVec2(dx / len, dy / len);
    }
    if (dash <= 0) {
      draw->AddLine(prev, next, colour, thickness);
    } else {
      // On for `dash`, off for 0.7 of it, measured along the curve.
      const float period = dash * 1.7f;
      const float start = std::fmod(along, period);
      if (start < dash) {
        draw->AddLine(prev, lerp(prev, next, std::min(1.0f, (dash - start) / std::max(len, 0.01f))),
                      colour, thickness);
      }
    }
    along += len;
    prev = next;
  }
  return dir;
}

void arrowHead(ImDrawList* draw, ImVec2 tip, ImVec2 dir, float size, ImU32 colour) {
  const ImVec2 back(tip.x - dir.x * size, tip.y - dir.y * size);
  const ImVec2 side(-dir.y * size * 0.5f, dir.x * size * 0.5f);
  draw->AddTriangleFilled(tip, add(back, side), ImVec2(back.x - side.x, back.y - side.y), colour);
}

std::string warningWords(const std::vector<StoryWarning>& warnings) {
  std::string out;
  for (const StoryWarning& w : warnings) {
    out += (out.empty() ? "" : ", ") + w.word;
  }
  return out;
}

std::string choiceLabel(const authoring::StoryChoice& c, std::size_t chars) {
  const std::string words = authoring::firstWords(c.text, chars);
  return words.empty() ? "(" + (c.id.empty() ? std::string("choice") : c.id) + ", no text yet)"
                       : words;
}

bool within(const std::string& pointer, const std::string& prefix) {
  return pointer == prefix || pointer.rfind(prefix + "/", 0) == 0;
}

} // namespace

// ---- the panel ------------------------------------------------------------------------

float ScenarioGraphPanel::draw(PackEditor& editor, const Theme& theme, float availableHeight) {
  const std::string& file = editor.selectedFile();
  const Json* lesson =
      file.rfind("lessons/", 0) == 0 ? editor.session().document().value(file) : nullptr;
  if (lesson == nullptr || authoring::scenarioSteps(*lesson).empty()) {
    mShownKey.clear();
    return 0;
  }
  const std::string& pointer = editor.selectedPointer();
  const auto step = authoring::stepIndexOf(pointer);
  const bool inScenario = step && authoring::isScenarioStep(*lesson, *step);
  const std::string key = file + "#" + (inScenario ? std::to_string(*step) : std::string());
  if (!inScenario || key == mHiddenKey) {
    if (key != mHiddenKey) {
      mHiddenKey.clear(); // the selection moved on: the next map opens again
    }
    mShownKey.clear();
    return drawBar(editor, *lesson, inScenario);
  }
  mHiddenKey.clear();
  if (key != mShownKey) {
    mShownKey = key;
    mDragNode = kNoStoryNode;
    mStatus.clear();
  }

  if (pointer != mLastPointer) {
    mLastPointer = pointer;
    mScrollToSelection = true; // chosen in the form or the list: bring its box into view
  }
  const StoryGraph graph = authoring::buildStoryGraph(*lesson, file, *step);
  const StoryLayout layout = authoring::layoutStory(graph, *lesson);
  Selection sel;
  for (std::size_t i = 0; i < graph.nodes.size() && sel.node == kNoStoryNode; ++i) {
    if (within(pointer, graph.nodes[i].pointer)) {
      sel.node = i;
      for (std::size_t c = 0; c < graph.nodes[i].choices.size(); ++c) {
        if (within(pointer, graph.nodes[i].choices[c].pointer)) {
          sel.choice = c;
        }
      }
    }
  }

  // Most of the column (the teacher drags the bar under it to change that), leaving
  // the form at least three lines. The heading, tabs, buttons and key take about
  // six lines, so the map is never given less than thirteen: the boxes keep room.
  const float lineH = ImGui::GetTextLineHeightWithSpacing();
  const float splitterH = std::round(ImGui::GetFontSize() * 0.4f);
  const float most = availableHeight - lineH * 3 - splitterH;
  const float height =
      std::max(lineH * 2, std::clamp(availableHeight * mShare, std::min(lineH * 13, most), most));
  ImGui::BeginChild("story-map", ImVec2(0, height), true);
  if (ImGui::IsMouseClicked(0) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    mKeys = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
  }
  drawHeading(theme, graph);
  if (ImGui::BeginTabBar("story-tabs")) {
    if (ImGui::BeginTabItem("Map")) {
      drawButtons(editor, graph, *lesson, layout, sel);
      drawMap(editor, theme, graph, *lesson, layout, sel);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("List")) {
      drawButtons(editor, graph, *lesson, layout, sel);
      drawList(editor, theme, graph, sel);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  drawConnectPopup(editor, graph, *lesson, sel);
  handleKeys(editor, graph, *lesson, layout, sel);
  ImGui::EndChild();
  // The bar between map and form: drag it to share the column differently.
  ImGui::InvisibleButton("story-map-splitter", ImVec2(-1, splitterH));
  const bool splitting = ImGui::IsItemActive();
  if (splitting && availableHeight > 0) {
    mShare = std::clamp(mShare + ImGui::GetIO().MouseDelta.y / availableHeight, 0.2f, 0.95f);
  }
  if (splitting || ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
  }
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  const float mid = (a.y + b.y) * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + (b.x - a.x) * 0.4f, mid),
                                      ImVec2(a.x + (b.x - a.x) * 0.6f, mid),
                                      col(splitting ? theme.focusRing : theme.border), 3.0f);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Drag to make the map taller or shorter");
  }
  return height + splitterH + ImGui::GetStyle().ItemSpacing.y * 2;
}

float ScenarioGraphPanel::drawBar(PackEditor& editor, const Json& lesson, bool offerShow) {
  const float height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("story-map-bar", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Story map:");
  if (offerShow) {
    ImGui::SameLine();
    if (ImGui::Button("Show the story map")) {
      mHiddenKey.clear();
    }
  } else {
    for (const std::size_t s : authoring::scenarioSteps(lesson)) {
      const StoryGraph g = authoring::buildStoryGraph(lesson, editor.selectedFile(), s);
      const std::size_t problems = g.problemCount();
      std::string label = "Open step " + std::to_string(s + 1) +
                          (g.stepId.empty() ? std::string() : " \"" + g.stepId + "\"");
      if (problems > 0) {
        label +=
            " (" + std::to_string(problems) + (problems == 1 ? " node" : " nodes") + " to check)";
      }
      ImGui::SameLine();
      if (ImGui::Button((label + "##open" + std::to_string(s)).c_str())) {
        mHiddenKey.clear();
        editor.select(editor.selectedFile(), g.stepPointer);
      }
    }
  }
  ImGui::EndChild();
  return height + ImGui::GetStyle().ItemSpacing.y;
}

void ScenarioGraphPanel::drawHeading(const Theme& theme, const StoryGraph& graph) {
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Story map: %s", graph.stepId.empty()
                                   ? ("step " + std::to_string(graph.step + 1)).c_str()
                                   : graph.stepId.c_str());
  ImGui::SameLine();
  const std::size_t problems = graph.problemCount();
  const auto say = [&](Symbol symbol, Colour colour, const std::string& words,
                       const char* tooltip) {
    inlineSymbol(symbol, colour);
    ImGui::PushStyleColor(ImGuiCol_Text, vec(colour));
    ImGui::TextUnformatted(words.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", tooltip);
    }
  };
  if (graph.nodes.empty()) {
    say(Symbol::Warning, theme.warningText, "No nodes yet",
        "Add the first node with Add node (N).");
  } else if (graph.startNode == kNoStoryNode) {
    say(Symbol::Warning, theme.warningText, "No start",
        "The story starts at a node that does not exist. Choose a node and press Make start "
        "(S).");
  } else if (problems > 0) {
    say(Symbol::Warning, theme.warningText,
        std::to_string(problems) + (problems == 1 ? " node to check" : " nodes to check"),
        "The boxes and rows marked with a warning say what to mend. Hover over one for why.");
  } else if (!graph.anyEnding) {
    say(Symbol::Warning, theme.warningText, "No ending yet",
        "Tick \"ending\" on the node where the story finishes.");
  } else {
    say(Symbol::Tick, theme.readyText, "Every path reaches an ending",
        "Pupils can always finish this story.");
  }
  ImGui::SameLine(0, ImGui::GetFontSize());
  if (ImGui::SmallButton("Hide map")) {
    mHiddenKey = mShownKey;
  }
  ImGui::SameLine(0, ImGui::GetFontSize());
}

void ScenarioGraphPanel::drawButtons(PackEditor& editor, const StoryGraph& graph,
                                     const Json& lesson, const StoryLayout& layout, Selection sel) {
  const bool readOnly = editor.session().document().readOnly();
  // Buttons flow onto a second line when the column is narrow.
  bool first = true;
  const auto button = [&](const char* label, bool enabled) {
    const float w =
        ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first) {
      const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w;
      if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
        ImGui::SameLine();
      }
    }
    first = false;
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::SmallButton(label);
    ImGui::EndDisabled();
    return pressed;
  };
  const bool node = sel.node != kNoStoryNode;
  if (button("+ Node (N)", !readOnly)) {
    addNode(editor, graph, lesson, layout, sel);
  }
  if (button("+ Choice (A)", !readOnly && node)) {
    addChoice(editor, graph, lesson, sel);
  }
  if (button("Connect (C)", !readOnly && node && !graph.nodes[sel.node].choices.empty())) {
    mOpenConnect = true;
  }
  if (button("Start here (S)", !readOnly && node)) {
    makeStart(editor, graph, lesson, sel);
  }
  if (button(sel.choice != kNoStoryNode ? "Delete choice (Del)" : "Delete (Del)",
             !readOnly && node)) {
    deleteSelected(editor, graph, lesson, sel);
  }
  if (button("Tidy", !readOnly)) {
    apply(editor, authoring::resetLayoutEdit(graph, lesson), "The map is already laid out.");
  }
  if (!mStatus.empty()) {
    ImGui::TextUnformatted(mStatus.c_str());
  }
}

void ScenarioGraphPanel::handleKeys(PackEditor& editor, const StoryGraph& graph, const Json& lesson,
                                    const StoryLayout& layout, Selection sel) {
  const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
  if (!(mKeys || focused) || ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyCtrl ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) ||
      editor.session().document().readOnly()) {
    return;
  }
  if (ImGui::IsKeyPressed(SDL_SCANCODE_N, false)) {
    addNode(editor, graph, lesson, layout, sel);
  } else if (ImGui::IsKeyPressed(SDL_SCANCODE_A, false) && sel.node != kNoStoryNode) {
    addChoice(editor, graph, lesson, sel);
  } else if (ImGui::IsKeyPressed(SDL_SCANCODE_C, false) && sel.node != kNoStoryNode &&
             !graph.nodes[sel.node].choices.empty()) {
    mOpenConnect = true;
  } else if (ImGui::IsKeyPressed(SDL_SCANCODE_S, false) && sel.node != kNoStoryNode) {
    makeStart(editor, graph, lesson, sel);
  } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) &&
             sel.node != kNoStoryNode) {
    deleteSelected(editor, graph, lesson, sel);
  }
}

void ScenarioGraphPanel::drawConnectPopup(PackEditor& editor, const StoryGraph& graph,
                                          const Json& lesson, Selection sel) {
  if (mOpenConnect) {
    mOpenConnect = false;
    mConnectChoice = sel.choice;
    if (mConnectChoice == kNoStoryNode && sel.node != kNoStoryNode) {
      // A node, not a choice, is selected: its first choice that leads nowhere yet.
      const auto& choices = graph.nodes[sel.node].choices;
      mConnectChoice = 0;
      for (std::size_t c = 0; c < choices.size(); ++c) {
        if (choices[c].next.empty()) {
          mConnectChoice = c;
          break;
        }
      }
    }
    ImGui::OpenPopup("connect-choice");
  }
  if (!ImGui::BeginPopup("connect-choice")) {
    return;
  }
  if (sel.node == kNoStoryNode || mConnectChoice >= graph.nodes[sel.node].choices.size()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const auto& node = graph.nodes[sel.node];
  ImGui::TextUnformatted("Which choice?");
  for (std::size_t c = 0; c < node.choices.size(); ++c) {
    const std::string label = (node.choices[c].safe ? "Safe: " : "Unsafe: ") +
                              choiceLabel(node.choices[c], 40) + "##which" + std::to_string(c);
    if (ImGui::Selectable(label.c_str(), c == mConnectChoice,
                          ImGuiSelectableFlags_DontClosePopups)) {
      mConnectChoice = c;
    }
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Leads to (Esc: cancel)");
  for (std::size_t t = 0; t < graph.nodes.size(); ++t) {
    const auto& target = graph.nodes[t];
    if (target.id.empty()) {
      continue;
    }
    const std::string label = target.id + (target.ending ? "  (ending)" : "") + "  " +
                              authoring::firstWords(target.text, 40) + "##to" + std::to_string(t);
    if (ImGui::Selectable(label.c_str(), node.choices[mConnectChoice].target == t)) {
      if (apply(editor, authoring::connectEdit(graph, lesson, sel.node, mConnectChoice, t),
                "That choice cannot be connected.")) {
        choose(editor, node.choices[mConnectChoice].pointer);
      }
    }
  }
  if (ImGui::Selectable("Nowhere: pupils choose again##to-none")) {
    apply(editor, authoring::connectEdit(graph, lesson, sel.node, mConnectChoice, kNoStoryNode),
          "That choice already leads nowhere.");
  }
  ImGui::EndPopup();
}

// ---- the map --------------------------------------------------------------------------

void ScenarioGraphPanel::drawMap(PackEditor& editor, const Theme& theme, const StoryGraph& graph,
                                 const Json& lesson, const StoryLayout& layout, Selection sel) {
  // The key never covers a box: it stands in a column of its own beside the canvas
  // (so the canvas keeps the whole height) when that fits, else in a row under it.
  const float s = ImGui::GetTextLineHeight() / 24.0f; // map units to pixels: a line is 24
  const float keyLine = ImGui::GetTextLineHeight();
  const float keyGap = 10 * s;
  const struct {
    Symbol symbol;
    Colour colour;
    const char* words;
  } key[] = {{Symbol::Tick, theme.readyText, "safe"},
             {Symbol::Cross, theme.problemText, "unsafe (dashed)"},
             {Symbol::Flag, theme.readyText, "ending"},
             {Symbol::Warning, theme.warningText, "to check"}};
  float keyRowW = keyGap;
  float keyColumnW = 0;
  for (const auto& k : key) {
    keyRowW += keyLine * 1.1f + ImGui::CalcTextSize(k.words).x + keyGap * 1.5f;
    keyColumnW = std::max(keyColumnW, keyLine * 1.1f + ImGui::CalcTextSize(k.words).x);
  }
  keyColumnW += keyGap * 2;
  const float keyStep = keyLine + 4 * s;
  const float keyColumnH = keyStep * 4 + 8 * s;
  const ImVec2 room = ImGui::GetContentRegionAvail();
  const bool keyBeside = room.y >= keyColumnH && room.x >= keyColumnW * 4;
  const float keyRowH = keyLine + 6 * s + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("story-canvas",
                    keyBeside ? ImVec2(room.x - keyColumnW - ImGui::GetStyle().ItemSpacing.x, 0)
                              : ImVec2(0, -keyRowH),
                    false, ImGuiWindowFlags_HorizontalScrollbar);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float margin = 90.0f * s; // room for the start arrow and loops
  const float top = 34.0f * s;    // room for the first row's warning tabs
  std::vector<MapPoint> at = layout.at;
  if (mDragNode < at.size()) {
    at[mDragNode] = mDragAt;
  }
  float minX = 0;
  float minY = 0;
  float maxX = 0;
  float maxY = 0;
  for (std::size_t i = 0; i < layout.at.size(); ++i) {
    minX = std::min(minX, layout.at[i].x);
    minY = std::min(minY, layout.at[i].y);
    maxX = std::max(maxX, at[i].x);
    maxY = std::max(maxY, at[i].y);
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const auto toScreen = [&](MapPoint p) {
    return ImVec2(origin.x + margin + (p.x - minX) * s, origin.y + top + (p.y - minY) * s);
  };
  const float boxW = authoring::kBoxWidth * s;
  const float boxH = authoring::kBoxHeight * s;
  const float line = ImGui::GetTextLineHeight();
  const ImU32 safeColour = col(theme.readyText);
  const ImU32 unsafeColour = col(theme.problemText);

  // Arrows first, so boxes sit on top; their labels last, on top of both.
  struct Label {
    ImVec2 min;
    ImVec2 max;
    std::string text;
    bool safe;
    std::size_t node;
    std::size_t choice;
  };
  std::vector<Label> labels;
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const auto& node = graph.nodes[i];
    const ImVec2 box = toScreen(at[i]);
    const std::size_t m = node.choices.size();
    for (std::size_t c = 0; c < m; ++c) {
      const auto& choice = node.choices[c];
      if (choice.next.empty() || node.ending) {
        continue; // a try-again choice leads nowhere: the box and the list say so
      }
      const ImU32 colour = choice.safe ? safeColour : unsafeColour;
      const float thick = (choice.safe ? 2.6f : 2.0f) * s;
      const float dash = choice.safe ? 0.0f : 9.0f * s;
      const ImVec2 p0(box.x + boxW,
                      box.y + boxH * (static_cast<float>(c) + 1) / (static_cast<float>(m) + 1));
      ImVec2 p3;
      ImVec2 p1;
      ImVec2 p2;
      if (choice.target == kNoStoryNode) {
        // A node that does not exist: a short arrow to a "missing" tag.
        p3 = ImVec2(p0.x + 60 * s, p0.y);
        p1 = lerp(p0, p3, 0.33f);
        p2 = lerp(p0, p3, 0.66f);
      } else if (choice.target == i) {
        p3 = ImVec2(box.x + boxW * 0.75f, box.y);
        p1 = ImVec2(p0.x + 70 * s, p0.y);
        p2 = ImVec2(p3.x, p3.y - 70 * s);
      } else {
        const ImVec2 to = toScreen(at[choice.target]);
        p3 = ImVec2(to.x, to.y + boxH * 0.5f);
        const float dx = p3.x - p0.x;
        const float bend =
            dx > 0 ? std::max(50 * s, dx * 0.4f) : 90 * s + std::fabs(p3.y - p0.y) * 0.15f;
        p1 = ImVec2(p0.x + bend, p0.y);
        p2 = ImVec2(p3.x - bend, p3.y);
      }
      const ImVec2 dir = strokeCurve(draw, p0, p1, p2, p3, colour, thick, dash);
      arrowHead(draw, p3, dir, 11 * s, colour);
      std::string text = choiceLabel(choice, 18);
      if (choice.unknownTarget) {
        text = "to \"" + authoring::firstWords(choice.next, 16) + "\": no such node";
      }
      const float pad = 4 * s;
      const ImVec2 size = ImGui::CalcTextSize(text.c_str());
      const ImVec2 mid = choice.unknownTarget ? ImVec2(p3.x + size.x * 0.5f + line + pad * 3, p3.y)
                                              : bezier(p0, p1, p2, p3, 0.5f);
      const float w = size.x + line + pad * 3;
      labels.push_back({ImVec2(mid.x - w * 0.5f, mid.y - line * 0.5f - pad),
                        ImVec2(mid.x + w * 0.5f, mid.y + line * 0.5f + pad), text, choice.safe, i,
                        c});
    }
  }

  // The start: an arrow from the left, in words.
  if (graph.startNode != kNoStoryNode) {
    const ImVec2 box = toScreen(at[graph.startNode]);
    const ImVec2 tip(box.x - 2 * s, box.y + boxH * 0.5f);
    const ImVec2 tail(tip.x - 70 * s, tip.y);
    draw->AddLine(tail, tip, col(theme.text), 2.5f * s);
    arrowHead(draw, tip, ImVec2(1, 0), 11 * s, col(theme.text));
    draw->AddText(ImVec2(tail.x, tail.y - line - 2 * s), col(theme.text), "Start");
  }

  // The boxes. Each is a button: click to select, drag to move.
  const bool readOnly = editor.session().document().readOnly();
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const auto& node = graph.nodes[i];
    const ImVec2 a = toScreen(at[i]);
    const ImVec2 b(a.x + boxW, a.y + boxH);
    const auto warnings = authoring::warningsFor(graph, i);
    const bool selected = sel.node == i && sel.choice == kNoStoryNode;
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton(("node" + std::to_string(i)).c_str(), ImVec2(boxW, boxH));
    if (ImGui::IsItemActivated()) {
      choose(editor, node.pointer);
      mDragFrom = layout.at[i];
      mDragAt = mDragFrom;
      mDragNode = readOnly ? kNoStoryNode : i;
    }
    if (ImGui::IsItemActive() && mDragNode == i && ImGui::IsMouseDragging(0, 3.0f)) {
      const ImVec2 d = ImGui::GetMouseDragDelta(0, 3.0f);
      mDragAt = MapPoint{mDragFrom.x + d.x / s, mDragFrom.y + d.y / s};
    }
    if (ImGui::IsItemDeactivated() && mDragNode == i) {
      if (std::fabs(mDragAt.x - mDragFrom.x) >= 1 || std::fabs(mDragAt.y - mDragFrom.y) >= 1) {
        apply(editor, authoring::moveNodeEdit(graph, lesson, i, mDragAt),
              "This node needs an id before it can be moved.");
      }
      mDragNode = kNoStoryNode;
    }
    if (ImGui::IsItemHovered()) {
      std::string tip = node.id.empty() ? std::string("(no id)") : node.id;
      tip += node.ending ? "  (an ending)\n" : "\n";
      tip += node.text.empty() ? "(no text yet)" : authoring::firstWords(node.text, 300);
      for (const StoryWarning& w : warnings) {
        tip += "\n\n" + w.word + ": " + w.detail;
      }
      ImGui::SetTooltip("%s", tip.c_str());
    }
    if (selected && mScrollToSelection && !ImGui::IsItemVisible()) {
      ImGui::SetScrollHereX(0.5f);
      ImGui::SetScrollHereY(0.5f);
    }

    // Endings are rounded like a badge, with a double outline and a flag.
    const float rounding = node.ending ? boxH * 0.3f : 4 * s;
    const Colour fill = node.ending ? theme.readyFill : theme.surface;
    const Colour edge = !warnings.empty() ? theme.warningText : theme.border;
    draw->AddRectFilled(a, b, col(fill), rounding);
    draw->AddRect(a, b, col(edge), rounding, 0, (warnings.empty() ? 1.5f : 2.5f) * s);
    if (node.ending) {
      const float g = 4 * s;
      draw->AddRect(ImVec2(a.x + g, a.y + g), ImVec2(b.x - g, b.y - g), col(edge), rounding - g, 0,
                    1.2f * s);
    }
    if (selected) {
      const float g = 4 * s;
      draw->AddRect(ImVec2(a.x - g, a.y - g), ImVec2(b.x + g, b.y + g), col(theme.focusRing),
                    rounding + g, 0, 3.0f * s);
    }
    const float inset = (node.ending ? 12.0f : 8.0f) * s;
    draw->PushClipRect(a, b, true);
    ImVec2 cursor(a.x + inset, a.y + 5 * s);
    if (node.ending) {
      drawSymbol(draw, Symbol::Flag, cursor, line * 0.85f, col(theme.readyText));
      const std::string head = "Ending: " + node.id;
      draw->AddText(ImVec2(cursor.x + line, cursor.y), col(theme.readyText), head.c_str());
    } else {
      const std::string head = node.id.empty() ? std::string("(no id)") : node.id;
      draw->AddText(cursor, col(theme.text), head.c_str());
    }
    cursor.y += line;
    const std::string words =
        node.text.empty() ? std::string("(no text yet)") : authoring::firstWords(node.text, 60);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), cursor,
                  col(node.text.empty() ? theme.mutedText : theme.text), words.c_str(), nullptr,
                  boxW - inset * 2);
    draw->PopClipRect();
    // Outside the box: what to check in a tab above it, the choose-again choices
    // (which have no arrow) in a note below it.
    if (!warnings.empty()) {
      const std::string said = warningWords(warnings);
      const float w = std::min(boxW, ImGui::CalcTextSize(said.c_str()).x + line * 1.6f);
      const ImVec2 ta(a.x, a.y - line - 4 * s);
      const ImVec2 tb(a.x + w, a.y);
      draw->AddRectFilled(ta, tb, col(theme.warningFill), 4 * s, ImDrawFlags_RoundCornersTop);
      draw->AddRect(ta, tb, col(theme.warningText), 4 * s, ImDrawFlags_RoundCornersTop, 1.5f * s);
      drawSymbol(draw, Symbol::Warning, ImVec2(ta.x + 3 * s, ta.y + 2 * s), line * 0.9f,
                 col(theme.warningText));
      draw->PushClipRect(ta, tb, true);
      draw->AddText(ImVec2(ta.x + line * 1.2f, ta.y + 2 * s), col(theme.warningText), said.c_str());
      draw->PopClipRect();
    }
    std::size_t tryAgain = 0;
    for (const auto& c : node.choices) {
      tryAgain += c.next.empty() && !node.ending ? 1 : 0;
    }
    if (tryAgain > 0) {
      const ImVec2 under(a.x + 4 * s, b.y + 3 * s);
      drawSymbol(draw, Symbol::Cross, ImVec2(under.x, under.y + line * 0.1f), line * 0.8f,
                 unsafeColour);
      const std::string note =
          std::to_string(tryAgain) + (tryAgain == 1 ? " choice" : " choices") + " to choose again";
      draw->AddText(ImVec2(under.x + line, under.y), col(theme.mutedText), note.c_str());
    }
  }

  // Arrow labels, on top: each selects its choice in the form.
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const Label& l = labels[k];
    const ImU32 colour = l.safe ? safeColour : unsafeColour;
    const bool selected = sel.node == l.node && sel.choice == l.choice;
    ImGui::SetCursorScreenPos(l.min);
    ImGui::InvisibleButton(("choice" + std::to_string(k)).c_str(),
                           ImVec2(l.max.x - l.min.x, l.max.y - l.min.y));
    if (ImGui::IsItemClicked()) {
      choose(editor, graph.nodes[l.node].choices[l.choice].pointer);
    }
    if (ImGui::IsItemHovered()) {
      const auto& c = graph.nodes[l.node].choices[l.choice];
      ImGui::SetTooltip("%s choice: %s\nLeads to: %s", c.safe ? "Safe" : "Unsafe",
                        c.text.empty() ? "(no text yet)" : c.text.c_str(), c.next.c_str());
    }
    draw->AddRectFilled(l.min, l.max, col(theme.surface), 4 * s);
    draw->AddRect(l.min, l.max, selected ? col(theme.focusRing) : colour, 4 * s, 0,
                  (selected ? 3.0f : 1.5f) * s);
    const float pad = 4 * s;
    drawSymbol(draw, l.safe ? Symbol::Tick : Symbol::Cross, ImVec2(l.min.x + pad, l.min.y + pad),
               line, colour);
    draw->AddText(ImVec2(l.min.x + pad * 2 + line, l.min.y + pad), col(theme.text), l.text.c_str());
  }

  // Clicking empty map selects the step itself; the canvas is as large as its boxes.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(margin * 2 + (maxX - minX) * s + boxW + 160 * s,
                      top + (maxY - minY) * s + boxH + line * 3.0f)); // note and key
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemHovered()) {
    choose(editor, graph.stepPointer);
  }
  mScrollToSelection = false;

  ImGui::EndChild();
  nameItem("story-canvas"); // its height is checked by the tests at 1280x720
  // The key, so nobody has to guess what a line or a shape means.
  ImDrawList* keyDraw = ImGui::GetWindowDrawList();
  if (keyBeside) {
    ImGui::SameLine();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(keyColumnW, keyColumnH));
    keyDraw->AddRectFilled(p, ImVec2(p.x + keyColumnW, p.y + keyColumnH), col(theme.surface, 0.92f),
                           4 * s);
    keyDraw->AddRect(p, ImVec2(p.x + keyColumnW, p.y + keyColumnH), col(theme.border), 4 * s);
    p.x += keyGap;
    p.y += 4 * s;
    for (const auto& k : key) {
      drawSymbol(keyDraw, k.symbol, ImVec2(p.x, p.y + keyLine * 0.1f), keyLine * 0.8f,
                 col(k.colour));
      keyDraw->AddText(ImVec2(p.x + keyLine * 1.1f, p.y), col(theme.mutedText), k.words);
      p.y += keyStep;
    }
    return;
  }
  const float keyH = keyLine + 6 * s;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(keyRowW, keyH));
  keyDraw->AddRectFilled(p, ImVec2(p.x + keyRowW, p.y + keyH), col(theme.surface, 0.92f), 4 * s);
  keyDraw->AddRect(p, ImVec2(p.x + keyRowW, p.y + keyH), col(theme.border), 4 * s);
  p.x += keyGap;
  p.y += 3 * s;
  for (const auto& k : key) {
    drawSymbol(keyDraw, k.symbol, ImVec2(p.x, p.y + keyLine * 0.1f), keyLine * 0.8f, col(k.colour));
    keyDraw->AddText(ImVec2(p.x + keyLine * 1.1f, p.y), col(theme.mutedText), k.words);
    p.x += keyLine * 1.1f + ImGui::CalcTextSize(k.words).x + keyGap * 1.5f;
  }
}

// ---- the list -------------------------------------------------------------------------

void ScenarioGraphPanel::drawList(PackEditor& editor, const Theme& theme, const StoryGraph& graph,
                                  Selection sel) {
  ImGui::BeginChild("story-list");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("story-nodes", 3, flags)) {
    ImGui::TableSetupColumn("Node", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Choices, and where they lead", ImGuiTableColumnFlags_WidthStretch,
                            2.0f);
    ImGui::TableSetupColumn("To check", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
      const auto& node = graph.nodes[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      std::string title = node.id.empty() ? std::string("(no id)") : node.id;
      if (i == graph.startNode) {
        title += "  (start)";
      }
      if (node.ending) {
        title += "  (ending)";
      }
      const bool nodeSelected = sel.node == i && sel.choice == kNoStoryNode;
      if (ImGui::Selectable(title.c_str(), nodeSelected)) {
        choose(editor, node.pointer);
        mScrollToSelection = true;
      }
      ImGui::PushStyleColor(ImGuiCol_Text, vec(theme.mutedText));
      ImGui::TextWrapped("%s", node.text.empty() ? "(no text yet)"
                                                 : authoring::firstWords(node.text, 90).c_str());
      ImGui::PopStyleColor();

      ImGui::TableSetColumnIndex(1);
      if (node.choices.empty() && !node.ending) {
        ImGui::TextUnformatted("No choices yet");
      }
      for (std::size_t c = 0; c < node.choices.size(); ++c) {
        const auto& choice = node.choices[c];
        inlineSymbol(choice.safe ? Symbol::Tick : Symbol::Cross,
                     choice.safe ? theme.readyText : theme.problemText);
        std::string where;
        if (node.ending) {
          where = "never shown (an ending)";
        } else if (choice.next.empty()) {
          where = "choose again";
        } else if (choice.unknownTarget) {
          where = "\"" + choice.next + "\", which is not a node";
        } else {
          where = choice.next;
        }
        // Where it leads first: the column is often too narrow for the whole line.
        const std::string label = std::string(choice.safe ? "Safe" : "Unsafe") + ", " +
                                  (choice.next.empty() || node.ending ? "" : "to ") + where + ": " +
                                  choiceLabel(choice, 36) + "##choice" + std::to_string(c);
        if (ImGui::Selectable(label.c_str(), sel.node == i && sel.choice == c)) {
          choose(editor, choice.pointer);
        }
      }

      ImGui::TableSetColumnIndex(2);
      const auto warnings = authoring::warningsFor(graph, i);
      if (warnings.empty()) {
        inlineSymbol(Symbol::Tick, theme.readyText);
        ImGui::TextUnformatted("Fine");
      }
      for (const StoryWarning& w : warnings) {
        inlineSymbol(Symbol::Warning, theme.warningText);
        ImGui::PushStyleColor(ImGuiCol_Text, vec(theme.warningText));
        ImGui::TextUnformatted(w.word.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
          ImGui::SetTooltip("%s", w.detail.c_str());
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

// ---- actions --------------------------------------------------------------------------

bool ScenarioGraphPanel::apply(PackEditor& editor, const std::optional<authoring::Edit>& edit,
                               const char* whyNot) {
  if (!edit) {
    mStatus = whyNot;
    return false;
  }
  std::string error;
  if (!editor.session().edit(*edit, error)) {
    mStatus = error;
    return false;
  }
  editor.session().history().closeStep(); // every map action is its own undo step
  mStatus.clear();
  return true;
}

void ScenarioGraphPanel::choose(PackEditor& editor, const std::string& pointer) {
  if (pointer != editor.selectedPointer()) {
    editor.select(editor.selectedFile(), pointer);
  }
}

void ScenarioGraphPanel::addNode(PackEditor& editor, const StoryGraph& graph, const Json& lesson,
                                 const StoryLayout& layout, Selection sel) {
  std::string id;
  const MapPoint spot = authoring::freeSpot(layout, sel.node);
  if (apply(editor, authoring::addNodeEdit(graph, lesson, spot, &id),
            "Mend \"nodes\" in the form first: it is not a list.")) {
    choose(editor, authoring::appendPointer(authoring::appendPointer(graph.stepPointer, "nodes"),
                                            graph.nodes.size()));
    mScrollToSelection = true;
  }
}

void ScenarioGraphPanel::addChoice(PackEditor& editor, const StoryGraph& graph, const Json& lesson,
                                   Selection sel) {
  if (sel.node == kNoStoryNode) {
    mStatus = "Choose a node first.";
    return;
  }
  if (apply(editor, authoring::addChoiceEdit(graph, lesson, sel.node),
            "A node has at most four choices.")) {
    choose(editor, authoring::appendPointer(
                       authoring::appendPointer(graph.nodes[sel.node].pointer, "choices"),
                       graph.nodes[sel.node].choices.size()));
  }
}

void ScenarioGraphPanel::makeStart(PackEditor& editor, const StoryGraph& graph, const Json& lesson,
                                   Selection sel) {
  if (sel.node == kNoStoryNode) {
    mStatus = "Choose a node first.";
    return;
  }
  apply(editor, authoring::setStartEdit(graph, lesson, sel.node),
        "This node needs an id before the story can start there.");
}

void ScenarioGraphPanel::deleteSelected(PackEditor& editor, const StoryGraph& graph,
                                        const Json& lesson, Selection sel) {
  if (sel.node == kNoStoryNode) {
    mStatus = "Choose a node or a choice first.";
    return;
  }
  if (sel.choice != kNoStoryNode) {
    if (apply(editor, authoring::deleteChoiceEdit(graph, lesson, sel.node, sel.choice),
              "That choice cannot be deleted.")) {
      choose(editor, graph.nodes[sel.node].pointer);
    }
    return;
  }
  if (apply(editor, authoring::deleteNodeEdit(graph, lesson, sel.node),
            "That node cannot be deleted.")) {
    choose(editor, graph.stepPointer);
  }
}

} // namespace sq
