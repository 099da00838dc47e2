// The web game's class-list and results files in headless Chromium (Debian's
// chromium, driven by puppeteer-core), as a teacher with a Chromebook does it:
//   1. the teacher opens Teacher (choosing a PIN) and "Class list and results
//      files"; "Load class list from a file" opens the page's file chooser
//      (page.waitForFileChooser): a file that is not a class list is refused in
//      words; the class list the teachers' app saves for browsers (a signed
//      safequest-classlist/1, made here with the same Ed25519 signature) loads;
//      one signed with another teacher's key is then refused;
//   2. a pupil of that class signs in from it and plays the lesson's slides;
//   3. the teacher, behind the PIN again, presses "Download results": the file
//      the browser downloads is a SafeQuest snapshot (SQLite) holding the pupil's
//      work by id and never their name;
//   4. nothing broke the Content-Security-Policy, nothing left the origin, and the
//      browser's console shows no error (no file the page asks for is missing).
// Usage: node tests/web/files_test.mjs BUILD_DIR OUT_DIR
// Exit 0 when every check passed; screenshots and the downloaded file go to OUT_DIR.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  check, checks, launchChromium, lessonsIn, screen, serve, showsText, until, waitScreen,
  widgetCentre,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) {
  console.error('usage: files_test.mjs BUILD_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-files-test-'));

// ---- the files a teacher would have -------------------------------------------------
// classlist.json as the teachers' app signs it (results/teacher_trust): the class
// list's text, signed over "safequest-classlist/1", a zero byte, then the text.
const classId = crypto.randomUUID();
const pupils = [
  { id: crypto.randomUUID(), firstName: 'Ola', initial: 'N' },
  { id: crypto.randomUUID(), firstName: 'Tomos', initial: 'P' },
];
const classListText = JSON.stringify({
  format: 'safequest-classlist/1',
  school: 'Browser Test Primary',
  safeguardingLead: '',
  incidentSteps: [],
  classes: [{ id: classId, name: '5C' }],
  pupils: pupils.map((p) => ({ ...p, classId, yearGroup: 'y3' })),
}, null, 1);
function signedClassList(text) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const message = Buffer.concat([Buffer.from('safequest-classlist/1\0'), Buffer.from(text)]);
  return JSON.stringify({
    format: 'safequest-signed-classlist/1',
    classList: text,
    teacherKey: raw.toString('hex'),
    signature: crypto.sign(null, message, privateKey).toString('hex'),
  });
}
const goodList = path.join(work, 'safequest-class-list-for-browsers.json');
fs.writeFileSync(goodList, signedClassList(classListText));
const otherSchool = path.join(work, 'another-school.json'); // another teacher's key
fs.writeFileSync(otherSchool, signedClassList(classListText));
const notAList = path.join(work, 'shopping.json');
fs.writeFileSync(notAList, '{"milk": 2, "bread": 1}');
const downloads = path.join(outDir, 'downloads');
fs.rmSync(downloads, { recursive: true, force: true });
fs.mkdirSync(downloads, { recursive: true });


const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safequest-chromium-'));
const browser = await launchChromium(puppeteer, { userDataDir, width: 1400, height: 900 });


async function click(page, id) {
  const at = await widgetCentre(page, id);
  if (!check(at !== null, `widget "${id}" is shown (screen ${await screen(page)})`)) {
    throw new Error(`no widget ${id}`);
  }
  await page.mouse.click(at.x, at.y);
}

// Presses "Load class list from a file" and picks `file` in the chooser it opens.
async function loadClassList(page, file) {
  const [chooser] = await Promise.all([
    page.waitForFileChooser({ timeout: 15000 }),
    click(page, 'load-class-list'),
  ]);
  check(!chooser.isMultiple(), 'the page opened a file chooser for one file');
  await chooser.accept([file]);
}

async function typePin(page) {
  for (let i = 0; i < 2; i += 1) {
    await page.keyboard.type('4705');
    await page.keyboard.press('Enter');
    const next = await until(page, () => window.safequest.screen !== 'teacher-pin' &&
                             window.safequest.screen, null, 20000);
    if (next) return next;
  }
  return screen(page);
}

