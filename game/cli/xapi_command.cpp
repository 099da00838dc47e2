#include "cli/xapi_command.hpp"

#include "cli/cli_args.hpp"
#include "cli/xapi_curl.hpp"
#include "results/report_xapi.hpp"
#include "results/results_store.hpp"
#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace sq::cli {

namespace {

constexpr const char* kUsage =
    "usage: safequest-cli xapi send (--endpoint URL --auth-file FILE | --config FILE)\n"
    "                               [--homepage URL] [--batch N] [--now] [--data DIR]\n"
    "       safequest-cli xapi status [--data DIR]\n"
    "       safequest-cli xapi unpark [--data DIR]\n"
    "  send     POST the completed lessons and signed AUPs not yet sent to the LRS\n"
    "           (<endpoint>/statements); --now tries even before the back-off runs out\n"
    "  --auth-file  one line: \"Basic <base64>\" or \"key:secret\"; must not be\n"
    "           readable by other users\n"
    "  --config a JSON file {\"endpoint\", \"auth\", \"homePage\", \"batchSize\"}, the same\n"
    "           as the web build's \"xapi\" setting; also not readable by other users\n"
    "  status   how many statements are sent, already there, parked and waiting\n"
    "  unpark   put the statements the LRS refused back in the queue\n"
    "send exits 0 when nothing is left waiting, 1 when the LRS refused statements\n"
    "(parked), 2 on usage or file problems, 3 when statements wait for a later try\n";

// A secret-holding file: bounded, and (where the OS has such permissions) not
// readable by everyone, since it signs in to the school's records.
bool readSecretFile(const std::string& path, std::size_t limit, std::string& text,
                    std::string& error) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::is_regular_file(st)) {
    error = path + " is not a file that can be read";
    return false;
  }
#ifndef _WIN32
  if ((st.permissions() & fs::perms::others_read) != fs::perms::none) {
    error = path + " can be read by every user of this computer: chmod o-r " + path;
    return false;
  }
#endif
  const auto size = fs::file_size(path, ec);
  if (ec || size > limit) {
    error = path + (ec ? " cannot be read" : " is longer than " + std::to_string(limit) + " bytes");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in) {
    error = path + " cannot be read";
    return false;
  }
  text = buf.str();
  return true;
}

std::string seconds(std::int64_t s) {
  if (s >= 120) {
    return std::to_string((s + 59) / 60) + " min";
  }
  return std::to_string(s) + " s";
}

int runStatus(ResultsStore& store, std::ostream& out, std::ostream& err) {
  XapiOutbox outbox(store);
  if (!outbox.ready()) {
    err << "safequest-cli xapi status: " << outbox.problem() << "\n";
    return 2;
  }
  const XapiRetryState retry = outbox.retryState();
  out << "sent " << outbox.count(XapiOutcome::Sent) << ", already there "
      << outbox.count(XapiOutcome::AlreadyThere) << ", parked " << outbox.count(XapiOutcome::Parked)
      << ", waiting " << outbox.waitingCount() << "\n";
  if (retry.failures > 0) {
    const std::int64_t in = retry.nextTry - store.nowSeconds();
    out << "last try failed (" << retry.failures << " in a row): " << retry.lastProblem
        << "; next try " << (in > 0 ? "in " + seconds(in) : std::string("now")) << "\n";
  }
  for (const XapiParked& p : outbox.parked()) {
    out << "parked " << p.uuid << " " << p.atUtc << " " << p.reason << "\n";
  }
  return 0;
}

} // namespace

