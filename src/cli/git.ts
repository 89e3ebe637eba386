/**
 * Runs git for the CLI. The repository being scanned is not trusted: its own config (`.git/config`,
 * included files, worktree config) must not make a scan run commands. Every git command runs with
 * the config settings that execute something for `status` and `ls-files` switched off.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface GitResult {
  ok: boolean;
  /** The exit status; undefined when git could not be started or was killed. */
  status?: number;
  stdout: string;
  stderr: string;
  /** The first line of git's complaint when `ok` is false. */
  error: string;
}

/**
 * - `core.fsmonitor=` (empty is false for every git version; older ones took a hook path): the
 *   monitor is a command that `status` and `ls-files` run.
 * - `--no-optional-locks` and `core.hooksPath=/dev/null`: `status` refreshes and rewrites the index
 *   otherwise, which runs the `post-index-change` hook.
 * Clean filters (`filter.<driver>.clean`/`process`) are switched off per repository (filterOverrides).
 * System and global config are the user's own and stay in force (git-lfs filters, safe.directory).
 */
const SAFE_OPTIONS = ['-c', 'core.fsmonitor=', '-c', 'core.hooksPath=/dev/null', '--no-optional-locks'];
/** Pathspecs are file names, never globs. */
export const LITERAL_PATHSPECS = '--literal-pathspecs';

/** Variables that would point git at another repository than the one around the scanned folder. */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

function spawnGit(root: string, args: readonly string[]): GitResult {
  const result = spawnSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: gitEnvironment(),
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return { ok: false, stdout: '', stderr: '', error: `cannot run git (${result.error.message})` };
  const error = result.stderr.trim().split('\n')[0] || `git exited with ${result.status ?? result.signal}`;
  return { ok: result.status === 0, status: result.status ?? undefined, stdout: result.stdout, stderr: result.stderr, error };
}

const overridesByRoot = new Map<string, string[] | GitResult>();

/**
 * `-c` options that switch off the clean/smudge filters defined by the repository's own config
 * (`local` and `worktree` scope, includes too): `status` runs a clean filter on every file whose
 * stat data changed. Without the filter such a file may show as modified: a false "dirty", never a
 * missed change.
 */
function filterOverrides(root: string): string[] | GitResult {
  const cached = overridesByRoot.get(root);
  if (cached) return cached;
  const result = spawnGit(root, [...SAFE_OPTIONS, 'config', '--null', '--show-scope', '--get-regexp', '^filter\\.']);
  let overrides: string[] | GitResult = result;
  // Exit status 1 with no output: no filter at all.
  if (result.ok || (result.status === 1 && result.stdout === '')) {
    // Records are `scope \0 key \n value \0`.
    const tokens = result.stdout.split('\0');
    const drivers = new Set<string>();
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      if (tokens[i] === 'system' || tokens[i] === 'global' || tokens[i] === 'command') continue;
      const key = tokens[i + 1].split('\n')[0];
      drivers.add(key.slice('filter.'.length, key.lastIndexOf('.')));
    }
    overrides = [...drivers].flatMap((name) =>
      ['clean=', 'smudge=', 'process=', 'required=false'].flatMap((setting) => ['-c', `filter.${name}.${setting}`]),
    );
  }
  overridesByRoot.set(root, overrides);
  return overrides;
}

/** Runs `git <args>` in the work tree `root`, with nothing from the repository's config executing. */
export function runGit(root: string, args: readonly string[]): GitResult {
  const overrides = filterOverrides(root);
  if (!Array.isArray(overrides)) return { ...overrides, ok: false };
  // --work-tree: a `core.worktree` in the repository's config must not move the tree elsewhere.
  return spawnGit(root, [...SAFE_OPTIONS, ...overrides, `--work-tree=${root}`, ...args]);
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file for worktrees/submodules). */
export function findGitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** `file` relative to `root`, with `/` separators; `.` for the root itself. */
export function gitPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

export interface DirtyTree {
  root: string;
  /** `git status --porcelain` lines, or the reason git could not tell. */
  lines: string[];
}

/**
 * Changes git could not give back if the codemod overwrote them: unstaged edits and untracked files
 * among the given files of each work tree (root → paths relative to it). A staged change is safe in
 * the index (`git diff` shows what the codemod wrote on top of it), so it does not count. If git cannot answer for a work tree, that counts as
 * dirty: writing is only allowed when git confirms the tree is clean. Submodules and nested
 * repositories are work trees of their own, checked when they hold files to process.
 */
export function findUncommittedChanges(trees: ReadonlyMap<string, readonly string[]>): DirtyTree[] {
  const dirty: DirtyTree[] = [];
  for (const [root, specs] of trees) {
    const result = runGit(root, [
      LITERAL_PATHSPECS,
      'status',
      '--porcelain',
      '--untracked-files=all',
      '--ignore-submodules=all',
      '--',
      ...specs,
    ]);
    if (!result.ok) {
      dirty.push({ root, lines: [`(git status failed: ${result.error})`] });
      continue;
    }
    // Porcelain lines are `XY path`: Y is the work tree's side (`?` for untracked); ' ' means nothing unstaged.
    const lines = result.stdout.split('\n').filter((line) => line !== '' && line[1] !== ' ');
    if (lines.length > 0) dirty.push({ root, lines });
  }
  return dirty;
}
