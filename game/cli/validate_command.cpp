#include "cli/validate_command.hpp"

#include "content/pack_loader.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace sq::cli {

namespace {

nlohmann::ordered_json toJson(const std::string& path, const LoadResult& r) {
  nlohmann::ordered_json diags = nlohmann::ordered_json::array();
  for (const Diagnostic& d : r.diagnostics) {
    diags.push_back({{"severity", severityName(d.severity)},
                     {"code", codeId(d.code)},
                     {"file", d.file},
                     {"pointer", d.pointer},
                     {"message", d.message}});
  }
  return {{"path", path},       {"id", r.packId},         {"valid", r.errors == 0},
          {"errors", r.errors}, {"warnings", r.warnings}, {"diagnostics", std::move(diags)}};
}

} // namespace

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool json = false;
  std::vector<std::string> paths;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a.size() > 1 && a[0] == '-') {
      err << "safequest-cli validate: unknown option " << a << "\n";
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    err << "usage: safequest-cli validate [--json] PACK_FOLDER...\n";
    return 2;
  }
  bool missing = false;
  bool refused = false;
  nlohmann::ordered_json report = {{"packs", nlohmann::ordered_json::array()}};
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
      err << "safequest-cli validate: " << path << ": no such file or folder\n";
      missing = true;
      continue;
    }
    const LoadResult r = loadPack(path);
    refused = refused || r.errors > 0;
    if (json) {
      report["packs"].push_back(toJson(path, r));
      continue;
    }
    for (const Diagnostic& d : r.diagnostics) {
      out << formatDiagnostic(d) << "\n";
    }
    // The summary goes to stderr so stdout stays one diagnostic per line.
    out.flush();
    err << path << ": " << (r.errors > 0 ? "refused" : "valid") << ", " << r.errors
        << (r.errors == 1 ? " error, " : " errors, ") << r.warnings
        << (r.warnings == 1 ? " warning\n" : " warnings\n");
  }
  if (json) {
    out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  if (missing) {
    return 2;
  }
  return refused ? 1 : 0;
}

} // namespace sq::cli
