// Sections:
//   1. statements: the SQL of the decision and of quarantine and held rows
//   2. the decision: one offered row
//   3. held rows: keeping aside and releasing
//   4. the teacher's side: listing and resolving
#include "results/merge_rows.hpp"

#include "results/sqlite_statement.hpp"

#include <sqlite3.h>

#include <optional>
#include <string_view>

namespace sq {

namespace {

// ---- statements -------------------------------------------------------------------

// Every field of an event, for finding the very same version (NULL scores match
// NULL ones), bound by bindEvent.
#define SQ_SAME_VERSION                                                                            \
  "uuid = ?1 AND device_id = ?2 AND seq = ?3 AND pupil_id = ?4 AND kind = ?5 AND pack_id = ?6 "    \
  "AND pack_version = ?7 AND content_hash = ?8 AND activity_id = ?9 AND score IS ?10 AND "         \
  "max_score IS ?11 AND choices = ?12 AND time_utc = ?13 AND data = ?14"

constexpr const char* kLocalSource = "local";

std::string dbError(sqlite3* db, const std::string& what) {
  return what + ": " + sqlite3_errmsg(db);
}

bool sameVersion(const Event& a, const Event& b) {
  return a.uuid == b.uuid && a.deviceId == b.deviceId && a.seq == b.seq && a.pupilId == b.pupilId &&
         a.kind == b.kind && a.packId == b.packId && a.packVersion == b.packVersion &&
         a.contentHash == b.contentHash && a.activityId == b.activityId && a.score == b.score &&
         a.maxScore == b.maxScore && a.choices == b.choices && a.timeUtc == b.timeUtc &&
         a.data == b.data;
}

// What two clashing versions share.
std::string clash(const Event& a, const Event& b) {
  const bool uuid = a.uuid == b.uuid;
  const bool slot = a.deviceId == b.deviceId && a.seq == b.seq;
  if (uuid && slot) {
    return "the same uuid, device and sequence number as a different version";
  }
  return uuid ? "the same uuid as a different event"
              : "the same device and sequence number as a different event";
}

// Runs a statement that returns no rows; false when it fails.
bool run(SqlStatement& s) {
  const int rc = s.step();
  s.reset();
  return rc == SQLITE_DONE;
}

} // namespace

struct RowMerger::Statements {
  explicit Statements(sqlite3* d)
      : db(d),
        byUuid(d,
               (std::string("SELECT ") + kEventColumns + " FROM events WHERE uuid = ?1").c_str()),
        bySlot(d, (std::string("SELECT ") + kEventColumns +
                   " FROM events WHERE device_id = ?1 AND seq = ?2")
                      .c_str()),
        relayedSource(d, "SELECT source FROM relayed WHERE uuid = ?1"),
        markRelayed(d, "INSERT OR REPLACE INTO relayed(uuid, source) VALUES (?1, ?2)"),
        unmarkRelayed(d, "DELETE FROM relayed WHERE uuid = ?1"), insertEvent(d, kAppendEventSql),
        deleteEvent(d, "DELETE FROM events WHERE uuid = ?1"),
        quarantined(d, "SELECT id, dropped, own FROM quarantine WHERE " SQ_SAME_VERSION),
        rivals(d, "SELECT own, pupil_id, kind FROM quarantine WHERE dropped = 0 AND (uuid = ?1 "
                  "OR (device_id = ?2 AND seq = ?3))"),
        quarantine(d, "INSERT INTO quarantine(uuid, device_id, seq, pupil_id, kind, pack_id, "
                      "pack_version, content_hash, activity_id, score, max_score, choices, "
                      "time_utc, data, source, own, seen_utc, reason, dropped) VALUES (?1, ?2, "
                      "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                      "?19)"),
        unquarantine(d, "DELETE FROM quarantine WHERE id = ?1"),
        held(d, "SELECT id FROM held WHERE " SQ_SAME_VERSION),
        hold(d, "INSERT INTO held(uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
                "content_hash, activity_id, score, max_score, choices, time_utc, data, source, "
                "seen_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                "?15, ?16)"),
        pupilKnown(d, "SELECT 1 FROM pupils WHERE id = ?1"),
        // Driven by the class list (CROSS JOIN keeps pupils the outer loop: one
        // index probe per pupil), so a long list of held rows for pupils still
        // unknown is never read through.
        releasable(d, "SELECT h.uuid, h.device_id, h.seq, h.pupil_id, h.kind, h.pack_id, "
                      "h.pack_version, h.content_hash, h.activity_id, h.score, h.max_score, "
                      "h.choices, h.time_utc, h.data, h.id, h.source FROM pupils p CROSS JOIN "
                      "held h ON h.pupil_id = p.id LIMIT ?1"),
        release(d, "DELETE FROM held WHERE id = ?1") {}

