// What the picture and narration fields need from the pack view while they draw:
// the session (to read the document and know whether it is read-only), the file
// being shown, and the one way to change anything, an edit the view applies.
// Depends on: authoring/editing_session.
#pragma once

#include "authoring/editing_session.hpp"

#include <functional>
#include <string>

namespace sq {

struct Theme;

struct MediaContext {
  authoring::EditingSession& session;
  const std::string& file;
  std::function<void(const authoring::Edit&, const std::string& mergeKey)> apply;
  std::function<void(const std::string&)> say; // a sentence for the status line
  const Theme& theme;
};

} // namespace sq
