#include "app/pupil_session_service.hpp"

#include "results/civil_time.hpp"
#include "screens/home_screen.hpp"
#include "screens/sign_in_screen.hpp"

#include <cstdio>

namespace sq {

void PupilSessionService::signIn(const Pupil& pupil) {
  mWho = Session{};
  mWho.kind = Session::Kind::Pupil;
  mWho.pupilId = pupil.id;
  mWho.classId = pupil.classId;
  if (const SchoolClass* c = mDeps.records.roster().findClass(pupil.classId)) {
    mWho.className = c->name;
  }
  mWho.firstName = pupil.firstName;
  mWho.initial = pupil.initial;
  mWho.yearGroup = pupil.yearGroup;
  const Band band = bandOf(pupil.yearGroup);
  mChoices = PupilPreferences{};
  if (const auto path = pupilSettingsPath(mDeps.recordsDir(), pupil.id)) {
    Diagnostics diags;
    mChoices = loadPupilPreferences(*path, diags);
    if (mChoices.empty()) {
      // A first visit keeps what was changed at the sign-in screen (a pupil who
      // needed high contrast to find their name keeps it); the rest follows the
      // pupil's band.
      mChoices = choicesBeforeSignIn(mDevice);
    }
  }
  mLive = resolvePupilSettings(mChoices, band);
  mDeps.applyPrefs();
  // Another PC may have the pupil's latest progress: home opens once it is in.
  // The frame loop brings it in a step a frame behind the fetching screen.
  if (startMerge()) {
    mDeps.stack.requestResetTo(makeFetchingScreen(*this, mFetching));
  } else {
    mDeps.stack.requestResetTo(makeArrivalScreen(mDeps.host, *this));
  }
}

void PupilSessionService::signInGuest() {
  stopMerge();
  mWho = Session{};
  mWho.kind = Session::Kind::Guest;
  mDeps.stack.requestResetTo(makeHomeScreen(mDeps.host));
}

void PupilSessionService::signOut() {
  stopMerge();
  if (mWho.pupil()) {
    mDeps.records.shareRecords();
  }
  mWho = Session{};
  mLive = mDevice;
  mDeps.applyPrefs();
  mDeps.stack.requestResetTo(makeSignInScreen(mDeps.host));
}

void PupilSessionService::setPrefs(const PupilSettings& next) {
  mLive = next;
  if (mWho.pupil()) {
    rememberChoices(mChoices, next, bandOf(mWho.yearGroup));
    if (const auto path = pupilSettingsPath(mDeps.recordsDir(), mWho.pupilId)) {
      std::string error;
      if (!savePupilPreferences(*path, mChoices, error)) {
        std::fprintf(stderr, "safequest: the pupil's settings were not kept: %s\n", error.c_str());
      }
    }
  } else if (!mWho.signedIn()) {
    mDevice = next;
  }
  mDeps.applyPrefs();
}

std::string PupilSessionService::avatarOf(const std::string& pupilId) const {
  if (mWho.pupil() && pupilId == mWho.pupilId) {
    return mLive.avatar;
  }
  const auto path = pupilSettingsPath(mDeps.recordsDir(), pupilId);
  if (!path) {
    return {};
  }
  Diagnostics ignored; // a damaged file only means no picture on the tile
  return loadPupilPreferences(*path, ignored).avatar.value_or(std::string());
}

std::vector<int> PupilSessionService::picturePassword(const std::string& classId) const {
  const SchoolClass* c = mDeps.records.roster().findClass(classId);
  if (c != nullptr && !c->picturePasswordRemoved.empty() &&
      mPictures.setAt(classId) <= c->picturePasswordRemoved) {
    return {}; // "" (set before times were kept) sorts before any time
  }
  return mPictures.get(classId);
}

bool PupilSessionService::setPicturePassword(const std::string& classId,
                                             const std::vector<int>& chosen, std::string& error) {
  return mPictures.set(classId, chosen, error, formatUtc(mDeps.host.nowSeconds()));
}

bool PupilSessionService::loadPicturePasswords(const std::string& recordsDir, std::string& error) {
  mPictures = PicturePasswordFile(recordsDir + "/picture-passwords.json");
  return mPictures.load(error);
}

bool PupilSessionService::startMerge() {
  stopMerge();
  ResultsStore* store = mDeps.records.store();
  const std::string folder = mDeps.schoolFolder();
  if (store == nullptr || folder.empty()) {
    return false;
  }
  mMergeJob = std::make_unique<MergeJob>(*store, folder);
  mFetching = std::make_shared<FetchProgress>();
  return true;
}

void PupilSessionService::stopMerge() {
  mMergeJob.reset();
  mFetching.reset();
}

bool PupilSessionService::stepMerge(std::uint64_t nowMs) {
  bool redraw = false;
  if (mMergeJob) {
    const MergeProgress p = mMergeJob->step(MergeBudget{});
    if (mFetching && (p.snapshotsDone != mFetching->done || p.snapshotsTotal != mFetching->total)) {
      mFetching->done = p.snapshotsDone;
      mFetching->total = p.snapshotsTotal;
      redraw = mDeps.stack.topId() == "fetching"; // the bar moves: its only redraw
    }
    if (p.finished) {
      const MergeResult& r = mMergeJob->result();
      if (!r.ok) {
        std::fprintf(stderr, "safequest: other PCs' records were not read: %s\n", r.error.c_str());
      }
      if (r.tombstonesRefused > 0) {
        std::fprintf(stderr,
                     "safequest: %d erasures were not applied: not signed by the trusted "
                     "teacher key\n",
                     r.tombstonesRefused);
      }
      for (const MergeFileReport& f : r.files) {
        if (!f.error.empty()) {
          std::fprintf(stderr, "safequest: %s was passed over: %s\n", f.file.c_str(),
                       f.error.c_str());
        }
      }
      mMergeJob.reset();
    }
  }
  if (!mMergeJob && mFetching && mDeps.stack.topId() == "fetching") {
    mFetching.reset();
    mDeps.stack.requestResetTo(makeArrivalScreen(mDeps.host, *this));
    mDeps.stack.applyRequests(mDeps.host, nowMs);
    redraw = true;
  }
  return redraw;
}

} // namespace sq
