// A line's narration in the pack view: the file it plays (Play / Stop), a flag when
// the words changed since it was made ("The words changed since this was recorded"
// and Re-make), and three ways to make a new one: record the teacher's voice (a big
// Record / Stop button with the time and a level meter, then listen and keep it),
// make it with the computer voice (espeak-ng, when installed, as tools/narrate.sh
// does, on a worker: authoring/voice_job; "Making the recording…" shows while the
// window keeps drawing, and the finished file becomes one edit, made here), or choose a WAV or Ogg
// Vorbis file (checked with the loader's probe and the game's own decoder). A new file goes into
// the pack folder at once (authoring/narration_tools, asset_files); pointing the line at it, with
// the words it was made from, is one undoable edit. Read-only packs can play, not change. Depends
// on: authoring (narration_tools, asset_files), audio (decoder, player), editor/audio_recorder,
// editor/media_context, editor/media_file_chooser, Dear ImGui.
#pragma once

#include "audio_recorder.hpp"
#include "authoring/voice_job.hpp"
#include "media_context.hpp"
#include "media_file_chooser.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>

namespace sq {

class AudioPlayer;

class NarrationField {
public:
  NarrationField();
  ~NarrationField();
  NarrationField(const NarrationField&) = delete;
  NarrationField& operator=(const NarrationField&) = delete;

  // Draws the narration of the line at `objectPointer`; `value` is its `narration`
  // member (null when it has none yet).
  void draw(const MediaContext& ctx, const std::string& objectPointer,
            const authoring::Json& value);
  // A file dropped while this field is selected: true when taken.
  bool takeDrop(const std::string& path);
  bool selected() const { return !mSelected.empty(); }
  // While recording, playing or making a recording the window keeps drawing (the
  // timer, the meter, the computer voice's finished file to take).
  bool busy();

private:
  enum class Panel { None, Record, File };
  void play(const MediaContext& ctx, const std::string& rel);
  void useBytes(const MediaContext& ctx, const std::string& objectPointer, std::string_view bytes,
                const std::string& extension, const std::string& madeFrom, const char* how);
  void makeWithVoice(const MediaContext& ctx, const std::string& objectPointer);
  // The computer voice's finished file, if any: written and pointed at, as one edit.
  void takeVoice(const MediaContext& ctx);
  void drawRecorder(const MediaContext& ctx, const std::string& objectPointer);
  void drawFilePanel(const MediaContext& ctx, const std::string& objectPointer);
  std::string language(const authoring::Json& line) const;

  std::unique_ptr<AudioPlayer> mPlayer;
  AudioRecorder mRecorder;
  MediaFileChooser mChooser;
  std::string mSelected;
  std::string mOpen;
  Panel mPanel = Panel::None;
  std::string mMessage;
  std::string mPlaying; // what is playing ("" for nothing, "#take" for a new recording)
  std::set<std::string> mAdded;
  std::optional<bool> mEspeak; // found on PATH (asked once)
  authoring::VoiceJob mVoice;  // the computer voice at work (one line at a time)
};

} // namespace sq
