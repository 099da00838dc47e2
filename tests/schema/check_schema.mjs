#!/usr/bin/env node
// Checks that the JSON Schemas in content/schema/ agree with the content format
// (content/README.md):
//   1. every schema compiles with Ajv in strict mode (draft 2020-12);
//   2. every JSON file of every pack under the content folder(s) matches its schema;
//   3. every ```json example in content/README.md matches its schema;
//   4. inline examples: the README's examples, completed, are accepted, and small
//      broken files are rejected for the intended reason (path and keyword);
//   5. the C++ validator's fixtures (tests/fixtures/{good,bad}/*.pack): every shape
//      problem a fixture expects the validator to report (an error, or a warning
//      such as an unknown field) is an error here at the same JSON pointer, and
//      every error here is at a place where the fixture expects a diagnostic.
//      So a good pack's files, which expect at most warnings, pass only when
//      those warnings are all the schema finds.
//
// Usage: node tests/schema/check_schema.mjs [-v] [--schema-dir DIR] [--readme FILE]
//                                           [--fixtures DIR] [CONTENT_DIR...]
//   CONTENT_DIR defaults to content/ at the repository root. A folder holding
//   pack.json is one pack; otherwise each of its sub-folders holding pack.json is.
// Prints one line per failure and ends with "N passed, M failed"; exits 1 when
// anything failed, 2 on a usage error. Setup: npm ci --prefix tests
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Ajv comes from tests/node_modules (npm ci --prefix tests); say so plainly if it is missing.
let Ajv2020;
try {
  ({ default: Ajv2020 } = await import('ajv/dist/2020.js'));
} catch (err) {
  console.log(`FAIL cannot load ajv (${err.code ?? err.message}): run  npm ci --prefix tests`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const BASE = 'https://safequest.invalid/schema/v1/';
const SCHEMA_FILES = ['common', 'pack', 'lesson', 'aup', 'assembly'].map((n) => `${n}.schema.json`);
const ID = Object.fromEntries(SCHEMA_FILES.map((f) => [f.replace('.schema.json', ''), BASE + f]));

// ---- arguments -------------------------------------------------------------------

let verbose = false;
let schemaDir = path.join(repoRoot, 'content', 'schema');
let readmePath = path.join(repoRoot, 'content', 'README.md');
let fixturesDir = path.join(repoRoot, 'tests', 'fixtures');
const contentDirs = [];
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; ++i) {
    const a = args[i];
    if (a === '-v' || a === '--verbose') verbose = true;
    else if (a === '--schema-dir' && i + 1 < args.length) schemaDir = path.resolve(args[++i]);
    else if (a === '--readme' && i + 1 < args.length) readmePath = path.resolve(args[++i]);
    else if (a === '--fixtures' && i + 1 < args.length) fixturesDir = path.resolve(args[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: check_schema.mjs [-v] [--schema-dir DIR] [--readme FILE] [--fixtures DIR] [CONTENT_DIR...]');
      process.exit(0);
    } else if (a.startsWith('-')) {
      console.error(`check_schema: unknown option ${a}`);
      process.exit(2);
    } else contentDirs.push(path.resolve(a));
  }
  if (contentDirs.length === 0) contentDirs.push(path.join(repoRoot, 'content'));
}

// ---- bookkeeping -------------------------------------------------------------------

let passed = 0;
let failed = 0;
// Paths under the working folder are shown relative to it, others in full.
function rel(p) {
  const r = path.relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
}

function pass(name) {
  ++passed;
  if (verbose) console.log(`ok   ${name}`);
}
function fail(name, lines = []) {
  ++failed;
  console.log(`FAIL ${name}`);
  for (const l of lines) console.log(`     ${l}`);
}
function note(text) {
  console.log(`note ${text}`);
}
function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// One readable line per Ajv error: "<instancePath>: <message>". The "if" keyword's
// own error ('must match "then" schema') only repeats the error inside "then".
// Ajv's errors with the noise taken out, so each problem is reported once:
// - "if" errors only repeat the error inside "then";
// - a "contains" rule ("feelings must include butterflies") fails on every item:
//   keep only the error about the list;
// - a text or narration is "a string or an object" (anyOf): when the value is of
//   neither type, say so once; otherwise keep only the errors of the branch of
//   the right type.
function simplify(errors) {
  let useful = errors.filter((e) => e.keyword !== 'if');
  for (const c of useful.filter((e) => e.keyword === 'contains')) {
    useful = useful.filter((e) => !(e.schemaPath.includes('/contains/') && e.instancePath.startsWith(`${c.instancePath}/`)));
  }
  for (const any of useful.filter((e) => e.keyword === 'anyOf')) {
    const at = any.instancePath;
    const typeErrors = useful.filter((e) => e.keyword === 'type' && e.instancePath === at);
    const others = useful.filter(
      (e) => e !== any && !typeErrors.includes(e) && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)),
    );
    useful = useful.filter((e) => e !== any && !typeErrors.includes(e));
    if (others.length === 0) {
      const types = typeErrors.map((e) => e.params.type).join(' or ');
      useful.push({ ...any, keyword: 'type', message: `must be ${types || 'valid'}`, params: { type: types } });
    }
  }
  return useful.length ? useful : errors;
}

