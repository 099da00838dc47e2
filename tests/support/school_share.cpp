#include "support/school_share.hpp"

#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/sqlite_statement.hpp"
#include "results/uuid.hpp"

namespace sq::test {

bool makeSchoolShare(const std::filesystem::path& work, const std::string& share,
                     const ShareSpec& spec, std::string& error) {
  std::vector<std::string> pupils = spec.pupils;
  if (pupils.empty()) {
    for (int i = 0; i < 420; ++i) {
      pupils.push_back(newUuid());
    }
  }
  for (int d = 0; d < spec.devices; ++d) {
    auto store = ResultsStore::open((work / ("pc" + std::to_string(d))).string(), error);
    if (!store) {
      return false;
    }
    std::vector<Event> events;
    auto add = [&](Event ev) {
      ev.uuid = newUuid();
      ev.deviceId = store->deviceId();
      ev.seq = static_cast<std::int64_t>(events.size()) + 1;
      events.push_back(std::move(ev));
    };
    for (int n = d; n < spec.events; n += spec.devices) {
      Event ev;
      ev.pupilId = pupils[static_cast<std::size_t>(n) % pupils.size()];
      ev.kind = n % 6 == 5 ? EventKind::LessonCompleted : EventKind::ActivityCompleted;
      ev.packId = "core";
      ev.packVersion = "1.0.0";
      ev.activityId = "activity-" + std::to_string(n % 60);
      if (ev.kind == EventKind::ActivityCompleted) { // only a step has a score
        ev.score = n % 4;
        ev.maxScore = 4;
      }
      ev.timeUtc = "2026-10-0" + std::to_string(1 + n % 9) + "T10:00:00Z";
      add(std::move(ev));
    }
    if (d == 0) {
      for (const Event& e : spec.alsoOnFirst) {
        add(e);
      }
    }
    // Written as the PC's own records, in one transaction (recording 25,000 events
    // one durable commit at a time would take minutes); a merge would skip them, as
    // it skips any row claiming the merging store's own device id.
    sqlite3* db = store->handle();
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
      error = "PC " + std::to_string(d) + ": could not begin";
      return false;
    }
    {
      SqlStatement insert(db, kAppendEventSql);
      for (const Event& e : events) {
        bindEvent(insert, e);
        if (!insert.ok() || insert.step() != SQLITE_DONE) {
          error = "PC " + std::to_string(d) + ": " + sqlite3_errmsg(db);
          sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
          return false;
        }
        insert.reset();
      }
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      error = "PC " + std::to_string(d) + ": could not commit";
      return false;
    }
    const PublishResult r = publish(*store, share, nullptr);
    if (!r.ok) {
      error = "PC " + std::to_string(d) + ": " + r.error;
      return false;
    }
  }
  return true;
}

} // namespace sq::test
