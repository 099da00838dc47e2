#include "lesson_preview_panel.hpp"
#include "imgui_helpers.hpp"

#include "authoring/preview_target.hpp"
#include "editor_script.hpp"
#include "pack_editor.hpp"
#include "play/lesson_session.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>

namespace sq {

namespace {

constexpr std::array<Band, 4> kBands = {Band::Eyfs, Band::Ks1, Band::Lks2, Band::Uks2};

const char* bandName(Band b) {
  switch (b) {
  case Band::Eyfs:
    return "EYFS (Reception)";
  case Band::Ks1:
    return "KS1 (Years 1 and 2)";
  case Band::Lks2:
    return "Lower KS2 (Years 3 and 4)";
  case Band::Uks2:
    return "Upper KS2 (Years 5 and 6)";
  }
  return "";
}

// The short name the closed picker shows, so the toolbar keeps its room.
const char* shortBandName(Band b) {
  switch (b) {
  case Band::Eyfs:
    return "Reception";
  case Band::Ks1:
    return "Years 1-2";
  case Band::Lks2:
    return "Years 3-4";
  case Band::Uks2:
    return "Years 5-6";
  }
  return "";
}

const char* bandKey(Band b) {
  switch (b) {
  case Band::Eyfs:
    return "eyfs";
  case Band::Ks1:
    return "ks1";
  case Band::Lks2:
    return "lks2";
  case Band::Uks2:
    return "uks2";
  }
  return "";
}

// The band the lesson shown plays in for a guest (as the game: play/sessionBand),
// from the last check of the pack; nullopt when that is not known (not a lesson,
// or the pack does not load as it is now).
std::optional<Band> ownBandOf(PackEditor& editor) {
  const LoadResult& last = editor.session().lastValidation();
  if (!last.pack) {
    return std::nullopt;
  }
  std::string why;
  const auto target = authoring::previewTargetAt(editor.session().document(), editor.selectedFile(),
                                                 editor.previewPointer(), why);
  if (!target || last.pack->findLesson(target->lessonId) == nullptr) {
    return std::nullopt;
  }
  return sessionBand(*last.pack, target->lessonId, std::nullopt);
}

} // namespace

void drawPreviewBandPicker(PackEditor& editor) {
  std::optional<Band>& wish = editor.previewBand();
  const std::optional<Band> own = ownBandOf(editor);
  const std::string asLesson =
      own ? std::string("As the lesson: ") + bandName(*own) : "As the lesson";
  const std::string shown =
      wish ? std::string("Age band: ") + shortBandName(*wish)
           : std::string("Age band: as the lesson") +
                 (own ? std::string(" (") + shortBandName(*own) + ")" : std::string());
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 17,
                                   ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetFrameHeight() +
                                       ImGui::GetStyle().FramePadding.x * 2));
  const bool open = ImGui::BeginCombo("##preview-band", shown.c_str(), ImGuiComboFlags_HeightLarge);
  if (!open) {
    nameItem("preview-band");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("The age band the preview (F5) plays the lesson in: its pictures, text "
                        "size and narration as pupils of that age see them.");
    }
    return;
  }
  if (ImGui::Selectable(asLesson.c_str(), !wish)) {
    wish.reset();
  }
  nameItem("preview-band:lesson");
  for (const Band b : kBands) {
    if (ImGui::Selectable(bandName(b), wish == b)) {
      wish = b;
    }
    nameItem(std::string("preview-band:") + bandKey(b));
  }
  ImGui::EndCombo();
}

