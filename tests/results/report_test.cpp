// The report writers: CSV escaping and content, the governors' HTML report (no
// scripts, no external files, A4, summary first, names only when asked), xAPI
// statements (ids, verbs, actor, no names) and the printable AUP.
// Sections:
//   1. fixtures: a pack, a roster, events, their register
//   2. running the CLI: as a real subprocess, on a school made by make_report_data
//   3. CSV: escaping, rows per group and pupil
//   4. HTML: self-contained, printable, names only when asked
//   5. xAPI: statements, ids, filters
//   6. the printable AUP
//   7. the CLI: report and aup-print, run as real subprocesses
#include "results/aup_print.hpp"
#include "results/register.hpp"
#include "results/report_csv.hpp"
#include "results/report_html.hpp"
#include "results/report_xapi.hpp"

#include "support/pack_bundle.hpp"

#include "support/run_program.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace sq;
using nlohmann::json;

// ---- fixtures -----------------------------------------------------------------------

namespace {

Text text(std::string s) {
  Text t;
  t.byLang.push_back({"en-GB", std::move(s)});
  return t;
}

Pack pack() {
  Pack p;
  p.id = "core";
  p.version = "1.0.0";
  p.title = text("SafeQuest core lessons");
  p.languages = {"en-GB"};
  Unit y3;
  y3.id = "y3";
  y3.yearGroup = YearGroup::Y3;
  y3.lessons = {{"y3-a", true}, {"y3-b", true}};
  p.units = {y3};
  Lesson a;
  a.id = "y3-a";
  a.title = text("Keep it private");
  Lesson b;
  b.id = "y3-b";
  b.title = text("Passwords, \"secret\" & <safe>");
  p.lessons = {a, b};
  Aup ks2;
  ks2.id = "ks2-aup";
  ks2.phase = AupPhase::Ks2;
  ks2.version = "2026.1";
  ks2.title = text("My online promises");
  ks2.intro = text("These promises keep me safe.");
  AupPromise p1;
  p1.id = "password";
  p1.text = text("I keep my password to myself.");
  p1.picture = Picture{"assets/padlock.png", text("A gold padlock")};
  AupPromise p2;
  p2.id = "tell";
  p2.text = text("I tell a trusted adult if something worries me.");
  ks2.promises = {p1, p2};
  p.aups = {ks2};
  return p;
}

const std::string kAmy = "a1b2c3d4-1111-4111-8111-111111111111";
const std::string kBen = "b1b2c3d4-2222-4222-8222-222222222222";
const std::string kClass = "c0000000-0000-4000-8000-000000000003";

Roster roster() {
  Roster r;
  r.settings.schoolName = "Oakfield & District Primary";
  r.classes = {{kClass, "3B"}};
  Pupil amy;
  amy.id = kAmy;
  amy.firstName = "Amelia";
  amy.initial = "Q";
  amy.classId = kClass;
  amy.yearGroup = YearGroup::Y3;
  Pupil ben = amy;
  ben.id = kBen;
  ben.firstName = "=HYPERLINK(\"x\")"; // a hostile name must stay inert
  ben.initial = "<b>";
  r.pupils = {amy, ben};
  r.staff = {{"s1", "Mrs Patel"}};
  return r;
}

int gSeq = 0;

Event event(EventKind kind, const std::string& pupil, const std::string& activity,
            const std::string& time, const std::string& data = "") {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0000ABCD-0000-4000-8000-%012d", ++gSeq);
  Event e;
  e.uuid = buf; // upper case on purpose: statement ids must come out lower case
  e.deviceId = "00000000-0000-4000-8000-000000000000";
  e.seq = gSeq;
  e.kind = kind;
  e.pupilId = pupil;
  e.packId = "core";
  e.packVersion = "1.0.0";
  e.contentHash = "0123456789abcdef";
  e.activityId = activity;
  e.timeUtc = time;
  e.data = data;
  return e;
}

std::vector<Event> events() {
  std::vector<Event> ev;
  ev.push_back(event(EventKind::LessonCompleted, kAmy, "y3-a", "2026-09-10T09:00:00Z"));
  ev.push_back(event(EventKind::LessonCompleted, kAmy, "y3-b", "2026-09-11T09:00:00Z"));
  ev.push_back(event(EventKind::LessonCompleted, kBen, "y3-a", "2026-09-10T09:00:00Z"));
  Event quiz = event(EventKind::ActivityCompleted, kBen, "y3-a", "2026-09-10T08:59:00Z",
                     R"({"step":"check"})");
  quiz.score = 3;
  quiz.maxScore = 4;
  quiz.choices = R"(["a","b"])";
  ev.push_back(quiz);
  ev.push_back(event(EventKind::ActivityCompleted, kBen, "y3-a", "2026-09-10T08:58:00Z",
                     R"({"step":"intro"})"));
  ev.push_back(event(EventKind::LessonProgress, kBen, "y3-b", "2026-09-12T09:00:00Z",
                     R"({"step":"story"})"));
  ev.push_back(event(EventKind::AupSigned, kAmy, "ks2-aup", "2026-09-05T09:00:00Z",
                     R"({"aupVersion":"2026.1","phase":"ks2"})"));
  ev.push_back(event(EventKind::AupParentAgreed, kAmy, "ks2-aup", "2026-09-06T19:00:00Z",
                     R"({"aupVersion":"2026.1","signedBy":"Mrs Q"})"));
  ev.push_back(event(EventKind::AupClassConfirmed, "", "ks2-aup", "2026-09-05T10:00:00Z",
                     R"({"classId":")" + kClass + R"(","staffId":"s1"})"));
  ev.push_back(event(EventKind::AssemblyGiven, "", "smart", "2026-10-01T09:00:00Z",
                     R"({"date":"2026-10-01","yearGroups":[],"presenter":"Mr Jones"})"));
  ev.push_back(event(EventKind::HelpAsked, "", "", "2026-10-02T09:00:00Z",
                     R"({"classId":")" + kClass + R"("})"));
  // Outside the academic year: never exported.
  ev.push_back(event(EventKind::LessonCompleted, kAmy, "y3-a", "2027-09-01T00:00:00Z"));
  return ev;
}

Register reg() {
  static const Pack p = pack();
  return computeRegister(events(), roster(), {&p}, 2026, {});
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// ---- running the CLI ----------------------------------------------------------------

namespace fs = std::filesystem;

using Run = sq::test::ProgramRun;

Run run(const std::string& program, const std::vector<std::string>& args, const fs::path& scratch) {
  return sq::test::runProgram(program, args, scratch);
}

// <scratch>/data and <scratch>/content, as tests/xapi/make_report_data.cpp describes.
void makeSchool(const fs::path& scratch) {
  const Run made = run(SQ_MAKE_REPORT_DATA, {scratch.string()}, scratch.parent_path());
  REQUIRE_MESSAGE(made.status == 0, made.err);
}

} // namespace

// ---- CSV ----------------------------------------------------------------------------

TEST_CASE("report csv: fields are escaped and formulas kept inert") {
  CHECK(csvField("plain") == "plain");
  CHECK(csvField("a,b") == "\"a,b\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csvField("+44") == "'+44");
  CHECK(csvField("-1") == "'-1");
  CHECK(csvField("@cmd") == "'@cmd");
  CHECK(csvField("=A,B") == "\"'=A,B\"");
  CHECK(csvField("") == "");
}

TEST_CASE("report csv: a row per group and per pupil, names only when asked") {
  const Register r = reg();
  const std::string csv = reportCsv(r);
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "level,academic_year,",
                  0) == 0);
  CHECK(contains(csv, "\r\nschool,2026-27,,,,2,2,1,50,2,1,50,1,"));
  CHECK(contains(csv, "\r\nyear_group,2026-27,y3,,,2,2,1,50,"));
  CHECK(contains(csv, "\r\nclass,2026-27,y3,3B,,2,2,1,50,2,1,50,1,"));
  CHECK(contains(csv, "Mrs Patel,2026-09-05T10:00:00Z"));
  CHECK(contains(csv, "\r\nassembly,2026-27,all,"));
  CHECK(contains(csv, "Mr Jones"));
  // Ben's row names the lesson he has left, quoted because of its quotes.
  CHECK(contains(csv, "\"Passwords, \"\"secret\"\" & <safe>\""));
  CHECK(contains(csv, ",a1b2c3d4,"));
  CHECK_FALSE(contains(csv, "Amelia"));
  CHECK_FALSE(contains(csv, "HYPERLINK"));
  // Every line has the same number of fields outside quotes.
  std::size_t lines = 0;
  int fields = -1;
  bool quoted = false;
  int commas = 0;
  for (char c : csv) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      ++commas;
    } else if (c == '\n' && !quoted) {
      if (fields < 0) {
        fields = commas;
      }
      CHECK(commas == fields);
      commas = 0;
      ++lines;
    }
  }
  CHECK(lines == 1 + 1 + 1 + 1 + 2 + 1); // header, school, year, class, 2 pupils, assembly

  CsvOptions named;
  named.names = true;
  const std::string withNames = reportCsv(r, named);
  CHECK(contains(withNames, ",Amelia Q,"));
  CHECK(contains(withNames, ",\"'=HYPERLINK(\"\"x\"\") <b>\","));
}

