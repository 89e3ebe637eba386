// One fuzzing run: fast-check draws `runs` cases from the seed, the pool checks them (in parallel,
// each under a time limit), the CLI runs over all of them in batches, and the first cases of each kind
// of failure are shrunk and written as findings.
import { caseArbitrary, fc } from './arbitraries.mjs';
import { buildCase } from './cases.mjs';
import { checkCli } from './cli-check.mjs';
import { writeFinding } from './findings.mjs';
import { INVARIANTS, TIMED } from './invariants.mjs';
import { CasePool } from './pool.mjs';
import { normalizeResult, runStats, tally } from './results.mjs';
import { loadSeeds } from './seeds.mjs';
import { shrinkCase } from './shrink.mjs';

const CLI_INVARIANTS = new Set(['cli-dies', 'cli-file-error']);

/**
 * @param {{ runs: number, seed: number, workers?: number, timeoutMs?: number, cli?: boolean,
 *           cliBatchSize?: number, shrink?: boolean, shrinkKinds?: number, shrinkTimeMs?: number,
 *           findingsDir?: string, log?: (line: string) => void }} options
 */
export async function runCampaign(options) {
  const { runs, seed, workers = 1, timeoutMs = 20_000, cli = true, log = () => {} } = options;
  const started = performance.now();
  const arbitrary = caseArbitrary(loadSeeds().length);
  const records = fc.sample(arbitrary, { seed, numRuns: runs });
  const pool = new CasePool({ size: workers, timeoutMs });
  await pool.start();
  try {
    const results = await checkAll(pool, records, { ...options, cli, log });
    const counts = tally(results);
    options.onChecked?.({ counts, stats: runStats(results), findings: [], seconds: (performance.now() - started) / 1000 });
    const context = { ...options, arbitrary, pool, records, results, counts };
    const findings = await collectFindings(context);
    return { counts, stats: runStats(results), findings, results, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.close();
  }
}

/**
 * Checks every record in the pool. The CLI runs over each batch of finished cases while the pool goes
 * on; every 500 cases the figures so far go to `progress`.
 */
async function checkAll(pool, records, { cli, cliBatchSize = 500, log, progress }) {
  const results = new Array(records.length);
  const finished = [];
  let cliQueue = Promise.resolve();
  let pending = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    cliQueue = cliQueue.then(() => addCliFailures(results, records, batch, cliBatchSize, log));
  };
  await Promise.all(
    records.map(async (record, index) => {
      results[index] = normalizeResult(await pool.run(record));
      finished.push(results[index]);
      for (const failure of results[index].failures) log(`case ${index}: ${failure.invariant} [${failure.kind}]`, 'detail');
      if (cli) pending.push(index);
      if (cli && pending.length >= cliBatchSize) flush();
      if (finished.length % 500 === 0) {
        log(`${finished.length}/${records.length} cases checked`);
        progress?.({ counts: tally(finished), stats: runStats(finished) });
      }
    }),
  );
  if (cli && pending.length > 0) flush();
  await cliQueue;
  return results;
}

/**
 * The CLI runs with its default options; a case with its own (a handler, a timeout) is compared with
 * transformSource only for dying, not for what it changed.
 */
function cliItem(result, index, record) {
  const { built, failures, stats } = result;
  if (!built || built.invalid) return undefined;
  const codemodFailed = failures.some((f) => f.invariant === 'codemod-crash' || f.invariant === 'codemod-parse');
  const defaultOptions = Object.keys(record?.options ?? {}).length === 0;
  return { index, text: built.text, filename: built.filename, codemodOk: !codemodFailed && !stats.tooDeep && defaultOptions, changed: Boolean(stats.changed) };
}

async function addCliFailures(results, records, indexes, batchSize, log) {
  const items = indexes.map((index) => cliItem(results[index], index, records[index])).filter(Boolean);
  const { failures } = await checkCli(items, { batchSize });
  for (const [index, list] of failures) results[index].failures.push(...list);
  log(`CLI: ${items.length} more files checked`);
}

/**
 * Runs `record` again: the failure of `target.invariant` (same kind, unless the invariant is timed) and
 * the built case, or undefined when it no longer fails that way.
 */
async function reproduce({ pool }, target, record) {
  const result = normalizeResult(await pool.run(record));
  if (CLI_INVARIANTS.has(target.invariant)) {
    const item = cliItem(result, 0, record);
    if (!item) return undefined;
    result.failures.push(...((await checkCli([item])).failures.get(0) ?? []));
  }
  const failure = result.failures.find((f) => f.invariant === target.invariant && (TIMED.has(f.invariant) || f.kind === target.kind));
  return failure && { failure, built: result.built };
}

/** The kinds to write findings for: the most frequent `shrinkKinds` of each invariant. */
function targets(counts, shrinkKinds) {
  return INVARIANTS.flatMap(({ id }) =>
    [...(counts.get(id)?.kinds ?? [])]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, shrinkKinds)
      .map(([kind, { first }]) => ({ invariant: id, kind, index: first })),
  );
}

function unshrunk({ records, results, seed, runs }, target) {
  const { built, failures } = results[target.index];
  const failure = failures.find((f) => f.invariant === target.invariant && f.kind === target.kind);
  return { ...target, record: records[target.index], path: String(target.index), shrinks: 0, built, failure, seed, runs };
}

async function shrunk(context, target) {
  const { arbitrary, seed, runs, shrinkTimeMs = 60_000, log = () => {} } = context;
  const fallback = unshrunk(context, target);
  const found = await shrinkCase({
    arbitrary,
    seed,
    runs,
    index: target.index,
    timeLimitMs: shrinkTimeMs,
    reproduces: async (record) => Boolean(await reproduce(context, target, record)),
  });
  const again = found && (await reproduce(context, target, found.record));
  if (!again) return fallback;
  log(`shrank ${target.invariant} [${target.kind}] in ${found.shrinks} steps`);
  return { ...fallback, ...found, ...again };
}

async function collectFindings(context) {
  const findings = [];
  for (const target of targets(context.counts, context.shrinkKinds ?? 2)) {
    const finding = context.shrink === false ? unshrunk(context, target) : await shrunk(context, target);
    // A case past the time limit comes back without its file: it is built again here, without checking it.
    finding.built ??= buildCase(finding.record, loadSeeds());
    if (context.findingsDir) finding.file = writeFinding(context.findingsDir, finding);
    findings.push(finding);
  }
  return findings;
}
