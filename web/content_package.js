// Linked before the game's JS (--pre-js), so it shares the scope of emscripten's
// FS. The lessons (content/core, 19 MB, mostly narration) are not preloaded before
// the game starts, as the fonts and interface art are: the first screen never
// needs them, and waiting for them kept it off screen for as long as they took
// to download and unpack. They come as safequest-content.data (the files end to
// end) with safequest-content.json (each file's name and byte range, from
// emscripten's file packager), fetched from the start, beside the program.
// The game reads the packs only after its first frame (game/app: slow work waits
// for the first frame), so after that frame the main loop is paused until the
// files are in /content/core, and then carries on. If they cannot be downloaded,
// the page says so (Module.sqFailed, web/shell.js).
(function () {
  const DATA = 'safequest-content.data';
  const LIST = 'safequest-content.json';
  let arrived = null; // { list, bytes } once both are here
  let failure = '';
  let firstFrameShown = false;
  let installed = false;
  let paused = false;

  function install() {
    if (installed || !arrived || !firstFrameShown) return;
    installed = true;
    try {
      for (const file of arrived.list.files) {
        const slash = file.filename.lastIndexOf('/');
        const folder = file.filename.slice(0, slash);
        FS.mkdirTree(folder);
        // The file owns its slice of the one buffer: nothing is copied.
        FS.createDataFile(folder, file.filename.slice(slash + 1),
                          arrived.bytes.subarray(file.start, file.end), true, true, true);
      }
    } catch (error) {
      failure = 'the lessons could not be unpacked: ' + (error && error.message || error);
      report();
      return;
    }
    arrived = null;
    if (paused) {
      paused = false;
      Module['resumeMainLoop']();
    }
  }

  function report() {
    if (firstFrameShown && failure && typeof Module['sqFailed'] === 'function') {
      Module['sqFailed'](failure);
    }
  }

  function get(name, as) {
    return fetch(name, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) {
        throw new Error(name + ' could not be downloaded (the server answered ' +
                        response.status + ')');
      }
      return as === 'json' ? response.json() : response.arrayBuffer();
    });
  }

  Promise.all([get(LIST, 'json'), get(DATA, 'bytes')])
    .then(([list, buffer]) => {
      if (!list || !Array.isArray(list.files) || list.remote_package_size !== buffer.byteLength) {
        throw new Error(LIST + ' does not describe ' + DATA + ' (are they from the same build?)');
      }
      arrived = { list: list, bytes: new Uint8Array(buffer) };
      install();
    })
    .catch((error) => {
      failure = String(error && error.message || error);
      report();
    });

  // web/main_web.cpp calls Module.sqReady after the first frame; the page's own
  // handler (web/shell.js) still runs.
  const pageReady = Module['sqReady'];
  Module['sqReady'] = function () {
    if (typeof pageReady === 'function') pageReady.apply(this, arguments);
    firstFrameShown = true;
    if (failure) {
      report();
      return;
    }
    install();
    if (!installed) {
      paused = true;
      Module['pauseMainLoop']();
    }
  };
})();
