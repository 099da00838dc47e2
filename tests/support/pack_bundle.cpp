#include "support/pack_bundle.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <system_error>

namespace sq::test {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeader = "=== ";
constexpr std::string_view kExpect = "# expect:";

std::string lineMsg(int line, std::string_view what) {
  std::string m = "line " + std::to_string(line) + ": ";
  m += what;
  return m;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits off the first space-separated token.
std::string_view nextToken(std::string_view& s) {
  s = trim(s);
  const size_t end = s.find_first_of(" \t");
  std::string_view token = s.substr(0, end);
  s = end == std::string_view::npos ? std::string_view{} : trim(s.substr(end));
  return token;
}

// Bundle paths name real files on disk, so they must be plain relative paths.
std::optional<std::string> pathProblem(std::string_view path, std::size_t maxBytes) {
  if (path.empty()) {
    return "empty path";
  }
  if (path.size() > maxBytes) {
    return "path longer than " + std::to_string(maxBytes) + " bytes";
  }
  if (path.front() == '/') {
    return "absolute path";
  }
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return "path with a backslash or NUL";
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      end = path.size();
    }
    const std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") {
      return "path with an empty, '.' or '..' segment";
    }
    start = end + 1;
  }
  return std::nullopt;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// Hex digits in pairs; whitespace and "# ..." to the end of a line are ignored.
std::optional<std::string> decodeHex(std::string_view body, std::string& out) {
  out.clear();
  out.reserve(body.size() / 2);
  int high = -1;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '#') {
      const size_t nl = body.find('\n', i);
      if (nl == std::string_view::npos) {
        break;
      }
      i = nl;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    }
    const int v = hexValue(c);
    if (v < 0) {
      return "not a hex digit in a hex body";
    }
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>((high << 4) | v));
      high = -1;
    }
  }
  if (high >= 0) {
    return "odd number of hex digits";
  }
  return std::nullopt;
}

bool isBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
  }
  return true;
}

