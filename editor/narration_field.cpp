// The narration field (see narration_field.hpp).
// Sections:
//   1. playing: the line's file through the game's audio player
//   2. the field: file, Play/Stop, the stale flag, the buttons
//   3. new narration: record, the computer voice, a chosen file
#include "narration_field.hpp"

#include "audio/audio_decode.hpp"
#include "audio/audio_player.hpp"
#include "authoring/asset_files.hpp"
#include "authoring/narration_tools.hpp"
#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

namespace sq {

using authoring::Json;

namespace {

const Json* lineAt(const MediaContext& ctx, const std::string& pointer) {
  const Json* root = ctx.session.document().value(ctx.file);
  return root != nullptr ? authoring::findPointer(*root, pointer) : nullptr;
}

} // namespace

NarrationField::NarrationField() : mChooser({".wav", ".ogg"}, "sound") {}

NarrationField::~NarrationField() = default;

bool NarrationField::busy() {
  if (mPlayer) {
    mPlayer->update(); // frees finished narration; closes the device once all is quiet
  }
  return mRecorder.recording() || (mPlayer && mPlayer->isPlaying()) || mVoice.busy();
}

bool NarrationField::takeDrop(const std::string& path) {
  if (mSelected.empty()) {
    return false;
  }
  mOpen = mSelected;
  mPanel = Panel::File;
  mChooser.setPath(path);
  return true;
}

std::string NarrationField::language(const Json& line) const {
  // Per-language narration: the first language the line already narrates.
  const auto it = line.find("narration");
  if (it != line.end() && it->is_object() && !it->empty()) {
    return it->begin().key();
  }
  return {};
}

// ---- playing ----------------------------------------------------------------------

void NarrationField::play(const MediaContext& ctx, const std::string& rel) {
  if (!mPlayer) {
    mPlayer = std::make_unique<AudioPlayer>();
  }
  std::string error;
  if (!mPlayer->playNarrationFile(packPath(ctx, rel), error)) {
    mMessage = error.empty() ? "No sound device to play it on." : error;
    mPlaying.clear();
    return;
  }
  mPlaying = rel;
}

// ---- the field --------------------------------------------------------------------

void NarrationField::draw(const MediaContext& ctx, const std::string& objectPointer,
                          const Json& value) {
  const std::string pointer = authoring::appendPointer(objectPointer, "narration");
  const Json* line = lineAt(ctx, objectPointer);
  if (line == nullptr) {
    return;
  }
  takeVoice(ctx);
  ImGui::PushID(pointer.c_str());
  const bool readOnly = ctx.session.document().readOnly();
  const std::string lang = language(*line);
  const std::string rel = authoring::narrationPath(*line, lang);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Narration");
  ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
  ImGui::BeginGroup();
  if (rel.empty()) {
    ImGui::TextDisabled(value.is_null() ? "No narration." : "(narration for another language)");
  } else {
    const bool playing = mPlayer && mPlaying == rel && mPlayer->isPlaying();
    if (ImGui::Button(playing ? "Stop" : "Play")) {
      if (playing) {
        mPlayer->stopNarration();
      } else {
        play(ctx, rel);
      }
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", rel.c_str());
    if (authoring::narrationStale(*line, lang)) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 84, 0, 255));
      ImGui::TextWrapped("The words changed since this was recorded.");
      ImGui::PopStyleColor();
      if (!readOnly) {
        if (ImGui::Button("Re-make")) {
          mSelected = pointer;
          if (!mEspeak) {
            mEspeak = authoring::espeakAvailable();
          }
          if (*mEspeak && !mVoice.busy()) {
            makeWithVoice(ctx, objectPointer);
          } else if (*mEspeak) {
            mMessage = "Wait for the recording being made, then try again.";
          } else {
            mOpen = pointer;
            mPanel = Panel::Record;
          }
        }
      }
    }
  }
  if (readOnly) {
    ImGui::TextDisabled("This pack is read-only: make your own copy to change its narration.");
  } else {
    if (ImGui::Button("Record...")) {
      mOpen = pointer;
      mSelected = pointer;
      mPanel = Panel::Record;
      mMessage.clear();
    }
    sameLineIfFits("Computer voice");
    if (!mEspeak) {
      mEspeak = authoring::espeakAvailable();
    }
    ImGui::BeginDisabled(!*mEspeak || mVoice.busy() || authoring::lineText(*line, lang).empty());
    if (ImGui::Button("Computer voice")) {
      mSelected = pointer;
      makeWithVoice(ctx, objectPointer);
    }
    nameItem("voice:" + objectPointer);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip(!*mEspeak ? "Ask IT to install espeak-ng to make narration from the words."
                        : mVoice.busy()
                            ? "The computer voice is making another recording."
                            : "Make the narration from the words with the computer voice.");
    }
    sameLineIfFits("Choose a file...");
    if (ImGui::Button("Choose a file...")) {
      mOpen = pointer;
      mSelected = pointer;
      mPanel = Panel::File;
      mMessage.clear();
    }
  }
  if (mVoice.isFor(ctx.file, objectPointer)) {
    // The frame keeps drawing while espeak-ng works on its own thread.
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(ctx.theme.mutedText));
    ImGui::TextWrapped("Making the recording\xE2\x80\xA6");
    ImGui::PopStyleColor();
  }
  if (!mMessage.empty() && mSelected == pointer) {
    ImGui::TextWrapped("%s", mMessage.c_str());
  }
  ImGui::EndGroup();
  if (!readOnly && ImGui::IsItemClicked()) {
    mSelected = pointer;
  }
  if (!readOnly && mOpen == pointer) {
    ImGui::Indent(ImGui::GetFontSize() * 2);
    if (mPanel == Panel::Record) {
      drawRecorder(ctx, objectPointer);
    } else if (mPanel == Panel::File) {
      drawFilePanel(ctx, objectPointer);
    }
    ImGui::Unindent(ImGui::GetFontSize() * 2);
  }
  ImGui::PopID();
}

