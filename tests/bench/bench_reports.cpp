// Register-and-report benchmark. Builds, in memory (no disk, no store), a pack like
// the core one and the events of:
//   1. a school of 420 pupils x 60 events: computeRegister + reportHtml
//      (target: <= 50 ms on the reference 2-core machine);
//   2. a trust of 20,000 pupils x 60 events = 1.2 million events: the same
//      (target: <= 2 s).
// Prints the median, minimum and maximum of several runs; asserts nothing.
// Usage: bench_reports [--runs N] [--html FILE] [--csv FILE] [--xapi FILE]
//   --html/--csv/--xapi write the school's reports, to look at them.
#include "results/register.hpp"
#include "results/report_csv.hpp"
#include "results/report_html.hpp"
#include "results/report_xapi.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace sq;

namespace {

constexpr int kEventsPerPupil = 60;
constexpr int kPupilsPerClass = 30;
constexpr int kAcademicYear = 2026;

Text text(std::string s) {
  Text t;
  t.byLang.push_back({"en-GB", std::move(s)});
  return t;
}

// Seven units of three required lessons and one optional, three AUPs, one assembly.
Pack makePack() {
  Pack p;
  p.id = "core";
  p.version = "1.1.0";
  p.title = text("SafeQuest core lessons");
  p.languages = {"en-GB"};
  static const char* topics[] = {"Keep it private", "Ask first", "Be kind online",
                                 "Butterfly feelings"};
  for (int y = 0; y < 7; ++y) {
    Unit u;
    u.yearGroup = static_cast<YearGroup>(y);
    u.id = std::string(yearGroupId(u.yearGroup));
    u.title = text(std::string(yearGroupName(u.yearGroup)) + " unit");
    for (int l = 0; l < 4; ++l) {
      Lesson lesson;
      lesson.id = u.id + "-lesson-" + std::to_string(l);
      lesson.title = text(topics[l]);
      u.lessons.push_back({lesson.id, l < 3});
      p.lessons.push_back(std::move(lesson));
    }
    p.units.push_back(std::move(u));
  }
  for (int ph = 0; ph < 3; ++ph) {
    Aup a;
    a.phase = static_cast<AupPhase>(ph);
    a.id = std::string(aupPhaseId(a.phase)) + "-aup";
    a.version = "2026.1";
    a.title = text("My online promises");
    p.aups.push_back(std::move(a));
  }
  Assembly as;
  as.id = "smart-assembly";
  as.title = text("Be SMART online");
  p.assemblies.push_back(std::move(as));
  return p;
}

std::string uuid(std::mt19937_64& rng) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string s(36, '0');
  std::uint64_t a = rng(), b = rng();
  for (int i = 0, bit = 0; i < 36; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      s[static_cast<std::size_t>(i)] = '-';
      continue;
    }
    std::uint64_t& src = bit < 64 ? a : b;
    s[static_cast<std::size_t>(i)] = hex[(src >> (bit % 64)) & 15];
    bit += 4;
  }
  s[14] = '4';
  s[19] = '8';
  return s;
}

std::string timeIn(std::mt19937_64& rng) {
  // Anywhere from 2 September 2026 to 20 July 2027, in school hours.
  static const int monthDays[] = {29, 31, 30, 31, 31, 28, 31, 30, 31, 30, 20};
  const int m = static_cast<int>(rng() % 11);
  const int month = (8 + m) % 12 + 1;
  const int year = month >= 9 ? 2026 : 2027;
  const int day = 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(monthDays[m]));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00Z", year, month,
                m == 0 ? day + 1 : day, 9 + static_cast<int>(rng() % 6),
                static_cast<int>(rng() % 60));
  return buf;
}

struct School {
  Roster roster;
  std::vector<Event> events;
};

