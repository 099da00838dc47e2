// Small helpers every panel of the editor shares: theme colours for ImGui, the
// width of the label column, a string member of a JSON object, whether one JSON
// pointer lies inside another, and a tab named for scripts.
// Depends on: platform geometry (Colour), authoring (Json), editor_script (item
// names), Dear ImGui.
#pragma once

#include "authoring/pack_document.hpp"
#include "editor_script.hpp"
#include "platform/geometry.hpp"

#include <imgui.h>

#include <string>

namespace sq {

inline ImVec4 toImGui(Colour c) {
  return ImVec4(static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
                static_cast<float>(c.b) / 255.0f, static_cast<float>(c.a) / 255.0f);
}

// The label column of every form: wide enough for "Teacher notes" at any text size.
inline float labelWidth() {
  return ImGui::GetFontSize() * 9.0f;
}

// The member `key` of `object` when it is a string, else "".
inline std::string stringOf(const authoring::Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) {
    return {};
  }
  const auto it = object->find(key);
  return it != object->end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Whether `marked` is `pointer` or inside it ("/steps/1/x" is inside "/steps/1", not
// inside "/steps/10").
inline bool pointerInside(const std::string& marked, const std::string& pointer) {
  return marked == pointer ||
         (marked.size() > pointer.size() && marked.compare(0, pointer.size(), pointer) == 0 &&
          marked[pointer.size()] == '/');
}

// One tab of the current tab bar, named `name` for scripts whether or not it is
// open (a script clicks a closed tab to open it); `drawTab` runs while it is open.
// With `scrolls`, the tab's content is a child region that scrolls on its own, so
// the tabs stay in view.
template <class DrawTab>
void namedTab(const char* label, const char* name, DrawTab&& drawTab, bool scrolls = false) {
  const bool open = ImGui::BeginTabItem(label);
  nameItem(name);
  if (!open) {
    return;
  }
  if (scrolls) {
    ImGui::BeginChild(name, ImVec2(0, 0), false);
  }
  drawTab();
  if (scrolls) {
    ImGui::EndChild();
  }
  ImGui::EndTabItem();
}

} // namespace sq
