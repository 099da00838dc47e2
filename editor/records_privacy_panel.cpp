#include "records_privacy_panel.hpp"

#include <imgui.h>

namespace sq {

void PrivacyPanel::draw(RecordsContext& records, const Theme& theme) {
  (void)records;
  (void)theme;
  ImGui::TextUnformatted("Privacy");
}

} // namespace sq
