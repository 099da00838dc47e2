// The in-memory form of a content pack (format v1, documented in content/README.md).
// A loaded pack is immutable: runners and screens only read it.
// Depends on: std only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace sq {

// A text a person reads, in one or more languages. A plain JSON string is stored
// under the pack's first language.
struct Text {
  std::vector<std::pair<std::string, std::string>> byLang;

  // The text in `lang`, else in the first language, else "".
  const std::string& get(std::string_view lang = {}) const;
  bool empty() const { return byLang.empty(); }
};

// A path to an asset inside the pack, possibly one per language (narration).
struct AssetRef {
  std::vector<std::pair<std::string, std::string>> byLang;
  const std::string& get(std::string_view lang = {}) const;
};

struct Picture {
  std::string src; // relative to the pack root
  Text alt;
};

struct Tags {
  std::vector<std::string> efcw;
  std::vector<std::string> dcf;
  std::vector<char> smart; // 'S', 'M', 'A', 'R', 'T'
  std::vector<std::string> topics;
};

enum class YearGroup { Reception, Y1, Y2, Y3, Y4, Y5, Y6 };
enum class Band { Eyfs, Ks1, Lks2, Uks2 };
enum class AupPhase { Eyfs, Ks1, Ks2 };

std::string_view yearGroupId(YearGroup y); // "reception", "y1", ...
std::string_view bandId(Band b);           // "eyfs", "ks1", "lks2", "uks2"
std::string_view aupPhaseId(AupPhase p);   // "eyfs", "ks1", "ks2"
Band bandOf(YearGroup y);
std::optional<YearGroup> parseYearGroup(std::string_view s);
std::optional<Band> parseBand(std::string_view s);
std::optional<AupPhase> parseAupPhase(std::string_view s);

// ---- activities ---------------------------------------------------------------

struct Slide {
  std::string id;
  Text text;
  std::optional<Picture> picture;
  std::optional<AssetRef> narration;
};

struct SlidesActivity {
  std::vector<Slide> slides;
};

struct Choice {
  std::string id;
  Text text;
  std::string next; // empty: an unsafe choice that lets the pupil try again
  Text feedback;
  char smart = 'S';
  bool safe = false;
  std::optional<Picture> picture;
  // `next` resolved to an index into the scenario's nodes when the pack is loaded,
  // so playing a choice is an index step; kNoNode when `next` is empty.
  std::size_t nextIndex = kNoNode;
  static constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);
};

struct ScenarioNode {
  std::string id;
  Text text;
  std::optional<Picture> picture;
  std::optional<AssetRef> narration;
  bool ending = false;
  std::vector<Choice> choices;
};

struct ScenarioActivity {
  std::string start;
  std::vector<ScenarioNode> nodes;
  std::unordered_map<std::string, size_t> nodeIndex; // node id -> index in nodes

  const ScenarioNode* find(std::string_view id) const;
};

enum class QuizType { Single, Multiple, TrueFalse, Sort, Order };
std::string_view quizTypeId(QuizType t);

struct QuizOption {
  std::string id;
  Text text;
  std::optional<Picture> picture;
  bool correct = false;
};

struct QuizGroup {
  std::string id;
  Text label;
};

struct QuizCard {
  std::string id;
  Text text;
  std::optional<Picture> picture;
  std::string group; // sort only
};

struct QuizItem {
  std::string id;
  QuizType type = QuizType::Single;
  Text prompt;
  std::optional<Picture> picture;
  std::optional<AssetRef> narration;
  Text feedbackCorrect;
  Text feedbackIncorrect;
  std::vector<QuizOption> options; // single, multiple
  bool answer = false;             // truefalse
  std::vector<QuizGroup> groups;   // sort
  std::vector<QuizCard> cards;     // sort, order (order: in the right order)
};

struct QuizActivity {
  std::vector<QuizItem> items;
};

