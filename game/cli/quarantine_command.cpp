#include "cli/quarantine_command.hpp"

#include "cli/cli_args.hpp"
#include "results/results_store.hpp"

#include <cstdlib>

namespace sq::cli {

namespace {

std::optional<std::int64_t> parseId(const std::string& s) {
  if (s.empty() || s.size() > 18) {
    return std::nullopt;
  }
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (end == nullptr || *end != '\0' || v <= 0) {
    return std::nullopt;
  }
  return v;
}

} // namespace

int runQuarantine(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  const auto usage = [&] {
    err << "usage: safequest-cli quarantine list [--data DIR]\n"
           "       safequest-cli quarantine keep ID [--data DIR]\n"
           "(list: 0 nothing waits, 1 conflicts wait; keep: 0 kept, 1 refused)\n";
    return 2;
  };
  if (!args.parse(argv, {"--data"}, {}, error) || args.positional().empty()) {
    return usage();
  }
  const std::string action = args.positional()[0];
  if (!(action == "list" && args.positional().size() == 1) &&
      !(action == "keep" && args.positional().size() == 2)) {
    return usage();
  }
  auto store = ResultsStore::open(args.getOr("--data", defaultDataDir()), error);
  if (!store) {
    err << "safequest-cli: " << error << "\n";
    return 2;
  }
  if (action == "keep") {
    const auto id = parseId(args.positional()[1]);
    if (!id) {
      return usage();
    }
    if (!store->keepQuarantined(*id, error)) {
      err << "safequest-cli quarantine: " << error << "\n";
      return 1;
    }
    out << "kept version " << *id << "; every other version of it is dropped\n";
    return 0;
  }
  const auto entries = store->quarantine();
  for (const auto& q : entries) {
    const Event& e = q.event;
    out << q.id << "\t" << e.uuid << "\t" << e.deviceId << "#" << e.seq << "\t"
        << eventKindId(e.kind) << "\t" << e.pupilId << "\t" << e.timeUtc << "\tfrom " << q.source
        << (q.own ? " (its device's own)" : "") << "\tseen " << q.seenUtc << "\t" << q.reason
        << "\n";
  }
  out << entries.size() << " versions in quarantine\n";
  return entries.empty() ? 0 : 1;
}

} // namespace sq::cli
