#!/usr/bin/env node
// Benchmarks for eslint-plugin-redis: lint overhead over parse-only, memory, scaling with file size,
// codemod throughput against a jscodeshift no-op and a plain read loop, and ESLint --cache/--concurrency.
//
//   node bench/run.mjs            full run (a few minutes on 2 cores)
//   node bench/run.mjs --quick    smaller sets and fewer rounds
//   options: --rounds N  --files N  --heavy N  --keep (keep the temp folder)  --skip lint,scaling,codemod,cli
//
// Needs a build (`npm run build`): the plugin and the CLI are loaded from dist/.
// Results: a table on stdout, bench/.results/latest.json and bench/RESULTS.md.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectRealFiles, redisHeavyFile, scalingFile, writeFiles } from './corpus.mjs';
import { ROOT, lintConfig, requireFromRoot } from './lint-config.mjs';

const BENCH = path.join(ROOT, 'bench');
const BIN = path.join(ROOT, 'dist', 'cli', 'bin.js');
const ESLINT_BIN = path.join(path.dirname(requireFromRoot.resolve('eslint/package.json')), 'bin', 'eslint.js');
const JSCODESHIFT_BIN = path.join(ROOT, 'node_modules', '.bin', 'jscodeshift');
const CORES = os.availableParallelism();

// ----------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const QUICK = flag('quick');
const opts = {
  quick: QUICK,
  realFiles: value('files', QUICK ? 1000 : 3200),
  heavyFiles: value('heavy', QUICK ? 150 : 400),
  rounds: value('rounds', QUICK ? 3 : 5),
  codemodRounds: QUICK ? 1 : 2,
  scalingSizes: QUICK ? [1000, 5000, 10000] : [1000, 5000, 10000, 20000],
};
const skip = new Set((argv[argv.indexOf('--skip') + 1] ?? '').split(',').filter(() => flag('skip')));

if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js')) || !fs.existsSync(BIN)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

// ----------------------------------------------------------------------------------------- helpers
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (x) => `${x >= 0 ? '+' : ''}${round(x * 100, 2)}%`;
const mb = (kb) => `${round(kb / 1024, 0)} MB`;
const log = (...args) => console.error('[bench]', ...args);
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
function markdownTable(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const sections = []; // { title, headers, rows, notes[] } for stdout and RESULTS.md
function section(title, headers, rows, notes = []) {
  sections.push({ title, headers, rows, notes });
  console.log(`\n## ${title}\n${table(headers, rows)}`);
  for (const note of notes) console.log(`  ${note}`);
}

// ------------------------------------------------------------------------------------ lint workers
function startWorker(mode, cwd, files) {
  const child = fork(path.join(BENCH, 'lint-worker.mjs'), [mode, cwd], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending;
  child.on('message', (message) => pending?.resolve(message));
  child.on('exit', (code) => {
    if (code !== 0) pending?.reject(new Error(`lint worker (${mode}) exited with ${code}`));
  });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      child.send(message);
    });
  return { mode, ask, ready: ask({ files }), exit: () => child.send('exit') };
}

/**
 * Lints `files` with both configurations, alternating (A B, B A, ...) so drift on a shared machine
 * hits both alike. The first run of each worker is a warm-up and is not counted.
 */
