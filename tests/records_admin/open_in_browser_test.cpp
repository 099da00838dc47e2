// "Open it in the web browser": the opener is found on PATH and started without a
// shell, with exactly the file's file:// address; with no opener, words saying so.
#include "records_admin/file_url.hpp"
#include "records_admin/open_in_browser.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace sq;
using sq::test::TempDir;
namespace fs = std::filesystem;

#if !defined(_WIN32)
namespace {

// A fake opener that writes how many arguments it had, then each on a line.
void fakeOpener(const fs::path& bin, const fs::path& record) {
  fs::create_directories(bin);
  const fs::path opener = bin / admin::openerName();
  std::ofstream(opener) << "#!/bin/sh\n{ echo \"$#\"; for a in \"$@\"; do echo \"$a\"; done; } > '"
                        << record.string() << ".tmp' && mv '" << record.string() << ".tmp' '"
                        << record.string() << "'\n";
  fs::permissions(opener, fs::perms::owner_all);
}

std::string waitForFile(const fs::path& p) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!fs::exists(p) && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("open in browser: the opener first on PATH gets exactly the file's address") {
  TempDir dir;
  const fs::path record = dir.path() / "asked.txt";
  fakeOpener(dir.path() / "bin", record);
  // A name a shell would act on: nothing here may run it.
  const fs::path folder = dir.path() / "Year 4 #1; $(touch pwned) 'q'";
  fs::create_directories(folder);
  const std::string file = (folder / "r\u00e9sum\u00e9.html").string();
  std::ofstream(file) << "<html></html>";

  const std::string path =
      (dir.path() / "empty").string() + ":" + (dir.path() / "bin").string() + ":/usr/bin:/bin";
  CHECK(admin::findOpener(path) == (dir.path() / "bin" / admin::openerName()).string());
  const admin::OpenOutcome out = admin::openInBrowser(file, path);
  REQUIRE(out.ok);
  CHECK(out.url == admin::fileUrl(file));
  CHECK(out.url.find(' ') == std::string::npos);
  CHECK(out.url.find("%23") != std::string::npos);
  CHECK(waitForFile(record) == "1\n" + admin::fileUrl(file) + "\n");
  CHECK_FALSE(fs::exists("pwned"));
  CHECK_FALSE(fs::exists(folder / "pwned"));
}

TEST_CASE("open in browser: no opener on PATH, or one that cannot run, is said in words") {
  TempDir dir;
  const std::string file = (dir.path() / "report.html").string();
  CHECK(admin::findOpener((dir.path() / "nothing-here").string()).empty());
  admin::OpenOutcome out = admin::openInBrowser(file, (dir.path() / "nothing-here").string());
  CHECK_FALSE(out.ok);
  CHECK(out.message == "This computer has no program to open the web browser with (" +
                           admin::openerName() + " was not found): open " + file +
                           " in a web browser yourself");
  // Not executable: passed over.
  fs::create_directories(dir.path() / "bin");
  std::ofstream(dir.path() / "bin" / admin::openerName()) << "#!/bin/sh\n";
  fs::permissions(dir.path() / "bin" / admin::openerName(), fs::perms::owner_read);
  CHECK(admin::findOpener((dir.path() / "bin").string()).empty());
  // A folder of that name: passed over too.
  fs::create_directories(dir.path() / "bin2" / admin::openerName());
  CHECK(admin::findOpener((dir.path() / "bin2").string()).empty());
}
#endif