  bool ok() const {
    for (const SqlStatement* s :
         {&byUuid, &bySlot, &relayedSource, &markRelayed, &unmarkRelayed, &insertEvent,
          &deleteEvent, &quarantined, &rivals, &quarantine, &unquarantine, &held, &hold,
          &pupilKnown, &releasable, &release}) {
      if (!s->ok()) {
        return false;
      }
    }
    return true;
  }

  sqlite3* db;
  SqlStatement byUuid;
  SqlStatement bySlot;
  SqlStatement relayedSource;
  SqlStatement markRelayed;
  SqlStatement unmarkRelayed;
  SqlStatement insertEvent;
  SqlStatement deleteEvent;
  SqlStatement quarantined;
  SqlStatement rivals;
  SqlStatement quarantine;
  SqlStatement unquarantine;
  SqlStatement held;
  SqlStatement hold;
  SqlStatement pupilKnown;
  SqlStatement releasable;
  SqlStatement release;
};

namespace {

// The one stored event the statement finds, if any.
std::optional<Event> findEvent(SqlStatement& s) {
  std::optional<Event> found;
  if (s.step() == SQLITE_ROW) {
    found = readEvent(s);
  }
  s.reset();
  return found;
}

} // namespace

bool isOwnSnapshot(const std::string& sourceFile, const std::string& deviceId) {
  return !deviceId.empty() && sourceFile == deviceId + ".sqlite";
}

RowMerger::RowMerger(sqlite3* db, std::string localDevice, std::string nowUtc)
    : mS(std::make_unique<Statements>(db)), mLocal(std::move(localDevice)),
      mNow(std::move(nowUtc)) {
  mOk = mS->ok();
  SqlStatement any(db, "SELECT EXISTS(SELECT 1 FROM pupils)");
  mHasClassList = any.ok() && any.step() == SQLITE_ROW && any.integer(0) != 0;
}

RowMerger::~RowMerger() = default;

// ---- the decision -----------------------------------------------------------------

namespace {

// A stored version an offered row clashes with.
struct Rival {
  Event event;
  bool own = false;   // from its device's own snapshot, or recorded here
  bool local = false; // recorded on this PC
  std::string source;
};

// Puts a version in quarantine unless that very version is there already.
bool putAside(RowMerger::Statements& s, const Event& e, const std::string& source, bool own,
              const std::string& now, const std::string& reason, bool dropped) {
  bindEvent(s.quarantined, e);
  const int rc = s.quarantined.step();
  s.quarantined.reset();
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc != SQLITE_DONE) {
    return false;
  }
  bindEvent(s.quarantine, e);
  s.quarantine.bind(15, source);
  s.quarantine.bind(16, std::int64_t{own ? 1 : 0});
  s.quarantine.bind(17, now);
  s.quarantine.bind(18, reason);
  s.quarantine.bind(19, std::int64_t{dropped ? 1 : 0});
  return run(s.quarantine);
}

// Moves a stored event from events into quarantine.
bool moveAside(RowMerger::Statements& s, const Rival& r, const std::string& now,
               const std::string& reason, bool dropped) {
  if (!putAside(s, r.event, r.source, r.own, now, reason, dropped)) {
    return false;
  }
  s.deleteEvent.bind(1, r.event.uuid);
  s.unmarkRelayed.bind(1, r.event.uuid);
  return run(s.deleteEvent) && run(s.unmarkRelayed);
}

Rival storedRival(RowMerger::Statements& s, Event e, const std::string& localDevice) {
  Rival r;
  r.local = e.deviceId == localDevice;
  s.relayedSource.bind(1, e.uuid);
  const bool relayed = s.relayedSource.step() == SQLITE_ROW;
  r.source = relayed ? s.relayedSource.text(0) : std::string();
  s.relayedSource.reset();
  r.own = r.local || !relayed;
  if (r.local) {
    r.source = kLocalSource;
  } else if (r.own) {
    r.source = e.deviceId + ".sqlite";
  } else if (r.source.empty()) {
    r.source = "an earlier merge";
  }
  r.event = std::move(e);
  return r;
}

} // namespace

