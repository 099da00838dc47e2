// Reading a class-list file or OneRoster folder (see class_list_file.hpp).
#include "records_admin/class_list_file.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>

namespace sq::admin {

namespace {

namespace fs = std::filesystem;

std::string megabytes(std::uintmax_t bytes) {
  const std::uintmax_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  const std::string whole = std::to_string(tenths / 10);
  return tenths % 10 == 0 ? whole + " MB" : whole + "." + std::to_string(tenths % 10) + " MB";
}

// The whole file, refusing before reading one byte past `limit`; nullopt with
// `problem` in plain words when it cannot be read.
std::optional<std::string> readLimited(const fs::path& path, std::uintmax_t limit,
                                       std::string& problem) {
  const std::string name = path.filename().string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    problem = "\"" + name + "\" could not be found, or is not a file.";
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    problem = "\"" + name + "\" could not be read (" + ec.message() + ").";
    return std::nullopt;
  }
  const auto tooBig = [&](std::uintmax_t bytes) {
    problem = "\"" + name + "\" is " + megabytes(bytes) + "; the most SafeQuest reads is " +
              megabytes(limit) + ". Is it the right file?";
  };
  if (size > limit) {
    tooBig(size);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = "\"" + name +
              "\" could not be opened: is it open in another program, or not "
              "yours to read?";
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size));
  // The size was checked, but the file may grow meanwhile: stop soon after the limit.
  std::array<char, 64 * 1024> buffer{};
  while (in && bytes.size() <= limit) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    problem = "\"" + name + "\" could not be read to the end (a read error).";
    return std::nullopt;
  }
  if (bytes.size() > limit) {
    tooBig(bytes.size());
    return std::nullopt;
  }
  return bytes;
}

} // namespace

ClassListFile readClassListFile(const std::string& path, const ImportLimits& limits) {
  ClassListFile out;
  out.path = path;
  const fs::path source(path);
  std::error_code ec;
  if (path.empty()) {
    out.problem = "No file was chosen.";
    return out;
  }
  if (fs::is_directory(source, ec)) {
    out.oneRoster = true;
    const fs::path named = source.filename().empty() ? source.parent_path() : source;
    out.shownName = named.filename().string() + "/ (OneRoster)";
    OneRosterFiles files;
    for (const auto& [file, target] :
         {std::pair<const char*, std::string*>{"users.csv", &files.users},
          {"classes.csv", &files.classes},
          {"enrollments.csv", &files.enrollments}}) {
      if (!fs::exists(source / file, ec)) {
        out.problem = "This folder is not a OneRoster export: it has no " + std::string(file) +
                      ". Choose the folder that holds users.csv, classes.csv and "
                      "enrollments.csv, or an MIS class-list file (.csv).";
        return out;
      }
      const auto bytes = readLimited(source / file, limits.maxFileBytes, out.problem);
      if (!bytes) {
        return out;
      }
      *target = *bytes;
    }
    out.result = importOneRoster(files, limits);
    return out;
  }
  out.shownName = source.filename().string();
  if (!fs::exists(source, ec)) {
    out.problem = "\"" + out.shownName + "\" could not be found: was it moved or renamed?";
    return out;
  }
  const auto bytes = readLimited(source, limits.maxFileBytes, out.problem);
  if (!bytes) {
    return out;
  }
  MisCsvOptions options;
  options.fileName = out.shownName;
  options.limits = limits;
  out.result = importMisCsv(*bytes, options);
  return out;
}

std::string refusedLineText(const ImportError& e) {
  std::string text = e.file.empty() ? std::string("The file") : e.file;
  if (e.line > 0) {
    text += ", line " + std::to_string(e.line);
  }
  return text + ": " + e.message;
}

} // namespace sq::admin
