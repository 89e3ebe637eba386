import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-connect-timeout';
import { aliasChain, globalSingletons, maybeCachedFunctions, pastTheBudget, pastTheDepthBound } from './bounded-shapes';
import { IMPORT_SHAPES, lines, reportedMessages, ruleTester } from './rule-tester';

const IMPORT = "import { createClient, createClientPool, createCluster, createSentinel } from 'redis';";

/** An invalid case on line 2 (after the import), reported at `reportAt`, whose suggestion gives `fixed`. */
function invalid(
  name: string,
  call: string,
  messageId: 'missingTimeout' | 'missingClusterTimeout' | 'clusterRootNodesOnly' | 'missingSentinelTimeout' | 'duplicateSocketOverride' | 'timeoutDisabled',
  reportAt: string,
  fixed: string,
  milliseconds = 10000,
) {
  return {
    name,
    code: lines(IMPORT, call),
    options: [{ suggestedTimeout: milliseconds }] as [{ suggestedTimeout: number }],
    errors: [
      {
        messageId,
        line: 2,
        column: call.indexOf(reportAt) + 1,
        endColumn: call.indexOf(reportAt) + 1 + reportAt.length,
        suggestions: [{ messageId: 'addConnectTimeout' as const, data: { milliseconds }, output: lines(IMPORT, fixed) }],
      },
    ],
  };
}

