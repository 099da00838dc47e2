#include "runtime/quiz_runner.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace sq {

namespace {

// mulberry32: tiny, fast and identical on every platform, unlike std:: engines'
// distributions, so a shuffle is the same on the desktop and in the browser.
std::uint32_t mulberry(std::uint32_t& state) {
  state += 0x6D2B79F5u;
  std::uint32_t t = state;
  t = (t ^ (t >> 15)) * (t | 1u);
  t ^= t + (t ^ (t >> 7)) * (t | 61u);
  return t ^ (t >> 14);
}

} // namespace

QuizRunner::QuizRunner(const QuizActivity& quiz, std::uint32_t seed) : mQuiz(&quiz), mSeed(seed) {
  mFirstTry.assign(mQuiz->items.size(), -1);
  if (mQuiz->items.empty()) {
    mPhase = Phase::Finished;
    return;
  }
  startItem();
}

void QuizRunner::startItem() {
  const QuizItem& it = item();
  mPhase = Phase::Answering;
  mSelected.assign(it.options.size(), false);
  mTrueFalse.reset();
  mPlacement.assign(it.type == QuizType::Sort ? it.cards.size() : 0, std::nullopt);
  mArrangement.clear();
  mLastResult.reset();
  mTriedThisItem = false;
  if (it.type == QuizType::Order) {
    mArrangement.resize(it.cards.size());
    std::iota(mArrangement.begin(), mArrangement.end(), std::size_t{0});
    // Shuffle until the order differs from the answer (a 2-card item always can).
    std::uint32_t state = mSeed ^ static_cast<std::uint32_t>(mItem * 2654435761u);
    for (int attempt = 0; attempt < 8; ++attempt) {
      for (std::size_t i = mArrangement.size(); i > 1; --i) {
        std::swap(mArrangement[i - 1], mArrangement[mulberry(state) % i]);
      }
      if (!std::is_sorted(mArrangement.begin(), mArrangement.end())) {
        break;
      }
    }
  }
}

bool QuizRunner::selectOption(std::size_t option) {
  if (mPhase != Phase::Answering || option >= mSelected.size()) {
    return false;
  }
  if (item().type == QuizType::Single) {
    std::fill(mSelected.begin(), mSelected.end(), false);
    mSelected[option] = true;
  } else if (item().type == QuizType::Multiple) {
    mSelected[option] = !mSelected[option];
  } else {
    return false;
  }
  return true;
}

bool QuizRunner::answerTrueFalse(bool value) {
  if (mPhase != Phase::Answering || item().type != QuizType::TrueFalse) {
    return false;
  }
  mTrueFalse = value;
  return true;
}

bool QuizRunner::moveCard(std::size_t from, std::size_t to) {
  if (mPhase != Phase::Answering || item().type != QuizType::Order || from >= mArrangement.size() ||
      to >= mArrangement.size()) {
    return false;
  }
  const std::size_t card = mArrangement[from];
  mArrangement.erase(mArrangement.begin() + static_cast<std::ptrdiff_t>(from));
  mArrangement.insert(mArrangement.begin() + static_cast<std::ptrdiff_t>(to), card);
  return true;
}

bool QuizRunner::assignCard(std::size_t card, std::size_t group) {
  if (mPhase != Phase::Answering || item().type != QuizType::Sort || card >= mPlacement.size() ||
      group >= item().groups.size()) {
    return false;
  }
  mPlacement[card] = group;
  return true;
}

bool QuizRunner::canCheck() const {
  if (mPhase != Phase::Answering) {
    return false;
  }
  switch (item().type) {
  case QuizType::Single:
  case QuizType::Multiple:
    return std::find(mSelected.begin(), mSelected.end(), true) != mSelected.end();
  case QuizType::TrueFalse:
    return mTrueFalse.has_value();
  case QuizType::Sort:
    return std::all_of(mPlacement.begin(), mPlacement.end(),
                       [](const auto& p) { return p.has_value(); });
  case QuizType::Order:
    return true;
  }
  return false;
}

bool QuizRunner::answerIsRight() const {
  const QuizItem& it = item();
  switch (it.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    for (std::size_t i = 0; i < it.options.size(); ++i) {
      if (mSelected[i] != it.options[i].correct) {
        return false;
      }
    }
    return true;
  case QuizType::TrueFalse:
    return mTrueFalse == it.answer;
  case QuizType::Sort:
    for (std::size_t c = 0; c < it.cards.size(); ++c) {
      if (!mPlacement[c] || it.groups[*mPlacement[c]].id != it.cards[c].group) {
        return false;
      }
    }
    return true;
  case QuizType::Order:
    return std::is_sorted(mArrangement.begin(), mArrangement.end());
  }
  return false;
}

