// The editor's microphone recorder (editor/audio_recorder) on SDL's "disk" audio
// driver, which reads capture data from the file SDL_DISKAUDIOFILEIN names: what is
// recorded is exactly what the "microphone" heard, the level meter moves, and the
// recording saved as WAV (authoring/narration_tools) decodes back to the same
// samples with the game's own decoder. Each test case runs in its own process
// (doctest_discover_tests), so the driver chosen here is the one SDL starts with.
#include "audio_recorder.hpp"

#include "audio/audio_decode.hpp"
#include "authoring/narration_tools.hpp"
#include "support/temp_dir.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

TEST_CASE("audio: the recorder captures what the microphone hears, and saves it as WAV") {
  sq::test::TempDir dir;
  const std::string input = (dir.path() / "microphone.raw").string();
  std::vector<std::int16_t> heard;
  for (int i = 0; i < sq::AudioRecorder::kRate; ++i) { // one second of a rising ramp
    heard.push_back(static_cast<std::int16_t>((i * 37) % 20000 - 10000));
  }
  {
    std::ofstream out(input, std::ios::binary);
    out.write(reinterpret_cast<const char*>(heard.data()),
              static_cast<std::streamsize>(heard.size() * 2));
  }
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILEIN", input.c_str(), 1);
  ::setenv("SDL_DISKAUDIOFILE", (dir.path() / "speaker.raw").string().c_str(), 1);
  REQUIRE(SDL_Init(0) == 0);

  std::vector<std::int16_t> got;
  {
    sq::AudioRecorder recorder;
    std::string error;
    REQUIRE_MESSAGE(recorder.start(error), error);
    CHECK(recorder.recording());
    float loudest = 0.0f;
    const Uint64 until = SDL_GetTicks64() + 5000;
    while (recorder.seconds() < 0.3 && SDL_GetTicks64() < until) {
      loudest = std::max(loudest, recorder.level());
      SDL_Delay(10);
    }
    recorder.stop();
    CHECK_FALSE(recorder.recording());
    CHECK(recorder.rate() == sq::AudioRecorder::kRate);
    CHECK(recorder.seconds() >= 0.3);
    CHECK(loudest > 0.2f);
    got = recorder.samples();
  }
  SDL_Quit();
  REQUIRE(got.size() >= static_cast<std::size_t>(sq::AudioRecorder::kRate * 0.3));
  const std::size_t n = std::min(got.size(), heard.size());
  CHECK(std::equal(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(n), heard.begin()));

  const std::string wav = sq::authoring::encodeWavMono16(got, sq::AudioRecorder::kRate);
  std::string error;
  const auto pcm = sq::decodeWav(wav, sq::PcmFormat{sq::AudioRecorder::kRate, 1}, error);
  REQUIRE_MESSAGE(pcm.has_value(), error);
  CHECK(pcm->samples == got);
}
