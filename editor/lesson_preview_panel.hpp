// The editor's side of the preview (F5): works out what to play from where the
// teacher is in the pack (authoring/preview_target), refuses in words when the
// pack as it is now cannot be played, and otherwise plays it in the game's own
// window (app/lesson_preview) from the unsaved document, in the age band chosen
// beside the Preview button (drawPreviewBandPicker: the lesson's own by default,
// or EYFS, KS1, lower or upper KS2). It also draws the small "Preview" panel over
// the editor: what is playing, in which band, Play again, Close; or why the preview
// could not start.
// The frame loop hands it every SDL event first (offer), calls frame() each turn
// and asks msUntilFrame() before it sleeps.
// Depends on: app/lesson_preview, authoring (sq_logic), editor/pack_editor, ui/theme,
// Dear ImGui.
#pragma once

#include "app/lesson_preview.hpp"

#include <memory>
#include <optional>
#include <string>

union SDL_Event;

namespace sq {

class PackEditor;
struct Theme;

class PreviewPanel {
public:
  // `windowed`: false in tests and screenshots (a hidden window, software drawing).
  explicit PreviewPanel(std::string assetsDir, bool hiddenWindow = false);
  ~PreviewPanel();

  // F5 or the Preview button: plays the lesson the editor shows, from the step or
  // scene last touched, on the document as it is now (saved or not). Opens the
  // window the first time; afterwards restarts in it.
  void start(PackEditor& editor);
  // Once a frame: when another band was chosen beside the Preview button while the
  // preview plays, it plays again in that band (true then).
  bool followBand(PackEditor& editor);
  // true when `e` was the preview window's (the editor leaves it alone).
  bool offer(const SDL_Event& e);
  // Once a turn: the preview handles its events and draws if needed.
  void frame();
  // How long the editor may sleep for the preview's sake (-1: as long as it likes).
  int msUntilFrame() const;
  bool isOpen() const { return mPreview != nullptr; }
  void close();
  // The ImGui panel, drawn inside the editor's frame.
  void draw(const Theme& theme);

  const std::string& message() const { return mMessage; }
  LessonPreview* preview() { return mPreview.get(); }

private:
  void replay();

  std::string mAssetsDir;
  bool mHidden;
  std::unique_ptr<LessonPreview> mPreview;
  std::string mMessage;          // why the preview could not start ("" none)
  std::optional<Band> mBandWish; // the teacher's choice when started; nullopt: the lesson's own
  Band mOwnBand = Band::Ks1;     // the lesson's own band, for the combo's first entry
  std::string mPlaying;          // "Lesson title, from step x" for the panel
};

// The age band picker beside the toolbar's Preview button ("preview-band", its
// entries "preview-band:lesson", "preview-band:eyfs", ":ks1", ":lks2", ":uks2" for
// scripts): the lesson's own band (named when the last check of the pack knows it)
// or another; kept in PackEditor::previewBand().
void drawPreviewBandPicker(PackEditor& editor);

} // namespace sq
