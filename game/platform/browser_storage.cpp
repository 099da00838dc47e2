#include "platform/browser_storage.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>

// clang-format off
// What web/shell.js learnt: Module.sqStorage = { persisted: true|false|undefined,
// loaded: false when IndexedDB could not be read at all }.
EM_JS(int, sqBrowserStorageState, (), {
  const s = Module['sqStorage'] || {};
  if (s.loaded === false) return 4;
  if (s.persisted === true) return 2;
  if (s.persisted === false) return 3;
  return 1;
});
// clang-format on
#endif

namespace sq {

BrowserStorage browserStorage() {
#ifdef __EMSCRIPTEN__
  switch (sqBrowserStorageState()) {
  case 2:
    return BrowserStorage::Persistent;
  case 3:
    return BrowserStorage::BestEffort;
  case 4:
    return BrowserStorage::Unavailable;
  default:
    return BrowserStorage::Asking;
  }
#else
  return BrowserStorage::NotBrowser;
#endif
}

} // namespace sq
