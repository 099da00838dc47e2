#include "screens/name_marks.hpp"

#include "core/fnv_hash.hpp"
#include "results/name_clashes.hpp"
#include "screens/picture_password.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

namespace sq {

std::map<std::string, NameMark> nameMarks(const std::vector<Pupil>& pupils) {
  std::map<std::string, NameMark> marks;
  constexpr int kPictures = kPasswordPictures;
  for (const NameClash& clash : findNameClashes(pupils)) {
    // Each pupil asks first for the picture their id hashes to; in hash order, a
    // pupil whose picture is taken has the next free one. So a pupil's mark changes
    // only if a pupil who clashes with them joins or leaves the class.
    std::vector<std::pair<std::uint64_t, std::string>> order;
    for (const std::string& id : clash.pupilIds) {
      Fnv1a64 h;
      h.add(id);
      order.emplace_back(h.value(), id);
    }
    std::sort(order.begin(), order.end());
    std::set<int> used; // picture + kPictures * round
    for (const auto& [hash, id] : order) {
      const int wanted = static_cast<int>(hash % kPictures);
      int slot = 0;
      for (int tries = 0;; ++tries) {
        const int round = tries / kPictures;
        slot = round * kPictures + (wanted + tries) % kPictures;
        if (used.insert(slot).second) {
          break;
        }
      }
      const int picture = slot % kPictures;
      const int round = slot / kPictures;
      // In the first round the colour goes with the picture (the star is always on
      // the same colour); a second pupil with the star gets another colour.
      marks[id] = NameMark{picture + 1, static_cast<std::size_t>((picture + round) % kPictures)};
    }
  }
  return marks;
}

} // namespace sq
