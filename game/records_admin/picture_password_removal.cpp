// A class's picture password removed for every PC (see picture_password_removal.hpp).
#include "records_admin/picture_password_removal.hpp"

#include "results/register.hpp"

namespace sq::admin {

bool removePicturePasswordEverywhere(ResultsStore& store, const std::string& classId,
                                     const std::string& nowUtc, std::string& error) {
  Roster roster = store.loadRoster();
  SchoolClass* found = nullptr;
  for (SchoolClass& c : roster.classes) {
    if (c.id == classId) {
      found = &c;
    }
  }
  if (found == nullptr) {
    error = "That class is no longer in the class list, so nothing changed.";
    return false;
  }
  found->picturePasswordRemoved = nowUtc;
  if (!store.saveRoster(roster, error)) {
    error = "The picture password was not removed, so nothing changed: " + error;
    return false;
  }
  return true;
}

std::string removedLine(const SchoolClass& schoolClass) {
  if (schoolClass.picturePasswordRemoved.size() < 10) {
    return {};
  }
  return "Removed for every PC on " + longDate(schoolClass.picturePasswordRemoved.substr(0, 10)) +
         ".";
}

std::string removalResultLine(const std::string& className, const std::string& folder,
                              bool published, const std::string& publishError) {
  const std::string done = "The picture password of " + className + " is removed.";
  if (folder.empty()) {
    return done + " No school folder is set, so the classroom PCs will hear of it once one is "
                  "set and the class list is published (Sharing).";
  }
  if (!published) {
    return done + " The school folder could not be updated (" + publishError +
           "), so the classroom PCs still ask for it: publish again from Sharing.";
  }
  return done + " The classroom PCs stop asking for it from their next sign-in.";
}

} // namespace sq::admin
