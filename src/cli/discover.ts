/**
 * Finds the files to process under the paths given on the command line. Inside a git work tree, git
 * lists them (walk.ts walks folders outside one). Each file also says whether git can show and undo
 * a change to it: if not, it is only written with --allow-outside-git.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, errorCode } from './fs-error';
import { findGitRoot, gitPath } from './git';
import { filesGitShows, listFolder } from './git-files';
import { EXTENSIONS, fileEntry, isSkippedFolder, walkFolder } from './walk';

export type Entry =
  /**
   * `path` is where the file was found (absolute); `realPath` is where it is written. `notInGit` says
   * why git cannot show a change to it (outside a work tree, ignored, reached through a symlink).
   */
  | { kind: 'file'; path: string; realPath: string; notInGit?: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'error'; path: string; message: string };

/** Why a file is not written without --allow-outside-git; also its skip reason. */
export const NOT_IN_GIT = {
  outside: 'outside a git work tree',
  ignored: 'ignored by git',
  symlink: 'symlink out of its git work tree',
  gitFailed: 'git could not list its work tree',
} as const;

export class Discovery {
  readonly entries: Entry[] = [];
  /** Work trees git could not list (their files were walked and count as outside git). */
  readonly gitFailures: { root: string; error: string }[] = [];
  private readonly seen = new Set<string>();

