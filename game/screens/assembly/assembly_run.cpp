#include "screens/assembly/assembly_run.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace sq {

namespace {

constexpr std::array<char, 5> kSmart = {'S', 'M', 'A', 'R', 'T'};

// Words an explanation uses when it teaches each rule (lower case). The content
// names a vote's rule only through the assembly's tags, so its words decide
// which of them a question is about.
std::vector<std::string_view> keyWords(char letter) {
  switch (letter) {
  case 'S':
    return {"password", "address", "private", "personal", "your name", "school", "photo"};
  case 'M':
    return {"meet"};
  case 'A':
    return {"accept", "click", "pop-up", "link", "virus", "download", "prize", "file"};
  case 'R':
    return {"true", "reliable", "check", "fake", "trick", "real"};
  case 'T':
    return {"tell", "grown-up", "trusted adult", "report"};
  default:
    return {};
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

} // namespace

AssemblyRun::AssemblyRun(const Assembly& assembly) : mAssembly(&assembly) {
  mVotes.resize(assembly.steps.size());
  for (std::size_t i = 0; i < assembly.steps.size(); ++i) {
    const AssemblyStep& s = assembly.steps[i];
    if (s.kind == AssemblyStepKind::Vote) {
      mVotes[i].options.assign(s.options.size(), 0);
      mStops.push_back({AssemblyStop::Kind::Question, i, 0});
      mStops.push_back({AssemblyStop::Kind::Reveal, i, 0});
      mStops.push_back({AssemblyStop::Kind::Explain, i, 0});
    } else {
      mStops.push_back({AssemblyStop::Kind::Slide, i, 0});
    }
  }
  const std::size_t letters = recapLetters().size();
  const std::size_t pages = std::max<std::size_t>(1, (letters + kRecapPerPage - 1) / kRecapPerPage);
  for (std::size_t p = 0; p < pages; ++p) {
    mStops.push_back({AssemblyStop::Kind::Recap, 0, p});
  }
}

void AssemblyRun::moved() {
  mSelected = 0;
  mFresh = true;
  if (mReading != nullptr && mReading != narration()) {
    mReading = nullptr;
    mStopReading = true;
  }
  if (mReading == nullptr) {
    mRead = ReadAloud::Idle;
  }
}

const AssetRef* AssemblyRun::narration() const {
  const AssemblyStop& stop = current();
  if (stop.kind == AssemblyStop::Kind::Recap) {
    return nullptr;
  }
  const AssemblyStep& s = mAssembly->steps[stop.step];
  const bool revealed =
      stop.kind == AssemblyStop::Kind::Reveal || stop.kind == AssemblyStop::Kind::Explain;
  if (revealed && thumbs()) {
    // The explanation's narration names the answer's letter, which a thumbs vote
    // never showed the room: better silence (the presenter is told) than a wrong cue.
    return nullptr;
  }
  const std::optional<AssetRef>& ref = revealed   ? s.explanationNarration
                                       : thumbs() ? s.thumbsNarration
                                                  : s.narration;
  return ref && !ref->byLang.empty() ? &*ref : nullptr;
}

bool AssemblyRun::soundEnded() {
  if (mRead != ReadAloud::Reading) {
    return false;
  }
  mReading = nullptr;
  mRead = ReadAloud::Idle;
  return true;
}

ReadAloud AssemblyRun::pressRead(bool stillPlaying) {
  if (mReading != nullptr && stillPlaying) {
    mReading = nullptr;
    mRead = ReadAloud::Stopped;
    return mRead;
  }
  mReading = narration();
  mRead = mReading != nullptr ? ReadAloud::Reading : ReadAloud::NoNarration;
  return mRead;
}

bool AssemblyRun::takeStopReading() {
  const bool stop = mStopReading;
  mStopReading = false;
  return stop;
}

bool AssemblyRun::forward() {
  mBlank = false;
  if (atLastStop()) {
    return false;
  }
  ++mPos;
  moved();
  return true;
}

bool AssemblyRun::back() {
  mBlank = false;
  if (mPos == 0) {
    return false;
  }
  --mPos;
  moved();
  return true;
}

void AssemblyRun::first() {
  mBlank = false;
  mPos = 0;
  moved();
}

void AssemblyRun::last() {
  mBlank = false;
  mPos = mStops.size() - 1;
  moved();
}

void AssemblyRun::restart() {
  first();
}

bool AssemblyRun::onVote() const {
  const auto k = current().kind;
  return k == AssemblyStop::Kind::Question || k == AssemblyStop::Kind::Reveal ||
         k == AssemblyStop::Kind::Explain;
}

AssemblyRun::Votes* AssemblyRun::votes() {
  return onVote() ? &mVotes[current().step] : nullptr;
}

const AssemblyRun::Votes* AssemblyRun::votes() const {
  return onVote() ? &mVotes[current().step] : nullptr;
}

std::vector<int>* AssemblyRun::counts() {
  Votes* v = votes();
  return v == nullptr ? nullptr : v->thumbsMode ? &v->thumbs : &v->options;
}

const std::vector<int>* AssemblyRun::counts() const {
  const Votes* v = votes();
  return v == nullptr ? nullptr : v->thumbsMode ? &v->thumbs : &v->options;
}

bool AssemblyRun::thumbs() const {
  const Votes* v = votes();
  return v != nullptr && v->thumbsMode;
}

void AssemblyRun::toggleThumbs() {
  if (Votes* v = votes()) {
    v->thumbsMode = !v->thumbsMode;
    moved();
  }
}

std::size_t AssemblyRun::choiceCount() const {
  const std::vector<int>* c = counts();
  return c == nullptr ? 0 : c->size();
}

int AssemblyRun::count(std::size_t choice) const {
  const std::vector<int>* c = counts();
  return c == nullptr || choice >= c->size() ? 0 : (*c)[choice];
}

int AssemblyRun::total() const {
  const std::vector<int>* c = counts();
  int sum = 0;
  if (c != nullptr) {
    for (int n : *c) {
      sum += n;
    }
  }
  return sum;
}

int AssemblyRun::highest() const {
  const std::vector<int>* c = counts();
  return c == nullptr || c->empty() ? 0 : *std::max_element(c->begin(), c->end());
}

void AssemblyRun::select(std::size_t choice) {
  if (choice < choiceCount()) {
    mSelected = choice;
    mFresh = true;
  }
}

void AssemblyRun::selectNext() {
  const std::size_t n = choiceCount();
  if (n > 0) {
    select((mSelected + 1) % n);
  }
}

void AssemblyRun::selectPrevious() {
  const std::size_t n = choiceCount();
  if (n > 0) {
    select((mSelected + n - 1) % n);
  }
}

void AssemblyRun::addOne(std::size_t choice) {
  std::vector<int>* c = counts();
  if (c != nullptr && choice < c->size()) {
    (*c)[choice] = std::min(kMaxCount, (*c)[choice] + 1);
    mSelected = choice;
    mFresh = true;
  }
}

void AssemblyRun::typeDigit(int digit) {
  std::vector<int>* c = counts();
  if (c == nullptr || mSelected >= c->size() || digit < 0 || digit > 9) {
    return;
  }
  int& n = (*c)[mSelected];
  n = mFresh ? digit : std::min(kMaxCount, n * 10 + digit);
  mFresh = false;
}

void AssemblyRun::eraseDigit() {
  std::vector<int>* c = counts();
  if (c != nullptr && mSelected < c->size()) {
    (*c)[mSelected] /= 10;
    mFresh = false;
  }
}

char AssemblyRun::smartFor(std::size_t stepIndex) const {
  const std::vector<char>& tags = mAssembly->tags.smart;
  if (tags.empty() || stepIndex >= mAssembly->steps.size()) {
    return 0;
  }
  const AssemblyStep& s = mAssembly->steps[stepIndex];
  const std::string words =
      lower((s.explanation ? s.explanation->get() : std::string()) + " " + s.text.get());
  for (char letter : kSmart) {
    if (std::find(tags.begin(), tags.end(), letter) == tags.end()) {
      continue;
    }
    for (std::string_view w : keyWords(letter)) {
      if (words.find(w) != std::string::npos) {
        return letter;
      }
    }
  }
  return tags.front();
}

std::vector<char> AssemblyRun::recapLetters() const {
  const std::vector<char>& tags = mAssembly->tags.smart;
  std::vector<char> out;
  for (char letter : kSmart) {
    if (tags.empty() || std::find(tags.begin(), tags.end(), letter) != tags.end()) {
      out.push_back(letter);
    }
  }
  return out;
}

std::vector<char> AssemblyRun::recapLetters(std::size_t page) const {
  const std::vector<char> all = recapLetters();
  std::vector<char> out;
  for (std::size_t i = page * kRecapPerPage; i < all.size() && i < (page + 1) * kRecapPerPage;
       ++i) {
    out.push_back(all[i]);
  }
  return out;
}

} // namespace sq
