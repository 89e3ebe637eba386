/** The little git knowledge the CLI needs: where a work tree starts and whether it is dirty. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file for worktrees/submodules). */
export function findGitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

export interface DirtyTree {
  root: string;
  /** `git status --porcelain` lines, or the reason git could not tell. */
  lines: string[];
}

/**
 * Uncommitted changes (staged, unstaged or untracked and not ignored) under `targets`, grouped by
 * work tree. Targets outside any git work tree are not checked. If git cannot answer for a work tree,
 * that counts as dirty: writing is only allowed when git confirms the tree is clean.
 */
export function findUncommittedChanges(targets: readonly string[]): DirtyTree[] {
  const byRoot = new Map<string, string[]>();
  for (const target of targets) {
    const dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    const root = findGitRoot(dir);
    if (root === undefined) continue;
    const spec = path.relative(root, target) || '.';
    byRoot.set(root, [...(byRoot.get(root) ?? []), spec]);
  }
  const dirty: DirtyTree[] = [];
  for (const [root, specs] of byRoot) {
    const result = spawnSync(
      'git',
      ['status', '--porcelain', '--untracked-files=all', '--', ...specs.map((s) => `:(literal)${s}`)],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error || result.status !== 0) {
      const why = result.error?.message ?? result.stderr.trim().split('\n')[0] ?? `exit ${result.status}`;
      dirty.push({ root, lines: [`(git status failed: ${why})`] });
      continue;
    }
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    if (lines.length > 0) dirty.push({ root, lines });
  }
  return dirty;
}
