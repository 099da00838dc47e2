// The services a screen may ask of the app, one small interface each, so a screen
// (or a factory) that needs only one takes only that one:
//   Navigator      push, pop, replace the top screen, reset the stack, quit
//   PupilSession   who is playing: signing in and out, their preferences, and the
//                  classes' picture passwords the sign-in screen checks
//   RecordsAccess  the class list, the events screens read, the packs, the one
//                  Recorder every recorded action goes through, sharing to the
//                  school folder
//   TeacherAccess  the teacher PIN and the game's configuration
// UiHost (ui/screen.hpp) bundles them with the words, the clock, sound and the
// butterfly button. app/ implements each as its own class; tests give fakes.
// Depends on: ui/session, ui/teacher_access, settings (PupilSettings), results
// (Roster, Event), content (Catalog), play/recorder.
#pragma once

#include "content/pack_catalog.hpp"
#include "play/recorder.hpp"
#include "results/event.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "results/xapi_pump.hpp"
#include "ui/session.hpp"
#include "ui/teacher_access.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sq {

class Screen;

// Moving between screens. Takes effect once the current input has been handled,
// so a screen may replace itself safely.
class Navigator {
public:
  virtual ~Navigator() = default;
  virtual void push(std::unique_ptr<Screen> screen) = 0;
  virtual void pop() = 0;
  virtual void replaceTop(std::unique_ptr<Screen> screen) = 0;
  virtual void resetTo(std::unique_ptr<Screen> screen) = 0; // the stack becomes just this
  // Ends the game (the full-screen lock asks for the PIN first).
  virtual void quit() = 0;
};

// The pupil: who is playing, signing in and out, and their preferences.
class PupilSession {
public:
  virtual ~PupilSession() = default;
  virtual const Session& session() const = 0;
  virtual void signIn(const Pupil& pupil) = 0; // loads their settings, opens home
  virtual void signInGuest() = 0;              // nothing will be recorded
  virtual void signOut() = 0;                  // back to the class tiles
  virtual const PupilSettings& prefs() const = 0;
  virtual void setPrefs(const PupilSettings& prefs) = 0; // applied at once, kept for the pupil

  // The picture a pupil picked for their name tile (settings/pupil_settings
  // kAvatars, kNoAvatar), kept with their preferences by pupil id; "" not chosen.
  virtual std::string avatarOf(const std::string& pupilId) const {
    (void)pupilId;
    return {};
  }

  // Picture passwords: three of the six pictures (numbered from 1) per class.
  virtual std::vector<int> picturePassword(const std::string& classId) const = 0;
  virtual bool setPicturePassword(const std::string& classId, const std::vector<int>& pictures,
                                  std::string& error) = 0;
};

// Records. Nothing here is ever called for a guest.
class RecordsAccess {
public:
  virtual ~RecordsAccess() = default;
  virtual const Roster& roster() const = 0;
  // Where the class list came from ("" none yet), e.g. the school folder.
  virtual std::string rosterSource() const = 0;
  virtual std::vector<Event> pupilEvents(const std::string& pupilId) const = 0;
  // Events about a class or the school rather than a pupil (aup.class_confirmed,
  // assembly.given), of one kind.
  virtual std::vector<Event> classEvents(EventKind kind) const = 0;
  virtual const Catalog* catalog() const = 0; // nullptr while the packs are loading
  // The one queue every recorded action goes through (play/recorder): lesson steps,
  // AUP signing and class confirmation, parents' agreements, whole-class attendance,
  // the butterfly button. Build drafts with results/event_payload's builders and
  // submit() them; a save may finish later (the app pumps the recorder each frame).
  // A failed save stays queued, first, and is tried again with the next submit() or
  // retry(); lastError() is the store's reason, for the teacher's screens (pupils only
  // ever see a calm "not saved yet"). Never used for a guest.
  virtual Recorder& recorder() = 0;
  virtual const Recorder& recorder() const = 0;
  // Publishes this PC's records to the school folder, when one is set, so a pupil
  // can carry on from another PC. Quiet: a failure is logged, never shown to a pupil.
  virtual void shareRecords() = 0;
  // The records store itself, for the web game's class-list and results files
  // (screens/teacher/browser_files); nullptr when it is not open (or in a fake).
  virtual ResultsStore* resultsStore() { return nullptr; }
  // Reads the class list again from where it comes from (the school folder's
  // classlist.json when one is set, else the store's).
  virtual void reloadRoster() {}
  // Sending to the school's xAPI learning record store (the web game, when the
  // school's safequest-config.json names one): nullopt when nothing is sent.
  virtual std::optional<XapiSendingStatus> xapiSending() const { return std::nullopt; }
  // Why that settings file was not used ("" when it was read, or there is none).
  virtual std::string xapiSettingsProblem() const { return {}; }
  // The teacher's "Send now": try at once, whatever the back-off says.
  virtual void xapiSendNow() {}
};

// The teacher's side: the PIN and the game's configuration.
class TeacherAccess {
public:
  virtual ~TeacherAccess() = default;
  virtual TeacherPin& teacherPin() = 0;
  virtual const GameConfig& config() const = 0;
  virtual bool saveConfig(const GameConfig& config, std::string& error) = 0;
  virtual std::string configLocation() const = 0;
};

} // namespace sq
