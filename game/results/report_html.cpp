// Sections:
//   1. style: the page's CSS, for the screen and for print
//   2. parts: the page writer and the small pieces the tables share
//   3. sections: the summary, the year group, class, term and assembly tables, the
//      pupils with something still to do, the footer
//   4. the report: escaping, and the whole page
#include "results/report_html.hpp"

#include <algorithm>
#include <array>

namespace sq {

namespace {

// ---- style ---------------------------------------------------------------------

// High contrast (black on white, one dark blue for bars), sizes in points so the
// printed page matches the screen, and nothing that needs a script or a file.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt;
       color: #000; background: #fff; line-height: 1.35;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 184mm; padding: 6mm 0; }
h1 { font-size: 22pt; margin: 0 0 1mm; }
h2 { font-size: 15pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 2pt solid #000;
     break-after: avoid; }
h3 { font-size: 12.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.school { font-size: 15pt; font-weight: 700; margin: 0 0 1mm; }
.meta { margin: 0 0 1mm; }
.tiles { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 3.5mm; margin: 3mm 0; }
.tile { border: 1.5pt solid #000; padding: 2.5mm 3mm; break-inside: avoid; }
.tile .label { font-weight: 700; font-size: 11.5pt; }
.tile .big { font-size: 26pt; font-weight: 700; line-height: 1.1; margin: 1mm 0; }
.tile .sub { font-size: 10pt; }
.bar { height: 4mm; border: 1pt solid #000; background: #fff; margin: 1mm 0 1.5mm; }
.bar span { display: block; height: 100%; background: #1b4f8a; }
table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 3mm; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1pt solid #444; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #e4e4e4; font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.todo { font-weight: 700; }
.small { font-size: 9pt; }
.notes { border-left: 3pt solid #000; padding: 1mm 0 1mm 3mm; margin: 3mm 0; }
dl.key { display: grid; grid-template-columns: 46mm 1fr; gap: 1mm 3mm; margin: 2mm 0; font-size: 10pt; }
dl.key dt { font-weight: 700; }
dl.key dd { margin: 0; }
.detail { break-before: page; }
.keep { break-inside: avoid-page; }
.classblock { break-inside: avoid-page; }
footer { margin-top: 6mm; border-top: 1pt solid #000; padding-top: 2mm; font-size: 9.5pt; }
code { font-family: "Courier New", "Liberation Mono", monospace; font-size: 10pt; }
)";

// ---- parts ---------------------------------------------------------------------

class Page {
public:
  std::string out;
  void raw(std::string_view s) { out += s; }
  void text(std::string_view s) { appendHtmlEscaped(out, s); }
  void num(int n) { out += std::to_string(n); }
};

std::string plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string academicYearText(int y) {
  return std::to_string(y) + " to " + std::to_string(y + 1);
}

// "78%" over "328 of 420", or a dash when nobody in the group is counted.
void ratioCell(Page& pg, int n, int d) {
  pg.raw("<td class=\"num\">");
  if (d <= 0) {
    pg.raw("&ndash;");
  } else {
    pg.raw("<strong>");
    pg.num(percentOf(n, d));
    pg.raw("%</strong><br><span class=\"small\">");
    pg.num(n);
    pg.raw(" of ");
    pg.num(d);
    pg.raw("</span>");
  }
  pg.raw("</td>");
}

void tile(Page& pg, std::string_view label, int n, int d, std::string_view what) {
  pg.raw("<div class=\"tile\"><div class=\"label\">");
  pg.text(label);
  pg.raw("</div>");
  if (d <= 0) {
    pg.raw("<div class=\"big\">&ndash;</div><div class=\"sub\">No pupils to count.</div></div>");
    return;
  }
  const int p = percentOf(n, d);
  pg.raw("<div class=\"big\">");
  pg.num(p);
  pg.raw("%</div><div class=\"bar\" role=\"img\" aria-label=\"");
  pg.num(p);
  pg.raw(" percent\"><span style=\"width:");
  pg.num(p);
  pg.raw("%\"></span></div><div class=\"sub\">");
  pg.text(std::to_string(n) + " of " + plural(d, "pupil", "pupils") + " " + std::string(what));
  pg.raw("</div></div>");
}

std::string yearList(const std::vector<YearGroup>& ys) {
  if (ys.empty()) {
    return "Whole school";
  }
  std::string s;
  for (std::size_t i = 0; i < ys.size(); ++i) {
    s += i == 0 ? "" : (i + 1 == ys.size() ? " and " : ", ");
    s += yearGroupName(ys[i]);
  }
  return s;
}

void yesNo(Page& pg, bool yes, std::string_view when) {
  if (yes) {
    pg.raw("Yes");
    if (!when.empty()) {
      pg.raw(" <span class=\"small\">");
      pg.text(longDate(when));
      pg.raw("</span>");
    }
  } else {
    pg.raw("<span class=\"todo\">Not yet</span>");
  }
}

bool hasSomethingToDo(const PupilStatus& p) {
  return (p.hasUnit && !p.unitComplete) || (p.aupAvailable && !p.aupSigned) || !p.parentAgreed;
}

// ---- sections ------------------------------------------------------------------

void summary(Page& pg, const Register& reg) {
  pg.raw("<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>");
  pg.raw("<div class=\"tiles\">");
  tile(pg, "Online safety unit complete", reg.school.unitComplete, reg.school.withUnit,
       "have done every required lesson for their year group.");
  tile(pg, "AUP signed", reg.school.aupSigned, reg.school.withAup,
       "have signed this year's Acceptable Use Policy.");
  tile(pg, "Parent or carer agreement", reg.school.parentAgreed, reg.school.pupils,
       "have a parent or carer's agreement recorded.");

  int listedClasses = 0;
  for (const ClassRow& c : reg.classes) {
    listedClasses += c.classId.empty() ? 0 : 1;
  }
  pg.raw("<div class=\"tile\"><div class=\"label\">Classes that confirmed the AUP</div>"
         "<div class=\"big\">");
  pg.num(reg.classesConfirmed);
  pg.raw(" of ");
  pg.num(listedClasses);
  pg.raw("</div><div class=\"sub\">A teacher recorded that the class went through the AUP "
         "together.</div></div>");

  std::array<int, 3> perTerm{};
  for (const AssemblyRecord& a : reg.assemblies) {
    ++perTerm[static_cast<std::size_t>(a.term)];
  }
  pg.raw("<div class=\"tile\"><div class=\"label\">Online safety assemblies given</div>"
         "<div class=\"big\">");
  pg.num(static_cast<int>(reg.assemblies.size()));
  pg.raw("</div><div class=\"sub\">");
  for (std::size_t t = 0; t < perTerm.size(); ++t) {
    pg.raw(t == 0 ? "" : " &middot; ");
    pg.text(termName(static_cast<Term>(t)));
    pg.raw(" term: ");
    pg.num(perTerm[t]);
  }
  pg.raw("</div></div>");

  pg.raw("<div class=\"tile\"><div class=\"label\">Pupils in this report</div><div "
         "class=\"big\">");
  pg.num(reg.school.pupils);
  pg.raw("</div><div class=\"sub\">");
  pg.text(plural(static_cast<int>(reg.yearGroups.size()), "year group", "year groups") + ", " +
          plural(static_cast<int>(reg.classes.size()), "class", "classes") + ".");
  pg.raw("</div></div></div>");

  pg.raw("<dl class=\"key\">"
         "<dt>Unit complete</dt><dd>The pupil has done every required lesson of the unit for "
         "their own year group between 1 September and 31 August. Optional lessons do not "
         "count.</dd>"
         "<dt>AUP signed</dt><dd>The pupil signed the current version of the Acceptable Use "
         "Policy (the online safety promises) for their age group: EYFS, KS1 or KS2.</dd>"
         "<dt>Parent or carer agreement</dt><dd>A parent or carer's agreement to the AUP was "
         "recorded this year.</dd>"
         "<dt>Class confirmed</dt><dd>The class teacher recorded that the class went through "
         "the AUP together.</dd></dl>");

  if (!reg.notes.empty()) {
    pg.raw("<div class=\"notes\"><strong>Please note</strong><ul>");
    for (const std::string& n : reg.notes) {
      pg.raw("<li>");
      pg.text(n);
      pg.raw("</li>");
    }
    pg.raw("</ul></div>");
  }
  pg.raw("</section>");
}

void yearGroupTable(Page& pg, const Register& reg) {
  // Seven rows at most: kept on one page so the year groups can be compared.
  pg.raw("<section class=\"keep\" aria-labelledby=\"by-year\"><h2 id=\"by-year\">By year "
         "group</h2>"
         "<table><thead><tr><th scope=\"col\">Year group</th><th scope=\"col\" "
         "class=\"num\">Pupils</th><th scope=\"col\" class=\"num\">Required lessons</th>"
         "<th scope=\"col\" class=\"num\">Unit complete</th><th scope=\"col\" "
         "class=\"num\">AUP signed</th><th scope=\"col\" class=\"num\">Parent or carer "
         "agreed</th><th scope=\"col\" class=\"num\">Assemblies</th></tr></thead><tbody>");
  for (const YearGroupRow& y : reg.yearGroups) {
    pg.raw("<tr><th scope=\"row\">");
    pg.text(yearGroupName(y.yearGroup));
    pg.raw(" <span class=\"small\">(");
    pg.text(aupPhaseName(aupPhaseOf(y.yearGroup)));
    pg.raw(")</span></th><td class=\"num\">");
    pg.num(y.tally.pupils);
    pg.raw("</td><td class=\"num\">");
    if (y.requiredLessons > 0) {
      pg.num(y.requiredLessons);
    } else {
      pg.raw("No unit");
    }
    pg.raw("</td>");
    ratioCell(pg, y.tally.unitComplete, y.tally.withUnit);
    ratioCell(pg, y.tally.aupSigned, y.tally.withAup);
    ratioCell(pg, y.tally.parentAgreed, y.tally.pupils);
    pg.raw("<td class=\"num\">");
    pg.num(y.assembliesGiven);
    pg.raw("</td></tr>");
  }
  pg.raw("</tbody></table></section>");
}

void classTable(Page& pg, const Register& reg) {
  pg.raw("<section aria-labelledby=\"by-class\"><h2 id=\"by-class\">By class</h2>"
         "<table><thead><tr><th scope=\"col\">Class</th><th scope=\"col\">Year groups</th>"
         "<th scope=\"col\" class=\"num\">Pupils</th><th scope=\"col\" class=\"num\">Unit "
         "complete</th><th scope=\"col\" class=\"num\">AUP signed</th><th scope=\"col\" "
         "class=\"num\">Parent or carer agreed</th><th scope=\"col\">Class AUP "
         "confirmed</th></tr></thead><tbody>");
  for (const ClassRow& c : reg.classes) {
    pg.raw("<tr><th scope=\"row\">");
    pg.text(c.name);
    pg.raw("</th><td>");
    if (c.yearGroups.empty()) {
      pg.raw("&ndash;");
    } else {
      pg.text(yearList(c.yearGroups));
    }
    pg.raw("</td><td class=\"num\">");
    pg.num(c.tally.pupils);
    pg.raw("</td>");
    ratioCell(pg, c.tally.unitComplete, c.tally.withUnit);
    ratioCell(pg, c.tally.aupSigned, c.tally.withAup);
    ratioCell(pg, c.tally.parentAgreed, c.tally.pupils);
    pg.raw("<td>");
    if (c.classId.empty()) {
      pg.raw("&ndash;");
    } else if (c.confirmation.confirmed) {
      pg.text(c.confirmation.staffName.empty() ? std::string("A member of staff")
                                               : c.confirmation.staffName);
      pg.raw(", ");
      pg.text(longDate(c.confirmation.timeUtc));
    } else {
      pg.raw("<span class=\"todo\">Not yet</span>");
    }
    pg.raw("</td></tr>");
  }
  pg.raw("</tbody></table></section>");
}

void assemblyTable(Page& pg, const Register& reg) {
  pg.raw("<section aria-labelledby=\"assemblies\"><h2 id=\"assemblies\">Assemblies "
         "given</h2>");
  // Each term, with the assemblies given in it; a term with none is flagged.
  pg.raw("<table><caption>Each term</caption><thead><tr><th scope=\"col\">Term</th>"
         "<th scope=\"col\">Dates</th><th scope=\"col\" class=\"num\">Assemblies</th>"
         "</tr></thead><tbody>");
  for (const TermRow& t : reg.terms) {
    pg.raw("<tr><td>");
    pg.text(termName(t.term));
    pg.raw("</td><td>");
    pg.text(longDate(t.firstDay) + " to " + longDate(t.lastDay));
    pg.raw("</td><td class=\"num\">");
    if (t.assemblies == 0) {
      pg.raw("<strong>&#9888; No assembly recorded this term</strong>");
    } else {
      pg.num(t.assemblies);
    }
    pg.raw("</td></tr>");
  }
  pg.raw("</tbody></table><p>");
  pg.raw(reg.schoolTermDates ? "Terms are the school's own term dates."
                             : "The school's term dates are not on the class list, so the year "
                               "is split at 31 December and at Easter.");
  pg.raw("</p>");
  if (reg.assemblies.empty()) {
    pg.raw("<p>No online safety assembly has been recorded this academic year.</p></section>");
    return;
  }
  pg.raw("<table><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Term</th>"
         "<th scope=\"col\">Assembly</th><th scope=\"col\">For</th><th scope=\"col\">Given "
         "by</th></tr></thead><tbody>");
  for (const AssemblyRecord& a : reg.assemblies) {
    pg.raw("<tr><td>");
    pg.text(longDate(a.date));
    pg.raw("</td><td>");
    pg.text(termName(a.term));
    pg.raw("</td><td>");
    pg.text(a.title);
    pg.raw("</td><td>");
    pg.text(yearList(a.yearGroups));
    pg.raw("</td><td>");
    pg.text(a.presenter.empty() ? std::string("Not recorded") : a.presenter);
    pg.raw("</td></tr>");
  }
  pg.raw("</tbody></table></section>");
}

void pupilDetail(Page& pg, const Register& reg, bool names) {
  pg.raw("<section class=\"detail\" aria-labelledby=\"todo\"><h2 id=\"todo\">Pupils with "
         "something still to do</h2><p>");
  if (names) {
    pg.raw("Pupils are named because the teacher asked for names. Keep this report "
           "confidential.");
  } else {
    pg.raw("Pupils are shown by a short code (the first 8 characters of their SafeQuest id), "
           "not by name. Class teachers can match codes to pupils in SafeQuest.");
  }
  pg.raw("</p>");
  std::vector<std::size_t> rows;
  for (const ClassRow& c : reg.classes) {
    rows.clear();
    for (std::size_t i : c.pupils) {
      if (hasSomethingToDo(reg.pupils[i])) {
        rows.push_back(i);
      }
    }
    if (!names) {
      // Codes in code order, so the list gives no hint of alphabetical order.
      std::sort(rows.begin(), rows.end(),
                [&](std::size_t a, std::size_t b) { return reg.pupils[a].id < reg.pupils[b].id; });
    }
    pg.raw("<div class=\"classblock\"><h3>");
    pg.text(c.classId.empty() ? c.name : "Class " + c.name);
    pg.raw("</h3>");
    if (rows.empty()) {
      pg.raw(c.tally.pupils == 0
                 ? "<p>No pupils.</p></div>"
                 : "<p>Every pupil has completed the unit, signed the AUP and has a parent or "
                   "carer's agreement.</p></div>");
      continue;
    }
    pg.raw("<table><thead><tr><th scope=\"col\">Pupil</th><th scope=\"col\">Year</th>"
           "<th scope=\"col\" class=\"num\">Lessons done</th><th scope=\"col\">Lessons "
           "left</th><th scope=\"col\">AUP signed</th><th scope=\"col\">Parent or carer "
           "agreed</th></tr></thead><tbody>");
    for (std::size_t i : rows) {
      const PupilStatus& p = reg.pupils[i];
      pg.raw("<tr><td>");
      if (names) {
        pg.text(pupilLabel(p, true));
      } else {
        pg.raw("<code>");
        pg.text(pupilLabel(p, false));
        pg.raw("</code>");
      }
      pg.raw("</td><td>");
      pg.text(yearGroupName(p.yearGroup));
      pg.raw("</td><td class=\"num\">");
      if (p.hasUnit) {
        pg.num(p.requiredDone);
        pg.raw(" of ");
        pg.num(p.requiredTotal);
      } else {
        pg.raw("No unit");
      }
      pg.raw("</td><td>");
      if (p.hasUnit && p.unitComplete) {
        pg.raw("None: unit complete");
      } else {
        for (std::size_t k = 0; k < p.lessonsLeft.size(); ++k) {
          pg.raw(k == 0 ? "" : "<br>");
          pg.text(p.lessonsLeft[k].title);
        }
      }
      pg.raw("</td><td>");
      if (!p.aupAvailable) {
        pg.raw("&ndash;");
      } else if (!p.aupSigned && !p.aupVersion.empty()) {
        pg.raw("<span class=\"todo\">Not yet</span> <span class=\"small\">(signed old version ");
        pg.text(p.aupVersion);
        pg.raw(")</span>");
      } else {
        yesNo(pg, p.aupSigned, p.aupSignedOn);
      }
      pg.raw("</td><td>");
      yesNo(pg, p.parentAgreed, p.parentAgreedOn);
      pg.raw("</td></tr>");
    }
    pg.raw("</tbody></table>");
    const int others = c.tally.pupils - static_cast<int>(rows.size());
    if (others > 0) {
      pg.raw("<p class=\"small\">");
      pg.text(others == 1
                  ? std::string("The other pupil has completed everything.")
                  : "The other " + std::to_string(others) + " pupils have completed everything.");
      pg.raw("</p>");
    }
    pg.raw("</div>");
  }
  pg.raw("</section>");
}

void footer(Page& pg, const Register& reg) {
  pg.raw("<footer><p><strong>Content used to decide completion:</strong> ");
  if (reg.packs.empty()) {
    pg.raw("none.");
  }
  for (std::size_t i = 0; i < reg.packs.size(); ++i) {
    pg.raw(i == 0 ? "" : "; ");
    pg.text(reg.packs[i].title + " (" + reg.packs[i].id + ", version " + reg.packs[i].version +
            ")");
  }
  pg.raw("</p><p><strong>Current AUP versions:</strong> ");
  bool any = false;
  for (std::size_t p = 0; p < 3; ++p) {
    if (reg.aupVersions[p].empty()) {
      continue;
    }
    pg.raw(any ? "; " : "");
    any = true;
    pg.text(aupPhaseName(static_cast<AupPhase>(p)));
    pg.raw(" ");
    for (std::size_t k = 0; k < reg.aupVersions[p].size(); ++k) {
      pg.raw(k == 0 ? "" : " or ");
      pg.text(reg.aupVersions[p][k]);
    }
  }
  pg.raw(any ? "." : "none.");
  pg.raw("</p>");
  if (!reg.versionsUsed.empty()) {
    pg.raw("<p><strong>Lessons counted were done on:</strong> ");
    for (std::size_t i = 0; i < reg.versionsUsed.size(); ++i) {
      pg.raw(i == 0 ? "" : ", ");
      pg.text(reg.versionsUsed[i]);
    }
    pg.raw(".</p>");
  }
  pg.raw("<p>Every figure is worked out from the records SafeQuest keeps of what each pupil "
         "did. Pupils who have left the school or whose records were erased are not "
         "included.</p></footer>");
}

} // namespace

// ---- the report ----------------------------------------------------------------

void appendHtmlEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
}

std::string reportHtml(const Register& reg, const HtmlReportOptions& options) {
  Page pg;
  pg.out.reserve(16384 + reg.pupils.size() * 400);
  const std::string school = reg.schoolName.empty() ? std::string("School") : reg.schoolName;
  pg.raw("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         // Belt and braces: even a field that escaped escaping could load nothing.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
  pg.text("Online safety record " + academicYearText(reg.academicYear) + ": " + school);
  pg.raw("</title><style>");
  pg.raw(kStyle);
  pg.raw("</style></head><body><header><h1>Online safety record</h1><p class=\"school\">");
  pg.text(school);
  pg.raw("</p><p class=\"meta\">Academic year ");
  pg.text(academicYearText(reg.academicYear));
  pg.raw(" (");
  pg.text(longDate(reg.firstDay) + " to " + longDate(reg.lastDay));
  pg.raw(") &middot; ");
  pg.text(reg.scope);
  if (!options.producedOn.empty()) {
    pg.raw(" &middot; Produced on ");
    pg.text(longDate(options.producedOn));
  }
  pg.raw("</p></header>");
  summary(pg, reg);
  yearGroupTable(pg, reg);
  classTable(pg, reg);
  assemblyTable(pg, reg);
  pupilDetail(pg, reg, options.names);
  footer(pg, reg);
  pg.raw("</body></html>\n");
  return std::move(pg.out);
}

} // namespace sq