// One readable line per error: "<instancePath>: <message>".
function describe(errors) {
  const lines = [];
  const seen = new Set();
  for (const e of simplify(errors)) {
    let msg = e.message ?? e.keyword;
    const p = e.params ?? {};
    if (e.keyword === 'additionalProperties') msg += `: "${p.additionalProperty}"`;
    else if (e.keyword === 'enum') msg += `: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'const') msg += `: ${JSON.stringify(p.allowedValue)}`;
    else if (e.keyword === 'propertyNames') msg += `: "${p.propertyName}"`;
    const line = `${e.instancePath || '/'}: ${msg}`;
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
    }
  }
  return lines;
}

// ---- 1. the schemas compile ---------------------------------------------------------

const ajv = new Ajv2020({ strict: true, allErrors: true });
{
  let ok = true;
  const present = fs.existsSync(schemaDir) ? fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')) : [];
  for (const f of SCHEMA_FILES) {
    if (!present.includes(f)) {
      fail(`schema ${f}: missing from ${rel(schemaDir)}`);
      ok = false;
    }
  }
  for (const f of present.sort()) {
    const name = `schema ${f}: loads`;
    try {
      const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'));
      const problems = [];
      if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') problems.push('$schema is not draft 2020-12');
      if (schema.$id !== BASE + f) problems.push(`$id is ${JSON.stringify(schema.$id)}, expected "${BASE + f}"`);
      if (problems.length) {
        fail(name, problems);
        ok = false;
        continue;
      }
      ajv.addSchema(schema); // validates it against the 2020-12 meta-schema
      pass(name);
    } catch (err) {
      fail(name, [String(err.message ?? err)]);
      ok = false;
    }
  }
  if (ok) {
    for (const f of present.sort()) {
      const name = `schema ${f}: compiles in strict mode`;
      try {
        ajv.getSchema(BASE + f);
        pass(name);
      } catch (err) {
        fail(name, [String(err.message ?? err)]);
        ok = false;
      }
    }
  }
  if (!ok) finish(); // nothing else can be checked
}

const validators = {
  pack: ajv.getSchema(ID.pack),
  lesson: ajv.getSchema(ID.lesson),
  aup: ajv.getSchema(ID.aup),
  assembly: ajv.getSchema(ID.assembly),
  lessonStep: ajv.getSchema(`${ID.lesson}#/$defs/step`),
  quizItem: ajv.getSchema(`${ID.lesson}#/$defs/quizItem`),
  assemblyStep: ajv.getSchema(`${ID.assembly}#/$defs/step`),
  text: ajv.getSchema(`${ID.common}#/$defs/text`),
  picture: ajv.getSchema(`${ID.common}#/$defs/picture`),
  narration: ajv.getSchema(`${ID.common}#/$defs/narration`),
  tags: ajv.getSchema(`${ID.common}#/$defs/tags`),
};

// ---- 2. every file of every pack ----------------------------------------------------

const FOLDERS = { lessons: 'lesson', aups: 'aup', assemblies: 'assembly' };

function checkFile(file, kind) {
  const name = `${rel(file)} (${kind}.schema.json)`;
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail(name, [`not valid JSON: ${err.message}`]);
    return;
  }
  if (validators[kind](data)) pass(name);
  else fail(name, describe(validators[kind].errors));
}

function checkPack(dir) {
  checkFile(path.join(dir, 'pack.json'), 'pack');
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    const sub = path.join(dir, folder);
    if (!fs.existsSync(sub)) continue;
    for (const f of fs.readdirSync(sub).sort()) {
      if (f.endsWith('.json') && fs.statSync(path.join(sub, f)).isFile()) checkFile(path.join(sub, f), kind);
    }
  }
}

for (const dir of contentDirs) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    fail(`content folder ${rel(dir)}: does not exist`);
    continue;
  }
  if (fs.existsSync(path.join(dir, 'pack.json'))) {
    checkPack(dir);
    continue;
  }
  let packs = 0;
  for (const sub of fs.readdirSync(dir).sort()) {
    const subDir = path.join(dir, sub);
    if (!fs.statSync(subDir).isDirectory()) continue;
    if (fs.existsSync(path.join(subDir, 'pack.json'))) {
      checkPack(subDir);
      ++packs;
    } else if (Object.keys(FOLDERS).some((f) => fs.existsSync(path.join(subDir, f)))) {
      note(`${rel(subDir)} has no pack.json: not checked`);
    }
  }
  if (packs === 0) note(`no packs (folders with pack.json) under ${rel(dir)}`);
}

// ---- 3. the examples in content/README.md -------------------------------------------

// Which schema a README example is checked against, by the "## " section it is in.
function readmeKindFor(section, value) {
  if (/^pack\.json/.test(section)) return 'pack';
  if (/^Lessons/.test(section)) return 'kind' in value ? 'lessonStep' : 'lesson';
  if (/^AUPs/.test(section)) return 'aup';
  if (/^Assemblies/.test(section)) return 'assembly';
  return null;
}
const FRAGMENT_DEF = { title: 'text', description: 'text', picture: 'picture', narration: 'narration', tags: 'tags' };

if (!fs.existsSync(readmePath)) {
  fail(`${rel(readmePath)}: does not exist`);
} else {
  const lines = fs.readFileSync(readmePath, 'utf8').split('\n');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
  let section = ''; // the "## " heading: decides the schema
  let heading = ''; // the nearest "## " or "### " heading: names the example
  for (let i = 0; i < lines.length; ++i) {
    const h = /^(##|###) (.*)$/.exec(lines[i]);
    if (h) {
      heading = unescape(h[2]);
      if (h[1] === '##') section = heading;
    }
    if (lines[i].trim() !== '```json') continue;
    const startLine = i + 1;
    const body = [];
    for (++i; i < lines.length && lines[i].trim() !== '```'; ++i) body.push(lines[i]);
    const where = `${rel(readmePath)}:${startLine} ("${heading}")`;
    if (/^Diagnostics/.test(section)) continue; // safequest-cli output, not pack content
    const text = body.join('\n');

    // A whole document, e.g. a pack.json or one step.
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      const kind = value && typeof value === 'object' && !Array.isArray(value) ? readmeKindFor(section, value) : null;
      if (!kind) {
        fail(`README example at ${where}: no schema is known for an example in this section`);
        continue;
      }
      const name = `README example at ${where} (${kind})`;
      if (validators[kind](value)) pass(name);
      else fail(name, describe(validators[kind].errors));
      continue;
    }

    // Fragments such as  "picture": { ... }  or one per line:  "title": "..."
    let fragments = null; // [line number, object]
    try {
      fragments = [[startLine + 1, JSON.parse(`{${text}}`)]];
    } catch {
      try {
        fragments = body.map((l, k) => [startLine + 1 + k, l]).filter(([, l]) => l.trim()).map(([n, l]) => [n, JSON.parse(`{${l}}`)]);
      } catch {
        fragments = null;
      }
    }
    if (!fragments) {
      if (text.includes('...')) note(`README example at ${where} is elided with "...": covered by the inline examples`);
      else fail(`README example at ${where}: not JSON, nor "key": value fragments`);
      continue;
    }
    for (const [lineNo, frag] of fragments) {
      for (const [key, v] of Object.entries(frag)) {
        const def = FRAGMENT_DEF[key];
        const name = `README example at ${rel(readmePath)}:${lineNo} ("${heading}": "${key}", ${def ?? '?'})`;
        if (!def) fail(name, [`no definition is known for a fragment named "${key}"`]);
        else if (validators[def](v)) pass(name);
        else fail(name, describe(validators[def].errors));
      }
    }
  }
}

