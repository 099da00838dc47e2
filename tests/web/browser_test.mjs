// The web game in headless Chromium (Debian's chromium, driven by puppeteer-core):
//   1. serves the built folder on 127.0.0.1 (a small static server of its own, so it
//      also controls the MIME types and can leave a file out);
//   2. loads the page, waits for the signal the page sets after the game's first
//      frame (window.safequest.ready), signs in as a guest and plays into a lesson
//      with real mouse clicks and key presses (aimed at the game's widgets, found
//      through sq_widget_rect);
//   2b. serves the lessons slowly, the last piece held back: the page says how far
//      they are, a guest signs in
//      meanwhile and home says it is getting ready, then shows them;
//   3. puts a class list in the browser's records (IndexedDB, as the page keeps
//      them: the store sq_e2e_helper seeds natively), reloads, and a pupil plays a
//      whole lesson by the e2e scripts' own steps (tests/e2e/lesson_part1.script
//      ...), mouse and keyboard; the "saved" mark waits for the copy to IndexedDB;
//   4. reloads again: the pupil finds the lesson done (the home tile's label);
//   5. compares the sign-in screen at 1280x720 with the desktop game's screenshot
//      of the same screen (native safequest, SDL_VIDEODRIVER=dummy);
//   6. serves the page as a school that set a learning record store does
//      (safequest-config.json beside index.html, the LRS added to the CSP's
//      connect-src), with a test LRS on another port (tests/xapi/test_lrs.mjs,
//      which checks every statement with xapi-validation): its first POST fails and
//      the answer to its second is lost after storing. The lesson's statements
//      arrive once each; the teacher's "Class list and results files" screen says
//      how the sending stands, and "Send now" (real clicks) retries; a reload sends
//      nothing again;
//   7. checks that nothing broke the Content-Security-Policy and that nothing was
//      fetched from anywhere but the page's own server and that LRS;
//   8. serves the folder without safequest.wasm and checks that the page explains
//      the failure in words (not a blank page).
// Usage: node tests/web/browser_test.mjs BUILD_DIR OUT_DIR [NATIVE_BUILD_DIR]
// NATIVE_BUILD_DIR (default build/release) holds the native safequest and
// sq_e2e_helper. Exit 0 when every check passed; screenshots (and the screenshot
// comparison's images) go to OUT_DIR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { comparePngs, readPng, writePng } from './png.mjs';
import {
  check, checks, launchChromium, lessonsIn, screen, serve, showsText, TYPES, until,
  waitScreen, widgetCentre,
} from './harness.mjs';
import { startLrs } from '../xapi/test_lrs.mjs';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [buildDir, outDir, nativeArg] = process.argv.slice(2);
if (!buildDir || !outDir) {
  console.error('usage: browser_test.mjs BUILD_DIR OUT_DIR [NATIVE_BUILD_DIR]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const nativeDir = path.resolve(nativeArg || path.join(repo, 'build', 'release'));
const helper = path.join(nativeDir, 'sq_e2e_helper');
const desktopGame = path.join(nativeDir, 'safequest');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-web-test-'));
// The e2e class list's Year 3 pupil, who plays "SMART explorers".
const LOWRI = 'e2e00000-0000-4000-8000-000000000001';

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-chromium-'));
const browser = await launchChromium(puppeteer, { userDataDir, width: 1400, height: 900 });

// The test's own servers besides the page's (the slow lessons one): not foreign.
const ownOrigins = [];

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
    const url = request.url();
    if (url.startsWith(`${lrsOrigin}/`)) {
      lrsRequests.push(url);
    } else if (!url.startsWith(origin) && !ownOrigins.some((o) => url.startsWith(`${o}/`)) &&
               !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  return { page, problems, foreign };
}

// Waits until `fn` (run in the page) returns a truthy value; returns it, or null.

async function click(page, id) {
  const at = await widgetCentre(page, id);
  if (!check(at !== null, `widget "${id}" is shown (screen ${await screen(page)})`)) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}


// ---- the steps shared by every part -----------------------------------------------

// Lets the game run a frame or two, so what the page reads next (the settled frame,
// its widgets) is after the last input, not before it.
const frames = (page) => page.evaluate(() => new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));

// What widget `id` says on the settled frame ("SMART explorers: Done"), or null.
const widgetLabel = (page, id) => page.evaluate((wid) => {
  const M = window.Module;
  const name = M._malloc(M.lengthBytesUTF8(wid) + 1);
  M.stringToUTF8(wid, name, M.lengthBytesUTF8(wid) + 1);
  const out = M._malloc(512);
  const n = M._sq_widget_label(name, out, 512);
  const label = n < 0 ? null : M.UTF8ToString(out);
  M._free(out);
  M._free(name);
  return label;
}, id);

// The e2e scripts' keys, as puppeteer names them.
const KEYS = { Return: 'Enter', Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft',
               Right: 'ArrowRight', Space: 'Space', Tab: 'Tab', Escape: 'Escape' };

// Plays script lines (tests/e2e's format: wait-screen, click, key, text,
// expect-text, screenshot) with real input. Returns false at the first step that fails.
async function play(page, lines) {
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [command, ...rest] = line.split(/\s+/);
    const arg = line.slice(command.length).trim();
    let ok = true;
    if (command === 'wait-screen') {
      const seconds = Number(rest[1] || 20);
      ok = (await waitScreen(page, rest[0], seconds * 1000)) !== null;
    } else if (command === 'click') {
      const at = await widgetCentre(page, arg, 10000);
      ok = at !== null;
      if (ok) await page.mouse.click(at.x, at.y);
    } else if (command === 'key') {
      ok = KEYS[arg] !== undefined;
      if (ok) await page.keyboard.press(KEYS[arg]);
    } else if (command === 'text') {
      await page.keyboard.type(arg);
    } else if (command === 'expect-text') {
      ok = (await showsText(page, arg, 10000)) !== null;
    } else if (command === 'screenshot') {
      await page.screenshot({ path: path.join(outDir, `web-${arg}.png`) });
    } else {
      ok = false;
    }
    await frames(page);
    if (!ok) {
      check(false, `"${line}" (screen ${await screen(page)})`);
      return false;
    }
  }
  return true;
}

