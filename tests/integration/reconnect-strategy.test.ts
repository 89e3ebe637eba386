/**
 * `reconnectStrategy: false` makes a client give up for good when the server restarts; after
 * `redis-codemod` (bound-reconnect-strategy) the client reconnects after a restart, and when the
 * server stays down `connect()` rejects after the bounded number of attempts instead of hanging.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, spawnNode } from './support/child-process';
import { codemodExample, copyExample, exampleDir, removeExampleCopies } from './support/example-app';
import { freePort, RedisServer } from './support/redis-server';
import { hasRedisServer } from './support/suite';
import path from 'node:path';

describe.skipIf(!hasRedisServer)('reconnect strategy: server restart', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    await killAllChildren();
    if (!redis.running) await redis.start();
  });
  afterAll(async () => {
    await killAllChildren();
    await redis?.kill();
    removeExampleCopies();
  });

  it('with reconnectStrategy: false the worker gives up: commands after the restart fail with ClientClosedError', async () => {
    const worker = spawnNode(path.join(exampleDir, 'src/worker.js'), { env: { REDIS_URL: redis.url } });
    await worker.waitForLine(/^ready$/, { stream: 'stdout' });
    worker.send('order-1');
    await worker.waitForLine(/^queued order-1 \d+$/);

    const beforeStop = worker.lines.length;
    await redis.stop();
    await worker.waitForLine(/queue redis error/, { stream: 'stderr', from: beforeStop });
    await redis.start();

    const afterRestart = worker.lines.length;
    worker.send('order-2');
    await worker.waitForLine(/^failed ClientClosedError: The client is closed$/, { from: afterRestart });
    // It stays broken: the server is up, but the client never comes back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = worker.lines.length;
    worker.send('order-3');
    await worker.waitForLine(/^failed ClientClosedError/, { from: later });
    expect(await redis.clientCount()).toBe(0);
  });

  it('after redis-codemod the worker reconnects once the server is back', async () => {
    const copy = copyExample();
    codemodExample(copy, ['src/worker.js'], ['--transform', 'bound-reconnect-strategy', '--max-retries', '20']);
    const source = copy.read('src/worker.js');
    expect(source).not.toMatch(/reconnectStrategy:\s*false/);
    expect(source).toMatch(/reconnectStrategy:\s*\(retries/);

    const worker = spawnNode(copy.file('src/worker.js'), { env: { REDIS_URL: redis.url } });
    await worker.waitForLine(/^ready$/, { stream: 'stdout' });
    worker.send('order-1');
    await worker.waitForLine(/^queued order-1 \d+$/);

    const beforeStop = worker.lines.length;
    await redis.stop();
    await worker.waitForLine(/queue redis error/, { stream: 'stderr', from: beforeStop });
    await redis.start();

    // Queued while reconnecting; written once the client is ready again.
    const afterRestart = worker.lines.length;
    worker.send('order-2');
    const reply = await worker.waitForLine(/^(queued|failed) order-2|^failed /, { from: afterRestart, timeoutMs: 15_000 });
    expect(reply.text, worker.transcript()).toMatch(/^queued order-2 1$/);
    expect(await redis.clientCount()).toBe(1);
  });

  it('after redis-codemod connect() rejects after the bounded attempts when the server stays down', async () => {
    const copy = copyExample();
    codemodExample(copy, ['src/worker.js'], ['--transform', 'bound-reconnect-strategy', '--max-retries', '3']);

    const deadPort = await freePort(); // nothing listens there: every attempt is ECONNREFUSED
    const worker = spawnNode(copy.file('src/worker.js'), { env: { REDIS_URL: `redis://127.0.0.1:${deadPort}` } });
    const connecting = await worker.waitForLine(/^connecting$/, { stream: 'stdout' });
    const failed = await worker.waitForLine(/^connect failed /, { stream: 'stdout', timeoutMs: 15_000 });
    const exit = await worker.waitForExit(10_000);

    expect(exit.code, worker.transcript()).toBe(1);
    // The strategy retried (one 'error' per failed attempt) and then gave up: 3 retries + the first try.
    const attempts = worker.lines.filter((l) => l.stream === 'stderr' && /queue redis error: .*ECONNREFUSED/.test(l.text));
    expect(attempts.length, worker.transcript()).toBeGreaterThanOrEqual(3);
    expect(attempts.length, worker.transcript()).toBeLessThanOrEqual(6);
    // Backoff 50·2^n ms for 3 retries: well under a few seconds.
    expect(failed.at - connecting.at, worker.transcript()).toBeLessThan(10_000);
  });
});
