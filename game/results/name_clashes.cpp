#include "results/name_clashes.hpp"

#include "results/roster_import.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace sq {

std::vector<NameClash> findNameClashes(const std::vector<Pupil>& pupils) {
  // (class id, folded name) -> the pupils shown that way, in id order.
  std::map<std::pair<std::string, std::string>, std::vector<const Pupil*>> groups;
  for (const Pupil& p : pupils) {
    if (p.archivedOn.empty()) {
      groups[{p.classId, foldName(p.shortName())}].push_back(&p);
    }
  }
  std::vector<NameClash> out;
  for (auto& [key, members] : groups) {
    if (members.size() < 2) {
      continue;
    }
    std::sort(members.begin(), members.end(),
              [](const Pupil* a, const Pupil* b) { return a->id < b->id; });
    NameClash c;
    c.classId = key.first;
    // Pupil ids are random, so "the first" would change from run to run. Take the
    // greatest spelling instead: "Amy Z" over "AMY Z", as lower case sorts after
    // capitals and a name typed in capitals is the less usual way to write it.
    for (const Pupil* p : members) {
      c.shownAs = std::max(c.shownAs, p->shortName());
    }
    for (const Pupil* p : members) {
      c.pupilIds.push_back(p->id);
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace sq
