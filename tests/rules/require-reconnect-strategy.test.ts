import rule from '../../src/rules/require-reconnect-strategy';
import { lines, ruleTester } from './rule-tester';

const JS_STRATEGY =
  "(retries, cause) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000))";
const TS_STRATEGY = JS_STRATEGY.replace('(retries, cause)', '(retries: number, cause: Error)');
const IMPORT = "import { createClient, createClientPool, createCluster, createSentinel } from 'redis';";

/** One report at `callee` on line 2, whose suggestion turns `call` into `fixed`. */
function missing(name: string, call: string, callee: string, messageId: 'missingReconnectStrategy' | 'missingClusterReconnectStrategy' | 'missingSentinelReconnectStrategy' | 'duplicateSocketOverride', fixed: string, kind = 'client', filename = 'src/redis.ts') {
  const column = call.indexOf(callee) + 1;
  return {
    name,
    code: lines(IMPORT, call),
    filename,
    errors: [
      {
        messageId,
        data: { kind },
        line: 2,
        column,
        endColumn: column + callee.length,
        suggestions: [{ messageId: 'addBoundedStrategy' as const, data: { maxRetries: 20 }, output: lines(IMPORT, fixed) }],
      },
    ],
  };
}

ruleTester.run('require-reconnect-strategy', rule, {
  valid: [
    { name: 'a bounded strategy', code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: (retries) => (retries > 5 ? new Error("down") : 100) } });') },
    { name: 'false is no-disabled-reconnect\'s business', code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: false } });') },
    { name: 'a cluster with defaults.socket.reconnectStrategy', code: lines(IMPORT, 'createCluster({ rootNodes: [], defaults: { socket: { reconnectStrategy: 100 } } });') },
    { name: 'a sentinel with nodeClientOptions.socket.reconnectStrategy', code: lines(IMPORT, 'createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { reconnectStrategy: 100 } } });') },
    { name: 'options from outside the file', code: lines(IMPORT, 'export const make = (options) => createClient(options);') },
    { name: 'a spread the file cannot see', code: lines(IMPORT, 'export const make = (socket) => createClient({ socket: { ...socket } });') },
    { name: 'a duplicate inherits its parent', code: lines(IMPORT, 'const client = createClient({ socket: { reconnectStrategy: 100 } });', 'const sub = client.duplicate({ name: "sub" });') },
    { name: 'createPool() inherits the client options', code: lines(IMPORT, 'const client = createClient({ socket: { reconnectStrategy: 100 } });', 'const pool = client.createPool();') },
    { name: 'v2/v3 code has no socket options', code: lines("const redis = require('redis');", 'redis.createClient(6379, "localhost");') },
    { name: 'a cluster without options cannot connect', code: lines(IMPORT, 'createCluster();') },
  ],
  invalid: [
    missing(
      'no options at all (connected, so not v3 code)',
      'await createClient().connect();',
      'createClient',
      'missingReconnectStrategy',
      `await createClient({ socket: { reconnectStrategy: ${TS_STRATEGY} } }).connect();`,
    ),
    missing(
      'a url only, in JavaScript',
      'createClient({ url: process.env.REDIS_URL });',
      'createClient',
      'missingReconnectStrategy',
      `createClient({ url: process.env.REDIS_URL, socket: { reconnectStrategy: ${JS_STRATEGY} } });`,
      'client',
      'src/redis.js',
    ),
    missing(
      'a socket without a strategy',
      'createClient({ socket: { connectTimeout: 5000 } });',
      'createClient',
      'missingReconnectStrategy',
      `createClient({ socket: { connectTimeout: 5000, reconnectStrategy: ${TS_STRATEGY} } });`,
    ),
    missing(
      'a pool',
      'createClientPool({ url: "redis://x" }, { maximum: 4 });',
      'createClientPool',
      'missingReconnectStrategy',
      `createClientPool({ url: "redis://x", socket: { reconnectStrategy: ${TS_STRATEGY} } }, { maximum: 4 });`,
      'client pool',
    ),
    missing(
      'a cluster: only rootNodes have socket options',
      'createCluster({ rootNodes: [{ socket: { reconnectStrategy: 100 } }] });',
      'createCluster',
      'missingClusterReconnectStrategy',
      `createCluster({ rootNodes: [{ socket: { reconnectStrategy: 100 } }], defaults: { socket: { reconnectStrategy: ${TS_STRATEGY} } } });`,
      'cluster',
    ),
    missing(
      'a sentinel',
      'createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { connectTimeout: 1000 } } });',
      'createSentinel',
      'missingSentinelReconnectStrategy',
      `createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { connectTimeout: 1000, reconnectStrategy: ${TS_STRATEGY} } } });`,
      'sentinel',
    ),
    {
      name: 'a duplicate that overrides socket',
      code: lines(IMPORT, 'const client = createClient({ socket: { reconnectStrategy: 100 } });', 'const sub = client.duplicate({ socket: { connectTimeout: 100 } });'),
      options: [{ maxRetries: 5 }],
      errors: [
        {
          messageId: 'duplicateSocketOverride',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addBoundedStrategy',
              data: { maxRetries: 5 },
              output: lines(
                IMPORT,
                'const client = createClient({ socket: { reconnectStrategy: 100 } });',
                `const sub = client.duplicate({ socket: { connectTimeout: 100, reconnectStrategy: ${TS_STRATEGY.replace('>= 20', '>= 5').replace('after 20', 'after 5')} } });`,
              ),
            },
          ],
        },
      ],
    },
    {
      // The strategy is broken before its body, as Prettier breaks it, so that no inserted line is wider
      // than the width: a wider line would widen the width the codemod infers on its next run.
      name: 'with a line width, the inserted strategy is broken too',
      code: lines(IMPORT, 'export const client = createClient({', '  url: process.env.REDIS_URL,', '});'),
      settings: { redis: { lineWidth: 100 } },
      errors: [
        {
          messageId: 'missingReconnectStrategy',
          line: 2,
          column: 23,
          suggestions: [
            {
              messageId: 'addBoundedStrategy',
              data: { maxRetries: 20 },
              output: lines(
                IMPORT,
                'export const client = createClient({',
                '  url: process.env.REDIS_URL,',
                '  socket: {',
                '    reconnectStrategy: (retries: number, cause: Error) =>',
                '      retries >= 20',
                "        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)",
                '        : Math.min(2 ** retries * 50, 2000),',
                '  },',
                '});',
              ),
            },
          ],
        },
      ],
    },
  ],
});
