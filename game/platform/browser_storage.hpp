// Whether the browser promises to keep the game's records (the web build's /data
// lives in the browser's IndexedDB). The page asks for persistent storage
// (navigator.storage.persist() in web/shell.js); a browser that says no may clear
// the records when the computer is short of space, or after weeks unused. The
// teacher settings screen says which, in words. On the desktop the question does
// not arise: records are files in the data folder.
// Depends on: Emscripten (inside the .cpp, web build only).
#pragma once

namespace sq {

enum class BrowserStorage {
  NotBrowser,  // the desktop: nothing to say
  Asking,      // the page has asked and not heard back yet
  Persistent,  // the browser keeps the records until someone deletes them
  BestEffort,  // the browser said no: it may clear them to make room
  Unavailable, // the browser keeps nothing across a reload (e.g. a private window)
};

BrowserStorage browserStorage();

} // namespace sq
