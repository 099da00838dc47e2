#include "authoring/form_vocabulary.hpp"

namespace sq::authoring {

namespace {

const std::vector<NamedValue> kEfcw = {
    {"self-image-and-identity", "Self-image and identity"},
    {"online-relationships", "Online relationships"},
    {"online-reputation", "Online reputation"},
    {"online-bullying", "Online bullying"},
    {"managing-online-information", "Managing online information"},
    {"health-wellbeing-and-lifestyle", "Health, well-being and lifestyle"},
    {"privacy-and-security", "Privacy and security"},
    {"copyright-and-ownership", "Copyright and ownership"},
};

const std::vector<NamedValue> kDcf = {
    {"identity-image-reputation", "Identity, image and reputation"},
    {"health-wellbeing", "Health and well-being"},
    {"digital-rights-licensing-ownership", "Digital rights, licensing and ownership"},
    {"online-behaviour-cyberbullying", "Online behaviour and cyberbullying"},
};

const std::vector<NamedValue> kSmart = {
    {"S", "S: Safe"},     {"M", "M: Meeting"}, {"A", "A: Accepting"},
    {"R", "R: Reliable"}, {"T", "T: Tell"},
};

const std::vector<NamedValue> kTopics = {
    {"personal-details", "Personal details"},
    {"passwords", "Passwords"},
    {"photos-of-others", "Photos of others"},
    {"cyberbullying", "Cyberbullying"},
    {"reliable-information", "Reliable information"},
    {"copyright", "Copyright"},
    {"email", "Email"},
    {"webcams", "Webcams"},
    {"online-identity", "Online identity"},
    {"digital-footprint", "Digital footprint"},
    {"gaming-and-messaging", "Gaming and messaging"},
    {"mobile-phones", "Mobile phones"},
    {"viruses-and-popups", "Viruses and pop-ups"},
    {"asking-before-accepting", "Asking before accepting"},
    {"reporting", "Reporting"},
};

const std::vector<NamedValue> kYearGroups = {
    {"reception", "Reception"}, {"y1", "Year 1"}, {"y2", "Year 2"}, {"y3", "Year 3"},
    {"y4", "Year 4"},           {"y5", "Year 5"}, {"y6", "Year 6"},
};

const std::vector<NamedValue> kBands = {
    {"eyfs", "EYFS (Reception)"},
    {"ks1", "Key Stage 1 (Years 1 and 2)"},
    {"lks2", "Lower Key Stage 2 (Years 3 and 4)"},
    {"uks2", "Upper Key Stage 2 (Years 5 and 6)"},
};

const std::vector<NamedValue> kPhases = {
    {"eyfs", "EYFS (Reception)"},
    {"ks1", "Key Stage 1 (Years 1 and 2)"},
    {"ks2", "Key Stage 2 (Years 3 to 6)"},
};

const std::vector<NamedValue> kFeelings = {
    {"happy", "Happy"},   {"ok", "OK"},   {"butterflies", "Butterflies"},
    {"scared", "Scared"}, {"sad", "Sad"},
};

const std::vector<NamedValue> kAdults = {
    {"teacher", "Teacher"},
    {"parent", "Parent or carer"},
    {"other", "Another adult"},
};

const std::vector<NamedValue> kQuizTypes = {
    {"single", "Single choice (one right answer)"},
    {"multiple", "Multiple choice (one or more right answers)"},
    {"truefalse", "True or false"},
    {"sort", "Sort cards into groups"},
    {"order", "Put cards in order"},
};

const std::vector<NamedValue> kStepKinds = {
    {"slides", "Slides"},
    {"scenario", "Story with choices (scenario)"},
    {"quiz", "Quiz"},
    {"butterfly", "Butterfly feeling practice"},
    {"aup", "Sign the promises (AUP)"},
};

const std::vector<NamedValue> kAssemblyKinds = {
    {"slide", "Slide"},
    {"vote", "Vote"},
};

} // namespace

const std::vector<NamedValue>& namedValues(Vocabulary list) {
  switch (list) {
  case Vocabulary::EfcwStrand:
    return kEfcw;
  case Vocabulary::DcfElement:
    return kDcf;
  case Vocabulary::SmartLetter:
    return kSmart;
  case Vocabulary::Topic:
    return kTopics;
  case Vocabulary::YearGroup:
    return kYearGroups;
  case Vocabulary::Band:
    return kBands;
  case Vocabulary::AupPhase:
    return kPhases;
  case Vocabulary::Feeling:
    return kFeelings;
  case Vocabulary::TrustedAdult:
    return kAdults;
  case Vocabulary::QuizType:
    return kQuizTypes;
  case Vocabulary::StepKind:
    return kStepKinds;
  case Vocabulary::AssemblyStepKind:
    return kAssemblyKinds;
  }
  return kEfcw;
}

std::string_view nameOf(Vocabulary list, std::string_view id) {
  for (const NamedValue& v : namedValues(list)) {
    if (v.id == id) {
      return v.name;
    }
  }
  return id;
}

std::string fieldName(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(' ');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

} // namespace sq::authoring
