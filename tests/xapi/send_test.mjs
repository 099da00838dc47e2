#!/usr/bin/env node
// `safequest-cli xapi send` against the test LRS (test_lrs.mjs) on 127.0.0.1:
// the first POST fails (503) and waits for its back-off; a send with --now then
// delivers every completed lesson and signed AUP, each a valid statement whose id is
// its event's uuid; a second send sends nothing; an answer lost after the LRS
// stored the statements is retried without a duplicate; a wrong auth file is
// refused, and a wrong password parks nothing.
// Usage: node send_test.mjs --cli SAFEQUEST_CLI --work DIR
// Prints each check; exit status 0 when all pass, 1 otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLrs } from './test_lrs.mjs';

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) {
    console.error(`send_test.mjs: ${name} is needed`);
    process.exit(2);
  }
  return args[i + 1];
};
const cli = arg('--cli');
const work = arg('--work');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const data = path.join(work, 'data');

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}${ok || !detail ? '' : `\n  ${detail}`}`);
  if (!ok) failures++;
}

// Runs the CLI without blocking: the LRS answers from this same process.
function run(...argv) {
  return new Promise((resolve) => {
    const child = spawn(cli, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function record(...argv) {
  const r = await run('record', '--data', data, '--pack', 'core', '--pack-version', '1.0.0',
                      ...argv);
  const id = r.stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  if (r.code !== 0 || !id) {
    console.error(`record failed (${r.code}): ${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return id[0];
}

const amy = 'a0000000-0000-4000-8000-000000000001';
const ben = 'b0000000-0000-4000-8000-000000000002';
const sent = [];
sent.push(await record('--kind', 'lesson.completed', '--pupil', amy, '--activity', 'l1',
                       '--time', '2026-10-01T10:00:00Z'));
sent.push(await record('--kind', 'aup.signed', '--pupil', amy, '--activity', 'ks2-aup',
                       '--aup-version', '2026.1', '--phase', 'ks2', '--time', '2026-09-04T09:00:00Z'));
sent.push(await record('--kind', 'lesson.completed', '--pupil', ben, '--activity', 'l1',
                       '--time', '2026-10-02T10:00:00Z'));
// Steps and progress are not sent (they stay in reports).
await record('--kind', 'lesson.progress', '--pupil', ben, '--activity', 'l1', '--step', 'intro',
             '--time', '2026-10-02T09:00:00Z');

const authFile = path.join(work, 'lrs-auth');
fs.writeFileSync(authFile, 'key:secret\n', { mode: 0o600 });
fs.chmodSync(authFile, 0o600);
const auth = `Basic ${Buffer.from('key:secret').toString('base64')}`;
const lrs = await startLrs({ auth, failFirst: 1 });
const send = (...extra) => run('xapi', 'send', '--endpoint', lrs.url, '--auth-file', authFile,
                               '--data', data, ...extra);

