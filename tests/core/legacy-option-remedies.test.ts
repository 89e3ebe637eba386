/**
 * Applying every suggestion of no-legacy-options the way an automatic run does (all non-overlapping edits
 * in one pass, then lint again) ends in options node-redis v4+ reads, with nothing lost on the way.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';

const linter = new Linter({ configType: 'flat', cwd: path.resolve('/virtual-project') });
const config: Linter.Config[] = [
  {
    plugins: { redis: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    settings: { redis: { version: 5 } },
    rules: { 'redis/no-legacy-options': 'error' },
  },
];
const filename = path.resolve('/virtual-project/src/cache.mjs');

/** One pass: every report's first suggestion, skipping any that overlaps or touches one already applied. */
function applyOnePass(code: string): { output: string; applied: number } {
  const fixes = linter
    .verify(code, config, filename)
    .flatMap((message) => (message.suggestions?.[0] ? [message.suggestions[0].fix] : []))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  let applied = 0;
  for (const fix of fixes) {
    if (fix.range[0] <= lastEnd) continue;
    output += code.slice(Math.max(0, lastEnd), fix.range[0]) + fix.text;
    lastEnd = fix.range[1];
    applied++;
  }
  return { output: output + code.slice(Math.max(0, lastEnd)), applied };
}

function applyUntilStable(code: string): { output: string; passes: number } {
  let output = code;
  for (let passes = 0; passes < 10; passes++) {
    const next = applyOnePass(output);
    if (next.applied === 0) return { output, passes };
    output = next.output;
  }
  throw new Error('did not converge in 10 passes');
}

const HEADER = "import { createClient } from 'redis';\n";

describe('no-legacy-options suggestions applied together', () => {
  it.each([
    ["createClient({ host: 'h', port: 1 });", "createClient({ socket: { host: 'h', port: 1 } });"],
    ["createClient({ url, host: 'h', port: 1, tls: true });", "createClient({ url, socket: { host: 'h', port: 1, tls: true } });"],
    ["createClient({ host: 'h', socket: { connectTimeout: 1 }, port: 2 });", "createClient({ socket: { connectTimeout: 1, host: 'h', port: 2 } });"],
    ["createClient({ host: 'h', db: 1, auth_pass: 'p', enable_offline_queue: false });", "createClient({ socket: { host: 'h' }, database: 1, password: 'p', disableOfflineQueue: true });"],
    ["createClient({ host: 'h', socket: { url: 'redis://x' } });", "createClient({ socket: { host: 'h' }, url: 'redis://x' });"],
    [
      "createClient({\n  host: 'h', // primary\n  port: 6380,\n  db: 2,\n});",
      "createClient({\n  socket: { host: 'h', port: 6380 }, // primary\n  database: 2,\n});",
    ],
  ])('%s', (call, expected) => {
    const { output, passes } = applyUntilStable(HEADER + call);
    expect(output).toBe(HEADER + expected);
    expect(passes).toBeLessThanOrEqual(3);
    expect(linter.verify(output, config, filename)).toEqual([]);
  });
});