async function compareLint(label, cwd, files, rounds) {
  const modes = ['parse', 'any-rule', 'recommended'];
  const workers = Object.fromEntries(modes.map((mode) => [mode, startWorker(mode, cwd, files)]));
  await Promise.all(Object.values(workers).map((w) => w.ready));
  const warm = {};
  for (const mode of modes) warm[mode] = await workers[mode].ask('run');
  const times = Object.fromEntries(modes.map((mode) => [mode, []]));
  const ratios = { vsParse: [], vsAnyRule: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? modes : [...modes].reverse();
    const got = {};
    for (const mode of order) got[mode] = (await workers[mode].ask('run')).ms;
    for (const mode of modes) times[mode].push(got[mode]);
    ratios.vsParse.push(got.recommended / got.parse - 1);
    ratios.vsAnyRule.push(got.recommended / got['any-rule'] - 1);
    log(
      `${label} round ${r + 1}/${rounds}: parse ${round(got.parse, 0)} ms, any-rule ${round(got['any-rule'], 0)} ms, ` +
        `recommended ${round(got.recommended, 0)} ms (${pct(ratios.vsParse.at(-1))} vs parse)`,
    );
  }
  // Peak memory of the timed rounds: the stats passes after them keep more alive.
  const maxRssKb = {};
  for (const mode of modes) maxRssKb[mode] = (await workers[mode].ask('rss')).maxRssKb;
  const stats = await statsPasses(workers, rounds);
  for (const mode of modes) workers[mode].exit();
  const ms = Object.fromEntries(modes.map((mode) => [mode, median(times[mode])]));
  return {
    label,
    files: warm.parse.files,
    parseFatal: warm.parse.fatal.length,
    messages: warm.recommended.messages - warm.parse.messages,
    parseMs: ms.parse,
    anyRuleMs: ms['any-rule'],
    recommendedMs: ms.recommended,
    overhead: ms.recommended / ms.parse - 1,
    pairedOverhead: median(ratios.vsParse),
    overheadVsAnyRule: ms.recommended / ms['any-rule'] - 1,
    ...stats,
    pairedOverheadVsAnyRule: median(ratios.vsAnyRule),
    times,
    maxRssKb,
    fatalFiles: warm.parse.fatal,
  };
}

/**
 * Passes with ESLint's stats, alternating the two configurations: the plugin's rule time against parse time
 * within each pass, and the same for the three no-op rules. One pass swings by several points on a shared
 * machine (a collection or a preempted slice lands in one rule's timing), so the figure is the median.
 */
async function statsPasses(workers, passes) {
  const plugin = [];
  const noop = [];
  for (let pass = 0; pass < passes; pass++) {
    const order = pass % 2 === 0 ? ['recommended', 'any-rule'] : ['any-rule', 'recommended'];
    for (const mode of order) {
      const stats = await workers[mode].ask('run-stats');
      if (mode === 'recommended') plugin.push(stats);
      else noop.push(stats.noopRulesMs / stats.parseMs);
    }
  }
  const byShare = plugin.map((stats) => ({ stats, share: stats.pluginRulesMs / stats.parseMs })).sort((a, b) => a.share - b.share);
  const middle = byShare[byShare.length >> 1];
  return {
    statsParseMs: middle.stats.parseMs,
    statsPluginRulesMs: middle.stats.pluginRulesMs,
    statsPluginShareOfParse: middle.share,
    statsPluginShareRange: [byShare[0].share, byShare.at(-1).share],
    statsNoopShareOfParse: median(noop),
    statsPluginOwnShareOfParse: middle.share - median(noop),
  };
}

async function parseFailures(cwd, files) {
  const worker = startWorker('parse', cwd, files);
  await worker.ready;
  const result = await worker.ask('run');
  worker.exit();
  return result.fatal;
}

// -------------------------------------------------------------------------------------- the corpus
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: CORES,
  memoryGb: round(os.totalmem() / 2 ** 30, 1),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  eslint: requireFromRoot('eslint/package.json').version,
  date: new Date().toISOString(),
};
log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ESLint ${machine.eslint}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-bench-'));
const realDir = path.join(tmp, 'real');
const heavyDir = path.join(tmp, 'heavy');
const started = nowMs();
const results = { machine, options: opts, startedAt: machine.date };