// ---- HTML ---------------------------------------------------------------------------

TEST_CASE("report html: self-contained, printable, summary first") {
  const Register r = reg();
  HtmlReportOptions opt;
  opt.producedOn = "2026-11-22";
  const std::string html = reportHtml(r, opt);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
  CHECK_FALSE(contains(html, "src="));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "@import"));
  CHECK_FALSE(contains(html, "url("));
  CHECK(contains(html, "@page { size: A4;"));
  CHECK(contains(html, "default-src 'none'"));

  // The summary names the school and year and gives the headline figures before any table.
  const std::size_t summary = html.find("id=\"summary\"");
  const std::size_t firstTable = html.find("<table");
  REQUIRE(summary != std::string::npos);
  REQUIRE(firstTable != std::string::npos);
  CHECK(summary < firstTable);
  CHECK(html.find("Oakfield &amp; District Primary") < summary);
  CHECK(html.find("Academic year 2026 to 2027") < summary);
  const std::string head = html.substr(summary, firstTable - summary);
  CHECK(contains(head, "Online safety unit complete"));
  CHECK(contains(head, ">50%<"));
  CHECK(contains(head, "AUP signed"));
  CHECK(contains(head, "Classes that confirmed the AUP"));
  CHECK(contains(head, ">1 of 1<"));
  CHECK(contains(head, "assemblies given"));
  CHECK(html.find("id=\"by-year\"") < html.find("id=\"by-class\""));
  CHECK(contains(html, "Mrs Patel, 5 September 2026"));
  CHECK(contains(html, "Produced on 22 November 2026"));
  CHECK(contains(html, "Passwords, &quot;secret&quot; &amp; &lt;safe&gt;"));
}

