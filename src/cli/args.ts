/**
 * Command-line parsing for `redis-codemod` on `node:util` `parseArgs`. The codemod options' flags come
 * from the safeguard registry (`--kebab-name` of each option, and its deprecated name).
 */
import { parseArgs as parseCommandLine, type ParseArgsConfig } from 'node:util';
import { DEFAULT_TRANSFORM_NAMES, TRANSFORM_NAMES, type CodemodOptions, type TransformName } from '../codemods/api';
import { codemodOptions, SAFEGUARDS, type OptionSpec } from '../core/safeguards';
import { DEFAULT_MAX_FILE_SIZE, parseSize } from './limits';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  paths: string[];
  transforms: TransformName[];
  /** Write nothing (set by `--dry`, `--check`, `--diff` and `--print`). */
  dry: boolean;
  print: boolean;
  diff: boolean;
  check: boolean;
  json: boolean;
  force: boolean;
  /** Worker count; undefined means one less than `os.availableParallelism()` (at least 1). */
  workers: number | undefined;
  /** Bytes; larger files are skipped. */
  maxFileSize: number;
  /** Heap limit per thread in MB; undefined means derived from maxFileSize. */
  maxMemory: number | undefined;
  /** Seconds per file on a thread; undefined means derived from maxFileSize. */
  fileTimeout: number | undefined;
  allowOutsideGit: boolean;
  codemod: CodemodOptions;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

type Flags = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const FLAGS: Flags = {
  ...Object.fromEntries(
    ['dry', 'print', 'diff', 'check', 'json', 'force', 'allow-outside-git'].map((name) => [name, { type: 'boolean' }]),
  ),
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  transform: { type: 'string', multiple: true },
  'client-module': { type: 'string', multiple: true },
  'redis-version': { type: 'string', multiple: true },
  ...Object.fromEntries(['workers', 'max-file-size', 'max-memory', 'file-timeout'].map((name) => [name, { type: 'string' }])),
  ...Object.fromEntries(
    codemodOptions().flatMap((spec) => {
      const flag = { type: 'string', multiple: spec.type === 'string-list' } as const;
      return [kebab(spec.name), spec.deprecated?.cliFlag].flatMap((name) => (name ? [[name, flag]] : []));
    }),
  ),
};