int runXapiWith(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
                HttpTransport& transport) {
  Args args;
  std::string error;
  const auto usage = [&] {
    err << kUsage;
    return 2;
  };
  if (argv.size() == 1 && (argv[0] == "--help" || argv[0] == "-h")) {
    out << kUsage;
    return 0;
  }
  if (!args.parse(argv,
                  {"--data", "--endpoint", "--auth-file", "--config", "--homepage", "--batch"},
                  {"--now"}, error) ||
      args.positional().size() != 1) {
    if (!error.empty()) {
      err << "safequest-cli xapi: " << error << "\n";
    }
    return usage();
  }
  const std::string action = args.positional()[0];
  if (action != "send" && action != "status" && action != "unpark") {
    return usage();
  }

  XapiConfig config;
  if (action == "send") {
    const bool fromFile = args.get("--config").has_value();
    if (fromFile == (args.get("--endpoint") || args.get("--auth-file"))) {
      err << "safequest-cli xapi send: give --endpoint and --auth-file, or --config\n";
      return usage();
    }
    std::string text;
    if (fromFile) {
      if (!readSecretFile(*args.get("--config"), kMaxXapiConfigBytes, text, error) ||
          !parseXapiConfig(text, config, error)) {
        err << "safequest-cli xapi send: " << error << "\n";
        return 2;
      }
    } else {
      const auto endpoint = args.get("--endpoint");
      const auto authFile = args.get("--auth-file");
      if (!endpoint || !authFile) {
        err << "safequest-cli xapi send: give both --endpoint and --auth-file\n";
        return usage();
      }
      if (!isXapiEndpoint(*endpoint, error)) {
        err << "safequest-cli xapi send: --endpoint: " << error << "\n";
        return 2;
      }
      config.endpoint = *endpoint;
      if (!readSecretFile(*authFile, kMaxXapiAuthBytes, text, error) ||
          !xapiAuthorization(text, config.authorization, error)) {
        err << "safequest-cli xapi send: " << (error.empty() ? "bad auth file" : error) << "\n";
        return 2;
      }
    }
    if (const auto home = args.get("--homepage")) {
      if (!isXapiHomePage(*home)) {
        err << "safequest-cli xapi send: --homepage is not an http(s) address\n";
        return 2;
      }
      config.homePage = *home;
    }
    if (const auto batch = args.get("--batch")) {
      int n = 0;
      std::istringstream in(*batch);
      if (!(in >> n) || !in.eof() || n < 1 || n > kMaxXapiBatch) {
        err << "safequest-cli xapi send: --batch is a number from 1 to " << kMaxXapiBatch << "\n";
        return 2;
      }
      config.batchSize = n;
    }
  }

  auto store = ResultsStore::open(args.getOr("--data", defaultDataDir()), error);
  if (!store) {
    err << "safequest-cli: " << error << "\n";
    return 2;
  }
  if (action == "status") {
    return runStatus(*store, out, err);
  }
  if (action == "unpark") {
    XapiOutbox outbox(*store);
    const std::int64_t n = outbox.count(XapiOutcome::Parked);
    if (!outbox.ready() || !outbox.unpark(error)) {
      if (!outbox.ready()) {
        error = outbox.problem();
      }
      err << "safequest-cli xapi unpark: " << error << "\n";
      return 2;
    }
    out << n << " parked statements wait again\n";
    return 0;
  }

  std::random_device device;
  std::mt19937 engine(device());
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  XapiSender sender(*store, config, [&] { return uniform(engine); });
  const XapiSendSummary s = sender.sendWaiting(transport, args.flag("--now"));
  if (s.notDue) {
    out << "not tried: the last try failed (" << s.problem << "); next try in "
        << seconds(s.nextTryIn) << ", or use --now\n";
    out << "sent 0, already there 0, left " << s.left << "\n";
    return 3;
  }
  out << "sent " << s.sent << ", already there " << s.alreadyThere << ", left " << s.left;
  if (s.left > 0 && s.nextTryIn > 0) {
    out << " (next try in " << seconds(s.nextTryIn) << ")";
  }
  out << "\n";
  if (s.parked > 0) {
    out << "parked " << s.parked << ": the LRS refused them (safequest-cli xapi status)\n";
  }
  if (s.storeError) {
    err << "safequest-cli xapi send: " << s.problem << "\n";
    return 2;
  }
  if (!s.problem.empty()) {
    err << "safequest-cli xapi send: the LRS did not take the statements: " << s.problem << "\n";
  }
  if (s.parked > 0) {
    return 1;
  }
  return s.left > 0 ? 3 : 0;
}

int runXapi(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CurlTransport transport;
  return runXapiWith(args, out, err, transport);
}

} // namespace sq::cli
