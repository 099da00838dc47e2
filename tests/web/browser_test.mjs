// The web game in headless Chromium (Debian's chromium, driven by puppeteer-core):
//   1. serves the built folder on 127.0.0.1 (a small static server of its own, so it
//      also controls the MIME types and can leave a file out),
//   2. loads the page, waits for the signal the page sets after the game's first
//      frame (window.safequest.ready), and takes a screenshot;
//   3. signs in as a guest and plays into a lesson with real mouse clicks and key
//      presses (aimed at the game's widgets, found through sq_widget_rect);
//   4. checks that nothing broke the Content-Security-Policy and that nothing was
//      fetched from anywhere but the page's own server;
//   5. serves the folder without safequest.wasm and checks that the page explains
//      the failure in words (not a blank page).
// Usage: node tests/web/browser_test.mjs BUILD_DIR OUT_DIR
// Exit 0 when every check passed; screenshots go to OUT_DIR.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) {
  console.error('usage: browser_test.mjs BUILD_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
};

// ---- a static server on 127.0.0.1 ------------------------------------------------
function serve(root, { leaveOut = [] } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(root, name);
    if (!file.startsWith(path.resolve(root) + path.sep) || leaveOut.includes(name) ||
        !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': fs.statSync(file).size,
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---- checks ------------------------------------------------------------------------
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
  return ok;
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         `--user-data-dir=${userDataDir}`, '--window-size=1400,900'],
  defaultViewport: { width: 1400, height: 900 },
});

async function openPage(origin) {
  const page = await browser.newPage();
  const problems = [];
  const foreign = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content.Security.Policy|Refused to/i.test(text)) problems.push(text);
    if (process.env.SQ_WEB_TEST_VERBOSE) console.log(`  [page ${msg.type()}] ${text}`);
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')) {
      foreign.push(request.url());
    }
  });
  return { page, problems, foreign };
}

// Waits until `fn` (run in the page) returns a truthy value; returns it, or null.
async function until(page, fn, arg, ms = 20000) {
  try {
    const handle = await page.waitForFunction(fn, { timeout: ms, polling: 50 }, arg);
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

// The middle of widget `id` in page coordinates, once it is shown and enabled.
async function widgetCentre(page, id, ms = 20000) {
  return until(page, (wid) => {
    const M = window.Module;
    if (!M || !M._sq_widget_rect) return null;
    const out = M._malloc(5 * 4);
    const name = M._malloc(M.lengthBytesUTF8(wid) + 1);
    M.stringToUTF8(wid, name, M.lengthBytesUTF8(wid) + 1);
    const found = M._sq_widget_rect(name, out);
    const r = Array.from(M.HEAPF32.subarray(out / 4, out / 4 + 5));
    M._free(out);
    M._free(name);
    if (!found || r[4] !== 1) return null;
    const box = M.canvas.getBoundingClientRect();
    const sx = box.width / M.canvas.width;
    const sy = box.height / M.canvas.height;
    return { x: box.left + (r[0] + r[2] / 2) * sx, y: box.top + (r[1] + r[3] / 2) * sy };
  }, id, ms);
}

async function click(page, id) {
  const at = await widgetCentre(page, id);
  if (!check(at !== null, `widget "${id}" is shown (screen ${await screen(page)})`)) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

const screen = (page) => page.evaluate(() => window.safequest.screen);
const waitScreen = (page, id, ms) =>
  until(page, (want) => window.safequest.screen === want, id, ms);
const showsText = (page, text, ms = 10000) => until(page, (t) => {
  const M = window.Module;
  const p = M._malloc(M.lengthBytesUTF8(t) + 1);
  M.stringToUTF8(t, p, M.lengthBytesUTF8(t) + 1);
  const shown = M._sq_shows_text(p);
  M._free(p);
  return shown === 1;
}, text, ms);

// ---- 1-4: the game starts, signs in, plays into a lesson ---------------------------
const server = await serve(buildDir);
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  const { page, problems, foreign } = await openPage(origin);
  const started = Date.now();
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  check(await page.evaluate(() => document.getElementById('loading')?.getAttribute('role') ===
                                   'status'),
        'the loading state is announced (role=status) while the game loads');
  const ready = await until(page, () => window.safequest.ready || window.safequest.failed, null,
                            120000);
  const failed = await page.evaluate(() => window.safequest.failed);
  check(ready === true && !failed, `the first frame is on screen${failed ? ': ' + failed : ''}`);
  console.log(`     first frame ${Date.now() - started} ms after the page was asked for`);
  check(await page.evaluate(() => document.getElementById('loading')?.hidden === true),
        'the loading state is gone');
  check(await page.evaluate(() => document.getElementById('fullscreen')?.disabled === false),
        'the full-screen button is offered');
  await waitScreen(page, 'sign-in');
  await page.screenshot({ path: path.join(outDir, 'web-first-frame.png') });

  // Sign in as a guest, with the mouse.
  if (await click(page, 'guest')) {
    check(await waitScreen(page, 'home', 30000), 'the guest reaches home');
    await showsText(page, 'Guest', 2000); // settle
    await page.screenshot({ path: path.join(outDir, 'web-home.png') });
    // Into the first lesson to do, by keyboard: focus starts on it.
    await page.keyboard.press('Enter');
    check(await waitScreen(page, 'lesson', 15000), 'Return on home opens the first lesson');
    await page.screenshot({ path: path.join(outDir, 'web-lesson.png') });
    // The lesson's front page, then its first activity, with the mouse.
    if (await click(page, 'next')) {
      const next = await until(page, () => window.safequest.screen !== 'lesson' &&
                               window.safequest.screen, null, 15000);
      check(next !== null, `"next" starts the lesson's first activity (${next})`);
      await page.screenshot({ path: path.join(outDir, 'web-activity.png') });
    }
  }

  check(problems.length === 0, `no page errors or CSP violations${problems.length ? ': ' +
        problems.join(' | ') : ''}`);
  check(foreign.length === 0, `nothing fetched from another origin${foreign.length ? ': ' +
        foreign.join(', ') : ''}`);
  await page.close();
} finally {
  server.close();
}

// ---- 5: a server without the program: the page says what to do ---------------------
const broken = await serve(buildDir, { leaveOut: ['safequest.wasm'] });
try {
  const origin2 = `http://127.0.0.1:${broken.address().port}`;
  const { page } = await openPage(origin2);
  await page.goto(`${origin2}/`, { waitUntil: 'load' });
  const failed = await until(page, () => window.safequest.failed, null, 30000);
  check(typeof failed === 'string' && /web server/.test(failed),
        'without safequest.wasm the page explains the failure');
  const shown = await page.$eval('#failed', (e) => !e.hidden && e.textContent);
  check(typeof shown === 'string' && /application\/wasm/.test(shown) && /404/.test(shown),
        'the explanation names the MIME type and what the server answered');
  await page.screenshot({ path: path.join(outDir, 'web-load-failed.png') });
  await page.close();
} finally {
  broken.close();
}

await browser.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(failures === 0 ? 'web test: all checks passed' : `web test: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
