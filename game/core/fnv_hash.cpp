#include "core/fnv_hash.hpp"

namespace sq {

void Fnv1a64::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    mHash ^= c;
    mHash *= 1099511628211ull;
  }
}

std::string Fnv1a64::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  std::uint64_t v = mHash;
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = digits[v & 0xF];
    v >>= 4;
  }
  return out;
}

} // namespace sq
