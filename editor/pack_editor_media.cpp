// The pack view's pictures and narration (see pack_editor.hpp): where a form meets a
// `picture` or `narration` member, or a line that may have one and has none yet,
// the picture and narration fields draw it. Kept apart from pack_editor.cpp so the
// form and the media fields change independently.
#include "narration_field.hpp"
#include "pack_editor.hpp"
#include "picture_field.hpp"

#include "authoring/narration_tools.hpp"
#include "authoring/picture_import.hpp"
#include "ui/theme.hpp"

namespace sq {

namespace {

// "/steps/0/picture" -> ("/steps/0", "picture").
std::pair<std::string, std::string> splitLast(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  if (slash == std::string::npos) {
    return {"", pointer};
  }
  return {pointer.substr(0, slash), pointer.substr(slash + 1)};
}

} // namespace

PackEditor::~PackEditor() = default;

bool PackEditor::mediaBusy() const {
  return mNarrationField && mNarrationField->busy();
}

void PackEditor::dropFile(const std::string& path) {
  const bool picture = authoring::hasExtension(path, {".png", ".jpg", ".jpeg"});
  if (mSession.document().readOnly()) {
    mStatus = "This pack is read-only: make your own copy to add pictures or narration.";
  } else if (picture && mPictureField && mPictureField->takeDrop(path)) {
    mStatus.clear();
  } else if (!picture && mNarrationField && mNarrationField->takeDrop(path)) {
    mStatus.clear();
  } else if (mPictureField && mPictureField->takeDrop(path)) {
    mStatus.clear(); // not named like a picture: the import panel says what it is
  } else {
    mStatus = "Choose a picture or narration field first (click it), then drop the file.";
  }
}

bool PackEditor::drawMedia(const std::string& pointer, const authoring::Json& value) {
  const auto [owner, key] = splitLast(pointer);
  const bool picture = key == "picture" && (value.is_object() || value.is_null()) &&
                       authoring::mayHavePicture(owner);
  const bool narration = key == "narration" &&
                         (value.is_string() || value.is_object() || value.is_null()) &&
                         authoring::mayHaveNarration(owner);
  if (!picture && !narration) {
    return false;
  }
  const MediaContext ctx{
      mSession, mFile,
      [this](const authoring::Edit& edit, const std::string& mergeKey) { apply(edit, mergeKey); },
      [this](const std::string& sentence) { mStatus = sentence; }, *mTheme};
  if (picture) {
    if (!mPictureField) {
      mPictureField = std::make_unique<PictureField>();
    }
    mPictureField->draw(ctx, owner, key, value);
  } else {
    if (!mNarrationField) {
      mNarrationField = std::make_unique<NarrationField>();
    }
    mNarrationField->draw(ctx, owner, value);
  }
  markIfSelected(pointer);
  return true;
}

void PackEditor::drawMissingMedia(const std::string& pointer, const authoring::Json& value) {
  if (!value.is_object() || mSession.document().readOnly()) {
    return;
  }
  static const authoring::Json kNone;
  if (!value.contains("picture") && authoring::mayHavePicture(pointer)) {
    drawMedia(authoring::appendPointer(pointer, "picture"), kNone);
  }
  if (!value.contains("narration") && authoring::mayHaveNarration(pointer)) {
    drawMedia(authoring::appendPointer(pointer, "narration"), kNone);
  }
}

} // namespace sq
