/**
 * The plugin under the real `eslint` binary with `--cache` and `--concurrency`: results must be the same
 * whether they come from the cache, from a cold run, or from several worker threads. Equal results are
 * asserted, never times (the bench reports those).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/cli-harness';
import { ROOT, fixture } from './helpers';

const ESLINT_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redis-robustness-eslint-')));
  const sources = { cjs: fixture('session-store.cjs'), ts: fixture('rate-limiter.ts'), mjs: fixture('worker-pool.mjs') };
  fs.mkdirSync(path.join(dir, 'src'));
  for (let i = 0; i < 24; i++) {
    for (const [ext, text] of Object.entries(sources)) {
      fs.writeFileSync(path.join(dir, 'src', `file${i}.${ext}`), `${text}\n// copy ${i}\n`);
    }
  }
  fs.writeFileSync(path.join(dir, 'src', 'plain.js'), 'export const answer = 42;\n');
  fs.writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    [
      "import { createRequire } from 'node:module';",
      `const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});`,
      `const redis = require(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))});`,
      "const tsParser = require('@typescript-eslint/parser');",
      "export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, redis.configs.recommended];",
      '',
    ].join('\n'),
  );
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs eslint; returns the sorted `file:line:column rule` lines and the exit code. */
function eslint(...args: string[]): { code: number | null; reports: string[] } {
  const run = spawnSync(process.execPath, [ESLINT_BIN, '--format', 'json', ...args, 'src'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited with ${run.status}: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string | null; message: string }[] }[];
  const reports = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  return { code: run.status, reports: reports.sort() };
}

describe('eslint --cache and --concurrency with the plugin', () => {
  it('reports the same problems from a cold run, a cached run, and with --concurrency 2', () => {
    const off = eslint('--concurrency', 'off');
    expect(off.code).toBe(1);
    expect(off.reports.length).toBeGreaterThan(24 * 3);
    expect(off.reports.every((line) => /^src\/file\d+\.(cjs|ts|mjs):\d+:\d+ redis\//.test(line))).toBe(true);

    const concurrent = eslint('--concurrency', '2');
    expect(concurrent).toEqual(off);

    const cacheLocation = path.join(dir, '.cache', 'eslintcache');
    const cold = eslint('--cache', '--cache-location', cacheLocation);
    expect(fs.existsSync(cacheLocation)).toBe(true);
    const warm = eslint('--cache', '--cache-location', cacheLocation);
    expect(cold).toEqual(off);
    expect(warm).toEqual(off);

    const cachedConcurrent = eslint('--cache', '--cache-location', cacheLocation, '--concurrency', '2');
    expect(cachedConcurrent).toEqual(off);
  }, 120_000);
});