ruleTester.run('require-connect-timeout', rule, {
  valid: [
    { name: 'client with socket.connectTimeout', code: lines(IMPORT, 'createClient({ url, socket: { connectTimeout: 8000 } });') },
    { name: 'a timeout in a merged default', code: lines(IMPORT, 'export const make = (options) => createClient(Object.assign({ socket: { connectTimeout: 8000 } }, options));') },
    { name: 'cluster with defaults.socket.connectTimeout', code: lines(IMPORT, 'createCluster({ rootNodes: [{ url }], defaults: { socket: { connectTimeout: 3000 } } });') },
    { name: 'sentinel with nodeClientOptions.socket.connectTimeout', code: lines(IMPORT, 'createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { connectTimeout: 3000 } } });') },
    { name: 'pool with the timeout in its client options', code: lines(IMPORT, 'createClientPool({ socket: { connectTimeout: 3000 } }, { maximum: 10 });') },
    {
      name: "a duplicate inherits its parent's timeout",
      code: lines(IMPORT, 'const a = createClient({ socket: { connectTimeout: 1000 } });', 'const b = a.duplicate();', 'const c = a.duplicate({ database: 2 });', 'const pool = a.createPool();'),
    },
    {
      name: 'a same-file constant and spreads',
      code: lines(IMPORT, 'const socket = { connectTimeout: 2000 };', 'const base = { socket };', 'createClient({ ...base, url });'),
    },
    {
      name: 'options written on a branch, every way with the timeout',
      code: lines(IMPORT, 'const o = { url, socket: { connectTimeout: 1 } };', 'if (tls) o.socket = { tls: true, connectTimeout: 2 };', 'createClient(o);'),
    },
    {
      name: 'writes the rule cannot follow: in another function, after the call, a value from elsewhere',
      code: lines(
        IMPORT,
        'const a = { url };',
        'function configure() { a.socket = { tls: true }; }',
        'createClient(a);',
        'const b = { url };',
        'createClient(b);',
        'b.socket = {};',
        'const c = { url };',
        'if (tls) c.socket = loadSocketOptions();',
        'createClient(c);',
      ),
    },
    {
      name: 'options mutated after their declaration cannot be seen',
      code: lines(
        IMPORT,
        'const a = { url };',
        'a.socket = { connectTimeout: 2000 };',
        'createClient(a);',
        'const b = { url, socket: {} };',
        'b.socket.connectTimeout = 2000;',
        'createClient(b);',
        'const c = { url };',
        'Object.assign(c, loadConfig());',
        'createClient(c);',
      ),
    },
    { name: 'options from a parameter cannot be seen', code: lines(IMPORT, 'export const make = (options) => createClient(options);') },
    { name: 'a spread of outside options hides the socket', code: lines(IMPORT, 'export const make = (extra) => createClient({ url, ...extra });') },
    { name: 'a socket object from outside', code: lines(IMPORT, 'export const make = (socket) => createClient({ url, socket });') },
    {
      name: 'a conditional spread that may hold the socket',
      code: lines(IMPORT, 'const client = createClient({ url, ...(tls ? { socket: { tls: true } } : {}) });', 'await client.connect();'),
    },
    {
      name: 'a conditional spread of outside options',
      code: lines(IMPORT, 'const client = createClient({ url, ...(isTest && testOptions) });', 'await client.connect();'),
    },
    { name: 'v3 positional arguments', code: "const redis = require('redis');\nredis.createClient(6379, '127.0.0.1');" },
    { name: 'v3 url string', code: "const redis = require('redis');\nredis.createClient('redis://localhost:6379');" },
    { name: 'v3 snake_case options', code: "const redis = require('redis');\nredis.createClient({ host: 'h', port: 6379, retry_strategy: () => 1000 });" },
    { name: 'v3 top-level host and port', code: "const redis = require('redis');\nredis.createClient({ host: 'h', port: 6379 });" },
    {
      name: 'an argument-less client that is never connected is v3 code',
      code: "const redis = require('redis');\nconst client = redis.createClient();\nclient.on('error', console.error);\nclient.get('k', (err, value) => {});",
    },
    {
      name: 'an argument-less client handed to a library without connect() is v3 code',
      code: "const redis = require('redis');\nconst client = redis.createClient();\nconst store = new RedisStore({ client });",
    },
    { name: 'not node-redis', code: "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key);" },
  ],
  invalid: [
    ...IMPORT_SHAPES.map(([name, importLine, call]) => {
      const importLines = importLine === '' ? [] : importLine.split('\n');
      const line = importLines.length + 1;
      return {
        name: `import shape: ${name}`,
        code: lines(...importLines, `export const client = ${call}({ url: 'redis://cache' });`),
        errors: [
          {
            messageId: 'missingTimeout' as const,
            line,
            column: 23,
            suggestions: [
              {
                messageId: 'addConnectTimeout' as const,
                output: lines(...importLines, `export const client = ${call}({ url: 'redis://cache', socket: { connectTimeout: 10000 } });`),
              },
            ],
          },
        ],
      };
    }),
    ...(
      [
        ['createClientPool', 'missingTimeout', "{ url: 'redis://x' }", "{ url: 'redis://x', socket: { connectTimeout: 10000 } }"],
        ['RedisClient.create', 'missingTimeout', "{ url: 'redis://x' }", "{ url: 'redis://x', socket: { connectTimeout: 10000 } }"],
        ['new RedisClient', 'missingTimeout', "{ url: 'redis://x' }", "{ url: 'redis://x', socket: { connectTimeout: 10000 } }"],
        ['RedisClientPool.create', 'missingTimeout', "{ url: 'redis://x' }", "{ url: 'redis://x', socket: { connectTimeout: 10000 } }"],
        ['RedisCluster.create', 'missingClusterTimeout', '{ rootNodes: [] }', '{ rootNodes: [], defaults: { socket: { connectTimeout: 10000 } } }'],
        ['RedisSentinel.create', 'missingSentinelTimeout', "{ name: 'm', sentinelRootNodes: [] }", "{ name: 'm', sentinelRootNodes: [], nodeClientOptions: { socket: { connectTimeout: 10000 } } }"],
      ] as const
    ).map(([factory, messageId, options, fixed]) => {
      const header = "import { RedisClient, RedisClientPool, RedisCluster, RedisSentinel, createClientPool } from 'redis';";
      return {
        name: `factory: ${factory}`,
        code: lines(header, `const owner = ${factory}(${options});`),
        errors: [
          {
            messageId,
            line: 2,
            column: factory.startsWith('new ') ? 19 : 15,
            suggestions: [{ messageId: 'addConnectTimeout' as const, output: lines(header, `const owner = ${factory}(${fixed});`) }],
          },
        ],
      };
    }),
    {
      name: 'conditional spreads that hold no socket hide nothing',
      code: lines(IMPORT, 'const client = createClient({ url, ...(isTest && { disableOfflineQueue: true }), ...(name ? { name } : undefined) });', 'await client.connect();'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(
                IMPORT,
                'const client = createClient({ url, socket: { connectTimeout: 10000 }, ...(isTest && { disableOfflineQueue: true }), ...(name ? { name } : undefined) });',
                'await client.connect();',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no options at all',
      code: lines(IMPORT, 'const client = createClient();', 'await client.connect();'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 16,
          suggestions: [
            { messageId: 'addConnectTimeout', output: lines(IMPORT, 'const client = createClient({ socket: { connectTimeout: 10000 } });', 'await client.connect();') },
          ],
        },
      ],
    },
    {
      name: 'an argument-less singleton exported unconnected is v4 code (the importer connects it)',
      code: lines(IMPORT, 'export const client = createClient();'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 23,
          suggestions: [{ messageId: 'addConnectTimeout', output: lines(IMPORT, 'export const client = createClient({ socket: { connectTimeout: 10000 } });') }],
        },
      ],
    },
    invalid('url-only options', 'createClient({ url: process.env.REDIS_URL });', 'missingTimeout', 'createClient', 'createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 10000 } });'),
    invalid('socket without connectTimeout', 'createClient({ socket: { host: "h", port: 1 } });', 'missingTimeout', 'createClient', 'createClient({ socket: { host: "h", port: 1, connectTimeout: 10000 } });'),
    invalid('empty socket', 'createClient({ socket: {} });', 'missingTimeout', 'createClient', 'createClient({ socket: { connectTimeout: 10000 } });'),
    invalid('connectTimeout: 0 disables the timeout', 'createClient({ socket: { connectTimeout: 0 } });', 'timeoutDisabled', '0', 'createClient({ socket: { connectTimeout: 10000 } });'),
    invalid('pool', 'createClientPool({ url }, { maximum: 4 });', 'missingTimeout', 'createClientPool', 'createClientPool({ url, socket: { connectTimeout: 10000 } }, { maximum: 4 });'),
    invalid('cluster without defaults', 'createCluster({ rootNodes: [{ url }] });', 'missingClusterTimeout', 'createCluster', 'createCluster({ rootNodes: [{ url }], defaults: { socket: { connectTimeout: 10000 } } });'),
    invalid('cluster with defaults but no socket', 'createCluster({ rootNodes: [], defaults: { password } });', 'missingClusterTimeout', 'createCluster', 'createCluster({ rootNodes: [], defaults: { password, socket: { connectTimeout: 10000 } } });'),
    invalid(
      'cluster timeout only in rootNodes',
      'createCluster({ rootNodes: [{ socket: { host: "a", connectTimeout: 2000 } }] });',
      'clusterRootNodesOnly',
      'createCluster',
      'createCluster({ rootNodes: [{ socket: { host: "a", connectTimeout: 2000 } }], defaults: { socket: { connectTimeout: 10000 } } });',
    ),
    invalid('sentinel', 'createSentinel({ name: "m", sentinelRootNodes: [] });', 'missingSentinelTimeout', 'createSentinel', 'createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { connectTimeout: 10000 } } });'),
    invalid(
      'a duplicate whose socket override drops the timeout',
      'createClient({ socket: { connectTimeout: 1000 } }).duplicate({ socket: { host: "replica" } });',
      'duplicateSocketOverride',
      'createClient({ socket: { connectTimeout: 1000 } }).duplicate',
      'createClient({ socket: { connectTimeout: 1000 } }).duplicate({ socket: { host: "replica", connectTimeout: 10000 } });',
    ),
    {
      name: 'a top-level connectTimeout is ignored: the suggestion moves it into socket',
      code: lines(IMPORT, 'createClient({ url, connectTimeout: 5000 });'),
      errors: [
        {
          messageId: 'topLevelTimeout',
          data: { kind: 'client', prefix: '' },
          line: 2,
          column: 1,
          endColumn: 13,
          suggestions: [{ messageId: 'moveConnectTimeout', output: lines(IMPORT, 'createClient({ url, socket: { connectTimeout: 5000 } });') }],
        },
      ],
    },
    {
      name: 'a top-level connectTimeout beside a socket moves into it',
      code: lines(IMPORT, 'createClient({ connectTimeout: 5000, socket: { host } });'),
      errors: [
        {
          messageId: 'topLevelTimeout',
          data: { kind: 'client', prefix: '' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'moveConnectTimeout', output: lines(IMPORT, 'createClient({ socket: { host, connectTimeout: 5000 } });') }],
        },
      ],
    },
    {
      name: "a cluster's defaults.connectTimeout",
      code: lines(IMPORT, 'createCluster({ rootNodes: [], defaults: { connectTimeout: 1000 } });'),
      errors: [
        {
          messageId: 'topLevelTimeout',
          data: { kind: 'cluster', prefix: 'defaults.' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'moveConnectTimeout', output: lines(IMPORT, 'createCluster({ rootNodes: [], defaults: { socket: { connectTimeout: 1000 } } });') }],
        },
      ],
    },
    {
      name: 'a top-level connectTimeout in options shared by two clients: reported, not moved and never added a second time',
      code: lines(IMPORT, 'const options = { url, connectTimeout: 5000 };', 'createClient(options);', 'createClient(options);'),
      errors: [
        { messageId: 'topLevelTimeout', data: { kind: 'client', prefix: '' }, line: 3, column: 1, suggestions: [] },
        { messageId: 'topLevelTimeout', data: { kind: 'client', prefix: '' }, line: 4, column: 1, suggestions: [] },
      ],
    },
    invalid('suggestedTimeout option', 'createClient({ url });', 'missingTimeout', 'createClient', 'createClient({ url, socket: { connectTimeout: 2500 } });', 2500),
    invalid('TypeScript satisfies', 'createClient({ url } satisfies object);', 'missingTimeout', 'createClient', 'createClient({ url, socket: { connectTimeout: 10000 } } satisfies object);'),
    {
      name: 'a multi-line constant is edited in place, keeping comments, blank lines and trailing commas',
      code: lines(
        IMPORT,
        'const options = {',
        '  url: process.env.REDIS_URL, // primary',
        '',
        '  socket: {',
        "    tls: true, // managed Redis",
        '  },',
        '};',
        'const client = createClient(options);',
        'await client.connect();',
      ),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 9,
          column: 16,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(
                IMPORT,
                'const options = {',
                '  url: process.env.REDIS_URL, // primary',
                '',
                '  socket: {',
                "    tls: true, // managed Redis",
                '    connectTimeout: 10000,',
                '  },',
                '};',
                'const client = createClient(options);',
                'await client.connect();',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'options written on a branch: both ways lack the timeout, both literals get it',
      code: lines(IMPORT, 'const opts = { url };', "if (tls) opts['socket'] = { tls: true };", 'createClient(opts);'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(
                IMPORT,
                'const opts = { url, socket: { connectTimeout: 10000 } };',
                "if (tls) opts['socket'] = { tls: true, connectTimeout: 10000 };",
                'createClient(opts);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'options written on a branch: only the way without the timeout gets it',
      code: lines(IMPORT, 'const opts = { url, socket: { connectTimeout: 5000 } };', 'if (tls) { opts.socket = { tls: true }; }', 'createClient(opts);'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(
                IMPORT,
                'const opts = { url, socket: { connectTimeout: 5000 } };',
                'if (tls) { opts.socket = { tls: true, connectTimeout: 10000 }; }',
                'createClient(opts);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a write that always runs replaces the declared socket',
      code: lines(IMPORT, 'const opts = { url, socket: { connectTimeout: 5000 } };', 'opts.socket = { tls: true };', 'createClient(opts);'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(IMPORT, 'const opts = { url, socket: { connectTimeout: 5000 } };', 'opts.socket = { tls: true, connectTimeout: 10000 };', 'createClient(opts);'),
            },
          ],
        },
      ],
    },
    {
      name: 'options mutated only at unrelated keys are still read',
      code: lines(IMPORT, 'const options = { socket: { host } };', 'options.password = secret;', 'createClient(options);'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(IMPORT, 'const options = { socket: { host, connectTimeout: 10000 } };', 'options.password = secret;', 'createClient(options);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a multi-line object without a trailing comma and with a trailing comment',
      code: lines(IMPORT, 'createClient({', '  url: "redis://x" // no socket yet', '});'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(IMPORT, 'createClient({', '  url: "redis://x", // no socket yet', '  socket: { connectTimeout: 10000 }', '});'),
            },
          ],
        },
      ],
    },
  ],
});