// ---- 4. inline examples -------------------------------------------------------------

const clone = (v) => structuredClone(v);

// Positive examples: the README's, completed where it elides with "...".
const packExample = {
  formatVersion: 1,
  id: 'core',
  title: 'SafeQuest core lessons',
  version: '1.0.0',
  languages: ['en-GB'],
  authors: ['SafeQuest'],
  licence: 'CC-BY-4.0',
  description: 'Optional. Shown to teachers.',
  units: [
    {
      id: 'y3',
      yearGroup: 'y3',
      band: 'lks2',
      title: 'Year 3: staying SMART',
      lessons: [
        { lesson: 'y3-keep-it-private', required: true },
        { lesson: 'y3-extra-practice', required: false },
      ],
    },
  ],
};

const lessonExample = {
  id: 'y3-keep-it-private',
  title: 'Keep it private',
  objectives: ['Say which details are personal and should stay private.'],
  teacherNotes: 'Start by asking what a nickname is.',
  wholeClass: false,
  tags: { smart: ['S'], topics: ['personal-details'] },
  steps: [{ id: 'intro', kind: 'slides', slides: [] }],
  reflection: 'What will you do if a game asks where you live?',
  badge: { title: 'Privacy Protector', picture: { src: 'assets/badge.png', alt: 'A gold shield' } },
};

const slidesStep = {
  id: 'intro',
  kind: 'slides',
  slides: [
    {
      id: 's1',
      text: 'Some things about you are private.',
      picture: { src: 'assets/house.png', alt: 'A front door with a number on it' },
      narration: 'assets/n/s1.ogg',
    },
  ],
};

const scenarioStep = {
  id: 'game-chat',
  kind: 'scenario',
  start: 'ask',
  nodes: [
    {
      id: 'ask',
      text: 'A player in your game asks which school you go to.',
      choices: [
        { id: 'tell', text: 'Tell them', safe: false, smart: 'S', feedback: "Your school is personal information. Let's think again." },
        {
          id: 'keep',
          text: 'Keep it private and tell an adult',
          safe: true,
          smart: 'T',
          next: 'well-done',
          feedback: 'Great thinking. Telling an adult is always right.',
        },
      ],
    },
    { id: 'well-done', ending: true, text: 'You kept yourself safe!' },
  ],
};

const feedback = { correct: 'Well done!', incorrect: 'Not quite. Have another think.' };
const quizStep = {
  id: 'check',
  kind: 'quiz',
  items: [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Which of these is safe to share in a game chat?',
      picture: { src: 'assets/game.png', alt: 'A game on a tablet' },
      narration: 'assets/n/q1.ogg',
      feedback,
      options: [
        { id: 'a', text: 'Your favourite colour', correct: true },
        { id: 'b', text: 'Your address', correct: false, picture: { src: 'assets/house.png', alt: 'A house' } },
        { id: 'c', text: 'Your school', correct: false },
      ],
    },
    {
      id: 'q2',
      type: 'multiple',
      prompt: 'Which of these are personal details?',
      feedback,
      options: [
        { id: 'a', text: 'Your full name', correct: true },
        { id: 'b', text: 'Your phone number', correct: true },
        { id: 'c', text: 'Your favourite food', correct: false },
      ],
    },
    { id: 'q3', type: 'truefalse', prompt: 'It is fine to share your password with your best friend.', feedback, answer: false },
    {
      id: 'q4',
      type: 'sort',
      prompt: 'Sort these into safe to share and keep private.',
      feedback,
      groups: [
        { id: 'share', label: 'Safe to share' },
        { id: 'private', label: 'Keep private' },
      ],
      cards: [
        { id: 'pet', text: "Your pet's favourite toy", group: 'share' },
        { id: 'home', text: 'Your home address', group: 'private', picture: { src: 'assets/house.png', alt: 'A house' } },
      ],
    },
    {
      id: 'q5',
      type: 'order',
      prompt: 'Put these in the right order.',
      feedback,
      cards: [
        { id: 'stop', text: 'Stop' },
        { id: 'close', text: 'Close the lid' },
        { id: 'tell', text: 'Tell an adult' },
      ],
    },
  ],
};

const butterflyStep = {
  id: 'practice',
  kind: 'butterfly',
  feelings: ['happy', 'ok', 'butterflies', 'scared', 'sad'],
  steps: [
    { id: 'stop', text: 'Stop. Notice the butterfly feeling.' },
    { id: 'record', text: 'Ask the adult to help you keep a record.', ks2Only: true },
  ],
  adults: ['teacher', 'parent', 'other'],
  sayIt: 'What could you say to the adult?',
  praise: 'You did exactly the right thing by telling.',
};

const aupStep = { id: 'sign', kind: 'aup', aup: 'ks1-aup' };

const fullLesson = { ...clone(lessonExample), steps: [slidesStep, scenarioStep, quizStep, butterflyStep, aupStep].map(clone) };

