import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSFORM_NAMES, InvalidOptionError, NestingTooDeepError, SourceParseError } from '../../src/codemods/api';
import { applyEdits, transformSource } from '../../src/codemods/transform-source';
import { pastTheBudget, pastTheDepthBound } from '../rules/bounded-shapes';

/** What the CLI runs when no transform is named. */
const ALL = DEFAULT_TRANSFORM_NAMES;

describe('transformSource', () => {
  it('returns the very same string when a file does not use node-redis', () => {
    const source = "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key);\n";
    const result = transformSource(source, 'src/db.ts', ALL);
    expect(result).toEqual({ output: source, changed: false, applied: [], skipped: [] });
    expect(result.output).toBe(source);
  });

  it('does not parse files that never mention redis (so they cost only the read)', () => {
    expect(transformSource('this is not ( javascript', 'notes.js', ALL).changed).toBe(false);
  });

  it('reports a file that does not parse with the parser line and column', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient(;\n";
    let error: unknown;
    try {
      transformSource(source, 'src/broken.ts', ALL);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SourceParseError);
    expect(error).toMatchObject({ line: 2, column: 29, message: "')' expected." });
  });

  it('reports valid code nested beyond the stack as NestingTooDeepError, never as a parse error', () => {
    const depth = 50_000;
    const source = `import { createClient } from 'redis';\nconst client = ${'('.repeat(depth)}createClient()${')'.repeat(depth)};\n`;
    expect(() => transformSource(source, 'src/deep.mjs', ALL)).toThrow(NestingTooDeepError);
  });

  it('runs the transforms in a fixed order and says which changed the file', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient({ socket: { reconnectStrategy: false } });\nawait client.connect();\n";
    const result = transformSource(source, 'src/cache.mjs', ['bound-reconnect-strategy', 'add-error-listener'], { lineWidth: 1000 }); // one line per remedy: line-width.test.ts covers breaking
    expect(result.applied).toEqual(['add-error-listener', 'bound-reconnect-strategy']);
    expect(result.output).toBe(
      [
        "import { createClient } from 'redis';",
        "const client = createClient({ socket: { reconnectStrategy: (retries, cause) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000)) } });",
        "client.on('error', (err) => console.error('Redis client error:', err));",
        'await client.connect();',
        '',
      ].join('\n'),
    );
  });

  it('keeps a BOM and CRLF line endings', () => {
    const source = "\uFEFFimport { createClient } from 'redis';\r\nconst client = createClient({\r\n  url: 'redis://x',\r\n});\r\nawait client.connect();\r\n";
    const { output } = transformSource(source, 'src/cache.mjs', ALL);
    expect(output).toBe(
      "\uFEFFimport { createClient } from 'redis';\r\nconst client = createClient({\r\n  url: 'redis://x',\r\n  socket: { connectTimeout: 10000 },\r\n});\r\n" +
        "client.on('error', (err) => console.error('Redis client error:', err));\r\nawait client.connect();\r\n",
    );
  });

  it('follows --redis-version over the package.json: no socket options for v3 code, a listener still', () => {
    const source = "import { createClient } from 'redis';\nexport const client = createClient({ url: 'redis://x' });\n";
    const listener = "client.on('error', (err) => console.error('Redis client error:', err));\n";
    expect(transformSource(source, 'src/v3.mjs', ALL, { redisVersion: '3' })).toMatchObject({ output: source + listener, applied: ['add-error-listener'] });
    expect(transformSource(source, 'src/v3.mjs', ALL, { redisVersion: '^4.6.0' }).applied).toEqual(['add-error-listener', 'add-connect-timeout']);
  });

  it('lists options it cannot see as skipped, with the position', () => {
    const source = "import { createClient } from 'redis';\nexport const make = (options) => createClient(options).on('error', console.error);\n";
    const result = transformSource(source, 'src/make.js', ALL);
    expect(result.changed).toBe(false);
    expect(result.skipped).toEqual([{ transform: 'add-connect-timeout', line: 2, column: 34, reason: 'options not visible in this file' }]);
  });

  it('names the write it cannot follow in the skip reason', () => {
    const source = [
      "import { createClient } from 'redis';",
      'const options = { url: process.env.REDIS_URL };',
      'export function connect(tls) {',
      '  if (tls) options.socket = { tls: true };',
      "  return createClient(options).on('error', console.error);",
      '}',
      '',
    ].join('\n');
    const result = transformSource(source, 'src/connect.js', ALL);
    expect(result.changed).toBe(false);
    expect(result.skipped).toEqual([
      { transform: 'add-connect-timeout', line: 5, column: 10, reason: 'options are written to after creation, line 4' },
    ]);
  });

  it('edits every literal a way through written options needs', () => {
    const source = [
      "import { createClient } from 'redis';",
      'const options = { url: process.env.REDIS_URL };',
      'if (process.env.REDIS_TLS) {',
      "  options['socket'] = { tls: true };",
      '}',
      "export const client = createClient(options).on('error', console.error);",
      '',
    ].join('\n');
    const result = transformSource(source, 'src/client.js', ALL);
    expect(result.skipped).toEqual([]);
    expect(result.output).toBe(
      source
        .replace('REDIS_URL }', 'REDIS_URL, socket: { connectTimeout: 10000 } }')
        .replace('{ tls: true }', '{ tls: true, connectTimeout: 10000 }'),
    );
  });

  it('leaves alone what an eslint-disable comment silences, and says so', () => {
    const source = [
      "import { createClient } from 'redis';",
      '// eslint-disable-next-line redis/require-error-listener -- short-lived script',
      "const client = createClient({ socket: { connectTimeout: 1000 } });",
      'await client.connect();',
      '',
    ].join('\n');
    const result = transformSource(source, 'src/script.js', ALL);
    expect(result.output).toBe(source);
    expect(result.skipped).toEqual([
      { transform: 'add-error-listener', line: 3, column: 16, reason: 'disabled by an eslint-disable comment' },
    ]);
  });

  it('uses a custom handler, timeout and retry bound', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient({ socket: { reconnectStrategy: false } });\nawait client.connect();\n";
    const { output } = transformSource(source, 'src/cache.ts', ALL, {
      lineWidth: 1000,
      errorHandler: " (err) => logger.error({ err }, 'redis error') ",
      connectTimeout: 2500,
      maxRetries: 3,
    });
    expect(output).toContain("client.on('error', (err) => logger.error({ err }, 'redis error'));");
    expect(output).toContain('connectTimeout: 2500');
    expect(output).toContain('(retries: number, cause: Error) => (retries >= 3 ?');
  });

  const EXPECTED_HANDLER = /--error-handler must be one function or function name, such as "\(err\) => logger\.error\(err\)" or "logError"/;
  it.each([
    ['a handler that does not parse', { errorHandler: '(err) => {' }, /does not parse/],
    ['two expressions smuggled in one handler', { errorHandler: 'a), (b' }, EXPECTED_HANDLER],
    ['a sequence that would run at start-up', { errorHandler: '(err) => log(err), process.exit(1)' }, EXPECTED_HANDLER],
    ['a call instead of a function', { errorHandler: 'process.exit(1)' }, EXPECTED_HANDLER],
    ['a comment that would swallow the closing parenthesis', { errorHandler: '(err) => log(err) /* x */' }, EXPECTED_HANDLER],
    ['a statement instead of an expression', { errorHandler: 'console.error(err); process.exit(1)' }, /does not parse|must be one function/],
    ['an empty handler', { errorHandler: '   ' }, /does not parse|must be one function/],
    ['a zero timeout', { connectTimeout: 0 }, /connect timeout must be a positive whole number/],
    ['a fractional retry bound', { maxRetries: 2.5 }, /max retries must be a positive whole number/],
    ['a node-redis version that names none', { redisVersion: 'latest' }, /redis version must be 'detect', a node-redis major version \(e\.g\. 4\) or a semver version or range \(e\.g\. 4\.5\.0\), got latest/],
    ['a major below 2', { redisVersion: 1 }, /redis version must be 'detect'.*got 1$/],
  ])('rejects %s', (_title, options, message) => {
    expect(() => transformSource('', 'x.js', ALL, options)).toThrow(InvalidOptionError);
    expect(() => transformSource('', 'x.js', ALL, options)).toThrow(message);
  });

  it.each(['logError', 'logger.error', 'this.onRedisError', 'function (err) { log(err) }'])('accepts the handler %s', (errorHandler) => {
    const source = "import { createClient } from 'redis';\nconst client = createClient();\nawait client.connect();\n";
    const { output } = transformSource(source, 'src/cache.mjs', ['add-error-listener'], { errorHandler });
    expect(output).toContain(`client.on('error', ${errorHandler});`);
  });

  it('writes a TypeScript handler into TypeScript files only; JavaScript files list the site as skipped', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient();\nawait client.connect();\n";
    const options = { errorHandler: '(err: Error) => log(err)' };
    expect(transformSource(source, 'src/cache.ts', ['add-error-listener'], options).output).toContain(
      "client.on('error', (err: Error) => log(err));",
    );
    expect(transformSource(source, 'src/cache.js', ['add-error-listener'], options)).toEqual({
      output: source,
      changed: false,
      applied: [],
      skipped: [
        {
          transform: 'add-error-listener',
          line: 2,
          column: 16,
          reason: 'the error handler uses TypeScript syntax, which this JavaScript file cannot hold',
        },
      ],
    });
  });
});

