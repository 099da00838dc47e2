#include "records_sharing_panel.hpp"

#include <imgui.h>

namespace sq {

void SharingPanel::draw(RecordsContext& records, const Theme& theme) {
  (void)records;
  (void)theme;
  ImGui::TextUnformatted("Sharing");
}

} // namespace sq
