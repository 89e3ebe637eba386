import rule from '../../src/rules/no-client-per-request';
import { lines, ruleTester } from './rule-tester';

const REDIS = "import { createClient } from 'redis';";
const EXPRESS = "import express from 'express';";
const ROUTE = 'an HTTP route handler or middleware';

type Where = string | undefined;

/** One report at the first `createClient` (or `needle`) of `code`, with `where` for clientPerRequest. */
function perRequest(name: string, code: string, where: Where, filename = 'src/server.ts', needle = 'createClient(') {
  const line = code.split('\n').findIndex((text) => text.includes(needle)) + 1;
  const lineText = code.split('\n')[line - 1]!;
  const column = lineText.indexOf(needle) + 1;
  const factory = needle.replace(/\($/, '');
  return {
    name,
    code,
    filename,
    errors: [
      where === undefined
        ? { messageId: 'clientPerCall' as const, line, column }
        : { messageId: 'clientPerRequest' as const, data: { factory: `${factory.split('.').pop()}()`, where }, line, column },
    ],
  };
}

ruleTester.run('no-client-per-request', rule, {
  valid: [
    {
      name: 'one client at module scope, used by the handlers',
      code: lines(REDIS, EXPRESS, 'const app = express();', 'const client = createClient();', "app.get('/a', async (req, res) => res.send(await client.get('a')));"),
    },
    {
      name: 'cached behind if (!client)',
      code: lines(REDIS, EXPRESS, 'const app = express();', 'let client;', "app.get('/a', async (req, res) => {", '  if (!client) { client = createClient(); await client.connect(); }', "  res.send(await client.get('a'));", '});'),
    },
    {
      name: 'cached with ??=',
      code: lines(REDIS, EXPRESS, 'const app = express();', "app.get('/a', async (req, res) => { globalThis.redis ??= createClient(); res.end(); });"),
    },
    {
      name: 'cached with x || (x = …)',
      code: lines(REDIS, 'export async function GET() {', '  const client = global.redis || (global.redis = createClient());', "  return Response.json(await client.get('a'));", '}'),
      filename: 'app/api/a/route.ts',
    },
    {
      name: 'cached with ?? and a later store',
      code: lines(REDIS, 'export async function GET() {', '  const client = globalThis.redis ?? createClient();', '  globalThis.redis = client;', '  return new Response("ok");', '}'),
      filename: 'app/api/a/route.ts',
    },
    {
      name: 'a cached getter called by the handler',
      code: lines(
        REDIS,
        EXPRESS,
        'const app = express();',
        'let client;',
        'async function getClient() {',
        '  if (client) return client;',
        '  client = createClient();',
        '  await client.connect();',
        '  return client;',
        '}',
        "app.get('/a', async (req, res) => res.send(await (await getClient()).get('a')));",
      ),
    },
    {
      name: 'a memo keyed by URL',
      code: lines(
        REDIS,
        'const clients = new Map();',
        'export async function GET(request) {',
        '  const url = new URL(request.url).searchParams.get("redis");',
        '  if (!clients.has(url)) clients.set(url, createClient({ url }));',
        '  return new Response("ok");',
        '}',
      ),
      filename: 'app/api/a/route.js',
    },
    {
      name: 'a memoised connection promise',
      code: lines(
        REDIS,
        'let ready;',
        'function redis() {',
        '  if (!ready) ready = (async () => { const c = createClient(); await c.connect(); return c; })();',
        '  return ready;',
        '}',
        'export async function POST() { await (await redis()).incr("hits"); return new Response("ok"); }',
      ),
      filename: 'app/api/hits/route.ts',
    },
    {
      name: 'a NestJS provider factory',
      code: lines(
        REDIS,
        "import { Module } from '@nestjs/common';",
        "@Module({ providers: [{ provide: 'REDIS', useFactory: async () => { const client = createClient(); await client.connect(); return client; } }] })",
        'export class RedisModule {}',
      ),
    },
    {
      name: 'a NestJS service that connects once',
      code: lines(
        REDIS,
        "import { Injectable, OnModuleInit } from '@nestjs/common';",
        '@Injectable()',
        'export class RedisService implements OnModuleInit {',
        '  client = createClient();',
        '  async onModuleInit() { await this.client.connect(); }',
        '}',
      ),
    },
    {
      name: 'a test file',
      code: lines(REDIS, EXPRESS, 'const app = express();', "app.get('/a', async (req, res) => { const c = createClient(); await c.connect(); res.end(); });"),
      filename: 'src/server.test.ts',
    },
    {
      name: 'a script: main() creates, connects and closes once',
      code: lines(REDIS, 'async function main() {', '  const client = createClient();', '  await client.connect();', "  await client.set('k', 'v');", '  await client.quit();', '}', 'main().catch(console.error);'),
    },
    {
      name: 'an IIFE that creates, connects and closes once',
      code: lines(REDIS, '(async () => {', '  const client = createClient();', '  await client.connect();', '  await client.quit();', '})();'),
    },
    {
      name: 'a callback the file cannot tell runs repeatedly',
      code: lines(REDIS, "program.command('flush').action(async () => {", '  const client = createClient();', '  await client.connect();', '  await client.flushAll();', '  await client.quit();', '});'),
    },
    {
      name: "an exported function whose only close is in the client's 'error' listener",
      code: lines(
        REDIS,
        'export async function connectFromEnv() {',
        '  const client = createClient({ url: process.env.REDIS_URL });',
        "  client.on('error', () => { client.destroy(); });",
        '  await client.connect();',
        '  return client;',
        '}',
      ),
    },
    {
      name: 'an exported function that closes only when connecting failed',
      code: lines(
        REDIS,
        'export async function connectWithRetry() {',
        '  const client = createClient();',
        '  try { await client.connect(); } catch (error) { client.destroy(); throw error; }',
        '  return { client };',
        '}',
      ),
    },
    {
      name: "a Promise executor that runs once: the module's own start-up",
      code: lines(
        REDIS,
        'const ready = new Promise((resolve) => {',
        '  const client = createClient();',
        '  client.connect().then(() => client.quit()).then(resolve);',
        '});',
      ),
    },
    {
      name: 'closes only in a .catch callback (cleanup after a failed connect)',
      code: lines(
        REDIS,
        'export function open() {',
        '  const client = createClient();',
        '  return client.connect().catch((error) => { client.destroy(); throw error; });',
        '}',
      ),
    },
    {
      name: 'a factory wrapper: its callers decide',
      code: lines(REDIS, 'export function makeClient(url) { return createClient({ url }); }'),
    },
    {
      name: 'get() on something that is not a web app',
      code: lines(REDIS, "cache.get('/users', (key) => createClient({ name: key }));"),
    },
    {
      name: 'a yargs command module exports handler too',
      code: lines(REDIS, "exports.command = 'flush';", 'exports.builder = {};', 'exports.handler = async (argv) => { const c = createClient(); await c.connect(); await c.flushAll(); await c.quit(); };'),
      filename: 'src/commands/flush.js',
    },
    {
      name: 'a queue processor: the file does not show how often it runs',
      code: lines(REDIS, "queue.process(async (job) => { const c = createClient(); await c.connect(); await c.set(job.id, '1'); await c.quit(); });"),
    },
    {
      name: "an app.listen() callback runs once",
      code: lines(REDIS, EXPRESS, 'const app = express();', 'app.listen(3000, async () => { const c = createClient(); await c.connect(); });'),
    },
    {
      name: 'a Fastify plugin registration runs once',
      code: lines(REDIS, "import Fastify from 'fastify';", 'const fastify = Fastify();', "fastify.register(async (instance) => { const c = createClient(); await c.connect(); instance.decorate('redis', c); });"),
    },
    {
      name: 'another library',
      code: lines("import { createClient } from '@supabase/supabase-js';", EXPRESS, 'const app = express();', "app.get('/a', (req, res) => { createClient(url, key); });"),
    },
    {
      name: 'created once per connection object and stored on a module-level guard',
      code: lines(
        REDIS,
        "import { Server } from 'socket.io';",
        'const io = new Server();',
        'let subscriber;',
        "io.on('connection', (socket) => { if (!subscriber) subscriber = createClient(); });",
      ),
    },
  ],
  invalid: [
    perRequest(
      'an Express route handler',
      lines(REDIS, EXPRESS, 'const app = express();', "app.get('/users/:id', async (req, res) => {", '  const client = createClient();', '  await client.connect();', "  res.json(await client.hGetAll(`user:${req.params.id}`));", '});'),
      ROUTE,
    ),
    perRequest(
      'an Express router from require(), a named handler',
      lines("const redis = require('redis');", "const router = require('express').Router();", 'async function show(req, res) {', '  const client = redis.createClient();', '  await client.connect();', '  res.end();', '}', "router.get('/', show);", 'module.exports = router;'),
      ROUTE,
      'src/routes.js',
      'redis.createClient(',
    ),
    perRequest(
      'an async-handler wrapper and app.route()',
      lines(REDIS, EXPRESS, 'const app = express();', "app.route('/a').post(asyncHandler(async (req, res) => { const c = createClient(); await c.connect(); res.end(); }));"),
      ROUTE,
    ),
    perRequest(
      'a Koa middleware',
      lines(REDIS, "import Koa from 'koa';", 'const app = new Koa();', 'app.use(async (ctx, next) => { ctx.state.redis = createClient(); await next(); });'),
      ROUTE,
    ),
    perRequest(
      'fastify.route({ url, handler })',
      lines(REDIS, "import Fastify from 'fastify';", 'const fastify = Fastify();', "fastify.route({ method: 'GET', url: '/', handler: async () => { const c = createClient(); await c.connect(); return 'ok'; } });"),
      ROUTE,
    ),
    perRequest(
      'a Fastify plugin: the app is a parameter, the handler has (request, reply)',
      lines(REDIS, 'export default async function routes(fastify) {', "  fastify.get('/', async (request, reply) => {", '    const c = createClient();', '    await c.connect();', "    reply.send('ok');", '  });', '}'),
      ROUTE,
    ),
    perRequest(
      'a Hono route',
      lines(REDIS, "import { Hono } from 'hono';", 'const app = new Hono();', "app.get('/', async (c) => { const client = createClient(); await client.connect(); return c.text('ok'); });"),
      ROUTE,
    ),
    perRequest(
      'a node:http request listener',
      lines(REDIS, "import http from 'node:http';", 'http.createServer(async (req, res) => {', '  const client = createClient();', '  await client.connect();', '  res.end();', '}).listen(3000);'),
      "an HTTP server's request listener",
    ),
    perRequest(
      'a Next.js route handler, by its path',
      lines(REDIS, 'export async function GET() {', '  const client = await createClient().connect();', "  return Response.json(await client.get('a'));", '}'),
      'a Next.js route handler',
      'app/api/cache/route.ts',
    ),
    perRequest(
      'a Next.js route handler, by its next/server import',
      lines(REDIS, "import { NextResponse } from 'next/server';", 'export const POST = async (request) => {', '  const client = createClient();', '  await client.connect();', '  return NextResponse.json({});', '};'),
      'a Next.js route handler',
      'src/anything.ts',
    ),
    perRequest(
      'a Next.js API route',
      lines(REDIS, 'export default async function handler(req, res) {', '  const client = createClient();', '  await client.connect();', '  res.status(200).end();', '}'),
      'a Next.js API route',
      'pages/api/hello.ts',
    ),
    perRequest(
      "a server action ('use server' file)",
      lines("'use server';", REDIS, 'export async function like(id) {', '  const client = createClient();', '  await client.connect();', '  await client.incr(`likes:${id}`);', '}'),
      'a server action',
      'app/actions.ts',
    ),
    perRequest(
      'an inline server action',
      lines(REDIS, 'export default function Page() {', '  async function save() {', "    'use server';", '    const client = createClient();', '    await client.connect();', '  }', '  return null;', '}'),
      'a server action',
      'src/components/form.tsx',
    ),
    perRequest(
      'a serverless handler export',
      lines("const { createClient } = require('redis');", 'exports.handler = async (event) => {', '  const client = createClient({ url: process.env.REDIS_URL });', '  await client.connect();', '  return { statusCode: 200 };', '};'),
      'a serverless function handler',
      'src/lambda.js',
    ),
    perRequest(
      'a NestJS controller method',
      lines(
        REDIS,
        "import { Controller, Get } from '@nestjs/common';",
        "@Controller('cache')",
        'export class CacheController {',
        '  @Get()',
        '  async read() {',
        '    const client = createClient();',
        '    await client.connect();',
        "    return client.get('a');",
        '  }',
        '}',
      ),
      'a NestJS request handler',
    ),
    perRequest(
      'a GraphQL resolver map',
      lines(REDIS, 'export const resolvers = {', '  Query: {', '    async hits() { const c = createClient(); await c.connect(); return c.get("hits"); },', '  },', '};'),
      'a GraphQL resolver or per-request context',
    ),
    perRequest(
      "a GraphQL server's per-request context",
      lines(REDIS, "import { expressMiddleware } from '@apollo/server/express4';", "app.use('/graphql', expressMiddleware(server, { context: async () => ({ redis: await createClient().connect() }) }));"),
      'a GraphQL resolver or per-request context',
    ),
    perRequest(
      'a controller exported from its own file: (req, res) parameters',
      lines("const { createClient } = require('redis');", 'exports.show = async (req, res) => {', '  const client = createClient();', '  await client.connect();', '  res.json(await client.get(req.params.id));', '};'),
      ROUTE,
      'src/controllers/users.js',
    ),
    perRequest(
      'an Azure function (context, req)',
      lines("const { createClient } = require('redis');", 'module.exports = async function (context, req) {', '  const client = createClient();', '  await client.connect();', '};'),
      'a serverless function handler',
      'src/HttpTrigger/index.js',
    ),
    perRequest(
      'a tRPC procedure',
      lines(REDIS, 'export const router = t.router({', '  hits: publicProcedure.query(async () => { const c = createClient(); await c.connect(); return c.get("hits"); }),', '});'),
      'a tRPC procedure',
    ),
    perRequest(
      'a socket.io connection handler',
      lines(REDIS, "import { Server } from 'socket.io';", 'const io = new Server();', "io.on('connection', async (socket) => { const sub = createClient(); await sub.connect(); });"),
      'a WebSocket connection handler',
    ),
    perRequest(
      'a duplicate() per request (a subscriber per SSE stream)',
      lines(REDIS, EXPRESS, 'const app = express();', 'const client = createClient();', "app.get('/events', async (req, res) => {", '  const subscriber = client.duplicate();', '  await subscriber.connect();', '});'),
      ROUTE,
      'src/server.ts',
      'client.duplicate(',
    ),
    perRequest(
      'a same-file helper the handler calls',
      lines(REDIS, EXPRESS, 'const app = express();', 'async function readKey(key) {', '  const client = createClient();', '  await client.connect();', '  return client.get(key);', '}', "app.get('/a', async (req, res) => res.send(await readKey('a')));"),
      `a function called from ${ROUTE}`,
    ),
    perRequest(
      'a private method a NestJS handler calls through this',
      lines(
        REDIS,
        "import { Controller, Post } from '@nestjs/common';",
        '@Controller()',
        'export class HitsController {',
        '  @Post()',
        '  async hit() { const client = await this.connect(); return client.incr("hits"); }',
        '  private async connect() {',
        '    const client = createClient();',
        '    await client.connect();',
        '    return client;',
        '  }',
        '}',
      ),
      'a function called from a NestJS request handler',
    ),
    perRequest(
      'a class constructed in the handler',
      lines(REDIS, EXPRESS, 'const app = express();', 'class Store {', '  constructor() { this.client = createClient(); }', '}', "app.get('/a', (req, res) => { const store = new Store(); res.end(); });"),
      `a function called from ${ROUTE}`,
    ),
    perRequest(
      'the Next.js cache-handler class',
      lines(
        "const { createClient } = require('redis');",
        'module.exports = class CacheHandler {',
        '  constructor(options) { this.client = createClient({ url: process.env.REDIS_URL }); this.client.connect().catch(() => {}); }',
        '  async get(key) { return null; }',
        '  async set(key, data) {}',
        '  async revalidateTag(tags) {}',
        '};',
      ),
      'a Next.js cache handler, which Next.js constructs for every request',
      'cache-handler.js',
    ),
    perRequest(
      'an exported function that creates, connects and closes',
      lines(REDIS, 'export async function readCached(key) {', '  const client = createClient();', '  await client.connect();', '  try { return await client.get(key); } finally { await client.quit(); }', '}'),
      undefined,
    ),
    perRequest(
      'a method that creates, connects and closes',
      lines(REDIS, 'export class Counter {', '  async bump() {', '    const client = createClient();', '    await client.connect();', "    await client.incr('n');", '    await client.disconnect();', '  }', '}'),
      undefined,
    ),
    perRequest(
      'a method whose Promise executor creates and connects, and closes in a continuation',
      lines(
        REDIS,
        'export class Probe {',
        '  ping(url) {',
        '    return new Promise((resolve, reject) => {',
        '      const client = createClient({ url });',
        "      client.on('error', reject);",
        '      client.connect().then(() => client.ping()).then((reply) => { client.disconnect(); resolve(reply); }, reject);',
        '    });',
        '  }',
        '}',
      ),
      undefined,
    ),
    perRequest(
      'a function called in a loop',
      lines(REDIS, 'async function touch(key) {', '  const client = createClient();', '  await client.connect();', '  await client.expire(key, 60);', '  await client.quit();', '}', 'for (const key of keys) await touch(key);'),
      undefined,
      'src/job.mjs',
    ),
    perRequest(
      'a setInterval callback',
      lines(REDIS, 'setInterval(async () => {', '  const client = createClient();', '  await client.connect();', "  await client.publish('tick', String(Date.now()));", '  await client.close();', '}, 1000);'),
      undefined,
    ),
  ],
});
