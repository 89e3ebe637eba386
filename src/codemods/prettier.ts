/**
 * Codemod output the project's formatter accepts. When the project uses Prettier (it resolves from the
 * file's folder, as the project's own tools would find it, and a Prettier config file or package.json
 * `prettier` key applies to the file: a Prettier merely installed by some dependency does not count) and
 * the file was Prettier-clean before the codemod, the
 * result is formatted with that Prettier and the project's config, so it stays clean; a file that was not
 * clean is never reformatted. Prettier is an optional peer dependency: loaded from the project, never
 * bundled. Its API is asynchronous (v3), so formatting is a step after `transformSource`, taken by the
 * `redis-codemod` CLI and the jscodeshift transforms, not by the synchronous engine.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

interface PrettierOptions {
  filepath?: string;
  [key: string]: unknown;
}

/** The part of Prettier's API used here; v2 answers synchronously, v3 with promises. */
interface Prettier {
  resolveConfigFile(file: string): Promise<string | null> | string | null;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<PrettierOptions | null> | PrettierOptions | null;
  check(source: string, options: PrettierOptions): Promise<boolean> | boolean;
  format(source: string, options: PrettierOptions): Promise<string> | string;
}

const prettierByFolder = new Map<string, Prettier | undefined>();

/** The Prettier the file's project would run, or undefined when it has none. */
export function projectPrettier(filePath: string): Prettier | undefined {
  const folder = path.dirname(path.resolve(filePath));
  if (prettierByFolder.has(folder)) return prettierByFolder.get(folder);
  let prettier: Prettier | undefined;
  try {
    const projectRequire = createRequire(path.join(folder, 'noop.js'));
    const loaded = projectRequire(projectRequire.resolve('prettier')) as Partial<Prettier>;
    const api = ['format', 'check', 'resolveConfig', 'resolveConfigFile'] as const;
    if (api.every((name) => typeof loaded[name] === 'function')) prettier = loaded as Prettier;
  } catch {
    prettier = undefined; // no Prettier in this project
  }
  prettierByFolder.set(folder, prettier);
  return prettier;
}

/**
 * `after` formatted with the project's Prettier when `before` was clean by it; otherwise `after` as is.
 * A Prettier that fails on the file (a syntax it has no parser for, a broken plugin) leaves it as is too.
 */
export async function formatLikeProject(filePath: string, before: string, after: string): Promise<string> {
  if (before === after) return after;
  const prettier = projectPrettier(filePath);
  if (!prettier) return after;
  try {
    if (!(await prettier.resolveConfigFile(filePath))) return after;
    const config = await prettier.resolveConfig(filePath, { editorconfig: true });
    const options = { ...config, filepath: filePath };
    if (!(await prettier.check(before, options))) return after;
    return await prettier.format(after, options);
  } catch {
    return after;
  }
}
