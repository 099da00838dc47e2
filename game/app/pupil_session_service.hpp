// The pupil's session as the screens see it (PupilSession, ui/services): who is
// playing, signing in and out, the preferences in force and where each pupil's are
// kept, and the classes' picture passwords. Signing in with a school folder set
// brings in the other PCs' records first, a MergeJob step a frame (stepMerge)
// behind the fetching screen, then opens home; signing out (or a new sign-in)
// abandons that merge.
// Depends on: app/records_service, app/game_settings (PicturePasswordFile),
// results/merge_job, settings (pupil preferences), ui (screen stack, services),
// screens (fetching, home, sign-in).
#pragma once

#include "app/game_settings.hpp"
#include "app/records_service.hpp"
#include "results/merge_job.hpp"
#include "screens/fetching_screen.hpp"
#include "settings/pupil_settings.hpp"
#include "ui/screen.hpp"
#include "ui/screen_stack.hpp"
#include "ui/services.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sq {

class PupilSessionService final : public PupilSession {
public:
  struct Deps {
    ScreenStack& stack;
    UiHost& host; // handed to the screens it opens
    RecordsService& records;
    std::function<std::string()> recordsDir;   // where pupils' preferences are kept
    std::function<std::string()> schoolFolder; // "" none
    std::function<void()> applyPrefs;          // the prefs in force changed
  };
  explicit PupilSessionService(Deps deps) : mDeps(std::move(deps)) {}

  const Session& session() const override { return mWho; }
  void signIn(const Pupil& pupil) override;
  void signInGuest() override;
  void signOut() override;
  const PupilSettings& prefs() const override { return mLive; }
  void setPrefs(const PupilSettings& next) override;

  std::string avatarOf(const std::string& pupilId) const override;

  // The class's password set on this PC, unless the teachers' app removed it for
  // every PC after it was set (the class list's picturePasswordRemoved, signed; a
  // password from before this PC kept when it was set counts as older).
  std::vector<int> picturePassword(const std::string& classId) const override;
  // Kept with the time it is set (the host's clock), so a later removal wins and an
  // earlier one does not.
  bool setPicturePassword(const std::string& classId, const std::vector<int>& chosen,
                          std::string& error) override;
  // Reads the picture passwords kept in `recordsDir`. false: the file is damaged.
  bool loadPicturePasswords(const std::string& recordsDir, std::string& error);

  // The merge at sign-in: true while one runs.
  bool merging() const { return mMergeJob != nullptr; }
  // One slice of the merge (MergeBudget: 8 ms, 2,000 rows), then home once it is
  // over and the fetching screen is on top again (the butterfly screen may be
  // above it). Quiet: a failure or a refused snapshot is logged, never shown.
  // true: the screen must be drawn again.
  bool stepMerge(std::uint64_t nowMs);

private:
  // Starts bringing in the other PCs' records; false when there is no school
  // folder (or no store) to bring them from.
  bool startMerge();
  // Abandons the merge: what its steps committed stays, the next merge adds the rest.
  void stopMerge();

  Deps mDeps;
  Session mWho;
  PupilSettings mLive;       // in force now
  PupilSettings mDevice;     // chosen before anyone signed in (this run only)
  PupilPreferences mChoices; // what the signed-in pupil chose, as stored
  PicturePasswordFile mPictures;
  std::unique_ptr<MergeJob> mMergeJob;      // null when none runs
  std::shared_ptr<FetchProgress> mFetching; // null when no pupil is waiting for home
};

} // namespace sq