// Files of a few thousand lines: parsing them is slow on a loaded machine.
describe('bounded analysis', { timeout: 60_000 }, () => {
  ruleTester.run('require-connect-timeout: bounded analysis', rule, {
    valid: [
      { name: 'a file past the analysis budget is unknown: nothing reported', code: pastTheBudget() },
      { name: 'a file past the depth bound is unknown: nothing reported', code: pastTheDepthBound() },
    ],
    invalid: [
      {
        name: 'three maybe-cached functions',
        code: maybeCachedFunctions(3),
        errors: [0, 1, 2].map((index) => ({
          messageId: 'missingTimeout' as const,
          line: index + 3,
          column: 38,
          suggestions: [
            { messageId: 'addConnectTimeout' as const, data: { milliseconds: 10000 }, output: maybeCachedFunctions(3, { timeoutAt: index }) },
          ],
        })),
      },
      {
        name: 'three globalThis singletons',
        code: globalSingletons(3),
        errors: [0, 1, 2].map((index) => ({
          messageId: 'missingTimeout' as const,
          line: index + 2,
          column: 56,
          suggestions: [
            { messageId: 'addConnectTimeout' as const, data: { milliseconds: 10000 }, output: globalSingletons(3, { timeoutAt: index }) },
          ],
        })),
      },
      {
        name: 'a client used through a 1,500-step alias chain',
        code: aliasChain(1500, ["a1500.on('error', console.error);", 'await a1500.connect();']),
        errors: [
          {
            messageId: 'missingTimeout',
            line: 2,
            column: 12,
            suggestions: [
              {
                messageId: 'addConnectTimeout',
                output: aliasChain(1500, ["a1500.on('error', console.error);", 'await a1500.connect();'], { timeoutAt: 0 }),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe('test files', () => {
  // Exported, so the client is not inert (a client never connected and never leaving the file opens no socket).
  const CALL = "export const cache = createClient({ url: 'redis://cache:6379' });";
  const MESSAGE =
    'This node-redis client does not set `socket.connectTimeout`. Choose how long a connection attempt may take (node-redis silently defaults to 5000 ms) and set it explicitly.';
  const reported = (filename: string, options?: [{ testFilePatterns: string[] }]) => ({
    name: `reported: ${filename}${options ? ` with testFilePatterns ${options[0].testFilePatterns.join(', ')}` : ''}`,
    code: lines(IMPORT, CALL),
    filename,
    ...(options ? { options } : {}),
    errors: [
      {
        messageId: 'missingTimeout' as const,
        line: 2,
        column: 22,
        endColumn: 34, // `createClient`
        suggestions: [
          {
            messageId: 'addConnectTimeout' as const,
            output: lines(IMPORT, "export const cache = createClient({ url: 'redis://cache:6379', socket: { connectTimeout: 10000 } });"),
          },
        ],
      },
    ],
  });

  ruleTester.run('require-connect-timeout', rule, {
    valid: [
      // The same default patterns as no-disabled-reconnect.
      ...['src/__tests__/cache.ts', 'src/cache.test.ts', 'src/cache.spec.mjs', 'test/helpers.js', 'tests/setup.ts', 'e2e/flow.ts', 'src/__mocks__/redis.ts'].map(
        (filename) => ({ name: `test file by default: ${filename}`, code: lines(IMPORT, CALL), filename }),
      ),
      {
        name: 'testFilePatterns names the test files',
        code: lines(IMPORT, CALL),
        filename: 'scripts/seed.ts',
        options: [{ testFilePatterns: ['scripts/**'] }],
      },
    ],
    invalid: [
      reported('src/cache.ts'),
      // The option replaces the defaults: a `.test.ts` file is no longer a test file.
      reported('src/cache.test.ts', [{ testFilePatterns: ['scripts/**'] }]),
    ],
  });

  it('says what is missing, in so many words, outside test files only', () => {
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.ts')).toEqual([`2:22 ${MESSAGE}`]);
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.test.ts')).toEqual([]);
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.test.ts', [{ testFilePatterns: ['scripts/**'] }])).toEqual([`2:22 ${MESSAGE}`]);
  });
});
