#include "results/report_csv.hpp"

#include <algorithm>
#include <array>

namespace sq {

namespace {

constexpr std::array<std::string_view, 28> kColumns = {"level",
                                                       "academic_year",
                                                       "year_group",
                                                       "class",
                                                       "pupil",
                                                       "pupils",
                                                       "with_unit",
                                                       "unit_complete",
                                                       "unit_complete_pct",
                                                       "with_aup",
                                                       "aup_signed",
                                                       "aup_signed_pct",
                                                       "parent_agreed",
                                                       "lessons_done",
                                                       "lessons_required",
                                                       "lessons_left",
                                                       "unit_completed_on",
                                                       "pack_versions",
                                                       "aup_version",
                                                       "aup_signed_on",
                                                       "parent_agreed_on",
                                                       "class_confirmed_by",
                                                       "class_confirmed_on",
                                                       "assembly",
                                                       "assembly_title",
                                                       "date",
                                                       "term",
                                                       "presenter"};

enum Col : std::size_t {
  Level,
  AcademicYear,
  YearGroupCol,
  ClassCol,
  PupilCol,
  Pupils,
  WithUnit,
  UnitComplete,
  UnitCompletePct,
  WithAup,
  AupSigned,
  AupSignedPct,
  ParentAgreed,
  LessonsDone,
  LessonsRequired,
  LessonsLeft,
  UnitCompletedOn,
  PackVersions,
  AupVersion,
  AupSignedOn,
  ParentAgreedOn,
  ClassConfirmedBy,
  ClassConfirmedOn,
  AssemblyCol,
  AssemblyTitle,
  Date,
  TermCol,
  Presenter,
};

using Row = std::array<std::string, kColumns.size()>;

void emit(std::string& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i != 0) {
      out += ',';
    }
    out += row[i]; // already escaped
  }
  out += "\r\n";
}

std::string pct(int n, int d) {
  return d > 0 ? std::to_string(percentOf(n, d)) : std::string();
}

std::string yearList(const std::vector<YearGroup>& ys) {
  std::string s;
  for (YearGroup y : ys) {
    if (!s.empty()) {
      s += ' ';
    }
    s += yearGroupId(y);
  }
  return s;
}

void putTally(Row& row, const Tally& t) {
  row[Pupils] = std::to_string(t.pupils);
  row[WithUnit] = std::to_string(t.withUnit);
  row[UnitComplete] = std::to_string(t.unitComplete);
  row[UnitCompletePct] = pct(t.unitComplete, t.withUnit);
  row[WithAup] = std::to_string(t.withAup);
  row[AupSigned] = std::to_string(t.aupSigned);
  row[AupSignedPct] = pct(t.aupSigned, t.withAup);
  row[ParentAgreed] = std::to_string(t.parentAgreed);
}

void putConfirmation(Row& row, const ClassConfirmation& c) {
  if (c.confirmed) {
    row[ClassConfirmedBy] = csvField(c.staffName.empty() ? c.staffId : c.staffName);
    row[ClassConfirmedOn] = csvField(c.timeUtc);
  }
}

} // namespace

std::string csvField(std::string_view text) {
  std::string value;
  value.reserve(text.size() + 2);
  // A leading =, +, -, @, tab or CR makes Excel and LibreOffice run the cell as a
  // formula; an apostrophe keeps it text (OWASP's advice for CSV injection).
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    value += '\'';
  }
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string reportCsv(const Register& reg, const CsvOptions& options) {
  std::string out;
  out.reserve(256 + reg.pupils.size() * 200);
  out += "\xEF\xBB\xBF";
  Row header;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    header[i] = std::string(kColumns[i]);
  }
  emit(out, header);

  const std::string year = std::to_string(reg.academicYear) + "-" +
                           std::to_string((reg.academicYear + 1) % 100 / 10) +
                           std::to_string((reg.academicYear + 1) % 10);

  Row school;
  school[Level] = "school";
  school[AcademicYear] = year;
  putTally(school, reg.school);
  emit(out, school);

  for (const YearGroupRow& yr : reg.yearGroups) {
    Row row;
    row[Level] = "year_group";
    row[AcademicYear] = year;
    row[YearGroupCol] = std::string(yearGroupId(yr.yearGroup));
    putTally(row, yr.tally);
    row[LessonsRequired] = std::to_string(yr.requiredLessons);
    emit(out, row);
  }

  for (const ClassRow& cr : reg.classes) {
    Row row;
    row[Level] = "class";
    row[AcademicYear] = year;
    row[YearGroupCol] = yearList(cr.yearGroups);
    row[ClassCol] = csvField(cr.name);
    putTally(row, cr.tally);
    putConfirmation(row, cr.confirmation);
    emit(out, row);
  }

  std::vector<std::size_t> order;
  for (const ClassRow& cr : reg.classes) {
    order = cr.pupils;
    if (!options.names) {
      // Codes in code order, so the rows give no hint of alphabetical order.
      std::sort(order.begin(), order.end(),
                [&](std::size_t a, std::size_t b) { return reg.pupils[a].id < reg.pupils[b].id; });
    }
    for (std::size_t i : order) {
      const PupilStatus& p = reg.pupils[i];
      Row row;
      row[Level] = "pupil";
      row[AcademicYear] = year;
      row[YearGroupCol] = std::string(yearGroupId(p.yearGroup));
      row[ClassCol] = csvField(cr.name);
      row[PupilCol] = csvField(pupilLabel(p, options.names));
      Tally t;
      t.pupils = 1;
      t.withUnit = p.hasUnit ? 1 : 0;
      t.unitComplete = p.unitComplete ? 1 : 0;
      t.withAup = p.aupAvailable ? 1 : 0;
      t.aupSigned = p.aupSigned ? 1 : 0;
      t.parentAgreed = p.parentAgreed ? 1 : 0;
      putTally(row, t);
      row[LessonsDone] = std::to_string(p.requiredDone);
      row[LessonsRequired] = std::to_string(p.requiredTotal);
      std::string left;
      for (const LessonLeft& l : p.lessonsLeft) {
        if (!left.empty()) {
          left += "; ";
        }
        left += l.title;
      }
      row[LessonsLeft] = csvField(left);
      row[UnitCompletedOn] = csvField(p.unitCompletedOn);
      std::string versions;
      for (const std::string& v : p.packVersions) {
        if (!versions.empty()) {
          versions += "; ";
        }
        versions += v;
      }
      row[PackVersions] = csvField(versions);
      row[AupVersion] = csvField(p.aupVersion);
      row[AupSignedOn] = p.aupSigned ? csvField(p.aupSignedOn) : std::string();
      row[ParentAgreedOn] = csvField(p.parentAgreedOn);
      putConfirmation(row, cr.confirmation);
      emit(out, row);
    }
  }

  for (const AssemblyRecord& a : reg.assemblies) {
    Row row;
    row[Level] = "assembly";
    row[AcademicYear] = year;
    row[YearGroupCol] = a.yearGroups.empty() ? std::string("all") : yearList(a.yearGroups);
    row[AssemblyCol] = csvField(a.assemblyId);
    row[AssemblyTitle] = csvField(a.title);
    row[Date] = csvField(a.date);
    row[TermCol] = std::string(termName(a.term));
    row[Presenter] = csvField(a.presenter);
    emit(out, row);
  }
  return out;
}

} // namespace sq