RowOutcome RowMerger::offer(const Event& e, const std::string& sourceFile, std::string& error,
                            const ErasedTest& erased) {
  Statements& s = *mS;
  const auto failed = [&] {
    error = dbError(s.db, "could not merge");
    return RowOutcome::Failed;
  };
  if (!mOk) {
    return failed();
  }
  const bool own = isOwnSnapshot(sourceFile, e.deviceId);
  s.byUuid.bind(1, e.uuid);
  std::optional<Event> byUuid = findEvent(s.byUuid);
  if (byUuid && sameVersion(*byUuid, e)) {
    // Known already. Seen in its device's own snapshot, it is no longer only relayed.
    if (own) {
      s.unmarkRelayed.bind(1, e.uuid);
      if (!run(s.unmarkRelayed)) {
        return failed();
      }
    }
    return RowOutcome::Known;
  }
  s.bySlot.bind(1, e.deviceId);
  s.bySlot.bind(2, e.seq);
  std::optional<Event> bySlot = findEvent(s.bySlot);
  if (bySlot && byUuid && bySlot->uuid == byUuid->uuid) {
    bySlot.reset();
  }
  // This very version kept aside before: reported again, never added twice. Seen
  // now in its device's own snapshot, it is decided afresh with that standing.
  bindEvent(s.quarantined, e);
  if (s.quarantined.step() == SQLITE_ROW) {
    const std::int64_t id = s.quarantined.integer(0);
    const bool dropped = s.quarantined.integer(1) != 0;
    const bool wasOwn = s.quarantined.integer(2) != 0;
    s.quarantined.reset();
    if (dropped) {
      return RowOutcome::PassedBy;
    }
    if (!own || wasOwn) {
      return RowOutcome::Conflict;
    }
    s.unquarantine.bind(1, id);
    if (!run(s.unquarantine)) {
      return failed();
    }
  }
  s.quarantined.reset();
  // A row claiming this PC's id that clashes with nothing is not one of its records
  // (those are all here) and could take a sequence number it needs.
  if (e.deviceId == mLocal && !byUuid && !bySlot) {
    return RowOutcome::PassedBy;
  }

  // A stored row the tombstones are about to remove holds its keys until then,
  // whatever the order of the rows (so the sliced and one-shot merges agree).
  const auto doomed = [&](const std::string& pupil, std::string_view kind) {
    return erased && !pupil.empty() && kind != eventKindId(EventKind::PupilErased) && erased(pupil);
  };
  std::vector<Rival> stored;
  for (auto* found : {&byUuid, &bySlot}) {
    if (*found) {
      if (doomed((*found)->pupilId, eventKindId((*found)->kind))) {
        return RowOutcome::PassedBy;
      }
      stored.push_back(storedRival(s, std::move(**found), mLocal));
    }
  }
  bool anyRival = !stored.empty();
  bool ownRival = false;
  bool localRival = false;
  for (const Rival& r : stored) {
    ownRival = ownRival || r.own;
    localRival = localRival || r.local;
  }
  // Versions already in quarantine count as rivals too: a third version must not
  // slip in because the first two were both put aside.
  s.rivals.bind(1, e.uuid);
  s.rivals.bind(2, e.deviceId);
  s.rivals.bind(3, e.seq);
  int rc = SQLITE_ROW;
  while ((rc = s.rivals.step()) == SQLITE_ROW) {
    if (doomed(s.rivals.text(1), s.rivals.text(2))) {
      continue;
    }
    anyRival = true;
    ownRival = ownRival || s.rivals.integer(0) != 0;
  }
  s.rivals.reset();
  if (rc != SQLITE_DONE) {
    return failed();
  }

  const auto add = [&]() -> RowOutcome {
    if (mHasClassList && !e.pupilId.empty() && e.kind != EventKind::PupilErased) {
      s.pupilKnown.bind(1, e.pupilId);
      const int known = s.pupilKnown.step();
      s.pupilKnown.reset();
      if (known != SQLITE_ROW) {
        bindEvent(s.held, e);
        const int again = s.held.step();
        s.held.reset();
        if (again == SQLITE_DONE) {
          bindEvent(s.hold, e);
          s.hold.bind(15, sourceFile);
          s.hold.bind(16, mNow);
          if (!run(s.hold)) {
            return failed();
          }
        } else if (again != SQLITE_ROW) {
          return failed();
        }
        return RowOutcome::Held;
      }
    }
    bindEvent(s.insertEvent, e);
    if (!run(s.insertEvent)) {
      return failed();
    }
    SqlStatement& mark = own ? s.unmarkRelayed : s.markRelayed;
    mark.bind(1, e.uuid);
    if (!own) {
      mark.bind(2, sourceFile);
    }
    return run(mark) ? RowOutcome::Added : failed();
  };
  if (!anyRival) {
    return add();
  }

  const std::string source = sourceFile.empty() ? std::string("an unnamed snapshot") : sourceFile;
  const Event& first = stored.empty() ? e : stored.front().event;
  const std::string what = stored.empty() ? std::string("clashes with versions kept aside before")
                                          : "has " + clash(e, first);
  if (localRival) {
    // This PC's own records outrank everything.
    return putAside(s, e, source, own, mNow, what + " recorded on this PC", false)
               ? RowOutcome::Conflict
               : failed();
  }
  if (own && !ownRival) {
    for (const Rival& r : stored) {
      if (!moveAside(s, r, mNow,
                     "has " + clash(r.event, e) + " from the device's own snapshot " + source,
                     false)) {
        return failed();
      }
    }
    const RowOutcome added = add();
    return added == RowOutcome::Added  ? RowOutcome::Replaced
           : added == RowOutcome::Held ? RowOutcome::Conflict
                                       : added;
  }
  if (!own && ownRival) {
    return putAside(s, e, source, own, mNow,
                    what + "; outranked by a version from the device's own snapshot", false)
               ? RowOutcome::Conflict
               : failed();
  }
  // Neither side, or both, from the device's own snapshot: neither is counted.
  const std::string standing = own ? "; both came from the device's own snapshot"
                                   : "; neither came from the device's own snapshot";
  if (!putAside(s, e, source, own, mNow, what + standing, false)) {
    return failed();
  }
  for (const Rival& r : stored) {
    if (!moveAside(s, r, mNow, "has " + clash(r.event, e) + " in " + source + standing, false)) {
      return failed();
    }
  }
  return RowOutcome::Conflict;
}

