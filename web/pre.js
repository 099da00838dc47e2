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