enum class Feeling { Happy, Ok, Butterflies, Scared, Sad };
enum class TrustedAdult { Teacher, Parent, Other };
std::string_view feelingId(Feeling f);
std::string_view trustedAdultId(TrustedAdult a);

struct ReportStep {
  std::string id;
  Text text;
  bool ks2Only = false;
  std::optional<Picture> picture;
  std::optional<AssetRef> narration;
};

struct ButterflyActivity {
  std::vector<Feeling> feelings;
  std::vector<ReportStep> steps;
  std::vector<TrustedAdult> adults;
  std::optional<Text> sayIt;
  std::optional<Text> praise;
};

struct AupStepActivity {
  std::string aup; // id of an AUP in aups/
};

using Activity = std::variant<SlidesActivity, ScenarioActivity, QuizActivity, ButterflyActivity,
                              AupStepActivity>;
std::string_view activityKindId(const Activity& a); // "slides", "scenario", ...

struct Step {
  std::string id;
  std::optional<Text> title;
  Activity activity;
};

struct Badge {
  Text title;
  std::optional<Picture> picture;
};

struct Lesson {
  std::string id;
  std::string file; // relative to the pack root
  Text title;
  std::vector<Text> objectives;
  std::optional<Text> teacherNotes;
  bool wholeClass = false;
  Tags tags;
  std::vector<Step> steps;
  Text reflection;
  Badge badge;
};

struct AupPromise {
  std::string id;
  Text text;
  std::optional<Picture> picture;
  std::optional<AssetRef> narration;
};

struct Aup {
  std::string id;
  std::string file;
  std::string version;
  AupPhase phase = AupPhase::Ks1;
  Text title;
  std::optional<Text> intro;
  std::vector<AupPromise> promises;
};

struct VoteOption {
  std::string id;
  Text text;
};

enum class AssemblyStepKind { Slide, Vote };

struct AssemblyStep {
  std::string id;
  AssemblyStepKind kind = AssemblyStepKind::Slide;
  Text text; // slide text, or the vote's prompt
  std::optional<Picture> picture;
  std::optional<Text> notes; // for the presenter only
  std::vector<VoteOption> options;
  std::string answer; // optional: empty for a discussion question
  std::optional<Text> explanation;
  // Read aloud when the presenter presses R: the slide's words, or the vote's
  // question and choices; and a vote's explanation, after the reveal. When the
  // presenter makes the question a thumbs vote, its thumbs narration instead (the
  // question alone, then "Thumbs up, sideways or down?"), never the choices.
  std::optional<AssetRef> narration;
  std::optional<AssetRef> explanationNarration;
  std::optional<AssetRef> thumbsNarration;
};

struct Assembly {
  std::string id;
  std::string file;
  Text title;
  std::vector<YearGroup> yearGroups; // empty: the whole school
  Tags tags;
  std::vector<AssemblyStep> steps;
};

struct UnitLesson {
  std::string lesson;
  bool required = true;
};

struct Unit {
  std::string id;
  YearGroup yearGroup = YearGroup::Reception;
  Band band = Band::Eyfs;
  Text title;
  std::vector<UnitLesson> lessons;
};

struct Pack {
  int formatVersion = 1;
  std::string id;
  Text title;
  std::string version;
  std::vector<std::string> languages;
  std::vector<std::string> authors;
  std::string licence;
  std::optional<Text> description;
  std::vector<Unit> units;
  std::vector<Lesson> lessons;
  std::vector<Aup> aups;
  std::vector<Assembly> assemblies;
  // FNV-1a 64 of every file the loader read (path and bytes), as 16 hex digits.
  // Results record it so progress made on an edited pack is noticed.
  std::string contentHash;

  const Lesson* findLesson(std::string_view wanted) const;
  const Aup* findAup(std::string_view wanted) const;
  const Assembly* findAssembly(std::string_view wanted) const;
  const Unit* unitFor(YearGroup y) const;
};

} // namespace sq
