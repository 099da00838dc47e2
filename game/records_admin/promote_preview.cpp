// The move-up preview (see promote_preview.hpp).
#include "records_admin/promote_preview.hpp"

#include "records_admin/import_preview.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "results/results_store.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace sq::admin {

namespace {

std::string pupils(int n) {
  return std::to_string(n) + (n == 1 ? " pupil" : " pupils");
}

} // namespace

std::string PromotePreview::yearLabel() const {
  const int next = (academicYear + 1) % 100;
  return std::to_string(academicYear) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::string PromotePreview::summaryText() const {
  if (!canApply()) {
    return refused;
  }
  std::string text = pupils(summary.promoted) + " move up a year group; " +
                     std::to_string(summary.left) +
                     " in Year 6 leave (kept as leavers, not deleted).";
  if (alreadyThisYear) {
    text += " The class list has ALREADY moved up for " + yearLabel() +
            ": doing it again moves everyone up a second time.";
  }
  return text;
}

PromotePreview previewPromote(const Roster& roster, std::string_view today) {
  PromotePreview preview;
  preview.before = roster;
  preview.after = roster;
  const auto date = today.size() == 10 ? parseDate(today) : std::nullopt;
  if (!date) {
    preview.refused = "Today's date could not be read, so nothing can move up.";
    return preview;
  }
  preview.academicYear = academicYearOf(*date);
  preview.alreadyThisYear = roster.settings.promotedForYear == preview.academicYear;
  preview.after = promoteYear(roster, today, &preview.summary);
  preview.after.settings.promotedForYear = preview.academicYear;

  // Class by class, from the list as it is now (before anyone moves).
  std::map<std::string, std::array<int, 7>> byClass; // class id -> pupils per year group
  for (const Pupil& p : roster.pupils) {
    if (p.archivedOn.empty()) {
      auto [it, added] = byClass.try_emplace(p.classId);
      if (added) {
        it->second.fill(0);
      }
      ++it->second[static_cast<std::size_t>(p.yearGroup)];
    }
  }
  for (const auto& [classId, counts] : byClass) {
    PromoteClassLine line;
    const SchoolClass* c = roster.findClass(classId);
    line.className = c != nullptr ? c->name : std::string("(no class)");
    for (std::size_t y = 0; y < counts.size(); ++y) {
      const int n = counts[y];
      if (n == 0) {
        continue;
      }
      line.pupils += n;
      const auto from = static_cast<YearGroup>(y);
      if (from == YearGroup::Y6) {
        line.leaving = n;
        line.moves.push_back(std::to_string(n) + " in Year 6 leave");
      } else {
        const auto to = static_cast<YearGroup>(y + 1);
        line.moves.push_back(std::to_string(n) + " from " + std::string(yearGroupName(from)) +
                             " to " + std::string(yearGroupName(to)));
      }
    }
    preview.classes.push_back(std::move(line));
  }
  std::sort(preview.classes.begin(), preview.classes.end(),
            [](const PromoteClassLine& a, const PromoteClassLine& b) {
              return a.className < b.className;
            });
  if (preview.summary.promoted + preview.summary.left == 0) {
    preview.refused = "There is no pupil on roll to move up: import a class list first.";
  }
  return preview;
}

bool applyPromote(ResultsStore& store, const PromotePreview& preview, bool again,
                  std::string& error) {
  if (!preview.canApply()) {
    error = preview.refused;
    return false;
  }
  if (preview.alreadyThisYear && !again) {
    error =
        "The class list has already moved up for " + preview.yearLabel() + "; nothing was changed.";
    return false;
  }
  if (!sameRoster(store.loadRoster(), preview.before)) {
    error = "The class list changed since this was worked out (another window or an import). "
            "Nothing was changed: look at the new numbers and confirm again.";
    return false;
  }
  std::string why;
  if (!store.saveRoster(preview.after, why)) {
    error = "Moving up could not be saved, and nothing was changed: " + why;
    return false;
  }
  return true;
}

} // namespace sq::admin
