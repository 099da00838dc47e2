#include "authoring/narration_tools.hpp"

#include "authoring/asset_files.hpp"
#include "core/asset_probe.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace sq::authoring {

namespace {

constexpr const char* kEditorKey = "editor";
constexpr const char* kNarratedKey = "narratedText";

// A text value (plain, or per language) as one string for `language`.
std::string textFor(const Json& value, const std::string& language) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_object() && !value.empty()) {
    if (!language.empty()) {
      const auto it = value.find(language);
      return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
    const Json& first = *value.begin();
    return first.is_string() ? first.get<std::string>() : std::string();
  }
  return {};
}

void putLE(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
}

} // namespace

std::vector<std::string> pointerTokens(const std::string& pointer) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < pointer.size() && pointer[at] == '/') {
    const std::size_t next = std::min(pointer.find('/', at + 1), pointer.size());
    out.push_back(pointer.substr(at + 1, next - at - 1));
    at = next;
  }
  return out;
}

bool isIndexToken(const std::string& token) {
  return !token.empty() && token.size() < 10 &&
         token.find_first_not_of("0123456789") == std::string::npos;
}

bool mayHaveNarration(const std::string& pointer) {
  const std::vector<std::string> t = pointerTokens(pointer);
  if (t.size() == 2) {
    return t[0] == "promises" && isIndexToken(t[1]);
  }
  return t.size() == 4 && t[0] == "steps" && isIndexToken(t[1]) && isIndexToken(t[3]) &&
         (t[2] == "slides" || t[2] == "nodes" || t[2] == "items" || t[2] == "steps");
}

const Json* narratedMember(const Json& line) {
  if (!line.is_object()) {
    return nullptr;
  }
  for (const char* key : {"prompt", "text"}) {
    const auto it = line.find(key);
    if (it != line.end()) {
      return &*it;
    }
  }
  return nullptr;
}

std::string lineText(const Json& line, const std::string& language) {
  const Json* member = narratedMember(line);
  return member != nullptr ? textFor(*member, language) : std::string();
}

std::string narrationPath(const Json& line, const std::string& language) {
  if (!line.is_object()) {
    return {};
  }
  const auto it = line.find("narration");
  return it != line.end() ? textFor(*it, language) : std::string();
}

std::optional<std::string> narratedText(const Json& line, const std::string& language) {
  if (!line.is_object()) {
    return std::nullopt;
  }
  const auto editor = line.find(kEditorKey);
  if (editor == line.end() || !editor->is_object()) {
    return std::nullopt;
  }
  const auto made = editor->find(kNarratedKey);
  if (made == editor->end() || !(made->is_string() || made->is_object())) {
    return std::nullopt;
  }
  if (made->is_object() && !language.empty() && made->find(language) == made->end()) {
    return std::nullopt;
  }
  return textFor(*made, language);
}

bool narrationStale(const Json& line, const std::string& language) {
  if (narrationPath(line, language).empty()) {
    return false;
  }
  const auto made = narratedText(line, language);
  return made.has_value() && *made != lineText(line, language);
}

std::vector<std::string> espeakArgs(const std::string& wavPath) {
  return {"espeak-ng", "-v", "en-gb", "-s", "135", "-b", "1", "-w", wavPath};
}

bool espeakAvailable(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

bool runEspeak(const std::string& text, const std::string& wavPath, std::string& error,
               const std::string& program, int timeoutMs, const std::atomic<bool>* cancel) {
  // The words go in through a temporary file opened as its standard input: no pipe
  // to fill up, no shell to interpret them.
  std::error_code ec;
  const fs::path textFile =
      fs::temp_directory_path(ec) / ("safequest-words-" + std::to_string(::getpid()) + "-" +
                                     fs::path(wavPath).filename().string() + ".txt");
  {
    std::string writeError;
    fs::remove(textFile, ec);
    if (!writeNewAsset(textFile.parent_path().string(), textFile.filename().string(), text,
                       writeError)) {
      error = "could not prepare the words for espeak-ng: " + writeError;
      return false;
    }
  }
  std::vector<std::string> args = espeakArgs(wavPath);
  args[0] = program;
  std::vector<char*> argv;
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, textFile.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    fs::remove(textFile, ec);
    error = "espeak-ng could not be started: is it installed?";
    return false;
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  bool finished = false;
  while (!finished) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) {
      finished = true;
    } else if (std::chrono::steady_clock::now() > deadline ||
               (cancel != nullptr && cancel->load())) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      fs::remove(textFile, ec);
      fs::remove(wavPath, ec); // whatever it had written so far
      error = cancel != nullptr && cancel->load() ? "the computer voice was stopped"
                                                  : "espeak-ng took too long and was stopped";
      return false;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  fs::remove(textFile, ec);
  // 127: posix_spawnp's child could not run the program (glibc reports it this way).
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127
                ? "espeak-ng could not be started: is it installed?"
                : "espeak-ng failed to make the narration";
    return false;
  }
  if (!fs::is_regular_file(wavPath, ec) || fs::file_size(wavPath, ec) <= 44) {
    error = "espeak-ng made no sound for these words";
    return false;
  }
  return true;
}

