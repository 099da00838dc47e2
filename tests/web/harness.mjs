// What every headless-Chromium script here shares (the browser tests and the
// first-frame benchmark): a static server on 127.0.0.1 for a built web folder,
// Chromium started with the flags that keep it off the network and quiet, and
// waiting on the game in the page (a value, or where a widget is).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
};

// No background fetches, updates or sync: the tests check nothing leaves 127.0.0.1.
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

// Serves `root` on 127.0.0.1 at a free port. `leaveOut`: names answered 404 (a server
// missing a file); `extra(url, res)`: answers a request itself when it returns true;
// `noStore`: tells the browser not to cache (so every run of a benchmark downloads).
export function serve(root, { leaveOut = [], extra = null, noStore = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (extra && extra(url, res)) return;
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(base, name);
    if (!file.startsWith(base + path.sep) || leaveOut.includes(name) || !fs.existsSync(file) ||
        !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': fs.statSync(file).size,
    };
    if (noStore) headers['Cache-Control'] = 'no-store';
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Debian's chromium (or $CHROMIUM) through puppeteer-core, with a profile of its own.
export function launchChromium(puppeteer, { userDataDir, width, height }) {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, `--window-size=${width},${height}`],
    defaultViewport: { width, height },
  });
}

// The value `fn(arg)` returns in the page once it is truthy; null after `ms`.
export async function until(page, fn, arg, ms = 20000) {
  try {
    const handle = await page.waitForFunction(fn, { timeout: ms, polling: 50 }, arg);
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

// The middle of widget `id` in page coordinates, once it is shown and enabled.
export async function widgetCentre(page, id, ms = 20000) {
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

// Waits until the lessons are in the game's file system (web/content_package.js)
// and the game has had frames to read them: they download after the first frame,
// and home says "Getting ready" until then. True, or false after `ms`.
export async function lessonsIn(page, ms = 60000) {
  const installed = await until(page, () => window.Module?.sqContentInstalled === true, null, ms);
  for (let i = 0; i < 3; i += 1) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  }
  return installed === true;
}

// Prints "ok" or "FAIL" and the words; `checks.failed` counts the failures.
export const checks = { failed: 0 };
export function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) checks.failed += 1;
  return ok;
}

// The id of the game's screen on top ("sign-in", "home", ...), as the page was told.
export const screen = (page) => page.evaluate(() => window.safequest.screen);

// True once screen `id` is on top; null after `ms`.
export const waitScreen = (page, id, ms = 20000) =>
  until(page, (want) => window.safequest.screen === want, id, ms);

// True once the settled frame shows `text`; null after `ms`.
export const showsText = (page, text, ms = 10000) => until(page, (t) => {
  const M = window.Module;
  const p = M._malloc(M.lengthBytesUTF8(t) + 1);
  M.stringToUTF8(t, p, M.lengthBytesUTF8(t) + 1);
  const shown = M._sq_shows_text(p);
  M._free(p);
  return shown === 1;
}, text, ms);
