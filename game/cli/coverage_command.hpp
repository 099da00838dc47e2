// `safequest-cli coverage [--html FILE] [--json] PACK_FOLDER`: what a pack teaches in
// each year group (strands, DCF elements, SMART letters, butterfly practice, topics),
// as a table on stdout and, for a computing lead's subject folder, a self-contained
// HTML page; and which required cells (content/README.md) are empty.
// Depends on: content/pack_loader, content/coverage, results/report_html (escaping).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

// Exit status: 0 every required cell covered, 1 a required cell is empty, 2 usage
// problem, missing path, a pack with errors or an HTML file that cannot be written.
int runCoverage(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
