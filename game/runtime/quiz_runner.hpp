// Plays one quiz: each item is answered, checked, and followed by kind feedback.
// A wrong answer can be tried again; the score counts items right first time, and
// nothing is timed. Order items are shuffled by a seed passed in, so a run is
// reproducible in tests and resumes identically after a restore.
// No clocks, no SDL. Depends on: content/pack_model.
#pragma once

#include "content/pack_model.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sq {

class QuizRunner {
public:
  enum class Phase {
    Answering, // the pupil is choosing, ordering or sorting
    Feedback,  // check() ran; retry() or next()
    Finished,
  };

  // `quiz` must have passed validation and outlive the runner.
  QuizRunner(const QuizActivity& quiz, std::uint32_t seed);

  Phase phase() const { return mPhase; }
  bool isFinished() const { return mPhase == Phase::Finished; }
  std::size_t itemIndex() const { return mItem; }
  std::size_t itemCount() const { return mQuiz->items.size(); }
  const QuizItem& item() const { return mQuiz->items[mItem]; }

  // Answers. Each returns false when it does not apply to this item or phase.
  bool selectOption(std::size_t option); // single: picks; multiple: toggles
  bool answerTrueFalse(bool value);
  bool moveCard(std::size_t from, std::size_t to);      // order: position in arrangement()
  bool assignCard(std::size_t card, std::size_t group); // sort: card and group index

  const std::vector<bool>& selected() const { return mSelected; }
  std::optional<bool> trueFalseAnswer() const { return mTrueFalse; }
  // Order: the card indices (into item().cards) as currently arranged.
  const std::vector<std::size_t>& arrangement() const { return mArrangement; }
  // Sort: for each card, its group index, or nullopt while unplaced.
  const std::vector<std::optional<std::size_t>>& placements() const { return mPlacement; }

  // True once the pupil has given a complete answer that can be checked.
  bool canCheck() const;
  // Checks the answer; returns whether it was right. The feedback to show is
  // item().feedbackCorrect or feedbackIncorrect.
  std::optional<bool> check();
  std::optional<bool> lastResult() const { return mLastResult; }
  bool retry(); // back to answering the same item after a wrong answer
  bool next();  // on to the next item (or the end)

  int score() const { return mScore; } // items right at the first check
  // Whether item `i` was right at its first check; nullopt while it is unchecked.
  std::optional<bool> rightFirstTime(std::size_t i) const {
    if (i >= mFirstTry.size() || mFirstTry[i] < 0) {
      return std::nullopt;
    }
    return mFirstTry[i] == 1;
  }
  int maxScore() const { return static_cast<int>(mQuiz->items.size()); }
  // Option, card and group ids the pupil chose, item by item, for the record.
  const std::vector<std::string>& answers() const { return mAnswers; }

  std::string snapshot() const;
  bool restore(const std::string& snapshot);

private:
  void startItem();
  bool answerIsRight() const;
  std::string answerText() const;

  const QuizActivity* mQuiz;
  std::uint32_t mSeed;
  std::size_t mItem = 0;
  Phase mPhase = Phase::Answering;
  std::vector<bool> mSelected;
  std::optional<bool> mTrueFalse;
  std::vector<std::size_t> mArrangement;
  std::vector<std::optional<std::size_t>> mPlacement;
  std::optional<bool> mLastResult;
  bool mTriedThisItem = false;
  int mScore = 0;
  std::vector<signed char> mFirstTry; // per item: -1 unchecked, 1 right first time, 0 not
  std::vector<std::string> mAnswers;
};

} // namespace sq
