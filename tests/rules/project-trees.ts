/**
 * Real package.json trees for rule tests that depend on the project's node-redis version: each call
 * makes a directory with the given files and returns the path of a source file inside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const root = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-projects-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;

/** Writes `files` (path → JSON value) into a new project and returns the absolute path of `sourceFile` there. */
export function projectFile(files: Record<string, unknown>, sourceFile = 'src/cache.ts'): string {
  const dir = path.join(root, `project-${++count}`);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(content));
  }
  return path.join(dir, sourceFile);
}

/** A source file in a project whose package.json declares `redis` at `range`. */
export function redisProject(range: string, sourceFile?: string): string {
  return projectFile({ 'package.json': { dependencies: { redis: range } } }, sourceFile);
}
