// Fixtures for testing screens without the app: a class list, the real core
// pack, a UiHost that records what screens ask for, and a headless window to draw
// into. Used by the screen, accessibility and golden-image tests.
#pragma once

#include "content/pack_catalog.hpp"
#include "headless.hpp"
#include "play/recorder.hpp"
#include "support/manual_sink.hpp"
#include "ui/screen.hpp"
#include "ui/screen_stack.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sq::test {

// Three classes, a mixed-age 3B, names with Welsh and other letters.
inline Roster fixtureRoster() {
  Roster r;
  r.classes = {{"c0000000-0000-4000-8000-000000000001", "3B"},
               {"c0000000-0000-4000-8000-000000000002", "Oak"},
               {"c0000000-0000-4000-8000-000000000003", "Dosbarth Derw"}};
  auto pupil = [&](const char* id, const char* first, const char* initial, int cls, YearGroup y) {
    Pupil p;
    p.id = id;
    p.firstName = first;
    p.initial = initial;
    p.classId = r.classes[static_cast<std::size_t>(cls)].id;
    p.yearGroup = y;
    r.pupils.push_back(p);
  };
  pupil("a0000000-0000-4000-8000-000000000001", "Siân", "K", 0, YearGroup::Y3);
  pupil("a0000000-0000-4000-8000-000000000002", "Oliver", "S", 0, YearGroup::Y3);
  pupil("a0000000-0000-4000-8000-000000000003", "Amira", "H", 0, YearGroup::Y4);
  pupil("a0000000-0000-4000-8000-000000000004", "Zoë", "B", 0, YearGroup::Y3);
  pupil("a0000000-0000-4000-8000-000000000005", "Maximilian-Alexander", "W", 0, YearGroup::Y3);
  pupil("a0000000-0000-4000-8000-000000000006", "Ffion", "J", 1, YearGroup::Reception);
  pupil("a0000000-0000-4000-8000-000000000007", "Tomos", "W", 1, YearGroup::Reception);
  pupil("a0000000-0000-4000-8000-000000000008", "Gwenllian", "D", 2, YearGroup::Y5);
  r.settings.schoolName = "Ysgol y Bryn";
  r.settings.safeguardingLead = "Mrs Rhian Evans";
  r.settings.incidentSteps = {"Stay with the pupil and listen calmly.",
                              "Do not delete or forward anything on the screen.",
                              "Tell the designated safeguarding lead today.",
                              "Write down what the pupil said, in their words."};
  return r;
}

inline const std::string kSian = "a0000000-0000-4000-8000-000000000001";

// The repository's own packs, loaded once. The folder they are shown in is a fixed
// name, so screens that print it (the packs page) look the same from any checkout;
// each pack's own folder (its files) is still the real one.
inline const Catalog& coreCatalog() {
  static const Catalog c = [] {
    Catalog loaded = loadCatalog(std::string(SQ_SOURCE_DIR) + "/content");
    loaded.root = "/srv/school/safequest/content";
    return loaded;
  }();
  return c;
}

inline const Strings& englishStrings() {
  static const Strings s = [] {
    std::string error;
    auto loaded = Strings::load(SQ_TEST_ASSETS_DIR, "en-GB", error);
    REQUIRE_MESSAGE(loaded.has_value(), error);
    return *loaded;
  }();
  return s;
}

class FakePin final : public TeacherPin {
public:
  std::string pin = "2468";
  bool set_ = true;
  bool blocked = false; // the lockout state cannot be trusted: locked until IT clears it
  int wrong = 0;
  bool isSet() const override { return set_; }
  bool unusable() const override { return false; }
  PinResult verify(const std::string& typed) override {
    PinResult r;
    if (blocked) {
      r.result = PinResult::Result::Blocked;
    } else if (!set_) {
      r.result = PinResult::Result::NotSet;
    } else if (typed == pin) {
      r.result = PinResult::Result::Accepted;
    } else {
      ++wrong;
      r.result = wrong >= 5 ? PinResult::Result::LockedOut : PinResult::Result::Wrong;
      r.waitSeconds = wrong >= 5 ? 60 : 0;
    }
    return r;
  }
  bool set(const std::string& typed, std::string& error) override {
    (void)error;
    pin = typed;
    set_ = true;
    return true;
  }
};