std::optional<std::uint64_t> parseSize(std::string_view s) {
  if (s.empty() || s.size() > 19) {
    return std::nullopt;
  }
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

struct Parser {
  const BundleLimits& limits;
  BundleParse result;
  std::set<std::string, std::less<>> seenPaths;
  bool stopped = false;

  void error(int line, std::string_view what) { result.errors.push_back(lineMsg(line, what)); }

  void expectation(int line, std::string_view rest) {
    if (result.bundle.expectations.size() >= limits.maxExpectations) {
      error(line, "too many expectations");
      return;
    }
    const std::string_view code = nextToken(rest);
    const std::string_view file = nextToken(rest);
    const std::string_view pointer = trim(rest);
    if (code.empty() || file.empty() || pointer.empty()) {
      error(line, "expected '# expect: <code> <file|-> <pointer|->'");
      return;
    }
    BundleExpectation e;
    e.code = std::string(code);
    e.file = file == "-" ? std::string() : std::string(file);
    e.pointer = pointer == "-" ? std::string() : std::string(pointer);
    e.line = line;
    result.bundle.expectations.push_back(std::move(e));
  }

  // Returns false when the header is unusable; its body is then skipped.
  bool header(int line, std::string_view rest, BundleEntry& entry, bool& hex) {
    hex = false;
    entry = BundleEntry{};
    entry.line = line;
    const std::string_view kind = nextToken(rest);
    std::string_view path = trim(rest);
    if (kind == "file") {
      entry.kind = BundleEntryKind::File;
      constexpr std::string_view kHex = " hex";
      if (path.size() > kHex.size() && path.substr(path.size() - kHex.size()) == kHex) {
        hex = true;
        path = trim(path.substr(0, path.size() - kHex.size()));
      }
    } else if (kind == "link") {
      entry.kind = BundleEntryKind::Link;
    } else if (kind == "dir") {
      entry.kind = BundleEntryKind::Dir;
    } else if (kind == "special") {
      entry.kind = BundleEntryKind::Special;
    } else if (kind == "big") {
      entry.kind = BundleEntryKind::Big;
      const size_t sp = path.find_last_of(" \t");
      const auto size =
          sp == std::string_view::npos ? std::nullopt : parseSize(path.substr(sp + 1));
      if (!size) {
        error(line, "expected '=== big <path> <bytes>'");
        return false;
      }
      if (*size > limits.maxBigBytes) {
        error(line, "big file over the bundle limit");
        return false;
      }
      entry.size = *size;
      path = trim(path.substr(0, sp));
    } else {
      error(line, "unknown entry kind (file, link, big, dir, special)");
      return false;
    }
    if (auto problem = pathProblem(path, limits.maxPathBytes)) {
      error(line, *problem);
      return false;
    }
    if (!seenPaths.emplace(path).second) {
      error(line, "duplicate path");
      return false;
    }
    if (result.bundle.entries.size() >= limits.maxEntries) {
      error(line, "too many entries");
      stopped = true;
      return false;
    }
    entry.path = std::string(path);
    return true;
  }

  void finish(BundleEntry& entry, bool hex, std::string_view body) {
    switch (entry.kind) {
    case BundleEntryKind::File:
      if (hex) {
        if (auto problem = decodeHex(body, entry.bytes)) {
          error(entry.line, *problem);
          return;
        }
      } else {
        entry.bytes = std::string(body);
      }
      break;
    case BundleEntryKind::Link:
      entry.bytes = std::string(body);
      break;
    case BundleEntryKind::Big:
    case BundleEntryKind::Dir:
    case BundleEntryKind::Special:
      if (!isBlank(body)) {
        error(entry.line, "this entry kind takes no body");
      }
      break;
    }
    result.bundle.entries.push_back(std::move(entry));
  }

  void run(std::string_view text) {
    if (text.size() > limits.maxInputBytes) {
      error(0, "bundle larger than the limit");
      return;
    }
    bool inPreamble = true;
    bool haveEntry = false;
    bool hex = false;
    BundleEntry entry;
    size_t bodyStart = 0;
    int lineNo = 0;
    size_t pos = 0;
    while (pos < text.size() && !stopped) {
      const size_t nl = text.find('\n', pos);
      const size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
      const std::string_view line = text.substr(pos, next - pos);
      ++lineNo;
      if (line.substr(0, kHeader.size()) == kHeader) {
        if (haveEntry) {
          finish(entry, hex, text.substr(bodyStart, pos - bodyStart));
        }
        inPreamble = false;
        haveEntry = header(lineNo, line.substr(kHeader.size()), entry, hex);
        bodyStart = next;
      } else if (inPreamble) {
        const std::string_view t = trim(line);
        if (t.substr(0, kExpect.size()) == kExpect) {
          expectation(lineNo, t.substr(kExpect.size()));
        } else if (!t.empty() && t.front() != '#') {
          error(lineNo, "only '#' lines may come before the first '=== ' header");
        }
      }
      pos = next;
    }
    if (haveEntry && !stopped) {
      finish(entry, hex, text.substr(bodyStart));
    }
  }
};

std::optional<std::string> writeFile(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) {
    return "cannot create " + file.string();
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    return "cannot write " + file.string();
  }
  return std::nullopt;
}

std::optional<std::string> makeSocket(const fs::path& file) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string p = file.string();
  if (p.size() >= sizeof(addr.sun_path)) {
    return "socket path too long: " + p;
  }
  std::memcpy(addr.sun_path, p.c_str(), p.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) {
    return "cannot create a socket";
  }
  const int rc = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr));
  ::close(fd);
  if (rc != 0) {
    return "cannot bind a socket at " + p;
  }
  return std::nullopt;
}

