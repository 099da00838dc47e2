// Every value of every fixed list the format has a name a teacher reads, in the
// format's order, so no tag or year group can be missing from a form's list.
#include "authoring/form_vocabulary.hpp"

#include "content/pack_model.hpp"
#include "content/tag_vocabulary.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace sq::authoring;

namespace {

void checkSameIds(Vocabulary list, const std::vector<std::string_view>& ids) {
  const std::vector<NamedValue>& named = namedValues(list);
  REQUIRE(named.size() == ids.size());
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CHECK(named[i].id == ids[i]);
    CHECK_FALSE(named[i].name.empty());
    CHECK(named[i].name != named[i].id);
    names.insert(named[i].name);
  }
  CHECK(names.size() == named.size()); // no two values read alike
}

} // namespace

TEST_CASE("each tag vocabulary has a readable name for each id, in the format's order") {
  checkSameIds(Vocabulary::EfcwStrand, sq::efcwStrandIds());
  checkSameIds(Vocabulary::DcfElement, sq::dcfElementIds());
  checkSameIds(Vocabulary::SmartLetter, sq::smartLetterIds());
  checkSameIds(Vocabulary::Topic, sq::topicIds());
}

TEST_CASE("year groups, bands and phases are the pack model's, each named") {
  std::vector<std::string_view> years;
  for (const sq::YearGroup y :
       {sq::YearGroup::Reception, sq::YearGroup::Y1, sq::YearGroup::Y2, sq::YearGroup::Y3,
        sq::YearGroup::Y4, sq::YearGroup::Y5, sq::YearGroup::Y6}) {
    years.push_back(sq::yearGroupId(y));
  }
  checkSameIds(Vocabulary::YearGroup, years);
  std::vector<std::string_view> bands;
  for (const sq::Band b : {sq::Band::Eyfs, sq::Band::Ks1, sq::Band::Lks2, sq::Band::Uks2}) {
    bands.push_back(sq::bandId(b));
  }
  checkSameIds(Vocabulary::Band, bands);
  std::vector<std::string_view> phases;
  for (const sq::AupPhase p : {sq::AupPhase::Eyfs, sq::AupPhase::Ks1, sq::AupPhase::Ks2}) {
    phases.push_back(sq::aupPhaseId(p));
  }
  checkSameIds(Vocabulary::AupPhase, phases);
  for (const NamedValue& v : namedValues(Vocabulary::YearGroup)) {
    CHECK(sq::parseYearGroup(v.id).has_value());
  }
}

TEST_CASE("nameOf names a known value and shows an unknown one as written") {
  CHECK(nameOf(Vocabulary::SmartLetter, "T") == "T: Tell");
  CHECK(nameOf(Vocabulary::Topic, "viruses-and-popups") == "Viruses and pop-ups");
  CHECK(nameOf(Vocabulary::Topic, "made-up") == "made-up");
  CHECK(nameOf(Vocabulary::QuizType, "truefalse") == "True or false");
  CHECK(namedValues(Vocabulary::Feeling).size() == 5);
  CHECK(namedValues(Vocabulary::TrustedAdult).size() == 3);
  CHECK(namedValues(Vocabulary::StepKind).size() == 5);
  CHECK(namedValues(Vocabulary::AssemblyStepKind).size() == 2);
}
