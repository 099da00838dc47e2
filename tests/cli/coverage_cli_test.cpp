// `safequest-cli coverage`, run as a real subprocess: the table, the HTML page, the
// JSON, and the exit status (0 all required cells covered, 1 one is empty, 2 usage
// or pack problems), as content/README.md documents them.
#include "support/pack_bundle.hpp"
#include "support/run_program.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Run = sq::test::ProgramRun;

Run runCli(const std::vector<std::string>& args, const fs::path& scratch) {
  return sq::test::runProgram(SQ_CLI_PATH, args, scratch);
}

fs::path materialiseFixture(const std::string& group, const std::string& name,
                            const fs::path& scratch) {
  auto parsed = sq::test::loadBundleFile(fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / group /
                                         (name + ".pack"));
  REQUIRE(parsed.ok());
  const fs::path dir = scratch / name / "pack";
  const auto error = sq::test::materialise(parsed.bundle, dir, scratch / name / "outside");
  REQUIRE_MESSAGE(!error, error.value_or(""));
  return dir;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeJson(const fs::path& p, const nlohmann::json& j) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << j.dump(2);
}

// A pack whose every unit has one required lesson carrying every tag, a choice for
// every SMART letter and a butterfly step: it fills every cell.
fs::path writeCompletePack(const fs::path& dir) {
  const std::vector<std::string> years = {"reception", "y1", "y2", "y3", "y4", "y5", "y6"};
  const std::vector<std::string> bands = {"eyfs", "ks1", "ks1", "lks2", "lks2", "uks2", "uks2"};
  nlohmann::json units = nlohmann::json::array();
  for (std::size_t i = 0; i < years.size(); ++i) {
    const std::string id = "all-" + years[i];
    units.push_back({{"id", years[i]},
                     {"yearGroup", years[i]},
                     {"band", bands[i]},
                     {"title", "Unit " + years[i]},
                     {"lessons", {{{"lesson", id}, {"required", true}}}}});
    nlohmann::json nodes = nlohmann::json::array();
    const std::string letters = "SMART";
    for (std::size_t k = 0; k < letters.size(); ++k) {
      const std::string next = k + 1 < letters.size() ? "n" + std::to_string(k + 1) : "end";
      nodes.push_back({{"id", "n" + std::to_string(k)},
                       {"text", "Which is safe?"},
                       {"choices",
                        {{{"id", "safe"},
                          {"text", "The safe one"},
                          {"safe", true},
                          {"smart", std::string(1, letters[k])},
                          {"next", next},
                          {"feedback", "Yes."}},
                         {{"id", "unsafe"},
                          {"text", "The other one"},
                          {"safe", false},
                          {"smart", std::string(1, letters[k])},
                          {"feedback", "Think again."}}}}});
    }
    nodes.push_back({{"id", "end"}, {"ending", true}, {"text", "Done."}});
    // Every topic, except mobile phones before Upper Key Stage 2, where none is required.
    nlohmann::json topics = {"personal-details",
                             "passwords",
                             "photos-of-others",
                             "cyberbullying",
                             "reliable-information",
                             "copyright",
                             "email",
                             "webcams",
                             "online-identity",
                             "digital-footprint",
                             "gaming-and-messaging",
                             "viruses-and-popups",
                             "asking-before-accepting",
                             "reporting"};
    if (bands[i] == "uks2") {
      topics.push_back("mobile-phones");
    }
    writeJson(
        dir / "lessons" / (id + ".json"),
        {{"id", id},
         {"title", "Everything"},
         {"objectives", {"I can do everything."}},
         {"tags",
          {{"efcw",
            {"self-image-and-identity", "online-relationships", "online-reputation",
             "online-bullying", "managing-online-information", "health-wellbeing-and-lifestyle",
             "privacy-and-security", "copyright-and-ownership"}},
           {"topics", topics}}},
         {"steps",
          {{{"id", "story"}, {"kind", "scenario"}, {"start", "n0"}, {"nodes", nodes}},
           {{"id", "practice"},
            {"kind", "butterfly"},
            {"feelings", {"happy", "butterflies"}},
            {"steps", {{{"id", "stop"}, {"text", "Stop."}}}},
            {"adults", {"teacher"}}}}},
         {"reflection", "What did you learn?"},
         {"badge", {{"title", "All of it"}}}});
  }
  writeJson(dir / "pack.json", {{"formatVersion", 1},
                                {"id", "complete"},
                                {"title", "Complete"},
                                {"version", "1.0"},
                                {"languages", {"en-GB"}},
                                {"authors", {"SafeQuest tests"}},
                                {"licence", "CC-BY-4.0"},
                                {"units", units}});
  return dir;
}

// One line of the table: the row's name in 36 columns, then each year's cell
// right-aligned in 5.
std::string tableLine(const std::string& label, const std::vector<std::string>& cells) {
  std::string line = "  " + label;
  line.resize(36, ' ');
  for (const auto& cell : cells) {
    line += std::string(5 - cell.size(), ' ') + cell;
  }
  return line + "\n";
}

void checkLineWidths(const Run& run) {
  for (const auto& line : run.lines()) {
    CHECK_MESSAGE(line.size() <= 100, line);
    CHECK_MESSAGE((line.empty() || line.back() != ' '), line);
  }
}

} // namespace

