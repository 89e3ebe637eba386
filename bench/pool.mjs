#!/usr/bin/env node
// Worker pool comparison: files/s of `redis-codemod --dry --json --workers N` over the redis-heavy set,
// for this build (dist/) and another build of the CLI, alternating runs so drift on a shared machine
// hits both alike. Ratios in one session are what count.
//
//   node bench/pool.mjs --other path/to/other/dist/cli/bin.js [--heavy 400] [--rounds 5] [--workers 2,3]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redisHeavyFile, writeFiles } from './corpus.mjs';
import { ROOT } from './lint-config.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const other = option('other');
if (!other) {
  console.error('bench/pool: --other <bin.js> is required');
  process.exit(2);
}
const bins = { 'this build': path.join(ROOT, 'dist', 'cli', 'bin.js'), other: path.resolve(other) };
const heavy = Number(option('heavy', 400));
const rounds = Number(option('rounds', 5));
const workerCounts = option('workers', '2,3').split(',').map(Number);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-pool-bench-'));
const files = writeFiles(path.join(tmp, 'heavy'), Array.from({ length: heavy }, (_, i) => redisHeavyFile(i)));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function run(bin, workers) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, '--dry', '--json', '--workers', String(workers), 'heavy'], { cwd: tmp, encoding: 'utf8', maxBuffer: 2 ** 29 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const summary = JSON.parse(result.stdout).summary;
  if (summary.changed !== files.length) throw new Error(`${bin}: ${JSON.stringify(summary)}`);
  return ms;
}

try {
  console.log(`| workers | ${Object.keys(bins).join(' files/s | ')} files/s | ratio (median of paired) |\n| --- | ---: | ---: | ---: |`);
  for (const workers of workerCounts) {
    const times = { 'this build': [], other: [] };
    const ratios = [];
    for (const name of Object.keys(bins)) run(bins[name], workers); // warm-up
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? Object.keys(bins) : Object.keys(bins).reverse();
      for (const name of order) times[name].push(run(bins[name], workers));
      ratios.push(times.other.at(-1) / times['this build'].at(-1));
    }
    const rate = (name) => Math.round((files.length / median(times[name])) * 1000 * 10) / 10;
    console.log(`| ${workers} | ${rate('this build')} | ${rate('other')} | ${median(ratios).toFixed(2)}x |`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
