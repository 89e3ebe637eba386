#!/usr/bin/env node
// Scores the rules against the hand-labelled corpus in ../shared/corpus (when it exists): precision and
// recall per rule, and for require-error-listener under both escape policies. Each corpus file is linted
// as if it lay beside a package.json declaring its repository's node-redis version (labels-lifecycle.json),
// laid out in a temporary directory; the corpus itself is never written. The codemod runs on a copy.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/index.js';
import { emptyScore, printScores, scoreReports } from './score-labels.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpusDir = process.env.REDIS_CORPUS_DIR ?? path.resolve(root, '../shared/corpus');
const labelsPath = path.join(corpusDir, 'labels.json');
if (!existsSync(labelsPath)) {
  console.log(`eval:corpus: no corpus at ${corpusDir} (set REDIS_CORPUS_DIR); nothing to score.`);
  process.exit(0);
}

const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const files = [...new Set(labels.map((label) => label.file))];
const linter = new Linter({ configType: 'flat' });

// ---- each file beside its repository's package.json ------------------------------------------------

const lifecyclePath = path.join(corpusDir, 'labels-lifecycle.json');
const lifecycle = existsSync(lifecyclePath) ? JSON.parse(readFileSync(lifecyclePath, 'utf8')) : [];
const declarations = new Map(lifecycle.filter((entry) => entry.kind === 'file').map((entry) => [entry.file, entry]));
const layoutDir = mkdtempSync(path.join(os.tmpdir(), 'redis-corpus-layout-'));
process.on('exit', () => rmSync(layoutDir, { recursive: true, force: true }));

/** The dependency sections a package.json needs to declare what the repository declared (aliases as npm: specs). */
function packageJsonFor(declaration, override) {
  if (override) return { dependencies: { redis: override } };
  if (!declaration) return { name: 'undeclared' };
  if (declaration.declaredRedisBySection) return declaration.declaredRedisBySection;
  const { aliases = [], ...modules } = declaration.declaredRedis ?? {};
  for (const { alias, spec } of aliases) modules[alias] = spec;
  return { dependencies: modules };
}

let laidOut = 0;
/** Copies `file` into a directory of its own beside a package.json; `override` replaces the declared range. */
function layOut(file, override) {
  const dir = path.join(layoutDir, String(++laidOut));
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJsonFor(declarations.get(file), override)));
  const target = path.join(dir, path.basename(file));
  cpSync(path.join(path.dirname(corpusDir), file), target);
  return target;
}

const layouts = new Map();
function laidOutPath(file, override) {
  const key = `${file}\0${override ?? ''}`;
  if (!layouts.has(key)) layouts.set(key, layOut(file, override));
  return layouts.get(key);
}

function lint(file, ruleOptions, { baseDir, override } = {}) {
  const filename = baseDir ? path.join(baseDir, file) : laidOutPath(file, override);
  const code = readFileSync(filename, 'utf8');
  const config = [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
    {
      plugins: { redis: plugin },
      languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
      rules: {
        'redis/require-error-listener': ['error', ruleOptions.errorListener ?? {}],
        'redis/no-disabled-reconnect': 'error',
        'redis/require-connect-timeout': 'error',
        'redis/no-legacy-options': 'error',
      },
    },
  ];
  // Lint under the corpus's own relative path so test-file patterns see the original name.
  const messages = linter.verify(code, config, { filename: path.resolve(root, file), physicalFilename: filename });
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length > 0) console.warn(`  parse error in ${file}: ${fatal[0].message}`);
  return messages.filter((message) => !message.fatal);
}

const isNodeRedis = (label) => label.client === 'node-redis' && label.directCall !== false;
const isLegacy = (label) => label.apiStyle.startsWith('legacy');
const isDuplicate = (label) => /duplicate/.test(label.factory);

/** What each rule should say about a labelled call: true (report), false (stay silent) or undefined (unknown). */
const expectations = {
  'require-error-listener': (label) =>
    !isNodeRedis(label) ? false : label.hasErrorListener === 'unknown' ? undefined : label.hasErrorListener === false,
  'require-connect-timeout': (label) =>
    !isNodeRedis(label) || isLegacy(label) || isDuplicate(label)
      ? false
      : label.hasConnectTimeout === 'unknown'
        ? undefined
        : label.hasConnectTimeout === false,
  'no-disabled-reconnect': (label) => isNodeRedis(label) && label.reconnectStrategyFalse === true && !label.isTestFile,
};