const server = await serve(buildDir);
const origin = `http://127.0.0.1:${server.address().port}`;
const problems = [];
const foreign = [];
const consoleErrors = []; // e.g. a file of the game the page asked for and did not get
try {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content.Security.Policy|Refused to/i.test(text)) problems.push(text);
    if (msg.type() === 'error') consoleErrors.push(text);
    if (process.env.SQ_WEB_TEST_VERBOSE) console.log(`  [page ${msg.type()}] ${text}`);
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const ready = await until(page, () => window.safequest.ready || window.safequest.failed, null,
                            120000);
  check(ready === true, 'the game started');
  await waitScreen(page, 'sign-in');

  // ---- 1. the class list, through the file chooser ----------------------------------
  await click(page, 'teacher');
  check(await waitScreen(page, 'teacher-pin'), 'Teacher asks for a PIN');
  check(await typePin(page) === 'teacher-settings', 'a PIN chosen opens teacher settings');
  await click(page, 'browser-files');
  check(await waitScreen(page, 'browser-files'), '"Class list and results files" opens');
  check(await showsText(page, 'No class list yet'), 'it says there is no class list yet');

  await loadClassList(page, notAList);
  check(await showsText(page, 'shopping.json was not used: '),
        'a file that is not a class list is refused in words');
  await loadClassList(page, goodList);
  check(await showsText(page, 'Class list loaded: 5C (2 pupils)'),
        'the class list for browsers loads: 5C, 2 pupils');
  await page.screenshot({ path: path.join(outDir, 'web-files-class-list.png') });
  await loadClassList(page, otherSchool);
  check(await showsText(page, 'another-school.json was not used: '),
        'a class list signed with another teacher key is refused in words');
  check(await showsText(page, 'Class list: 5C (2 pupils)'), 'the loaded class list stays');

  // ---- 2. a pupil of that class signs in and plays -------------------------------
  await click(page, 'back');
  await waitScreen(page, 'teacher-settings');
  await click(page, 'back');
  check(await waitScreen(page, 'sign-in'), 'back at the class tiles');
  await click(page, 'class:5C');
  await click(page, `pupil:${pupils[0].id}`);
  const after = await until(page, () => ['avatar', 'home'].includes(window.safequest.screen) &&
                            window.safequest.screen, null, 30000);
  check(after !== null, `Ola from the file signs in (${after})`);
  if (after === 'avatar') {
    await click(page, 'avatar:owl');
  }
  check(await waitScreen(page, 'home', 30000), 'Ola reaches home');
  await lessonsIn(page);
  await page.keyboard.press('Enter');
  check(await waitScreen(page, 'lesson', 15000), 'the first lesson opens');
  await click(page, 'next');
  check(await waitScreen(page, 'slides', 15000), 'the lesson starts with its slides');
  for (let i = 0; i < 20 && await screen(page) === 'slides'; i += 1) {
    await click(page, 'next');
    await until(page, () => false, null, 150); // a frame or two
  }
  const activity = await screen(page);
  check(activity !== 'slides', `the slides are done (${activity})`);
  await page.screenshot({ path: path.join(outDir, 'web-files-lesson.png') });
  for (let i = 0; i < 8 && !['home', 'sign-in'].includes(await screen(page)); i += 1) {
    await page.keyboard.press('Escape');
    await until(page, () => false, null, 300);
  }
  if (await screen(page) === 'home') {
    await click(page, 'sign-out');
  }
  check(await waitScreen(page, 'sign-in', 15000), 'Ola is signed out');

  // ---- 3. the results, downloaded --------------------------------------------------
  await click(page, 'teacher');
  await waitScreen(page, 'teacher-pin');
  await page.keyboard.type('4705');
  await page.keyboard.press('Enter');
  check(await waitScreen(page, 'teacher-settings', 30000), 'the PIN opens teacher settings');
  await click(page, 'browser-files');
  await waitScreen(page, 'browser-files');
  await click(page, 'download-results');
  check(await showsText(page, 'Downloaded '), 'the game says what it downloaded');
  await page.screenshot({ path: path.join(outDir, 'web-files-downloaded.png') });
  let file = null;
  for (let i = 0; i < 100 && !file; i += 1) {
    file = fs.readdirSync(downloads).find((n) => n.endsWith('.sqlite')) || null;
    if (!file) await new Promise((r) => setTimeout(r, 100));
  }
  if (check(file !== null, `the browser downloaded a results file (${file})`)) {
    check(/^safequest-results-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.sqlite$/.test(file),
          'it is named for the day and this browser');
    const bytes = fs.readFileSync(path.join(downloads, file));
    check(bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0',
          `it is an SQLite file (${bytes.length} bytes)`);
    check(bytes.includes(Buffer.from(pupils[0].id)), "it holds Ola's work, by her id");
    check(!bytes.includes(Buffer.from('Ola')) && !bytes.includes(Buffer.from('Tomos')),
          'it holds no pupil\'s name');
  }

  check(problems.length === 0, `no page errors or CSP violations${problems.length ? ': ' +
        problems.join(' | ') : ''}`);
  check(foreign.length === 0, `nothing fetched from another origin${foreign.length ? ': ' +
        foreign.join(', ') : ''}`);
  check(consoleErrors.length === 0, `no errors in the browser's console (the build's empty ` +
        `safequest-config.json found, nothing missing)${consoleErrors.length ? ': ' +
        consoleErrors.join(' | ') : ''}`);
  await page.close();
} catch (error) {
  check(false, `the test ran to the end: ${error.message}`);
} finally {
  server.close();
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(checks.failed === 0 ? 'files test: every check passed' : `files test: ${checks.failed} failed`);
process.exit(checks.failed === 0 ? 0 : 1);
