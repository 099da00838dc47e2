// Narration in the editor: which words a line reads, when a narration no longer
// matches them, espeak-ng run with an argument list (never a shell), recordings
// saved as 16-bit mono WAV that the game's own probe accepts, and the edit that
// points a line at a new file and records the words it was made from.
#include "authoring/narration_tools.hpp"
#include "authoring/picture_import.hpp"

#include "core/asset_probe.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("a line's words: the prompt of a quiz item, else its text, in a language") {
  CHECK(lineText(Json::parse(R"({"id":"q","prompt":"Which is safe?","text":"x"})")) ==
        "Which is safe?");
  CHECK(lineText(Json::parse(R"({"id":"s","text":"Hello"})")) == "Hello");
  const Json both = Json::parse(R"({"text":{"en-GB":"Hello","cy":"Helo"}})");
  CHECK(lineText(both) == "Hello");
  CHECK(lineText(both, "cy") == "Helo");
  CHECK(lineText(both, "fr").empty());
  CHECK(lineText(Json::parse(R"({"id":"x"})")).empty());
  CHECK(lineText(Json::array()).empty());
}

TEST_CASE("a narration is stale only when the words it was made from differ from the line's") {
  const Json fresh = Json::parse(
      R"({"text":"Tell an adult","narration":"assets/n/a.wav","editor":{"narratedText":"Tell an adult"}})");
  CHECK_FALSE(narrationStale(fresh));
  Json changed = fresh;
  changed["text"] = "Tell a grown-up you trust";
  CHECK(narrationStale(changed));
  // The core pack's lines have narration but no record: never flagged.
  CHECK_FALSE(narrationStale(Json::parse(R"({"text":"Tell","narration":"assets/n/a.ogg"})")));
  // No narration: nothing to be stale.
  Json none = changed;
  none.erase("narration");
  CHECK_FALSE(narrationStale(none));
  // Per language.
  const Json wales = Json::parse(
      R"({"text":{"en-GB":"Hi","cy":"Helo"},"narration":{"en-GB":"a.wav","cy":"b.wav"},
          "editor":{"narratedText":{"en-GB":"Hi","cy":"Shwmae"}}})");
  CHECK_FALSE(narrationStale(wales, "en-GB"));
  CHECK(narrationStale(wales, "cy"));
  CHECK(narratedText(wales, "cy") == "Shwmae");
}

TEST_CASE("espeak-ng is run as tools/narrate.sh runs it, words on standard input") {
  CHECK(espeakArgs("/tmp/x.wav") == std::vector<std::string>{"espeak-ng", "-v", "en-gb", "-s",
                                                             "135", "-b", "1", "-w", "/tmp/x.wav"});
  // A stand-in program records what it was given: the words arrive as they are,
  // shell characters and all, and nothing runs them.
  sq::test::TempDir dir;
  const fs::path fake = dir.path() / "fake-espeak";
  {
    std::ofstream out(fake);
    out << "#!/bin/sh\n"
           "printf '%s\\n' \"$@\" > \""
        << (dir.path() / "args").string()
        << "\"\n"
           "cat > \""
        << (dir.path() / "stdin").string()
        << "\"\n"
           "printf 'RIFF0000WAVEfmt 0123456789012345678901234567890123456789' > \"$8\"\n";
  }
  fs::permissions(fake, fs::perms::owner_all);
  const std::string words = "Tell an adult; $(touch " + (dir.path() / "pwned").string() + ") `id`";
  std::string error;
  REQUIRE_MESSAGE(runEspeak(words, (dir.path() / "out.wav").string(), error, fake.string()), error);
  CHECK(readAll(dir.path() / "stdin") == words);
  CHECK(readAll(dir.path() / "args") ==
        "-v\nen-gb\n-s\n135\n-b\n1\n-w\n" + (dir.path() / "out.wav").string() + "\n");
  CHECK_FALSE(fs::exists(dir.path() / "pwned"));

  CHECK_FALSE(runEspeak("x", (dir.path() / "o.wav").string(), error,
                        (dir.path() / "no-such-program").string()));
  CHECK(error.find("could not be started") != std::string::npos);
  CHECK_FALSE(espeakAvailable((dir.path() / "no-such-program").string()));
  CHECK(espeakAvailable(fake.string()));
}