function atCall(label, message) {
  const { line, column } = label.callee ?? label;
  return (message.line === line && message.column === column) || (message.line === label.line && message.column === label.column);
}

/**
 * Reports are matched to the labelled call: at its callee, or (reconnect, reported at the option) the call
 * whose options hold it: the innermost labelled call around it, else the next one below (an options
 * constant is declared before its call).
 */
function matches(ruleId, label, message, fileLabels, file) {
  if (ruleId !== 'redis/no-disabled-reconnect') return atCall(label, message);
  return owningLabel(message, fileLabels, callNodes(file)) === label;
}

function score(ruleOptions) {
  const results = {};
  for (const rule of Object.keys(expectations)) results[rule] = emptyScore();
  for (const file of files) {
    const messages = lint(file, ruleOptions);
    const fileLabels = labels.filter((label) => label.file === file);
    for (const [rule, expect] of Object.entries(expectations)) {
      const ruleId = `redis/${rule}`;
      scoreReports(results[rule], {
        file,
        labels: fileLabels,
        reports: messages.filter((message) => message.ruleId === ruleId),
        expect,
        at: (label, message) => matches(ruleId, label, message, fileLabels, file),
        describe: () => '',
      });
    }
  }
  return results;
}

// ---- no-legacy-options against `legacyOptions` of the lifecycle labels --------------------------------

const lifecycleCalls = lifecycle.filter((entry) => entry.kind === 'call');

const callNodesCache = new Map();
/** The call and new expressions of a corpus file, to tell which labelled call a report belongs to. */
function callNodes(file) {
  if (!callNodesCache.has(file)) callNodesCache.set(file, parseCallNodes(file));
  return callNodesCache.get(file);
}

function parseCallNodes(file) {
  const code = readFileSync(path.join(path.dirname(corpusDir), file), 'utf8');
  const calls = [];
  const visit = (node) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') calls.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child);
    }
  };
  visit(parse(code, { jsx: !/\.[cm]?ts$/.test(file), loc: true, range: true }));
  return calls;
}

const position = ({ line, column }) => line * 1e6 + column;

/**
 * The labelled call a report at `message` belongs to: the innermost one whose source contains it, or
 * else the next one below it (an options constant is declared before its call).
 */
function owningLabel(message, fileLabels, nodes) {
  const at = position({ line: message.line, column: message.column - 1 });
  const spans = fileLabels.flatMap((label) => {
    const node = nodes.find((call) => call.callee.loc.start.line === label.callee.line && call.callee.loc.start.column + 1 === label.callee.column);
    return node ? [{ label, start: position(node.loc.start), end: position(node.loc.end) }] : [];
  });
  const containing = spans.filter((span) => span.start <= at && at <= span.end).sort((a, b) => a.start - b.start - (a.end - b.end)).pop();
  return (containing ?? spans.filter((span) => span.start > at).sort((a, b) => a.start - b.start)[0])?.label;
}

function majorOf(entry, override) {
  if (override) return Number.parseInt(override.replace(/^\D*/, ''), 10);
  return entry.effectiveMajor ?? declarations.get(entry.file)?.declaredMajor ?? null;
}

function scoreLegacyOptions(override) {
  const r = { tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0, unknownReported: 0, stray: [] };
  for (const file of [...new Set(lifecycleCalls.map((entry) => entry.file))]) {
    const fileLabels = lifecycleCalls.filter((entry) => entry.file === file);
    const nodes = callNodes(file);
    const reports = lint(file, {}, { override }).filter((message) => message.ruleId === 'redis/no-legacy-options');
    const reportedLabels = new Set();
    for (const message of reports) {
      const label = owningLabel(message, fileLabels, nodes);
      if (label) reportedLabels.add(label);
      else {
        r.fp++;
        r.stray.push(`unlabelled report ${file}:${message.line}:${message.column} ${message.message}`);
      }
    }
    for (const label of fileLabels) {
      const expected = majorOf(label, override) >= 4 && label.legacyOptions.length > 0;
      const reported = reportedLabels.has(label);
      if (expected && reported) r.tp++;
      else if (expected) {
        r.fn++;
        r.stray.push(`missed ${file}:${label.line} (${label.legacyOptions.join(', ')}${label.legacyOptionsVisible ? '' : '; not visible in the excerpt'})`);
      } else if (reported) {
        r.fp++;
        r.stray.push(`false alarm ${file}:${label.line}`);
      } else r.tn++;
    }
  }
  return r;
}

