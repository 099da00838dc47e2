// Pack bundles: a whole content pack in one readable text file, for the bad-content
// fixtures (tests/fixtures/), the CLI tests and the pack-loader fuzzer.
//
//   # expect: <code> <file> <pointer>     file "-": the pack itself; pointer "-": whole file
//   # any other comment
//   === file pack.json                    the lines up to the next "=== " are its bytes
//   { ... }
//   === file assets/pic.png hex           body is hex bytes; whitespace and "# ..." ignored
//   89 50 4e 47 0d 0a 1a 0a
//   === link lessons/x.json               a symlink to a file outside the pack; the body,
//                                         if any, is that outside file's bytes
//   === big assets/huge.bin 209715200     a sparse file of that size (disk only)
//   === dir empty/folder                  an empty folder
//   === special assets/sock               a Unix socket, i.e. not a file (disk only)
//
// Parsing never throws and is linear in the input, so the fuzzer can feed it anything.
// Depends on: content/pack_files (sq_logic), std.
#pragma once

#include "content/pack_files.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::test {

enum class BundleEntryKind { File, Link, Big, Dir, Special };

struct BundleEntry {
  BundleEntryKind kind = BundleEntryKind::File;
  std::string path;       // relative to the pack root, '/'-separated
  std::string bytes;      // File: its bytes; Link: the outside target's bytes
  std::uint64_t size = 0; // Big only
  int line = 0;           // of the header, for messages
};

struct BundleExpectation {
  std::string code;    // a stable code from diagnostic_codes.hpp
  std::string file;    // "" for the pack itself ("-" in the bundle)
  std::string pointer; // "" for the whole file ("-" in the bundle)
  int line = 0;
};

struct Bundle {
  std::vector<BundleExpectation> expectations;
  std::vector<BundleEntry> entries;

  // True when some entry (big, special) exists only on disk, so a MemoryPackSource
  // built from the bundle would not be the same pack.
  bool diskOnly() const;
};

struct BundleLimits {
  std::size_t maxInputBytes = 64u * 1024 * 1024;
  std::size_t maxEntries = 20000;
  std::size_t maxExpectations = 1000;
  std::size_t maxPathBytes = 1024;
  std::uint64_t maxBigBytes = 1ull << 30; // a sparse file costs no disk, but stay sane
};

struct BundleParse {
  Bundle bundle;                   // what could be read, even when there are errors
  std::vector<std::string> errors; // "line N: what is wrong"
  bool ok() const { return errors.empty(); }
};

// Never throws; time and memory are linear in text.size().
BundleParse parseBundle(std::string_view text, const BundleLimits& limits = {});

// Reads and parses a bundle file; an unreadable file is reported in errors.
BundleParse loadBundleFile(const std::filesystem::path& file, const BundleLimits& limits = {});

// The bundle as an in-memory pack. Big and special entries are left out (see diskOnly).
MemoryPackSource toMemorySource(const Bundle& bundle);

// Writes the bundle into packDir (created if missing; should be empty). Link targets
// are written in outsideDir, which must not be inside packDir. Returns an error
// message, or nullopt on success.
std::optional<std::string> materialise(const Bundle& bundle, const std::filesystem::path& packDir,
                                       const std::filesystem::path& outsideDir);

// A fresh, uniquely named folder under the system temp folder, removed with
// everything in it on destruction. Safe for tests running in parallel.
class ScratchDir {
public:
  explicit ScratchDir(std::string_view label);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return mPath; }

private:
  std::filesystem::path mPath;
};

// A bundle materialised in a ScratchDir: <scratch>/pack and <scratch>/outside.
class DiskPack {
public:
  DiskPack(const Bundle& bundle, std::string_view label);
  const std::filesystem::path& packDir() const { return mPackDir; }
  const std::optional<std::string>& error() const { return mError; }

private:
  ScratchDir mScratch;
  std::filesystem::path mPackDir;
  std::optional<std::string> mError;
};

// "-" for an empty file or pointer, as in "# expect:" lines.
std::string_view orDash(std::string_view s);

} // namespace sq::test