// Lines of `file` (tests/e2e) up to and including the first line equal to `last`.
function scriptLines(file, last) {
  const all = fs.readFileSync(path.join(repo, 'tests', 'e2e', file), 'utf8').split('\n');
  const at = last === undefined ? -1 : all.findIndex((l) => l.trim() === last);
  return at < 0 ? all : all.slice(0, at + 1);
}

// Splits `lines` after the first line equal to `marker`: [before-and-it, after].
function splitAfter(lines, marker) {
  const at = lines.findIndex((l) => l.trim() === marker);
  return at < 0 ? [lines, []] : [lines.slice(0, at + 1), lines.slice(at + 1)];
}

// The page's records: how the copy to IndexedDB stands (web/pre.js).
const storage = (page) => page.evaluate(() => ({ ...window.Module.sqStorage }));

// Waits until the game's records are all copied to IndexedDB.
const allCopied = (page) => until(page, () => {
  const s = window.Module.sqStorage;
  return s && !s.pending && s.syncs > 0;
}, null, 20000);

async function startGame(page, url, what) {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const ready = await until(page, () => window.safequest.ready || window.safequest.failed, null,
                            120000);
  const failed = await page.evaluate(() => window.safequest.failed);
  check(ready === true && !failed, `${what}: the first frame is on screen${failed ? ': ' +
        failed : ''}`);
  console.log(`     first frame ${Date.now() - started} ms after the page was asked for`);
  return ready === true && !failed && check(await lessonsIn(page), `${what}: the lessons arrived`);
}

