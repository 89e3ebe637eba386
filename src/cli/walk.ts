/**
 * Walks a folder outside any git work tree (git lists the files inside one). The .gitignore files
 * found on the way are honoured (matched by `ignore`); a folder holding `.git` is handed back to the
 * caller, for git. A hand-written loop rather than fdir or globby: those either drop an unreadable
 * folder silently or stop the whole walk, and each one must be reported and the walk go on.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Entry } from './discover';
import { describeFsError } from './fs-error';

/** Supported source files; everything else is never read. */
export const EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
/** Folders never walked into (besides hidden ones): dependencies and build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.next']);

export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

export interface WalkOptions {
  /** Why the files found may not be written without --allow-outside-git. */
  notInGit: string;
  /** The entries of a nested git repository at `realDir`, shown as `shownDir`. */
  repository: (shownDir: string, realDir: string) => Entry[];
}

/** Deepest .gitignore with an opinion wins, like git. */
function isIgnored(absPath: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = path.relative(levels[i].dir, absPath).split(path.sep).join('/') + (isDir ? '/' : '');
    const result = levels[i].rules.test(rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

function readRules(dir: string, levels: IgnoreLevel[], entries: Entry[]): void {
  const rulesPath = path.join(dir, '.gitignore');
  try {
    levels.push({ dir, rules: ignore().add(fs.readFileSync(rulesPath, 'utf8')) });
  } catch (error) {
    entries.push({ kind: 'error', path: rulesPath, message: `cannot read ignore file (${describeFsError(error)})` });
  }
}

/** Files under `realDir`, shown under `shownDir` (they differ when a symlinked folder was named). */
export function walkFolder(shownDir: string, realDir: string, options: WalkOptions): Entry[] {
  const entries: Entry[] = [];
  const shown = (real: string): string => path.join(shownDir, path.relative(realDir, real));
  const walk = (dir: string, inherited: readonly IgnoreLevel[]): void => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      entries.push({ kind: 'error', path: shown(dir), message: `cannot read folder (${describeFsError(error)})` });
      return;
    }
    if (dir !== realDir && dirents.some((d) => d.name === '.git')) {
      entries.push(...options.repository(shown(dir), dir));
      return;
    }
    const levels = [...inherited];
    if (dirents.some((d) => d.name === '.gitignore' && d.isFile())) readRules(dir, levels, entries);
    for (const dirent of dirents) {
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) {
        if (!isSkippedFolder(dirent.name) && !isIgnored(full, true, levels)) walk(full, levels);
      } else if (EXTENSIONS.has(path.extname(dirent.name)) && !isIgnored(full, false, levels)) {
        const entry = fileEntry(shown(full), full, dirent, options.notInGit);
        if (entry) entries.push(entry);
      }
      // Symlinked folders, sockets, FIFOs and devices found while walking are left alone.
    }
  };
  walk(realDir, []);
  return entries;
}

/** A regular file; a symlink to a file is reported, never followed: it may lead out of the target. */
export function fileEntry(shownPath: string, realPath: string, dirent: fs.Dirent | fs.Stats, notInGit?: string): Entry | undefined {
  if (dirent.isFile()) return { kind: 'file', path: shownPath, realPath, notInGit };
  if (dirent.isSymbolicLink() && isFileSymlink(realPath)) return { kind: 'skipped', path: shownPath, reason: 'symlink' };
  return undefined;
}

function isFileSymlink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // dangling, or a loop
  }
}
