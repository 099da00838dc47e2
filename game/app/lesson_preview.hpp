// The editor's preview (F5): one lesson of a pack played in a window of its own, at
// pupil size (1280x720 by default, resizable), with the game's own renderer, text,
// pictures, sound, screens and lesson runner, in any age band, starting at its
// front page, at a step, or at a scene (node) of a scenario step.
//
// Nothing is recorded: the player is a guest, no records store is opened and no file
// is written; the only recorder it holds has a sink that refuses every event and
// counts what reached it (recordAttempts(), for tests: it stays 0).
//
// It lives inside a host process whose own frame loop takes SDL's events (the
// editor): the host hands each event to offer(), which keeps those of the preview's
// window, then calls frame() once a turn, which draws only when something changed.
// msUntilFrame() says how long the host may sleep, so both windows idle at 0% CPU.
// Leaving the lesson (back on its front page, or after its badge) shows "the end of
// the preview" with "Play again"; closing the window ends the preview (closed()).
// Depends on: platform, render, text, ui, screens, play, content, app/audio_output,
// app/navigation, app/window_events (a lost device, handled as the game handles it).
#pragma once

#include "content/pack_model.hpp"
#include "render/image.hpp"
#include "ui/widget.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

union SDL_Event;

namespace sq {

class Window;

struct PreviewOptions {
  std::string assetsDir; // the game's assets (fonts/, strings/, ui/)
  std::string language = "en-GB";
  std::string title = "SafeQuest preview";
  int width = 1280; // window points: a pupil's screen
  int height = 720;
  bool hidden = false;        // tests
  bool forceSoftware = false; // tests, screenshots
};

// Where the preview starts.
struct PreviewStart {
  std::string lessonId;
  std::string stepId;       // "": the lesson's front page
  std::string nodeId;       // "": the step's own start (a scenario step's scene otherwise)
  std::optional<Band> band; // nullopt: the lesson's own band (play/sessionBand)
};

class LessonPreview {
public:
  // Opens the window and loads the fonts and the words. nullptr with `error` when
  // it cannot.
  static std::unique_ptr<LessonPreview> open(const PreviewOptions& options, std::string& error);
  ~LessonPreview();
  LessonPreview(const LessonPreview&) = delete;
  LessonPreview& operator=(const LessonPreview&) = delete;

  // Plays `start` of `pack` (a copy of the loaded pack; its pictures and sounds are
  // in `packDir`), replacing whatever was playing; the window stays and is raised.
  // false with `error` in words, changing nothing, when the pack has no such lesson,
  // step or node.
  bool play(Pack pack, std::string packDir, const PreviewStart& start, std::string& error);
  // The same start again in another band.
  bool setBand(Band band, std::string& error);
  Band band() const;
  const PreviewStart& start() const;

  // An event the host took from SDL's queue: true when it was for the preview's
  // window (the host then leaves it alone).
  bool offer(const SDL_Event& e);
  // One turn: handles what offer() kept, moves the screens on, draws if anything
  // changed. false once the window has been closed.
  bool frame();
  // 0: call frame() now; n: within n ms (single-switch scanning); -1: not until
  // an event comes.
  int msUntilFrame() const;
  bool closed() const;

  // For the host and tests.
  std::uint32_t windowId() const;
  Window& window();
  std::string screenId() const;
  bool textOnScreen(std::string_view wanted) const;
  const Widget* shownWidget(std::string_view id) const;
  int framesPresented() const;
  std::optional<Image> readPixels() const;
  // Events that reached the preview's recorder: none, ever.
  std::size_t recordAttempts() const;

private:
  struct Impl;
  explicit LessonPreview(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
};

} // namespace sq
