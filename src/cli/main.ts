/** `redis-codemod`'s run: options, files, the work and the report. See `redis-codemod --help`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { InvalidOptionError } from '../codemods/api';
import { resolveCodemodOptions } from '../codemods/options';
import { HELP, UsageError, parseArgs, type CliOptions } from './args';
import { NOT_IN_GIT, checkTargetPath, discover, type Entry } from './discover';
import { findGitRoot, findUncommittedChanges, gitPath } from './git';
import { EXIT_CODES, watchSignals, type Interruption } from './interrupt';
import { defaultMemoryMb, defaultTimeoutSeconds, formatSize, outOfMemoryReason, outOfTimeReason, tooLargeReason } from './limits';
import { processAll } from './pool';
import { writeHeld, type FileEntry, type FileReport, type ProcessConfig } from './process-file';
import { quoteName } from './quote';
import {
  displayPath,
  formatData,
  formatEpilogue,
  formatFile,
  formatJson,
  formatPreamble,
  formatSummary,
  summarize,
  type RunContext,
} from './report';
import { cleanLeftoverTempFiles } from './temp-files';
import type { ThreadLimits } from './threads';

export const NAME = 'redis-codemod';

function usageError(message: string): number {
  process.stderr.write(`${NAME}: ${message}\nRun '${NAME} --help' for usage.\n`);
  return 2;
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The options of a run; or, after printing help, the version or a usage error, the exit code. */
function parse(argv: readonly string[]): CliOptions | number {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (parsed.kind === 'run') return parsed.options;
  process.stdout.write(parsed.kind === 'help' ? HELP : `${version()}\n`);
  return 0;
}