// ---- new narration --------------------------------------------------------------------

void NarrationField::useBytes(const MediaContext& ctx, const std::string& objectPointer,
                              std::string_view bytes, const std::string& extension,
                              const std::string& madeFrom, const char* how) {
  const Json* line = lineAt(ctx, objectPointer);
  if (line == nullptr) {
    return;
  }
  // Named after the line's id, so a teacher browsing the folder sees which is which.
  const auto id = line->find("id");
  const std::string stem = id != line->end() && id->is_string() ? id->get<std::string>() : "line";
  const std::string folder = ctx.session.document().folder();
  std::set<std::string> taken = mAdded;
  taken.insert(ctx.session.document().assets().begin(), ctx.session.document().assets().end());
  const std::string rel = authoring::newNarrationPath(folder, stem, extension, taken);
  std::string error;
  if (!authoring::writeNewAsset(folder, rel, bytes, error)) {
    mMessage = error;
    return;
  }
  mAdded.insert(rel);
  const auto edit = authoring::setNarrationEdit(ctx.session.document(), ctx.file, objectPointer,
                                                rel, madeFrom, error, language(*line));
  if (!edit) {
    mMessage = error;
    return;
  }
  ctx.apply(authoring::Edit{how, edit->ops}, {});
  ctx.say("The narration " + rel + " is in the pack folder; the change saves with the pack.");
  mMessage.clear();
  mOpen.clear();
  mPanel = Panel::None;
}

void NarrationField::makeWithVoice(const MediaContext& ctx, const std::string& objectPointer) {
  const Json* line = lineAt(ctx, objectPointer);
  if (line == nullptr) {
    return;
  }
  const std::string words = authoring::lineText(*line, language(*line));
  if (!mVoice.start(ctx.file, objectPointer, words)) {
    mMessage = "Wait for the recording being made, then try again.";
    return;
  }
  mMessage.clear();
}

