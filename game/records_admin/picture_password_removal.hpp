// A class's picture password removed from the teachers' app for every classroom PC.
// Picture passwords are set on each game PC (the game's teacher settings) and kept
// there; the teachers' app cannot see them. So a removal is kept as a time with the
// class in the class list (SchoolClass::picturePasswordRemoved), which publishing
// carries, signed, to the school folder; a game PC then stops asking for a password
// it set before that time, and one set on a PC afterwards stands
// (app/pupil_session_service). Passwords are per class, never per pupil.
// Depends on: results (results_store, roster, register's longDate).
#pragma once

#include "results/results_store.hpp"
#include "results/roster.hpp"

#include <string>

namespace sq::admin {

// Records the removal at `nowUtc` ("2026-12-07T09:30:00Z") for the class, in one
// save of the class list. False, with why in plain words and nothing changed, when
// there is no such class or the store refuses.
bool removePicturePasswordEverywhere(ResultsStore& store, const std::string& classId,
                                     const std::string& nowUtc, std::string& error);

// "Removed for every PC on 7 December 2026." ("" when it never was).
std::string removedLine(const SchoolClass& schoolClass);

// The result line after a removal: `published` whether the class list reached the
// school folder (`folder` "" when none is set), `publishError` why not.
std::string removalResultLine(const std::string& className, const std::string& folder,
                              bool published, const std::string& publishError);

} // namespace sq::admin
