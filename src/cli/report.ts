/** Turns file reports into the human report (stderr), the data output (stdout) and the JSON report. */
import type { TransformName } from '../codemods/api';
import { relativePath, type FileReport } from './process-file';
import { quoteName } from './quote';
import type { LeftoverTempFile } from './temp-files';

export type Mode = 'write' | 'dry-run' | 'check';

export interface Summary {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  /** Skipped files by reason, e.g. `{ binary: 1 }`. */
  skippedReasons: Record<string, number>;
  /** Sites (a client, an option) a transform left unchanged, in files it read: each is listed with its reason. */
  skippedSites: number;
  errors: number;
}

/** What the report says besides the files: set when the run was stopped, temp files it cleaned, notes. */
export interface RunContext {
  cwd: string;
  mode: Mode;
  /** The signal that stopped the run, and how many files it left unprocessed. */
  interrupted?: { signal: string; unprocessed: number };
  leftoverTempFiles: readonly LeftoverTempFile[];
  notes: readonly string[];
}

/** A path relative to cwd, quoted if its name holds control characters. */
export function displayPath(cwd: string, file: string): string {
  return quoteName(relativePath(cwd, file));
}

export function summarize(reports: readonly FileReport[]): Summary {
  const summary: Summary = { scanned: reports.length, changed: 0, unchanged: 0, skipped: 0, skippedReasons: {}, skippedSites: 0, errors: 0 };
  for (const report of reports) {
    summary.skippedSites += report.skipped.length;
    if (report.status === 'error') summary.errors++;
    else summary[report.status]++;
    if (report.status === 'skipped' && report.reason) {
      summary.skippedReasons[report.reason] = (summary.skippedReasons[report.reason] ?? 0) + 1;
    }
  }
  return summary;
}

export function formatSummary(summary: Summary, mode: Mode): string {
  const reasons = Object.entries(summary.skippedReasons)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`);
  const skipped = `${summary.skipped} skipped${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`;
  const changed = `${summary.changed} ${mode === 'write' ? 'changed' : 'would change'}`;
  const files = `${summary.scanned} file${summary.scanned === 1 ? '' : 's'} scanned`;
  const sites = summary.skippedSites > 0 ? `, ${summary.skippedSites} site${summary.skippedSites === 1 ? '' : 's'} left unchanged` : '';
  return `redis-codemod: ${files}, ${changed}, ${summary.unchanged} unchanged, ${skipped}${sites}, ${summary.errors} error${summary.errors === 1 ? '' : 's'}`;
}

/** The human lines for one file; unchanged files without skipped sites print nothing. */
export function formatFile(report: FileReport, cwd: string, mode: Mode): string[] {
  const rel = displayPath(cwd, report.path);
  const lines: string[] = [];
  if (report.status === 'changed') {
    lines.push(`${rel}: ${mode === 'write' ? 'changed' : 'would change'} (${report.applied.join(', ')})`);
  } else if (report.status === 'skipped') {
    lines.push(`${rel}: skipped (${report.reason})`);
  } else if (report.status === 'error' && report.error) {
    const { message, line, column } = report.error;
    lines.push(line === undefined ? `${rel}: ${message}` : `${rel}:${line}:${column}: ${message}`);
  }
  for (const site of report.skipped) {
    lines.push(`${rel}:${site.line}:${site.column}: ${site.transform} skipped: ${site.reason}`);
  }
  return lines;
}

/** Lines before the per-file report: notes, and temp files left by an earlier, killed run. */
export function formatPreamble(context: RunContext): string[] {
  const lines = context.notes.map((note) => `redis-codemod: ${note}`);
  for (const temp of context.leftoverTempFiles) {
    const rel = displayPath(context.cwd, temp.path);
    if (temp.removed) lines.push(`${rel}: removed (temporary file left by an interrupted run)`);
    else if (temp.error) lines.push(`${rel}: cannot remove temporary file left by an interrupted run (${temp.error})`);
    else lines.push(`${rel}: temporary file left by an interrupted run (a run that writes removes it)`);
  }
  return lines;
}

/**
 * Lines after the summary: for each skip reason that occurred, its hint (how to process what a limit
 * or a safeguard left out), and the interruption.
 */
export function formatEpilogue(hints: ReadonlyMap<string, string>, summary: Summary, context: RunContext): string[] {
  const lines: string[] = [];
  for (const [reason, hint] of hints) {
    if (summary.skippedReasons[reason] && !lines.includes(hint)) lines.push(hint);
  }
  if (context.interrupted) {
    const { signal, unprocessed } = context.interrupted;
    lines.push(`interrupted by ${signal}: ${unprocessed} file${unprocessed === 1 ? '' : 's'} not processed`);
  }
  return lines.map((line) => `redis-codemod: ${line}`);
}

/** What --print and --diff put on stdout. With several printed files, each gets a `==> path <==` header. */
export function formatData(reports: readonly FileReport[], cwd: string): string {
  let out = reports.map((r) => r.diff ?? '').join('');
  const printed = reports.filter((r) => r.output !== undefined);
  for (const report of printed) {
    if (printed.length > 1) {
      if (out !== '' && !out.endsWith('\n')) out += '\n';
      out += `==> ${displayPath(cwd, report.path)} <==\n`;
    }
    out += report.output;
  }
  return out;
}

export function formatJson(
  reports: readonly FileReport[],
  summary: Summary,
  context: RunContext & { transforms: readonly TransformName[]; exitCode: number },
): string {
  const rel = (file: string): string => relativePath(context.cwd, file);
  const json = {
    mode: context.mode,
    transforms: context.transforms,
    files: reports.map((report) => ({ ...report, path: rel(report.path) })),
    summary,
    leftoverTempFiles: context.leftoverTempFiles.map((temp) => ({ ...temp, path: rel(temp.path) })),
    notes: context.notes,
    interrupted: context.interrupted ?? null,
    exitCode: context.exitCode,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
