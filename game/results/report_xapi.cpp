#include "results/report_xapi.hpp"

#include "core/utf8.hpp"
#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/uuid.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace sq {

namespace {

// The kinds that make a statement: the others have no pupil acting (see the header).
bool pupilActs(EventKind kind) {
  switch (kind) {
  case EventKind::LessonCompleted:
  case EventKind::ActivityCompleted:
  case EventKind::LessonProgress:
  case EventKind::AupSigned:
    return true;
  default:
    return false;
  }
}

constexpr std::string_view kVerbBase = "http://adlnet.gov/expapi/verbs/";
constexpr std::string_view kExtBase = "https://safequest.invalid/xapi/";

// A JSON string literal. Invalid UTF-8 becomes U+FFFD so the output always parses.
void appendJsonString(std::string& out, std::string_view s) {
  out += '"';
  std::size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20) {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0x0F];
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    appendUtf8(out, decodeUtf8(s, pos));
  }
  out += '"';
}

// RFC 3986 unreserved characters stay; every other byte is %XX, so any id makes a
// valid IRI path segment.
void appendSegment(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  if (s.empty()) {
    out += "_";
    return;
  }
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
}

void appendNumber(std::string& out, std::int64_t n) {
  out += std::to_string(n);
}

// score / max with up to four decimals, without locale-dependent formatting.
void appendScaled(std::string& out, std::int64_t score, std::int64_t max) {
  const std::int64_t tenThousandths = (score * 10000 + max / 2) / max;
  out += std::to_string(tenThousandths / 10000);
  std::int64_t frac = tenThousandths % 10000;
  if (frac == 0) {
    return;
  }
  std::string digits = std::to_string(frac);
  digits.insert(0, 4 - digits.size(), '0');
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
  }
  out += '.';
  out += digits;
}

void appendScore(std::string& out, const Event& e) {
  if (!e.score) {
    return;
  }
  const std::int64_t s = *e.score;
  out += ",\"score\":{\"raw\":";
  appendNumber(out, s);
  // min, max and scaled only when they are consistent: xAPI requires
  // min <= raw <= max and scaled in [-1, 1].
  if (e.maxScore && *e.maxScore > 0 && s >= 0 && s <= *e.maxScore) {
    out += ",\"min\":0,\"max\":";
    appendNumber(out, *e.maxScore);
    out += ",\"scaled\":";
    appendScaled(out, s, *e.maxScore);
  }
  out += '}';
}

bool lowerHexUuid(std::string& id) {
  std::transform(id.begin(), id.end(), id.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return isUuid(id);
}

} // namespace

bool isXapiHomePage(std::string_view url) {
  std::string_view rest;
  if (url.substr(0, 8) == "https://") {
    rest = url.substr(8);
  } else if (url.substr(0, 7) == "http://") {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest[0] == '/' || rest.size() > 2000) {
    return false;
  }
  for (char c : rest) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' ||
        c == '{' || c == '}' || c == '|' || c == '^') {
      return false;
    }
  }
  return true;
}