/** Problems that must stop the run before any file is touched; returns a usage error or undefined. */
function checkBeforeRun(options: CliOptions, cwd: string): string | undefined {
  try {
    // The handler and the node-redis version, checked as every file will read them.
    resolveCodemodOptions(options.codemod);
  } catch (error) {
    if (!(error instanceof InvalidOptionError)) throw error;
    return error.message;
  }
  for (const p of options.paths) {
    const problem = checkTargetPath(path.resolve(cwd, p), quoteName(p));
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The work trees of the files a run would write: root → their paths in it. */
function treesOf(files: readonly string[]): Map<string, string[]> {
  const trees = new Map<string, string[]>();
  for (const file of files) {
    const root = findGitRoot(path.dirname(file));
    if (root !== undefined) trees.set(root, [...(trees.get(root) ?? []), gitPath(root, file)]);
  }
  return trees;
}

function refuseDirtyTree(trees: ReadonlyMap<string, readonly string[]>, cwd: string): boolean {
  const dirty = findUncommittedChanges(trees);
  if (dirty.length === 0) return false;
  const lines = [`${NAME}: refusing to write: files it would change have changes git has not staged:`];
  for (const tree of dirty) {
    lines.push(`  in ${displayPath(cwd, tree.root)}:`, ...tree.lines.map((l) => `    ${l}`));
  }
  lines.push(
    'Stage (git add), commit or stash them first, so that the codemod\'s changes can be reviewed and undone',
    'with git; or preview with --dry, --diff or --check; or pass --force to write anyway.',
  );
  process.stderr.write(`${lines.join('\n')}\n`);
  return true;
}

function progressReporter(enabled: boolean): { update: (done: number, total: number) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (!enabled || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${NAME}: ${done}/${total} files`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function processConfig(options: CliOptions, cwd: string): ProcessConfig {
  return {
    transforms: options.transforms,
    codemod: options.codemod,
    write: !options.dry,
    print: options.print,
    diff: options.diff,
    cwd,
    maxFileSize: options.maxFileSize,
    allowOutsideGit: options.allowOutsideGit,
    overrideReadOnly: options.force,
  };
}

function threadLimits(options: CliOptions): ThreadLimits {
  return {
    memoryMb: options.maxMemory ?? defaultMemoryMb(options.maxFileSize),
    timeoutMs: 1000 * (options.fileTimeout ?? defaultTimeoutSeconds(options.maxFileSize)),
  };
}

/** Skip reason → what to do about it, printed once after the summary when the reason occurred. */
function hints(options: CliOptions, limits: ThreadLimits): Map<string, string> {
  const outsideGit = 'files git cannot show a change to were not written; --allow-outside-git writes them';
  return new Map([
    [tooLargeReason(options.maxFileSize), `to process files larger than ${formatSize(options.maxFileSize)}, raise --max-file-size`],
    [outOfMemoryReason(limits.memoryMb), `to process files that ran out of memory, raise --max-memory`],
    [outOfTimeReason(limits.timeoutMs), `to process files that took longer than ${limits.timeoutMs / 1000} s, raise --file-timeout`],
    ...Object.values(NOT_IN_GIT).map((reason): [string, string] => [reason, outsideGit]),
  ]);
}

/** Runs `redis-codemod` with these arguments in the folder `cwd`; resolves to the exit code. */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const options = parse(argv);
  if (typeof options === 'number') return options;
  const problem = checkBeforeRun(options, cwd);
  if (problem !== undefined) return usageError(problem);

  const interruption = watchSignals();
  const discovery = discover(options.paths.map((p) => path.resolve(cwd, p)));
  const files = discovery.entries.flatMap((e) => (e.kind === 'file' ? [e] : []));
  const context: RunContext = {
    cwd,
    mode: options.check ? 'check' : options.dry ? 'dry-run' : 'write',
    leftoverTempFiles: cleanLeftoverTempFiles(new Set(files.map((f) => path.dirname(f.realPath))), !options.dry),
    notes: discovery.gitFailures.map(
      ({ root, error }) => `git could not list the files in ${displayPath(cwd, root)} (${error}); they count as outside git`,
    ),
  };
  const limits = threadLimits(options);
  const progress = progressReporter(Boolean(process.stderr.isTTY) && !options.json);
  const run: Run = (list, config) =>
    processAll(list, config, { workers: options.workers ?? defaultWorkerCount(), limits, signal: interruption.signal, onProgress: progress.update });
  const config = processConfig(options, cwd);
  // Only the files the run would change must be safe in git: first find them, then write them.
  const refuse = (changing: readonly FileEntry[]) => refuseDirtyTree(treesOf(changing.map((file) => file.realPath)), cwd);
  const processed = config.write && !options.force ? await previewThenWrite(files, config, run, refuse, interruption.signal) : await run(files, config);
  progress.clear();
  if (processed === 'refused') {
    process.stderr.write(formatPreamble(context).map((line) => `${line}\n`).join(''));
    return 2;
  }
  return output(discovery.entries, processed, options, { ...context, hints: hints(options, limits), argv }, interruption);
}

type Run = (files: readonly FileEntry[], config: ProcessConfig) => Promise<(FileReport | undefined)[]>;

/**
 * Transforms every file without writing, asks `refuse` about the ones that would change, then writes
 * those: each with the text its preview held, or, past the pool's budget for held text, transformed again.
 */
async function previewThenWrite(
  files: readonly FileEntry[],
  config: ProcessConfig,
  run: Run,
  refuse: (changing: readonly FileEntry[]) => boolean,
  signal: AbortSignal,
): Promise<(FileReport | undefined)[] | 'refused'> {
  const preview = await run(files, { ...config, write: false, hold: true });
  const changing = files.flatMap((_, index) => (preview[index]?.status === 'changed' ? [index] : []));
  if (!signal.aborted && refuse(changing.map((index) => files[index]!))) return 'refused';
  const reports = [...preview];
  const again = changing.filter((index) => !preview[index]!.held);
  const rerun = await run(again.map((index) => files[index]!), config);
  again.forEach((index, k) => (reports[index] = rerun[k]));
  for (const index of changing) {
    if (!preview[index]!.held) continue;
    reports[index] = signal.aborted ? undefined : writeHeld(files[index]!, preview[index]!, config);
    await nextTick(); // lets SIGINT and SIGTERM in between two writes
  }
  return reports;
}

/** Prints the report; returns the exit code. */
function output(
  entries: readonly Entry[],
  processed: readonly (FileReport | undefined)[],
  options: CliOptions,
  context: RunContext & { hints: Map<string, string>; argv: readonly string[] },
  interruption: Interruption,
): number {
  const { reports, unprocessed } = inDiscoveryOrder(entries, processed);
  const signal = interruption.received();
  if (signal) context.interrupted = { signal, unprocessed };
  const summary = summarize(reports);
  const failed = summary.errors > 0 || (options.check && summary.changed > 0);
  const exitCode = signal ? EXIT_CODES[signal] : failed ? 1 : 0;
  if (options.json) {
    process.stdout.write(formatJson(reports, summary, { ...context, transforms: options.transforms, exitCode }));
    return exitCode;
  }
  const data = formatData(reports, context.cwd);
  if (data !== '') process.stdout.write(data);
  const lines = [...formatPreamble(context), ...reports.flatMap((report) => formatFile(report, context.cwd, context.mode))];
  lines.push(formatSummary(summary, context.mode), ...formatEpilogue(context.hints, summary, context));
  if (options.check && summary.changed > 0) {
    lines.push(
      `${NAME}: --check failed: ${summary.changed} file${summary.changed === 1 ? '' : 's'} would change; to apply the changes, run:`,
      `  ${fixCommand(context.argv, options, reports, context.cwd)}`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return exitCode;
}

/** What applies the changes `--check` found: the same options, without `--check`, on the files that would change. */
function fixCommand(argv: readonly string[], options: CliOptions, reports: readonly FileReport[], cwd: string): string {
  const paths = new Set(options.paths);
  const flags = argv.filter((arg) => arg !== '--check' && !paths.has(arg));
  const files = reports.filter((report) => report.status === 'changed').map((report) => displayPath(cwd, report.path));
  return ['npx', NAME, ...flags, ...files].map(shellWord).join(' ');
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** Back into discovery order, with the skipped and unreadable entries found while listing. */
function inDiscoveryOrder(
  entries: readonly Entry[],
  processed: readonly (FileReport | undefined)[],
): { reports: FileReport[]; unprocessed: number } {
  const reports: FileReport[] = [];
  let next = 0;
  let unprocessed = 0;
  for (const entry of entries) {
    const base = { path: entry.path, applied: [], skipped: [] };
    if (entry.kind === 'file') {
      const report = processed[next++];
      if (report) reports.push(report);
      else unprocessed++;
    } else if (entry.kind === 'skipped') {
      reports.push({ ...base, status: 'skipped', reason: entry.reason });
    } else {
      reports.push({ ...base, status: 'error', error: { message: entry.message } });
    }
  }
  return { reports, unprocessed };
}

/**
 * One core is left to V8's own threads (garbage collection, compilation) and the system: measured with
 * `npm run bench` on 2 cores, a second JavaScript thread made runs slower, not faster.
 */
function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}