TEST_CASE("the real espeak-ng makes a WAV the loader's probe accepts") {
  REQUIRE_MESSAGE(espeakAvailable(), "espeak-ng is installed by tools/setup.sh");
  sq::test::TempDir dir;
  const std::string wav = (dir.path() / "hello.wav").string();
  std::string error;
  REQUIRE_MESSAGE(runEspeak("Hello, Year 2.", wav, error), error);
  const std::string bytes = readAll(wav);
  CHECK(bytes.size() > 10000); // about a second of 22 kHz speech
  CHECK(sq::sniffAssetType(bytes) == sq::AssetType::Wav);
  CHECK_FALSE(narrationFileProblem(bytes).has_value());
}

TEST_CASE("recorded samples become a 16-bit mono WAV") {
  const std::vector<std::int16_t> samples = {0, 1000, -1000, 32767, -32768};
  const std::string wav = encodeWavMono16(samples, 22050);
  REQUIRE(wav.size() == 44 + 10);
  CHECK(wav.substr(0, 4) == "RIFF");
  CHECK(wav.substr(8, 8) == "WAVEfmt ");
  CHECK(wav.substr(36, 4) == "data");
  const auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(wav[at]) |
                                 (static_cast<unsigned char>(wav[at + 1]) << 8));
  };
  const auto u32 = [&](std::size_t at) { return u16(at) | (u16(at + 2) << 16); };
  CHECK(u32(4) == 36 + 10);
  CHECK(u16(20) == 1);     // PCM
  CHECK(u16(22) == 1);     // mono
  CHECK(u32(24) == 22050); // rate
  CHECK(u32(28) == 44100); // bytes a second
  CHECK(u16(34) == 16);    // bits
  CHECK(u32(40) == 10);
  CHECK(u16(44 + 6) == 32767);
  CHECK(u16(44 + 8) == 0x8000);
  CHECK(sq::sniffAssetType(wav) == sq::AssetType::Wav);
}

TEST_CASE("a chosen sound file is judged by its bytes") {
  CHECK_FALSE(narrationFileProblem(encodeWavMono16({1, 2}, 8000)).has_value());
  CHECK(narrationFileProblem("\x89PNG\r\n\x1a\n0000").value().find("PNG") != std::string::npos);
  CHECK(narrationFileProblem("hello").value().find("WAV or Ogg") != std::string::npos);
}

TEST_CASE("a new narration file has a unique name under assets/narration") {
  sq::test::TempDir dir;
  fs::create_directories(dir.path() / "assets/narration");
  std::ofstream(dir.path() / "assets/narration/s1.wav") << "x";
  CHECK(newNarrationPath(dir.str(), "s1", ".wav") == "assets/narration/s1-2.wav");
  CHECK(newNarrationPath(dir.str(), "", ".wav") == "assets/narration/narration.wav");
}