describe('transformSource: handle-connect', () => {
  const header = "const { createClient } = require('redis');\nconst client = createClient();\nclient.on('error', console.error);\n";

  it("lists a connect() in an 'error' listener as left alone, and handles the floating one", () => {
    const source = `${header}client.on('error', () => { client.connect().catch(() => {}); });\nclient.connect();\n`;
    expect(transformSource(source, 'src/cache.cjs', ['handle-connect'])).toEqual({
      output: source.replace(/client\.connect\(\);\n$/, "client.connect().catch((err) => console.error('Redis client failed to connect:', err));\n"),
      changed: true,
      applied: ['handle-connect'],
      skipped: [
        {
          transform: 'handle-connect',
          line: 4,
          column: 28,
          reason: 'connect() in a listener: node-redis reconnects by itself, remove the call by hand',
        },
      ],
    });
  });

  it('lists the site as skipped when the handler is TypeScript and the file JavaScript', () => {
    const source = `${header}client.connect();\n`;
    expect(transformSource(source, 'src/cache.cjs', ['handle-connect'], { errorHandler: '(err: Error) => log(err)' }).skipped).toEqual([
      { transform: 'handle-connect', line: 4, column: 1, reason: 'the error handler uses TypeScript syntax, which this JavaScript file cannot hold' },
    ]);
  });
});

