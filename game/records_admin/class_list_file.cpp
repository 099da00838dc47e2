// Reading a class-list file or OneRoster folder (see class_list_file.hpp).
#include "records_admin/class_list_file.hpp"

#include "core/bounded_file.hpp"

#include <filesystem>
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
  BoundedFile file = readFileBounded(path.string(), limit);
  switch (file.status) {
  case BoundedFileStatus::Read:
    return std::move(file.bytes);
  case BoundedFileStatus::Missing:
  case BoundedFileStatus::NotAFile:
    problem = "\"" + name + "\" could not be found, or is not a file.";
    break;
  case BoundedFileStatus::TooLarge:
    problem = "\"" + name + "\" is " + megabytes(file.size) + "; the most SafeQuest reads is " +
              megabytes(limit) + ". Is it the right file?";
    break;
  case BoundedFileStatus::CannotOpen:
    problem = "\"" + name +
              "\" could not be opened: is it open in another program, or not "
              "yours to read?";
    break;
  case BoundedFileStatus::ReadFailed:
    problem = "\"" + name + "\" could not be read to the end (a read error).";
    break;
  }
  return std::nullopt;
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
