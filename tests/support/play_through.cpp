#include "support/play_through.hpp"

#include <algorithm>
#include <type_traits>

namespace sq::test {

// Leaves the function with false when a step does not go as expected.
#define SQ_ENSURE(cond)                                                                            \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      ok = false;                                                                                  \
      return;                                                                                      \
    }                                                                                              \
  } while (false)

bool answerRightly(QuizRunner& run) {
  const QuizItem& item = run.item();
  switch (item.type) {
  case QuizType::Single:
  case QuizType::Multiple:
    for (std::size_t i = 0; i < item.options.size(); ++i) {
      if (item.options[i].correct) {
        run.selectOption(i);
      }
    }
    break;
  case QuizType::TrueFalse:
    run.answerTrueFalse(item.answer);
    break;
  case QuizType::Order:
    for (std::size_t want = 0; want < item.cards.size(); ++want) {
      const auto& a = run.arrangement();
      const auto at = static_cast<std::size_t>(std::find(a.begin(), a.end(), want) - a.begin());
      run.moveCard(at, want);
    }
    break;
  case QuizType::Sort:
    for (std::size_t c = 0; c < item.cards.size(); ++c) {
      for (std::size_t g = 0; g < item.groups.size(); ++g) {
        if (item.groups[g].id == item.cards[c].group) {
          run.assignCard(c, g);
        }
      }
    }
    break;
  }
  return run.check() == std::optional<bool>(true);
}

bool playStepThrough(LessonRunner& lesson) {
  bool ok = true;
  std::visit(
      [&ok](auto& run) {
        using R = std::decay_t<decltype(run)>;
        if constexpr (std::is_same_v<R, SlidesRunner>) {
          while (!run.isFinished()) {
            SQ_ENSURE(run.next());
          }
        } else if constexpr (std::is_same_v<R, ScenarioRunner>) {
          for (int guard = 0; !run.isFinished() && guard < 1000; ++guard) {
            if (run.phase() == ScenarioRunner::Phase::Feedback) {
              SQ_ENSURE(run.proceed());
              continue;
            }
            const auto& cs = run.choices();
            const auto safe =
                std::find_if(cs.begin(), cs.end(), [](const Choice& c) { return c.safe; });
            SQ_ENSURE(safe != cs.end());
            SQ_ENSURE(run.choose(static_cast<std::size_t>(safe - cs.begin())));
          }
          SQ_ENSURE(run.isFinished());
        } else if constexpr (std::is_same_v<R, QuizRunner>) {
          for (int guard = 0; !run.isFinished() && guard < 1000; ++guard) {
            if (run.phase() == QuizRunner::Phase::Feedback && run.lastResult() == false) {
              SQ_ENSURE(run.retry());
            }
            if (run.phase() == QuizRunner::Phase::Answering) {
              SQ_ENSURE(answerRightly(run));
            }
            SQ_ENSURE(run.next());
          }
        } else if constexpr (std::is_same_v<R, ButterflyRunner>) {
          if (run.phase() == ButterflyRunner::Phase::CheckIn) {
            SQ_ENSURE(run.chooseFeeling(Feeling::Butterflies));
          }
          while (run.phase() == ButterflyRunner::Phase::Steps) {
            SQ_ENSURE(run.nextStep());
          }
          if (run.phase() == ButterflyRunner::Phase::ChooseAdult) {
            SQ_ENSURE(run.chooseAdult(TrustedAdult::Teacher));
          }
          while (!run.isFinished()) {
            SQ_ENSURE(run.proceed());
          }
        } else if constexpr (std::is_same_v<R, AupRunner>) {
          for (std::size_t i = 0; i < run.aup().promises.size() && !run.isFinished(); ++i) {
            if (!run.ticked(i)) {
              run.tick(i);
            }
          }
          SQ_ENSURE(run.isFinished() || run.agree());
        } else {
          ok = false;
        }
      },
      lesson.runner());
  return ok;
}

} // namespace sq::test