void NarrationField::takeVoice(const MediaContext& ctx) {
  auto made = mVoice.take();
  if (!made) {
    return;
  }
  mSelected = authoring::appendPointer(made->objectPointer, "narration");
  if (!made->ok()) {
    mMessage = made->error;
    return;
  }
  // The file and line it was asked for, whichever file the form shows now.
  const MediaContext forLine{ctx.session, made->file, ctx.apply, ctx.say, ctx.theme};
  if (lineAt(forLine, made->objectPointer) == nullptr) {
    ctx.say("The computer voice finished after its line was taken away: nothing was changed.");
    return;
  }
  useBytes(forLine, made->objectPointer, made->bytes, ".wav", made->words,
           "Make narration with the computer voice");
}

void NarrationField::drawRecorder(const MediaContext& ctx, const std::string& objectPointer) {
  ImGui::BeginChild("##recorder", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 7), true);
  const float big = ImGui::GetFontSize() * 3;
  if (mRecorder.recording()) {
    if (ImGui::Button("Stop", ImVec2(big * 2, big)) || mRecorder.reachedLimit()) {
      mRecorder.stop();
    }
  } else if (ImGui::Button("Record", ImVec2(big * 2, big))) {
    std::string error;
    if (mPlayer) {
      mPlayer->stopNarration();
    }
    if (!mRecorder.start(error)) {
      mMessage = error;
    } else {
      mMessage.clear();
    }
  }
  ImGui::SameLine();
  ImGui::BeginGroup();
  const double s = mRecorder.seconds();
  ImGui::Text("%d:%02d", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  ImGui::ProgressBar(mRecorder.level(), ImVec2(ImGui::GetFontSize() * 12, 0), "");
  ImGui::TextDisabled(mRecorder.recording() ? "Recording: read the words, then press Stop."
                                            : "Press Record and read the words aloud.");
  ImGui::EndGroup();
  const bool haveTake = !mRecorder.recording() && s > 0.2;
  ImGui::BeginDisabled(!haveTake);
  if (ImGui::Button("Listen")) {
    if (!mPlayer) {
      mPlayer = std::make_unique<AudioPlayer>();
    }
    Pcm pcm;
    pcm.rate = mRecorder.rate();
    pcm.channels = 1;
    pcm.samples = mRecorder.samples();
    if (!mPlayer->playNarration(std::move(pcm))) {
      mMessage = "No sound device to play it on.";
    }
    mPlaying = "#take";
  }
  ImGui::SameLine();
  if (ImGui::Button("Use this recording")) {
    const Json* line = lineAt(ctx, objectPointer);
    const std::string words = line != nullptr ? authoring::lineText(*line, language(*line)) : "";
    const std::string wav = authoring::encodeWavMono16(mRecorder.samples(), mRecorder.rate());
    useBytes(ctx, objectPointer, wav, ".wav", words, "Record narration");
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    mRecorder.stop();
    mOpen.clear();
    mPanel = Panel::None;
  }
  ImGui::EndChild();
}

void NarrationField::drawFilePanel(const MediaContext& ctx, const std::string& objectPointer) {
  ImGui::BeginChild("##sound-file", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 13), true);
  if (mChooser.draw()) {
    std::string error;
    const AudioLimits limits;
    const auto bytes = authoring::readFileLimited(mChooser.path(), limits.maxFileBytes, error);
    if (!bytes) {
      mMessage = error;
    } else if (const auto problem = authoring::narrationFileProblem(*bytes)) {
      mMessage = *problem;
    } else if (!decodeAudio(*bytes, PcmFormat{}, error, limits)) {
      // The game's own decoder: a file it would refuse never goes into the pack.
      mMessage = error;
    } else {
      const bool wav = sniffAudio(*bytes) == AudioFileKind::Wav;
      useBytes(ctx, objectPointer, *bytes, wav ? ".wav" : ".ogg", "", "Choose a narration file");
    }
  }
  if (ImGui::Button("Cancel")) {
    mOpen.clear();
    mPanel = Panel::None;
  }
  ImGui::EndChild();
}

} // namespace sq
