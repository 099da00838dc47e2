// FNV-1a, 64-bit: a fast fingerprint of content, used to notice that a pack has
// changed between two sessions. Not for security.
// Depends on: std only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sq {

class Fnv1a64 {
public:
  void add(std::string_view bytes);
  std::uint64_t value() const { return mHash; }
  std::string hex() const; // 16 lowercase hex digits

private:
  std::uint64_t mHash = 14695981039346656037ull;
};

} // namespace sq
