#include "results/roster.hpp"

#include <algorithm>

namespace sq {

const SchoolClass* Roster::findClassByName(std::string_view name) const {
  auto it = std::find_if(classes.begin(), classes.end(),
                         [&](const SchoolClass& c) { return c.name == name; });
  return it == classes.end() ? nullptr : &*it;
}

const SchoolClass* Roster::findClass(std::string_view wanted) const {
  auto it = std::find_if(classes.begin(), classes.end(),
                         [&](const SchoolClass& c) { return c.id == wanted; });
  return it == classes.end() ? nullptr : &*it;
}

const Pupil* Roster::findPupil(std::string_view wanted) const {
  auto it =
      std::find_if(pupils.begin(), pupils.end(), [&](const Pupil& p) { return p.id == wanted; });
  return it == pupils.end() ? nullptr : &*it;
}

} // namespace sq