std::optional<std::string> materialiseEntry(const BundleEntry& e, size_t index,
                                            const fs::path& packDir, const fs::path& outsideDir) {
  std::error_code ec;
  const fs::path target = packDir / fs::path(e.path);
  if (e.kind == BundleEntryKind::Dir) {
    fs::create_directories(target, ec);
    return ec ? std::optional<std::string>("cannot create folder " + e.path) : std::nullopt;
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return "cannot create the folder of " + e.path;
  }
  switch (e.kind) {
  case BundleEntryKind::File:
    return writeFile(target, e.bytes);
  case BundleEntryKind::Big: {
    if (auto problem = writeFile(target, {})) {
      return problem;
    }
    fs::resize_file(target, e.size, ec); // sparse: no blocks are written
    return ec ? std::optional<std::string>("cannot resize " + e.path) : std::nullopt;
  }
  case BundleEntryKind::Link: {
    fs::create_directories(outsideDir, ec);
    const fs::path outside =
        fs::absolute(outsideDir, ec) / (std::to_string(index) + "-" + target.filename().string());
    if (auto problem = writeFile(outside, e.bytes.empty() ? "outside the pack\n" : e.bytes)) {
      return problem;
    }
    fs::create_symlink(outside, target, ec);
    return ec ? std::optional<std::string>("cannot link " + e.path) : std::nullopt;
  }
  case BundleEntryKind::Special:
    return makeSocket(target);
  case BundleEntryKind::Dir:
    break;
  }
  return std::nullopt;
}

} // namespace

bool Bundle::diskOnly() const {
  for (const BundleEntry& e : entries) {
    if (e.kind == BundleEntryKind::Big || e.kind == BundleEntryKind::Special) {
      return true;
    }
  }
  return false;
}

BundleParse parseBundle(std::string_view text, const BundleLimits& limits) {
  Parser parser{limits, {}, {}, false};
  parser.run(text);
  return std::move(parser.result);
}

BundleParse loadBundleFile(const std::filesystem::path& file, const BundleLimits& limits) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    BundleParse failed;
    failed.errors.push_back("cannot open " + file.string());
    return failed;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parseBundle(text, limits);
}

MemoryPackSource toMemorySource(const Bundle& bundle) {
  MemoryPackSource source;
  for (const BundleEntry& e : bundle.entries) {
    switch (e.kind) {
    case BundleEntryKind::File:
      source.addFile(e.path, e.bytes);
      break;
    case BundleEntryKind::Link:
      source.addOutsideLink(e.path);
      break;
    case BundleEntryKind::Dir:
      source.addDirectory(e.path);
      break;
    case BundleEntryKind::Big:
    case BundleEntryKind::Special:
      break;
    }
  }
  return source;
}

std::optional<std::string> materialise(const Bundle& bundle, const std::filesystem::path& packDir,
                                       const std::filesystem::path& outsideDir) {
  std::error_code ec;
  fs::create_directories(packDir, ec);
  if (ec) {
    return "cannot create " + packDir.string();
  }
  for (size_t i = 0; i < bundle.entries.size(); ++i) {
    const BundleEntry& e = bundle.entries[i];
    // parseBundle already refuses these; a hand-built Bundle might not.
    if (auto problem = pathProblem(e.path, 4096)) {
      return e.path + ": " + *problem;
    }
    if (auto problem = materialiseEntry(e, i, packDir, outsideDir)) {
      return "line " + std::to_string(e.line) + ": " + *problem;
    }
  }
  return std::nullopt;
}

ScratchDir::ScratchDir(std::string_view label) {
  static std::atomic<unsigned> counter{0};
  std::string safe;
  for (char c : label) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    safe += ok ? c : '_';
  }
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  for (int attempt = 0; attempt < 100; ++attempt) {
    mPath = (ec ? fs::path("/tmp") : base) /
            ("sq-" + safe.substr(0, 40) + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    std::error_code createEc;
    if (fs::create_directory(mPath, createEc)) {
      return;
    }
  }
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(mPath, ec);
}

DiskPack::DiskPack(const Bundle& bundle, std::string_view label)
    : mScratch(label), mPackDir(mScratch.path() / "pack") {
  mError = materialise(bundle, mPackDir, mScratch.path() / "outside");
}

std::string_view orDash(std::string_view s) {
  return s.empty() ? std::string_view("-") : s;
}

} // namespace sq::test
