/**
 * After `redis-codemod --connect-timeout 1500` (add-connect-timeout) a client pointed at a listener
 * that never completes the TCP handshake fails each attempt at about the configured timeout.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, spawnNode } from './support/child-process';
import {
  codemodExample,
  copyExample,
  probeConnect,
  removeExampleCopies,
  startUnacceptingListener,
  type UnacceptingListener,
} from './support/example-app';

const TIMEOUT_MS = 1_500;

describe('connect timeout: listener that never completes the handshake', () => {
  let listener: UnacceptingListener;

  beforeAll(async () => {
    listener = await startUnacceptingListener();
  });
  afterEach(killAllChildren);
  afterAll(async () => {
    await killAllChildren();
    await listener?.close();
    removeExampleCopies();
  });

  it('the listener really black-holes connection attempts', async () => {
    const probe = await probeConnect(listener.port, 1_500);
    expect(probe.outcome).toBe('pending');
  });

  it('after redis-codemod the client times out at about connectTimeout', async () => {
    const copy = copyExample();
    codemodExample(copy, ['src/server.js'], ['--connect-timeout', String(TIMEOUT_MS)]);
    const source = copy.read('src/server.js');
    expect(source).toMatch(new RegExp(`connectTimeout:\\s*${TIMEOUT_MS}\\b`));

    const app = spawnNode(copy.file('src/server.js'), { env: { REDIS_URL: `redis://127.0.0.1:${listener.port}` } });
    const connecting = await app.waitForLine(/^connecting$/, { stream: 'stdout' });
    const failure = await app.waitForLine(/ConnectionTimeoutError|timeout/i, { stream: 'stderr', timeoutMs: TIMEOUT_MS * 5 });
    const elapsed = failure.at - connecting.at;

    expect(failure.text).toMatch(/ConnectionTimeoutError|Connection timeout/);
    expect(elapsed, app.transcript()).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.8);
    expect(elapsed, app.transcript()).toBeLessThanOrEqual(TIMEOUT_MS * 3);
    // It never got to `ready` (and keeps retrying, with the error logged instead of crashing).
    expect(app.stdout()).not.toMatch(/^ready$/m);
    expect(app.exited).toBe(false);
  });
});
