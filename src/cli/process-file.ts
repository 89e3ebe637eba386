/** Reads, transforms and (maybe) writes one file. Never throws: every outcome is a FileReport. */
import fs from 'node:fs';
import path from 'node:path';
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import {
  InvalidOptionError,
  NestingTooDeepError,
  SourceParseError,
  type CodemodOptions,
  type SkippedSite,
  type TransformName,
} from '../codemods/api';
import { formatLikeProject } from '../codemods/prettier';
import { transformSource } from '../codemods/transform-source';
import { describeFsError } from './fs-error';
import { tooLargeReason } from './limits';
import { WriteError, rewriteFile, type ReadFile } from './write';

export interface ProcessConfig {
  transforms: TransformName[];
  codemod: CodemodOptions;
  /** Write changed files (false for --dry, --check, --diff, --print). */
  write: boolean;
  /** Return the new text of changed files (--print). */
  print: boolean;
  /** Return a unified diff of changed files (--diff). */
  diff: boolean;
  /** Paths in diffs are relative to this folder. */
  cwd: string;
  /** Larger files are skipped unread (--max-file-size). */
  maxFileSize: number;
  /** Write files git cannot show a change to (--allow-outside-git). */
  allowOutsideGit: boolean;
  /** Write files that have no write permission bit (--force). */
  overrideReadOnly: boolean;
  /** Without `write`: keep what writing a changed file takes (a preview before writing, see `writeHeld`). */
  hold?: boolean;
}

/** A file to process: where it was found, where it is written, why git cannot show a change to it. */
export interface FileEntry {
  path: string;
  realPath: string;
  notInGit?: string;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileReport {
  /** Absolute path, as found (a symlink named on the command line keeps its own name). */
  path: string;
  status: FileStatus;
  applied: TransformName[];
  skipped: SkippedSite[];
  /** Why the file was skipped (status `skipped`). */
  reason?: string;
  /** What went wrong (status `error`); line and column for a parse error. */
  error?: { message: string; line?: number; column?: number };
  output?: string;
  diff?: string;
  /** A preview's changed file, ready to write (`ProcessConfig.hold`). Never printed. */
  held?: HeldWrite;
}

/** The new text of a changed file, and the file as it was read: it is written only if still the same. */
export interface HeldWrite {
  output: string;
  /** `ReadFile`, with the bytes as a thread sends them (a `Buffer` arrives as a `Uint8Array`). */
  original: { bytes: Uint8Array; stat: ReadFile['stat'] };
}

/**
 * Lets the caller stop a run without cutting a write in half: `begin` is asked before writing (false:
 * the run is being stopped, do not write) and `end` is called once the write is over.
 */
export interface WriteGate {
  begin(): boolean;
  end(): void;
}

const BINARY_SNIFF_BYTES = 8192;
/** The skip reason for valid code nested beyond the parser's stack (pool.ts retries these on a bigger stack). */
export const NESTED_TOO_DEEPLY = 'nested too deeply to parse';
export const INTERRUPTED = 'interrupted before writing';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function relativePath(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

type Source = { bytes: Buffer; stat: fs.Stats } | { tooLarge: true };

/** Reads at most `max` bytes: a file that is (or grows) larger is not read whole. */
export function readSource(file: string, max: number): Source {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.size > max) return { tooLarge: true };
    // One byte more than the size (at most max + 1): a file that grew meanwhile is noticed.
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > max) return { tooLarge: true };
    return { bytes: buffer.subarray(0, length), stat };
  } finally {
    fs.closeSync(fd);
  }
}

