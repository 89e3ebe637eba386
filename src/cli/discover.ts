/** Finds the files to process under the paths given on the command line. */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findGitRoot } from './git';

export const EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
/** Folders never walked into (besides hidden ones): dependencies and build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.next']);

export type Entry =
  /** `path` is where the file was found (absolute); `realPath` is where it is written. */
  | { kind: 'file'; path: string; realPath: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'error'; path: string; message: string };

interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/** `EACCES: permission denied, scandir '/x'` → `EACCES: permission denied` (the path is reported apart). */
export function describeFsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, \w+ '.*'$/s, '');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Deepest .gitignore with an opinion wins, like git. */
function isIgnored(absPath: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = toPosix(path.relative(levels[i].dir, absPath)) + (isDir ? '/' : '');
    const result = levels[i].rules.test(rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

export function discover(targets: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  const seenFiles = new Set<string>();
  const seenOther = new Set<string>();

  const add = (entry: Entry): void => {
    if (entry.kind === 'file') {
      if (seenFiles.has(entry.realPath)) return;
      seenFiles.add(entry.realPath);
    } else {
      const key = `${entry.kind}:${entry.path}`;
      if (seenOther.has(key)) return;
      seenOther.add(key);
    }
    entries.push(entry);
  };

  const readRules = (dir: string, file: string, levels: IgnoreLevel[]): void => {
    const rulesPath = path.join(dir, file);
    let text: string;
    try {
      text = fs.readFileSync(rulesPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      add({ kind: 'error', path: rulesPath, message: `cannot read ignore file (${describeFsError(error)})` });
      return;
    }
    levels.push({ dir, rules: ignore().add(text) });
  };

  /** The rules that apply inside `start` from its ancestors up to the git root. */
  const ancestorLevels = (start: string): IgnoreLevel[] => {
    const root = findGitRoot(start);
    if (root === undefined) return [];
    const levels: IgnoreLevel[] = [];
    readRules(root, '.git/info/exclude', levels);
    if (root !== start) {
      // .gitignore files from the git root down to the parent of `start` (walk() reads its own).
      let dir = root;
      readRules(dir, '.gitignore', levels);
      const chain = toPosix(path.relative(root, path.dirname(start)));
      for (const part of chain === '' ? [] : chain.split('/')) {
        dir = path.join(dir, part);
        readRules(dir, '.gitignore', levels);
      }
    }
    // A folder named on the command line is walked even if it is ignored itself: drop the
    // rule files that exclude it (they would exclude everything inside it too).
    return levels.filter((level) => level.dir === start || !isIgnored(start, true, [level]));
  };

  const walk = (dir: string, inherited: readonly IgnoreLevel[]): void => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      add({ kind: 'error', path: dir, message: `cannot read folder (${describeFsError(error)})` });
      return;
    }
    const levels = [...inherited];
    if (dirents.some((d) => d.name === '.gitignore')) readRules(dir, '.gitignore', levels);

    for (const dirent of dirents.sort(byName)) {
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) {
        if (dirent.name.startsWith('.') || SKIPPED_FOLDERS.has(dirent.name)) continue;
        if (isIgnored(full, true, levels)) continue;
        walk(full, levels);
      } else if (dirent.isFile() || dirent.isSymbolicLink()) {
        if (!EXTENSIONS.has(path.extname(dirent.name)) || isIgnored(full, false, levels)) continue;
        if (dirent.isFile()) {
          add({ kind: 'file', path: full, realPath: full });
        } else if (isFileSymlink(full)) {
          // Never followed while walking: it may point outside the target or into a loop.
          add({ kind: 'skipped', path: full, reason: 'symlink' });
        }
      }
      // Symlinked folders, sockets, FIFOs and devices found while walking are left alone.
    }
  };

  for (const target of targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target); // follows a symlink named on the command line
    } catch (error) {
      add({ kind: 'error', path: target, message: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      walk(target, ancestorLevels(target));
    } else if (!stat.isFile()) {
      add({ kind: 'skipped', path: target, reason: 'not a regular file' });
    } else if (!EXTENSIONS.has(path.extname(target))) {
      add({ kind: 'skipped', path: target, reason: 'unsupported extension' });
    } else {
      add({ kind: 'file', path: target, realPath: fs.realpathSync(target) });
    }
  }
  return entries;
}

function isFileSymlink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // dangling
  }
}
