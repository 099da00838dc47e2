// The register as one self-contained HTML page for governors: a summary first, then
// tables by year group and by class, the assemblies given, and the pupils with
// something still to do. No scripts, no external files, inline CSS with A4 print
// styles; a Content-Security-Policy forbids loading anything even if a field were
// to slip through unescaped. Pupils appear as 8-character pseudonyms unless the
// teacher asks for names.
// Depends on: results/register.
#pragma once

#include "results/register.hpp"

#include <string>
#include <string_view>

namespace sq {

struct HtmlReportOptions {
  bool names = false;
  std::string producedOn; // "2026-11-22"; "" leaves the date out
};

std::string reportHtml(const Register& reg, const HtmlReportOptions& options = {});

// Escapes &, <, >, " and ' for text and attribute values.
void appendHtmlEscaped(std::string& out, std::string_view text);

} // namespace sq