// On the teacher's "Class list and results files" screen (from teacher settings):
// what the lesson made reaches the LRS, retried with "Send now" while the LRS fails,
// each statement once; after a reload the screen says the same and nothing is sent
// again.
async function checkSending(page) {
  if (!await play(page, ['click browser-files', 'wait-screen browser-files'])) return;
  check(await showsText(page, `Results go to the school's record store (${lrsHost}): `, 5000),
        `the teacher sees that results go to ${lrsHost}`);
  let presses = 0;
  let sent = null;
  for (let i = 0; i < 8 && sent === null; i += 1) {
    const n = lrs.statements.size;
    sent = n > 0 ? await showsText(page, `${lrsHost}): ${n} sent, 0 waiting.`, 1500) : null;
    if (sent === null && await widgetCentre(page, 'send-now', 1000)) {
      if (await showsText(page, 'The last try did not work (', 500)) {
        await page.screenshot({ path: path.join(outDir, 'web-results-failed.png') });
      }
      await click(page, 'send-now');
      presses += 1;
    }
  }
  const n = lrs.statements.size;
  check(sent !== null, `the screen says the ${n} statement(s) the LRS holds are sent, none waiting ` +
        `("Send now" pressed ${presses} times; the LRS answered ${lrs.answers.join(', ')})`);
  await page.screenshot({ path: path.join(outDir, 'web-results-sent.png') });
  check(lrs.invalid.length === 0, `every statement passed xapi-validation${lrs.invalid.length ?
        ': ' + JSON.stringify(lrs.invalid[0]) : ''}`);
  const failedThenStored = lrs.answers.indexOf(503) >= 0 &&
                           lrs.answers.lastIndexOf(200) > lrs.answers.indexOf(503);
  check(failedThenStored && lrs.answers.filter((a) => a === 503).length >= 2,
        'the failed POST and the one whose answer was lost were both tried again');
  check(lrs.repeats >= 1 && n >= 1,
        `what the LRS already had came again and was kept once (${lrs.repeats} repeated, ` +
        `${n} kept)`);
  const lesson = [...lrs.statements.values()].filter((st) =>
    /completed$/.test(st.verb?.id || '') && /y3-smart-explorers/.test(st.object?.id || ''));
  check(lesson.length === 1, `"SMART explorers" completed is one statement (${lesson.length})`);
  check(lesson.length === 1 && lesson[0].actor?.account?.name === LOWRI &&
        !JSON.stringify([...lrs.statements.values()]).includes('Lowri'),
        'the pupil is named by her id, never by her name');

  // A reload (once the records are copied): the same count, and nothing posted again.
  check(await allCopied(page) !== null, 'what was sent is copied to IndexedDB');
  const posts = lrs.posts;
  if (await startGame(page, `${origin}/`, 'the teacher, after a reload') &&
      await play(page, ['click teacher', 'wait-screen teacher-pin', 'text 4705', 'key Return',
                        'wait-screen teacher-settings 60', 'click browser-files',
                        'wait-screen browser-files'])) {
    check(await showsText(page, `${lrsHost}): ${n} sent, 0 waiting.`, 5000),
          'after a reload the screen still says they are sent');
    await until(page, () => false, null, 2500);
    check(lrs.posts === posts, `after a reload nothing is sent again (${lrs.posts - posts} POSTs)`);
  }
}

// The lessons' data file as a slow school network sends it: all but its last
// piece, 200 ms apart, then the rest only when the test calls releaseLessons(),
// so what the page does meanwhile is checked without racing the download.
let lessonsReleased = false;
let sendTheRest = null;
function releaseLessons() {
  lessonsReleased = true;
  if (sendTheRest) sendTheRest();
}
function trickleLessons(url, res) {
  if (url.pathname !== '/safequest-content.data') return false;
  const bytes = fs.readFileSync(path.join(buildDir, 'safequest-content.data'));
  res.writeHead(200, { 'Content-Type': TYPES['.data'], 'Content-Length': bytes.length });
  const piece = Math.ceil(bytes.length / 12);
  let at = 0;
  const next = () => {
    if (res.destroyed) return;
    if (at + piece >= bytes.length) {
      sendTheRest = () => {
        if (!res.destroyed) res.end(bytes.subarray(at));
      };
      if (lessonsReleased) sendTheRest();
      return;
    }
    res.write(bytes.subarray(at, at + piece));
    at += piece;
    setTimeout(next, 200);
  };
  next();
  return true;
}

// ---- 6: the school's learning record store ------------------------------------------
// Served as a school that set one serves the game: safequest-config.json beside
// index.html, and index.html's CSP with the LRS's origin added to connect-src.
const lrs = await startLrs({ auth: `Basic ${Buffer.from('browser-test:secret').toString('base64')}`,
                             failFirst: 1, loseAnswers: 1, cors: true });