try {
  const real = collectRealFiles(path.join(ROOT, 'node_modules'), { limit: opts.realFiles });
  let realPaths = writeFiles(realDir, real);
  log(`copied ${real.length} files from node_modules (${round(real.reduce((n, f) => n + f.text.length, 0) / 2 ** 20)} MB) to ${realDir}`);
  const failing = new Set(await parseFailures(tmp, realPaths));
  for (const file of failing) fs.rmSync(file);
  realPaths = realPaths.filter((file) => !failing.has(file));
  const realBytes = realPaths.reduce((n, f) => n + fs.statSync(f).size, 0);
  const realLines = realPaths.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  log(`${failing.size} files do not parse with ESLint's default parsers and were dropped; ${realPaths.length} remain`);
  results.corpus = {
    realFiles: realPaths.length,
    realBytes,
    realLines,
    droppedUnparsable: failing.size,
    byExtension: Object.fromEntries(['.mjs', '.cjs', '.ts'].map((e) => [e, realPaths.filter((f) => f.endsWith(e)).length])),
  };

  const heavy = Array.from({ length: opts.heavyFiles }, (_, i) => redisHeavyFile(i));
  const heavyPaths = writeFiles(heavyDir, heavy);
  results.corpus.heavyFiles = heavyPaths.length;
  results.corpus.heavyLines = heavy.reduce((n, f) => n + f.text.split('\n').length, 0);

  // ------------------------------------------------------------------------------ 1. lint overhead
  if (!skip.has('lint')) {
    const lint = [];
    lint.push(await compareLint('real files (node_modules)', tmp, realPaths, opts.rounds));
    lint.push(await compareLint('redis-heavy (generated)', tmp, heavyPaths, opts.rounds));
    results.lint = lint;
    section(
      `Lint cost: ESLint API, parse + scope analysis vs. redis/recommended (median of ${opts.rounds} alternating rounds)`,
      ['set', 'files', 'parse-only', 'any rule', 'recommended', 'vs parse-only', 'paired', 'vs any rule', 'paired ', 'plugin rules / parse (stats)', '3 no-op rules / parse', 'plugin\'s own', 'reports', 'peak RSS parse', 'peak RSS rec.'],
      lint.map((r) => [
        r.label,
        r.files,
        `${round(r.parseMs, 0)} ms`,
        `${round(r.anyRuleMs, 0)} ms`,
        `${round(r.recommendedMs, 0)} ms`,
        pct(r.overhead),
        pct(r.pairedOverhead),
        pct(r.overheadVsAnyRule),
        pct(r.pairedOverheadVsAnyRule),
        `${round(r.statsPluginRulesMs, 0)} / ${round(r.statsParseMs, 0)} ms = ${pct(r.statsPluginShareOfParse)}`,
        pct(r.statsNoopShareOfParse),
        `${pct(r.statsPluginOwnShareOfParse)} (${pct(r.statsPluginShareRange[0] - r.statsNoopShareOfParse)} to ${pct(r.statsPluginShareRange[1] - r.statsNoopShareOfParse)})`,
        r.messages,
        mb(r.maxRssKb.parse),
        mb(r.maxRssKb.recommended),
      ]),
      [
        'vs parse-only = median(recommended) / median(parse-only) - 1; paired = median of the per-round ratios. Target: < 2% on real files.',
        `plugin rules / parse (stats): ESLint's own timing (stats: true) of the redis/recommended rules vs. parsing, summed over all files in a pass; the middle one of ${opts.rounds} passes, alternating with the no-op rules: the least noisy figure.`,
        '"any rule" = three no-op rules on Program:exit (the baseline the lint-cost target names): what ESLint costs for three rules; "vs any rule" is the plugin\'s own cost.',
        "plugin's own = plugin rules / parse minus 3 no-op rules / parse (ESLint stats, medians; in brackets the lowest and highest pass): what the plugin's code adds beyond ESLint's per-rule cost. Targets: < 2% on real files, < 30% on redis files.",
        `real files: ${results.corpus.realFiles} files, ${round(realBytes / 2 ** 20)} MB, ${realLines} lines (${JSON.stringify(results.corpus.byExtension)}); ${failing.size} unparsable files dropped.`,
        'peak RSS: maxRSS of the child process that ran that configuration, over the timed rounds.',
      ],
    );
    if (lint[0].statsPluginOwnShareOfParse > 0.02) console.log('  !! the plugin\'s own rule code takes more than 2% of parse time on real files (ESLint stats)');
    if (lint[0].overhead > 0.02 && lint[0].pairedOverhead > 0.02) console.log('  !! overhead vs parse-only on real files is above the 2% target');
  }

  // ---------------------------------------------------------------------------------- 2. scaling
  if (!skip.has('scaling')) {
    const { ESLint } = requireFromRoot('eslint');
    const { transformSource } = requireFromRoot(path.join(ROOT, 'dist', 'codemods', 'transform-source.js'));
    const eslint = new ESLint({ cwd: tmp, overrideConfigFile: true, overrideConfig: lintConfig('recommended'), stats: true });
    const rows = [];
    const scaling = [];
    // How many times transformSource lints (parses) a file that needs all three transforms (dist is
    // CommonJS, so wrapping the export counts the calls made through it).
    const lintModule = requireFromRoot(path.join(ROOT, 'dist', 'codemods', 'lint.js'));
    const realLint = lintModule.lintText;
    let parseCalls = 0;
    Object.defineProperty(lintModule, 'lintText', { value: (...args) => (parseCalls++, realLint(...args)), configurable: true });
    transformSource(redisHeavyFile(0).text, path.join(tmp, 'count.mjs'), ['add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy']);
    Object.defineProperty(lintModule, 'lintText', { value: realLint, configurable: true });
    results.codemodParsesPerChangedFile = parseCalls;
    const ALL = ['add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy'];
    for (const kind of ['clients', 'scopes']) {
      for (const size of opts.scalingSizes) {
        const text = scalingFile(size, kind);
        const lines = text.split('\n').length - 1;
        const filePath = path.join(tmp, `scale-${kind}-${size}.mjs`);
        const reps = Math.max(3, Math.round(15000 / size));
        // ESLint's stats time parsing and each rule separately, so the plugin's cost is measured
        // directly instead of as a difference of two noisy totals.
        const lint = async () => {
          const [result] = await eslint.lintText(text, { filePath });
          if (result.messages.some((m) => m.fatal)) throw new Error(`scaling file ${kind}/${size} does not parse`);
          const pass = result.stats.times.passes[0];
          let plugin = 0;
          for (const [ruleId, time] of Object.entries(pass.rules ?? {})) if (ruleId.startsWith('redis/')) plugin += time.total;
          return { parse: pass.parse.total, plugin, total: pass.total, reports: result.messages.length };
        };
        const reports = (await lint()).reports;
        transformSource(text, filePath, ALL);
        const t = { parse: [], plugin: [], total: [], codemod: [] };
        for (let r = 0; r < reps; r++) {
          const got = await lint();
          t.parse.push(got.parse);
          t.plugin.push(got.plugin);
          t.total.push(got.total);
          const start = nowMs();
          transformSource(text, filePath, ALL);
          t.codemod.push(nowMs() - start);
        }
        const entry = {
          kind,
          size,
          lines,
          reps,
          reports,
          parseMs: median(t.parse),
          pluginMs: median(t.plugin),
          recommendedMs: median(t.total),
          codemodMs: median(t.codemod),
        };
        scaling.push(entry);
        log(`scaling ${kind} ${lines} lines: parse ${round(entry.parseMs)} ms, plugin rules ${round(entry.pluginMs)} ms, codemod ${round(entry.codemodMs)} ms`);
      }
    }
    for (const entry of scaling) {
      const base = scaling.find((e) => e.kind === entry.kind && e.size === opts.scalingSizes[0]);
      entry.pluginPerLineUs = (entry.pluginMs / entry.lines) * 1000;
      entry.recommendedPerLineUs = (entry.recommendedMs / entry.lines) * 1000;
      entry.codemodPerLineUs = (entry.codemodMs / entry.lines) * 1000;
      entry.pluginPerLineVsSmallest = entry.pluginPerLineUs / base.pluginPerLineUs;
      entry.recommendedPerLineVsSmallest = entry.recommendedPerLineUs / (base.recommendedPerLineUs);
      entry.codemodPerLineVsSmallest = entry.codemodPerLineUs / base.codemodPerLineUs;
      rows.push([
        `${entry.kind} ${entry.size}`,
        entry.lines,
        entry.reports,
        `${round(entry.parseMs)} ms`,
        `${round(entry.recommendedMs)} ms`,
        `${round(entry.pluginMs)} ms (${pct(entry.pluginMs / entry.parseMs)})`,
        `${round(entry.pluginPerLineUs, 2)} µs`,
        `${round(entry.pluginPerLineVsSmallest, 2)}x`,
        `${round(entry.recommendedPerLineVsSmallest, 2)}x`,
        `${round(entry.codemodMs)} ms`,
        `${round(entry.codemodPerLineVsSmallest, 2)}x`,
      ]);
    }
    const largest = opts.scalingSizes.at(-1);
    const superlinear = scaling.filter((e) => e.size === largest && (e.pluginPerLineVsSmallest > 2 || e.codemodPerLineVsSmallest > 2));
    results.scaling = { entries: scaling, superlinear: superlinear.map((e) => `${e.kind} ${e.size}`) };
    section(
      'Scaling: one synthetic file per size (ESLint lintText with stats; codemod = transformSource with all three transforms)',
      ['file', 'lines', 'reports', 'parse', 'lint total', 'plugin rules (vs parse)', 'plugin/line', 'plugin/line vs 1k', 'total/line vs 1k', 'codemod', 'codemod/line vs 1k'],
      rows,
      [
        '"clients": a client, a duplicate and a cluster every 12 lines; "scopes": 5-line functions with nested scopes, a client every 250 lines.',
        `transformSource parsed a file that all three transforms change ${parseCalls} times (the lint rules share one parse, done by ESLint).`,
        'parse, plugin rules: ESLint\'s stats timings (median of reps); lint total includes ESLint\'s traversal. "vs 1k" = per-line cost relative to the 1k-line file: ~1x is linear.',
        superlinear.length === 0
          ? `No superlinear growth: per-line cost at ${largest} lines stays within 2x of the 1k-line file.`
          : `!! superlinear growth (per-line cost at ${largest} lines > 2x the 1k-line file): ${results.scaling.superlinear.join(', ')}`,
      ],
    );
  }

  // ---------------------------------------------------------------------------------- 3. codemod
  if (!skip.has('codemod')) {
    const readFloor = () => {
      const start = nowMs();
      let bytes = 0;
      for (const file of realPaths) bytes += fs.readFileSync(file).length;
      return { ms: nowMs() - start, bytes };
    };
    const timeProcess = (cmd, args, cwd) => {
      const start = nowMs();
      const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 2 ** 20 });
      const ms = nowMs() - start;
      if (result.error) throw result.error;
      return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const codemod = (dir, workers, { write = false } = {}) => {
      const args = [...(write ? [] : ['--dry']), '--json', '--workers', String(workers), dir];
      const run = timeProcess(process.execPath, [BIN, ...args], write ? dir : tmp);
      let summary;
      try {
        summary = JSON.parse(run.stdout).summary;
      } catch {
        throw new Error(`redis-codemod --json did not print JSON (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
      }
      return { ms: run.ms, summary, status: run.status };
    };
    const jscodeshift = (dir, inBand) => {
      const args = ['-t', path.join(BENCH, 'noop-transform.cjs'), '--dry', '--silent', '--extensions=js,mjs,cjs,ts', '--ignore-pattern=**/node_modules/**'];
      args.push(...(inBand ? ['--run-in-band'] : [`--cpus=${CORES}`]), dir);
      const run = timeProcess(process.execPath, [JSCODESHIFT_BIN, ...args], tmp);
      if (run.status !== 0 && run.status !== null) log(`jscodeshift exited with ${run.status}: ${run.stderr.slice(0, 500)}`);
      return { ms: run.ms };
    };

    // The redis-heavy set as a committed git repository, restored before each write run (untimed).
    const heavyRepo = path.join(tmp, 'heavy-repo');
    fs.cpSync(heavyDir, heavyRepo, { recursive: true });
    const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@bench.invalid', ...args], { cwd: heavyRepo, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'heavy');
    const writeRun = () => {
      git('checkout', '-q', '--', '.');
      return codemod(heavyRepo, 1, { write: true });
    };

    readFloor();
    const startup = median(Array.from({ length: 5 }, () => timeProcess(process.execPath, [BIN, '--version'], tmp).ms));
    const variants = [
      ['plain read of every file (in-process loop)', () => readFloor()],
      ['plain read of every file (node process: walk + read)', () => timeProcess(process.execPath, [path.join(BENCH, 'read-floor.mjs'), realDir], tmp)],
      ['redis-codemod --dry --json --workers 1', () => codemod(realDir, 1)],
      [`redis-codemod --dry --json --workers ${CORES}`, () => codemod(realDir, CORES)],
      ['jscodeshift no-op --run-in-band', () => jscodeshift(realDir, true)],
      [`jscodeshift no-op --cpus=${CORES}`, () => jscodeshift(realDir, false)],
      ['redis-heavy: redis-codemod --dry --json --workers 1', () => codemod(heavyDir, 1)],
      [`redis-heavy: redis-codemod --dry --json --workers ${CORES}`, () => codemod(heavyDir, CORES)],
      ['redis-heavy: jscodeshift no-op --run-in-band', () => jscodeshift(heavyDir, true)],
      ['redis-heavy, a git repository: redis-codemod --json --workers 1 (writes)', writeRun],
    ];
    const timings = variants.map(() => []);
    const extra = variants.map(() => undefined);
    for (let r = 0; r < opts.codemodRounds; r++) {
      const order = variants.map((_, i) => i);
      if (r % 2 === 1) order.reverse();
      for (const i of order) {
        const out = variants[i][1]();
        timings[i].push(out.ms);
        extra[i] = out.summary ?? extra[i];
        log(`${variants[i][0]}: ${round(out.ms, 0)} ms`);
      }
    }
    const heavyIndex = (i) => variants[i][0].startsWith('redis-heavy');
    results.codemod = { processStartupMs: startup, runs: [] };
    const codemodRows = [];
    variants.forEach(([label], i) => {
      const ms = median(timings[i]);
      const files = heavyIndex(i) ? heavyPaths.length : realPaths.length;
      const entry = { label, ms, files, filesPerSecond: files / (ms / 1000), summary: extra[i] };
      results.codemod.runs.push(entry);
      const s = extra[i];
      codemodRows.push([
        label,
        files,
        `${round(ms, 0)} ms`,
        round(entry.filesPerSecond, 0),
        s ? `${s.changed} ${label.endsWith('(writes)') ? 'changed' : 'would change'}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.errors} errors` : '',
      ]);
    });
    const runs = results.codemod.runs;
    const noRedisShare = results.corpus.realFiles;
    section(
      `Codemod cost (wall clock per command incl. process start, median of ${opts.codemodRounds})`,
      ['command', 'files', 'time', 'files/s', 'codemod summary'],
      codemodRows,
      [
        `node + CLI startup alone (redis-codemod --version): ${round(startup, 0)} ms.`,
        `redis-codemod --workers 1 over the real tree: ${round(runs[2].ms / runs[4].ms, 2)}x the time of a jscodeshift no-op in band, ${round(runs[2].ms / runs[1].ms, 2)}x a node process that only walks and reads the files (the CLI's own start is ${round(startup, 0)} ms of it; files that mention "redis", e.g. node-redis's own sources, are parsed).`,
        `--workers ${CORES} vs --workers 1 on the real tree: ${round(runs[2].ms / runs[3].ms, 2)}x the speed (each worker thread loads the parser again).`,
        `redis-heavy set: redis-codemod --workers 1 takes ${round(runs[6].ms / runs[8].ms, 2)}x a jscodeshift no-op (which parses each file once).`,
        `Writing the redis-heavy set takes ${round(runs[9].ms / runs[6].ms, 2)}x the --dry run: the preview before writing keeps each changed file's new text, so nothing is transformed twice.`,
        `Real tree: ${noRedisShare} files, almost none of which import node-redis, so mayUseRedis() should keep the CLI near the read floor.`,
      ],
    );
  }

  // ------------------------------------------------------------------------------ 4. ESLint CLI
  if (!skip.has('cli')) {
    const configFile = path.join(tmp, 'eslint.config.mjs');
    fs.writeFileSync(
      configFile,
      `import { createRequire } from 'node:module';\nconst require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});\n` +
        `const redis = require(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))});\n` +
        `const tsParser = require('@typescript-eslint/parser');\n` +
        `export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, redis.configs.recommended];\n`,
    );
    const cacheLocation = path.join(tmp, 'eslint-cache');
    const eslintRun = (extraArgs) => {
      const start = nowMs();
      const run = spawnSync(process.execPath, [ESLINT_BIN, '--config', configFile, '--format', 'json', ...extraArgs, 'heavy'], {
        cwd: tmp,
        encoding: 'utf8',
        maxBuffer: 512 * 2 ** 20,
      });
      const ms = nowMs() - start;
      if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
      const messages = JSON.parse(run.stdout).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column}:${m.ruleId}`));
      return { ms, messages: messages.sort().join('\n'), count: messages.length };
    };
    fs.rmSync(cacheLocation, { force: true });
    const eslintRuns = [
      ['--concurrency off', eslintRun(['--concurrency', 'off'])],
      ['--concurrency 2', eslintRun(['--concurrency', '2'])],
      ['--cache (cold)', eslintRun(['--cache', '--cache-location', cacheLocation])],
      ['--cache (warm)', eslintRun(['--cache', '--cache-location', cacheLocation])],
    ];
    const reference = eslintRuns[0][1].messages;
    results.eslintCli = eslintRuns.map(([label, run]) => ({ label, ms: run.ms, reports: run.count, sameAsOff: run.messages === reference }));
    section(
      `ESLint CLI on the redis-heavy set (${heavyPaths.length} files), one run each`,
      ['eslint', 'time', 'reports', 'same results'],
      results.eslintCli.map((r) => [r.label, `${round(r.ms, 0)} ms`, r.reports, r.sameAsOff ? 'yes' : 'NO']),
    );
  }
} finally {
  if (flag('keep')) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------------------ output
results.totalSeconds = round((nowMs() - started) / 1000, 0);
let gitRev = 'unknown';
try {
  gitRev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
results.gitRev = gitRev;
fs.mkdirSync(path.join(BENCH, '.results'), { recursive: true });
fs.writeFileSync(path.join(BENCH, '.results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
const md = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench${QUICK ? ' -- --quick' : ''}\` (bench/run.mjs) on ${machine.date.slice(0, 10)}, git ${gitRev}; total ${results.totalSeconds} s.`,
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.platform}, Node ${machine.node}, ESLint ${machine.eslint}. ` +
    'The machine is shared and noisy: compare the ratios measured side by side, not absolute times across runs.',
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', markdownTable(s.headers, s.rows), '', ...s.notes.map((n) => `- ${n}`), '']),
].join('\n');
// Sections measured by other scripts (bench/pool.mjs) are written by hand below this marker, and kept.
const KEPT = '<!-- measured by other scripts: kept by bench/run.mjs -->';
const previous = fs.existsSync(path.join(BENCH, 'RESULTS.md')) ? fs.readFileSync(path.join(BENCH, 'RESULTS.md'), 'utf8') : '';
const kept = previous.includes(KEPT) ? previous.slice(previous.indexOf(KEPT)) : '';
fs.writeFileSync(path.join(BENCH, 'RESULTS.md'), kept ? `${md}\n${kept}` : md);
console.log(`\nWrote bench/.results/latest.json and bench/RESULTS.md (${results.totalSeconds} s).`);
