#include "find_panel.hpp"
#include "imgui_helpers.hpp"

#include "pack_editor.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

namespace {

// The file as the file list names it: its title (in the first language), else its path.
std::string fileTitle(const authoring::PackDocument& doc, const std::string& file) {
  const authoring::Json* v = doc.value(file);
  if (v != nullptr && v->is_object() && v->contains("title")) {
    const authoring::Json& t = (*v)["title"];
    if (t.is_string() && !t.get_ref<const std::string&>().empty()) {
      return t.get<std::string>();
    }
    if (t.is_object() && !t.empty() && t.begin()->is_string()) {
      return t.begin()->get<std::string>();
    }
  }
  return file;
}

} // namespace

bool FindPanel::draw(PackEditor& host, const Theme& theme) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Find");
  ImGui::SameLine();
  if (mFocus) {
    ImGui::SetKeyboardFocusHere();
    mFocus = false;
  }
  const bool hasWords = mQuery.find_first_not_of(" \t") != std::string::npos;
  ImGui::SetNextItemWidth(hasWords ? -ImGui::GetFontSize() * 4.0f : -1.0f);
  ImGui::InputTextWithHint("##find", "words (Ctrl+F)", &mQuery);
  if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    mQuery.clear();
  }
  if (!hasWords) {
    return false;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Clear")) {
    mQuery.clear();
    return false;
  }
  const authoring::PackDocument& doc = host.session().document();
  if (!mSearchedOnce || mSearched != mQuery || mRevision != doc.revision()) {
    mResults = authoring::findText(doc, mQuery);
    mSearched = mQuery;
    mRevision = doc.revision();
    mSearchedOnce = true;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  if (mResults.matches.empty()) {
    ImGui::TextWrapped("No text in this pack has all of these words.");
  } else {
    ImGui::Text("%d %s%s", static_cast<int>(mResults.matches.size()),
                mResults.matches.size() == 1 ? "place" : "places",
                mResults.more ? " (the first ones: add a word to narrow it)" : "");
  }
  ImGui::PopStyleColor();
  int row = 0;
  for (const authoring::TextMatch& m : mResults.matches) {
    ImGui::PushID(row++);
    std::string text = m.text;
    if (text.size() > 120) {
      std::size_t cut = 119;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut; // never cut a character in two
      }
      text = text.substr(0, cut) + "\xE2\x80\xA6";
    }
    std::replace(text.begin(), text.end(), '\n', ' ');
    // Two lines: where it is, then the text itself.
    const std::string label =
        fileTitle(doc, m.file) + " \xE2\x80\xBA " + m.where + "\n" + text + "##match";
    const bool chosen = host.selectedFile() == m.file && host.markedPointer() == m.pointer;
    if (ImGui::Selectable(label.c_str(), chosen)) {
      host.select(m.file, m.pointer);
    }
    if (ImGui::IsItemHovered()) {
      // The whole text and the file it is in, where the list has no room for them.
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
      ImGui::TextUnformatted((m.file + "  " + m.where).c_str());
      ImGui::TextUnformatted(m.text.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  return true;
}

} // namespace sq