std::string QuizRunner::answerText() const {
  const QuizItem& it = item();
  std::string out = it.id + ":";
  switch (it.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    for (std::size_t i = 0; i < it.options.size(); ++i) {
      if (mSelected[i]) {
        out += it.options[i].id + ",";
      }
    }
    break;
  case QuizType::TrueFalse:
    out += mTrueFalse.value_or(false) ? "true" : "false";
    break;
  case QuizType::Sort:
    for (std::size_t c = 0; c < it.cards.size(); ++c) {
      out += it.cards[c].id + "=" + (mPlacement[c] ? it.groups[*mPlacement[c]].id : "") + ",";
    }
    break;
  case QuizType::Order:
    for (auto c : mArrangement) {
      out += it.cards[c].id + ",";
    }
    break;
  }
  if (out.back() == ',') {
    out.pop_back();
  }
  return out;
}

std::optional<bool> QuizRunner::check() {
  if (!canCheck()) {
    return std::nullopt;
  }
  const bool right = answerIsRight();
  if (!mTriedThisItem && right) {
    ++mScore;
  }
  if (!mTriedThisItem && mItem < mFirstTry.size()) {
    mFirstTry[mItem] = right ? 1 : 0;
  }
  mTriedThisItem = true;
  mAnswers.push_back(answerText());
  mLastResult = right;
  mPhase = Phase::Feedback;
  return right;
}

bool QuizRunner::retry() {
  if (mPhase != Phase::Feedback || mLastResult.value_or(true)) {
    return false;
  }
  mPhase = Phase::Answering;
  mLastResult.reset();
  return true;
}

bool QuizRunner::next() {
  if (mPhase != Phase::Feedback) {
    return false;
  }
  if (mItem + 1 >= mQuiz->items.size()) {
    mPhase = Phase::Finished;
    return true;
  }
  ++mItem;
  startItem();
  return true;
}

std::string QuizRunner::snapshot() const {
  nlohmann::json j = {{"v", 1},
                      {"item", mItem},
                      {"score", mScore},
                      {"firstTry", mFirstTry},
                      {"answers", mAnswers},
                      {"finished", isFinished()}};
  if (!isFinished()) {
    j["itemId"] = item().id;
  }
  return j.dump();
}

bool QuizRunner::restore(const std::string& snapshot) {
  const auto j = nlohmann::json::parse(snapshot, nullptr, false);
  const auto ok = j.is_object() && j.contains("v") && j["v"] == 1 && j.contains("item") &&
                  j["item"].is_number_unsigned() && j.contains("score") &&
                  j["score"].is_number_integer();
  if (!ok || mQuiz->items.empty()) {
    return false;
  }
  const auto index = j["item"].get<std::size_t>();
  const bool finished = j.contains("finished") && j["finished"] == true;
  if (index >= mQuiz->items.size() ||
      (!finished && (!j.contains("itemId") || j["itemId"] != mQuiz->items[index].id))) {
    return false;
  }
  mItem = index;
  mScore = std::clamp(j["score"].get<int>(), 0, maxScore());
  // Which items were right first time. A snapshot without it (an older build) gives
  // the score to the first items, which is the best that can be known.
  mFirstTry.assign(mQuiz->items.size(), -1);
  const std::size_t done = finished ? mFirstTry.size() : index;
  if (j.contains("firstTry") && j["firstTry"].is_array() &&
      j["firstTry"].size() == mFirstTry.size()) {
    for (std::size_t i = 0; i < done; ++i) {
      const auto& v = j["firstTry"][i];
      mFirstTry[i] = v.is_number_integer() && v.get<int>() == 1 ? 1 : 0;
    }
  } else {
    for (std::size_t i = 0; i < done; ++i) {
      mFirstTry[i] = static_cast<int>(i) < mScore ? 1 : 0;
    }
  }
  mAnswers.clear();
  if (j.contains("answers") && j["answers"].is_array()) {
    for (const auto& a : j["answers"]) {
      if (a.is_string()) {
        mAnswers.push_back(a.get<std::string>());
      }
    }
  }
  startItem();
  if (finished) {
    mPhase = Phase::Finished;
  }
  return true;
}

} // namespace sq
