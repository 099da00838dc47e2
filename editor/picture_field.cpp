// The picture field (see picture_field.hpp).
// Sections:
//   1. thumbnails: pack pictures as textures, made once
//   2. the field: thumbnail, file, alt text, buttons, selection for drops
//   3. the import panel: from a file or from the pack, scale down, alt text, add
#include "picture_field.hpp"

#include "editor_script.hpp"

#include "authoring/asset_files.hpp"
#include "core/asset_probe.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

namespace sq {

using authoring::Edit;
using authoring::EditOp;
using authoring::Json;

namespace {

SDL_Renderer* gRenderer = nullptr;
constexpr std::size_t kMaxThumbs = 48;

bool isPictureFile(const std::string& path) {
  return authoring::hasExtension(path, {".png", ".jpg", ".jpeg"});
}

} // namespace

// ---- thumbnails -------------------------------------------------------------------

PictureField::PictureField() : mChooser({".png", ".jpg", ".jpeg"}, "picture") {}

PictureField::~PictureField() {
  for (auto& [path, thumb] : mThumbs) {
    if (thumb.texture != nullptr) {
      SDL_DestroyTexture(thumb.texture);
    }
  }
}

void PictureField::setRenderer(SDL_Renderer* renderer) {
  gRenderer = renderer;
}

const PictureField::Thumb& PictureField::thumbnail(const std::string& absolutePath) {
  const auto found = mThumbs.find(absolutePath);
  if (found != mThumbs.end()) {
    return found->second;
  }
  if (mThumbs.size() >= kMaxThumbs) {
    for (auto& [path, thumb] : mThumbs) {
      if (thumb.texture != nullptr) {
        SDL_DestroyTexture(thumb.texture);
      }
    }
    mThumbs.clear();
  }
  Thumb thumb;
  authoring::PictureImportLimits limits;
  std::string error;
  const auto bytes = authoring::readFileLimited(absolutePath, limits.maxInputBytes, error);
  authoring::PictureRefusal refusal;
  const auto probe = bytes ? authoring::probePicture(*bytes, limits) : authoring::PictureProbe{};
  if (!bytes) {
    thumb.error = error;
  } else if (!probe.ok) {
    thumb.error = probe.message;
  } else if (probe.overLimits) {
    thumb.error = "Too large to show until it is scaled down.";
  } else if (const auto pixels = authoring::decodeRgba(*bytes, refusal, limits)) {
    thumb.width = pixels->width;
    thumb.height = pixels->height;
    if (gRenderer != nullptr) {
      thumb.texture = SDL_CreateTexture(gRenderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                        pixels->width, pixels->height);
    }
    if (thumb.texture != nullptr) {
      SDL_UpdateTexture(thumb.texture, nullptr, pixels->rgba.data(), pixels->width * 4);
      SDL_SetTextureBlendMode(thumb.texture, SDL_BLENDMODE_BLEND);
    }
  } else {
    thumb.error = refusal.message;
  }
  return mThumbs.emplace(absolutePath, thumb).first->second;
}

void PictureField::drawThumb(const std::string& absolutePath, float maxSide) {
  const Thumb& t = thumbnail(absolutePath);
  if (t.texture == nullptr || t.width <= 0 || t.height <= 0) {
    ImGui::Dummy(ImVec2(maxSide, maxSide * 0.75f));
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(a, b, IM_COL32(150, 150, 150, 255));
    if (!t.error.empty() && ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", t.error.c_str());
    }
    return;
  }
  const float scale = std::min(maxSide / static_cast<float>(t.width),
                               maxSide * 0.75f / static_cast<float>(t.height));
  ImGui::Image(static_cast<ImTextureID>(t.texture),
               ImVec2(static_cast<float>(t.width) * scale, static_cast<float>(t.height) * scale));
}

// ---- the field -------------------------------------------------------------------

std::set<std::string> PictureField::knownPictures(const MediaContext& ctx) const {
  std::set<std::string> out(mAdded.begin(), mAdded.end());
  for (const std::string& a : ctx.session.document().assets()) {
    if (isPictureFile(a)) {
      out.insert(a);
    }
  }
  return out;
}

bool PictureField::takeDrop(const std::string& path) {
  if (mSelected.empty()) {
    return false;
  }
  mOpen = mSelected;
  choose(path, false);
  mChooser.setPath(path);
  return true;
}

void PictureField::choose(const std::string& path, bool fromPack) {
  mSource = path;
  mFromPack = fromPack;
  mMessage.clear();
  mProbe.reset();
  if (fromPack) {
    return;
  }
  authoring::PictureImportLimits limits;
  std::string error;
  const auto bytes = authoring::readFileLimited(path, limits.maxInputBytes, error);
  if (!bytes) {
    authoring::PictureProbe refused;
    refused.code = authoring::picture_code::kTooBigToRead;
    refused.message = error;
    mProbe = refused;
    return;
  }
  mProbe = authoring::probePicture(*bytes, limits);
  mScale = true;
}

void PictureField::draw(const MediaContext& ctx, const std::string& objectPointer,
                        const std::string& key, const Json& value) {
  const std::string pointer = authoring::appendPointer(objectPointer, key);
  ImGui::PushID(pointer.c_str());
  const bool readOnly = ctx.session.document().readOnly();
  const bool selected = mSelected == pointer;
  // The label in the form's label column (outside any group, so the column lines up
  // with the text fields'), the field in one group that a click selects.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Picture");
  ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
  const std::string src = value.is_object() && value.contains("src") && value["src"].is_string()
                              ? value["src"].get<std::string>()
                              : std::string();
  const std::string alt = value.is_object() && value.contains("alt") && value["alt"].is_string()
                              ? value["alt"].get<std::string>()
                              : std::string();
  ImGui::BeginGroup();
  if (!src.empty()) {
    drawThumb(packPath(ctx, src), ImGui::GetFontSize() * 5);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextWrapped("%s", src.c_str());
    ImGui::TextWrapped("Described as (read aloud):");
    std::string text = alt;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##alt", &text,
                         readOnly ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None)) {
      const EditOp op = value.contains("alt")
                            ? EditOp::set(ctx.file, authoring::appendPointer(pointer, "alt"), text)
                            : EditOp::insertMember(ctx.file, pointer, "alt", value.size(), text);
      ctx.apply(Edit{"Change the picture's description", {op}}, ctx.file + "#" + pointer + "/alt");
    }
    if (ImGui::IsItemDeactivated()) {
      ctx.session.history().closeStep();
    }
    if (alt.find_first_not_of(" \t\r\n") == std::string::npos) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 84, 0, 255));
      ImGui::TextWrapped("Describe this picture: pupils who cannot see it hear the description.");
      ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
  } else {
    ImGui::TextDisabled("No picture.");
  }
  if (readOnly) {
    ImGui::TextDisabled("This pack is read-only: make your own copy to change its pictures.");
  } else {
    if (ImGui::Button(src.empty() ? "Add a picture..." : "Change picture...")) {
      mOpen = mOpen == pointer ? std::string() : pointer;
      mSelected = pointer;
      mSource.clear();
      mProbe.reset();
      mAlt = alt;
      mMessage.clear();
    }
    if (!src.empty()) {
      sameLineIfFits("Remove picture");
      if (ImGui::Button("Remove picture")) {
        ctx.apply(Edit{"Remove picture", {EditOp::removeMember(ctx.file, objectPointer, key)}}, {});
        mOpen.clear();
      }
    }
    if (selected) {
      ImGui::TextDisabled("Selected: a picture file dropped on the window comes here.");
    }
  }
  ImGui::EndGroup();
  nameItem("picture:" + pointer); // the field a click selects for a drop
  if (!readOnly && ImGui::IsItemClicked()) {
    mSelected = pointer; // drops now come here
  }
  if (selected) {
    ImGui::GetWindowDrawList()->AddRect(
        ImVec2(ImGui::GetItemRectMin().x - 2, ImGui::GetItemRectMin().y - 2),
        ImVec2(ImGui::GetItemRectMax().x + 2, ImGui::GetItemRectMax().y + 2),
        IM_COL32(40, 110, 200, 255), 3.0f, 0, 2.0f);
  }
  if (!readOnly && mOpen == pointer) {
    drawPanel(ctx, objectPointer, key, value);
  }
  ImGui::PopID();
}