const aupExample = {
  id: 'ks1-aup',
  version: '2026.1',
  phase: 'ks1',
  title: 'My online promises',
  promises: [
    {
      id: 'tell',
      text: 'I will tell a grown-up if something makes me feel worried.',
      picture: { src: 'assets/tell.png', alt: 'A child talking to a teacher' },
      narration: 'assets/n/tell.ogg',
    },
  ],
};

const assemblyExample = {
  id: 'autumn-smart',
  title: 'Be SMART online',
  yearGroups: ['y3', 'y4', 'y5', 'y6'],
  tags: { smart: ['S', 'M', 'A', 'R', 'T'] },
  steps: [
    { id: 'welcome', kind: 'slide', text: 'Be SMART online', notes: 'Ask who has played a game online this week.' },
    {
      id: 'vote1',
      kind: 'vote',
      prompt: 'Someone you met in a game asks to meet up. What do you do?',
      options: [
        { id: 'go', text: 'Go' },
        { id: 'tell', text: 'Tell a trusted adult' },
      ],
      answer: 'tell',
      explanation: 'Never meet someone you only know online. Tell an adult you trust.',
    },
  ],
};

// A few more that the README allows.
const bilingualLesson = {
  id: 'y3-cadw-fe-n-breifat',
  title: { 'en-GB': 'Keep it private', cy: "Cadw fe'n breifat" },
  objectives: [{ 'en-GB': 'Keep details private.', cy: 'Cadw manylion yn breifat.' }],
  steps: [
    {
      id: 'intro',
      kind: 'slides',
      slides: [
        {
          id: 's1',
          text: { 'en-GB': 'Some things about you are private.', cy: 'Mae rhai pethau amdanat ti yn breifat.' },
          picture: { src: 'assets/house.png', alt: { 'en-GB': 'A front door', cy: 'Drws ffrynt' } },
          narration: { 'en-GB': 'assets/n/en/s1.ogg', cy: 'assets/n/cy/s1.wav' },
        },
      ],
    },
  ],
  reflection: { 'en-GB': 'What will you do?', cy: 'Beth wnei di?' },
  badge: { title: { 'en-GB': 'Privacy Protector', cy: 'Gwarchodwr Preifatrwydd' } },
};

const allTags = {
  efcw: [
    'self-image-and-identity', 'online-relationships', 'online-reputation', 'online-bullying',
    'managing-online-information', 'health-wellbeing-and-lifestyle', 'privacy-and-security', 'copyright-and-ownership',
  ],
  dcf: ['identity-image-reputation', 'health-wellbeing', 'digital-rights-licensing-ownership', 'online-behaviour-cyberbullying'],
  smart: ['S', 'M', 'A', 'R', 'T'],
  topics: [
    'personal-details', 'passwords', 'photos-of-others', 'cyberbullying', 'reliable-information', 'copyright', 'email',
    'webcams', 'online-identity', 'digital-footprint', 'gaming-and-messaging', 'mobile-phones', 'viruses-and-popups',
    'asking-before-accepting', 'reporting',
  ],
};

const YEARS = [
  ['reception', 'eyfs'], ['y1', 'ks1'], ['y2', 'ks1'], ['y3', 'lks2'], ['y4', 'lks2'], ['y5', 'uks2'], ['y6', 'uks2'],
];
const wholeSchoolPack = {
  ...clone(packExample),
  version: '2.1',
  languages: ['en-GB', 'cy'],
  units: YEARS.map(([y, b]) => ({
    id: `unit-${y}`,
    yearGroup: y,
    band: b,
    title: { 'en-GB': `Unit ${y}`, cy: `Uned ${y}` },
    lessons: [{ lesson: `${y}-lesson`, required: true }],
  })),
};
delete wholeSchoolPack.description;

// A scenario with 2,000 nodes (the limit for nodes), looping back to the start.
const bigScenario = {
  id: 'long-story',
  kind: 'scenario',
  start: 'n0',
  nodes: Array.from({ length: 2000 }, (_, i) =>
    i === 1999
      ? { id: `n${i}`, ending: true, text: 'The end.' }
      : {
          id: `n${i}`,
          text: `Part ${i}.`,
          choices: [
            { id: 'on', text: 'Go on', safe: true, smart: 'T', next: `n${i + 1}`, feedback: 'Good.' },
            { id: 'back', text: 'Start again', safe: false, smart: 'S', next: 'n0', feedback: 'Back to the start.' },
          ],
        },
  ),
};

// Optional fields the game reads that content/README.md does not show in its examples.
const extrasLesson = {
  ...clone(lessonExample),
  steps: [
    { ...clone(slidesStep), title: 'What is private?' },
    {
      ...clone(scenarioStep),
      title: { 'en-GB': 'Game chat' },
      nodes: scenarioStep.nodes.map((n) => ({ ...clone(n), picture: { src: 'assets/chat.png', alt: 'A chat window' }, narration: 'assets/n/chat.ogg' })),
    },
    {
      ...clone(butterflyStep),
      steps: butterflyStep.steps.map((st) => ({ ...clone(st), picture: { src: 'assets/stop.png', alt: 'A stop sign' }, narration: 'assets/n/stop.wav' })),
    },
    { ...clone(aupStep), title: 'Sign your promises' },
  ],
};
const extrasAssembly = {
  ...clone(assemblyExample),
  steps: assemblyExample.steps.map((st) => ({ ...clone(st), picture: { src: 'assets/smart.png', alt: 'The SMART rules' } })),
};