TEST_CASE("report html: names appear only when the teacher asks for them") {
  const Register r = reg();
  const std::string anon = reportHtml(r);
  CHECK_FALSE(contains(anon, "Amelia"));
  CHECK_FALSE(contains(anon, "HYPERLINK"));
  CHECK(contains(anon, "<code>b1b2c3d4</code>")); // Ben has a lesson left
  CHECK_FALSE(contains(anon, kBen));              // only the short code, never the id

  HtmlReportOptions named;
  named.names = true;
  const std::string html = reportHtml(r, named);
  CHECK(contains(html, "=HYPERLINK(&quot;x&quot;) &lt;b&gt;"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK_FALSE(contains(html, "b1b2c3d4"));
  CHECK(contains(html, "Keep this report confidential"));
}

// ---- xAPI ---------------------------------------------------------------------------

TEST_CASE("report xapi: one statement per pupil event, ids are event uuids") {
  const Register r = reg();
  const std::vector<Event> ev = events();
  const std::string out = reportXapi(ev, r);
  const json statements = json::parse(out);
  REQUIRE(statements.is_array());
  // Amy: 2 lessons + AUP; Ben: 1 lesson, 2 activities, 1 progress. The parent's
  // agreement, class and assembly events, help and next year's lesson are left out.
  CHECK(statements.size() == 7);

  std::vector<std::string> ids;
  for (const Event& e : ev) {
    if (e.kind == EventKind::LessonCompleted || e.kind == EventKind::ActivityCompleted ||
        e.kind == EventKind::LessonProgress || e.kind == EventKind::AupSigned) {
      std::string id = e.uuid;
      for (char& c : id) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
      ids.push_back(id);
    }
  }
  std::string previous;
  for (const json& s : statements) {
    const std::string id = s.at("id").get<std::string>();
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    CHECK(std::none_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    CHECK(s.at("actor").at("objectType") == "Agent");
    CHECK(s.at("actor").at("account").at("homePage") == "https://safequest.invalid/pupils");
    const std::string name = s.at("actor").at("account").at("name").get<std::string>();
    CHECK((name == kAmy || name == kBen));
    CHECK(s.at("object").at("id").get<std::string>().rfind(
              "https://safequest.invalid/activities/core/", 0) == 0);
    const std::string t = s.at("timestamp").get<std::string>();
    CHECK(previous <= t); // oldest first
    previous = t;
  }

  const auto verbOf = [&](const std::string& pupil, const std::string& objectSuffix) {
    for (const json& s : statements) {
      const std::string id = s.at("object").at("id").get<std::string>();
      if (s.at("actor").at("account").at("name") == pupil && id.size() >= objectSuffix.size() &&
          id.compare(id.size() - objectSuffix.size(), objectSuffix.size(), objectSuffix) == 0) {
        return s.at("verb").at("id").get<std::string>();
      }
    }
    return std::string("none");
  };
  CHECK(verbOf(kBen, "/lessons/y3-b") == "http://adlnet.gov/expapi/verbs/attempted");
  CHECK(verbOf(kAmy, "/lessons/y3-b") == "http://adlnet.gov/expapi/verbs/completed");
  CHECK(verbOf(kBen, "/lessons/y3-a/steps/check") == "http://adlnet.gov/expapi/verbs/answered");
  CHECK(verbOf(kBen, "/lessons/y3-a/steps/intro") == "http://adlnet.gov/expapi/verbs/completed");
  CHECK(verbOf(kAmy, "/aups/ks2-aup") == "http://adlnet.gov/expapi/verbs/completed");

  for (const json& s : statements) {
    if (s.at("object").at("id") ==
        "https://safequest.invalid/activities/core/lessons/y3-a/steps/check") {
      const json& score = s.at("result").at("score");
      CHECK(score.at("raw") == 3);
      CHECK(score.at("max") == 4);
      CHECK(score.at("min") == 0);
      CHECK(score.at("scaled").get<double>() == doctest::Approx(0.75));
      CHECK(s.at("context").at("contextActivities").at("parent")[0].at("id") ==
            "https://safequest.invalid/activities/core/lessons/y3-a");
    }
  }

  // No names, no staff, no parent: only ids.
  CHECK_FALSE(contains(out, "Amelia"));
  CHECK_FALSE(contains(out, "HYPERLINK"));
  CHECK_FALSE(contains(out, "Mrs"));
  CHECK_FALSE(contains(out, "Patel"));
  CHECK_FALSE(contains(out, "Jones"));
}

TEST_CASE("report xapi: home page, filters and awkward values") {
  const Register r = reg();
  XapiOptions opt;
  opt.homePage = "https://lrs.example.org/pupils";
  CHECK(contains(reportXapi(events(), r, opt), "\"homePage\":\"https://lrs.example.org/pupils\""));
  CHECK(isXapiHomePage("https://school.example/pupils"));
  CHECK(isXapiHomePage("http://localhost:8080/x"));
  CHECK_FALSE(isXapiHomePage("school.example"));
  CHECK_FALSE(isXapiHomePage("https://"));
  CHECK_FALSE(isXapiHomePage("https://a b"));
  CHECK_FALSE(isXapiHomePage("javascript:alert(1)"));

  // Nobody in scope: an empty array.
  RegisterFilter none;
  none.classId = "no-such-class";
  static const Pack p = pack();
  const Register empty = computeRegister(events(), roster(), {&p}, 2026, none);
  CHECK(json::parse(reportXapi(events(), empty)).empty());

  // Odd ids are percent-encoded; a bad uuid or score never makes an invalid statement.
  std::vector<Event> odd;
  odd.push_back(event(EventKind::LessonCompleted, kAmy, "a b/c?", "2026-09-10T09:00:00Z"));
  odd.back().packVersion = "1.0\xff";
  odd.push_back(event(EventKind::LessonCompleted, kAmy, "x", "2026-09-10T09:00:00Z"));
  odd.back().uuid = "not-a-uuid";
  odd.push_back(event(EventKind::ActivityCompleted, kAmy, "x", "2026-09-10T09:00:00Z"));
  odd.back().score = 7;
  odd.back().maxScore = 5;
  const json s = json::parse(reportXapi(odd, r));
  REQUIRE(s.size() == 2);
  CHECK(s[0].at("object").at("id") ==
        "https://safequest.invalid/activities/core/lessons/a%20b%2Fc%3F");
  CHECK(s[1].at("result").at("score") == json{{"raw", 7}});
}

// ---- the printable AUP --------------------------------------------------------------

TEST_CASE("aup print: the phase's promises with room to sign, one page, no scripts") {
  const Pack p = pack();
  const Pack* from = nullptr;
  const Aup* a = findAupForPhase({&p}, AupPhase::Ks2, &from);
  REQUIRE(a != nullptr);
  CHECK(from == &p);
  CHECK(findAupForPhase({&p}, AupPhase::Eyfs) == nullptr);

  const std::string html = aupPrintHtml(p, *a);
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "src="));
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
  CHECK(contains(html, "@page { size: A4;"));
  CHECK(contains(html, "I keep my password to myself."));
  CHECK(contains(html, "I tell a trusted adult if something worries me."));
  CHECK(contains(html, "These promises keep me safe."));
  CHECK(contains(html, "Child's name"));
  CHECK(contains(html, "Parent or carer's signature"));
  CHECK(contains(html, ">Date<"));
  CHECK(contains(html, "version 2026.1"));
  CHECK(contains(html, "Key Stage 2"));

  // With a way to read assets, pictures are embedded, never linked.
  AupPrintOptions withPictures;
  withPictures.readAsset = [](const std::string& src) -> std::optional<std::string> {
    if (src == "assets/padlock.png") {
      return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }
    return std::nullopt;
  };
  const std::string pictured = aupPrintHtml(p, *a, withPictures);
  CHECK(contains(pictured, "src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\""));
  CHECK(contains(pictured, "alt=\"A gold padlock\""));
  CHECK_FALSE(contains(pictured, "assets/padlock.png"));
  CHECK_FALSE(contains(pictured, "<script"));
}

// ---- the CLI ------------------------------------------------------------------------

TEST_CASE("report cli: csv, html and xapi from a records folder") {
  sq::test::ScratchDir scratch("report-cli");
  const fs::path school = scratch.path() / "school";
  makeSchool(school);
  const std::string data = (school / "data").string();
  const std::string content = (school / "content").string();
  const std::vector<std::string> base = {"--academic-year", "2026", "--data", data,
                                         "--content",       content};
  auto report = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"report"};
    args.insert(args.end(), base.begin(), base.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return run(SQ_CLI_PATH, args, scratch.path());
  };

  const Run html = report({"--format", "html"});
  REQUIRE_MESSAGE(html.status == 0, html.err);
  CHECK(contains(html.out, "Report Test Primary"));
  CHECK(contains(html.out, "@page { size: A4;"));
  CHECK_FALSE(contains(html.out, "<script"));
  CHECK_FALSE(contains(html.out, "Amelia"));
  CHECK_FALSE(contains(html.out, "Leftwich")); // archived
  CHECK(contains(html.out, "Mrs Patel"));      // confirmed class 3A
  CHECK(contains(html.out, "Report test pack (xapi-test, version 1.0.0)"));

  const Run named = report({"--format", "html", "--names"});
  REQUIRE(named.status == 0);
  CHECK(contains(named.out, "Benedict T"));    // Ben has the lesson left
  CHECK_FALSE(contains(named.out, "Gonzalo")); // erased

  const Run csv = report({"--format", "csv", "--class", "3A"});
  REQUIRE_MESSAGE(csv.status == 0, csv.err);
  CHECK(contains(csv.out, "level,academic_year,"));
  CHECK(contains(csv.out, "\r\nschool,2026-27,,,,2,2,1,50,2,1,50,1,"));
  CHECK_FALSE(contains(csv.out, "Robins"));
  CHECK_FALSE(contains(csv.out, "Amelia"));

  const Run year = report({"--format", "csv", "--year", "reception"});
  REQUIRE(year.status == 0);
  CHECK(contains(year.out, "Robins"));
  CHECK_FALSE(contains(year.out, ",3A,"));

  const Run xapi = run(SQ_CLI_PATH,
                       {"report", "--format", "xapi", "--academic-year", "2026", "--data", data,
                        "--homepage", "https://school.example/pupils"},
                       scratch.path());
  REQUIRE_MESSAGE(xapi.status == 0, xapi.err);
  const json statements = json::parse(xapi.out);
  CHECK(statements.size() == 6);
  for (const json& st : statements) {
    CHECK(st.at("actor").at("account").at("homePage") == "https://school.example/pupils");
  }
  CHECK_FALSE(contains(xapi.out, "Amelia"));
}

