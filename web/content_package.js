// Linked before the game's JS (--pre-js), so it shares the scope of emscripten's
// FS. The lessons (content/core, 18 MB, mostly narration) are not preloaded before
// the game starts, as the fonts and interface art are: the first screen never
// needs them, and waiting for them kept it off screen for as long as they took
// to download and unpack. They come as safequest-content.data (the files end to
// end) with safequest-content.json (each file's name and byte range, made by
// web/pack-content.py), fetched from the start, beside the program.
// The game does not wait for them: pupils can sign in while they download (home
// says it is getting ready), and the game reads the packs on the frame after they
// are in /content (Module.sqContentInstalled, read by web/main_web.cpp). The page
// shows how far the download is (Module.sqContentProgress(done, total), web/shell.js).
// If they cannot be downloaded, the page says so (Module.sqFailed, web/shell.js).
(function () {
  const DATA = 'safequest-content.data';
  const LIST = 'safequest-content.json';
  let arrived = null; // { list, bytes } once both are here
  let failure = '';
  let firstFrameShown = false;
  let installed = false;
  Module['sqContentInstalled'] = false;

  function progress(done, total) {
    if (typeof Module['sqContentProgress'] === 'function') Module['sqContentProgress'](done, total);
  }

  // Into the file system once both files are here and the runtime is up (the
  // first frame is on screen, so FS is ready).
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
    Module['sqContentInstalled'] = true;
  }

  function report() {
    if (firstFrameShown && failure && typeof Module['sqFailed'] === 'function') {
      Module['sqFailed'](failure);
    }
  }

  function answer(name, response) {
    if (!response.ok) {
      throw new Error(name + ' could not be downloaded (the server answered ' +
                      response.status + ')');
    }
    return response;
  }

  // The data file read piece by piece, so the page can show how far it is.
  function getData() {
    return fetch(DATA, { credentials: 'same-origin' }).then((response) => {
      answer(DATA, response);
      const total = Number(response.headers.get('Content-Length')) || 0;
      if (!response.body || !response.body.getReader || total <= 0) {
        return response.arrayBuffer();
      }
      const reader = response.body.getReader();
      const bytes = new Uint8Array(total);
      let done = 0;
      progress(0, total);
      function pump() {
        return reader.read().then((part) => {
          if (part.done) {
            if (done !== total) throw new Error(DATA + ' arrived incomplete');
            return bytes.buffer;
          }
          if (done + part.value.length > total) throw new Error(DATA + ' is longer than its size');
          bytes.set(part.value, done);
          done += part.value.length;
          progress(done, total);
          return pump();
        });
      }
      return pump();
    });
  }

  Promise.all([
    fetch(LIST, { credentials: 'same-origin' }).then((r) => answer(LIST, r).json()),
    getData(),
  ])
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
  };
})();
