/**
 * Each defect the fuzzer found, as its minimal file: the fuzz oracles (fuzz/lib) must find nothing
 * wrong with it. Defects not fixed yet are `it.fails` (they fail today, as the finding says); when a
 * fix lands the test starts passing, `it.fails` reports that, and the test becomes a plain `it`.
 */
import { describe, expect, it } from 'vitest';
import { checkText, failureKinds } from './harness';

describe('fuzz regressions', () => {
  it('a listener is inserted after a statement that keeps its semicolon', async () => {
    const text = "import { createClient } from 'redis';\nconst client = createClient({ socket: { connectTimeout: 5 } });\nclient.connect();\n";
    expect(failureKinds(await checkText(text, 'src/plain.mjs'))).toEqual([]);
  });

  // (b) No semicolon at the end of a statement that ends a block or a line: the listener goes on the same line.
  it('no-semicolon assignment inside a beforeEach arrow body', async () => {
    const text = "import { createClient } from 'redis'\nlet client\nbeforeEach(() => { client = createClient() })\n";
    expect(failureKinds(await checkText(text, 'tests/hooks.test.js'))).toEqual([]);
  });

  it('no-semicolon declaration inside an if block', async () => {
    const text = "import { createClient } from 'redis'\nif (flag) { const c = createClient() }\n";
    expect(failureKinds(await checkText(text, 'src/block.js'))).toEqual([]);
  });

  it('a duplicate() declared at the end of a line that holds other statements', async () => {
    const text = "import { createClient } from 'redis'\nconst c = createClient(); c.on('error', () => {}); const d = c.duplicate()\n";
    expect(failureKinds(await checkText(text, 'src/line.js'))).toEqual([]);
  });

  // An oracle defect, not a codemod one: a block's `{` after a line comment was keyed by that comment,
  // so after a listener was inserted before it the diff no longer paired the user's braces.
  it('bare blocks after a line that ends in a comment, no semicolons', async () => {
    const declaration = 'const client = createClient({ url: "redis://x" })';
    const text = ['import { createClient } from "redis"', `export ${declaration} // note`, '', `{\n${declaration}\n}`, `{\n${declaration}\n}`, ''].join('\n');
    expect(failureKinds(await checkText(text, 'src/blocks.js'))).toEqual([]);
  });

  // A client created inside a strategy the codemod replaces: its listener and timeout overlapped the
  // replacement, which was refused, and were then never applied nor listed as skipped.
  it('a client created inside a reconnect strategy that always gives up', async () => {
    const text = [
      "import { createClient } from 'redis';",
      'export const client = createClient({',
      '  socket: {',
      '    reconnectStrategy(retries: number) {',
      "      return new Error('no reconnects');",
      '      const inner = createClient({ socket: { connectTimeout: 0 } });',
      '    },',
      '  },',
      '});',
      '',
    ].join('\n');
    expect(failureKinds(await checkText(text, 'src/strategy.ts'))).toEqual([]);
  });

  // A value assigned to a type-only name (`ReturnType`) is an implicit global, not the lib type's variable.
  it('a client assigned to a name that is only a type', async () => {
    const text = "import { createClient } from '@redis/client';\ntype Redis = ReturnType<typeof createClient>;\nbeforeEach(() => { ReturnType = createClient() })\n";
    expect(failureKinds(await checkText(text, 'src/type-name.ts'))).toEqual([]);
  });

  // An oracle gap: the remedy of a listener that only rethrows replaces its `throw` by logging, by design.
  it("an 'error' listener that only rethrows", async () => {
    const text = "import { createClient } from 'redis';\nconst client = createClient({ socket: { connectTimeout: 5 } });\nclient.on('error', (err) => {\n  throw err;\n});\nawait client.connect();\n";
    expect(failureKinds(await checkText(text, 'src/rethrow.mjs'))).toEqual([]);
  });

  // (c) `.on('error', …)` chained onto `new X` without parentheses binds to `X`: `new (RedisClient.on)(…)`.
  it('export default new RedisClient without parentheses', async () => {
    const text = "import { RedisClient } from 'redis';\nexport default new RedisClient;\n";
    expect(failureKinds(await checkText(text, 'src/default.mjs'))).toEqual([]);
  });

  // (d) A listener on an assignment target the analysis does not follow: every round adds one more.
  it('an implicit global assigned a client', async () => {
    const text = "import { createClient } from 'redis';\nclient = createClient({ url: 'redis://x' });\n";
    expect(failureKinds(await checkText(text, 'src/implicit.js'))).toEqual([]);
  });

  it('a non-null asserted this.client! assigned a client', async () => {
    const text = "import { createClient } from 'redis';\nclass Queue {\n  client?: ReturnType<typeof createClient>;\n  open() {\n    this.client! = createClient({ url: 'redis://x' });\n  }\n}\n";
    expect(failureKinds(await checkText(text, 'src/queue.ts'))).toEqual([]);
  });

  // (e) --error-handler is inserted as given: TypeScript in a JavaScript file.
  it('a TypeScript error handler is not written into a .js file', async () => {
    const text = "import { createClient } from 'redis';\nconst client = createClient({ socket: { connectTimeout: 5 } });\n";
    const result = await checkText(text, 'src/handler.js', { errorHandler: '(err: Error) => log(err)' });
    expect(failureKinds(result)).toEqual([]);
  });

  // (f) The skipped sites of the second and third transform are reported in the text the earlier
  // transforms produced, so their line numbers point past the code they name.
  it('skipped sites are reported at their line in the input', async () => {
    const text = "import { createClient } from 'redis';\nimport options from './options';\nconst a = createClient();\nconst b = createClient(options);\n";
    expect(failureKinds(await checkText(text, 'src/skipped.ts'))).toEqual([]);
  });

  // (g) Found by the fuzzer: typescript-estree refuses `this?.#client` ("An optional chain cannot contain
  // private identifiers"), which is valid JavaScript that ESLint lints; the codemod calls it a parse error.
  it('a .js file with an optional chain to a private field is transformed, not refused', async () => {
    const text = "import { createClient } from 'redis';\n\nexport class Cache {\n  #client = createClient({ socket: { connectTimeout: 5 } });\n\n  constructor() {\n    this?.#client.on('error', () => {});\n  }\n}\n";
    expect(failureKinds(await checkText(text, 'src/cache.js'))).toEqual([]);
  });

  // Found by the 10,000-case run of 2026-11-29: a client bound to the name `await` (TypeScript parses
  // it in a module) got `await.on('error', …)`, which no parser accepts; the listener is chained instead.
  it('a client bound to the name await', async () => {
    const text = "import { createClient } from 'redis';\nexport const await = createClient({ url: 'redis://x' });\n";
    expect(failureKinds(await checkText(text, 'src/await-name.ts'))).toEqual([]);
  });

  // The suggestion mended one of several rethrowing listeners, so the report stayed for the next one.
  it('several listeners that only rethrow, on one line', async () => {
    const rethrow = "client.on('error', (err) => { throw err; });";
    const text = `const { createClient } = require('redis');\nconst client = createClient();\n${rethrow} ${rethrow} ${rethrow}\nclient.connect();\n`;
    expect(failureKinds(await checkText(text, 'src/rethrow.cjs'))).toEqual([]);
  });

  // A migrated positional URL made a quoted `'db'` key visible, which could not be renamed, and the
  // timeout's edit broke the object over lines: the report inside the rewritten span looked moved.
  it("a quoted 'db' beside a positional URL", async () => {
    const text = "const { createClient } = require('redis');\nconst client = createClient('redis://cache:6379', { 'db': 2 });\nclient.on('error', console.error);\nclient.connect();\n";
    expect(failureKinds(await checkText(text, 'src/quoted.cjs'))).toEqual([]);
  });

  // A top-level `connectTimeout` under a computed key cannot be moved: the site is listed, not left unsaid.
  it('a top-level connectTimeout under a computed key', async () => {
    const text = "import { createClient } from 'redis';\nconst client = createClient({ url: 'redis://x', ['connectTimeout']: 2000 });\nclient.on('error', console.error);\nawait client.connect();\n";
    expect(failureKinds(await checkText(text, 'src/computed.mts'))).toEqual([]);
  });

  // `db` written twice: renaming the one that counts would bring the other to life, so neither is rewritten.
  it('an options object that writes db twice', async () => {
    const text = "import { createClient } from 'redis';\nconst options = { db: process.env.DB, db: 2 };\nexport const cache = createClient(options);\ncache.on('error', console.error);\nawait cache.connect();\n";
    expect(failureKinds(await checkText(text, 'src/twice.mjs'))).toEqual([]);
  });

  // A listener inserted on the line before a connect() that gets `await`: the oracle took the two
  // insertions for one run that did not stand alone.
  it('a listener inserted right before an awaited connect()', async () => {
    const text = "import { createClient } from 'redis';\nconst client = createClient({ socket: { connectTimeout: 5 } });\nclient.on('error', console.error);\nconst other = createClient({ socket: { reconnectStrategy: false } });\nclient.connect();\n";
    expect(failureKinds(await checkText(text, 'src/adjacent.mjs'))).toEqual([]);
  });

  // A statement repeated 181 times on one line: the remedies measured the whole line once per report
  // (quadratic), and the oracle's token diff had no anchor (minutes). Now bounded on both sides.
  it('a long line of repeated clients stays within the budgets', async () => {
    const text = `const { createClient } = require('redis');\n${'module.exports = createClient({ url: process.env.REDIS_URL }); '.repeat(181)}\n`;
    expect(failureKinds(await checkText(text, 'src/long-line.cjs'))).toEqual([]);
  });

  // Second 10,000-case run: a listener after `(x satisfies T) = createClient()` named `x`, which the
  // analysis does not connect to the client through the wrapper; it is chained onto the call instead.
  it('a client assigned through a satisfies expression', async () => {
    const text = "import { createClient } from '@redis/client';\nlet connection: ReturnType<typeof createClient> | undefined;\nexport async function get() {\n  if (!connection) {\n    (connection satisfies object) = createClient({ database: 2 });\n    await connection.connect();\n  }\n  return connection;\n}\n";
    expect(failureKinds(await checkText(text, 'src/satisfies.ts'))).toEqual([]);
  });

  // A parenthesized strategy lost its `)` when its object was broken over lines: refused as unparsable in
  // the first run, applied in the second (not idempotent).
  it('a parenthesized reconnect strategy in a one-line object', async () => {
    const text = "const { createClient } = require('redis')\r\n\r\nexports.client = createClient({ socket: { reconnectStrategy: (() => false) } });\r\n";
    expect(failureKinds(await checkText(text, 'src/parenthesized.cjs'))).toEqual([]);
  });

  // Third 10,000-case run: the codemod infers the width from the file's longest line, and the inserted
  // strategy was one line wider than it. On the second run the wider width let a site refused in the
  // first (breaking `db` away from its eslint-disable-next-line) fit on one line. The strategy now breaks.
  it('a site refused for its disable comment stays refused once a strategy is inserted', async () => {
    const start = 'async function start() {\n  await client.connect();\n}\n';
    const declaration = "const client = createClient({ url: process.env.REDIS_URL, db: 1 });\nclient.on('error', (err) => console.error(err));\n";
    const text = [
      "import { createClient } from 'redis';\n",
      '// eslint-disable-next-line redis/no-legacy-options -- read by our wrapper, not by node-redis',
      `${declaration}\nexport ${start}`,
      `{\n${declaration}${start}}\n{\n${declaration}${start}}\n`,
    ].join('\n');
    expect(failureKinds(await checkText(text, 'src/eslint-disable-comment.mjs'))).toEqual([]);
  });

  // Fourth 10,000-case run: the listener added after a one-line block cannot be broken and is wider than
  // the file's longest line; the second run inferred that wider width, and the site refused in the first
  // (its `db` silenced on its line) fitted on one line there. The file is transformed at that width now.
  it('a line the codemod cannot break widens the width before a refused site is judged', async () => {
    const text = [
      "import { createClient } from 'redis';",
      'if (flag) { const c993 = createClient() }',
      '',
      '// eslint-disable-next-line redis/no-legacy-options -- read by our wrapper, not by node-redis',
      'const client = createClient({ url: process.env.REDIS_URL, db: 1 });',
      "client.on('error', (err) => console.error(err));",
      '',
    ].join('\n');
    expect(failureKinds(await checkText(text, 'src/eslint-disable-comment.mjs'))).toEqual([]);
  });

  // An oracle defect: a positional URL moved into `{ url }` is one bracket deeper, so the token diff (keyed
  // by depth) could not pair it and paired the wrong `createClient(` instead. Depth is not keyed inside
  // a migration's regions.
  it('a positional URL and options merged into one object, after a one-line assignment', async () => {
    const text = "\uFEFFconst { createClient } = require('redis'); this.client = createClient();\n\nconst client = createClient('redis://cache:6379', { db: 2 });\nclient.on('error', console.error);\nclient.connect();\n";
    expect(failureKinds(await checkText(text, 'src/byte-order-mark.cjs'))).toEqual([]);
  });

  // The first fix of that gap keyed depth out wherever a migration may move code, on each side alone: an
  // options object with a `socket` key counted on the output side only, and its tokens stopped pairing.
  it('an options constant with a socket key beside a migrated call', async () => {
    const text = [
      "import { createClient } from 'redis';",
      'export async function connect(url, db) {',
      '  const client = createClient({ url, db });',
      "  client.on('error', console.error);",
      '  const opts99 = { socket: { reconnectStrategy: false } }; const c99 = createClient(opts99);',
      '  return client;',
      '}',
      '',
    ].join('\n');
    expect(failureKinds(await checkText(text, 'tests/db-shorthand.test.mjs'))).toEqual([]);
  });

  // (a) Exponential time with repeated `g.redis ?? createClient()` functions: tests/core/analysis-bounds.test.ts
  // asserts the exact findings of 30 such functions and counts the work in steps, never in time.
});