TEST_CASE("report cli: refused input and usage problems") {
  sq::test::ScratchDir scratch("report-cli-errors");
  const fs::path school = scratch.path() / "school";
  makeSchool(school);
  const std::string data = (school / "data").string();
  const std::string content = (school / "content").string();
  auto cli = [&](std::vector<std::string> args) { return run(SQ_CLI_PATH, args, scratch.path()); };

  const Run unknownClass =
      cli({"report", "--format", "csv", "--class", "Nope", "--data", data, "--content", content});
  CHECK(unknownClass.status == 1);
  CHECK(contains(unknownClass.err, "\"3A\""));
  CHECK(cli({"report", "--format", "pdf", "--data", data}).status == 2);
  CHECK(cli({"report", "--data", data}).status == 2);
  CHECK(cli({"report", "--format", "csv", "--year", "y9", "--data", data}).status == 2);
  CHECK(cli({"report", "--format", "csv", "--academic-year", "26", "--data", data}).status == 2);
  CHECK(cli({"report", "--format", "xapi", "--names", "--data", data}).status == 2);
  CHECK(cli({"report", "--format", "xapi", "--homepage", "not a url", "--data", data}).status == 2);
  CHECK(
      cli({"report", "--format", "csv", "--class", "3A", "--year", "y3", "--data", data}).status ==
      2);
  const fs::path missing = scratch.path() / "no-records";
  CHECK(
      cli({"report", "--format", "csv", "--data", missing.string(), "--content", content}).status ==
      2);
  CHECK_FALSE(fs::exists(missing)); // a report never creates a records folder
  const fs::path empty = scratch.path() / "empty-content";
  fs::create_directories(empty);
  CHECK(cli({"report", "--format", "html", "--data", data, "--content", empty.string()}).status ==
        1);
}

TEST_CASE("aup-print cli: the phase's AUP as one printable page") {
  sq::test::ScratchDir scratch("aup-print-cli");
  const fs::path school = scratch.path() / "school";
  makeSchool(school);
  const std::string content = (school / "content").string();
  const Run ks2 =
      run(SQ_CLI_PATH, {"aup-print", "--phase", "ks2", "--content", content}, scratch.path());
  REQUIRE_MESSAGE(ks2.status == 0, ks2.err);
  CHECK(contains(ks2.out, "I keep my password to myself."));
  CHECK(contains(ks2.out, "Parent or carer's signature"));
  CHECK_FALSE(contains(ks2.out, "<script"));
  CHECK(run(SQ_CLI_PATH, {"aup-print", "--phase", "eyfs", "--content", content}, scratch.path())
            .status == 1);
  CHECK(run(SQ_CLI_PATH, {"aup-print", "--phase", "ks3", "--content", content}, scratch.path())
            .status == 2);
  CHECK(run(SQ_CLI_PATH, {"aup-print"}, scratch.path()).status == 2);
}
