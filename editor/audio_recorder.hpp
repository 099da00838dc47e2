// Recording a teacher's voice from the microphone with SDL audio capture
// (SDL_OpenAudioDevice with iscapture=1): 16-bit mono at 22,050 Hz, the rate of the
// core pack's narration, kept in memory until the teacher uses it. The level
// (the loudest sample of the last moment) drives a meter so a teacher sees the
// microphone hears them. A recording stops by itself at the length limit.
// Threads: SDL's capture callback appends under SDL_LockAudioDevice; everything
// else is called from the main thread.
// Headless tests use SDL's "disk" driver, which reads capture data from the file
// named by SDL_DISKAUDIOFILEIN.
// Depends on: SDL2 (inside the .cpp only).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sq {

class AudioRecorder {
public:
  static constexpr int kRate = 22050;
  static constexpr double kMaxSeconds = 300.0; // five minutes: far longer than one line

  AudioRecorder() = default;
  ~AudioRecorder();
  AudioRecorder(const AudioRecorder&) = delete;
  AudioRecorder& operator=(const AudioRecorder&) = delete;

  // Opens the default microphone and starts; false with `error` when there is none.
  bool start(std::string& error);
  // Stops and closes the device; the samples stay until the next start.
  void stop();
  bool recording() const { return mDevice != 0; }

  double seconds() const;
  // 0..1: the loudest recent sample, for the level meter.
  float level() const;
  bool reachedLimit() const;
  // What was recorded (after stop(), or so far).
  std::vector<std::int16_t> samples() const;
  int rate() const { return mRate; }

private:
  static void callback(void* self, std::uint8_t* stream, int len);

  std::uint32_t mDevice = 0;
  int mRate = kRate;
  std::vector<std::int16_t> mSamples;
  float mLevel = 0.0f;
  bool mOpenedSubsystem = false;
};

} // namespace sq