describe('transformSource: edits that keep the meaning (ASI, `new X`, listeners the analysis can see)', () => {
  const listener = "client.on('error', (err) => console.error('Redis client error:', err))";

  it.each([
    [
      'an assignment in a one-line arrow body without semicolons',
      "import { createClient } from 'redis'\nlet client\nbeforeEach(() => { client = createClient() })\nbeforeEach(() => client.connect())\nafterEach(() => client.quit())\n",
      `beforeEach(() => { client = createClient(); ${listener} })`,
    ],
    [
      'a declaration in a one-line block',
      "import { createClient } from 'redis'\nif (x) { const client = createClient(); client.connect() }\n",
      `if (x) { const client = createClient(); ${listener}; client.connect() }`,
    ],
    [
      'a declaration after another statement on its line',
      "import { createClient } from 'redis'\nconst base = createClient(); base.on('error', log); const client = base.duplicate()\nawait client.connect()\n",
      `const client = base.duplicate(); ${listener}\nawait client.connect()`,
    ],
  ])('%s', (_title, source, expected) => {
    const { output } = transformSource(source, 'src/cache.test.js', ['add-error-listener']);
    expect(output).toContain(expected);
    expect(transformSource(output, 'src/cache.test.js', ['add-error-listener']).output).toBe(output);
  });

  it('adds the parentheses `new RedisClient` needs before chaining `.on`', () => {
    const source = "import { RedisClient } from 'redis';\nexport default new RedisClient;\n";
    const { output } = transformSource(source, 'src/client.mjs', ['add-error-listener']);
    expect(output).toBe(
      "import { RedisClient } from 'redis';\nexport default new RedisClient().on('error', (err) => console.error('Redis client error:', err));\n",
    );
  });

  it('writes the options into `new RedisClient` without an argument list', () => {
    const source = "import { RedisClient } from 'redis';\nexport default new RedisClient;\n";
    const { output } = transformSource(source, 'src/client.mjs', ['add-connect-timeout']);
    expect(output).toBe("import { RedisClient } from 'redis';\nexport default new RedisClient({ socket: { connectTimeout: 10000 } });\n");
  });
});

