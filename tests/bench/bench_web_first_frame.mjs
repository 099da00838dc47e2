// The web game's first frame against a plain HTML page, in headless Chromium.
//
// One static server on 127.0.0.1 serves the built web folder and, beside it, a plain
// page (a heading, a line of text and three buttons: what the baseline in
// ../shared/PERF-BASELINES.md measured). Each run starts a fresh Chromium (a new
// profile, so nothing is cached) and opens one of the two; runs alternate, plain
// then game, N times each. For each run it takes:
//   - from navigation start (the page's performance.timeOrigin) to the first frame:
//     for the game, the moment the page sets window.safequest.ready (after the
//     game's first frame, web/main_web.cpp), timed in the page with
//     performance.now(); for the plain page, its first contentful paint;
//   - from launching Chromium to the same moment (as the baseline table measures);
//   - for the game, when its files had arrived (safequest.js, .wasm, .data) and when
//     the runtime started, so a slow first frame can be traced to its cause.
// It prints the medians [min-max], the game/plain ratio of each (the requirement:
// at most 2x), and the gzipped size of safequest.wasm + safequest.js.
//
// Usage: node tests/bench/bench_web_first_frame.mjs [BUILD_DIR] [--runs N]
//   (default build/web, 5 runs each; build it with web/build.sh). CHROMIUM names
//   another browser binary. Writes only to a temporary profile folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { TYPES, launchChromium, serve } from '../web/harness.mjs';

const require = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname),
                                        '..', 'package.json'));
const puppeteer = require('puppeteer-core');

const args = process.argv.slice(2);
let buildDir = 'build/web';
let runs = 5;
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (!args[i].startsWith('--')) buildDir = args[i];
  else {
    console.error('usage: bench_web_first_frame.mjs [BUILD_DIR] [--runs N]');
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs needs a whole number of at least 1');
  process.exit(2);
}
for (const f of ['index.html', 'safequest.js', 'safequest.wasm']) {
  if (!fs.existsSync(path.join(buildDir, f))) {
    console.error(`${buildDir}/${f} is missing: build the web game first (web/build.sh)`);
    process.exit(2);
  }
}

// ---- the plain page, and a static server for both ------------------------------------
const PLAIN = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Plain page</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Online safety</h1><p>Choose what to do next.</p>
<button>Play</button> <button>Settings</button> <button>Help</button></body></html>
`;
const server = await serve(buildDir, {
  noStore: true,
  extra: (url, res) => {
    if (url.pathname !== '/__plain.html') return false;
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    res.end(PLAIN);
    return true;
  },
});
const origin = `http://127.0.0.1:${server.address().port}`;

// Installed before the page's own scripts: records performance.now() when the page
// sets window.safequest.ready, and when the Emscripten runtime has started.
function recordReady() {
  const marks = {};
  window.__sqMarks = marks;
  let state;
  Object.defineProperty(window, 'safequest', {
    configurable: true,
    get() { return state; },
    set(value) {
      state = value;
      let ready = value.ready;
      Object.defineProperty(value, 'ready', {
        configurable: true,
        enumerable: true,
        get() { return ready; },
        set(v) {
          if (v && !ready) marks.ready = performance.now();
          ready = v;
        },
      });
    },
  });
  let module;
  Object.defineProperty(window, 'Module', {
    configurable: true,
    get() { return module; },
    set(value) {
      module = value;
      const before = value.onRuntimeInitialized;
      value.onRuntimeInitialized = function () {
        marks.runtime = performance.now();
        if (before) before.apply(this, arguments);
      };
    },
  });
}


