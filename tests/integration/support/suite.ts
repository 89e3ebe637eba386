/**
 * Shared guards for the integration suites: they need a real `redis-server`. In CI (.ci/run
 * installs it) a missing binary is an error; on a developer machine the suites are skipped.
 */
import { findRedisServer } from './redis-server';

export const hasRedisServer = findRedisServer() !== undefined;

if (!hasRedisServer && process.env.CI) {
  throw new Error('redis-server is not on PATH; .ci/run should have installed it');
}
if (!hasRedisServer) {
  console.warn('redis-server not found on PATH: skipping the real-Redis integration tests');
}
