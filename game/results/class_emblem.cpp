#include "results/class_emblem.hpp"

#include "core/fnv_hash.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

namespace sq {

std::string_view ClassEmblem::pictureName() const {
  return kEmblemPictures[static_cast<std::size_t>(std::clamp(picture, 0, kEmblemPictureCount - 1))];
}

std::string_view ClassEmblem::colourName() const {
  return kEmblemColours[static_cast<std::size_t>(std::clamp(colour, 0, kEmblemColourCount - 1))];
}

std::string ClassEmblem::id() const {
  return std::string(pictureName()) + "/" + std::string(colourName());
}

std::optional<ClassEmblem> parseClassEmblem(std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view picture = id.substr(0, slash);
  const std::string_view colour = id.substr(slash + 1);
  ClassEmblem e;
  e.chosen = true;
  e.picture = -1;
  e.colour = -1;
  for (int i = 0; i < kEmblemPictureCount; ++i) {
    if (kEmblemPictures[i] == picture) {
      e.picture = i;
    }
  }
  for (int i = 0; i < kEmblemColourCount; ++i) {
    if (kEmblemColours[i] == colour) {
      e.colour = i;
    }
  }
  if (e.picture < 0 || e.colour < 0) {
    return std::nullopt;
  }
  return e;
}

std::map<std::string, ClassEmblem> classEmblems(const std::vector<SchoolClass>& classes) {
  std::map<std::string, ClassEmblem> out;
  std::set<int> pictures; // taken, by the teacher's choices first
  std::vector<std::pair<std::uint64_t, std::string>> order;
  for (const SchoolClass& c : classes) {
    if (auto chosen = parseClassEmblem(c.emblem)) {
      out[c.id] = *chosen;
      pictures.insert(chosen->picture);
    } else {
      Fnv1a64 h;
      h.add(c.id);
      order.emplace_back(h.value(), c.id);
    }
  }
  std::sort(order.begin(), order.end());
  for (const auto& [hash, id] : order) {
    const int wanted = static_cast<int>(hash % kEmblemPictureCount);
    int picture = wanted;
    for (int tries = 0; tries < kEmblemPictureCount; ++tries) {
      const int p = (wanted + tries) % kEmblemPictureCount;
      if (pictures.count(p) == 0) {
        picture = p;
        break;
      }
    }
    pictures.insert(picture);
    ClassEmblem e;
    e.picture = picture;
    // The colour from the hash as well, so even classes sharing a picture (more
    // classes than pictures) mostly differ by colour.
    e.colour = static_cast<int>((hash / kEmblemPictureCount) % kEmblemColourCount);
    out[id] = e;
  }
  return out;
}

} // namespace sq
