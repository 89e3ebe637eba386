#!/usr/bin/env node
/** `redis-codemod`: runs the codemod transforms over files and folders. See `redis-codemod --help`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidOptionError } from '../codemods/api';
import { transformSource } from '../codemods/transform-source';
import { HELP, UsageError, parseArgs, type CliOptions } from './args';
import { discover } from './discover';
import { findUncommittedChanges } from './git';
import { processAll } from './pool';
import type { FileReport } from './process-file';
import { formatData, formatFile, formatJson, formatSummary, summarize, type Mode } from './report';

const NAME = 'redis-codemod';

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

/** Problems that must stop the run before any file is touched; returns a usage error or undefined. */
function checkBeforeRun(options: CliOptions, cwd: string): string | undefined {
  const { errorHandler } = options.codemod;
  if (errorHandler !== undefined) {
    try {
      transformSource('', 'x.js', ['add-error-listener'], { errorHandler });
    } catch (error) {
      if (!(error instanceof InvalidOptionError)) throw error;
      return error.message.includes('--error-handler') ? error.message : `invalid --error-handler: ${error.message}`;
    }
  }
  for (const p of options.paths) {
    if (!fs.existsSync(path.resolve(cwd, p))) return `path not found: ${p}`;
  }
  return undefined;
}

function refuseDirtyTree(targets: readonly string[], cwd: string): boolean {
  const dirty = findUncommittedChanges(targets);
  if (dirty.length === 0) return false;
  const lines = [`${NAME}: refusing to write: there are uncommitted changes in the paths to process:`];
  for (const tree of dirty) {
    lines.push(`  in ${path.relative(cwd, tree.root) || '.'}:`, ...tree.lines.map((l) => `    ${l}`));
  }
  lines.push(
    'Commit or stash them first, so that the codemod\'s changes can be reviewed and undone with git;',
    'or preview with --dry, --diff or --check; or pass --force to write anyway.',
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

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }

  const options = parsed.options;
  const cwd = process.cwd();
  const problem = checkBeforeRun(options, cwd);
  if (problem !== undefined) return usageError(problem);
  const targets = options.paths.map((p) => path.resolve(cwd, p));
  if (!options.dry && !options.force && refuseDirtyTree(targets, cwd)) return 2;

  const entries = discover(targets);
  const files = entries.flatMap((e) => (e.kind === 'file' ? [{ path: e.path, realPath: e.realPath }] : []));
  const progress = progressReporter(Boolean(process.stderr.isTTY) && !options.json);
  const processed = await processAll(
    files,
    {
      transforms: options.transforms,
      codemod: options.codemod,
      write: !options.dry,
      print: options.print,
      diff: options.diff,
      cwd,
    },
    options.workers ?? defaultWorkerCount(),
    progress.update,
  );
  progress.clear();

  // Back into discovery order, with the skipped and unreadable entries found while walking.
  let next = 0;
  const reports: FileReport[] = entries.map((entry) => {
    if (entry.kind === 'file') return processed[next++];
    const base = { path: entry.path, applied: [], skipped: [] };
    return entry.kind === 'skipped'
      ? { ...base, status: 'skipped', reason: entry.reason }
      : { ...base, status: 'error', error: { message: entry.message } };
  });

  const mode: Mode = options.check ? 'check' : options.dry ? 'dry-run' : 'write';
  const summary = summarize(reports);
  const exitCode = summary.errors > 0 || (options.check && summary.changed > 0) ? 1 : 0;

  if (options.json) {
    process.stdout.write(formatJson(reports, summary, { cwd, mode, transforms: options.transforms, exitCode }));
    return exitCode;
  }
  const data = formatData(reports, cwd);
  if (data !== '') process.stdout.write(data);
  const lines = reports.flatMap((report) => formatFile(report, cwd, mode));
  lines.push(formatSummary(summary, mode));
  if (options.check && summary.changed > 0) {
    lines.push(`${NAME}: --check failed: ${summary.changed} file${summary.changed === 1 ? '' : 's'} would change; run ${NAME} without --check to apply the changes`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return exitCode;
}

// `redis-codemod --diff | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * One core is left to V8's own threads (garbage collection, compilation) and the system: measured with
 * `npm run bench` on 2 cores, a second JavaScript thread made runs slower, not faster.
 */
function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}
