#include "records_reports_panel.hpp"

#include <imgui.h>

namespace sq {

void ReportsPanel::draw(RecordsContext& records, const Theme& theme) {
  (void)records;
  (void)theme;
  ImGui::TextUnformatted("Reports");
}

} // namespace sq
