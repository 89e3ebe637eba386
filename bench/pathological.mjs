#!/usr/bin/env node
// Lint time of the shapes that fuzzing found pathological (see src/core/budget.ts): files where each
// added function used to double the analysis time, a 1,500-step alias chain that overflowed the stack,
// and files built to pass the analysis bounds. Each file is linted with redis/recommended in its own
// process (the old analysis ran out of memory), next to a parse-only lint of the same file.
//
//   node bench/pathological.mjs                 this checkout's dist/
//   node bench/pathological.mjs --root <dir>    another checkout (e.g. a build of an older commit)
//   options: --timeout <seconds per file> (default 120)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const ROOT = path.resolve(option('root', path.join(path.dirname(fileURLToPath(import.meta.url)), '..')));

const IMPORT = "import { createClient } from 'redis';";
const times = (count, line) => Array.from({ length: count }, (_, i) => line(i));
const maybeCached = (n) => [IMPORT, 'const g = {};', ...times(n, (i) => `function f${i}() { const r = g.redis ?? createClient(); r.connect(); g.redis = r; }`)];
const singletons = (n) => [
  IMPORT,
  ...times(n, (i) => `export function get${i}() { const r = globalThis.redis ?? createClient(); r.connect(); globalThis.redis = r; return r; }`),
];
const SHAPES = {
  'maybe-cached x20': maybeCached(20),
  'maybe-cached x24': maybeCached(24),
  'maybe-cached x30': maybeCached(30),
  'maybe-cached x3000': maybeCached(3000),
  'singleton x40': singletons(40),
  'singleton x1000': singletons(1000),
  'alias chain x1500': [IMPORT, 'const a0 = createClient();', ...times(1500, (i) => `const a${i + 1} = a${i};`), 'await a1500.connect();'],
  'module alias chain x1500': ["const r0 = require('redis');", ...times(1500, (i) => `const r${i + 1} = r${i};`), 'r1500.createClient();'],
  'doubling module aliases x20': ["const r0 = require('redis');", ...times(20, (i) => `const r${i + 1} = r${i} || r${i};`), 'r20.createClient();'],
  'K x M reads (1000 x 1000)': [
    IMPORT,
    'const g = {};',
    ...times(1000, () => 'g.redis = createClient();'),
    ...times(1000, (i) => `const c${i} = g.redis ?? createClient(); c${i}.on('error', f);`),
  ],
};

/** In the child: lint one file parse-only and with redis/recommended; print the times and reports. */
function lintOne(file) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { Linter } = require('eslint');
  const plugin = require(path.join(ROOT, 'dist', 'index.js'));
  const code = fs.readFileSync(file, 'utf8');
  const lint = (config) => {
    const start = process.hrtime.bigint();
    const messages = new Linter({ configType: 'flat' }).verify(code, [{ languageOptions: { sourceType: 'module' } }, ...config], 'src/app.mjs');
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, messages };
  };
  // The fastest of three rounds (one when a round is slow), so JIT warm-up does not count.
  let parseOnly = lint([]);
  let recommended = lint([plugin.configs.recommended]);
  for (let round = 1; round < 3 && recommended.ms < 5000; round++) {
    const [again, againRecommended] = [lint([]), lint([plugin.configs.recommended])];
    if (again.ms < parseOnly.ms) parseOnly = again;
    if (againRecommended.ms < recommended.ms) recommended = againRecommended;
  }
  const fatal = recommended.messages.find((message) => message.fatal);
  const reports = fatal ? `fatal: ${fatal.message.split('\n')[0]}` : `${recommended.messages.length} reports${unknownBecause(require, code)}`;
  console.log(JSON.stringify({ parse: parseOnly.ms, recommended: recommended.ms, reports }));
}

/** Why the analysis gave up on the file, where the plugin says so (`FileAnalysis.incomplete`). */
function unknownBecause(require, code) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'core', 'budget.js'))) return ''; // a build from before the bounds
  const { analyzeFile } = require(path.join(ROOT, 'dist', 'core', 'analyze.js'));
  const { parseFile } = require(path.join(ROOT, 'dist', 'core', 'parse.js'));
  const analysis = analyzeFile({ ...parseFile(code, 'src/app.mjs'), sourceText: code, clientModules: [] });
  return analysis?.incomplete ? ` (unknown: ${analysis.incomplete})` : '';
}

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-pathological-'));
  const timeout = Number(option('timeout', 120)) * 1000;
  console.log(`plugin: ${ROOT}\n`);
  console.log('| shape | lines | parse-only | redis/recommended | result |\n| --- | ---: | ---: | ---: | --- |');
  try {
    for (const [name, lines] of Object.entries(SHAPES)) {
      const file = path.join(dir, 'shape.mjs');
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--root', ROOT, '--one', file], { encoding: 'utf8', timeout });
      const row = child.status === 0 ? JSON.parse(child.stdout) : undefined;
      const failure = child.error?.code === 'ETIMEDOUT' ? `timed out after ${timeout / 1000} s` : `crashed: ${child.stderr.match(/FATAL ERROR[^\n]*|RangeError[^\n]*/)?.[0] ?? child.status}`;
      const ms = (value) => `${Math.round(value)} ms`;
      console.log(`| ${name} | ${lines.length} | ${row ? ms(row.parse) : '-'} | ${row ? ms(row.recommended) : '-'} | ${row ? row.reports : failure} |`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (argv.includes('--one')) lintOne(option('one'));
else main();
