#include "cli/coverage_command.hpp"

#include "content/coverage.hpp"
#include "content/pack_loader.hpp"
#include "core/atomic_file.hpp"
#include "results/report_html.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <set>

namespace sq::cli {

namespace {

constexpr std::array<std::string_view, kYearGroupCount> kYearLabels = {"R",  "Y1", "Y2", "Y3",
                                                                       "Y4", "Y5", "Y6"};
constexpr std::size_t kLabelWidth = 36;
constexpr std::size_t kCellWidth = 5;
constexpr std::size_t kLineWidth = 100;

std::string_view groupTitle(CoverageGroup g) {
  switch (g) {
  case CoverageGroup::Strand:
    return "Education for a Connected World strands (efcw)";
  case CoverageGroup::Dcf:
    return "Welsh DCF citizenship elements (dcf)";
  case CoverageGroup::Smart:
    return "SMART rules practised in a scenario choice (smart)";
  case CoverageGroup::Butterfly:
    return "Butterfly practice (a butterfly step)";
  case CoverageGroup::Topic:
    break;
  }
  return "Topics (topics)";
}

std::string rowLabel(const CoverageRow& row) {
  if (row.group == CoverageGroup::Smart) {
    static const std::array<std::pair<std::string_view, std::string_view>, 5> names = {
        {{"S", "Safe"}, {"M", "Meeting"}, {"A", "Accepting"}, {"R", "Reliable"}, {"T", "Tell"}}};
    for (const auto& [letter, name] : names) {
      if (row.value == letter) {
        return row.value + " " + std::string(name);
      }
    }
  }
  if (row.group == CoverageGroup::Butterfly) {
    return "butterfly practice";
  }
  return row.value;
}

// (row key, year index) pairs that belong to an empty required cell.
using Flags = std::set<std::pair<std::string, std::size_t>>;

Flags flagsFor(const std::vector<RequiredCell>& missing) {
  Flags flags;
  for (const RequiredCell& cell : missing) {
    for (YearGroup y : yearGroupsIn(cell.where)) {
      flags.insert({cell.row, static_cast<std::size_t>(y)});
    }
  }
  return flags;
}

std::string cellText(const std::vector<CoverageLesson>& lessons, bool flagged) {
  std::size_t required = 0;
  for (const auto& l : lessons) {
    required += l.required ? 1 : 0;
  }
  const std::size_t optional = lessons.size() - required;
  std::string s = lessons.empty() ? "." : std::to_string(required);
  if (optional > 0) {
    s += "+" + std::to_string(optional);
  }
  return flagged ? s + "!" : s;
}

std::string padRight(std::string s, std::size_t width) {
  if (s.size() < width) {
    s.append(width - s.size(), ' ');
  }
  return s;
}
std::string padLeft(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : " " + s;
}

std::string lessonName(const CoverageLesson& l) {
  return l.required ? l.id : l.id + " (optional)";
}

std::string whereLabel(const std::string& where) {
  std::string s = where;
  for (char& c : s) {
    c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return s == "RECEPTION" ? "Reception" : s;
}

// "smart:M in Y4", "efcw:online-bullying in KS1"
std::string describe(const RequiredCell& cell) {
  return cell.row + " in " + whereLabel(cell.where);
}

void writeText(std::ostream& out, const std::string& path, const LoadResult& r,
               const std::vector<CoverageRow>& rows, const std::vector<RequiredCell>& required,
               const std::vector<RequiredCell>& missing) {
  const Flags flags = flagsFor(missing);
  out << "Coverage of " << r.packId << " " << r.version << " (" << path << ")\n"
      << "Each cell counts the year's required lessons, +N optional ones; \".\" none;\n"
      << "\"!\" a required cell (content/README.md) that is empty.\n";
  std::string header = padRight("", kLabelWidth);
  for (auto label : kYearLabels) {
    header += padLeft(std::string(label), kCellWidth);
  }
  std::optional<CoverageGroup> group;
  for (const CoverageRow& row : rows) {
    if (group != row.group) {
      group = row.group;
      out << "\n" << groupTitle(row.group) << "\n" << header << "\n";
    }
    std::string line = padRight("  " + rowLabel(row), kLabelWidth);
    for (std::size_t y = 0; y < kYearGroupCount; ++y) {
      line += padLeft(cellText(row.cells[y], flags.count({row.key, y}) > 0), kCellWidth);
    }
    out << line << "\n";
  }

  out << "\nLessons in each cell\n";
  for (const CoverageRow& row : rows) {
    bool any = false;
    for (const auto& cell : row.cells) {
      any = any || !cell.empty();
    }
    if (!any) {
      out << "  " << row.key << ": none\n";
      continue;
    }
    out << "  " << row.key << "\n";
    for (std::size_t y = 0; y < kYearGroupCount; ++y) {
      if (row.cells[y].empty()) {
        continue;
      }
      // Wrapped at kLineWidth, continuation lines under the first lesson.
      const std::string indent = "    " + padRight(std::string(kYearLabels[y]), 4);
      std::string line = indent;
      for (std::size_t i = 0; i < row.cells[y].size(); ++i) {
        std::string name = lessonName(row.cells[y][i]) + (i + 1 < row.cells[y].size() ? "," : "");
        if (line.size() > indent.size() && line.size() + 1 + name.size() > kLineWidth) {
          out << line << "\n";
          line = std::string(indent.size(), ' ');
        } else if (line.size() > indent.size()) {
          line += ' ';
        }
        line += name;
      }
      out << line << "\n";
    }
  }

  out << "\nRequired cells: " << (required.size() - missing.size()) << " of " << required.size()
      << " covered\n";
  for (const RequiredCell& cell : missing) {
    out << "  empty: " << describe(cell) << "\n";
  }
}

std::string html(const std::string& path, const LoadResult& r, const std::vector<CoverageRow>& rows,
                 const std::vector<RequiredCell>& required,
                 const std::vector<RequiredCell>& missing) {
  const Flags flags = flagsFor(missing);
  std::string h;
  auto esc = [&h](std::string_view s) { appendHtmlEscaped(h, s); };
  h += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  esc("E-safety coverage: " + r.title);
  h += "</title>\n<style>\n"
       "body{font-family:sans-serif;margin:2em;color:#111}\n"
       "table{border-collapse:collapse;margin-bottom:1.5em}\n"
       "th,td{border:1px solid #888;padding:.3em .5em;vertical-align:top;text-align:left}\n"
       "thead th{background:#e8eef7}\n"
       "td.none{color:#777}\n"
       "td.empty{background:#fde2e2;font-weight:bold}\n"
       "th.group{background:#f3f3f3;text-align:left}\n"
       "@media print{body{margin:0}td,th{font-size:9pt}}\n"
       "</style>\n</head>\n<body>\n<h1>";
  esc("E-safety coverage: " + r.title);
  h += "</h1>\n<p>";
  esc("Pack " + r.packId + " version " + r.version + " (" + path +
      "). Each cell lists the lessons of that year's unit that teach the row; optional "
      "lessons are marked. A SMART rule counts where a scenario choice practises it.");
  h += "</p>\n<p>";
  esc("Required cells: " + std::to_string(required.size() - missing.size()) + " of " +
      std::to_string(required.size()) + " covered.");
  h += "</p>\n";
  if (!missing.empty()) {
    h += "<p>Empty required cells (highlighted in the table):</p>\n<ul>\n";
    for (const RequiredCell& cell : missing) {
      h += "<li>";
      esc(describe(cell));
      h += "</li>\n";
    }
    h += "</ul>\n";
  }
  h += "<table>\n<thead><tr><th>what</th>";
  for (std::size_t y = 0; y < kYearGroupCount; ++y) {
    h += "<th>";
    esc(kYearLabels[y]);
    h += "</th>";
  }
  h += "</tr></thead>\n<tbody>\n";
  std::optional<CoverageGroup> group;
  for (const CoverageRow& row : rows) {
    if (group != row.group) {
      group = row.group;
      h += "<tr><th class=\"group\" colspan=\"8\">";
      esc(groupTitle(row.group));
      h += "</th></tr>\n";
    }
    h += "<tr><th>";
    esc(rowLabel(row));
    h += "</th>";
    for (std::size_t y = 0; y < kYearGroupCount; ++y) {
      const auto& lessons = row.cells[y];
      const bool flagged = flags.count({row.key, y}) > 0;
      h += flagged ? "<td class=\"empty\">" : lessons.empty() ? "<td class=\"none\">" : "<td>";
      if (lessons.empty()) {
        h += flagged ? "required" : "&ndash;";
      }
      for (std::size_t i = 0; i < lessons.size(); ++i) {
        h += i > 0 ? "<br>" : "";
        esc(lessonName(lessons[i]));
      }
      h += "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n</body>\n</html>\n";
  return h;
}

nlohmann::ordered_json json(const std::string& path, const LoadResult& r,
                            const std::vector<CoverageRow>& rows,
                            const std::vector<RequiredCell>& required,
                            const std::vector<RequiredCell>& missing) {
  nlohmann::ordered_json jrows = nlohmann::ordered_json::array();
  for (const CoverageRow& row : rows) {
    nlohmann::ordered_json cells = nlohmann::ordered_json::object();
    for (std::size_t y = 0; y < kYearGroupCount; ++y) {
      nlohmann::ordered_json lessons = nlohmann::ordered_json::array();
      for (const auto& l : row.cells[y]) {
        lessons.push_back({{"lesson", l.id}, {"required", l.required}});
      }
      cells[std::string(yearGroupId(static_cast<YearGroup>(y)))] = std::move(lessons);
    }
    jrows.push_back({{"row", row.key}, {"cells", std::move(cells)}});
  }
  nlohmann::ordered_json jmissing = nlohmann::ordered_json::array();
  for (const RequiredCell& cell : missing) {
    jmissing.push_back({{"row", cell.row}, {"where", cell.where}});
  }
  return {{"path", path},
          {"id", r.packId},
          {"version", r.version},
          {"rows", std::move(jrows)},
          {"required", required.size()},
          {"missing", std::move(jmissing)}};
}

} // namespace

int runCoverage(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* usage = "usage: safequest-cli coverage [--html FILE] [--json] PACK_FOLDER\n";
  bool asJson = false;
  std::string htmlPath;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      asJson = true;
    } else if (a == "--html") {
      if (i + 1 >= args.size() || args[i + 1].empty()) {
        err << "safequest-cli coverage: --html needs a file name\n" << usage;
        return 2;
      }
      htmlPath = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      err << "safequest-cli coverage: unknown option " << a << "\n" << usage;
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.size() != 1) {
    err << usage;
    return 2;
  }
  const std::string& path = paths.front();
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    err << "safequest-cli coverage: " << path << ": no such file or folder\n";
    return 2;
  }
  const LoadResult r = loadPack(path);
  if (!r.valid()) {
    for (const Diagnostic& d : r.diagnostics) {
      if (d.severity == Severity::Error) {
        err << formatDiagnostic(d) << "\n";
      }
    }
    err << "safequest-cli coverage: " << path << ": the pack is refused; "
        << "`safequest-cli validate` lists its problems\n";
    return 2;
  }
  const std::vector<CoverageRow> rows = buildCoverage(*r.pack);
  std::vector<std::string> problems;
  const std::vector<RequiredCell> required = expandRequirements(requirementTable(), problems);
  const std::vector<RequiredCell> missing = missingCells(rows, required);

  if (!htmlPath.empty()) {
    std::string error;
    if (!writeFileAtomically(htmlPath, html(path, r, rows, required, missing), error)) {
      err << "safequest-cli coverage: cannot write " << htmlPath << ": " << error << "\n";
      return 2;
    }
  }
  if (asJson) {
    out << json(path, r, rows, required, missing)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  } else {
    writeText(out, path, r, rows, required, missing);
  }
  if (!missing.empty()) {
    out.flush();
    err << path << ": " << missing.size()
        << (missing.size() == 1 ? " required cell is empty\n" : " required cells are empty\n");
    return 1;
  }
  return 0;
}

} // namespace sq::cli
