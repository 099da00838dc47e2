// A tiny xAPI learning record store for tests, on 127.0.0.1 only: it takes POST
// <base>/statements (one statement or an array), checks the version header and the
// sign-in, validates every statement with Learning Locker's xapi-validation (pinned
// in tests/package-lock.json) plus SafeQuest's own rules, and keeps them by id as an
// LRS must: the same statement again changes nothing, a different one under a known
// id is 409 Conflict. A batch is taken whole or not at all.
// It can fail on purpose: `failFirst` answers the first N POSTs with 503 before
// storing anything, `loseAnswers` stores and then answers 503 (the answer lost on
// the way back), so a test sees a sender retry and never duplicate.
//
//   import { startLrs } from './test_lrs.mjs';
//   const lrs = await startLrs({ auth: 'Basic ...', failFirst: 1 });
//   ... lrs.url, lrs.statements (Map id -> statement), lrs.posts, lrs.invalid,
//       lrs.repeats, lrs.answers ...
//   await lrs.close();
//
// `cors: true` lets a web page of another origin post (the web game's browser test):
// the preflight (OPTIONS) is answered and every answer says which origin may read it.
//
// Run alone (node tests/xapi/test_lrs.mjs [--fail-first N]) it prints its
// URL and logs each POST, for trying a sender by hand.
import http from 'node:http';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const validateStatement = require('xapi-validation').default;

const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_BODY = 4 * 1024 * 1024;

// Why a statement is not one SafeQuest may send: the specification's rules, then
// ours (lowercase uuid ids, pupils only as accounts, never a name).
export function statementProblems(s) {
  const problems = [];
  for (const w of validateStatement(s)) {
    problems.push(`${(w.path ?? []).join('.')}: ${w.name ?? w.message ?? 'invalid'}`);
  }
  if (typeof s?.id !== 'string' || !LOWER_UUID.test(s.id)) {
    problems.push(`id ${JSON.stringify(s?.id)} is not a lowercase uuid`);
  }
  const actor = s?.actor ?? {};
  if (actor.objectType !== 'Agent' || !actor.account) {
    problems.push('actor is not an Agent identified by an account');
  }
  for (const key of ['name', 'mbox', 'mbox_sha1sum', 'openid']) {
    if (key in actor) problems.push(`actor has "${key}"`);
  }
  return problems;
}

export async function startLrs({ base = '/xapi', auth = null, failFirst = 0, loseAnswers = 0,
                                 log = false, cors = false } = {}) {
  const lrs = {
    statements: new Map(),
    posts: 0,
    invalid: [], // { id, problems }
    repeats: 0, // statements posted again with an id already stored (kept once)
    answers: [], // status of each POST, in order
  };
  let toFail = failFirst;
  let toLose = loseAnswers;

  const reply = (res, status, body) => {
    lrs.answers.push(status);
    if (log) console.log(`POST -> ${status}`);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    if (cors && req.headers.origin) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== `${base}/statements`) {
        lrs.answers.push(404);
        res.writeHead(404);
        res.end();
        return;
      }
      lrs.posts++;
      if (size > MAX_BODY) return reply(res, 413, { message: 'too large' });
      if (toFail > 0) {
        toFail--;
        return reply(res, 503, { message: 'failing on purpose' });
      }
      if (!String(req.headers['x-experience-api-version'] ?? '').startsWith('1.0')) {
        return reply(res, 400, { message: 'X-Experience-API-Version missing' });
      }
      if (auth !== null && req.headers.authorization !== auth) {
        return reply(res, 401, { message: 'not signed in' });
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return reply(res, 400, { message: 'not JSON' });
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        return reply(res, 400, { message: `not JSON: ${e.message}` });
      }
      const batch = Array.isArray(body) ? body : [body];
      const ids = [];
      for (const s of batch) {
        const problems = statementProblems(s);
        if (problems.length > 0) {
          lrs.invalid.push({ id: s?.id, problems });
          return reply(res, 400, { message: problems.join('; ') });
        }
        const known = lrs.statements.get(s.id);
        if (known !== undefined && !isDeepStrictEqual(known, s)) {
          return reply(res, 409, { message: `statement ${s.id} exists and differs` });
        }
        if (ids.includes(s.id)) return reply(res, 400, { message: `id ${s.id} twice in a batch` });
        ids.push(s.id);
      }
      for (const s of batch) {
        if (lrs.statements.has(s.id)) lrs.repeats += 1;
        else lrs.statements.set(s.id, s);
      }
      if (toLose > 0) {
        toLose--;
        return reply(res, 503, { message: 'stored, answer lost on purpose' });
      }
      return reply(res, 200, ids);
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  lrs.url = `http://127.0.0.1:${server.address().port}${base}`;
  lrs.close = () => new Promise((resolve) => server.close(resolve));
  return lrs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number.parseInt(args[i + 1], 10) : fallback;
  };
  const lrs = await startLrs({ failFirst: opt('--fail-first', 0), log: true });
  console.log(lrs.url);
}
