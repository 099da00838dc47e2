// What the picture and narration fields need from the pack view while they draw:
// the session (to read the document and know whether it is read-only), the file
// being shown, and the one way to change anything, an edit the view applies.
// Depends on: authoring/editing_session, Dear ImGui.
#pragma once

#include "authoring/editing_session.hpp"

#include <imgui.h>

#include <filesystem>
#include <functional>
#include <string>

namespace sq {

struct Theme;

struct MediaContext {
  authoring::EditingSession& session;
  const std::string& file;
  std::function<void(const authoring::Edit&, const std::string& mergeKey)> apply;
  std::function<void(const std::string&)> say; // a sentence for the status line
  const Theme& theme;
};

// A path inside the pack's folder.
inline std::string packPath(const MediaContext& ctx, const std::string& rel) {
  return (std::filesystem::path(ctx.session.document().folder()) / rel).string();
}

// Puts the next button on this line when it fits, else on the next.
inline void sameLineIfFits(const char* label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  const float lineEnd = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
  if (lineEnd < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
    ImGui::SameLine();
  }
}

} // namespace sq
