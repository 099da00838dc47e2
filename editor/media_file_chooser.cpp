#include "media_file_chooser.hpp"

#include "editor_script.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

namespace sq {

MediaFileChooser::MediaFileChooser(std::vector<std::string> extensions, std::string what)
    : mExtensions(std::move(extensions)), mWhat(std::move(what)) {
  const char* home = std::getenv("HOME");
  mHome = home != nullptr ? home : "/";
}

void MediaFileChooser::openFolder(const std::string& folder) {
  mListing = authoring::listFolder(folder, mExtensions);
  mListed = true;
}

bool MediaFileChooser::draw() {
  if (!mListed) {
    const auto places = authoring::startPlaces(mHome);
    // Pictures start in Pictures, sounds in Music, when the folder is there.
    std::string start = places.empty() ? "/" : places.front().second;
    for (const auto& [label, folder] : places) {
      if ((mWhat.find("picture") != std::string::npos && label == "Pictures") ||
          (mWhat.find("sound") != std::string::npos && label == "Music")) {
        start = folder;
      }
    }
    openFolder(start);
  }
  bool chosen = false;
  // The path box on its own line, as wide as the panel: paths are long.
  ImGui::TextUnformatted("Type or paste where the file is, or find it below:");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##path", &mPath, ImGuiInputTextFlags_EnterReturnsTrue)) {
    chosen = !mPath.empty();
  }
  nameItem("chooser:path");
  ImGui::BeginDisabled(mPath.empty());
  if (ImGui::Button("Use this file")) {
    chosen = true;
  }
  nameItem("chooser:use");
  ImGui::EndDisabled();

  for (const auto& [label, folder] : authoring::startPlaces(mHome)) {
    if (ImGui::SmallButton(label.c_str())) {
      openFolder(folder);
    }
    ImGui::SameLine();
  }
  if (ImGui::SmallButton("Up")) {
    openFolder(authoring::parentFolder(mListing.folder));
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", mListing.folder.c_str());
  ImGui::BeginChild("##browser", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 8), true);
  if (!mListing.error.empty()) {
    ImGui::TextWrapped("%s", mListing.error.c_str());
  }
  std::string next;
  for (const std::string& folder : mListing.folders) {
    if (ImGui::Selectable(("[folder]  " + folder).c_str(), false)) {
      next = (std::filesystem::path(mListing.folder) / folder).string();
    }
  }
  for (const std::string& file : mListing.files) {
    const std::string full = (std::filesystem::path(mListing.folder) / file).string();
    if (ImGui::Selectable(file.c_str(), full == mPath, ImGuiSelectableFlags_AllowDoubleClick)) {
      mPath = full;
      chosen = ImGui::IsMouseDoubleClicked(0);
    }
  }
  if (mListing.folders.empty() && mListing.files.empty() && mListing.error.empty()) {
    ImGui::TextDisabled("No folders or %s files here.", mWhat.c_str());
  }
  if (mListing.truncated) {
    ImGui::TextDisabled("(This folder has too many files to list them all.)");
  }
  ImGui::EndChild();
  if (!mFolderButton.empty() && mListing.error.empty()) {
    if (ImGui::Button(mFolderButton.c_str())) {
      mPath = mListing.folder;
      chosen = true;
    }
    nameItem("chooser:use-folder");
  }
  if (!next.empty()) {
    openFolder(next);
  }
  return chosen;
}

} // namespace sq
