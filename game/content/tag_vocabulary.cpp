#include "content/tag_vocabulary.hpp"

namespace sq {

const std::vector<std::string_view>& efcwStrandIds() {
  static const std::vector<std::string_view> ids = {
      "self-image-and-identity", "online-relationships",        "online-reputation",
      "online-bullying",         "managing-online-information", "health-wellbeing-and-lifestyle",
      "privacy-and-security",    "copyright-and-ownership"};
  return ids;
}

const std::vector<std::string_view>& dcfElementIds() {
  static const std::vector<std::string_view> ids = {"identity-image-reputation", "health-wellbeing",
                                                    "digital-rights-licensing-ownership",
                                                    "online-behaviour-cyberbullying"};
  return ids;
}

const std::vector<std::string_view>& smartLetterIds() {
  static const std::vector<std::string_view> ids = {"S", "M", "A", "R", "T"};
  return ids;
}

const std::vector<std::string_view>& topicIds() {
  static const std::vector<std::string_view> ids = {"personal-details",
                                                    "passwords",
                                                    "photos-of-others",
                                                    "cyberbullying",
                                                    "reliable-information",
                                                    "copyright",
                                                    "email",
                                                    "webcams",
                                                    "online-identity",
                                                    "digital-footprint",
                                                    "gaming-and-messaging",
                                                    "mobile-phones",
                                                    "viruses-and-popups",
                                                    "asking-before-accepting",
                                                    "reporting"};
  return ids;
}

} // namespace sq
