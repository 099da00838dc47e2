// Narration for one line of a pack (a slide, a scenario node, a quiz prompt, a
// butterfly step, an AUP promise): which words it reads, whether those words have
// changed since it was made, the espeak-ng command that speaks them, the WAV file
// a microphone recording is saved as, and the undoable edit that points the line
// at a new file.
// The words a narration was made from are kept in the line's editor-only member,
// `"editor": { "narratedText": "..." }`, which the loader ignores. A line with
// narration but no narratedText (the core pack's) is never called stale.
// espeak-ng is GPL-3+, so it runs as its own program: posix_spawn with an argument
// list, the words on its standard input, never through a shell.
// Depends on: authoring/edit_ops, authoring/asset_files, core (asset_probe), POSIX spawn.
// Run off the window's thread by authoring/voice_job.
#pragma once

#include "authoring/edit_ops.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

// "/steps/0/slides/2" -> {"steps", "0", "slides", "2"} (tokens not unescaped).
std::vector<std::string> pointerTokens(const std::string& pointer);
bool isIndexToken(const std::string& token);

// Whether the object at `pointer` is a line that may have narration (content/README.md):
// "/promises/N" or "/steps/N/{slides,nodes,items,steps}/N".
bool mayHaveNarration(const std::string& pointer);

// The text member a line's narration reads: "prompt" on a quiz item, else "text";
// nullptr when the line has neither.
const Json* narratedMember(const Json& line);
// That text as a string: a plain string, or the `language` entry of a per-language
// text (its first entry when `language` is absent). Empty when there is none.
std::string lineText(const Json& line, const std::string& language = {});

// The narration file a line points at for `language` ("" for a plain path).
std::string narrationPath(const Json& line, const std::string& language = {});

// The text the narration was made from (editor.narratedText: a string, or per
// language an object), if recorded.
std::optional<std::string> narratedText(const Json& line, const std::string& language = {});

// True when the line has narration, records the words it was made from, and its
// words now differ: "The words changed since this was recorded".
bool narrationStale(const Json& line, const std::string& language = {});

// espeak-ng's argument list, as tools/narrate.sh runs it: the British voice at
// speed 135, UTF-8 text read from standard input, a WAV written to `wavPath`.
std::vector<std::string> espeakArgs(const std::string& wavPath);

// Whether espeak-ng can be found on PATH (or at `program` when it has a '/').
bool espeakAvailable(const std::string& program = "espeak-ng");

// Runs espeak-ng (argv[0] replaced by `program`), writes `text` to its standard
// input and waits at most `timeoutMs`. False with `error` set when it cannot be
// started, fails, or makes no file. When `cancel` becomes true (another thread:
// authoring/voice_job), espeak-ng is stopped at once and it returns false.
bool runEspeak(const std::string& text, const std::string& wavPath, std::string& error,
               const std::string& program = "espeak-ng", int timeoutMs = 60000,
               const std::atomic<bool>* cancel = nullptr);

// A 16-bit PCM mono WAV file (44-byte header) of `samples` at `rate` Hz.
std::string encodeWavMono16(const std::vector<std::int16_t>& samples, int rate);

// Judges a sound file's bytes with the loader's own probe (its first bytes):
// nullopt when it is WAV or Ogg Vorbis, else a sentence saying what it is.
std::optional<std::string> narrationFileProblem(std::string_view head);

// A new narration file's path: "assets/narration/<stem>.<ext>", unique (asset_files).
std::string newNarrationPath(const std::string& packFolder, const std::string& stem,
                             const std::string& extension, const std::set<std::string>& taken = {});

// Points the line at `objectPointer` in `file` to `path` (for `language`, when its
// narration is per language) and records `madeFrom` as the words it was made from
// (for a file the teacher picked, pass "" to drop any record: its words are unknown).
std::optional<Edit> setNarrationEdit(const PackDocument& doc, const std::string& file,
                                     const std::string& objectPointer, const std::string& path,
                                     const std::string& madeFrom, std::string& error,
                                     const std::string& language = {});

} // namespace sq::authoring