TEST_CASE("cli coverage: a pack with an empty required cell exits 1 and names it") {
  const sq::test::ScratchDir scratch("cli-coverage-gaps");
  const fs::path pack = materialiseFixture("coverage", "gaps", scratch.path());
  const fs::path html = scratch.path() / "coverage.html";
  const Run run = runCli({"coverage", "--html", html.string(), pack.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 1);
  checkLineWidths(run);
  CHECK(run.out.find("  empty: butterfly in Y4\n") != std::string::npos);
  CHECK(run.out.find("  empty: smart:M in Y4\n") != std::string::npos);
  CHECK(run.out.find("  empty: efcw:privacy-and-security in LKS2\n") != std::string::npos);
  CHECK(run.out.find("empty: butterfly in Y3") == std::string::npos);
  // The butterfly row: nothing before Y3, one required lesson in Y3, Y4 only an
  // optional one (and flagged), nothing after; Reception to Y2 flagged too.
  CHECK(run.out.find(tableLine("butterfly practice",
                               {".!", ".!", ".!", "1", "0+1!", ".!", ".!"})) != std::string::npos);
  CHECK(run.out.find("    Y4  extra-butterfly (optional)\n") != std::string::npos);
  CHECK(run.err.find("required cells are empty") != std::string::npos);

  const std::string page = readFile(html);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("Gaps &amp; &lt;holes&gt;") != std::string::npos);
  CHECK(page.find("<holes>") == std::string::npos);
  CHECK(page.find("extra-butterfly (optional)") != std::string::npos);
  CHECK(page.find("<li>butterfly in Y4</li>") != std::string::npos);
  CHECK(page.find("class=\"empty\"") != std::string::npos);
  for (const char* external : {"http:", "https:", "src=", "<link", "<script", "url("}) {
    CHECK_MESSAGE(page.find(external) == std::string::npos, external);
  }
}

TEST_CASE("cli coverage: --json lists every row's lessons and the empty cells") {
  const sq::test::ScratchDir scratch("cli-coverage-json");
  const fs::path pack = materialiseFixture("coverage", "gaps", scratch.path());
  const Run run = runCli({"coverage", "--json", pack.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 1);
  const auto j = nlohmann::json::parse(run.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["id"] == "gaps");
  REQUIRE(j["rows"].size() == 33);
  const auto& butterfly = j["rows"][17];
  CHECK(butterfly["row"] == "butterfly");
  CHECK(butterfly["cells"]["y3"] ==
        nlohmann::json::parse(R"([{"lesson":"meet-and-tell","required":true}])"));
  CHECK(butterfly["cells"]["y4"] ==
        nlohmann::json::parse(R"([{"lesson":"extra-butterfly","required":false}])"));
  CHECK(butterfly["cells"]["reception"].empty());
  bool found = false;
  for (const auto& m : j["missing"]) {
    found = found || (m["row"] == "smart:M" && m["where"] == "y4");
  }
  CHECK(found);
}

TEST_CASE("cli coverage: a pack that fills every required cell exits 0") {
  const sq::test::ScratchDir scratch("cli-coverage-complete");
  const fs::path pack = writeCompletePack(scratch.path() / "complete");
  const Run run = runCli({"coverage", pack.string()}, scratch.path());
  INFO("stdout:\n" << run.out << "stderr:\n" << run.err);
  CHECK(run.status == 0);
  checkLineWidths(run);
  CHECK(run.out.find("empty:") == std::string::npos);
  CHECK(run.out.find(tableLine("online-bullying", {"1", "1", "1", "1", "1", "1", "1"})) !=
        std::string::npos);
  CHECK(run.out.find(tableLine("mobile-phones", {".", ".", ".", ".", ".", "1", "1"})) !=
        std::string::npos);
}

TEST_CASE("cli coverage: content/core's report matches its required cells") {
  const fs::path core = fs::path(SQ_SOURCE_DIR) / "content" / "core";
  const sq::test::ScratchDir scratch("cli-coverage-core");
  const Run text = runCli({"coverage", core.string()}, scratch.path());
  const Run json = runCli({"coverage", "--json", core.string()}, scratch.path());
  INFO("stdout:\n" << text.out << "stderr:\n" << text.err);
  checkLineWidths(text);
  const auto j = nlohmann::json::parse(json.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["required"].get<int>() > 20);
  CHECK(text.status == (j["missing"].empty() ? 0 : 1));
  CHECK(json.status == text.status);
  CHECK(text.out.find("Required cells: ") != std::string::npos);
}

TEST_CASE("cli coverage: usage problems, missing paths and refused packs exit 2") {
  const sq::test::ScratchDir scratch("cli-coverage-usage");
  const fs::path good = materialiseFixture("good", "minimal", scratch.path());
  const fs::path bad = materialiseFixture("bad", "ref-scenario-next", scratch.path());
  const std::vector<std::vector<std::string>> cases = {
      {"coverage"},
      {"coverage", good.string(), good.string()},
      {"coverage", "--html"},
      {"coverage", "--pdf", good.string()},
      {"coverage", (scratch.path() / "no-such-pack").string()},
      {"coverage", bad.string()},
      {"coverage", "--html", (scratch.path() / "no-such-folder" / "c.html").string(),
       good.string()},
  };
  for (const auto& args : cases) {
    const Run run = runCli(args, scratch.path());
    INFO("args: " << args.back() << "\nstdout:\n" << run.out << "stderr:\n" << run.err);
    CHECK(run.status == 2);
    CHECK_FALSE(run.err.empty());
  }
  const Run refused = runCli({"coverage", bad.string()}, scratch.path());
  CHECK(refused.err.find("error ref.unresolved") != std::string::npos);
}