School makeSchool(int pupils, std::uint64_t seed) {
  static const char* firstNames[] = {"Amelia", "Oliver", "Siân", "Zoë",   "Mohammed", "Isla",
                                     "Noah",   "Ava",    "Leo",  "Freya", "Arthur",   "Aisha"};
  std::mt19937_64 rng(seed);
  School s;
  s.roster.settings.schoolName = "Oakfield Primary School";
  s.roster.staff = {{"staff-1", "Mrs Patel"}, {"staff-2", "Mr Jones"}};
  const int classes = (pupils + kPupilsPerClass - 1) / kPupilsPerClass;
  for (int c = 0; c < classes; ++c) {
    const int y = c * 7 / classes;
    const std::string name = (y == 0 ? std::string("R") : std::to_string(y)) +
                             static_cast<char>('A' + c % 26) +
                             (classes > 26 ? std::to_string(c / 26) : std::string());
    s.roster.classes.push_back({uuid(rng), name});
  }
  const std::string device = uuid(rng);
  std::int64_t seq = 0;
  auto add = [&](Event e) {
    e.uuid = uuid(rng);
    e.deviceId = device;
    e.seq = ++seq;
    e.packId = e.packId.empty() ? "core" : e.packId;
    e.packVersion = rng() % 4 == 0 ? "1.0.0" : "1.1.0";
    e.contentHash = "0123456789abcdef";
    s.events.push_back(std::move(e));
  };
  s.events.reserve(static_cast<std::size_t>(pupils) * kEventsPerPupil + 64);
  for (int i = 0; i < pupils; ++i) {
    const int c = i / kPupilsPerClass;
    Pupil p;
    p.id = uuid(rng);
    p.firstName = firstNames[rng() % 12];
    p.initial = std::string(1, static_cast<char>('A' + rng() % 26));
    p.classId = s.roster.classes[static_cast<std::size_t>(c)].id;
    p.yearGroup = static_cast<YearGroup>(c * 7 / classes);
    const std::string unit(yearGroupId(p.yearGroup));
    const std::string phase(aupPhaseId(aupPhaseOf(p.yearGroup)));
    int made = 0;
    // Most pupils complete most lessons; some miss one.
    for (int l = 0; l < 4; ++l) {
      if (rng() % 10 < 8) {
        Event e;
        e.kind = EventKind::LessonCompleted;
        e.pupilId = p.id;
        e.activityId = unit + "-lesson-" + std::to_string(l);
        e.timeUtc = timeIn(rng);
        add(std::move(e));
        ++made;
      }
    }
    if (rng() % 10 < 9) {
      Event e;
      e.kind = EventKind::AupSigned;
      e.pupilId = p.id;
      e.activityId = phase + "-aup";
      e.timeUtc = timeIn(rng);
      e.data = R"({"aupVersion":")" + std::string(rng() % 20 == 0 ? "2025.1" : "2026.1") +
               R"(","phase":")" + phase + R"("})";
      add(std::move(e));
      ++made;
    }
    if (rng() % 10 < 8) {
      Event e;
      e.kind = EventKind::AupParentAgreed;
      e.pupilId = p.id;
      e.activityId = phase + "-aup";
      e.timeUtc = timeIn(rng);
      e.data = R"({"aupVersion":"2026.1"})";
      add(std::move(e));
      ++made;
    }
    for (; made < kEventsPerPupil; ++made) {
      Event e;
      e.pupilId = p.id;
      e.activityId = unit + "-lesson-" + std::to_string(rng() % 4);
      e.timeUtc = timeIn(rng);
      if (made % 3 == 0) {
        e.kind = EventKind::LessonProgress;
        e.data = R"({"step":"story"})";
      } else {
        e.kind = EventKind::ActivityCompleted;
        e.data = R"({"step":"quiz"})";
        e.score = static_cast<std::int64_t>(rng() % 5);
        e.maxScore = 4;
      }
      add(std::move(e));
    }
    s.roster.pupils.push_back(std::move(p));
  }
  for (std::size_t c = 0; c < s.roster.classes.size(); ++c) {
    if (rng() % 10 < 8) {
      Event e;
      e.kind = EventKind::AupClassConfirmed;
      e.activityId = "ks2-aup";
      e.timeUtc = timeIn(rng);
      e.data = R"({"classId":")" + s.roster.classes[c].id + R"(","staffId":"staff-)" +
               std::to_string(1 + c % 2) + R"("})";
      add(std::move(e));
    }
  }
  const char* assemblyDates[] = {"2026-10-14", "2027-02-03"};
  for (const char* d : assemblyDates) {
    Event e;
    e.kind = EventKind::AssemblyGiven;
    e.activityId = "smart-assembly";
    e.timeUtc = std::string(d) + "T09:00:00Z";
    e.data = R"({"date":")" + std::string(d) + R"(","yearGroups":[],"presenter":"Mr Jones"})";
    add(std::move(e));
  }
  std::shuffle(s.events.begin(), s.events.end(), rng); // devices merge in any order
  return s;
}

struct Figures {
  double median, min, max;
};

template <typename F> Figures timeRuns(int runs, F&& f) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::string htmlPath, csvPath, xapiPath;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--html" && i + 1 < argc) {
      htmlPath = argv[++i];
    } else if (a == "--csv" && i + 1 < argc) {
      csvPath = argv[++i];
    } else if (a == "--xapi" && i + 1 < argc) {
      xapiPath = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bench_reports [--runs N] [--html FILE] [--csv FILE] "
                           "[--xapi FILE]\n");
      return 2;
    }
  }
  const Pack pack = makePack();
  const std::vector<const Pack*> packs = {&pack};

  struct Case {
    const char* name;
    int pupils;
    double targetMs;
  };
  const Case cases[] = {{"school: 420 pupils x 60 events", 420, 50.0},
                        {"trust: 20,000 pupils x 60 events", 20000, 2000.0}};
  for (const Case& c : cases) {
    const School school = makeSchool(c.pupils, 42);
    std::size_t bytes = 0;
    int complete = 0;
    const Figures compute = timeRuns(runs, [&] {
      const Register reg = computeRegister(school.events, school.roster, packs, kAcademicYear, {});
      complete = reg.school.unitComplete;
    });
    const Figures both = timeRuns(runs, [&] {
      const Register reg = computeRegister(school.events, school.roster, packs, kAcademicYear, {});
      bytes = reportHtml(reg).size();
    });
    std::printf("%s (%zu events, %d units complete)\n", c.name, school.events.size(), complete);
    std::printf("  register        median %8.1f ms  min %8.1f  max %8.1f\n", compute.median,
                compute.min, compute.max);
    std::printf("  register + HTML median %8.1f ms  min %8.1f  max %8.1f  (%zu KiB; target <= "
                "%.0f ms)\n",
                both.median, both.min, both.max, bytes / 1024, c.targetMs);
    if (c.pupils == 420) {
      const Register reg = computeRegister(school.events, school.roster, packs, kAcademicYear, {});
      HtmlReportOptions opt;
      opt.producedOn = "2027-07-20";
      if (!htmlPath.empty() && !writeFile(htmlPath, reportHtml(reg, opt))) {
        std::fprintf(stderr, "cannot write %s\n", htmlPath.c_str());
        return 2;
      }
      if (!csvPath.empty() && !writeFile(csvPath, reportCsv(reg))) {
        std::fprintf(stderr, "cannot write %s\n", csvPath.c_str());
        return 2;
      }
      if (!xapiPath.empty() && !writeFile(xapiPath, reportXapi(school.events, reg))) {
        std::fprintf(stderr, "cannot write %s\n", xapiPath.c_str());
        return 2;
      }
    }
  }
  return 0;
}
