#include "play/event_sink.hpp"

#include <utility>

namespace sq {

void StoreSink::begin(const EventDraft& draft, SaveTicket ticket) {
  SaveOutcome o;
  o.ticket = ticket;
  const std::optional<Event> e = mStore->record(draft, o.error);
  o.saved = e.has_value();
  if (o.saved && onSaved) {
    onSaved(*e);
  }
  mDone.push_back(std::move(o));
}

std::vector<SaveOutcome> StoreSink::poll() {
  return std::exchange(mDone, {});
}

void FunctionSink::begin(const EventDraft& draft, SaveTicket ticket) {
  SaveOutcome o;
  o.ticket = ticket;
  o.saved = mSave && mSave(draft, o.error);
  if (!o.saved && o.error.empty()) {
    o.error = "the records store refused the event";
  }
  mDone.push_back(std::move(o));
}

std::vector<SaveOutcome> FunctionSink::poll() {
  return std::exchange(mDone, {});
}

} // namespace sq
