#!/usr/bin/env node
// Validates a file of xAPI statements (a JSON array, as written by
// `safequest-cli report --format xapi`) with Learning Locker's xapi-validation,
// which is conformance-tested against the xAPI 1.0.3 specification, and adds
// SafeQuest's own rules: statement ids are lowercase uuids, verbs are the three ADL
// verbs we use, and the actor is an account (never a name or an e-mail address).
//
// Usage: node tests/xapi/validate.mjs [--expect N] [-v] FILE
// Prints each failure, then "N passed, M failed". Exit status: 0 all passed (and
// exactly N statements when --expect is given), 1 otherwise, 2 usage or unreadable file.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validateStatement = require('xapi-validation').default;

const ALLOWED_VERBS = new Set([
  'http://adlnet.gov/expapi/verbs/completed',
  'http://adlnet.gov/expapi/verbs/answered',
  'http://adlnet.gov/expapi/verbs/attempted',
]);
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function usage(message) {
  if (message) console.error(`validate.mjs: ${message}`);
  console.error('usage: node tests/xapi/validate.mjs [--expect N] [-v] FILE');
  process.exit(2);
}

let expect = null;
let verbose = false;
let file = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--expect') {
    expect = Number.parseInt(args[++i] ?? '', 10);
    if (!Number.isInteger(expect) || expect < 0) usage('--expect needs a whole number');
  } else if (args[i] === '-v') {
    verbose = true;
  } else if (file === null) {
    file = args[i];
  } else {
    usage(`unexpected argument ${args[i]}`);
  }
}
if (file === null) usage('no file given');

let statements;
try {
  statements = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`validate.mjs: cannot read ${file}: ${e.message}`);
  process.exit(2);
}
if (!Array.isArray(statements)) {
  console.error(`validate.mjs: ${file} does not hold a JSON array`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// SafeQuest's rules on top of the specification's.
function ourProblems(s) {
  const problems = [];
  if (typeof s.id !== 'string' || !LOWER_UUID.test(s.id)) {
    problems.push(`id ${JSON.stringify(s.id)} is not a lowercase uuid`);
  }
  if (!ALLOWED_VERBS.has(s.verb?.id)) {
    problems.push(`verb ${JSON.stringify(s.verb?.id)} is not one SafeQuest uses`);
  }
  const actor = s.actor ?? {};
  if (actor.objectType !== 'Agent' || !actor.account) {
    problems.push('actor is not an Agent identified by an account');
  }
  for (const key of ['name', 'mbox', 'mbox_sha1sum', 'openid']) {
    if (key in actor) problems.push(`actor has "${key}": pupils are identified only by account`);
  }
  return problems;
}

let passed = 0;
let failed = 0;
const ids = new Set();
statements.forEach((s, i) => {
  const problems = [];
  for (const w of validateStatement(s)) {
    problems.push(`${(w.path ?? []).join('.')}: ${w.name ?? w.message ?? 'invalid'}`);
  }
  problems.push(...ourProblems(s));
  if (ids.has(s.id)) problems.push(`id ${s.id} appears twice`);
  ids.add(s.id);
  if (problems.length === 0) {
    passed++;
    if (verbose) console.log(`ok ${i} ${s.id} ${s.verb.id}`);
  } else {
    failed++;
    console.log(`statement ${i} (${s.id}):`);
    for (const p of problems) console.log(`  ${p}`);
  }
});
if (expect !== null && statements.length !== expect) {
  console.log(`expected ${expect} statements, found ${statements.length}`);
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
