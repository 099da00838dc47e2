// The events as xAPI statements (a JSON array), for a school's learning record store.
// One statement per pupil event in the register's scope and academic year; the
// statement id is the event's uuid, so exporting twice never duplicates a statement.
// A pupil is an account (home page + random id): no name or other personal detail is
// ever written. Left out, because no pupil is the actor: help.asked, class AUP
// confirmations, assemblies, parent or carer agreements and erasure tombstones.
// Verbs (ADL): lesson.completed -> completed; activity.completed -> answered when it
// has a score, else completed; lesson.progress -> attempted; aup.signed -> completed.
// Depends on: results/register, results/event, results/event_payload,
// results/civil_time, results/uuid, core/utf8.
#pragma once

#include "results/event.hpp"
#include "results/register.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sq {

// The account home page is a placeholder under the reserved .invalid domain: a
// school that sends statements to an LRS sets its own with --homepage.
inline constexpr std::string_view kDefaultXapiHomePage = "https://safequest.invalid/pupils";
// Activity IRIs are <base>/<pack>/lessons/<lesson>[/steps/<step>] and
// <base>/<pack>/aups/<aup>; ids are percent-encoded.
inline constexpr std::string_view kDefaultXapiActivityBase = "https://safequest.invalid/activities";

struct XapiOptions {
  std::string homePage = std::string(kDefaultXapiHomePage);
  std::string activityBase = std::string(kDefaultXapiActivityBase);
};

// True for an absolute http(s) URL with a host and no spaces, quotes or controls:
// what xAPI accepts as an account home page.
bool isXapiHomePage(std::string_view url);

// One event as one xAPI statement (a JSON object, no trailing newline), the same
// as reportXapi writes it; "" for an event that makes none (a kind no pupil acts in,
// no pupil, or a malformed uuid or time). The results/xapi_* sender sends these.
std::string xapiStatement(const Event& event, const XapiOptions& options = {});

// `events` may hold anything; only those in `reg`'s pupils and academic year are
// written, oldest first. Events whose uuid or time is malformed are skipped, since
// they cannot make a valid statement.
std::string reportXapi(const std::vector<Event>& events, const Register& reg,
                       const XapiOptions& options = {});

} // namespace sq
