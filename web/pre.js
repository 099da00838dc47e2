// Linked before the game's JS (--pre-js). SDL 2.26's Emscripten audio and event code
// calls autoResumeAudioContext, which Debian's emscripten 3.1.6 does not have yet:
// this is it. Browsers start audio suspended until the user acts; resume it then.
function autoResumeAudioContext(ctx, elements) {
  if (!elements) elements = [document, document.getElementById('canvas')];
  ['keydown', 'mousedown', 'touchstart'].forEach(function (event) {
    elements.forEach(function (element) {
      if (element && element.addEventListener) {
        element.addEventListener(event, function () {
          if (ctx.state === 'suspended') ctx.resume();
        }, { once: true });
      }
    });
  });
}

// The records: /data is kept in the browser's IndexedDB (IDBFS). Before the game
// starts (a run dependency holds main() back), whatever an earlier visit kept is
// copied in (FS.syncfs(true)). After each save the game asks for the other way
// (Module.sqSyncData(generation), FS.syncfs(false)), and hears back through
// sq_data_synced: the save is shown as saved only then. One copy runs at a time;
// asks that come while one runs are served together by the next.
// Module.sqStorage tells the page, the game (platform/browser_storage) and the
// browser test how it stands: { loaded, persisted, syncs, failures, lastError,
// pending }.
(function () {
  const storage = Module['sqStorage'] = Module['sqStorage'] || {};
  storage.syncs = 0;
  storage.failures = 0;
  storage.lastError = '';
  storage.pending = false; // a copy is running or asked for
  let running = false;
  let wanted = 0; // the newest generation asked for and not yet being copied

  let files = false; // a copy asked for with no save waiting on it
  function copyOut() {
    storage.pending = running || wanted !== 0 || files;
    if (running || (wanted === 0 && !files)) return;
    const covers = wanted;
    wanted = 0;
    files = false;
    running = true;
    FS.syncfs(false, function (error) {
      running = false;
      if (error) {
        storage.failures += 1;
        storage.lastError = String(error.message || error.name || error.errno || error);
      } else {
        storage.syncs += 1;
      }
      if (covers > 0) {
        Module['ccall']('sq_data_synced', null, ['number', 'number', 'string'],
                        [covers, error ? 0 : 1, error ? storage.lastError : '']);
      }
      copyOut();
    });
  }
  Module['sqSyncData'] = function (generation) {
    wanted = Math.max(wanted, generation);
    copyOut();
  };
  // The other files of /data (settings, picture passwords, a pupil's choices) are
  // written when a screen closes: the game asks for a copy whenever the screen
  // changes. Only what changed is written, so an idle copy costs little.
  Module['sqSyncFiles'] = function () {
    files = true;
    copyOut();
  };

  Module['preRun'] = [].concat(Module['preRun'] || []);
  Module['preRun'].push(function () {
    FS.mkdir('/data');
    try {
      FS.mount(IDBFS, {}, '/data');
    } catch (error) {
      storage.loaded = false;
      storage.lastError = String(error.message || error);
      return; // /data stays in memory: the game runs, the teacher screen says so
    }
    addRunDependency('sq-records');
    FS.syncfs(true, function (error) {
      storage.loaded = !error;
      if (error) storage.lastError = String(error.message || error.name || error);
      removeRunDependency('sq-records');
    });
  });
})();

// The school's settings for this web game, safequest-config.json beside
// index.html: today only where to send results (an xAPI learning record store;
// web/README.md). Fetched as the game loads, and written to /config for the game
// to read (app/records_service); main() waits for it, which costs nothing as it
// arrives long before the program is compiled. No file (404), or a server that
// answers every address with a web page, means nothing is sent anywhere.
(function () {
  const MAX_BYTES = 16 * 1024 + 1; // one past the game's limit: it says "too long"
  const settings = fetch('safequest-config.json', { cache: 'no-cache', credentials: 'same-origin' })
    .then(function (response) {
      const type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
      if (!response.ok || type === 'text/html') return null;
      return response.text();
    })
    .catch(function () { return null; });
  Module['preRun'] = [].concat(Module['preRun'] || []);
  Module['preRun'].push(function () {
    addRunDependency('sq-settings');
    settings.then(function (text) {
      if (text !== null) {
        try {
          FS.mkdir('/config');
          FS.writeFile('/config/safequest-config.json', text.slice(0, MAX_BYTES));
        } catch (error) {
          console.warn('safequest-config.json could not be passed to the game: ' + error);
        }
      }
      removeRunDependency('sq-settings');
    });
  });
})();
