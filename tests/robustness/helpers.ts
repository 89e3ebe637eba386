/** Shared helpers for the robustness tests: real-file samples, linting, transforms, a seeded PRNG. */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../src/index';
import { NestingTooDeepError, SourceParseError, DEFAULT_TRANSFORM_NAMES, type CodemodOptions } from '../../src/codemods/api';
import { transformSource } from '../../src/codemods/transform-source';
import { lintText } from '../../src/codemods/lint';
import { typescriptFiles } from '../helpers/linter';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');

/** A module specifier of node-redis in an import, require or dynamic import. */
const NODE_REDIS_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*|import\s+)['"](?:redis|@redis\/client|@node-redis\/client)['"]/;

export function importsNodeRedis(text: string): boolean {
  return NODE_REDIS_IMPORT.test(text);
}

/** Mulberry32. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Regular files under `dir` (symlinks are not followed) in the order of a walk that sorts each folder by name; as bench/corpus.mjs. */
function filesUnder(dir: string): string[] {
  const key = (file: string): string => file.split(path.sep).join('\0');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts)$/;
const ESM_SYNTAX = /^\s*(?:import\s*[\w{*'"]|export\s+(?:\{|\*|default|const|let|var|function|class|async))/m;

export interface RealFile {
  /** Path relative to node_modules. */
  rel: string;
  text: string;
  /** The file name to lint it under: its extension tells ESLint the source type. */
  lintName: string;
}

function readEligible(file: string, nodeModules: string): RealFile | undefined {
  if (!SOURCE_FILE.test(file) || /[.-]min\.js$/.test(file)) return undefined;
  const size = fs.statSync(file).size;
  if (size === 0 || size > 200 * 1024) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (text.includes('\0') || (text.length > 2000 && lines.some((line) => line.length > 1000))) return undefined;
  const rel = path.relative(nodeModules, file);
  const ext = path.extname(file);
  const lintExt = /\.[cm]?ts$/.test(ext) ? '.ts' : ext === '.mjs' || (ext === '.js' && ESM_SYNTAX.test(text)) ? '.mjs' : '.cjs';
  return { rel, text, lintName: `sample/${rel.replace(/[^\w.-]+/g, '_')}${lintExt}` };
}

/**
 * A deterministic sample of real files from node_modules: every k-th eligible file of a sorted walk
 * (`general` of them), plus the first `redis` files of node-redis itself, which mention "redis" and so
 * get past the cheap pre-check.
 */
export function sampleRealFiles(general: number, redis: number): RealFile[] {
  const nodeModules = path.join(ROOT, 'node_modules');
  const all: string[] = [];
  for (const file of filesUnder(nodeModules)) if (SOURCE_FILE.test(file)) all.push(file);
  const stride = Math.max(1, Math.floor(all.length / (general * 1.3)));
  const picked: RealFile[] = [];
  for (let i = 0; i < all.length && picked.length < general; i += stride) {
    const file = readEligible(all[i], nodeModules);
    if (file) picked.push(file);
  }
  let fromRedis = 0;
  for (const file of all) {
    if (fromRedis >= redis) break;
    const rel = path.relative(nodeModules, file);
    if (!/^(?:redis|@redis)\//.test(rel) || picked.some((p) => p.rel === rel)) continue;
    const eligible = readEligible(file, nodeModules);
    if (eligible) {
      picked.push(eligible);
      fromRedis++;
    }
  }
  return picked;
}

const linter = new Linter({ cwd: ROOT });
const BASE: Linter.Config[] = [
  typescriptFiles,
  { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
];
/**
 * A client module named `(` makes the cheap pre-check (`mayUseRedis`) pass for nearly every file, so the
 * whole analysis runs on files that have nothing to do with redis. No file imports a module named `(`,
 * so nothing may be reported or changed.
 */
export const FORCE_ANALYSIS = { clientModules: ['('] };
const CONFIGS = {
  parse: BASE,
  recommended: [...BASE, plugin.configs.recommended],
  forced: [...BASE, plugin.configs.recommended, { settings: { redis: FORCE_ANALYSIS } }],
};
export type LintMode = keyof typeof CONFIGS;

/** Lints `text` as `filename` (relative to the repository); throws what ESLint throws. */
export function lint(text: string, filename: string, mode: LintMode): Linter.LintMessage[] {
  return linter.verify(text, CONFIGS[mode], { filename: path.join(ROOT, filename) });
}

export type TransformOutcome =
  | { kind: 'ok'; changed: boolean; output: string }
  | { kind: 'parse-error'; message: string }
  /** Valid code nested beyond the stack of this thread; the CLI retries it on a larger stack. */
  | { kind: 'too-deep'; message: string };

/** All three transforms; a parse error of the input is an outcome, anything else thrown is not caught. */
export function transformAll(text: string, filename: string, options: CodemodOptions = {}): TransformOutcome {
  try {
    const result = transformSource(text, filename, DEFAULT_TRANSFORM_NAMES, options);
    return { kind: 'ok', changed: result.changed, output: result.output };
  } catch (error) {
    if (error instanceof SourceParseError) return { kind: 'parse-error', message: error.message };
    if (error instanceof NestingTooDeepError) return { kind: 'too-deep', message: error.message };
    throw error;
  }
}

/** Undefined when `text` parses as `filename` the way the codemods parse; else the parse error. */
export function parseProblem(text: string, filename: string): string | undefined {
  try {
    lintText(text, filename, { cwd: process.cwd(), clientModules: [], ruleOptions: {} });
    return undefined;
  } catch (error) {
    if (error instanceof SourceParseError) return error.message;
    // Too deeply nested for this thread's stack: valid as far as anyone here can tell.
    if (error instanceof NestingTooDeepError || error instanceof RangeError) return undefined;
    throw error;
  }
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