export async function processFile(file: FileEntry, config: ProcessConfig, gate?: WriteGate): Promise<FileReport> {
  const report = (status: FileStatus, extra: Partial<FileReport> = {}): FileReport => ({
    path: file.path,
    status,
    applied: [],
    skipped: [],
    ...extra,
  });
  const read = readText(file, config);
  if ('status' in read) return report(read.status, read);
  const { text, source } = read;
  let result;
  try {
    result = transformSource(text, file.path, config.transforms, { ...config.codemod, cwd: config.cwd });
  } catch (error) {
    return report(...transformFailure(error));
  }
  const { applied, skipped } = result;
  if (!result.changed || result.output === text) return report('unchanged', { skipped });
  const output = await formatLikeProject(file.path, text, result.output);

  const changed = report('changed', { applied, skipped });
  if (config.print) changed.output = output;
  if (config.diff) changed.diff = unifiedDiff(relativePath(config.cwd, file.path), text, output);
  if (!config.write) return config.hold ? { ...changed, held: { output, original: heldOriginal(source) } } : changed;
  return write(file, changed, { output, original: source }, config, gate);
}

/**
 * Writes what a preview held, without transforming the file again: the file must still be exactly as
 * the preview read it (`rewriteFile` refuses it otherwise).
 */
export function writeHeld(file: FileEntry, preview: FileReport, config: ProcessConfig): FileReport {
  const { held, ...changed } = preview;
  return write(file, changed, held!, config);
}

function write(file: FileEntry, changed: FileReport, { output, original }: HeldWrite, config: ProcessConfig, gate?: WriteGate): FileReport {
  const { applied, skipped } = changed;
  const report = (status: FileStatus, extra: Partial<FileReport>): FileReport => ({ path: file.path, status, applied, skipped, ...extra });
  if (file.notInGit !== undefined && !config.allowOutsideGit) return report('skipped', { reason: file.notInGit });
  if (gate && !gate.begin()) return report('skipped', { reason: INTERRUPTED });
  try {
    const bytes = Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength);
    rewriteFile(file.realPath, Buffer.from(output, 'utf8'), { bytes, stat: original.stat }, { overrideReadOnly: config.overrideReadOnly });
  } catch (error) {
    const message = error instanceof WriteError ? error.message : `cannot write (${describeFsError(error)})`;
    return report('error', { error: { message } });
  } finally {
    gate?.end();
  }
  return changed;
}

/** Only what the check before writing compares: a report from a thread carries no `fs.Stats` methods. */
function heldOriginal({ bytes, stat }: { bytes: Buffer; stat: fs.Stats }): HeldWrite['original'] {
  return { bytes, stat: { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } };
}

type Outcome = Pick<FileReport, 'status' | 'reason' | 'error'>;

/** The file's text, or why it has none: unreadable, too large, empty, binary, not UTF-8. */
function readText(file: FileEntry, config: ProcessConfig): { text: string; source: { bytes: Buffer; stat: fs.Stats } } | Outcome {
  let source: Source;
  try {
    source = readSource(file.realPath, config.maxFileSize);
  } catch (error) {
    return { status: 'error', error: { message: `cannot read (${describeFsError(error)})` } };
  }
  if ('tooLarge' in source) return { status: 'skipped', reason: tooLargeReason(config.maxFileSize) };
  if (source.bytes.length === 0) return { status: 'unchanged' };
  if (source.bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { status: 'skipped', reason: 'binary' };
  try {
    return { text: utf8.decode(source.bytes), source };
  } catch {
    return { status: 'skipped', reason: 'not UTF-8' };
  }
}

function transformFailure(error: unknown): [FileStatus, Partial<FileReport>] {
  if (error instanceof SourceParseError) return ['error', { error: { message: error.message, line: error.line, column: error.column } }];
  if (error instanceof NestingTooDeepError) return ['skipped', { reason: NESTED_TOO_DEEPLY }];
  const message = error instanceof Error ? error.message : String(error);
  return ['error', { error: { message: error instanceof InvalidOptionError ? message : `internal error: ${message}` } }];
}

/** `diff` quotes a name with control or non-ASCII characters as git does (`"a/x\nb.js"`, octal escapes). */
function unifiedDiff(rel: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}
