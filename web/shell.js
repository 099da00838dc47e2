// The page's own script (web/shell.html): shows the loading state with its
// progress, explains a failure in words a teacher can act on, offers full screen,
// then starts the game (safequest.js). It sets window.safequest for the browser
// test: { ready, screen, failed }; Module.sqStorage says how the records are kept.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const loading = $('loading');
  const loadingText = $('loading-text');
  const bar = $('loading-bar');
  const canvas = $('canvas');
  const fullscreenButton = $('fullscreen');
  const state = { ready: false, screen: '', failed: '' };
  window.safequest = state;

  // ---- failures, in a teacher's words ------------------------------------------
  const ASK = 'Ask whoever looks after the school\'s website or computers, and show them this message.';
  function fail(message, detail) {
    if (state.failed) return; // the first cause is the one worth reading
    state.failed = message;
    loading.hidden = true;
    canvas.hidden = true;
    fullscreenButton.disabled = true;
    $('failed-text').textContent = message;
    $('failed-detail').textContent = detail ? 'Details for IT: ' + detail : '';
    $('failed').hidden = false;
  }

  if (location.protocol === 'file:') {
    fail('SafeQuest was opened straight from a file. It has to be opened from a web ' +
         'server (the address starts with http:// or https://). ' + ASK,
         'serve this folder with any static web server, e.g. python3 -m http.server');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    fail('This web browser cannot run SafeQuest. Please open it in an up-to-date ' +
         'Chrome, Edge, Firefox or Safari.', 'WebAssembly is not available');
    return;
  }

  // ---- progress: the program, then the lessons and fonts -------------------------
  // The program counts for the first fifth of the bar, the content for the rest.
  let programDone = false;
  function show(text, percent) {
    loadingText.textContent = text;
    if (percent === null) bar.removeAttribute('value');
    else bar.value = Math.max(0, Math.min(100, Math.round(percent)));
  }
  show('Getting the game ready…', null);

  // The program: fetched here so a missing file or a wrong MIME type can be named.
  function instantiateWasm(imports, receive) {
    fetch('safequest.wasm', { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) {
          throw new Error('the game file safequest.wasm could not be downloaded (the server ' +
                          'answered ' + response.status + ')');
        }
        const type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
        if (type !== 'application/wasm') {
          console.warn('safequest.wasm was sent as "' + type + '", not application/wasm: ' +
                       'the game loads more slowly');
          return response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
        }
        return WebAssembly.instantiateStreaming(response, imports);
      })
      .then((result) => {
        programDone = true;
        show('Getting the lessons ready…', 20);
        receive(result.instance, result.module);
      })
      .catch((error) => {
        fail('The game could not be downloaded from the school\'s web server. ' + ASK +
             ' The server must have every file of the game\'s folder, and must send .wasm ' +
             'files with the type application/wasm.', String(error && error.message || error));
      });
    return {}; // the exports arrive through receive()
  }

  // ---- the game's Module ---------------------------------------------------------
  const Module = {
    canvas: canvas,
    noExitRuntime: true,
    instantiateWasm: instantiateWasm,
    // Emscripten's file packager reports "Downloading data... (done/total)".
    setStatus: function (text) {
      const m = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text || '');
      if (m && Number(m[2]) > 0) {
        const part = Number(m[1]) / Number(m[2]);
        show('Getting the lessons ready… ' + Math.round(part * 100) + '%',
             (programDone ? 20 : 0) + part * 80);
      }
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: function (what) {
      fail('SafeQuest stopped because of a problem in the game. Reloading the page ' +
           'usually helps; if it happens again, ' + ASK.charAt(0).toLowerCase() + ASK.slice(1),
           String(what));
    },
    // Called by the game (web/main_web.cpp).
    sqReady: function () {
      state.ready = true;
      loading.hidden = true;
      $('stage').classList.remove('starting');
      fullscreenButton.disabled = false;
      canvas.focus();
      document.title = 'SafeQuest';
    },
    sqScreen: function (id) {
      state.screen = id;
    },
    // The lessons download on after the first frame (web/content_package.js): the
    // game can be used meanwhile, and this line says how far they are.
    sqContentProgress: function (done, total) {
      const box = $('lessons');
      if (done >= total) {
        box.hidden = true;
        return;
      }
      const mb = (n) => (n / 1048576).toFixed(1);
      $('lessons-text').textContent = 'Getting the lessons ready: ' + mb(done) + ' of ' +
                                      mb(total) + ' MB';
      $('lessons-bar').value = Math.round(100 * done / total);
      box.hidden = !state.ready; // the loading screen says it before the first frame
    },
    sqFailed: function (message) {
      fail('SafeQuest could not start on this computer. ' + ASK, message);
    },
  };
  window.Module = Module;

  // ---- keeping the records ---------------------------------------------------------
  // The records live in this browser's IndexedDB (web/pre.js). Ask the browser not to
  // clear them to make room; it may say no (it decides from how the site is used),
  // and it only asks over https (or on this computer's own address). The teacher
  // settings screen says which (platform/browser_storage reads Module.sqStorage).
  const storage = Module.sqStorage = { persisted: undefined };
  if (window.isSecureContext && navigator.storage && navigator.storage.persist) {
    navigator.storage.persisted()
      .then((already) => already || navigator.storage.persist())
      .then((granted) => { storage.persisted = granted === true; })
      .catch(() => { storage.persisted = false; });
  } else {
    storage.persisted = false;
  }

  window.addEventListener('error', (event) => {
    if (!state.ready) {
      fail('A part of the game could not be loaded. ' + ASK +
           ' The server must have every file of the game\'s folder.',
           String(event.message || (event.target && event.target.src) || 'unknown error'));
    }
  }, true);

  // ---- full screen -----------------------------------------------------------------
  fullscreenButton.addEventListener('click', () => {
    const stage = $('stage');
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (stage.requestFullscreen) {
      stage.requestFullscreen().then(() => canvas.focus()).catch(() => {});
    }
  });
  document.addEventListener('fullscreenchange', () => {
    fullscreenButton.textContent = document.fullscreenElement ? 'Leave full screen' : 'Full screen';
  });

  // ---- start the game --------------------------------------------------------------
  const script = document.createElement('script');
  script.src = 'safequest.js';
  script.onerror = () => fail('The game could not be downloaded from the school\'s web ' +
                              'server. ' + ASK + ' The server must have every file of the ' +
                              'game\'s folder.', 'safequest.js did not load');
  document.body.appendChild(script);
})();
