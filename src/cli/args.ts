/** Command-line parsing for `redis-codemod`. No framework: a small loop with clear messages. */
import { DEFAULT_TRANSFORM_NAMES, TRANSFORM_NAMES, type CodemodOptions, type TransformName } from '../codemods/api';
import { SAFEGUARDS } from '../core/safeguards';
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

const BOOLEAN_FLAGS = ['dry', 'print', 'diff', 'check', 'json', 'force', 'allow-outside-git', 'help', 'version'] as const;
const VALUE_FLAGS = [
  'transform',
  'error-handler',
  'connect-timeout',
  'max-retries',
  'client-module',
  'test-pattern',
  'workers',
  'max-file-size',
  'max-memory',
  'file-timeout',
] as const;
type BooleanFlag = (typeof BOOLEAN_FLAGS)[number];
type ValueFlag = (typeof VALUE_FLAGS)[number];

const SHORT_FLAGS: Record<string, BooleanFlag> = { '-h': 'help', '-v': 'version' };

function isBooleanFlag(name: string): name is BooleanFlag {
  return (BOOLEAN_FLAGS as readonly string[]).includes(name);
}
function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--${flag} must be a positive integer, got '${value}'`);
  }
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new UsageError(`--${flag} must be a positive number, got '${value}'`);
  return n;
}

function size(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const bytes = parseSize(value);
  if (bytes === undefined) throw new UsageError(`--${flag} must be a size such as 500KB or 2MB, got '${value}'`);
  return bytes;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const booleans = new Set<BooleanFlag>();
  const values = new Map<ValueFlag, string[]>();
  const paths: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (SHORT_FLAGS[arg]) {
      booleans.add(SHORT_FLAGS[arg]);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (isBooleanFlag(name)) {
      if (eq !== -1) throw new UsageError(`option '--${name}' does not take a value`);
      booleans.add(name);
    } else if (isValueFlag(name)) {
      let value: string | undefined;
      if (eq !== -1) {
        value = arg.slice(eq + 1);
      } else {
        const next = argv[i + 1];
        if (next !== undefined && !(next.startsWith('-') && next.length > 1)) {
          value = next;
          i++;
        }
      }
      if (value === undefined || value === '') throw new UsageError(`option '--${name}' needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option '--${name}'`);
    }
  }

  if (booleans.has('help')) return { kind: 'help' };
  if (booleans.has('version')) return { kind: 'version' };

  // Single-valued options: the last occurrence wins.
  const last = (flag: ValueFlag): string | undefined => values.get(flag)?.at(-1);

  const transforms: TransformName[] = [];
  for (const name of values.get('transform') ?? []) {
    if (!(TRANSFORM_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown transform '${name}'; valid transforms: ${TRANSFORM_NAMES.join(', ')}`);
    }
    if (!transforms.includes(name as TransformName)) transforms.push(name as TransformName);
  }

  const codemod: CodemodOptions = {};
  const errorHandler = last('error-handler');
  if (errorHandler !== undefined) codemod.errorHandler = errorHandler;
  const connectTimeout = last('connect-timeout');
  if (connectTimeout !== undefined) codemod.connectTimeout = positiveInteger('connect-timeout', connectTimeout);
  const maxRetries = last('max-retries');
  if (maxRetries !== undefined) codemod.maxRetries = positiveInteger('max-retries', maxRetries);
  if (values.has('client-module')) codemod.clientModules = values.get('client-module');
  if (values.has('test-pattern')) codemod.testFilePatterns = values.get('test-pattern');
  const workers = last('workers');
  const maxMemory = last('max-memory');
  const fileTimeout = last('file-timeout');

  const print = booleans.has('print');
  const diff = booleans.has('diff');
  const check = booleans.has('check');
  return {
    kind: 'run',
    options: {
      paths: paths.length > 0 ? paths : ['.'],
      // Keep the canonical order so a run is the same whatever order the flags were given in.
      transforms: transforms.length > 0 ? TRANSFORM_NAMES.filter((t) => transforms.includes(t)) : [...DEFAULT_TRANSFORM_NAMES],
      dry: booleans.has('dry') || print || diff || check,
      print,
      diff,
      check,
      json: booleans.has('json'),
      force: booleans.has('force'),
      workers: workers === undefined ? undefined : positiveInteger('workers', workers),
      maxFileSize: size('max-file-size', last('max-file-size'), DEFAULT_MAX_FILE_SIZE),
      maxMemory: maxMemory === undefined ? undefined : positiveInteger('max-memory', maxMemory),
      fileTimeout: fileTimeout === undefined ? undefined : positiveNumber('file-timeout', fileTimeout),
      allowOutsideGit: booleans.has('allow-outside-git'),
      codemod,
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
  --test-pattern <glob>    globs that mark test files, replacing the defaults (repeatable)
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
