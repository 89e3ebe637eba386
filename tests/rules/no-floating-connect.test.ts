import rule from '../../src/rules/no-floating-connect';
import { lines, ruleTester } from './rule-tester';

const IMPORT = "import { createClient, createCluster } from 'redis';";
const CLIENT = "const client = createClient(); client.on('error', console.error);";
const CATCH = ".catch((err) => console.error('Redis client failed to connect:', err))";

/** A floating `connect()` on line 3 (after IMPORT and CLIENT), reported at `call` with one suggestion. */
function floating(name: string, statement: string, call: string, fixed: string, filename = 'src/redis.ts', awaits = false) {
  const column = statement.indexOf(call) + 1;
  return {
    name,
    code: lines(IMPORT, CLIENT, statement),
    filename,
    errors: [
      {
        messageId: 'floatingConnect' as const,
        data: { kind: 'client' },
        line: 3,
        column,
        endColumn: column + call.length,
        suggestions: [{ messageId: awaits ? ('awaitConnect' as const) : ('catchConnect' as const), output: lines(IMPORT, CLIENT, fixed) }],
      },
    ],
  };
}

ruleTester.run('no-floating-connect', rule, {
  valid: [
    { name: 'awaited', code: lines(IMPORT, CLIENT, 'await client.connect();'), filename: 'src/a.mjs' },
    { name: 'returned', code: lines(IMPORT, CLIENT, 'export function start() { return client.connect(); }') },
    { name: 'arrow body returns it', code: lines(IMPORT, CLIENT, 'export const start = () => client.connect();') },
    { name: 'caught', code: lines(IMPORT, CLIENT, 'client.connect().catch((err) => console.error(err));') },
    { name: 'then with a rejection handler', code: lines(IMPORT, CLIENT, 'client.connect().then(() => {}, (err) => console.error(err));') },
    { name: 'then, then catch', code: lines(IMPORT, CLIENT, "client.connect().then(() => console.log('up')).catch(console.error);") },
    { name: 'void marks a deliberate exception', code: lines(IMPORT, CLIENT, 'void client.connect();') },
    { name: 'stored, then awaited', code: lines(IMPORT, CLIENT, 'const connecting = client.connect();', 'export async function ready() { await connecting; }') },
    { name: 'stored, then caught', code: lines(IMPORT, CLIENT, 'const connecting = client.connect();', 'connecting.catch(console.error);') },
    { name: 'stored in an exported constant', code: lines(IMPORT, CLIENT, 'export const connecting = client.connect();') },
    { name: 'stored in a field: read elsewhere', code: lines(IMPORT, CLIENT, 'class A { start() { this.ready = client.connect(); } }') },
    { name: 'awaited Promise.all', code: lines(IMPORT, CLIENT, 'const sub = client.duplicate();', 'await Promise.all([client.connect(), sub.connect()]);'), filename: 'src/a.mjs' },
    { name: 'caught Promise.all', code: lines(IMPORT, CLIENT, 'Promise.all([client.connect()]).then(start).catch(console.error);') },
    { name: 'Promise.allSettled never rejects', code: lines(IMPORT, CLIENT, 'Promise.allSettled([client.connect()]);') },
    { name: 'handed to other code', code: lines(IMPORT, CLIENT, 'track(client.connect());') },
    { name: 'a local Promise is not the global one', code: lines(IMPORT, CLIENT, 'const Promise = { all: (x) => x };', 'Promise.all([client.connect()]);') },
    { name: 'connect() of something else', code: lines("import mongoose from 'mongoose';", 'mongoose.connect(process.env.MONGO_URL);') },
    { name: 'connect() of ioredis', code: lines("import Redis from 'ioredis';", 'const redis = new Redis({ lazyConnect: true });', 'redis.connect();') },
    { name: "connect() in a 'ready' listener is just floating-checked", code: lines(IMPORT, CLIENT, "client.on('ready', async () => { await client.connect(); });") },
    {
      name: "the start-up function, also called again from a timer in an 'error' listener",
      code: lines(
        IMPORT,
        CLIENT,
        "client.on('error', () => { setTimeout(() => start(), 5000); });",
        'async function start() { await client.connect(); }',
        'start().catch(console.error);',
      ),
    },
    {
      name: "a start-up method, also called from an 'error' listener",
      code: lines(
        IMPORT,
        'class Cache {',
        '  client = createClient();',
        "  constructor() { this.client.on('error', () => this.open()); }",
        '  async open() { await this.client.connect(); }',
        '  async init() { await this.open(); }',
        '}',
      ),
    },
    { name: 'a listener on another emitter', code: lines(IMPORT, CLIENT, "process.on('error', async () => { await client.connect(); });") },
  ],
  invalid: [
    floating('a statement in a .ts file (top-level await may not compile)', 'client.connect();', 'client.connect()', `client.connect()${CATCH};`),
    floating('a statement in an ES module', 'client.connect();', 'client.connect()', 'await client.connect();', 'src/redis.mjs', true),
    floating('a statement in a .js file with import syntax', 'client.connect();', 'client.connect()', 'await client.connect();', 'src/redis.js', true),
    floating('a statement in CommonJS', 'client.connect();', 'client.connect()', `client.connect()${CATCH};`, 'src/redis.cjs'),
    floating('a .js file that also uses require', 'const x = require("x"); client.connect();', 'client.connect()', `const x = require("x"); client.connect()${CATCH};`, 'src/redis.js'),
    floating('in an async function', 'export async function start() { client.connect(); }', 'client.connect()', 'export async function start() { await client.connect(); }', 'src/redis.ts', true),
    floating('in a plain function', 'export function start() { client.connect(); }', 'client.connect()', `export function start() { client.connect()${CATCH}; }`),
    floating(
      'then without a rejection handler',
      "client.connect().then(() => console.log('up'));",
      'client.connect()',
      `client.connect().then(() => console.log('up'))${CATCH};`,
    ),
    floating('then(ok, null)', 'client.connect().then(ok, null);', 'client.connect()', `client.connect().then(ok, null)${CATCH};`),
    floating('finally passes the rejection on', 'client.connect().finally(done);', 'client.connect()', `client.connect().finally(done)${CATCH};`),
    floating('a catch() without a handler', 'client.connect().catch();', 'client.connect()', `client.connect().catch()${CATCH};`),
    floating('stored and never read', 'const connecting = client.connect();', 'client.connect()', `const connecting = client.connect()${CATCH};`),
    floating('stored, then only chained', 'const p = client.connect(); p.then(go);', 'client.connect()', `const p = client.connect(); p.then(go)${CATCH};`),
    floating('returned to setTimeout', 'setTimeout(() => client.connect(), 100);', 'client.connect()', `setTimeout(() => client.connect()${CATCH}, 100);`),
    floating('an async timer callback cannot fix it with await', 'setTimeout(async () => { return client.connect(); }, 100);', 'client.connect()', `setTimeout(async () => { return client.connect()${CATCH}; }, 100);`),
    floating('behind a condition', 'client.isOpen || client.connect();', 'client.connect()', `client.isOpen || client.connect()${CATCH};`),
    floating('optional call', 'client?.connect();', 'client?.connect()', `client?.connect()${CATCH};`),
    floating('under a type assertion', '(client.connect() as Promise<unknown>);', 'client.connect()', `(client.connect()${CATCH} as Promise<unknown>);`),
    floating('chained on the factory', "createClient().on('error', console.error).connect();", "createClient().on('error', console.error).connect()", `createClient().on('error', console.error).connect()${CATCH};`),
    {
      name: 'a dropped Promise.all: both connect() calls, one remedy on the Promise.all',
      code: lines(IMPORT, CLIENT, 'const sub = client.duplicate();', 'Promise.all([client.connect(), sub.connect()]).then(start);'),
      errors: [
        {
          messageId: 'floatingConnect',
          data: { kind: 'client' },
          line: 4,
          column: 14,
          suggestions: [
            { messageId: 'catchConnect', output: lines(IMPORT, CLIENT, 'const sub = client.duplicate();', `Promise.all([client.connect(), sub.connect()]).then(start)${CATCH};`) },
          ],
        },
        {
          messageId: 'floatingConnect',
          data: { kind: 'client' },
          line: 4,
          column: 32,
          suggestions: [
            { messageId: 'catchConnect', output: lines(IMPORT, CLIENT, 'const sub = client.duplicate();', `Promise.all([client.connect(), sub.connect()]).then(start)${CATCH};`) },
          ],
        },
      ],
    },
    {
      name: 'a cluster, in CommonJS',
      code: lines("const redis = require('redis');", "const cluster = redis.createCluster({ rootNodes: [] }).on('error', console.error);", 'cluster.connect();'),
      filename: 'src/cluster.js',
      errors: [
        {
          messageId: 'floatingConnect',
          data: { kind: 'cluster' },
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'catchConnect',
              output: lines(
                "const redis = require('redis');",
                "const cluster = redis.createCluster({ rootNodes: [] }).on('error', console.error);",
                "cluster.connect().catch((err) => console.error('Redis cluster failed to connect:', err));",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the errorHandler option writes your handler into the .catch',
      code: lines(IMPORT, CLIENT, 'client.connect();'),
      options: [{ errorHandler: 'logger.error' }],
      errors: [
        {
          messageId: 'floatingConnect',
          line: 3,
          column: 1,
          suggestions: [{ messageId: 'catchConnectWith', data: { handler: 'logger.error' }, output: lines(IMPORT, CLIENT, 'client.connect().catch(logger.error);') }],
        },
      ],
    },
    {
      name: 'a TypeScript errorHandler is not written into a JavaScript file',
      code: lines("const { createClient } = require('redis');", CLIENT, 'client.connect();'),
      filename: 'src/redis.cjs',
      options: [{ errorHandler: '(err: Error) => logger.error(err)' }],
      errors: [{ messageId: 'floatingConnect', line: 3, column: 1, suggestions: [] }],
    },
    {
      name: "connect() in an 'error' listener, even awaited",
      code: lines(IMPORT, CLIENT, "client.on('error', async () => { await client.connect(); });"),
      errors: [{ messageId: 'connectInErrorListener', data: { kind: 'client', event: 'error' }, line: 3, column: 40, endColumn: 56, suggestions: [] }],
    },
    {
      name: "a retry timer inside an 'error' listener",
      code: lines(IMPORT, CLIENT, "client.on('error', () => { setTimeout(() => client.connect().catch(() => {}), 1000); });"),
      errors: [{ messageId: 'connectInErrorListener', data: { kind: 'client', event: 'error' }, line: 3, column: 45, suggestions: [] }],
    },
    {
      name: "a same-file function called from a 'reconnecting' listener",
      code: lines(IMPORT, CLIENT, "client.on('reconnecting', () => reconnect());", 'function reconnect() { return client.connect(); }'),
      errors: [{ messageId: 'connectInErrorListener', data: { kind: 'client', event: 'reconnecting' }, line: 4, column: 31, suggestions: [] }],
    },
    {
      name: "a timer inside an 'error' listener handing a same-file function over by name",
      code: lines(IMPORT, CLIENT, "client.on('error', () => { setTimeout(reconnect, 1000); });", 'const reconnect = async () => { await client.connect(); };'),
      errors: [{ messageId: 'connectInErrorListener', data: { kind: 'client', event: 'error' }, line: 4, column: 39, suggestions: [] }],
    },
    {
      name: "connect() in an 'end' listener",
      code: lines(IMPORT, CLIENT, "client.on('end', () => { client.connect().catch(() => {}); });"),
      errors: [{ messageId: 'connectInEndListener', data: { kind: 'client', event: 'end' }, line: 3, column: 26, suggestions: [] }],
    },
  ],
});