/** parseArgs' errors in this CLI's words: `unknown option '--x'`, `option '--x' needs a value`. */
function usageErrorOf(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /^(?:Unknown option|Option) '(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option '${option}'`);
  if (code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw error;
  if (message.includes('does not take an argument')) return new UsageError(`option '${option}' does not take a value`);
  return new UsageError(`option '${option}' needs a value`);
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--${flag} must be a positive integer, got '${value}'`);
  }
  return n;
}

function positiveNumber(flag: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || !(Number(value) > 0)) throw new UsageError(`--${flag} must be a positive number, got '${value}'`);
  return Number(value);
}

function size(flag: string, value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new UsageError(`--${flag} must be a size such as 500KB or 2MB, got '${value}'`);
  return bytes;
}

/** The values given for a flag (and its deprecated name), in order; an empty value is a missing one. */
function given(values: Values, ...flags: (string | undefined)[]): string[] {
  const all = flags.flatMap((flag) => (flag ? [values[flag]].flat() : [])).filter((v): v is string => typeof v === 'string');
  const empty = flags.find((flag) => flag && [values[flag]].flat().includes(''));
  if (empty) throw new UsageError(`option '--${empty}' needs a value`);
  return all;
}

/** A single-valued flag: the last occurrence wins. */
function optional<T>(values: Values, flag: string, convert: (flag: string, value: string) => T): T | undefined {
  const value = given(values, flag).at(-1);
  return value === undefined ? undefined : convert(flag, value);
}

function codemodValues(values: Values): CodemodOptions {
  const codemod: Record<string, unknown> = {};
  for (const spec of codemodOptions() as OptionSpec[]) {
    const list = given(values, kebab(spec.name), spec.deprecated?.cliFlag);
    if (list.length === 0) continue;
    if (spec.type === 'string-list') codemod[spec.name] = list;
    else if (spec.type === 'positive-integer') codemod[spec.name] = positiveInteger(kebab(spec.name), list.at(-1)!);
    else codemod[spec.name] = list.at(-1);
  }
  const clientModules = given(values, 'client-module');
  if (clientModules.length > 0) codemod.clientModules = clientModules;
  const redisVersion = given(values, 'redis-version').at(-1);
  if (redisVersion !== undefined) codemod.redisVersion = redisVersion;
  return codemod as CodemodOptions;
}

function transformsOf(values: Values): TransformName[] {
  const names = given(values, 'transform');
  const unknown = names.find((name) => !(TRANSFORM_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new UsageError(`unknown transform '${unknown}'; valid transforms: ${TRANSFORM_NAMES.join(', ')}`);
  // The canonical order, so a run is the same whatever order the flags were given in.
  return names.length > 0 ? TRANSFORM_NAMES.filter((name) => names.includes(name)) : [...DEFAULT_TRANSFORM_NAMES];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseCommandLine({ args: [...argv], options: FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const flag = (name: string): boolean => values[name] === true;
  return {
    kind: 'run',
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      transforms: transformsOf(values),
      dry: flag('dry') || flag('print') || flag('diff') || flag('check'),
      print: flag('print'),
      diff: flag('diff'),
      check: flag('check'),
      json: flag('json'),
      force: flag('force'),
      workers: optional(values, 'workers', positiveInteger),
      maxFileSize: optional(values, 'max-file-size', size) ?? DEFAULT_MAX_FILE_SIZE,
      maxMemory: optional(values, 'max-memory', positiveInteger),
      fileTimeout: optional(values, 'file-timeout', positiveNumber),
      allowOutsideGit: flag('allow-outside-git'),
      codemod: codemodValues(values),
    },
  };
}

export const HELP = `Usage: redis-codemod [options] [paths...]

Makes node-redis clients safe: writes the options v4+ ignores the way it reads
them, adds an 'error' listener, a bounded reconnect strategy, an explicit
socket.connectTimeout and a handled connect(). Walks the given files and folders
(default: the current folder) and rewrites files in place.

Transforms (all but opt-in ones run, in this order, unless --transform is given):
${SAFEGUARDS.map(({ transform, summary, optIn }) => `  ${transform.padEnd(26)} ${optIn ? 'opt-in: ' : ''}${summary}`).join('\n')}

Files: .js .jsx .mjs .cjs .ts .tsx .mts .cts. In a git work tree, git lists
them (tracked files, and untracked ones git does not ignore: .gitignore files,
.git/info/exclude and global excludes apply exactly as in git); outside one,
folders are walked, honouring the .gitignore files found. node_modules, dist,
build, out, coverage, .next, hidden folders and symlinks are skipped. A file
named on the command line is processed even if it is gitignored, and so is a
gitignored folder named on the command line, as a whole (like git add -f).

Writing: atomic, keeping the mode, owner, group and hard links. Only files
whose change git can show and undo are written: a file outside any git work
tree, a gitignored one, or one reached through a symlink that leaves its work
tree is reported as skipped unless --allow-outside-git is given (--dry,
--check, --diff and --print report them as usual). A file with no write
permission bit is not written (even by root) unless --force is given.

Limits: a file larger than --max-file-size is skipped unread. A file that
names node-redis and is larger than 64 KB (or any such file in a run with
threads) is parsed on a worker thread with a heap limit (--max-memory) and a
time budget (--file-timeout): a file over either is skipped, and the run
carries on with a fresh thread.

Options:
  --transform <name>       run only this transform (repeatable)
  --dry                    do everything but write files
  --print                  print each changed file's new text to stdout (writes nothing)
  --diff                   print a unified diff of each change to stdout (writes nothing)
  --check                  write nothing; exit 1 if any file would change (CI, pre-commit)
  --json                   print a JSON report on stdout instead of the human report
                           (the format only: it still writes; add --dry to write nothing)
  --force                  write files with unstaged changes (or untracked) too, and
                           read-only files
  --allow-outside-git      also write files outside a git work tree, gitignored
                           files and files behind a symlink out of the work tree
  --error-handler <src>    handler expression for add-error-listener and
                           handle-connect (default: the transform's own handler)
  --connect-timeout <ms>   timeout written by add-connect-timeout (default 10000)
  --max-retries <n>        retries before the reconnect strategy gives up (default 20)
  --client-module <name>   a module that re-exports createClient (repeatable)
  --redis-version <v>      the node-redis version the code is written against: a
                           major (4) or a semver range (^4.5.0); default: what the
                           nearest package.json declaring node-redis says
  --test-file-patterns <glob>  globs that mark test files, replacing the defaults;
                           no timeout or reconnect change is made there
                           (repeatable; old name: --test-pattern)
  --max-file-size <size>   skip larger files: bytes, or with KB, MB (default 1MB)
  --max-memory <MB>        heap limit of a worker thread (default 1024 per started
                           MB of --max-file-size, at most half the machine's memory)
  --file-timeout <s>       time budget per file on a worker thread (default 120 per
                           started MB of --max-file-size)
  --workers <n>            threads (default: available CPUs minus one; runs with
                           fewer than 50 files to parse and --workers 1 parse on the
                           main thread, except files larger than 64 KB)
  -h, --help               show this help
  -v, --version            show the version

Output: the list of changed files, sites a transform had to leave alone,
errors and a summary line go to stderr; stdout only carries --print, --diff
and --json output. File names with control characters are printed quoted
("a\\nb.js").

Interrupting: on SIGINT (Ctrl-C) or SIGTERM, no new file is started, a write in
progress finishes, the files done so far are reported, and the exit code is
130 or 143. Temporary files (.NAME.PID.RANDOM.redis-codemod.tmp) that a killed
run left behind are removed by the next run over the same folders (--dry and
the other read-only modes only report them).

Exit codes:
  0    success (with --check: nothing would change)
  1    some files had errors (parse, read or write errors), or --check found changes
  2    usage error: unknown option, missing or invalid value, path not found,
       symlink loop, or a file it would change has unstaged changes or is
       untracked (without --force; staged changes are safe in the index)
  130  interrupted by SIGINT (143: by SIGTERM)

Examples:
  redis-codemod src                       rewrite every file under src/
  redis-codemod --diff .                  preview all changes as a diff
  redis-codemod --check src               fail CI if a client is unsafe
  redis-codemod --transform add-error-listener \\
    --error-handler "(err) => logger.error(err)" src
  redis-codemod --dry --json --connect-timeout 5000 src > report.json
`;