/** This repository's package.json declares redis 6: these files are v4+ code. */
describe('transformSource: migrate-legacy-options', () => {
  it('lists retry_strategy and connect_timeout as skipped with the reason, and rewrites only what is mechanical', () => {
    const source = [
      "import { createClient } from 'redis';",
      'const client = createClient({ url, db: 1, retry_strategy: () => 1000, connect_timeout: 5000 });',
      'await client.connect();',
      '',
    ].join('\n');
    expect(transformSource(source, 'src/cache.mjs', ['migrate-legacy-options'])).toEqual({
      output: source.replace('db: 1', 'database: 1'),
      changed: true,
      applied: ['migrate-legacy-options'],
      skipped: [
        {
          transform: 'migrate-legacy-options',
          line: 2,
          column: 43,
          reason: '`retry_strategy` receives an options object: rewrite it as `socket.reconnectStrategy(retries, cause)` by hand',
        },
        {
          transform: 'migrate-legacy-options',
          line: 2,
          column: 71,
          reason: "`connect_timeout` was v3's total reconnect budget: set `socket.connectTimeout` and a bounded `socket.reconnectStrategy` by hand",
        },
      ],
    });
  });

  it('migrates first, so the other transforms complete what they can then read', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient('redis://cache:6379', { db: 2 });\nawait client.connect();\n";
    const result = transformSource(source, 'src/cache.mjs', ALL);
    expect(result.applied).toEqual(['migrate-legacy-options', 'add-error-listener', 'add-connect-timeout']);
    expect(result.output).toBe(
      [
        "import { createClient } from 'redis';",
        // One line would be 104 columns: past the default width of 100, the object is broken.
        'const client = createClient({',
        '  database: 2,',
        "  url: 'redis://cache:6379',",
        '  socket: { connectTimeout: 10000 },',
        '});',
        "client.on('error', (err) => console.error('Redis client error:', err));",
        'await client.connect();',
        '',
      ].join('\n'),
    );
  });

  it('moves a misplaced connectTimeout once, whichever of the two rules offering the move runs', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient({ host: 'h', connectTimeout: 100 });\nclient.on('error', log);\nawait client.connect();\n";
    expect(transformSource(source, 'src/cache.mjs', ['add-connect-timeout']).output).toContain(
      "createClient({ host: 'h', socket: { connectTimeout: 100 } })",
    );
    expect(transformSource(source, 'src/cache.mjs', ALL).output).toContain("createClient({ socket: { host: 'h', connectTimeout: 100 } })");
  });

  it('lets a migration satisfy another rule on the same call (a reconnectStrategy moved into socket)', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient({ reconnectStrategy: () => 500 });\nawait client.connect();\n";
    const result = transformSource(source, 'src/cache.mjs', ['migrate-legacy-options', 'add-reconnect-strategy']);
    expect(result).toEqual({
      output: source.replace('{ reconnectStrategy: () => 500 }', '{ socket: { reconnectStrategy: () => 500 } }'),
      changed: true,
      applied: ['migrate-legacy-options'],
      skipped: [],
    });
  });

  it('judges the options it can see after the migration, not before (no "not visible" for a migrated URL)', () => {
    const source = "import { createClient } from 'redis';\nconst client = createClient('redis://cache:6379', { connectTimeout: 500 });\nawait client.connect();\n";
    const migrated = transformSource(source, 'src/cache.mjs', ['migrate-legacy-options', 'add-connect-timeout']);
    expect(migrated.output).toContain("createClient({ socket: { connectTimeout: 500 }, url: 'redis://cache:6379' })");
    expect(migrated.skipped).toEqual([]);
    expect(transformSource(source, 'src/cache.mjs', ['add-connect-timeout']).skipped).toEqual([
      {
        transform: 'add-connect-timeout',
        line: 2,
        column: 16,
        reason: 'v2/v3 positional arguments, which node-redis v4+ ignores: `migrate-legacy-options` turns them into options first',
      },
    ]);
  });

  it('leaves v2/v3 code alone', () => {
    const source = "const redis = require('redis');\nconst client = redis.createClient({ host: 'h', db: 2 });\nclient.on('error', log);\n";
    expect(transformSource(source, 'src/cache.js', ['migrate-legacy-options'], { cwd: os.tmpdir() }).changed).toBe(false);
  });
});