console.log(`eval:corpus: ${labels.length} labelled calls in ${files.length} files (${corpusDir})`);
printScores("Policy 'report' (default): clients that leave the file are still checked", score({}));
printScores("Policy 'ignore': clients that leave the file are not checked", score({ errorListener: { escapedClients: 'ignore' } }));
if (declarations.size > 0) {
  // The bar: neither socket rule reports anything in a project that declares node-redis v2/v3.
  const v3Files = files.filter((file) => (declarations.get(file)?.declaredMajor ?? 4) < 4);
  const socketReports = v3Files.flatMap((file) =>
    lint(file, {}).filter((message) => message.ruleId === 'redis/require-connect-timeout' || message.ruleId === 'redis/no-disabled-reconnect'),
  );
  console.log(`\nsocket-rule reports in the ${v3Files.length} files of v2/v3 projects: ${socketReports.length} (must be 0)`);
}
if (lifecycleCalls.length > 0) {
  printScores(`no-legacy-options against legacyOptions (${lifecycleCalls.length} labelled calls, each repository's declared version)`, {
    'no-legacy-options': scoreLegacyOptions(),
  });
  // The corpus's v4+ code has no legacy options, so recall is also measured on the v2/v3 code as it would
  // stand after a dependency bump to redis 4.6 without a code change.
  printScores('no-legacy-options if every repository declared redis ^4.6.0 (the v2/v3 code left as it is)', {
    'no-legacy-options': scoreLegacyOptions('^4.6.0'),
  });
}
(await import('./eval-lifecycle.mjs')).scoreLifecycle({ corpusDir, plugin });

// ---- the codemod over a copy of the corpus -------------------------------------------------------

const bin = path.join(root, 'dist/cli/bin.js');

function runCodemod(directory) {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [bin, '--json', '--allow-outside-git', directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    stdout = error.stdout;
  }
  return JSON.parse(stdout);
}

function makeWritable(directory) {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    chmodSync(full, statSync(full).isDirectory() ? 0o755 : 0o644);
    if (statSync(full).isDirectory()) makeWritable(full);
  }
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'redis-corpus-'));
try {
  const copy = path.join(workDir, 'corpus');
  cpSync(corpusDir, copy, { recursive: true });
  makeWritable(copy);
  const first = runCodemod(copy);
  const changed = first.files.filter((file) => file.status === 'changed');
  let parsing = 0;
  for (const file of changed) {
    try {
      const absolute = path.resolve(file.path);
      parse(readFileSync(absolute, 'utf8'), { jsx: !/\.[cm]?ts$/.test(absolute), range: true });
      parsing++;
    } catch (error) {
      console.log(`  output does not parse: ${file.path}: ${error.message}`);
    }
  }
  let reportsLeft = 0;
  for (const file of files) {
    // Only the plugin's reports: a corpus file's own directives (`eslint-disable no-console`, rules of plugins
    // not loaded here) give ESLint messages of their own.
    for (const message of lint(file, {}, { baseDir: workDir }).filter((message) => message.ruleId?.startsWith('redis/'))) {
      reportsLeft++;
      console.log(`  left: ${file}:${message.line}:${message.column} ${message.ruleId}`);
    }
  }
  const second = runCodemod(copy);
  const skippedSites = first.files.reduce((count, file) => count + file.skipped.length, 0);
  console.log('\nredis-codemod over a copy of the corpus');
  console.log(`  files scanned ${first.summary.scanned}, changed ${changed.length}, errors ${first.summary.errors}, sites skipped ${skippedSites}`);
  console.log(`  changed outputs that parse ${parsing}/${changed.length}`);
  console.log(`  lint reports left after the codemod ${reportsLeft}`);
  console.log(`  files changed by a second run ${second.summary.changed} (must be 0)`);
  if (parsing !== changed.length || second.summary.changed !== 0 || first.summary.errors !== 0) process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
