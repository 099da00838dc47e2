#include "runtime/simple_runners.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sq {

namespace {

nlohmann::json parseVersioned(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("v") || j["v"] != 1) {
    return nlohmann::json();
  }
  return j;
}

template <typename T> std::optional<T> field(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) {
    return std::nullopt;
  }
  const auto& v = j[key];
  if constexpr (std::is_same_v<T, bool>) {
    if (v.is_boolean()) {
      return v.get<bool>();
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (v.is_string()) {
      return v.get<std::string>();
    }
  } else {
    if (v.is_number_unsigned()) {
      return v.get<T>();
    }
  }
  return std::nullopt;
}

} // namespace

// ---- slides ------------------------------------------------------------------

bool SlidesRunner::next() {
  if (mFinished) {
    return false;
  }
  if (mIndex + 1 < count()) {
    ++mIndex;
  } else {
    mFinished = true;
  }
  return true;
}

bool SlidesRunner::back() {
  if (mFinished || mIndex == 0) {
    return false;
  }
  --mIndex;
  return true;
}

std::string SlidesRunner::snapshot() const {
  return nlohmann::json{{"v", 1}, {"slide", current().id}, {"finished", mFinished}}.dump();
}

bool SlidesRunner::restore(const std::string& snapshot) {
  const auto j = parseVersioned(snapshot);
  const auto id = field<std::string>(j, "slide");
  if (!id) {
    return false;
  }
  const auto& s = mSlides->slides;
  auto it = std::find_if(s.begin(), s.end(), [&](const Slide& x) { return x.id == *id; });
  if (it == s.end()) {
    return false;
  }
  mIndex = static_cast<std::size_t>(it - s.begin());
  mFinished = field<bool>(j, "finished").value_or(false);
  return true;
}

// ---- butterfly ---------------------------------------------------------------

ButterflyRunner::ButterflyRunner(const ButterflyActivity& activity, Band band)
    : mActivity(&activity) {
  const bool ks2 = band == Band::Lks2 || band == Band::Uks2;
  for (const ReportStep& s : activity.steps) {
    if (ks2 || !s.ks2Only) {
      mSteps.push_back(&s);
    }
  }
}

const ReportStep* ButterflyRunner::currentStep() const {
  return mPhase == Phase::Steps && mStep < mSteps.size() ? mSteps[mStep] : nullptr;
}

bool ButterflyRunner::chooseFeeling(Feeling f) {
  const auto& offered = mActivity->feelings;
  if (mPhase != Phase::CheckIn || std::find(offered.begin(), offered.end(), f) == offered.end()) {
    return false;
  }
  mFeeling = f;
  mPhase = mSteps.empty() ? Phase::ChooseAdult : Phase::Steps;
  mStep = 0;
  return true;
}

bool ButterflyRunner::nextStep() {
  if (mPhase != Phase::Steps) {
    return false;
  }
  if (++mStep >= mSteps.size()) {
    mPhase = Phase::ChooseAdult;
  }
  return true;
}

bool ButterflyRunner::chooseAdult(TrustedAdult a) {
  const auto& offered = mActivity->adults;
  if (mPhase != Phase::ChooseAdult ||
      std::find(offered.begin(), offered.end(), a) == offered.end()) {
    return false;
  }
  mAdult = a;
  mPhase = mActivity->sayIt ? Phase::SayIt : Phase::Praise;
  return true;
}

bool ButterflyRunner::proceed() {
  if (mPhase == Phase::SayIt) {
    mPhase = Phase::Praise;
    return true;
  }
  if (mPhase == Phase::Praise) {
    mPhase = Phase::Finished;
    return true;
  }
  return false;
}

std::string ButterflyRunner::snapshot() const {
  // Deliberately without the feeling or the adult: see the class comment.
  return nlohmann::json{{"v", 1}, {"phase", static_cast<int>(mPhase)}, {"step", mStep}}.dump();
}

bool ButterflyRunner::restore(const std::string& snapshot) {
  const auto j = parseVersioned(snapshot);
  if (!j.is_object() || !j.contains("phase") || !j["phase"].is_number_integer()) {
    return false;
  }
  const int phase = j["phase"].get<int>();
  const auto step = field<std::size_t>(j, "step").value_or(0);
  if (phase < 0 || phase > static_cast<int>(Phase::Finished) || step > mSteps.size()) {
    return false;
  }
  mPhase = static_cast<Phase>(phase);
  mStep = step;
  if (mPhase == Phase::Steps && mStep >= mSteps.size()) {
    mPhase = Phase::ChooseAdult;
  }
  return true;
}

// ---- AUP -----------------------------------------------------------------------

AupRunner::AupRunner(const Aup& aup) : mAup(&aup), mTicked(aup.promises.size(), false) {}

bool AupRunner::tick(std::size_t promise) {
  if (mSigned || promise >= mTicked.size()) {
    return false;
  }
  mTicked[promise] = !mTicked[promise];
  return true;
}

bool AupRunner::allTicked() const {
  return std::all_of(mTicked.begin(), mTicked.end(), [](bool b) { return b; });
}

bool AupRunner::agree(bool byTeacher) {
  if (mSigned || !allTicked() || (byTeacher && mAup->phase != AupPhase::Eyfs)) {
    return false;
  }
  mSigned = true;
  mByTeacher = byTeacher;
  return true;
}

std::string AupRunner::snapshot() const {
  nlohmann::json ticked = nlohmann::json::array();
  for (std::size_t i = 0; i < mTicked.size(); ++i) {
    if (mTicked[i]) {
      ticked.push_back(mAup->promises[i].id);
    }
  }
  return nlohmann::json{
      {"v", 1}, {"version", mAup->version}, {"ticked", ticked}, {"signed", mSigned}}
      .dump();
}

bool AupRunner::restore(const std::string& snapshot) {
  const auto j = parseVersioned(snapshot);
  // A new AUP version must be read again from the start.
  if (field<std::string>(j, "version") != mAup->version || !j.contains("ticked") ||
      !j["ticked"].is_array()) {
    return false;
  }
  std::fill(mTicked.begin(), mTicked.end(), false);
  for (const auto& id : j["ticked"]) {
    for (std::size_t i = 0; i < mAup->promises.size(); ++i) {
      if (id.is_string() && mAup->promises[i].id == id.get<std::string>()) {
        mTicked[i] = true;
      }
    }
  }
  mSigned = field<bool>(j, "signed").value_or(false) && allTicked();
  return true;
}

} // namespace sq
