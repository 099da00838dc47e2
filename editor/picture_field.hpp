// A line's picture in the pack view: its thumbnail, file and alt text (required,
// read aloud to pupils who cannot see the picture), and the ways to change it:
// import a PNG or JPEG (path box and folder browser, or dropped on the window
// while this field is selected), scaled down on request when over the pack's
// limits; pick one of the pack's own pictures; remove it. A new file goes into
// the pack folder at once (authoring/picture_import); the JSON change is an
// undoable edit. Read-only packs show the picture and refuse changes.
// Depends on: authoring (picture_import, asset_files), editor/media_context,
// editor/media_file_chooser, SDL2 (textures for thumbnails), Dear ImGui.
#pragma once

#include "authoring/picture_import.hpp"
#include "media_context.hpp"
#include "media_file_chooser.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

struct SDL_Renderer;
struct SDL_Texture;

namespace sq {

class PictureField {
public:
  PictureField();
  ~PictureField();
  PictureField(const PictureField&) = delete;
  PictureField& operator=(const PictureField&) = delete;

  // The renderer thumbnails are made with (set once by the window).
  static void setRenderer(SDL_Renderer* renderer);

  // Draws the field for member `key` of the object at `objectPointer`; `value` is
  // the member (null when the line has no picture yet).
  void draw(const MediaContext& ctx, const std::string& objectPointer, const std::string& key,
            const authoring::Json& value);

  // A file dropped on the window: true when a picture field was selected and
  // takes it (its import panel opens with the file).
  bool takeDrop(const std::string& path);
  bool selected() const { return !mSelected.empty(); }

private:
  struct Thumb {
    SDL_Texture* texture = nullptr;
    int width = 0;
    int height = 0;
    std::string error;
  };
  const Thumb& thumbnail(const std::string& absolutePath);
  void drawThumb(const std::string& absolutePath, float maxSide);
  void drawPanel(const MediaContext& ctx, const std::string& objectPointer, const std::string& key,
                 const authoring::Json& value);
  void choose(const std::string& path, bool fromPack);
  std::set<std::string> knownPictures(const MediaContext& ctx) const;

  std::string mSelected; // pointer of the field drops go to
  std::string mOpen;     // pointer whose panel is open
  std::string mSource;   // the chosen file (absolute), or a pack path when mFromPack
  bool mFromPack = false;
  std::optional<authoring::PictureProbe> mProbe;
  bool mScale = true;
  std::string mAlt;
  std::string mMessage;
  MediaFileChooser mChooser;
  std::set<std::string>
      mAdded; // pictures this editor wrote (the document lists those it opened with)
  std::map<std::string, Thumb> mThumbs;
};

} // namespace sq
