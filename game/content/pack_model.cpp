#include "content/pack_model.hpp"

#include <algorithm>
#include <array>

namespace sq {

namespace {

const std::string kEmpty;

template <typename Pairs> const std::string& pick(const Pairs& byLang, std::string_view lang) {
  for (const auto& [l, s] : byLang) {
    if (l == lang) {
      return s;
    }
  }
  return byLang.empty() ? kEmpty : byLang.front().second;
}

constexpr std::array<std::string_view, 7> kYearGroups = {"reception", "y1", "y2", "y3",
                                                         "y4",        "y5", "y6"};
constexpr std::array<std::string_view, 4> kBands = {"eyfs", "ks1", "lks2", "uks2"};
constexpr std::array<std::string_view, 3> kPhases = {"eyfs", "ks1", "ks2"};

template <typename E, std::size_t N>
std::optional<E> parseEnum(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

template <typename Item> const Item* findById(const std::vector<Item>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.id == id; });
  return it == items.end() ? nullptr : &*it;
}

} // namespace

const std::string& Text::get(std::string_view lang) const {
  return pick(byLang, lang);
}
const std::string& AssetRef::get(std::string_view lang) const {
  return pick(byLang, lang);
}

std::string_view yearGroupId(YearGroup y) {
  return kYearGroups[static_cast<std::size_t>(y)];
}
std::string_view bandId(Band b) {
  return kBands[static_cast<std::size_t>(b)];
}
std::string_view aupPhaseId(AupPhase p) {
  return kPhases[static_cast<std::size_t>(p)];
}

Band bandOf(YearGroup y) {
  switch (y) {
  case YearGroup::Reception:
    return Band::Eyfs;
  case YearGroup::Y1:
  case YearGroup::Y2:
    return Band::Ks1;
  case YearGroup::Y3:
  case YearGroup::Y4:
    return Band::Lks2;
  case YearGroup::Y5:
  case YearGroup::Y6:
    break;
  }
  return Band::Uks2;
}

std::optional<YearGroup> parseYearGroup(std::string_view s) {
  return parseEnum<YearGroup>(kYearGroups, s);
}
std::optional<Band> parseBand(std::string_view s) {
  return parseEnum<Band>(kBands, s);
}
std::optional<AupPhase> parseAupPhase(std::string_view s) {
  return parseEnum<AupPhase>(kPhases, s);
}

std::string_view quizTypeId(QuizType t) {
  static constexpr std::array<std::string_view, 5> names = {"single", "multiple", "truefalse",
                                                            "sort", "order"};
  return names[static_cast<std::size_t>(t)];
}

std::string_view feelingId(Feeling f) {
  static constexpr std::array<std::string_view, 5> names = {"happy", "ok", "butterflies", "scared",
                                                            "sad"};
  return names[static_cast<std::size_t>(f)];
}

std::string_view trustedAdultId(TrustedAdult a) {
  static constexpr std::array<std::string_view, 3> names = {"teacher", "parent", "other"};
  return names[static_cast<std::size_t>(a)];
}

std::string_view activityKindId(const Activity& a) {
  static constexpr std::array<std::string_view, 5> names = {"slides", "scenario", "quiz",
                                                            "butterfly", "aup"};
  return names[a.index()];
}

const ScenarioNode* ScenarioActivity::find(std::string_view id) const {
  auto it = nodeIndex.find(std::string(id));
  return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

const Lesson* Pack::findLesson(std::string_view wanted) const {
  return findById(lessons, wanted);
}
const Aup* Pack::findAup(std::string_view wanted) const {
  return findById(aups, wanted);
}
const Assembly* Pack::findAssembly(std::string_view wanted) const {
  return findById(assemblies, wanted);
}

const Unit* Pack::unitFor(YearGroup y) const {
  auto it =
      std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.yearGroup == y; });
  return it == units.end() ? nullptr : &*it;
}

} // namespace sq
