// Random identifiers: version 4 UUIDs in lowercase, from the operating system's
// random source. Pupil ids, device ids and event ids are all of this form, so an
// id reveals nothing about the pupil or the order they were added.
// Depends on: libsodium (randombytes).
#pragma once

#include <string>
#include <string_view>

namespace sq {

std::string newUuid();
// True for a lowercase 8-4-4-4-12 hex uuid.
bool isUuid(std::string_view s);

} // namespace sq