const lrsOrigin = new URL(lrs.url).origin;
const lrsHost = new URL(lrs.url).host;
const lrsRequests = [];
const schoolIndex = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8')
  .replace("connect-src 'self'", `connect-src 'self' ${lrsOrigin}`);
check(schoolIndex.includes(`connect-src 'self' ${lrsOrigin};`),
      "the school's copy of index.html lets the page reach its LRS (connect-src)");
const schoolSettings = JSON.stringify({ xapi: { endpoint: lrs.url, auth: 'browser-test:secret' } });
const schoolFiles = (url, res) => {
  const answer = (type, text) => {
    res.writeHead(200, { 'Content-Type': type });
    res.end(text);
    return true;
  };
  if (url.pathname === '/' || url.pathname === '/index.html') return answer(TYPES['.html'], schoolIndex);
  if (url.pathname === '/safequest-config.json') return answer(TYPES['.json'], schoolSettings);
  return false;
};

const server = await serve(buildDir, { extra: schoolFiles });
const origin = `http://127.0.0.1:${server.address().port}`;
const pages = [];
try {
  // ---- 2: a fresh browser: the page, a guest, into a lesson --------------------------
  const first = await openPage(origin);
  pages.push(first);
  const page = first.page;
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
  const size = await page.evaluate(() => {
    const box = window.Module.canvas.getBoundingClientRect();
    return { w: window.Module.canvas.width, h: window.Module.canvas.height,
             cssW: Math.floor(box.width), cssH: Math.floor(box.height),
             dpr: window.devicePixelRatio };
  });
  check(size.w === Math.floor(size.cssW * size.dpr) && size.h > 0,
        `the game draws at the canvas's size (${size.w}x${size.h} pixels for ` +
        `${size.cssW}x${size.cssH} on the page)`);
  const loaded = await storage(page);
  check(loaded.loaded === true, 'the records were read from IndexedDB before the game started' +
        (loaded.lastError ? `: ${loaded.lastError}` : ''));
  await waitScreen(page, 'sign-in');
  await page.screenshot({ path: path.join(outDir, 'web-first-frame.png') });

  // Sign in as a guest, with the mouse: at once, while the lessons may still be on
  // their way (home says "Getting ready" until they are in).
  if (await click(page, 'guest')) {
    check(await waitScreen(page, 'home', 30000), 'the guest reaches home');
    check(await lessonsIn(page), 'the lessons arrive after the first frame, and home shows them');
    await frames(page);
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

  // ---- 2b: a slow school network: the game is used while the lessons download -----
  // The lessons (18 MB) trickle in from a server of their own (another origin, so
  // its records are apart), the last piece held back until the checks are done: the
  // page shows how far they are, a guest signs in meanwhile and home says it is
  // getting ready, then shows the lessons once the rest arrives.
  const slow = await serve(buildDir, { extra: trickleLessons });
  try {
    const slowOrigin = `http://127.0.0.1:${slow.address().port}`;
    ownOrigins.push(slowOrigin);
    await page.goto(`${slowOrigin}/`, { waitUntil: 'load' });
    const up = await until(page, () => window.safequest.ready || window.safequest.failed, null,
                           120000);
    const line = await until(page, () => {
      const box = document.getElementById('lessons');
      return box && !box.hidden && document.getElementById('lessons-text').textContent;
    }, null, 10000);
    check(up === true && /^Getting the lessons ready: [\d.]+ of [\d.]+ MB$/.test(line || ''),
          `after the first frame the page says how far the lessons are ("${line}")`);
    await frames(page);
    const early = await play(page, ['click guest', 'wait-screen home', 'expect-text Getting ready',
                                     'screenshot lessons-on-their-way']);
    check(early && await page.evaluate(() => window.Module.sqContentInstalled === false),
          'a guest signs in before the lessons are in, and home says it is getting ready');
    releaseLessons();
    check(await lessonsIn(page), 'the rest arrives and the lessons are put in place');
    check(await until(page, () => document.getElementById('lessons').hidden, null, 5000),
          'the page line about the lessons goes');
    check(await widgetCentre(page, 'lesson:reception-ask-a-grown-up', 5000) !== null &&
          await showsText(page, 'Getting ready', 300) === null,
          'home shows the lessons (no more "Getting ready")');
    await page.screenshot({ path: path.join(outDir, 'web-lessons-arrived.png') });
  } finally {
    slow.close();
  }

  // ---- 3: a class list in the browser's records; a pupil plays a whole lesson -------
  // The store a school's class list makes (sq_e2e_helper seed, natively), put where
  // the page keeps /data: IndexedDB's "/data" database, as IDBFS stores a file.
  const seeded = path.join(work, 'seeded');
  if (!check(fs.existsSync(helper) && fs.existsSync(desktopGame),
             `the native safequest and sq_e2e_helper are in ${nativeDir}`)) {
    throw new Error('build them first: cmake --build --preset release --target safequest ' +
                    'sq_e2e_helper');
  }
  execFileSync(helper, ['seed', seeded]);
  const storeBytes = fs.readFileSync(path.join(seeded, 'safequest.sqlite'));
  await page.goto(`${origin}/not-the-game`, { waitUntil: 'load' }); // same origin, no game
  const put = await page.evaluate((base64) => new Promise((resolve) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const open = indexedDB.open('/data');
    open.onerror = () => resolve(`cannot open: ${open.error}`);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('FILE_DATA')) {
        resolve('the page made no IndexedDB store for /data');
        return;
      }
      const tx = db.transaction('FILE_DATA', 'readwrite');
      tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 0o100666, contents: bytes },
                                      '/data/safequest.sqlite');
      tx.oncomplete = () => resolve('ok');
      tx.onerror = () => resolve(`cannot write: ${tx.error}`);
    };
  }), storeBytes.toString('base64'));
  check(put === 'ok', `the class list is put in the browser's records (${put})`);

  if (await startGame(page, `${origin}/`, 'with the class list')) {
    // The e2e scripts' whole "SMART explorers", then home.
    const order = execFileSync(helper, ['order-clicks', path.join(repo, 'content', 'core'), LOWRI,
                                        'y3-smart-explorers', 'smart-quiz', 'smart-order'],
                               { encoding: 'utf8' }).split('\n');
    const lesson = [...scriptLines('lesson_part1.script'), ...order,
                    ...scriptLines('lesson_part2.script', 'wait-screen home')];
    const [toLesson, rest] = splitAfter(lesson, 'wait-screen lesson');
    const [toStory, toEnd] = splitAfter(rest, 'wait-screen scenario');
    let played = await play(page, toLesson);
    if (played) {
      // Hold the copies to IndexedDB: what the lesson records stays pending.
      await page.evaluate(() => {
        const M = window.Module;
        const real = M.sqSyncData;
        const held = [];
        M.sqSyncData = (generation) => held.push(generation);
        window.sqTestRelease = () => {
          M.sqSyncData = real;
          held.forEach((g) => real(g));
          return held.length;
        };
        window.sqTestHeld = () => held.length;
      });
      played = await play(page, toStory);
    }
    if (played) {
      await frames(page);
      const held = await page.evaluate(() => window.sqTestHeld());
      const markWhileHeld = await showsText(page, '\u2713 Saved', 1000);
      check(held > 0 && markWhileHeld === null,
            `while the copy to IndexedDB waits, the lesson's steps are pending: no "saved" ` +
            `mark (${held} copies asked for)`);
      await page.evaluate(() => window.sqTestRelease());
      check(await showsText(page, '\u2713 Saved', 10000) !== null,
            'once the copy finished, the lesson shows "saved"');
      played = await play(page, toEnd);
    }
    check(played, 'the pupil signs in and plays "SMART explorers" to its badge, mouse and keyboard');
    if (played) {
      const label = await widgetLabel(page, 'lesson:y3-smart-explorers');
      check(/: Done$/.test(label || ''), `home shows the lesson done (${label})`);
      check(await allCopied(page) !== null, 'every record is copied to IndexedDB');
      const s = await storage(page);
      check(s.failures === 0, `no copy to IndexedDB failed (${s.syncs} copies` +
            `${s.lastError ? ', ' + s.lastError : ''})`);
    }

    // ---- 4: reload: the progress is still there -------------------------------------
    if (played && await startGame(page, `${origin}/`, 'after a reload')) {
      const back = await play(page, ['wait-screen sign-in', 'click class:4C',
                                     `click pupil:${LOWRI}`, 'wait-screen home']);
      check(back, 'after a reload the pupil signs in straight to home (her picture kept)');
      const label = await widgetLabel(page, 'lesson:y3-smart-explorers');
      check(/: Done$/.test(label || ''), `after a reload home still shows the lesson done (${label})`);
      await page.screenshot({ path: path.join(outDir, 'web-after-reload.png') });
    }
  }
  // One game per browser from here: two pages would both keep the same records.
  await page.close();

  // ---- 5: the same screen as the desktop game draws it -------------------------------
  // The sign-in screen with the class list, at 1280x720 (the page's canvas is
  // 1280x720 in a 1280x800 window), beside the native game's --screenshot of it.
  const desk = await openPage(origin);
  pages.push(desk);
  await desk.page.setViewport({ width: 1280, height: 800 });
  if (await startGame(desk.page, `${origin}/`, 'at 1280x720')) {
    await widgetCentre(desk.page, 'class:4C');
    const webShot = path.join(outDir, 'compare-web.png');
    await (await desk.page.$('#canvas')).screenshot({ path: webShot });
    const deskShot = path.join(outDir, 'compare-desktop.png');
    let desktopOk = true;
    try {
      execFileSync(desktopGame, ['--data', seeded, '--content', path.join(repo, 'content'),
                                 '--size', '1280x720', '--screenshot', deskShot],
                   { env: { ...process.env, SDL_VIDEODRIVER: 'dummy', SDL_AUDIODRIVER: 'dummy',
                            SAFEQUEST_CONFIG: path.join(work, 'no-config.json') },
                     stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      desktopOk = check(false, `the desktop game's screenshot: ${error.stderr || error}`);
    }
    if (desktopOk) {
      const a = readPng(fs.readFileSync(webShot));
      const b = readPng(fs.readFileSync(deskShot));
      const result = comparePngs(a, b);
      if (result.diff) fs.writeFileSync(path.join(outDir, 'compare-diff.png'), writePng(result.diff));
      check(result.sameSize, `both screenshots are ${b.width}x${b.height} (web ${a.width}x${a.height})`);
      check(result.mean < 2 && result.differing < 0.01,
            `the web sign-in screen matches the desktop's: mean difference ` +
            `${result.mean.toFixed(2)} of 255, ${(result.differing * 100).toFixed(2)}% of ` +
            'pixels differ visibly');
    }
    // The teacher settings screen says whether this browser keeps the records.
    if (await play(desk.page, ['click teacher', 'wait-screen teacher-pin', 'text 4705',
                               'key Return', 'text 4705', 'key Return',
                               'wait-screen teacher-settings 60'])) {
      const persisted = (await storage(desk.page)).persisted;
      const words = persisted ? 'This web browser keeps the records until someone deletes them'
                              : 'This web browser may delete the records to make room';
      check(await showsText(desk.page, words, 5000) !== null,
            `the teacher settings screen says how the records are kept (persistent: ${persisted})`);
      await desk.page.screenshot({ path: path.join(outDir, 'web-teacher-settings.png') });
      await checkSending(desk.page);
    }
  }

  // ---- 7: nothing broke the CSP, nothing left the origin but for the LRS -------------
  const problems = pages.flatMap((p) => p.problems);
  const foreign = pages.flatMap((p) => p.foreign);
  check(problems.length === 0, `no page errors or CSP violations${problems.length ? ': ' +
        problems.join(' | ') : ''}`);
  check(foreign.length === 0, `nothing fetched from another origin but the LRS${foreign.length ?
        ': ' + foreign.join(', ') : ''}`);
  check(lrsRequests.length > 0 && lrsRequests.every((u) => u === `${lrs.url}/statements`),
        `the LRS was asked only for ${lrs.url}/statements (${lrsRequests.length} requests)`);
  for (const p of pages) if (!p.page.isClosed()) await p.page.close();
} finally {
  server.close();
  await lrs.close();
}

// ---- 8: a server without the program: the page says what to do ---------------------
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
fs.rmSync(work, { recursive: true, force: true });
console.log(checks.failed === 0 ? 'web test: all checks passed' : `web test: ${checks.failed} failed`);
process.exit(checks.failed === 0 ? 0 : 1);