const positives = [
  ['pack.json example', 'pack', packExample],
  ['pack.json with a unit for every year group, two languages, MAJOR.MINOR version', 'pack', wholeSchoolPack],
  ['lesson example', 'lesson', lessonExample],
  ['lesson with every step example (quiz completed with all five item types)', 'lesson', fullLesson],
  ['lesson with only the required fields, texts in two languages', 'lesson', bilingualLesson],
  ['lesson with every tag value', 'lesson', { ...clone(lessonExample), tags: allTags }],
  ['lesson with empty tags', 'lesson', { ...clone(lessonExample), tags: {} }],
  ['lesson with step titles and pictures on scenario nodes and reporting steps', 'lesson', extrasLesson],
  ['assembly steps with pictures', 'assembly', extrasAssembly],
  ['sort item with 12 cards', 'quizItem', { ...clone(quizStep.items[3]), cards: Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, text: 'x', group: 'share' })) }],
  ['slides step example', 'lessonStep', slidesStep],
  ['scenario step example', 'lessonStep', scenarioStep],
  ['quiz step (completed)', 'lessonStep', quizStep],
  ['butterfly step example', 'lessonStep', butterflyStep],
  ['butterfly step with only the required fields', 'lessonStep', { id: 'b', kind: 'butterfly', feelings: ['butterflies'], steps: [{ id: 'tell', text: 'Tell.' }], adults: ['teacher'] }],
  ['aup step example', 'lessonStep', aupStep],
  ['scenario with 2,000 nodes and loops', 'lessonStep', bigScenario],
  ['a text of 4,000 characters', 'text', 'x'.repeat(4000)],
  ['a text with spaces around words', 'text', '  Tell an adult.  '],
  ['asset path in nested folders with dots in names', 'picture', { src: 'assets/n/a.b/c..d.png', alt: 'x' }],
  ['AUP example', 'aup', aupExample],
  ['AUP with an intro and a promise with no picture', 'aup', { ...clone(aupExample), phase: 'eyfs', intro: 'Listen.', promises: [{ id: 'kind', text: 'I will be kind.' }] }],
  ['assembly example', 'assembly', assemblyExample],
  ['assembly without yearGroups or tags; a vote without answer (discussion)', 'assembly', {
    id: 'spring',
    title: 'Spring assembly',
    steps: [{ id: 'v', kind: 'vote', prompt: 'Discuss:', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], notes: 'No right answer.' }],
  }],
];

for (const [name, kind, data] of positives) {
  const full = `accepts: ${name}`;
  if (validators[kind](data)) pass(full);
  else fail(full, describe(validators[kind].errors));
}

// Negative examples: each is a valid example with one thing broken, and names the
// instancePath and keyword of the error it must produce.
function set(obj, pointer, value) {
  const keys = pointer.split('/').slice(1);
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k];
  const last = keys.at(-1);
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(Number(last), 1);
    else delete o[last];
  } else o[last] = value;
  return obj;
}
const without = (base, pointer) => set(clone(base), pointer, undefined);
const withValue = (base, pointer, value) => set(clone(base), pointer, value);

const tooMany = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const node = (i) => ({ id: `n${i}`, ending: true, text: 'End.' });