class SilentSound final : public SoundOutput {
public:
  std::vector<std::string> played;
  bool playing = false; // narration asked for and not stopped
  void playNarration(const std::string& path) override {
    played.push_back(path);
    playing = true;
  }
  void stopNarration() override { playing = false; }
  void playEffect(std::string_view name) override { played.push_back(std::string(name)); }
  bool narrationPlaying() override { return playing; }
};

// The records store behind the FakeHost's recorder: a save goes into the host's
// events at once (refused while `failRecords` is set), or, with `hold`, waits
// until finish(), as the browser's IndexedDB answers on a later frame.
class FakeStoreSink final : public EventSink {
public:
  std::function<bool(const EventDraft&, std::string&)> save; // the store
  bool hold = false;
  ManualSink held; // the saves begun while holding, not finished yet

  void begin(const EventDraft& d, SaveTicket t) override {
    if (hold) {
      held.begin(d, t);
      return;
    }
    SaveOutcome o;
    o.ticket = t;
    o.saved = save(d, o.error);
    mDone.push_back(std::move(o));
  }
  std::vector<SaveOutcome> poll() override {
    std::vector<SaveOutcome> out = std::exchange(mDone, {});
    for (SaveOutcome& o : held.poll()) {
      out.push_back(std::move(o));
    }
    return out;
  }
  // Finishes the oldest held save: into the store, which may refuse it. false
  // when nothing is held.
  bool finish() {
    if (held.waiting.empty()) {
      return false;
    }
    const EventDraft d = held.waiting.front().draft;
    std::string error;
    const bool ok = save(d, error);
    return held.finish(ok, error);
  }

private:
  std::vector<SaveOutcome> mDone;
};

