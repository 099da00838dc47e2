#include "app/records_service.hpp"

#include "core/bounded_file.hpp"
#include "core/utf8.hpp"
#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_trust.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <utility>

namespace sq {

namespace {

// The School tab's own limits (records_admin/school_settings_edit): a name or a
// step is at most 200 bytes, at most 20 steps.
constexpr std::size_t kMaxWords = 200;
constexpr std::size_t kMaxSteps = 20;

// Why `text` could not have been typed in the School tab ("" when it could).
std::string wordsProblem(const std::string& text) {
  if (text.size() > kMaxWords) {
    return "longer than 200 bytes";
  }
  if (!isValidUtf8(text)) {
    return "not UTF-8 text";
  }
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      return "holds a control character";
    }
  }
  return {};
}

} // namespace

SchoolSettings schoolSettingsForGame(const SchoolSettings& published, const SchoolSettings& local,
                                     std::string& refused) {
  refused.clear();
  const auto refuse = [&](const std::string& why) {
    refused += (refused.empty() ? "" : "; ") + why;
  };
  SchoolSettings out = local; // term dates, retention: this machine's own
  if (!published.schoolName.empty()) {
    out.schoolName = published.schoolName;
  }
  if (!published.safeguardingLead.empty()) {
    const std::string why = wordsProblem(published.safeguardingLead);
    if (why.empty()) {
      out.safeguardingLead = published.safeguardingLead;
    } else {
      refuse("the safeguarding lead's name is " + why + ", so this PC's own is shown");
    }
  }
  std::string stepsWhy;
  if (published.incidentSteps.size() > kMaxSteps) {
    stepsWhy = "there are more than 20 incident steps";
  }
  for (std::size_t i = 0; i < published.incidentSteps.size() && stepsWhy.empty(); ++i) {
    const std::string& step = published.incidentSteps[i];
    const std::string why = step.empty() ? std::string("empty") : wordsProblem(step);
    if (!why.empty()) {
      stepsWhy = "incident step " + std::to_string(i + 1) + " is " + why;
    }
  }
  if (!stepsWhy.empty()) {
    refuse(stepsWhy + ", so this PC's own steps are shown");
  } else if (!published.incidentSteps.empty()) {
    out.incidentSteps = published.incidentSteps;
  }
  return out;
}

RecordsService::RecordsService() : mSink(*this), mRecorder(mSink) {}

void RecordsService::Sink::begin(const EventDraft& draft, SaveTicket ticket) {
  if (mOwner->mStoreSink) {
    mOwner->savingSink()->begin(draft, ticket);
    return;
  }
  const std::string& why = mOwner->mStoreError;
  mRefused.push_back({ticket, false, why.empty() ? "the records store is not open" : why});
}

std::vector<SaveOutcome> RecordsService::Sink::poll() {
  std::vector<SaveOutcome> out = std::exchange(mRefused, {});
  if (mOwner->mStoreSink) {
    std::vector<SaveOutcome> stored = mOwner->savingSink()->poll();
    out.insert(out.end(), stored.begin(), stored.end());
  }
  for (const SaveOutcome& o : out) {
    if (!o.saved) {
      std::fprintf(stderr, "safequest: a record was not saved: %s\n", o.error.c_str());
    }
  }
  return out;
}

bool RecordsService::open(const std::string& dir, std::string& error, const StoreOptions& options) {
  mXapi.reset();
  mFlushedSink.reset();
  mStoreSink.reset();
  mStore = ResultsStore::open(dir, error, options);
  mStoreError = mStore ? std::string() : error;
  if (mStore) {
    mStoreSink = std::make_unique<StoreSink>(*mStore);
    if (mFileFlush != nullptr) {
      mFlushedSink = std::make_unique<FlushedSink>(*mStoreSink, *mFileFlush);
    }
  }
  return mStore != nullptr;
}

bool RecordsService::pump() {
  const std::size_t saved = mRecorder.savedCount();
  const std::size_t queued = mRecorder.unsaved().size();
  const bool stalled = mRecorder.stalled();
  mRecorder.pump();
  const bool sent = mXapi && mXapi->step();
  if (sent && mFileFlush != nullptr) {
    mFileFlush->filesChanged(); // a reload must not find a sent statement waiting again
  }
  return sent || saved != mRecorder.savedCount() || queued != mRecorder.unsaved().size() ||
         stalled != mRecorder.stalled();
}