const negatives = [
  // unknown fields (typos)
  ['unknown field in a lesson ("titel")', 'lesson', withValue(lessonExample, '/titel', 'x'), '', 'additionalProperties'],
  ['unknown field in a slide', 'lesson', withValue(fullLesson, '/steps/0/slides/0/caption', 'x'), '/steps/0/slides/0', 'additionalProperties'],
  ['unknown field in a scenario choice ("nxt")', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices/1/nxt', 'well-done'), '/nodes/0/choices/1', 'additionalProperties'],
  ['unknown field in a unit', 'pack', withValue(packExample, '/units/0/year', 'y3'), '/units/0', 'additionalProperties'],
  ['unknown field in pack.json ("license")', 'pack', withValue(packExample, '/license', 'MIT'), '', 'additionalProperties'],
  ['unknown field in a picture', 'aup', withValue(aupExample, '/promises/0/picture/caption', 'x'), '/promises/0/picture', 'additionalProperties'],
  ['unknown tag key', 'lesson', withValue(lessonExample, '/tags/smrt', ['S']), '/tags', 'additionalProperties'],
  ['unknown field in an assembly slide', 'assembly', withValue(assemblyExample, '/steps/0/prompt', 'x'), '/steps/0', 'additionalProperties'],
  ['unknown field in an aup step', 'lessonStep', withValue(aupStep, '/version', '1'), '', 'additionalProperties'],
  // bad enum values
  ['unknown step kind', 'lesson', withValue(lessonExample, '/steps/0/kind', 'video'), '/steps/0/kind', 'enum'],
  ['unknown SMART tag', 'lesson', withValue(lessonExample, '/tags/smart/0', 'X'), '/tags/smart/0', 'enum'],
  ['misspelt topic', 'lesson', withValue(lessonExample, '/tags/topics/0', 'personal-detail'), '/tags/topics/0', 'enum'],
  ['unknown EfCW strand', 'lesson', withValue(lessonExample, '/tags/efcw', ['privacy']), '/tags/efcw/0', 'enum'],
  ['unknown DCF element', 'assembly', withValue(assemblyExample, '/tags/dcf', ['health']), '/tags/dcf/0', 'enum'],
  ['unknown year group', 'pack', withValue(packExample, '/units/0/yearGroup', 'y7'), '/units/0/yearGroup', 'enum'],
  ['unknown band', 'pack', withValue(packExample, '/units/0/band', 'ks2'), '/units/0/band', 'enum'],
  ['AUP phase lks2 (only eyfs, ks1, ks2)', 'aup', withValue(aupExample, '/phase', 'lks2'), '/phase', 'enum'],
  ['unknown feeling', 'lessonStep', withValue(butterflyStep, '/feelings/0', 'angry'), '/feelings/0', 'enum'],
  ['unknown trusted adult', 'lessonStep', withValue(butterflyStep, '/adults/2', 'friend'), '/adults/2', 'enum'],
  ['choice SMART rule not S, M, A, R or T', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices/0/smart', 's'), '/nodes/0/choices/0/smart', 'enum'],
  ['unknown quiz type', 'quizItem', withValue(quizStep.items[2], '/type', 'yesno'), '/type', 'enum'],
  ['unknown assembly step kind', 'assembly', withValue(assemblyExample, '/steps/0/kind', 'slides'), '/steps/0/kind', 'enum'],
  ['assembly year group not a year group', 'assembly', withValue(assemblyExample, '/yearGroups/0', 'year3'), '/yearGroups/0', 'enum'],
  ['formatVersion 2', 'pack', withValue(packExample, '/formatVersion', 2), '/formatVersion', 'const'],
  ['band does not match year group (y3 is lks2)', 'pack', withValue(packExample, '/units/0/band', 'ks1'), '/units/0/band', 'const'],
  // missing required fields
  ['lesson without steps', 'lesson', without(lessonExample, '/steps'), '', 'required'],
  ['lesson without title', 'lesson', without(lessonExample, '/title'), '', 'required'],
  ['pack.json without licence', 'pack', without(packExample, '/licence'), '', 'required'],
  ['pack.json without formatVersion', 'pack', without(packExample, '/formatVersion'), '', 'required'],
  ['unit lesson without "required"', 'pack', without(packExample, '/units/0/lessons/0/required'), '/units/0/lessons/0', 'required'],
  ['scenario without start', 'lessonStep', without(scenarioStep, '/start'), '', 'required'],
  ['choice without feedback', 'lessonStep', without(scenarioStep, '/nodes/0/choices/0/feedback'), '/nodes/0/choices/0', 'required'],
  ['choice without safe', 'lessonStep', without(scenarioStep, '/nodes/0/choices/0/safe'), '/nodes/0/choices/0', 'required'],
  ['safe choice without next', 'lessonStep', without(scenarioStep, '/nodes/0/choices/1/next'), '/nodes/0/choices/1', 'required'],
  ['node that is neither an ending nor offers choices', 'lessonStep', without(scenarioStep, '/nodes/1/ending'), '/nodes/1', 'required'],
  ['quiz item without feedback', 'quizItem', without(quizStep.items[0], '/feedback'), '', 'required'],
  ['quiz feedback without incorrect', 'quizItem', without(quizStep.items[0], '/feedback/incorrect'), '/feedback', 'required'],
  ['quiz option without correct', 'quizItem', without(quizStep.items[0], '/options/0/correct'), '/options/0', 'required'],
  ['truefalse item without answer', 'quizItem', without(quizStep.items[2], '/answer'), '', 'required'],
  ['sort card without group', 'quizItem', without(quizStep.items[3], '/cards/0/group'), '/cards/0', 'required'],
  ['butterfly step without adults', 'lessonStep', without(butterflyStep, '/adults'), '', 'required'],
  ['picture without alt', 'lesson', without(lessonExample, '/badge/picture/alt'), '/badge/picture', 'required'],
  ['AUP without version', 'aup', without(aupExample, '/version'), '', 'required'],
  ['AUP promise without text', 'aup', without(aupExample, '/promises/0/text'), '/promises/0', 'required'],
  ['vote without options', 'assembly', without(assemblyExample, '/steps/1/options'), '/steps/1', 'required'],
  ['assembly slide without text', 'assembly', without(assemblyExample, '/steps/0/text'), '/steps/0', 'required'],
  // bad ids
  ['id with capitals', 'lesson', withValue(lessonExample, '/id', 'Y3-Keep-It-Private'), '/id', 'pattern'],
  ['id starting with "-"', 'pack', withValue(packExample, '/id', '-core'), '/id', 'pattern'],
  ['id with "_"', 'lessonStep', withValue(slidesStep, '/slides/0/id', 's_1'), '/slides/0/id', 'pattern'],
  ['id of 65 characters', 'aup', withValue(aupExample, '/id', 'a'.repeat(65)), '/id', 'pattern'],
  ['empty id', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices/1/next', ''), '/nodes/0/choices/1/next', 'pattern'],
  ['id that is not a string', 'pack', withValue(packExample, '/units/0/lessons/0/lesson', 3), '/units/0/lessons/0/lesson', 'type'],
  // empty or bad texts
  ['empty title', 'lesson', withValue(lessonExample, '/title', ''), '/title', 'minLength'],
  ['empty text in one language', 'lesson', withValue(lessonExample, '/title', { 'en-GB': 'Keep it private', cy: '' }), '/title/cy', 'minLength'],
  ['text object with no languages', 'aup', withValue(aupExample, '/title', {}), '/title', 'minProperties'],
  ['text keyed by something that is not a language tag', 'aup', withValue(aupExample, '/title', { english: 'x' }), '/title', 'propertyNames'],
  ['text that is a number', 'lessonStep', withValue(scenarioStep, '/nodes/1/text', 42), '/nodes/1/text', 'type'],
  ['empty feedback', 'quizItem', withValue(quizStep.items[0], '/feedback/correct', ''), '/feedback/correct', 'minLength'],
  ['string of 4,001 characters', 'lesson', withValue(lessonExample, '/reflection', 'x'.repeat(4001)), '/reflection', 'maxLength'],
  ['empty author', 'pack', withValue(packExample, '/authors/0', ''), '/authors/0', 'minLength'],
  ['blank text (only spaces and a line break)', 'lessonStep', withValue(scenarioStep, '/nodes/1/text', '  \n '), '/nodes/1/text', 'pattern'],
  ['blank text in one language', 'aup', withValue(aupExample, '/promises/0/text', { 'en-GB': '\t' }), '/promises/0/text/en-GB', 'pattern'],
  ['AUP version of 33 characters', 'aup', withValue(aupExample, '/version', '1'.repeat(33)), '/version', 'maxLength'],
  // fields of the wrong quiz type or step kind
  ['truefalse item with options', 'quizItem', withValue(quizStep.items[2], '/options', quizStep.items[0].options), '', 'additionalProperties'],
  ['single item with answer', 'quizItem', withValue(quizStep.items[0], '/answer', true), '', 'additionalProperties'],
  ['order item with groups', 'quizItem', withValue(quizStep.items[4], '/groups', quizStep.items[3].groups), '', 'additionalProperties'],
  ['order card with group', 'quizItem', withValue(quizStep.items[4], '/cards/0/group', 'share'), '/cards/0', 'additionalProperties'],
  ['multiple item with cards', 'quizItem', withValue(quizStep.items[1], '/cards', quizStep.items[4].cards), '', 'additionalProperties'],
  ['slides step with nodes', 'lessonStep', withValue(slidesStep, '/nodes', scenarioStep.nodes), '', 'additionalProperties'],
  ['vote with text instead of prompt', 'assembly', withValue(without(assemblyExample, '/steps/1/prompt'), '/steps/1/text', 'x'), '/steps/1', 'additionalProperties'],
  ['ending that offers choices', 'lessonStep', withValue(scenarioStep, '/nodes/1/choices', scenarioStep.nodes[0].choices), '/nodes/1/choices', 'false schema'],
  // counts
  ['lesson with no steps', 'lesson', withValue(lessonExample, '/steps', []), '/steps', 'minItems'],
  ['node with 5 choices', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices', tooMany(5, (i) => ({ id: `c${i}`, text: 'x', safe: false, smart: 'S', feedback: 'x' }))), '/nodes/0/choices', 'maxItems'],
  ['node with an empty list of choices', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices', []), '/nodes/0/choices', 'minItems'],
  ['single item with 1 option', 'quizItem', withValue(quizStep.items[0], '/options', quizStep.items[0].options.slice(0, 1)), '/options', 'minItems'],
  ['multiple item with 7 options', 'quizItem', withValue(quizStep.items[1], '/options', tooMany(7, (i) => ({ id: `o${i}`, text: 'x', correct: i === 0 }))), '/options', 'maxItems'],
  ['sort item with 5 groups', 'quizItem', withValue(quizStep.items[3], '/groups', tooMany(5, (i) => ({ id: `g${i}`, label: 'x' }))), '/groups', 'maxItems'],
  ['sort item with 1 group', 'quizItem', withValue(quizStep.items[3], '/groups', quizStep.items[3].groups.slice(0, 1)), '/groups', 'minItems'],
  ['order item with 9 cards', 'quizItem', withValue(quizStep.items[4], '/cards', tooMany(9, (i) => ({ id: `c${i}`, text: 'x' }))), '/cards', 'maxItems'],
  ['sort item with 13 cards', 'quizItem', withValue(quizStep.items[3], '/cards', tooMany(13, (i) => ({ id: `c${i}`, text: 'x', group: 'share' }))), '/cards', 'maxItems'],
  ['sort item with 1 card', 'quizItem', withValue(quizStep.items[3], '/cards', quizStep.items[3].cards.slice(0, 1)), '/cards', 'minItems'],
  ['vote with 7 options', 'assembly', withValue(assemblyExample, '/steps/1/options', tooMany(7, (i) => ({ id: `o${i}`, text: 'x' }))), '/steps/1/options', 'maxItems'],
  ['AUP with 31 promises', 'aup', withValue(aupExample, '/promises', tooMany(31, (i) => ({ id: `p${i}`, text: 'x' }))), '/promises', 'maxItems'],
  ['pack with 9 languages', 'pack', withValue(packExample, '/languages', ['en-GB', 'cy', 'fr', 'de', 'es', 'it', 'pl', 'pt', 'ro']), '/languages', 'maxItems'],
  ['unit with no lessons', 'pack', withValue(packExample, '/units/0/lessons', []), '/units/0/lessons', 'minItems'],
  ['lesson without objectives', 'lesson', without(lessonExample, '/objectives'), '', 'required'],
  ['lesson with an empty list of objectives', 'lesson', withValue(lessonExample, '/objectives', []), '/objectives', 'minItems'],
  ['order item with 1 card', 'quizItem', withValue(quizStep.items[4], '/cards', quizStep.items[4].cards.slice(0, 1)), '/cards', 'minItems'],
  ['feelings without butterflies', 'lessonStep', withValue(butterflyStep, '/feelings', ['happy', 'sad']), '/feelings', 'contains'],
  ['slides step with 1,001 slides', 'lessonStep', withValue(slidesStep, '/slides', tooMany(1001, (i) => ({ id: `s${i}`, text: 'x' }))), '/slides', 'maxItems'],
  ['scenario with 2,001 nodes', 'lessonStep', withValue(scenarioStep, '/nodes', tooMany(2001, node)), '/nodes', 'maxItems'],
  ['pack with no languages', 'pack', withValue(packExample, '/languages', []), '/languages', 'minItems'],
  ['pack with no authors', 'pack', withValue(packExample, '/authors', []), '/authors', 'minItems'],
  ['two units for the same year group', 'pack', withValue(packExample, '/units/1', { ...packExample.units[0], id: 'y3-again' }), '/units', 'contains'],
  ['vote with 1 option', 'assembly', withValue(assemblyExample, '/steps/1/options', assemblyExample.steps[1].options.slice(0, 1)), '/steps/1/options', 'minItems'],
  // formats
  ['language tag with "_"', 'pack', withValue(packExample, '/languages/0', 'en_GB'), '/languages/0', 'pattern'],
  ['language tag in the wrong case ("en-gb")', 'pack', withValue(packExample, '/languages/0', 'en-gb'), '/languages/0', 'pattern'],
  ['language tag with a script subtag', 'pack', withValue(packExample, '/languages/0', 'sr-Latn'), '/languages/0', 'pattern'],
  ['version with 7 digits', 'pack', withValue(packExample, '/version', '1.1234567'), '/version', 'pattern'],
  ['version "1"', 'pack', withValue(packExample, '/version', '1'), '/version', 'pattern'],
  ['version "v1.0.0"', 'pack', withValue(packExample, '/version', 'v1.0.0'), '/version', 'pattern'],
  ['absolute asset path', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', '/home/teacher/house.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path starting with ..', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', '../house.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path with .. inside', 'aup', withValue(aupExample, '/promises/0/narration', 'assets/../../tell.ogg'), '/promises/0/narration', 'pattern'],
  ['asset path with a backslash', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', 'assets\\house.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path with an empty folder name', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', 'assets//house.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path with a "." folder', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', './assets/house.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path ending in "/"', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', 'assets/'), '/slides/0/picture/src', 'pattern'],
  ['asset path with a NUL character', 'lessonStep', withValue(slidesStep, '/slides/0/picture/src', 'assets/a\u0000.png'), '/slides/0/picture/src', 'pattern'],
  ['asset path with a drive letter', 'lessonStep', withValue(slidesStep, '/slides/0/narration', 'C:/n/s1.ogg'), '/slides/0/narration', 'pattern'],
  ['narration keyed by something that is not a language tag', 'lessonStep', withValue(slidesStep, '/slides/0/narration', { welsh: 'assets/n/s1.ogg' }), '/slides/0/narration', 'propertyNames'],
  ['wholeClass as a string', 'lesson', withValue(lessonExample, '/wholeClass', 'false'), '/wholeClass', 'type'],
  ['safe as a string', 'lessonStep', withValue(scenarioStep, '/nodes/0/choices/0/safe', 'no'), '/nodes/0/choices/0/safe', 'type'],
];

for (const [name, kind, data, wantPath, wantKeyword] of negatives) {
  const full = `rejects: ${name}`;
  if (validators[kind](data)) {
    fail(full, ['was accepted']);
    continue;
  }
  const errors = validators[kind].errors;
  if (errors.some((e) => e.instancePath === wantPath && e.keyword === wantKeyword)) pass(full);
  else fail(full, [`expected "${wantKeyword}" at "${wantPath || '/'}", got:`, ...describe(errors)]);
}

// ---- 5. the C++ validator's fixtures --------------------------------------------------

// Diagnostic codes about one file's shape: the schema must find these too.
const SHAPE_CODES = new Set([
  'schema.type', 'schema.required', 'schema.enum', 'schema.unknown-field', 'schema.format', 'schema.range',
  'format.unsupported', 'id.invalid', 'text.empty', 'unit.band-mismatch', 'unit.duplicate-year', 'lesson.empty',
  'butterfly.no-butterflies', 'scenario.ending-has-choices', 'scenario.safe-without-next', 'asset.bad-path',
  'json.too-many-items',
]);
// Codes after which the validator reads no further into the file: nothing to compare.
const FATAL_CODES = new Set(['json.syntax', 'json.too-deep', 'file.too-large', 'file.unreadable', 'file.outside-pack']);
const PACK_JSON = /^(?:pack\.json|(lessons|aups|assemblies)\/[^/]+\.json)$/;

// A pack bundle (tests/support/pack_bundle.hpp): "# expect: CODE FILE POINTER"
// lines, then "=== file PATH" headers, each followed by that file's lines.
function parseBundle(text) {
  const expectations = [];
  const files = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('=== ')) {
      const m = /^=== file (\S+)$/.exec(line.trimEnd());
      current = m ? [] : null; // hex files, links, big files, folders: not JSON text
      if (m) files.set(m[1], current);
      continue;
    }
    if (current) current.push(line);
    else if (files.size === 0) {
      const m = /^# expect:\s+(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (m) expectations.push({ code: m[1], file: m[2], pointer: m[3] === '-' ? '' : m[3] });
    }
  }
  return { expectations, files: new Map([...files].map(([k, v]) => [k, v.join('\n')])) };
}

// Where an Ajv error is, as the JSON pointer the C++ validator would use.
function errorPointer(e) {
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${e.params.additionalProperty}`;
  if (e.keyword === 'propertyNames') return `${e.instancePath}/${e.params.propertyName}`;
  return e.instancePath;
}
const within = (inner, outer) => inner === outer || inner.startsWith(`${outer}/`);
// Does Ajv error e stand for a diagnostic at pointer p? The same place, or for a
// rule about a whole list ("at most one unit per year group", "no value twice")
// the list that holds p.
const LIST_RULES = new Set(['contains', 'uniqueItems']);
const sameProblem = (e, p) => errorPointer(e) === p || (LIST_RULES.has(e.keyword) && within(p, errorPointer(e)));

function checkFixtures(dir) {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.pack')).sort()) {
    const { expectations, files } = parseBundle(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const [file, text] of files) {
      const m = PACK_JSON.exec(file);
      if (!m) continue;
      const kind = m[1] ? FOLDERS[m[1]] : 'pack';
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        continue; // the fixture is about broken JSON; that is not the schema's business
      }
      const mine = expectations.filter((x) => x.file === file);
      if (mine.some((x) => FATAL_CODES.has(x.code))) continue;
      ++n;
      const name = `fixture ${rel(path.join(dir, f))}: ${file}`;
      const ok = validators[kind](data);
      const errors = ok ? [] : simplify(validators[kind].errors);
      // Every shape problem the validator reports, the schema reports at the same place
      // (or, for "if"/"contains"-style rules, at the object or list that holds it).
      for (const x of mine.filter((x) => SHAPE_CODES.has(x.code))) {
        const full = `${name} is rejected like ${x.code} at "${x.pointer || '/'}"`;
        if (errors.some((e) => sameProblem(e, x.pointer)))
          pass(full);
        else fail(full, ok ? ['was accepted'] : ['got:', ...describe(errors)]);
      }
      // Every error here is somewhere the validator reports a problem too.
      const unexplained = errors.filter((e) => !mine.some((x) => sameProblem(e, x.pointer)));
      const full = mine.length ? `${name} has no error the validator does not report` : `${name} is accepted`;
      if (unexplained.length === 0) pass(full);
      else fail(full, describe(unexplained));
    }
  }
  return n;
}

if (fs.existsSync(fixturesDir)) {
  const n = checkFixtures(path.join(fixturesDir, 'good')) + checkFixtures(path.join(fixturesDir, 'bad'));
  if (n === 0) note(`no pack files in the fixtures under ${rel(fixturesDir)}`);
} else {
  note(`${rel(fixturesDir)} does not exist: fixtures not checked`);
}

finish();