// A host over a ScreenStack, with fixture data, recording what it was asked: it is
// every service itself, so a test reaches them directly (h.signIn(...), h.recorder()).
class FakeHost final : public UiHost,
                       public Navigator,
                       public PupilSession,
                       public RecordsAccess,
                       public TeacherAccess {
public:
  FakeHost() {
    sink.save = [this](const EventDraft& d, std::string& error) { return store(d, error); };
  }
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  ScreenStack stack;
  Roster rosterData = fixtureRoster();
  const Catalog* catalogData = &coreCatalog();
  Session who;
  PupilSettings settings;
  GameConfig cfg;
  FakePin pin;
  SilentSound audio;
  std::vector<Event> events;
  std::map<std::string, std::vector<int>> pictures;
  int helpAsked = 0;
  bool quitAsked = false;
  std::int64_t now = 1795000000; // 2026-11-18, academic year 2026

  Navigator& nav() override { return *this; }
  PupilSession& pupil() override { return *this; }
  const PupilSession& pupil() const override { return *this; }
  RecordsAccess& records() override { return *this; }
  const RecordsAccess& records() const override { return *this; }
  TeacherAccess& teacher() override { return *this; }
  const TeacherAccess& teacher() const override { return *this; }

  void push(std::unique_ptr<Screen> s) override { stack.requestPush(std::move(s)); }
  void pop() override { stack.requestPop(); }
  void replaceTop(std::unique_ptr<Screen> s) override { stack.requestReplaceTop(std::move(s)); }
  void resetTo(std::unique_ptr<Screen> s) override { stack.requestResetTo(std::move(s)); }
  void quit() override { quitAsked = true; }
  const Strings& strings() const override { return englishStrings(); }
  std::int64_t nowSeconds() const override { return now; }
  const Session& session() const override { return who; }
  void signIn(const Pupil& p) override {
    who = Session{};
    who.kind = Session::Kind::Pupil;
    who.pupilId = p.id;
    who.classId = p.classId;
    who.firstName = p.firstName;
    who.initial = p.initial;
    who.yearGroup = p.yearGroup;
  }
  void signInGuest() override {
    who = Session{};
    who.kind = Session::Kind::Guest;
  }
  void signOut() override { who = Session{}; }
  const PupilSettings& prefs() const override { return settings; }
  void setPrefs(const PupilSettings& p) override { settings = p; }
  const Roster& roster() const override { return rosterData; }
  std::string rosterSource() const override { return "fixture"; }
  std::vector<Event> pupilEvents(const std::string& id) const override {
    std::vector<Event> out;
    for (const Event& e : events) {
      if (e.pupilId == id) {
        out.push_back(e);
      }
    }
    return out;
  }
  std::vector<Event> classEvents(EventKind kind) const override {
    std::vector<Event> out;
    for (const Event& e : events) {
      if (e.pupilId.empty() && e.kind == kind) {
        out.push_back(e);
      }
    }
    return out;
  }
  const Catalog* catalog() const override { return catalogData; }
  // Set to make the next saves fail, as a full disk or a locked file would.
  std::string failRecords;
  int recordSeq = 0;
  int shares = 0;
  FakeStoreSink sink;
  Recorder recorderData{sink}; // after the sink it uses
  Recorder& recorder() override { return recorderData; }
  const Recorder& recorder() const override { return recorderData; }
  // The reason the latest save failed, "" once one has succeeded since.
  const std::string& lastRecordError() const { return recorderData.lastError(); }
  // As the app does: pushes queued saves on (the app pumps once a frame).
  void pump() { recorderData.pump(); }
  void shareRecords() override {
    recorderData.retry();
    ++shares;
  }
  // A real store, for the screens that read or write records files (none: nullptr).
  ResultsStore* storeData = nullptr;
  int rosterReloads = 0;
  ResultsStore* resultsStore() override { return storeData; }
  void reloadRoster() override { ++rosterReloads; }
  // The store: keeps the event, or refuses it while failRecords is set.
  bool store(const EventDraft& d, std::string& error) {
    if (!failRecords.empty()) {
      error = failRecords;
      return false;
    }
    Event e;
    e.uuid = "e0000000-0000-4000-8000-" + std::to_string(100000000000 + ++recordSeq);
    e.seq = recordSeq;
    e.kind = d.kind;
    e.pupilId = d.pupilId;
    e.packId = d.packId;
    e.packVersion = d.packVersion;
    e.contentHash = d.contentHash;
    e.activityId = d.activityId;
    e.score = d.score;
    e.maxScore = d.maxScore;
    e.choices = d.choices;
    e.data = d.data;
    // One second apart from the fixture's "now", so their order is their time order.
    e.timeUtc = "2026-11-18T10:" + std::to_string(10 + recordSeq / 60) + ":" +
                (recordSeq % 60 < 10 ? "0" : "") + std::to_string(recordSeq % 60) + "Z";
    events.push_back(e);
    return true;
  }
  std::string helpClass;
  void askForHelp(const std::string& classHint) override {
    ++helpAsked;
    helpClass = who.pupil() ? who.classId : classHint;
  }
  std::map<std::string, std::string> avatars; // pupil id -> the picture they picked
  std::string avatarOf(const std::string& id) const override {
    if (who.pupil() && id == who.pupilId) {
      return settings.avatar;
    }
    const auto it = avatars.find(id);
    return it == avatars.end() ? std::string() : it->second;
  }
  std::vector<int> picturePassword(const std::string& classId) const override {
    const auto it = pictures.find(classId);
    return it == pictures.end() ? std::vector<int>{} : it->second;
  }
  bool setPicturePassword(const std::string& classId, const std::vector<int>& p,
                          std::string& error) override {
    (void)error;
    pictures[classId] = p;
    return true;
  }
  TeacherPin& teacherPin() override { return pin; }
  const GameConfig& config() const override { return cfg; }
  bool saveConfig(const GameConfig& next, std::string& error) override {
    (void)error;
    cfg = next;
    return true;
  }
  std::string configLocation() const override { return "/srv/safequest/data/teacher.json"; }
  SoundOutput& sound() override { return audio; }

  void apply() { stack.applyRequests(*this, 0); }
};

// A UI context for a headless window, as the app makes one.
inline UiContext uiContext(Headless& h, const Theme& theme, Size size, float textScale = 1.0f) {
  UiContext ctx{*h.renderer, *h.text, theme, size};
  ctx.textScale = textScale;
  ctx.strings = &englishStrings();
  ctx.assetsDir = SQ_TEST_ASSETS_DIR;
  return ctx;
}

inline Event lessonEvent(EventKind kind, const std::string& pupil, const std::string& lesson,
                         const std::string& time) {
  Event e;
  e.kind = kind;
  e.pupilId = pupil;
  e.packId = "core";
  e.activityId = lesson;
  e.timeUtc = time;
  return e;
}

} // namespace sq::test
