/**
 * The lifecycle rules against a real node-redis and redis-server:
 * - a floating `connect()` to a closed port ends the process with an unhandled rejection, even with an
 *   'error' listener; after the handle-connect transform (the text of no-floating-connect's suggestion),
 *   the same program logs and keeps going;
 * - a node:http handler that creates a client per request leaves one more connection in CLIENT LIST per
 *   request; with the client created once, as no-client-per-request's message says, it leaves none.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/codemods/transform-source';
import plugin from '../../src/index';
import { killAllChildren, spawnNode } from './support/child-process';
import { repoRoot } from './support/example-app';
import { freePort, RedisServer } from './support/redis-server';
import { hasRedisServer } from './support/suite';

const REQUESTS = 5;
const tempDirs: string[] = [];

/** Writes `source` to a fresh temp dir whose node_modules links to the repo's, so `redis` resolves. */
function writeProgram(name: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-lifecycle-'));
  tempDirs.push(dir);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

const VIRTUAL_CWD = path.resolve('/virtual-project');

function lint(source: string, filename: string, rule: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: VIRTUAL_CWD });
  const config: Linter.Config = {
    files: ['**/*.cjs'],
    plugins: { redis: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' },
    rules: { [`redis/${rule}`]: 'error' },
  };
  return linter.verify(source, [config], { filename: path.join(VIRTUAL_CWD, 'src', filename) });
}

/** Applies the first suggestion of every report, as a user accepting each one would. */
function applySuggestions(source: string, messages: Linter.LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.suggestions?.[0] ? [message.suggestions[0].fix] : []));
  return fixes
    .sort((a, b) => b.range[0] - a.range[0])
    .reduce((text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]), source);
}

/** GET / on the local server; resolves with the body. */
function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasRedisServer)('no-floating-connect: a connect() nobody awaits, to a closed port', () => {
  afterEach(killAllChildren);

  // Lines on stdin are answered with "alive", so a test can tell the process is still running.
  const program = (listener: string) =>
    [
      "const { createClient } = require('redis');",
      'const client = createClient({',
      '  url: process.env.REDIS_URL,',
      '  socket: { connectTimeout: 1000, reconnectStrategy: (retries) => (retries >= 2 ? new Error("gave up") : 50) },',
      '});',
      listener,
      'client.connect();',
      "process.stdin.setEncoding('utf8').on('data', () => console.log('alive'));",
      '',
    ].join('\n');

  it.each([
    ['with an error listener and a strategy that gives up', "client.on('error', (err) => console.error('redis error:', err.message));", /ReconnectStrategyError|gave up/],
    ['without an error listener', '', /ECONNREFUSED/],
  ])('%s: the process dies of the unhandled rejection; after the transform it logs and stays up', async (_title, listener, reason) => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const source = program(listener);
    const [report, ...more] = lint(source, 'app.cjs', 'no-floating-connect');
    expect(more).toEqual([]);
    expect(report).toMatchObject({ ruleId: 'redis/no-floating-connect', line: 7, column: 1 });

    const floating = spawnNode(writeProgram('app.cjs', source), { env: { REDIS_URL: url } });
    const exit = await floating.waitForExit(20_000);
    expect(exit.code, floating.transcript()).toBe(1);
    expect(floating.stderr()).toMatch(reason);

    const fixed = transformSource(source, 'src/app.cjs', ['handle-connect'], { cwd: VIRTUAL_CWD }).output;
    expect(applySuggestions(source, [report!])).toBe(fixed);
    expect(fixed).toBe(source.replace('client.connect();', "client.connect().catch((err) => console.error('Redis client failed to connect:', err));"));
    expect(lint(fixed, 'app.cjs', 'no-floating-connect')).toEqual([]);
    const handled = spawnNode(writeProgram('app.cjs', fixed), { env: { REDIS_URL: url } });
    await handled.waitForLine(/^Redis client failed to connect:/, { stream: 'stderr', timeoutMs: 20_000 });
    handled.send('ping');
    await handled.waitForLine(/^alive$/, { stream: 'stdout' });
    handled.endInput();
    expect((await handled.waitForExit(10_000)).code, handled.transcript()).toBe(0);
  });
});

describe.skipIf(!hasRedisServer)('no-client-per-request: a node:http handler that creates a client per request', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterEach(killAllChildren);
  afterAll(async () => {
    await killAllChildren();
    await redis?.kill();
  });

  const server = (setup: string, handler: string) =>
    [
      "const http = require('node:http');",
      "const { createClient } = require('redis');",
      setup,
      'const server = http.createServer(async (req, res) => {',
      handler,
      "  res.end(String(await client.incr('hits')));",
      '});',
      "server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));",
      '',
    ].join('\n');

  /**
   * Starts the server and sends one request (so a client made at start-up is surely connected), then
   * returns the connection count before and after REQUESTS more. Stops the server and waits until the
   * redis-server has seen its connections close.
   */
  async function connectionsAround(source: string): Promise<{ before: number; after: number }> {
    const app = spawnNode(writeProgram('server.cjs', source), { env: { REDIS_URL: redis.url } });
    const line = await app.waitForLine(/^listening (\d+)$/, { stream: 'stdout' });
    const port = Number(/(\d+)$/.exec(line.text)![1]);
    await get(port);
    const before = await redis.clientCount();
    for (let i = 0; i < REQUESTS; i++) expect(Number(await get(port))).toBeGreaterThan(1);
    const after = await redis.clientCount();
    await app.kill();
    await untilNoClients();
    return { before, after };
  }

  async function untilNoClients(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await redis.clientCount()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server still lists ${await redis.clientCount()} clients after the app was killed`);
  }

  it(`leaves ${REQUESTS} more connections after ${REQUESTS} requests; none once the client is created once`, async () => {
    const perRequest = server(
      '',
      ["  const client = createClient({ url: process.env.REDIS_URL });", "  client.on('error', console.error);", '  await client.connect();'].join('\n'),
    );
    expect(lint(perRequest, 'server.cjs', 'no-client-per-request').map((message) => [message.line, message.column, message.message])).toEqual([
      [
        5,
        18,
        "`createClient()` runs for every request here (an HTTP server's request listener): each request opens a new Redis connection and pays its handshake, and connections that are not closed pile up until Redis refuses clients ('max number of clients reached'). Create the client once (at module scope, or cached: `globalThis.redis ??= …`) and reuse it.",
      ],
    ]);
    const leaking = await connectionsAround(perRequest);
    expect(leaking.after - leaking.before).toBe(REQUESTS);

    // The fix the message describes: one client at module scope, reused by every request.
    const once = server(
      ["const client = createClient({ url: process.env.REDIS_URL });", "client.on('error', console.error);", 'const connecting = client.connect();'].join('\n'),
      '  await connecting;',
    );
    expect(lint(once, 'server.cjs', 'no-client-per-request')).toEqual([]);
    const reusing = await connectionsAround(once);
    expect(reusing.after - reusing.before).toBe(0);
  });
});
