#!/usr/bin/env node
// `npm run demo`: lint the bundled example app (examples/) with `redis/recommended` and show what
// `redis-codemod` would change, as a unified diff. Writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = 'examples';
const pluginEntry = path.join(repoRoot, 'dist', 'index.js');
const codemodBin = path.join(repoRoot, 'dist', 'cli', 'bin.js');

if (!existsSync(pluginEntry) || !existsSync(codemodBin)) {
  console.error('demo: dist/ is missing or incomplete; run `npm run build` first.');
  process.exit(1);
}

const require = createRequire(import.meta.url);
const plugin = require(pluginEntry);
const tsParser = require('@typescript-eslint/parser');
const { ESLint } = require('eslint');

function heading(title) {
  const rule = '='.repeat(Math.max(title.length, 72));
  console.log(`\n${rule}\n${title}\n${rule}\n`);
}

// 1. Lint --------------------------------------------------------------------------------------
heading(`1. ESLint with redis/recommended on ${examplesDir}/`);
console.log(`Rules: ${Object.keys(plugin.configs.recommended.rules ?? {}).join(', ') || '(none)'}`);

// The repo's own eslint.config.mjs ignores examples/, so it is not loaded: the config is built here,
// the way a user of the plugin would write it.
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'] },
    { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
  ],
});
const results = await eslint.lintFiles([examplesDir]);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
const clean = results.filter((r) => r.messages.length === 0).map((r) => path.relative(repoRoot, r.filePath));
console.log(report.trim() === '' ? '\nNo problems found.' : report);
console.log(`Linted ${results.length} files; without findings: ${clean.join(', ') || '(none)'}`);

// 2. Codemod ----------------------------------------------------------------------------------
heading(`2. redis-codemod --diff ${examplesDir}/ (nothing is written)`);
const codemod = spawnSync(process.execPath, [codemodBin, '--diff', examplesDir], {
  cwd: repoRoot,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 120_000,
});
if (codemod.error) {
  console.error(`demo: could not run redis-codemod: ${codemod.error.message}`);
  process.exit(1);
}
process.stdout.write(codemod.stdout);
if (codemod.stderr) process.stderr.write(codemod.stderr);
// --diff exits 0, or 1 when it found something to change; anything else is a failure.
if (codemod.status !== 0 && codemod.status !== 1) {
  console.error(`demo: redis-codemod exited with ${codemod.status ?? codemod.signal}`);
  process.exit(1);
}
if (codemod.stdout.trim() === '') console.log('(no changes)');

heading('Done: apply the changes with `npx redis-codemod examples/`.');
