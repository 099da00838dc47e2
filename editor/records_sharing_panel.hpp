// The school records' Sharing tab.
// Depends on: records_context, records_admin/, results/, Dear ImGui.
#pragma once

#include "records_context.hpp"

namespace sq {

struct Theme;

class SharingPanel {
public:
  void draw(RecordsContext& records, const Theme& theme);
};

} // namespace sq