try {
  let r = await send();
  check(r.code === 3, 'a 503 leaves the statements waiting (exit 3)', `${r.code} ${r.stdout}${r.stderr}`);
  check(/^sent 0, already there 0, left 3 \(next try in \d+ s\)$/m.test(r.stdout),
        'it says what is left and when it tries again', r.stdout);
  check(lrs.posts === 1 && lrs.statements.size === 0, 'one POST, nothing stored');

  r = await send();
  check(r.code === 3 && /not tried/.test(r.stdout), 'before the back-off runs out nothing is tried',
        `${r.code} ${r.stdout}`);
  check(lrs.posts === 1, 'no POST while waiting');

  r = await send('--now', '--batch', '2');
  check(r.code === 0, 'the retry sends everything (exit 0)', `${r.code} ${r.stdout}${r.stderr}`);
  check(/^sent 3, already there 0, left 0$/m.test(r.stdout), 'sent 3, left 0', r.stdout);
  check(lrs.posts === 3, 'the retry took two POSTs of at most 2 statements', `${lrs.posts}`);
  const ids = [...lrs.statements.keys()].sort();
  check(JSON.stringify(ids) === JSON.stringify([...sent].sort()),
        'the LRS holds exactly the completed lessons and signed AUP, by their event uuids',
        `${ids} vs ${sent}`);
  check(lrs.invalid.length === 0, 'every statement passes xapi-validation',
        JSON.stringify(lrs.invalid));
  for (const s of lrs.statements.values()) {
    const text = JSON.stringify(s);
    check(!/Amelia|Benedict/.test(text) && s.actor.account.name.length === 36,
          `statement ${s.id} names no pupil`);
  }

  r = await send();
  check(r.code === 0 && /^sent 0, already there 0, left 0$/m.test(r.stdout),
        'a second send has nothing new', r.stdout);
  check(lrs.posts === 3, 'and posts nothing');

  r = await run('xapi', 'status', '--data', data);
  check(/^sent 3, already there 0, parked 0, waiting 0$/m.test(r.stdout), 'status counts them',
        r.stdout);
} finally {
  await lrs.close();
}

// The LRS stores the batch but its answer is lost: the resend is the same
// statements under the same ids, and the LRS still holds each once.
const lossy = await startLrs({ auth, loseAnswers: 1 });
try {
  sent.push(await record('--kind', 'lesson.completed', '--pupil', ben, '--activity', 'l2',
                         '--time', '2026-10-03T10:00:00Z'));
  const send2 = (...extra) => run('xapi', 'send', '--endpoint', lossy.url, '--auth-file',
                                  authFile, '--data', data, ...extra);
  let r = await send2();
  check(r.code === 3 && lossy.statements.size === 1, 'a lost answer leaves the statement waiting',
        `${r.code} ${r.stdout}`);
  r = await send2('--now');
  check(r.code === 0 && /^sent 1, already there 0, left 0$/m.test(r.stdout),
        'the resend is taken', r.stdout);
  check(lossy.statements.size === 1 && lossy.posts === 2, 'and the LRS holds it once');
  check(lossy.invalid.length === 0, 'every statement passes xapi-validation');

  // A wrong password is the configuration's problem: nothing is parked.
  sent.push(await record('--kind', 'lesson.completed', '--pupil', amy, '--activity', 'l2',
                         '--time', '2026-10-04T10:00:00Z'));
  const wrong = path.join(work, 'wrong-auth');
  fs.writeFileSync(wrong, 'key:wrong', { mode: 0o600 });
  r = await run('xapi', 'send', '--endpoint', lossy.url, '--auth-file', wrong, '--data', data);
  check(r.code === 3 && /HTTP 401/.test(r.stderr) && /left 1/.test(r.stdout),
        'a wrong password waits (exit 3), parks nothing', `${r.code} ${r.stdout}${r.stderr}`);
} finally {
  await lossy.close();
}

// Files and addresses are checked before anything is sent.
const open = path.join(work, 'open-auth');
fs.writeFileSync(open, 'key:secret');
fs.chmodSync(open, 0o644);
let r = await run('xapi', 'send', '--endpoint', 'https://lrs.example.org/xapi', '--auth-file', open,
                  '--data', data);
check(r.code === 2 && /can be read by every user/.test(r.stderr),
      'an auth file every user can read is refused', `${r.code} ${r.stderr}`);
r = await run('xapi', 'send', '--endpoint', 'http://lrs.example.org/xapi', '--auth-file', authFile,
              '--data', data);
check(r.code === 2 && /must be https/.test(r.stderr), 'plain http to another machine is refused',
      `${r.code} ${r.stderr}`);
r = await run('xapi', 'send', '--data', data);
check(r.code === 2, 'send without an endpoint is a usage error');

fs.rmSync(work, { recursive: true, force: true });
console.log(failures === 0 ? 'all passed' : `${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
