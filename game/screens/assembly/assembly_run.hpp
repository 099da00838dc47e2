// One assembly being given on the hall's screen: where the presenter is, whether
// the screen is blanked, and the votes counted so far. No drawing and no clock,
// so every control is tested without a window.
// The assembly is a row of stops: a slide is one stop; a vote is three (the question
// with its choices; the reveal, "a question's reveal counts as a step": the bars
// with the counts; then the explanation with the SMART rule's badge, each a whole
// screen at the hall's type size); the SMART recap closes it, up to kRecapPerPage
// rules a stop (two: each is a badge and a few lines of words). Forward past the last
// stop is the presenter's to handle (the record screen follows).
// Votes are counted three ways, all kept per question: the count typed for the
// chosen choice with the number keys, +1 on a choice, and the quick thumbs vote
// (up, sideways, down), which is a vote of its own with three choices.
// R reads the stop aloud: the run says which narration and whether R plays or
// stops it; the screen asks the game's sound to do it.
// Depends on: content/pack_model.
#pragma once

#include "content/pack_model.hpp"

#include <cstddef>
#include <vector>

namespace sq {

struct AssemblyStop {
  enum class Kind { Slide, Question, Reveal, Explain, Recap };
  Kind kind = Kind::Slide;
  std::size_t step = 0; // the assembly step (all but the recap)
  std::size_t page = 0; // the recap's page
};

// The thumbs vote's three choices, in order.
inline constexpr std::size_t kThumbChoices = 3;
// SMART rules a recap stop shows at most, so each is read whole at the hall's size.
inline constexpr std::size_t kRecapPerPage = 2;
// The most a typed count may be: a hall holds a few hundred.
inline constexpr int kMaxCount = 999;

// What R did last, for the presenter's side only (never the hall's screen).
enum class ReadAloud {
  Idle,        // R not pressed on this stop
  Reading,     // R started the stop's narration
  Stopped,     // R again stopped it
  NoNarration, // the stop has no narration: a note for the presenter
};

class AssemblyRun {
public:
  explicit AssemblyRun(const Assembly& assembly);

  const Assembly& assembly() const { return *mAssembly; }
  const std::vector<AssemblyStop>& stops() const { return mStops; }
  std::size_t position() const { return mPos; }
  const AssemblyStop& current() const { return mStops[mPos]; }
  bool atLastStop() const { return mPos + 1 == mStops.size(); }
  const AssemblyStep& step() const { return mAssembly->steps[current().step]; }

  // PageDown, Right, Space: false when already at the last stop.
  bool forward();
  // PageUp, Left: false at the first stop.
  bool back();
  void first(); // Home
  void last();  // End
  // F5: from the beginning, the screen shown again. Counts are kept (a restart
  // loses nobody's vote); they can be typed again.
  void restart();
  // Shift+F5: from here, the screen shown again.
  void resume() { mBlank = false; }

  bool blank() const { return mBlank; }
  void toggleBlank() { mBlank = !mBlank; }

  // ---- the vote at the current stop (a Question, its Reveal or Explain) --------------
  bool onVote() const;
  // The current question is counted as a thumbs vote.
  bool thumbs() const;
  void toggleThumbs();
  // Choices counted: the options, or the three thumbs.
  std::size_t choiceCount() const;
  int count(std::size_t choice) const;
  int total() const;
  int highest() const;
  // The choice the number keys type into (0-based).
  std::size_t selected() const { return mSelected; }
  void select(std::size_t choice);
  void selectNext();
  void selectPrevious();
  // +1 on a choice (a tap, a click or the keyboard's Enter on it).
  void addOne(std::size_t choice);
  // A digit typed for the selected choice: the first after choosing it replaces
  // the count, the next ones append (at most kMaxCount).
  void typeDigit(int digit);
  // Backspace: the last digit typed goes.
  void eraseDigit();

  // ---- reading aloud (R) -------------------------------------------------------------
  // The narration of the stop on screen: a slide's words; a question's words and
  // choices, or made a thumbs vote, its thumbs narration (the question alone and
  // "Thumbs up, sideways or down?": never choices the room cannot see); after the
  // reveal (on the reveal and the explanation), the explanation's. nullptr on the
  // recap and when the pack gives none.
  const AssetRef* narration() const;
  // R. `stillPlaying`: whether the sound R started last is still heard. Stops it
  // when it is (Stopped), else starts this stop's narration (Reading), else
  // NoNarration.
  ReadAloud pressRead(bool stillPlaying);
  ReadAloud readAloud() const { return mRead; }
  // The sound R started has ended by itself: R reads it again (Idle). True when
  // that changed what the presenter is told.
  bool soundEnded();
  // After a move: true once when the narration R started belongs to a stop no
  // longer on screen, so the screen stops the sound (the reveal and the
  // explanation share one, which carries on between them).
  bool takeStopReading();

  // ---- SMART -------------------------------------------------------------------------
  // The SMART rule a vote's explanation teaches: of the assembly's SMART tags, the
  // first whose key words its explanation or prompt uses, else the first tag; 0
  // when the assembly has none.
  char smartFor(std::size_t step) const;
  // The rules on a recap page, in S M A R T order: the assembly's tags, or all five.
  std::vector<char> recapLetters(std::size_t page) const;
  std::vector<char> recapLetters() const;

private:
  struct Votes {
    std::vector<int> options;
    std::vector<int> thumbs = std::vector<int>(kThumbChoices, 0);
    bool thumbsMode = false;
  };
  Votes* votes();
  const Votes* votes() const;
  std::vector<int>* counts();
  const std::vector<int>* counts() const;
  void moved();

  const Assembly* mAssembly;
  std::vector<AssemblyStop> mStops;
  std::vector<Votes> mVotes; // per assembly step (empty options for a slide)
  std::size_t mPos = 0;
  bool mBlank = false;
  std::size_t mSelected = 0;
  bool mFresh = true; // the next digit replaces the selected count
  ReadAloud mRead = ReadAloud::Idle;
  const AssetRef* mReading = nullptr; // what R started, while it may still play
  bool mStopReading = false;
};

} // namespace sq