std::string encodeWavMono16(const std::vector<std::int16_t>& samples, int rate) {
  const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
  const auto r = static_cast<std::uint32_t>(rate);
  std::string out;
  out.reserve(44 + dataBytes);
  out += "RIFF";
  putLE(out, 36 + dataBytes, 4);
  out += "WAVEfmt ";
  putLE(out, 16, 4); // the fmt chunk's size
  putLE(out, 1, 2);  // PCM
  putLE(out, 1, 2);  // mono
  putLE(out, r, 4);
  putLE(out, r * 2, 4); // bytes a second
  putLE(out, 2, 2);     // bytes a frame
  putLE(out, 16, 2);    // bits a sample
  out += "data";
  putLE(out, dataBytes, 4);
  for (const std::int16_t s : samples) {
    putLE(out, static_cast<std::uint16_t>(s), 2);
  }
  return out;
}

std::optional<std::string> narrationFileProblem(std::string_view head) {
  const AssetType type = sniffAssetType(head);
  if (isAudioType(type)) {
    return std::nullopt;
  }
  if (type == AssetType::Unknown) {
    return std::string("This is not a sound SafeQuest can play: choose a WAV or Ogg Vorbis file.");
  }
  return "This is a " + std::string(assetTypeName(type)) +
         " file, not a sound: choose a WAV or Ogg Vorbis file.";
}

std::string newNarrationPath(const std::string& packFolder, const std::string& stem,
                             const std::string& extension, const std::set<std::string>& taken) {
  return uniqueAssetPath(packFolder, "assets/narration", fileStem(stem, "narration"), extension,
                         taken);
}

std::optional<Edit> setNarrationEdit(const PackDocument& doc, const std::string& file,
                                     const std::string& objectPointer, const std::string& path,
                                     const std::string& madeFrom, std::string& error,
                                     const std::string& language) {
  const Json* root = doc.value(file);
  const Json* line = root != nullptr ? findPointer(*root, objectPointer) : nullptr;
  if (line == nullptr || !line->is_object()) {
    error = "There is nothing at " + file + objectPointer + " to narrate.";
    return std::nullopt;
  }
  Edit edit{"Set narration", {}};
  const std::string narrationPointer = appendPointer(objectPointer, "narration");
  const auto narration = line->find("narration");
  const bool perLanguage = narration != line->end() && narration->is_object() && !language.empty();
  std::size_t nextIndex = line->size();
  if (perLanguage) {
    if (narration->find(language) != narration->end()) {
      edit.ops.push_back(EditOp::set(file, appendPointer(narrationPointer, language), path));
    } else {
      edit.ops.push_back(
          EditOp::insertMember(file, narrationPointer, language, narration->size(), path));
    }
  } else if (narration != line->end()) {
    edit.ops.push_back(EditOp::set(file, narrationPointer, path));
  } else {
    edit.ops.push_back(EditOp::insertMember(file, objectPointer, "narration", nextIndex++, path));
  }

  // The record of the words, kept beside it in the editor-only member.
  const auto editor = line->find(kEditorKey);
  const std::string editorPointer = appendPointer(objectPointer, kEditorKey);
  if (editor == line->end() || !editor->is_object()) {
    if (madeFrom.empty()) {
      return edit;
    }
    Json made = perLanguage ? Json::object({{language, madeFrom}}) : Json(madeFrom);
    Json fresh = Json::object({{kNarratedKey, made}});
    if (editor != line->end()) {
      edit.ops.push_back(EditOp::set(file, editorPointer, fresh));
    } else {
      edit.ops.push_back(EditOp::insertMember(file, objectPointer, kEditorKey, nextIndex, fresh));
    }
    return edit;
  }
  const std::string madePointer = appendPointer(editorPointer, kNarratedKey);
  const auto made = editor->find(kNarratedKey);
  const bool exists = made != editor->end();
  if (perLanguage) {
    Json record = exists && made->is_object() ? *made : Json::object();
    if (madeFrom.empty()) {
      record.erase(language);
    } else {
      record[language] = madeFrom;
    }
    if (exists) {
      edit.ops.push_back(EditOp::set(file, madePointer, record));
    } else if (!madeFrom.empty()) {
      edit.ops.push_back(
          EditOp::insertMember(file, editorPointer, kNarratedKey, editor->size(), record));
    }
  } else if (madeFrom.empty()) {
    if (exists) {
      edit.ops.push_back(EditOp::removeMember(file, editorPointer, kNarratedKey));
    }
  } else if (exists) {
    edit.ops.push_back(EditOp::set(file, madePointer, madeFrom));
  } else {
    edit.ops.push_back(
        EditOp::insertMember(file, editorPointer, kNarratedKey, editor->size(), madeFrom));
  }
  return edit;
}

} // namespace sq::authoring
