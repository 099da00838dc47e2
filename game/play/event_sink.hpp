// Where recorded events go. A sink starts a save and reports its outcome later,
// so a store that answers at once (SQLite on the desktop) and one that answers on
// a later frame (the browser's IndexedDB) look the same to the Recorder.
// Depends on: results/results_store (EventDraft, Event, ResultsStore).
#pragma once

#include "results/results_store.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sq {

// Names one save, from begin() to its outcome.
using SaveTicket = std::uint64_t;

struct SaveOutcome {
  SaveTicket ticket = 0;
  bool saved = false;
  std::string error; // the store's reason when not saved
};

class EventSink {
public:
  virtual ~EventSink() = default;
  // Starts saving `draft`. Its outcome comes back from a later poll() (which may be
  // the very next call) under `ticket`. "Saved" must mean durable.
  virtual void begin(const EventDraft& draft, SaveTicket ticket) = 0;
  // The outcomes of saves finished since the last call, oldest first.
  virtual std::vector<SaveOutcome> poll() = 0;
};

// The desktop sink: ResultsStore::record, which returns once the commit is on disk,
// so every save is finished by the next poll().
class StoreSink : public EventSink {
public:
  explicit StoreSink(ResultsStore& store) : mStore(&store) {}
  void begin(const EventDraft& draft, SaveTicket ticket) override;
  std::vector<SaveOutcome> poll() override;
  // Called with each event as stored (its uuid, sequence number and time).
  std::function<void(const Event&)> onSaved;

private:
  ResultsStore* mStore;
  std::vector<SaveOutcome> mDone;
};

// A sink over a function that saves one draft and returns whether it was kept,
// with the reason when not.
class FunctionSink : public EventSink {
public:
  using Save = std::function<bool(const EventDraft&, std::string& error)>;
  explicit FunctionSink(Save save) : mSave(std::move(save)) {}
  void begin(const EventDraft& draft, SaveTicket ticket) override;
  std::vector<SaveOutcome> poll() override;

private:
  Save mSave;
  std::vector<SaveOutcome> mDone;
};

} // namespace sq
