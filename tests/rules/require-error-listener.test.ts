import { describe } from 'vitest';
import rule from '../../src/rules/require-error-listener';
import { aliasChain, globalSingletons, maybeCachedFunctions, pastTheBudget, pastTheDepthBound } from './bounded-shapes';
import { IMPORT_SHAPES, handler, lines, ruleTester } from './rule-tester';

const listener = (name: string, kind = 'client') => `${name}.on('error', ${handler(kind)});`;


ruleTester.run('require-error-listener', rule, {
  valid: [
    {
      name: 'a listener that rethrows only some errors handles the others',
      code: lines(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "client.on('error', (err) => { if (err.code === 'WRONGPASS') throw err; console.error(err); });",
      ),
    },
    {
      name: 'a listener that does more than log before throwing',
      code: lines(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "client.on('error', (err) => { metrics.increment('redis.error'); throw err; });",
      ),
    },
    {
      name: "a method named like an Object.prototype member makes no new client (client.toString() is no duplicate())",
      code: lines(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "client.on('error', console.error);",
        'const label = client.toString();',
        'const own = client.hasOwnProperty(\'options\');',
      ),
    },
    {
      name: 'listener in a later statement',
      code: lines("import { createClient } from 'redis';", 'const client = createClient();', "client.on('error', console.error);", 'await client.connect();'),
    },
    {
      name: 'an implicit global with its listener',
      code: lines("const { createClient } = require('redis');", 'client = createClient();', "client.on('error', console.error);", 'client.connect();'),
    },
    {
      name: 'a non-null asserted field with its listener',
      code: lines(
        "import { createClient } from 'redis';",
        'class Queue {',
        '  client?: ReturnType<typeof createClient>;',
        "  open() { this.client! = createClient({ socket: { connectTimeout: 5 } }); this.client.on('error', console.error); }",
        '}',
      ),
    },
    {
      name: 'listener chained on the factory call (README idiom)',
      code: lines("import { createClient } from 'redis';", "const client = await createClient().on('error', (err) => console.log(err)).connect();"),
    },
    {
      name: 'addListener and prependListener count',
      code: lines(
        "const { createClient } = require('redis');",
        'const a = createClient();',
        "a.addListener('error', () => {});",
        'const b = createClient();',
        'b.prependListener(`error`, () => {});',
      ),
    },
    {
      name: 'listener on a client held in an object literal',
      code: lines(
        "import { createClient } from 'redis';",
        'const connections = { cache: createClient(), queue: { main: createClient() } };',
        "connections.cache.on('error', console.error);",
        "connections.queue.main.on('error', console.error);",
      ),
    },
    {
      name: 'a same-file helper attaches the listener to its parameter',
      code: lines(
        "import { createClient } from 'redis';",
        'function watchErrors(name, redisClient) {',
        "  redisClient.on('error', (err) => console.error(name, err));",
        '}',
        "const cache = createClient({ url: 'redis://cache' });",
        "watchErrors('cache', cache);",
        "const queue = createClient({ url: 'redis://queue' });",
        "watchErrors('queue', queue);",
      ),
    },
    {
      name: 'listeners attached while iterating an array of clients',
      code: lines(
        "import { createClient } from 'redis';",
        'const pub = createClient();',
        'const sub = pub.duplicate();',
        "[pub, sub].forEach((client) => client.on('error', console.error));",
        'const a = createClient();',
        'const b = createClient();',
        'const all = [a, b];',
        "for (const client of all) client.on('error', console.error);",
      ),
    },
    {
      name: 'a static class field, listened to through the class name and through this in a static method',
      code: lines(
        "import { createClient } from 'redis';",
        'export class Cache {',
        '  static main = createClient();',
        '  static replica = createClient();',
        "  static init() { Cache.main.on('error', console.error); this.replica.on('error', console.error); }",
        '}',
      ),
    },
    {
      name: 'a listener on a getter that returns the private field',
      code: lines(
        "import { createClient } from 'redis';",
        'export class Store {',
        '  #client = createClient();',
        '  get client() { return this.#client; }',
        "  listen() { this.client.on('error', console.error); }",
        '}',
      ),
    },
    {
      name: 'the global singleton pattern (dev hot reload)',
      code: lines(
        "import { createClient } from 'redis';",
        'const g = globalThis;',
        'export const client = g.redis ?? (g.redis = createClient());',
        "client.on('error', console.error);",
      ),
    },
    {
      name: 'the event name from a same-file constant',
      code: lines("import { createClient } from 'redis';", "const ERROR = 'error';", 'const client = createClient();', 'client.on(ERROR, console.error);'),
    },
    {
      name: 'listener on this.field in another method',
      code: lines(
        "import { createClient } from 'redis';",
        'class Cache {',
        '  constructor(url) { this.client = createClient({ url }); }',
        "  watch() { this.client.on('error', (err) => this.log(err)); }",
        '}',
      ),
    },
    {
      name: 'private class field assigned in a method, listener on the field',
      code: lines(
        "import { createClient } from 'redis';",
        'class Store {',
        '  #redis;',
        '  async open(url: string) {',
        '    this.#redis = createClient({ url });',
        "    this.#redis.on('error', () => undefined);",
        '  }',
        '}',
      ),
    },
    {
      name: 'every branch assigns the same variable, one listener after',
      code: lines(
        "const redis = require('redis');",
        'let client;',
        'if (process.env.REDIS_URL) {',
        '  client = redis.createClient({ url: process.env.REDIS_URL });',
        '} else {',
        '  client = redis.createClient({ socket: { path: "/tmp/redis.sock" } });',
        '}',
        "client.on('error', console.error);",
      ),
    },
    {
      name: 'ternary between two factories',
      code: lines(
        "import { createClient } from 'redis';",
        'const client = process.env.UNIX ? createClient({ socket: { path: "/s" } }) : createClient({ url: "redis://x" });',
        "client.on('error', console.error);",
      ),
    },
    {
      name: 'listener on a proxy that shares the emitter',
      code: lines(
        "import { createClient, RESP_TYPES } from 'redis';",
        'const client = createClient();',
        'const buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });',
        "buffers.on('error', console.error);",
      ),
    },
    {
      name: 'listener on a member chain (deep member expression)',
      code: lines(
        "const redis = require('redis');",
        'exports.hook = function (connection) {',
        '  connection.notes.redis = redis.createClient({ url: "redis://x" });',
        "  connection.notes.redis.on('error', (err) => connection.logerror(err));",
        '};',
      ),
    },
    {
      name: 'client returned by a same-file factory gets its listener from the caller',
      code: lines(
        "const redis = require('redis');",
        'exports.makeClient = function (options) {',
        '  return redis.createClient(options);',
        '};',
        'exports.connect = function (options) {',
        '  const factory = options.factory || exports.makeClient;',
        '  const client = factory(options);',
        "  client.on('error', console.error);",
        '  return client;',
        '};',
      ),
    },
    {
      name: 'duplicate with its own listener, parent with its own',
      code: lines(
        "import { createClient } from 'redis';",
        "const pub = createClient().on('error', console.error);",
        "const sub = pub.duplicate().on('error', console.error);",
      ),
    },
    {
      name: 'TypeScript wrappers around the client',
      code: lines(
        "import { createClient, type RedisClientType } from 'redis';",
        'const client = createClient() as RedisClientType;',
        "(client satisfies RedisClientType)!.on('error', console.error);",
      ),
    },
    {
      name: 'legacy() has no emitter; the listener goes on the parent',
      code: lines(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "client.on('error', console.error);",
        'export const legacy = client.legacy();',
      ),
    },
    { name: 'Supabase createClient is not node-redis', code: "import { createClient } from '@supabase/supabase-js';\nconst supabase = createClient(url, key);" },
    { name: 'graphql-ws createClient', code: "import { createClient } from 'graphql-ws';\nconst ws = createClient({ url: 'ws://x' });" },
    { name: 'webdav createClient via require', code: "const { createClient } = require('webdav');\nconst dav = createClient('https://dav');" },
    { name: 'a local function named createClient', code: 'function createClient() { return {}; }\nconst client = createClient();' },
    {
      name: 'a parameter shadows the import',
      code: lines("import { createClient } from 'redis';", 'export function make(createClient) { return createClient(); }'),
    },
    { name: 'a queue library wrapper named createClient', code: "import { createClient } from 'bullmq-redis-wrapper';\ncreateClient();" },
    { name: 'ioredis is out of scope', code: "import Redis from 'ioredis';\nconst redis = new Redis();" },
    { name: 'a locally defined require is not node-redis', code: "const require = (name) => ({ createClient() {} });\nrequire('redis').createClient();" },
    {
      name: 'escaped clients are skipped with escapedClients: ignore',
      code: lines("import { createClient } from 'redis';", 'export const client = createClient();'),
      options: [{ escapedClients: 'ignore' }],
    },
    {
      name: 'returned clients are skipped with escapedClients: ignore',
      code: lines("import { createClient } from 'redis';", 'export function make() {', '  return createClient();', '}'),
      options: [{ escapedClients: 'ignore' }],
    },
    {
      name: 'clients passed to other code are skipped with escapedClients: ignore',
      code: lines("import { createClient } from 'redis';", 'const client = createClient();', 'useCache(client);'),
      options: [{ escapedClients: 'ignore' }],
    },
  ],
  invalid: [
    ...IMPORT_SHAPES.map(([name, importLine, call]) => {
      const importLines = importLine === '' ? [] : importLine.split('\n');
      const line = importLines.length + 1;
      return {
        name: `import shape: ${name}`,
        code: lines(...importLines, `const client = ${call}();`),
        errors: [
          {
            messageId: 'missingErrorListener' as const,
            line,
            column: 16,
            endColumn: 16 + call.length,
            suggestions: [
              { messageId: 'addErrorListener' as const, output: lines(...importLines, `const client = ${call}();`, listener('client')) },
            ],
          },
        ],
      };
    }),
    {
      name: 'no-semicolon style: an assignment in a one-line arrow body gets `;` before the listener',
      code: lines("import { createClient } from 'redis'", 'let client', 'beforeEach(() => { client = createClient() })'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis'",
                'let client',
                `beforeEach(() => { client = createClient(); ${listener('client').slice(0, -1)} })`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no-semicolon style: a declaration after another statement on its line',
      code: lines("import { createClient } from 'redis'", "if (ready) { const c = createClient() }"),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis'", `if (ready) { const c = createClient(); ${listener('c').slice(0, -1)} }`),
            },
          ],
        },
      ],
    },
    {
      name: '`new RedisClient` without an argument list gets `()` before `.on`',
      code: lines("import { RedisClient } from 'redis';", 'export default new RedisClient;'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { RedisClient } from 'redis';", `export default new RedisClient().on('error', ${handler()});`),
            },
          ],
        },
      ],
    },
    {
      name: 'an implicit global: the suggested listener is one the rule sees',
      code: lines("const { createClient } = require('redis');", "client = createClient({ url: 'redis://x' });"),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("const { createClient } = require('redis');", "client = createClient({ url: 'redis://x' });", listener('client')),
            },
          ],
        },
      ],
    },
    {
      name: 'a non-null asserted field: the listener goes on the field',
      code: lines(
        "import { createClient } from 'redis';",
        'class Queue {',
        '  client?: ReturnType<typeof createClient>;',
        '  open() {',
        "    this.client! = createClient({ url: 'redis://x' });",
        '  }',
        '}',
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis';",
                'class Queue {',
                '  client?: ReturnType<typeof createClient>;',
                '  open() {',
                "    this.client! = createClient({ url: 'redis://x' });",
                `    ${listener('this.client')}`,
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'require(...).createClient() directly',
      code: "const client = require('redis').createClient();",
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 1,
          column: 16,
          suggestions: [{ messageId: 'addErrorListener', output: `const client = require('redis').createClient();\n${listener('client')}` }],
        },
      ],
    },
    {
      name: 'dynamic import',
      code: lines("const { createClient } = await import('redis');", 'const client = createClient();'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("const { createClient } = await import('redis');", 'const client = createClient();', listener('client')),
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapper module named in settings.redis.clientModules',
      code: lines("import { createClient } from '@acme/redis';", 'const client = createClient();'),
      settings: { redis: { clientModules: ['@acme/redis'] } },
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 16,
          suggestions: [
            { messageId: 'addErrorListener', output: lines("import { createClient } from '@acme/redis';", 'const client = createClient();', listener('client')) },
          ],
        },
      ],
    },
    ...(
      [
        ['createClientPool', 'client pool'],
        ['createCluster', 'cluster'],
        ['createSentinel', 'sentinel'],
        ['RedisClient.create', 'client'],
        ['RedisClientPool.create', 'client pool'],
        ['RedisCluster.create', 'cluster'],
        ['RedisSentinel.create', 'sentinel'],
        ['new RedisClient', 'client'],
      ] as const
    ).map(([factory, kind]) => {
      const code = lines(
        "import { createClientPool, createCluster, createSentinel, RedisClient, RedisClientPool, RedisCluster, RedisSentinel } from 'redis';",
        `const owner = ${factory}({});`,
      );
      return {
        name: `factory: ${factory}`,
        code,
        errors: [
          {
            messageId: 'missingErrorListener' as const,
            data: { kind },
            line: 2,
            column: factory.startsWith('new ') ? 19 : 15,
            suggestions: [{ messageId: 'addErrorListener' as const, output: `${code}\n${listener('owner', kind)}` }],
          },
        ],
      };
    }),
    {
      name: 'RedisClient.factory(config)(options)',
      code: lines("import { RedisClient } from 'redis';", 'const makeClient = RedisClient.factory({});', 'const client = makeClient({});'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { RedisClient } from 'redis';", 'const makeClient = RedisClient.factory({});', 'const client = makeClient({});', listener('client')),
            },
          ],
        },
      ],
    },
    {
      name: "a duplicate does not inherit its parent's listener",
      code: lines("import { createClient } from 'redis';", "const pub = createClient().on('error', console.error);", 'const sub = pub.duplicate();'),
      errors: [
        {
          messageId: 'missingDuplicateErrorListener',
          line: 3,
          column: 13,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis';",
                "const pub = createClient().on('error', console.error);",
                'const sub = pub.duplicate();',
                listener('sub'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'client.createPool() and cluster.duplicate() are new owners',
      code: lines(
        "import { createClient, createCluster } from 'redis';",
        "const client = createClient().on('error', console.error);",
        'const pool = client.createPool();',
        "const cluster = createCluster({ rootNodes: [] }).on('error', console.error);",
        'const copy = cluster.duplicate();',
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          data: { kind: 'client pool' },
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient, createCluster } from 'redis';",
                "const client = createClient().on('error', console.error);",
                'const pool = client.createPool();',
                listener('pool', 'client pool'),
                "const cluster = createCluster({ rootNodes: [] }).on('error', console.error);",
                'const copy = cluster.duplicate();',
              ),
            },
          ],
        },
        {
          messageId: 'missingDuplicateErrorListener',
          data: { kind: 'cluster' },
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient, createCluster } from 'redis';",
                "const client = createClient().on('error', console.error);",
                'const pool = client.createPool();',
                "const cluster = createCluster({ rootNodes: [] }).on('error', console.error);",
                'const copy = cluster.duplicate();',
                listener('copy', 'cluster'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'once(error) alone covers only the first error',
      code: lines("import { createClient } from 'redis';", 'const client = createClient();', "client.once('error', console.error);"),
      errors: [
        {
          messageId: 'onceOnly',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", 'const client = createClient();', listener('client'), "client.once('error', console.error);"),
            },
          ],
        },
      ],
    },
    {
      name: 'a listener for another event does not count',
      code: lines("import { createClient } from 'redis';", "const client = createClient().on('ready', () => {});"),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", "const client = createClient().on('ready', () => {});", listener('client')),
            },
          ],
        },
      ],
    },
    {
      name: "a listener on another client's variable does not count",
      code: lines(
        "import { createClient } from 'redis';",
        'const a = createClient();',
        'const b = createClient();',
        "a.on('error', console.error);",
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", 'const a = createClient();', 'const b = createClient();', listener('b'), "a.on('error', console.error);"),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that listens on another parameter does not count',
      code: lines(
        "import { createClient } from 'redis';",
        "function watch(client, logger) { logger.on('error', console.error); }",
        'const cache = createClient();',
        'watch(cache, process);',
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis';",
                "function watch(client, logger) { logger.on('error', console.error); }",
                'const cache = createClient();',
                listener('cache'),
                'watch(cache, process);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'exported default client: the listener is chained',
      code: lines("import { createClient } from 'redis';", 'export default createClient({ url: process.env.REDIS_URL });'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", `export default createClient({ url: process.env.REDIS_URL }).on('error', ${handler()});`),
            },
          ],
        },
      ],
    },
    {
      name: 'connected in the same expression: the listener is chained before connect()',
      code: lines("import { createClient } from 'redis';", 'const client = await createClient().connect();'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", `const client = await createClient().on('error', ${handler()}).connect();`),
            },
          ],
        },
      ],
    },
    {
      name: 'this.field in a constructor, keeping indentation and semicolon-free style',
      code: lines(
        "import { createClient } from 'redis'",
        'export class Cache {',
        '  constructor(url: string) {',
        '    this.client = createClient({ url }) // main connection',
        '    this.ready = this.client.connect()',
        '  }',
        '}',
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis'",
                'export class Cache {',
                '  constructor(url: string) {',
                '    this.client = createClient({ url }) // main connection',
                `    this.client.on('error', ${handler()})`,
                '    this.ready = this.client.connect()',
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'double quotes are kept',
      code: lines('const { createClient } = require("redis");', 'const client = createClient();'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines('const { createClient } = require("redis");', 'const client = createClient();', `client.on("error", ${handler('client', '"')});`),
            },
          ],
        },
      ],
    },
    {
      name: 'a client exported and used elsewhere is still reported by default (documented policy)',
      code: lines("import * as redis from 'redis';", 'export const redisClient = redis.createClient({ url: "redis://cache" });'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 28,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import * as redis from 'redis';", 'export const redisClient = redis.createClient({ url: "redis://cache" });', listener('redisClient')),
            },
          ],
        },
      ],
    },
    {
      name: 'a client returned to a DI container is reported by default',
      code: lines(
        "import { createClient } from 'redis';",
        'export const provider = {',
        '  async useFactory() {',
        '    const client = createClient({ url: "redis://x" });',
        '    await client.connect();',
        '    return client;',
        '  },',
        '};',
      ),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines(
                "import { createClient } from 'redis';",
                'export const provider = {',
                '  async useFactory() {',
                '    const client = createClient({ url: "redis://x" });',
                `    ${listener('client')}`,
                '    await client.connect();',
                '    return client;',
                '  },',
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'v2/v3-style clients crash without a listener too',
      code: lines("var redis = require('redis');", 'var client = redis.createClient(6379, "127.0.0.1");'),
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("var redis = require('redis');", 'var client = redis.createClient(6379, "127.0.0.1");', listener('client')),
            },
          ],
        },
      ],
    },
    {
      name: 'an error listener that only rethrows',
      code: lines("import { createClient } from 'redis';", 'const client = createClient();', "client.on('error', (err) => { throw err; });"),
      errors: [
        {
          messageId: 'rethrowingListener',
          data: { kind: 'client' },
          line: 2,
          column: 16,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'logInsteadOfThrowing',
              output: lines(
                "import { createClient } from 'redis';",
                'const client = createClient();',
                "client.on('error', (err) => { console.error('Redis client error:', err); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'every listener that only rethrows is mended by the one suggestion (one left would still crash)',
      code: lines(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "client.on('error', (err) => { throw err; }); client.on('error', (e) => { throw e; });",
      ),
      errors: [
        {
          messageId: 'rethrowingListener',
          data: { kind: 'client' },
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'logInsteadOfThrowing',
              output: lines(
                "import { createClient } from 'redis';",
                'const client = createClient();',
                "client.on('error', (err) => { console.error('Redis client error:', err); }); client.on('error', (e) => { console.error('Redis client error:', e); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a client bound to the name await gets a chained listener (await.on would not parse in a module)',
      code: lines("import { createClient } from 'redis';", 'export const await = createClient();'),
      filename: 'src/await.ts',
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'addErrorListener',
              output: lines("import { createClient } from 'redis';", `export const await = createClient().on('error', ${handler()});`),
            },
          ],
        },
      ],
    },
    {
      name: 'a named listener that logs and rethrows loses its throw line',
      code: lines(
        'const redis = require("redis");',
        'const cluster = redis.createCluster({ rootNodes: [] });',
        'function onError(err) {',
        '  logger.error("redis failed", err);',
        '  throw err;',
        '}',
        'cluster.on("error", onError);',
      ),
      filename: 'src/cluster.js',
      errors: [
        {
          messageId: 'rethrowingListener',
          data: { kind: 'cluster' },
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'logInsteadOfThrowing',
              output: lines(
                'const redis = require("redis");',
                'const cluster = redis.createCluster({ rootNodes: [] });',
                'function onError(err) {',
                '  logger.error("redis failed", err);',
                '}',
                'cluster.on("error", onError);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a rethrowing listener with the errorHandler option',
      code: lines("import { createClient } from 'redis';", 'const client = createClient();', "client.on('error', (err) => { throw err; });"),
      options: [{ errorHandler: 'logger.warn' }],
      errors: [
        {
          messageId: 'rethrowingListener',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'handleInsteadOfThrowing',
              data: { handler: 'logger.warn' },
              output: lines("import { createClient } from 'redis';", 'const client = createClient();', "client.on('error', (err) => { logger.warn(err); });"),
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapping throw without a semicolon, on a duplicate',
      code: lines(
        "import { createClient } from 'redis';",
        "const pub = createClient().on('error', console.error);",
        "const sub = pub.duplicate().on('error', (e) => { throw new Error('subscriber: ' + e.message) });",
      ),
      errors: [
        {
          messageId: 'rethrowingListener',
          data: { kind: 'client' },
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'logInsteadOfThrowing',
              output: lines(
                "import { createClient } from 'redis';",
                "const pub = createClient().on('error', console.error);",
                "const sub = pub.duplicate().on('error', (e) => { console.error('Redis client error:', new Error('subscriber: ' + e.message)) });",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// Files of a few thousand lines: parsing them is slow on a loaded machine.
describe('bounded analysis', { timeout: 60_000 }, () => {
  ruleTester.run('require-error-listener: bounded analysis', rule, {
    valid: [
      {
        name: 'a listener in one of three maybe-cached functions reaches every client through g.redis',
        code: maybeCachedFunctions(3, { listenerAt: 1 }),
      },
      {
        name: 'returned globalThis singletons are skipped with escapedClients: ignore',
        code: globalSingletons(3),
        options: [{ escapedClients: 'ignore' }],
      },
      {
        name: 'a listener at the end of a 1,500-step alias chain',
        code: aliasChain(1500, ["a1500.on('error', console.error);", 'await a1500.connect();']),
      },
      { name: 'a file past the analysis budget is unknown: nothing reported', code: pastTheBudget() },
      { name: 'a file past the depth bound is unknown: nothing reported', code: pastTheDepthBound() },
    ],
    invalid: [
      {
        name: 'three maybe-cached functions without a listener',
        code: maybeCachedFunctions(3),
        errors: [0, 1, 2].map((index) => ({
          messageId: 'missingErrorListener' as const,
          line: index + 3,
          column: 38,
          suggestions: [{ messageId: 'addErrorListener' as const, output: maybeCachedFunctions(3, { listenerAt: index }) }],
        })),
      },
      {
        name: 'three globalThis singletons without a listener',
        code: globalSingletons(3),
        errors: [0, 1, 2].map((index) => ({
          messageId: 'missingErrorListener' as const,
          line: index + 2,
          column: 56,
          suggestions: [{ messageId: 'addErrorListener' as const, output: globalSingletons(3, { listenerAt: index }) }],
        })),
      },
    ],
  });
});
