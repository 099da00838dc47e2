// A small pack built in memory for the runner tests, loaded through the real
// loader so every test runs on validated content.
#pragma once

#include "content/pack_loader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace sq::test {

inline nlohmann::json runtimeManifest() {
  return nlohmann::json::parse(R"({
    "formatVersion": 1, "id": "rt", "title": "Runner tests", "version": "1.0.0",
    "languages": ["en-GB"], "authors": ["Tests"], "licence": "CC0-1.0",
    "units": [{ "id": "y3", "yearGroup": "y3", "band": "lks2", "title": "Year 3",
                "lessons": [{ "lesson": "l1", "required": true }] }]
  })");
}

inline nlohmann::json runtimeLesson() {
  return nlohmann::json::parse(R"({
    "id": "l1", "title": "Runner lesson", "objectives": ["Test every runner."],
    "steps": [
      { "id": "intro", "kind": "slides", "slides": [
        { "id": "s1", "text": "One" }, { "id": "s2", "text": "Two" } ] },
      { "id": "story", "kind": "scenario", "start": "ask", "nodes": [
        { "id": "ask", "text": "Someone asks for your address.", "choices": [
          { "id": "share", "text": "Share it", "safe": false, "smart": "S", "feedback": "That is private." },
          { "id": "ask-adult", "text": "Ask an adult", "safe": true, "smart": "T", "next": "adult",
            "feedback": "Good idea." },
          { "id": "ignore", "text": "Ignore it", "safe": true, "smart": "S", "next": "done",
            "feedback": "Fine, and telling is even better." } ] },
        { "id": "adult", "text": "The adult helps you block them.", "choices": [
          { "id": "thanks", "text": "Say thank you", "safe": true, "smart": "T", "next": "done",
            "feedback": "Well done for telling." } ] },
        { "id": "done", "ending": true, "text": "You stayed safe." } ] },
      { "id": "check", "kind": "quiz", "items": [
        { "id": "q-single", "type": "single", "prompt": "Which is private?",
          "feedback": { "correct": "Yes.", "incorrect": "Not quite." },
          "options": [ { "id": "a", "text": "Your address", "correct": true },
                       { "id": "b", "text": "Your favourite colour", "correct": false } ] },
        { "id": "q-multi", "type": "multiple", "prompt": "Which are private?",
          "feedback": { "correct": "Yes.", "incorrect": "Not quite." },
          "options": [ { "id": "a", "text": "Password", "correct": true },
                       { "id": "b", "text": "School", "correct": true },
                       { "id": "c", "text": "Favourite food", "correct": false } ] },
        { "id": "q-tf", "type": "truefalse", "prompt": "You should share passwords.", "answer": false,
          "feedback": { "correct": "Right.", "incorrect": "Keep passwords secret." } },
        { "id": "q-sort", "type": "sort", "prompt": "Sort them.",
          "feedback": { "correct": "Yes.", "incorrect": "Try again." },
          "groups": [ { "id": "ok", "label": "OK to share" }, { "id": "no", "label": "Private" } ],
          "cards": [ { "id": "c1", "text": "Nickname", "group": "ok" },
                     { "id": "c2", "text": "Address", "group": "no" },
                     { "id": "c3", "text": "Password", "group": "no" } ] },
        { "id": "q-order", "type": "order", "prompt": "Put in order.",
          "feedback": { "correct": "Yes.", "incorrect": "Try again." },
          "cards": [ { "id": "stop", "text": "Stop" }, { "id": "tell", "text": "Tell" },
                     { "id": "keep", "text": "Leave it for the adult" } ] } ] },
      { "id": "practice", "kind": "butterfly", "feelings": ["happy", "butterflies", "sad"],
        "steps": [ { "id": "stop", "text": "Stop." }, { "id": "tell", "text": "Tell an adult." },
                   { "id": "record", "text": "Ask the adult to help keep a record.", "ks2Only": true } ],
        "adults": ["teacher", "parent"], "sayIt": "What could you say?", "praise": "Well done." },
      { "id": "sign", "kind": "aup", "aup": "ks2-aup" }
    ],
    "reflection": "What will you do?", "badge": { "title": "Star" }
  })");
}

inline nlohmann::json runtimeAup() {
  return nlohmann::json::parse(R"({
    "id": "ks2-aup", "version": "2026.1", "phase": "ks2", "title": "Promises",
    "promises": [ { "id": "p1", "text": "I will tell." }, { "id": "p2", "text": "I will ask." } ] })");
}

inline Pack loadRuntimePack(const nlohmann::json& lesson = runtimeLesson()) {
  MemoryPackSource src;
  src.addFile("pack.json", runtimeManifest().dump());
  src.addFile("lessons/l1.json", lesson.dump());
  src.addFile("aups/ks2-aup.json", runtimeAup().dump());
  LoadResult r = loadPack(src);
  std::string report;
  for (const auto& d : r.diagnostics) {
    report += formatDiagnostic(d) + "\n";
  }
  INFO(report);
  REQUIRE(r.valid());
  return std::move(*r.pack);
}

} // namespace sq::test