std::string xapiStatement(const Event& event, const XapiOptions& options) {
  const Event* e = &event;
  std::string id = e->uuid;
  if (!pupilActs(e->kind)) {
    return {};
  }
  if (!lowerHexUuid(id) || e->pupilId.empty() || e->timeUtc.size() != 20 ||
      !parseDate(e->timeUtc)) {
    return {};
  }
  std::string out;
  out.reserve(700);
  std::string lessonIri;
  std::string_view verb = "completed";
  if (e->kind == EventKind::LessonProgress) {
    verb = "attempted";
  } else if (e->kind == EventKind::ActivityCompleted && e->score) {
    verb = "answered";
  }

  // A step is an activity inside its lesson, in either form an
  // activity.completed was written in (see ActivityCompletedData).
  std::string lessonId = e->activityId;
  std::string step;
  if (e->kind == EventKind::ActivityCompleted) {
    StepOfLesson where = stepOfLesson(*e, payloadOrEmpty<ActivityCompletedData>(*e));
    lessonId = std::move(where.lesson);
    step = std::move(where.step);
  }
  lessonIri.assign(options.activityBase);
  lessonIri += '/';
  appendSegment(lessonIri, e->packId);
  lessonIri += e->kind == EventKind::AupSigned ? "/aups/" : "/lessons/";
  appendSegment(lessonIri, lessonId);
  std::string objectIri = lessonIri;
  if (e->kind == EventKind::ActivityCompleted) {
    if (!step.empty()) {
      objectIri += "/steps/";
      appendSegment(objectIri, step);
    }
  }

  out += "{\"id\":";
  appendJsonString(out, id);
  out += ",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":";
  appendJsonString(out, options.homePage);
  out += ",\"name\":";
  appendJsonString(out, e->pupilId);
  out += "}},\"verb\":{\"id\":\"";
  out += kVerbBase;
  out += verb;
  out += "\",\"display\":{\"en-GB\":\"";
  out += verb;
  out += "\"}},\"object\":{\"objectType\":\"Activity\",\"id\":";
  appendJsonString(out, objectIri);
  if (e->kind == EventKind::LessonCompleted || e->kind == EventKind::LessonProgress) {
    out += ",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}";
  }
  out += '}';

  const bool completion = e->kind != EventKind::LessonProgress; // progress is a start, not an end
  out += ",\"result\":{\"completion\":";
  out += completion ? "true" : "false";
  appendScore(out, *e);
  out += '}';

  out += ",\"context\":{\"platform\":\"SafeQuest\"";
  if (!step.empty()) {
    out += ",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":";
    appendJsonString(out, lessonIri);
    out += "}]}";
  }
  out += ",\"extensions\":{\"";
  out += kExtBase;
  out += "pack-version\":";
  appendJsonString(out, e->packVersion);
  if (!e->contentHash.empty()) {
    out += ",\"";
    out += kExtBase;
    out += "content-hash\":";
    appendJsonString(out, e->contentHash);
  }
  if (e->kind == EventKind::AupSigned) {
    out += ",\"";
    out += kExtBase;
    out += "aup-version\":";
    appendJsonString(out, payloadOrEmpty<AupSignedData>(*e).aupVersion);
  }
  out += "}}";

  out += ",\"timestamp\":";
  appendJsonString(out, e->timeUtc);
  out += '}';
  return out;
}

std::string reportXapi(const std::vector<Event>& events, const Register& reg,
                       const XapiOptions& options) {
  std::unordered_set<std::string_view> inScope;
  inScope.reserve(reg.pupils.size());
  for (const PupilStatus& p : reg.pupils) {
    inScope.insert(p.id);
  }
  const std::string first = academicYearStart(reg.academicYear);
  const std::string next = academicYearStart(reg.academicYear + 1);

  std::vector<const Event*> chosen;
  for (const Event& e : events) {
    if (!pupilActs(e.kind)) {
      continue;
    }
    const std::string_view t = e.timeUtc;
    if (e.pupilId.empty() || inScope.count(e.pupilId) == 0 || t.size() != 20 ||
        t.compare(0, 10, first) < 0 || t.compare(0, 10, next) >= 0 || !parseDate(t)) {
      continue;
    }
    chosen.push_back(&e);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Event* a, const Event* b) {
    return a->timeUtc != b->timeUtc ? a->timeUtc < b->timeUtc : a->uuid < b->uuid;
  });

  std::string out;
  out.reserve(64 + chosen.size() * 700);
  out += '[';
  bool firstStatement = true;
  for (const Event* e : chosen) {
    std::string statement = xapiStatement(*e, options);
    if (statement.empty()) {
      continue;
    }
    out += firstStatement ? "\n" : ",\n";
    firstStatement = false;
    out += statement;
  }
  out += firstStatement ? "]\n" : "\n]\n";
  return out;
}

} // namespace sq