// One cold run: a new browser and profile, one page. Returns the timings in ms.
async function oneRun(kind) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-bench-'));
  const launchedAt = Date.now();
  const browser = await launchChromium(puppeteer, { userDataDir: profile, width: 1280, height: 720 });

  try {
    const page = await browser.newPage();
    if (kind === 'game') await page.evaluateOnNewDocument(recordReady);
    await page.goto(`${origin}/${kind === 'game' ? '' : '__plain.html'}`, { waitUntil: 'load',
                                                                            timeout: 120000 });
    const got = await page.waitForFunction((k) => {
      const resources = {};
      for (const e of performance.getEntriesByType('resource')) {
        resources[e.name.split('/').pop()] = e.responseEnd;
      }
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByType('paint')
        .find((e) => e.name === 'first-contentful-paint');
      if (k === 'game') {
        if (window.safequest && window.safequest.failed) return { failed: window.safequest.failed };
        if (!window.__sqMarks || !window.__sqMarks.ready) return null;
        return { frame: window.__sqMarks.ready, runtime: window.__sqMarks.runtime,
                 load: nav && nav.loadEventEnd, resources, timeOrigin: performance.timeOrigin };
      }
      if (!paint) return null;
      return { frame: paint.startTime, load: nav && nav.loadEventEnd, resources,
               timeOrigin: performance.timeOrigin };
    }, { timeout: 120000, polling: 'raf' }, kind).then((h) => h.jsonValue());
    if (got.failed) throw new Error(`the game did not start: ${got.failed}`);
    got.fromLaunch = got.timeOrigin + got.frame - launchedAt;
    return got;
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined || Number.isNaN(x) ? '-' : `${Math.round(x)} ms`);
const spread = (xs) => `${ms(median(xs))} [${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))}]`;

const results = { plain: [], game: [] };
try {
  await oneRun('plain'); // warm-up of each: the first browser start of a run is slower
  await oneRun('game');
  for (let i = 0; i < runs; i += 1) {
    for (const kind of ['plain', 'game']) {
      results[kind].push(await oneRun(kind));
    }
  }
} finally {
  server.close();
}

const col = (kind, key) => results[kind].map((r) => r[key]);
const res = (name) => results.game.map((r) => r.resources[name]).filter((x) => x !== undefined);
console.log(`web first frame, ${runs} cold runs each, interleaved (median [min-max]):`);
console.log(`                          navigation -> first frame   Chromium launch -> first frame`);
console.log(`  plain page (first paint)   ${spread(col('plain', 'frame')).padEnd(26)}  ` +
            `${spread(col('plain', 'fromLaunch'))}`);
console.log(`  SafeQuest (first frame)    ${spread(col('game', 'frame')).padEnd(26)}  ` +
            `${spread(col('game', 'fromLaunch'))}`);
const ratioNav = median(col('game', 'frame')) / median(col('plain', 'frame'));
const ratioLaunch = median(col('game', 'fromLaunch')) / median(col('plain', 'fromLaunch'));
console.log(`  ratio                      ${ratioNav.toFixed(2)}x` +
            `${' '.repeat(22)}${ratioLaunch.toFixed(2)}x   (requirement: at most 2x)`);
console.log('  the game\'s first frame, step by step (from navigation, medians):');
for (const f of ['safequest.js', 'safequest.wasm', 'safequest.data']) {
  if (res(f).length) console.log(`    ${f.padEnd(16)} arrived   ${ms(median(res(f)))}`);
}
const runtime = col('game', 'runtime').filter((x) => x !== undefined);
if (runtime.length) console.log(`    runtime started           ${ms(median(runtime))}`);
console.log(`    first frame               ${ms(median(col('game', 'frame')))}`);

const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(buildDir, f)), { level: 9 }).length;
const kb = (n) => `${Math.round(n / 1024)} KB`;
const wasm = gz('safequest.wasm');
const js = gz('safequest.js');
console.log(`  size (gzipped): wasm ${kb(wasm)} + js ${kb(js)} = ${kb(wasm + js)} of 1536 KB`);
for (const f of fs.readdirSync(buildDir).filter((n) => n.endsWith('.data')).sort()) {
  const bytes = fs.statSync(path.join(buildDir, f)).size;
  console.log(`  content ${f}: ${kb(bytes)} (${kb(gz(f))} gzipped)`);
}
