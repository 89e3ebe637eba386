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
import { transformSource } from '../codemods/transform-source';
import { describeFsError } from './discover';
import { WriteError, writeFileAtomic } from './write';

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
}

const BINARY_SNIFF_BYTES = 8192;
/** The skip reason for valid code nested beyond the parser's stack (pool.ts retries these on a bigger stack). */
export const NESTED_TOO_DEEPLY = 'nested too deeply to parse';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function relativePath(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

export function processFile(
  file: { path: string; realPath: string },
  config: ProcessConfig,
  hooks: { beforeWrite?: () => void } = {},
): FileReport {
  const report = (status: FileStatus, extra: Partial<FileReport> = {}): FileReport => ({
    path: file.path,
    status,
    applied: [],
    skipped: [],
    ...extra,
  });

  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file.realPath);
    bytes = fs.readFileSync(file.realPath);
  } catch (error) {
    return report('error', { error: { message: `cannot read (${describeFsError(error)})` } });
  }
  if (bytes.length === 0) return report('unchanged');
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return report('skipped', { reason: 'binary' });
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    return report('skipped', { reason: 'not UTF-8' });
  }

  let result;
  try {
    result = transformSource(source, file.path, config.transforms, { ...config.codemod, cwd: config.cwd });
  } catch (error) {
    if (error instanceof SourceParseError) {
      return report('error', { error: { message: error.message, line: error.line, column: error.column } });
    }
    if (error instanceof NestingTooDeepError) return report('skipped', { reason: NESTED_TOO_DEEPLY });
    const message = error instanceof Error ? error.message : String(error);
    return report('error', {
      error: { message: error instanceof InvalidOptionError ? message : `internal error: ${message}` },
    });
  }
  const { applied, skipped, output } = result;
  if (!result.changed || output === source) return report('unchanged', { skipped });

  const changed = report('changed', { applied, skipped });
  if (config.print) changed.output = output;
  if (config.diff) {
    const rel = relativePath(config.cwd, file.path);
    changed.diff = createTwoFilesPatch(`a/${rel}`, `b/${rel}`, source, output, undefined, undefined, {
      headerOptions: FILE_HEADERS_ONLY,
    });
  }
  if (!config.write) return changed;
  try {
    hooks.beforeWrite?.();
    writeFileAtomic(file.realPath, Buffer.from(output, 'utf8'), { bytes, stat });
  } catch (error) {
    const message = error instanceof WriteError ? error.message : `cannot write (${describeFsError(error)})`;
    return report('error', { applied, skipped, error: { message } });
  }
  return changed;
}
