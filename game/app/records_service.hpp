// The game's records side, which App delegates to: the records store, the one
// Recorder every recorded action goes through (over the store's StoreSink), the
// class list, the event queries the screens make, and publishing this PC's records
// to the school folder; it is the screens' RecordsAccess (ui/services), with the
// content packs' catalog the app hands it once they are loaded. No window, no screens.
// Before the store is open (the first frames), or when it could not be opened, a
// save fails with the reason and stays queued, as any failed save does.
// Depends on: results (store, roster, school folder), play (recorder, sinks),
// content (Catalog), ui/services.
#pragma once

#include "content/pack_catalog.hpp"
#include "play/event_sink.hpp"
#include "play/flushed_sink.hpp"
#include "play/recorder.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "results/xapi_pump.hpp"

#include "ui/services.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sq {

// What the butterfly screens show on this PC: the safeguarding lead and incident
// steps the school set in the teachers' app (`published`, from the signed class
// list) where it set them, else this machine's own (`local`); the school's name
// likewise; term dates and retention stay this machine's. Words a teacher could not have typed
// there (over 200 bytes, a control character, not UTF-8, more than 20 steps, an empty step) are not
// shown: that part is refused, keeping this machine's own, with the reason added to
// `refused` ("" when all was taken).
SchoolSettings schoolSettingsForGame(const SchoolSettings& published, const SchoolSettings& local,
                                     std::string& refused);

class RecordsService final : public RecordsAccess {
public:
  RecordsService();
  RecordsService(const RecordsService&) = delete;
  RecordsService& operator=(const RecordsService&) = delete;

  // In the browser a commit is not yet durable: with `flush` set (before open()),
  // a save counts only once it has copied the files on (play/flushed_sink).
  void setFileFlush(FileFlush* flush) { mFileFlush = flush; }
  // Opens the store in `dir`. false, with the reason kept for the teacher.
  bool open(const std::string& dir, std::string& error, const StoreOptions& options = {});
  ResultsStore* store() { return mStore.get(); }
  const ResultsStore* store() const { return mStore.get(); }
  // Why the store could not be opened ("" when it is open or not tried yet).
  const std::string& storeError() const { return mStoreError; }

  Recorder& recorder() override { return mRecorder; }
  const Recorder& recorder() const override { return mRecorder; }
  // Collects the saves finished since the last call and starts the next ones (each
  // frame). true when any event's state changed, so the screen is drawn again.
  bool pump();
  // A save is on its way (a sink that answers later): the frame loop should not
  // sleep until input.
  bool saving() const { return !mRecorder.allSaved() && !mRecorder.stalled(); }

  // The class list: the school folder's classlist.json when `schoolFolder` is set
  // and readable, else the store's.
  void loadRoster(const std::string& schoolFolder);
  const Roster& roster() const override { return mRoster; }
  std::string rosterSource() const override { return mRosterFrom; }

  std::vector<Event> pupilEvents(const std::string& pupilId) const override;
  // Events of one kind about a class or the school, not a pupil.
  std::vector<Event> classEvents(EventKind kind) const override;

  // The content packs, once loaded (nullptr until then).
  void setCatalog(Catalog catalog) { mCatalog = std::move(catalog); }
  const Catalog* catalog() const override { return mCatalog ? &*mCatalog : nullptr; }

  // The butterfly button: records help.asked for the class (never the pupil) through
  // the recorder, like every record: refused, it stays queued and is saved later.
  // Nothing for "" (a guest, or nobody known). Recorded at once, at `nowSeconds`, so
  // a real request is in the records even if the game then quits; returns the time
  // it was recorded at ("" when nothing was), which a quick-close mark names.
  std::string helpAsked(const std::string& classId, std::int64_t nowSeconds);

  // Tries again anything not yet saved, then publishes this PC's records to
  // `schoolFolder` (nothing when it is ""). Quiet: a failure is logged.
  void share(const std::string& schoolFolder);
  // share() to the school folder the configuration names now (`schoolFolder`,
  // asked at the time).
  void setSchoolFolder(std::function<std::string()> schoolFolder) {
    mSchoolFolder = std::move(schoolFolder);
  }
  void shareRecords() override { share(mSchoolFolder ? mSchoolFolder() : std::string()); }
  ResultsStore* resultsStore() override { return mStore.get(); }
  void reloadRoster() override { loadRoster(mSchoolFolder ? mSchoolFolder() : std::string()); }

  // Sending to a learning record store, after open(): `settingsPath` is the web
  // build's safequest-config.json (no file: nothing is sent), `transport` the
  // page's fetch(). pump() then sends a step a frame. A bad file is refused, with
  // the file's name and the field in xapiSettingsProblem().
  void startXapi(const std::string& settingsPath, AsyncHttpTransport& transport);
  std::optional<XapiSendingStatus> xapiSending() const override;
  std::string xapiSettingsProblem() const override { return mXapiProblem; }
  void xapiSendNow() override;

private:
  // The recorder's sink: the store's StoreSink once the store is open; until then
  // every save is refused with the reason. Failures are logged.
  class Sink final : public EventSink {
  public:
    explicit Sink(RecordsService& owner) : mOwner(&owner) {}
    void begin(const EventDraft& draft, SaveTicket ticket) override;
    std::vector<SaveOutcome> poll() override;

  private:
    RecordsService* mOwner;
    std::vector<SaveOutcome> mRefused;
  };

  std::unique_ptr<ResultsStore> mStore;
  std::unique_ptr<StoreSink> mStoreSink;
  FileFlush* mFileFlush = nullptr;
  std::unique_ptr<FlushedSink> mFlushedSink; // over mStoreSink, when mFileFlush is set
  EventSink* savingSink() const {
    return mFlushedSink ? static_cast<EventSink*>(mFlushedSink.get()) : mStoreSink.get();
  }
  std::string mStoreError;
  Sink mSink;
  Recorder mRecorder; // after mSink, which it uses
  Roster mRoster;
  std::string mRosterFrom;
  std::optional<Catalog> mCatalog;
  std::function<std::string()> mSchoolFolder;
  std::unique_ptr<XapiPump> mXapi; // after mStore, which it uses
  std::string mXapiProblem;
};

} // namespace sq