void RecordsService::startXapi(const std::string& settingsPath, AsyncHttpTransport& transport) {
  mXapi.reset();
  mXapiProblem.clear();
  if (!mStore || settingsPath.empty()) {
    return;
  }
  const std::string name = std::filesystem::path(settingsPath).filename().string();
  const BoundedFile file = readFileBounded(settingsPath, kMaxXapiConfigBytes);
  if (file.status == BoundedFileStatus::Missing) {
    return; // the school set nothing: nothing is sent
  }
  std::optional<XapiConfig> config;
  std::string error;
  if (file.status == BoundedFileStatus::TooLarge) {
    error = "the file is longer than " + std::to_string(kMaxXapiConfigBytes) + " bytes";
  } else if (file.status != BoundedFileStatus::Read) {
    error = "the file could not be read";
  } else {
    parseWebConfig(file.bytes, config, error);
  }
  if (!error.empty()) {
    mXapiProblem = name + ": " + error;
    std::fprintf(stderr, "safequest: results are not sent: %s\n", mXapiProblem.c_str());
    return;
  }
  if (!config) {
    return;
  }
  // The back-off's jitter only spreads PCs out; it need not be secret.
  auto engine = std::make_shared<std::mt19937>(std::random_device{}());
  mXapi = std::make_unique<XapiPump>(*mStore, std::move(*config), transport, [engine] {
    return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
  });
}

std::optional<XapiSendingStatus> RecordsService::xapiSending() const {
  if (!mXapi) {
    return std::nullopt;
  }
  return mXapi->status();
}

void RecordsService::xapiSendNow() {
  if (mXapi) {
    mXapi->sendNow();
  }
}

void RecordsService::loadRoster(const std::string& schoolFolder) {
  mRoster = Roster{};
  mRosterFrom.clear();
  Roster local;
  if (mStore) {
    local = mStore->loadRoster();
  }
  if (!schoolFolder.empty() && mStore) {
    // Only a list signed by the teacher's key counts; a refused one leaves this PC
    // with the last it accepted, and erased pupils are left out of either.
    ClassListRead read = readTrustedClassList(*mStore, schoolFolder);
    if (!read.notice.empty()) {
      std::fprintf(stderr, "safequest: the school folder's class list: %s\n", read.notice.c_str());
    }
    if (!read.refused.empty()) {
      std::fprintf(stderr, "safequest: the school folder's class list was refused: %s%s\n",
                   read.refused.c_str(),
                   read.roster ? "; keeping the class list this PC accepted before" : "");
    }
    if (read.roster) {
      mRoster = std::move(*read.roster);
      // The lead and steps the school set in the teachers' app, signed with the
      // list; this machine's own where the school set none (or they are refused).
      std::string refused;
      mRoster.settings = schoolSettingsForGame(mRoster.settings, local.settings, refused);
      if (!refused.empty()) {
        std::fprintf(stderr, "safequest: the school folder's safeguarding settings: %s\n",
                     refused.c_str());
      }
      mRosterFrom = schoolFolder + "/classlist.json";
      return;
    }
  }
  mRoster = std::move(local);
  mRosterFrom = mStore ? mStore->path() : std::string();
}

std::vector<Event> RecordsService::pupilEvents(const std::string& pupilId) const {
  if (!mStore || pupilId.empty()) {
    return {};
  }
  EventFilter f;
  f.pupilId = pupilId;
  return mStore->events(f);
}

std::vector<Event> RecordsService::classEvents(EventKind kind) const {
  if (!mStore) {
    return {};
  }
  EventFilter f;
  f.kind = kind;
  std::vector<Event> out = mStore->events(f);
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const Event& e) { return !e.pupilId.empty(); }),
      out.end());
  return out;
}

std::string RecordsService::helpAsked(const std::string& classId, std::int64_t nowSeconds) {
  if (classId.empty()) {
    return {};
  }
  EventDraft d = makeHelpAsked(classId);
  d.timeUtc = formatUtc(nowSeconds); // the time a quick-close mark will name
  mRecorder.submit(std::move(d));
  return formatUtc(nowSeconds);
}

void RecordsService::share(const std::string& schoolFolder) {
  // A good moment to try again what could not be saved (the butterfly button's
  // help.asked included), so the snapshot published has it.
  mRecorder.retry();
  if (!mStore || schoolFolder.empty()) {
    return;
  }
  const PublishResult r = publish(*mStore, schoolFolder, nullptr);
  if (!r.ok) {
    std::fprintf(stderr, "safequest: the school folder was not updated: %s\n", r.error.c_str());
  }
}

} // namespace sq