TEST_CASE("setting narration is one undoable edit that records the words") {
  PackDocument doc = PackDocument::inMemory("/nowhere");
  doc.putFile("lessons/a.json", FileState::fromValue(Json::parse(R"({"slides":[
      {"id":"a","text":"One"},
      {"id":"b","text":"Two","narration":"assets/n/b.ogg"},
      {"id":"c","text":"Three","narration":"x.wav","editor":{"positions":{},"narratedText":"3"}},
      {"id":"d","text":{"en-GB":"Hi","cy":"Helo"},"narration":{"en-GB":"hi.wav"}}]})")));
  const std::string f = "lessons/a.json";
  std::string error;
  const auto slide = [&](int i) {
    return doc.value(f)->at("slides").at(static_cast<std::size_t>(i));
  };

  auto e = setNarrationEdit(doc, f, "/slides/0", "assets/narration/one.wav", "One", error);
  REQUIRE(e.has_value());
  auto undo = applyEdit(doc, *e, error);
  REQUIRE(undo.has_value());
  CHECK(slide(0).at("narration") == "assets/narration/one.wav");
  CHECK(slide(0).at("editor").at("narratedText") == "One");
  CHECK_FALSE(narrationStale(slide(0)));
  REQUIRE(applyEdit(doc, *undo, error).has_value());
  CHECK(slide(0) == Json::parse(R"({"id":"a","text":"One"})"));

  // Replacing the core pack's kind of narration adds the record.
  e = setNarrationEdit(doc, f, "/slides/1", "assets/narration/two.wav", "Two", error);
  REQUIRE(applyEdit(doc, *e, error).has_value());
  CHECK(slide(1).at("narration") == "assets/narration/two.wav");
  CHECK(slide(1).at("editor") == Json::parse(R"({"narratedText":"Two"})"));

  // Re-made: the record is updated, other editor data kept.
  CHECK(narrationStale(slide(2)));
  e = setNarrationEdit(doc, f, "/slides/2", "assets/narration/three.wav", "Three", error);
  REQUIRE(applyEdit(doc, *e, error).has_value());
  CHECK(slide(2).at("editor") == Json::parse(R"({"positions":{},"narratedText":"Three"})"));
  CHECK_FALSE(narrationStale(slide(2)));

  // A file the teacher picked: its words are unknown, so the record goes.
  e = setNarrationEdit(doc, f, "/slides/2", "assets/narration/mine.ogg", "", error);
  REQUIRE(applyEdit(doc, *e, error).has_value());
  CHECK(slide(2).at("editor") == Json::parse(R"({"positions":{}})"));

  // Per language.
  e = setNarrationEdit(doc, f, "/slides/3", "assets/narration/helo.wav", "Helo", error, "cy");
  REQUIRE(applyEdit(doc, *e, error).has_value());
  CHECK(slide(3).at("narration") ==
        Json::parse(R"({"en-GB":"hi.wav","cy":"assets/narration/helo.wav"})"));
  CHECK(slide(3).at("editor").at("narratedText") == Json::parse(R"({"cy":"Helo"})"));

  CHECK_FALSE(setNarrationEdit(doc, f, "/slides/9", "x.wav", "", error).has_value());
}

TEST_CASE("which objects may have narration and pictures") {
  CHECK(mayHaveNarration("/promises/3"));
  CHECK(mayHaveNarration("/steps/0/slides/2"));
  CHECK(mayHaveNarration("/steps/1/nodes/0"));
  CHECK(mayHaveNarration("/steps/1/items/10"));
  CHECK(mayHaveNarration("/steps/4/steps/0"));
  CHECK_FALSE(mayHaveNarration("/steps/0"));
  CHECK_FALSE(mayHaveNarration("/steps/0/items/0/options/1"));
  CHECK_FALSE(mayHaveNarration("/steps/x/slides/2"));
  CHECK_FALSE(mayHaveNarration("/badge"));
  CHECK_FALSE(mayHaveNarration(""));
  CHECK(sq::authoring::mayHavePicture("/badge"));
  CHECK(sq::authoring::mayHavePicture("/steps/2"));
  CHECK(sq::authoring::mayHavePicture("/steps/0/items/0/options/1"));
  CHECK(sq::authoring::mayHavePicture("/steps/0/items/0/cards/1"));
  CHECK(sq::authoring::mayHavePicture("/steps/0/nodes/3/choices/0"));
  CHECK(sq::authoring::mayHavePicture("/promises/0"));
  CHECK_FALSE(sq::authoring::mayHavePicture("/steps/0/items/0/groups/1"));
  CHECK_FALSE(sq::authoring::mayHavePicture("/title"));
}