// ---- held rows --------------------------------------------------------------------

int RowMerger::releaseHeld(int limit, int& added, std::string& error) {
  Statements& s = *mS;
  if (!mOk) {
    error = dbError(s.db, "could not merge");
    return -1;
  }
  struct Row {
    Event event;
    std::int64_t id = 0;
    std::string source;
  };
  std::vector<Row> rows;
  s.releasable.bind(1, std::int64_t{limit});
  int rc = SQLITE_ROW;
  while ((rc = s.releasable.step()) == SQLITE_ROW) {
    rows.push_back({readEvent(s.releasable), s.releasable.integer(14), s.releasable.text(15)});
  }
  s.releasable.reset();
  if (rc != SQLITE_DONE) {
    error = dbError(s.db, "could not merge");
    return -1;
  }
  for (const Row& r : rows) {
    s.release.bind(1, r.id);
    if (!run(s.release)) {
      error = dbError(s.db, "could not merge");
      return -1;
    }
    const RowOutcome o = offer(r.event, r.source, error);
    if (o == RowOutcome::Failed) {
      return -1;
    }
    added += o == RowOutcome::Added || o == RowOutcome::Replaced ? 1 : 0;
  }
  return static_cast<int>(rows.size());
}

// ---- the teacher's side -----------------------------------------------------------