  add(entry: Entry): void {
    const key = entry.kind === 'file' ? `file:${entry.realPath}` : `${entry.kind}:${entry.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push(entry);
  }

  gitFailed(root: string, error: string): void {
    if (!this.gitFailures.some((failure) => failure.root === root)) this.gitFailures.push({ root, error });
  }
}

type Target =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'folder' | 'file'; shown: string; real: string; leavesTree: boolean };

/** `redis-codemod: ${message}` for a path named on the command line that cannot be used, or undefined. */
export function checkTargetPath(target: string, shown: string): string | undefined {
  try {
    fs.statSync(target);
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return `path not found: ${shown}`;
    if (code === 'ELOOP') return `symlink loop: ${shown}`;
    return `cannot access ${shown} (${describeFsError(error)})`;
  }
}

export function discover(targets: readonly string[]): Discovery {
  const found = new Discovery();
  const resolved = targets.map(resolveTarget);
  const explicit = resolved.flatMap((t) => (t.kind === 'file' ? [t] : []));
  const notInGit = classifyExplicitFiles(explicit, found);
  for (const target of resolved) {
    if (target.kind === 'entry') {
      found.add(target.entry);
    } else if (target.kind === 'file') {
      found.add({ kind: 'file', path: target.shown, realPath: target.real, notInGit: notInGit.get(target.real) });
    } else {
      const reason = target.leavesTree ? NOT_IN_GIT.symlink : undefined;
      for (const entry of sortByPath(discoverFolder(target.shown, target.real, found, reason))) found.add(entry);
    }
  }
  return found;
}

function resolveTarget(target: string): Target {
  let stat: fs.Stats;
  let real: string;
  try {
    stat = fs.statSync(target); // follows a symlink named on the command line
    real = fs.realpathSync(target);
  } catch (error) {
    const message = errorCode(error) === 'ELOOP' ? 'symlink loop' : describeFsError(error);
    return { kind: 'entry', entry: { kind: 'error', path: target, message } };
  }
  const leavesTree = leavesWorkTree(target, real);
  if (stat.isDirectory()) return { kind: 'folder', shown: target, real, leavesTree };
  if (!stat.isFile()) return { kind: 'entry', entry: { kind: 'skipped', path: target, reason: 'not a regular file' } };
  if (!EXTENSIONS.has(path.extname(target))) {
    return { kind: 'entry', entry: { kind: 'skipped', path: target, reason: 'unsupported extension' } };
  }
  return { kind: 'file', shown: target, real, leavesTree };
}

/** Whether `shown`, inside a git work tree, resolves (through symlinks) to a place outside that tree. */
function leavesWorkTree(shown: string, real: string): boolean {
  if (shown === real) return false;
  const root = findGitRoot(path.dirname(shown));
  if (root === undefined) return false;
  const realRoot = fs.realpathSync(root);
  return real !== realRoot && !real.startsWith(realRoot + path.sep);
}

/** For each file named on the command line, why git cannot show a change to it (if it cannot). */
function classifyExplicitFiles(files: readonly { real: string; leavesTree: boolean }[], found: Discovery): Map<string, string> {
  const reasons = new Map<string, string>();
  const byRoot = new Map<string, string[]>();
  for (const file of files) {
    const root = file.leavesTree ? undefined : findGitRoot(path.dirname(file.real));
    if (root === undefined) reasons.set(file.real, file.leavesTree ? NOT_IN_GIT.symlink : NOT_IN_GIT.outside);
    else byRoot.set(root, [...(byRoot.get(root) ?? []), gitPath(root, file.real)]);
  }
  for (const [root, specs] of byRoot) {
    const shown = filesGitShows(root, specs);
    if (!(shown instanceof Set)) found.gitFailed(root, shown.error);
    for (const spec of specs) {
      const real = path.join(root, spec);
      if (!(shown instanceof Set)) reasons.set(real, NOT_IN_GIT.gitFailed);
      else if (!shown.has(spec)) reasons.set(real, NOT_IN_GIT.ignored);
    }
  }
  return reasons;
}

/** The files under a folder, from git inside a work tree, else from a walk. */
function discoverFolder(shownDir: string, realDir: string, found: Discovery, notInGit: string | undefined): Entry[] {
  const repository = (shown: string, real: string): Entry[] => discoverFolder(shown, real, found, notInGit);
  const root = findGitRoot(realDir);
  if (root === undefined) return walkFolder(shownDir, realDir, { notInGit: notInGit ?? NOT_IN_GIT.outside, repository });
  const spec = gitPath(root, realDir);
  const listing = listFolder(root, spec);
  if ('error' in listing) {
    found.gitFailed(root, listing.error);
    return walkFolder(shownDir, realDir, { notInGit: notInGit ?? NOT_IN_GIT.gitFailed, repository });
  }
  const shown = (real: string): string => path.join(shownDir, path.relative(realDir, real));
  const entries: Entry[] = [];
  const add = (rel: string, reason: string | undefined): void => {
    const real = path.join(root, rel);
    if (isBelowSkippedFolder(path.relative(realDir, real)) || !EXTENSIONS.has(path.extname(rel))) return;
    const entry = lstatEntry(shown(real), real, reason);
    if (entry) entries.push(entry);
  };
  for (const rel of listing.files) add(rel, notInGit);
  for (const rel of listing.ignored) add(rel, notInGit ?? NOT_IN_GIT.ignored);
  for (const rel of listing.unreadable) {
    const entry = unreadableFolder(shown(path.join(root, rel)), path.join(root, rel));
    if (entry) entries.push(entry);
  }
  for (const rel of listing.repositories) {
    const real = path.join(root, rel);
    // An uninitialised submodule is an empty folder: git in it would list the submodule itself.
    if (isBelowSkippedFolder(path.join(path.relative(realDir, real), 'x')) || !fs.existsSync(path.join(real, '.git'))) continue;
    entries.push(...repository(shown(real), real));
  }
  return entries;
}

/** Whether a path (relative to the folder named) lies in a hidden or skipped folder below it. */
function isBelowSkippedFolder(rel: string): boolean {
  return rel.split(path.sep).slice(0, -1).some(isSkippedFolder);
}

function lstatEntry(shownPath: string, realPath: string, notInGit: string | undefined): Entry | undefined {
  try {
    return fileEntry(shownPath, realPath, fs.lstatSync(realPath), notInGit);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined; // tracked but deleted, or a sparse checkout
    return { kind: 'error', path: shownPath, message: `cannot read (${describeFsError(error)})` };
  }
}

/** The error git saw (and only warned about) reading a folder, in Node's words. */
function unreadableFolder(shownPath: string, realPath: string): Entry | undefined {
  try {
    fs.readdirSync(realPath);
    return undefined;
  } catch (error) {
    return { kind: 'error', path: shownPath, message: `cannot read folder (${describeFsError(error)})` };
  }
}

/** Git's order: by path, byte by byte, whatever the folder structure. */
function sortByPath(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
