#include "records_classes_panel.hpp"

#include <imgui.h>

namespace sq {

void ClassesPanel::draw(RecordsContext& records, const Theme& theme) {
  (void)records;
  (void)theme;
  ImGui::TextUnformatted("Classes");
}

} // namespace sq
