#include "records_register_panel.hpp"

#include <imgui.h>

namespace sq {

void RegisterPanel::draw(RecordsContext& records, const Theme& theme) {
  (void)records;
  (void)theme;
  ImGui::TextUnformatted("Register");
}

} // namespace sq
