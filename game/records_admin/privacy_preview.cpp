// Erase and retention previews (see privacy_preview.hpp).
#include "records_admin/privacy_preview.hpp"

#include "results/register.hpp"

#include <map>

namespace sq::admin {

namespace {

// Kinds as a teacher reads them, one and many, in the order they are listed.
std::pair<const char*, const char*> kindWords(EventKind k) {
  switch (k) {
  case EventKind::LessonCompleted:
    return {"lesson completed", "lessons completed"};
  case EventKind::ActivityCompleted:
    return {"lesson step finished", "lesson steps finished"};
  case EventKind::LessonProgress:
    return {"saved place in a lesson", "saved places in lessons"};
  case EventKind::AupSigned:
    return {"AUP signature", "AUP signatures"};
  case EventKind::AupParentAgreed:
    return {"parent or carer agreement", "parent or carer agreements"};
  case EventKind::AupParentWithdrawn:
    return {"parent or carer withdrawal", "parent or carer withdrawals"};
  default:
    return {"other record", "other records"};
  }
}

std::string plural(long long n, const char* one, const char* many) {
  return withCommas(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string withCommas(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out.push_back(',');
    }
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string ErasePreview::held() const {
  if (!found) {
    return "This pupil is not on the class list: SafeQuest holds nothing about them.";
  }
  if (records == 0) {
    return "SafeQuest holds their class-list entry and no records about them yet.";
  }
  std::string out = "SafeQuest holds their class-list entry and " +
                    plural(records, "record", "records") + " about them (";
  for (std::size_t i = 0; i < byKind.size(); ++i) {
    out += (i > 0 ? ", " : "") + withCommas(byKind[i].second) + " " + byKind[i].first;
  }
  return out + ").";
}

std::string ErasePreview::question() const {
  if (!found) {
    return "This pupil is not on the class list, so there is nobody to erase.";
  }
  std::string who = name + (className.empty() ? std::string() : " (" + className + ")");
  std::string out =
      "Erase " + who + "? This deletes " + plural(records, "record", "records") + " about them";
  if (!byKind.empty()) {
    out += " (";
    for (std::size_t i = 0; i < byKind.size(); ++i) {
      out += (i > 0 ? ", " : "") + withCommas(byKind[i].second) + " " + byKind[i].first;
    }
    out += ")";
  }
  out += " and takes them off the class list, on this PC and, at the next merge, on every "
         "PC. It cannot be undone.";
  return out;
}

ErasePreview previewErase(const ResultsStore& store, const std::string& pupilId) {
  ErasePreview preview;
  preview.pupilId = pupilId;
  const Roster roster = store.loadRoster();
  const Pupil* p = roster.findPupil(pupilId);
  if (p == nullptr) {
    return preview;
  }
  preview.found = true;
  preview.name = p->shortName();
  if (const SchoolClass* c = roster.findClass(p->classId)) {
    preview.className = c->name;
  }
  EventFilter filter;
  filter.pupilId = pupilId;
  std::map<const char*, int> counts;
  std::vector<std::pair<const char*, const char*>> order;
  for (const Event& e : store.events(filter)) {
    ++preview.records;
    const auto words = kindWords(e.kind);
    if (counts[words.second]++ == 0) {
      order.push_back(words);
    }
  }
  for (const auto& [one, many] : order) {
    const int n = counts[many];
    preview.byKind.emplace_back(n == 1 ? one : many, n);
  }
  return preview;
}

std::string RetentionPreview::summary() const {
  const std::string years = plural(retentionYears, "academic year", "academic years");
  const std::string before = longDate(plan.keepFrom);
  if (nothingToDo()) {
    return "Keeping " + years + ": nothing is older than " + before + ", so nothing would go.";
  }
  std::string out = "Keeping " + years + " deletes " +
                    plural(plan.events + plan.setAside, "record", "records") + " from before " +
                    before;
  if (!plan.leaversToErase.empty()) {
    out += " and erases " +
           plural(static_cast<long long>(plan.leaversToErase.size()), "pupil", "pupils") +
           " who left before then, with all their records";
  }
  return out + ".";
}

RetentionPreview previewRetention(const ResultsStore& store, int currentAcademicYear) {
  RetentionPreview preview;
  const Roster roster = store.loadRoster();
  preview.retentionYears = roster.settings.retentionYears;
  preview.plan = store.planRetention(currentAcademicYear);
  for (const std::string& id : preview.plan.leaversToErase) {
    const Pupil* p = roster.findPupil(id);
    preview.leaverNames.push_back(p != nullptr ? p->shortName() : id);
  }
  return preview;
}

RetentionPreview previewRetentionFor(const ResultsStore& store, int currentAcademicYear,
                                     int years) {
  const Roster roster = store.loadRoster();
  // planRetention keeps the saved number of years back from the year it is given;
  // moving that year by the difference counts for `years` without saving them.
  const int saved = roster.settings.retentionYears;
  RetentionPreview preview;
  preview.retentionYears = years;
  preview.plan = store.planRetention(currentAcademicYear - years + saved);
  for (const std::string& id : preview.plan.leaversToErase) {
    const Pupil* p = roster.findPupil(id);
    preview.leaverNames.push_back(p != nullptr ? p->shortName() : id);
  }
  return preview;
}

} // namespace sq::admin
