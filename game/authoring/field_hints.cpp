#include "authoring/field_hints.hpp"

#include "authoring/edit_ops.hpp"
#include "content/reading_level.hpp"

#include <vector>

namespace sq::authoring {
namespace {

std::vector<std::string> tokens(const std::string& pointer) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    const std::size_t slash = pointer.find('/', start);
    out.push_back(
        pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) {
      break;
    }
    start = slash + 1;
  }
  return out;
}

std::string bandLabel(Band band) {
  switch (band) {
  case Band::Eyfs:
    return "Reception";
  case Band::Ks1:
    return "KS1";
  case Band::Lks2:
    return "Years 3 and 4";
  case Band::Uks2:
    return "Years 5 and 6";
  }
  return "";
}

} // namespace

std::optional<Band> bandForFile(const PackDocument& doc, const std::string& file) {
  const Json* value = doc.value(file);
  if (value == nullptr || !value->is_object()) {
    return std::nullopt;
  }
  if (file.rfind("aups/", 0) == 0) {
    const auto phase = value->find("phase");
    if (phase == value->end() || !phase->is_string()) {
      return std::nullopt;
    }
    const std::optional<AupPhase> p = parseAupPhase(phase->get<std::string>());
    if (!p) {
      return std::nullopt;
    }
    return *p == AupPhase::Eyfs ? Band::Eyfs : *p == AupPhase::Ks1 ? Band::Ks1 : Band::Lks2;
  }
  if (file.rfind("lessons/", 0) != 0) {
    return std::nullopt;
  }
  const auto id = value->find("id");
  const Json* pack = doc.value("pack.json");
  if (id == value->end() || !id->is_string() || pack == nullptr || !pack->is_object()) {
    return std::nullopt;
  }
  const Json* units = findPointer(*pack, "/units");
  if (units == nullptr || !units->is_array()) {
    return std::nullopt;
  }
  std::optional<Band> youngest;
  for (const Json& unit : *units) {
    const Json* band = findPointer(unit, "/band");
    const Json* lessons = findPointer(unit, "/lessons");
    if (band == nullptr || !band->is_string() || lessons == nullptr || !lessons->is_array()) {
      continue;
    }
    const std::optional<Band> b = parseBand(band->get<std::string>());
    for (const Json& entry : *lessons) {
      const Json* lesson = findPointer(entry, "/lesson");
      if (b && lesson != nullptr && *lesson == *id && (!youngest || *b < *youngest)) {
        youngest = b;
      }
    }
  }
  return youngest;
}

bool isPupilFacing(const std::string& file, const std::string& pointer) {
  const std::vector<std::string> t = tokens(pointer);
  if (t.empty()) {
    return false;
  }
  const std::string& last = t.back();
  if (file.rfind("aups/", 0) == 0) {
    return t.size() == 3 && t[0] == "promises" && last == "text";
  }
  if (file.rfind("lessons/", 0) != 0 || t.size() < 3 || t[0] != "steps") {
    return false;
  }
  return last == "text" || last == "prompt" || last == "correct" || last == "incorrect" ||
         (last == "feedback" && t.size() >= 2 && t[t.size() - 3] == "choices");
}

FieldHint hintFor(std::string_view text, std::optional<Band> band, bool pupilFacing,
                  std::size_t limit) {
  FieldHint hint;
  hint.characters = text.size();
  hint.limit = limit;
  if (!pupilFacing || !band) {
    return hint;
  }
  const ReadingMeasure m = measureReading(text);
  if (m.words == 0) {
    return hint;
  }
  const ReadingLimits limits = readingLimits(*band);
  const std::string problem = readingProblem(m, limits, m.words >= limits.minWordsForAri);
  hint.tooHard = !problem.empty();
  hint.reading = hint.tooHard ? "Hard for " + bandLabel(*band) + ": " + problem
                              : "Reads well for " + bandLabel(*band) + ".";
  return hint;
}

} // namespace sq::authoring
