#!/usr/bin/env node
// npm run fuzz -- [--runs 1000] [--seed N] [--workers 1] [--timeout 20] [--no-cli] [--cli-batch 500] [--no-shrink]
//                 [--shrink-kinds 2] [--shrink-time 60] [--findings DIR] [--kinds] [--replay PATH] [--seeds DIR]
// Mutates the seeds and fixtures with fast-check, checks every invariant on each mutation and prints
// one row per invariant. Exits 1 when an invariant that does not depend on timing failed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCampaign } from './lib/campaign.mjs';
import { TIMED } from './lib/invariants.mjs';
import { DIST, FINDINGS_DIR } from './lib/paths.mjs';
import { formatKinds, formatReport } from './lib/report.mjs';
import { replay } from './lib/replay.mjs';
import { EXTRA_SEEDS_VARIABLE } from './lib/seeds.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    workers: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '20' },
    'no-cli': { type: 'boolean', default: false },
    'cli-batch': { type: 'string', default: '500' },
    'no-shrink': { type: 'boolean', default: false },
    'shrink-kinds': { type: 'string', default: '2' },
    'shrink-time': { type: 'string', default: '60' },
    findings: { type: 'string', default: FINDINGS_DIR },
    kinds: { type: 'boolean', default: false },
    replay: { type: 'string' },
    seeds: { type: 'string' },
  },
});

function positive(name) {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got ${values[name]}`);
  return value;
}

if (!fs.existsSync(path.join(DIST, 'index.js'))) {
  console.error('fuzz: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
if (values.seeds) {
  if (!fs.statSync(values.seeds, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`fuzz: --seeds ${values.seeds} is not a folder`);
    process.exit(2);
  }
  process.env[EXTRA_SEEDS_VARIABLE] = path.resolve(values.seeds);
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const runs = positive('runs');
if (values.replay) {
  await replay({ seed, runs, path: values.replay, timeoutMs: positive('timeout') * 1000 });
  process.exit(0);
}
const started = performance.now();
const options = { runs, seed, workers: positive('workers'), timeoutMs: positive('timeout') * 1000 };
Object.assign(options, {
  cli: !values['no-cli'],
  cliBatchSize: positive('cli-batch'),
  shrink: !values['no-shrink'],
  shrinkKinds: positive('shrink-kinds'),
  shrinkTimeMs: positive('shrink-time') * 1000,
  findingsDir: path.resolve(values.findings),
  log: (line, level) => (level !== 'detail' || values.kinds) && console.error(`fuzz: ${line}`),
  // The figures so far, every 500 cases and before shrinking, in case a long run is cut short.
  progress: (partial) => {
    console.error(formatReport({ ...partial, findings: [], seconds: (performance.now() - started) / 1000, options }));
    if (values.kinds) console.error(`failure kinds so far:\n${formatKinds(partial.counts)}`);
  },
  onChecked: (partial) => console.error(`${formatReport({ ...partial, options })}\n\nfuzz: shrinking…`),
});
const run = await runCampaign(options);
console.log(formatReport({ ...run, options }));
if (values.kinds) console.log(`\nfailure kinds:\n${formatKinds(run.counts)}`);
const failed = [...run.counts.keys()].some((id) => !TIMED.has(id));
process.exitCode = failed ? 1 : 0;
