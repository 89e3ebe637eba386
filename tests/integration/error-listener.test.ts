/**
 * A client without an 'error' listener crashes the process when the server drops its connection;
 * after `redis-codemod` (add-error-listener) the same program logs the error, reconnects and answers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, spawnNode } from './support/child-process';
import { codemodExample, copyExample, exampleDir, removeExampleCopies } from './support/example-app';
import { RedisServer } from './support/redis-server';
import { hasRedisServer } from './support/suite';
import path from 'node:path';

describe.skipIf(!hasRedisServer)('error listener: server drops the connection (CLIENT KILL)', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterEach(killAllChildren);
  afterAll(async () => {
    await killAllChildren();
    await redis?.kill();
    removeExampleCopies();
  });

  it('the example server without a listener dies with an unhandled error event', async () => {
    const app = spawnNode(path.join(exampleDir, 'src/server.js'), { env: { REDIS_URL: redis.url } });
    await app.waitForLine(/^ready$/, { stream: 'stdout' });
    app.send('ping');
    await app.waitForLine(/^pong PONG$/);

    expect(await redis.killClients()).toBeGreaterThanOrEqual(1);

    const exit = await app.waitForExit(10_000);
    expect(exit.code, app.transcript()).toBe(1);
    expect(app.stderr()).toMatch(/Unhandled 'error' event/);
    expect(app.stderr()).toMatch(/Socket closed unexpectedly/);
  });

  it('after redis-codemod the server logs the error, reconnects and keeps answering', async () => {
    const copy = copyExample();
    codemodExample(copy, ['src/server.js']);
    const source = copy.read('src/server.js');
    expect(source).toMatch(/client\s*\.on\(\s*['"]error['"]/);

    const app = spawnNode(copy.file('src/server.js'), { env: { REDIS_URL: redis.url } });
    await app.waitForLine(/^ready$/, { stream: 'stdout' });
    app.send('sku-1');
    await app.waitForLine(/^views sku-1 \d+$/);

    const beforeKill = app.lines.length;
    expect(await redis.killClients()).toBeGreaterThanOrEqual(1);
    // The inserted listener logs the error instead of crashing.
    await app.waitForLine(/Socket closed unexpectedly|SocketClosedUnexpectedlyError/, { stream: 'stderr', from: beforeKill });

    // Commands issued now wait in the offline queue and run once the client has reconnected.
    const afterKill = app.lines.length;
    app.send('ping');
    await app.waitForLine(/^pong PONG$/, { from: afterKill, timeoutMs: 10_000 });
    app.send('sku-1');
    await app.waitForLine(/^views sku-1 \d+$/, { from: afterKill, timeoutMs: 10_000 });
    expect(app.exited).toBe(false);
    expect(app.stderr()).not.toMatch(/Unhandled 'error' event/);

    app.endInput();
    const exit = await app.waitForExit(10_000);
    expect(exit.code, app.transcript()).toBe(0);
  });
});