// ---- the import panel ----------------------------------------------------------------

void PictureField::drawPanel(const MediaContext& ctx, const std::string& objectPointer,
                             const std::string& key, const Json& value) {
  (void)value;
  ImGui::Indent(ImGui::GetFontSize() * 2);
  ImGui::BeginChild("##picture-panel", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 22),
                    true);
  if (ImGui::BeginTabBar("##source")) {
    if (ImGui::BeginTabItem("From a file")) {
      if (mChooser.draw()) {
        choose(mChooser.path(), false);
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("From this pack")) {
      ImGui::BeginChild("##pack-pictures", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 8));
      for (const std::string& rel : knownPictures(ctx)) {
        ImGui::PushID(rel.c_str());
        drawThumb(packPath(ctx, rel), ImGui::GetFontSize() * 3);
        ImGui::SameLine();
        if (ImGui::Selectable(rel.c_str(), mFromPack && mSource == rel)) {
          choose(rel, true);
        }
        ImGui::PopID();
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }

  bool ready = false;
  if (mFromPack && !mSource.empty()) {
    ImGui::Text("Use %s from this pack.", mSource.c_str());
    ready = true;
  } else if (mProbe) {
    if (!mProbe->ok) {
      ImGui::TextWrapped("%s", mProbe->message.c_str());
    } else {
      const authoring::PictureImportLimits limits;
      ImGui::Text("%s picture, %u x %u pixels.", std::string(assetTypeName(mProbe->type)).c_str(),
                  mProbe->size.width, mProbe->size.height);
      if (mProbe->overLimits) {
        const ImageSize to =
            authoring::scaledSize(mProbe->size, std::min(limits.scaleToSide, limits.maxPackSide));
        ImGui::TextWrapped("It is over the pack's limits (%u x %u pixels, 16 MB).",
                           limits.maxPackSide, limits.maxPackSide);
        ImGui::Checkbox("Scale it down to fit", &mScale);
        ImGui::SameLine();
        ImGui::TextDisabled("(to %u x %u pixels)", to.width, to.height);
        ready = mScale;
      } else {
        drawThumb(mSource, ImGui::GetFontSize() * 5);
        ready = true;
      }
    }
  } else {
    ImGui::TextDisabled("Choose a PNG or JPEG picture, or drop one on the window.");
  }
  ImGui::TextUnformatted("Describe the picture (read aloud to pupils who cannot see it):");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##new-alt", &mAlt);
  nameItem("picture-alt");
  const bool hasAlt = mAlt.find_first_not_of(" \t\r\n") != std::string::npos;
  ImGui::BeginDisabled(!ready || !hasAlt);
  const bool add = ImGui::Button(mFromPack ? "Use this picture" : "Add to the pack");
  nameItem("picture-add");
  if (add) {
    std::string rel = mSource;
    bool ok = true;
    if (!mFromPack) {
      authoring::PictureRefusal refusal;
      const auto imported = authoring::importPicture(ctx.session.document().folder(), mSource,
                                                     mScale, refusal, knownPictures(ctx));
      if (imported) {
        rel = imported->path;
        mAdded.insert(rel);
      } else {
        mMessage = refusal.message;
        ok = false;
      }
    }
    std::string error;
    const auto edit = ok ? authoring::setPictureEdit(ctx.session.document(), ctx.file,
                                                     objectPointer, key, rel, mAlt, error)
                         : std::nullopt;
    if (edit) {
      ctx.apply(*edit, {});
      ctx.say("The picture " + rel + " is in the pack folder; the change saves with the pack.");
      mOpen.clear();
    } else if (ok) {
      mMessage = error;
    }
  }
  ImGui::EndDisabled();
  if (!hasAlt && (ready || mProbe)) {
    ImGui::SameLine();
    ImGui::TextDisabled("A description is needed.");
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    mOpen.clear();
  }
  if (!mMessage.empty()) {
    ImGui::TextWrapped("%s", mMessage.c_str());
  }
  ImGui::EndChild();
  ImGui::Unindent(ImGui::GetFontSize() * 2);
}

} // namespace sq