PreviewPanel::PreviewPanel(std::string assetsDir, bool hiddenWindow)
    : mAssetsDir(std::move(assetsDir)), mHidden(hiddenWindow) {}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::start(PackEditor& editor) {
  mMessage.clear();
  authoring::EditingSession& session = editor.session();
  std::string why;
  const auto target = authoring::previewTargetAt(session.document(), editor.selectedFile(),
                                                 editor.previewPointer(), why);
  if (!target) {
    mMessage = why;
    return;
  }
  // The loader's verdict on the document as it is now (recomputed only if it changed).
  const LoadResult& loaded = session.validation();
  const std::string refusal = authoring::previewRefusal(loaded, *target);
  if (!refusal.empty()) {
    mMessage = refusal;
    return;
  }
  mBandWish = editor.previewBand(); // the band chosen beside the Preview button
  if (!mPreview) {
    PreviewOptions options;
    options.assetsDir = mAssetsDir;
    options.hidden = mHidden;
    options.forceSoftware = mHidden;
    std::string error;
    mPreview = LessonPreview::open(options, error);
    if (!mPreview) {
      mMessage = "The preview window could not open: " + error;
      return;
    }
  }
  mOwnBand = sessionBand(*loaded.pack, target->lessonId, std::nullopt);
  PreviewStart start{target->lessonId, target->stepId, target->nodeId, mBandWish};
  std::string error;
  if (!mPreview->play(*loaded.pack, session.document().folder(), start, error)) {
    mMessage = "The preview cannot start: " + error + ".";
    return;
  }
  const Lesson* lesson = loaded.pack->findLesson(target->lessonId);
  mPlaying = lesson != nullptr ? lesson->title.get() : target->lessonId;
  if (!target->stepId.empty()) {
    mPlaying += ", from the step \"" + target->stepId + "\"";
  }
  if (!target->nodeId.empty()) {
    mPlaying += ", scene \"" + target->nodeId + "\"";
  }
}

bool PreviewPanel::followBand(PackEditor& editor) {
  if (!mPreview || editor.previewBand() == mBandWish) {
    return false;
  }
  mBandWish = editor.previewBand();
  replay();
  return true;
}

bool PreviewPanel::offer(const SDL_Event& e) {
  return mPreview != nullptr && mPreview->offer(e);
}

void PreviewPanel::frame() {
  if (mPreview && !mPreview->frame()) {
    close(); // the teacher closed the window: back to the editor
  }
}

int PreviewPanel::msUntilFrame() const {
  return mPreview ? mPreview->msUntilFrame() : -1;
}

void PreviewPanel::close() {
  mPreview.reset();
  mPlaying.clear();
}

void PreviewPanel::replay() {
  if (!mPreview) {
    return;
  }
  std::string error;
  if (!mPreview->setBand(mBandWish.value_or(mOwnBand), error)) {
    mMessage = "The preview cannot start: " + error + ".";
  }
}

void PreviewPanel::draw(const Theme& theme) {
  if (!mPreview && mMessage.empty()) {
    return;
  }
  const ImGuiViewport* view = ImGui::GetMainViewport();
  const float pad = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(
      ImVec2(view->WorkPos.x + view->WorkSize.x - pad, view->WorkPos.y + view->WorkSize.y - pad),
      ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(view->WorkSize.x * 0.5f, FLT_MAX));
  bool keep = true;
  if (!ImGui::Begin("Preview (F5)", &keep,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                        ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::End();
    return;
  }
  if (!mMessage.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    ImGui::PushTextWrapPos(view->WorkSize.x * 0.45f);
    ImGui::TextUnformatted(mMessage.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (mPreview) {
    ImGui::PushTextWrapPos(view->WorkSize.x * 0.45f);
    ImGui::TextUnformatted(("Playing: " + mPlaying).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextUnformatted("Nothing is recorded.");
    ImGui::PopStyleColor();
    // The band the lesson is playing in, as the preview's runner has it.
    ImGui::TextUnformatted(
        (std::string("Playing in the age band ") + bandName(mPreview->band())).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextUnformatted("Choose another beside the Preview button.");
    ImGui::PopStyleColor();
    if (ImGui::Button("Play again")) {
      replay();
    }
    nameItem("preview-again");
    ImGui::SameLine();
    if (ImGui::Button("Close preview")) {
      close();
    }
    nameItem("preview-close");
  } else if (ImGui::Button("OK")) {
    mMessage.clear();
  }
  ImGui::End();
  if (!keep) {
    close();
    mMessage.clear();
  }
}

} // namespace sq