// A 2,000-line file linted to its budget: seconds on a loaded 2-core machine, so a roomy time limit.
describe('transformSource: files past the analysis bounds', { timeout: 60_000 }, () => {
  it.each([
    ['budget', pastTheBudget(), 'analysis budget exceeded'],
    ['depth', pastTheDepthBound(), 'analysis depth exceeded'],
  ])('leaves a file past the %s bound unchanged and says why', (_bound, source, reason) => {
    expect(transformSource(source, 'src/app.mjs', ALL)).toEqual({
      output: source,
      changed: false,
      applied: [],
      skipped: [{ transform: 'migrate-legacy-options', line: 1, column: 1, reason: `${reason}: the file is left unchanged` }],
    });
  });
});

describe('applyEdits', () => {
  it("run alone, a transform still refuses an edit that moves another rule's silenced report", () => {
    const source = [
      "import { createClient } from 'redis';",
      '// eslint-disable-next-line redis/no-legacy-options -- read by our wrapper',
      'const client = createClient({ url: process.env.REDIS_URL, db: 1 });',
      "client.on('error', console.error);",
      'await client.connect();',
      '',
    ].join('\n');
    // Width 60: connectTimeout needs the object broken over lines, which would move `db` off the silenced line.
    const result = transformSource(source, 'src/silenced.mjs', ['add-connect-timeout'], { lineWidth: 60 });
    expect(result).toEqual({
      output: source,
      changed: false,
      applied: [],
      skipped: [{ transform: 'add-connect-timeout', line: 3, column: 16, reason: 'left unchanged: the edit would change what the rules report elsewhere' }],
    });
  });

  it('applies edits in source order, once for identical duplicates, skipping overlaps', () => {
    const edits = [
      { range: [4, 4] as const, text: 'X' },
      { range: [0, 1] as const, text: 'A' },
      { range: [4, 4] as const, text: 'X' },
      { range: [0, 2] as const, text: 'overlap' },
    ];
    expect(applyEdits('abcdef', edits)).toBe('AbcdXef');
  });
});
