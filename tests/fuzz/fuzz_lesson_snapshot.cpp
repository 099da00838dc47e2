// libFuzzer target: a lesson.progress snapshot -> LessonRunner::restore. Snapshots
// come back from the records store and from other PCs' files in the school folder,
// so they are outside data: whatever the bytes, restoring must not crash, and the
// runner must then still play to its end the right way (it resumed somewhere real,
// or stayed at the start). The first byte picks the lesson of the bundled core pack;
// the rest is the snapshot.
// Run: build/asan/tests/fuzz/fuzz_lesson_snapshot -dict=tests/fuzz/lesson_snapshot.dict CORPUS_DIR
#include "content/pack_loader.hpp"
#include "runtime/lesson_runner.hpp"
#include "support/play_through.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const sq::Pack& corePack() {
  static const sq::LoadResult loaded = sq::loadPack(std::string(SQ_CORE_PACK));
  if (!loaded.valid()) {
    std::fprintf(stderr, "fuzz_lesson_snapshot: the core pack did not load\n");
    std::abort();
  }
  return *loaded.pack;
}

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "fuzz_lesson_snapshot: %s\n", what);
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const sq::Pack& pack = corePack();
  if (size == 0 || pack.lessons.empty()) {
    return 0;
  }
  const sq::Lesson& lesson = pack.lessons[data[0] % pack.lessons.size()];
  const std::string snapshot(reinterpret_cast<const char*>(data) + 1, size - 1);
  sq::LessonRunner run(pack, lesson, sq::Band::Lks2, 1);
  const sq::LessonRunner::Resume how = run.restore(snapshot);
  if (how == sq::LessonRunner::Resume::Invalid && (run.stepIndex() != 0 || run.isFinished())) {
    broken("a refused snapshot moved the runner");
  }
  // Wherever it resumed, the lesson can still be played to its end.
  for (int guard = 0; !run.isFinished(); ++guard) {
    if (guard > 1000) {
      broken("the lesson never ends after a restore");
    }
    if (run.phase() == sq::LessonRunner::Phase::Step && !run.stepFinished() &&
        !sq::test::playStepThrough(run)) {
      broken("a step could not be played through after a restore");
    }
    run.advance();
  }
  return 0;
}