std::vector<QuarantineEntry> readQuarantine(sqlite3* db) {
  std::vector<QuarantineEntry> out;
  SqlStatement s(db, (std::string("SELECT ") + kEventColumns +
                      ", id, source, own, seen_utc, reason FROM quarantine WHERE dropped = 0 "
                      "ORDER BY uuid, device_id, seq, id")
                         .c_str());
  while (s.ok() && s.step() == SQLITE_ROW) {
    QuarantineEntry q;
    q.event = readEvent(s);
    q.id = s.integer(14);
    q.source = s.text(15);
    q.own = s.integer(16) != 0;
    q.seenUtc = s.text(17);
    q.reason = s.text(18);
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<HeldEntry> readHeld(sqlite3* db) {
  std::vector<HeldEntry> out;
  SqlStatement s(db, (std::string("SELECT ") + kEventColumns +
                      ", source, seen_utc FROM held ORDER BY pupil_id, time_utc, id")
                         .c_str());
  while (s.ok() && s.step() == SQLITE_ROW) {
    HeldEntry h;
    h.event = readEvent(s);
    h.source = s.text(14);
    h.seenUtc = s.text(15);
    out.push_back(std::move(h));
  }
  return out;
}

bool keepQuarantinedVersion(sqlite3* db, const std::string& localDevice, std::int64_t id,
                            const std::string& nowUtc, std::string& error) {
  std::optional<QuarantineEntry> kept;
  for (auto& q : readQuarantine(db)) {
    if (q.id == id) {
      kept = std::move(q);
    }
  }
  if (!kept) {
    error = "no open conflict has the number " + std::to_string(id);
    return false;
  }
  const Event& x = kept->event;
  if (x.deviceId == localDevice) {
    error = "that version claims this PC's own id; its own records are never replaced";
    return false;
  }
  RowMerger::Statements s(db);
  if (!s.ok()) {
    error = dbError(db, "records store");
    return false;
  }
  const std::string why = "dropped when version " + std::to_string(id) + " was kept";
  s.byUuid.bind(1, x.uuid);
  std::optional<Event> byUuid = findEvent(s.byUuid);
  s.bySlot.bind(1, x.deviceId);
  s.bySlot.bind(2, x.seq);
  std::optional<Event> bySlot = findEvent(s.bySlot);
  for (auto* found : {&byUuid, &bySlot}) {
    if (!*found) {
      continue;
    }
    const Rival r = storedRival(s, **found, localDevice);
    if (r.local) {
      error = "that version clashes with a record made on this PC, which is never replaced";
      return false;
    }
    s.byUuid.bind(1, r.event.uuid);
    if (findEvent(s.byUuid) && !moveAside(s, r, nowUtc, why, true)) {
      error = dbError(db, "could not keep the version");
      return false;
    }
  }
  SqlStatement drop(db, "UPDATE quarantine SET dropped = 1 WHERE dropped = 0 AND id <> ?1 AND "
                        "(uuid = ?2 OR (device_id = ?3 AND seq = ?4))");
  drop.bind(1, id);
  drop.bind(2, x.uuid);
  drop.bind(3, x.deviceId);
  drop.bind(4, x.seq);
  s.unquarantine.bind(1, id);
  bindEvent(s.insertEvent, x);
  // Kept by the teacher: it stands as a device's own record from now on.
  s.unmarkRelayed.bind(1, x.uuid);
  if (!drop.ok() || !run(drop) || !run(s.unquarantine) || !run(s.insertEvent) ||
      !run(s.unmarkRelayed)) {
    error = dbError(db, "could not keep the version");
    return false;
  }
  return true;
}

} // namespace sq
