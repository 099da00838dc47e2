#include "results/class_records.hpp"

#include "results/civil_time.hpp"
#include "results/event_payload.hpp"

#include <algorithm>

namespace sq {

std::optional<AupSigning> latestAupSigning(const std::vector<Event>& pupilEvents,
                                           const std::string& aupVersion, const std::string& phase,
                                           const std::string& fromUtc, const std::string& toUtc) {
  std::optional<AupSigning> out;
  for (const Event& e : pupilEvents) {
    if (e.kind != EventKind::AupSigned || e.timeUtc < fromUtc ||
        (!toUtc.empty() && e.timeUtc >= toUtc)) {
      continue;
    }
    const auto data = payloadAs<AupSignedData>(e);
    if (!data || data->aupVersion != aupVersion ||
        (data->phase && !phase.empty() && aupPhaseId(*data->phase) != phase)) {
      continue;
    }
    if (out && out->timeUtc >= e.timeUtc) {
      continue;
    }
    AupSigner by = AupSigner::Pupil;
    if (data->signedBy == SignedBy::Teacher) {
      by = data->wholeClass ? AupSigner::TeacherInClass : AupSigner::Teacher;
    }
    out = AupSigning{by, e.timeUtc};
  }
  return out;
}

std::map<std::pair<std::string, std::string>, std::string>
lessonsTaughtToClass(const std::vector<Event>& events, const std::string& classId) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  for (const Event& e : events) {
    if (e.kind != EventKind::LessonCompleted) {
      continue;
    }
    const auto data = payloadAs<LessonCompletedData>(e);
    if (!data || !data->wholeClass || data->classId != classId || classId.empty()) {
      continue;
    }
    std::string& newest = out[{e.packId, e.activityId}];
    newest = std::max(newest, e.timeUtc);
  }
  return out;
}

std::vector<HelpPress> helpPresses(const std::vector<Event>& events) {
  std::vector<HelpPress> presses;
  std::vector<HelpAskedData> marks;
  std::vector<std::string> markTimes;
  for (const Event& e : events) {
    if (e.kind != EventKind::HelpAsked) {
      continue;
    }
    // An undecodable payload still counts as a press: it must never be hidden.
    const HelpAskedData d = payloadOrEmpty<HelpAskedData>(e);
    if (d.closedQuickly) {
      marks.push_back(d);
      markTimes.push_back(e.timeUtc);
    } else {
      presses.push_back(HelpPress{e.timeUtc, d.classId, false, {}});
    }
  }
  std::sort(presses.begin(), presses.end(),
            [](const HelpPress& a, const HelpPress& b) { return a.timeUtc < b.timeUtc; });
  for (std::size_t m = 0; m < marks.size(); ++m) {
    const auto it = std::find_if(presses.begin(), presses.end(), [&](const HelpPress& p) {
      return !p.closedQuickly && p.classId == marks[m].classId && p.timeUtc == marks[m].askedAt;
    });
    if (it != presses.end()) {
      it->closedQuickly = true;
      it->closedAt = markTimes[m];
    } else {
      presses.push_back(HelpPress{marks[m].askedAt, marks[m].classId, true, markTimes[m]});
    }
  }
  std::stable_sort(presses.begin(), presses.end(),
                   [](const HelpPress& a, const HelpPress& b) { return a.timeUtc < b.timeUtc; });
  return presses;
}

std::string dayAndMonth(std::string_view isoDate) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto d = parseDate(isoDate.substr(0, 10));
  if (!d || isoDate.size() < 10) {
    return std::string(isoDate);
  }
  return std::to_string(d->day) + " " + kMonths[d->month - 1];
}

} // namespace sq
