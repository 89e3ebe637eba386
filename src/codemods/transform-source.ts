import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { analyzeFile } from '../core/analyze';
import { DisableDirectives } from '../core/disable-directives';
import { ParseFailure, parseFile, type ParsedFile } from '../core/parse';
import { mayUseRedis } from '../core/redis-modules';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_RETRIES, remedyContext, type TextEdit } from '../core/remedies';
import { DEFAULT_TEST_FILE_PATTERNS } from '../core/test-files';
import {
  InvalidOptionError,
  NestingTooDeepError,
  SourceParseError,
  TRANSFORM_NAMES,
  type CodemodOptions,
  type FileTransformResult,
  type SkippedSite,
  type TransformName,
} from './api';
import { PLANNERS, type ResolvedOptions } from './plan';

/** Edits that overlap are applied over several rounds; a file never needs more than a few. */
const MAX_ROUNDS = 5;

/**
 * Runs the named transforms over one file's text, in a fixed order. Returns the text unchanged (the
 * same string) when there is nothing to do; throws `SourceParseError` when the file does not parse.
 */
export function transformSource(
  source: string,
  filePath: string,
  transforms: readonly TransformName[],
  options: CodemodOptions = {},
): FileTransformResult {
  const resolved = resolveOptions(options);
  try {
    return runTransforms(source, filePath, transforms, resolved);
  } catch (error) {
    // typescript-estree and scope analysis recurse once per nesting level; the file itself is fine.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new NestingTooDeepError();
    throw error;
  }
}

function runTransforms(
  source: string,
  filePath: string,
  transforms: readonly TransformName[],
  resolved: ResolvedOptions,
): FileTransformResult {
  const unchanged: FileTransformResult = { output: source, changed: false, applied: [], skipped: [] };
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = source.slice(bom.length);
  if (!mayUseRedis(text, resolved.clientModules)) return unchanged;

  const applied: TransformName[] = [];
  const skipped: SkippedSite[] = [];
  const parser = new CachedParser(filePath);
  for (const name of TRANSFORM_NAMES.filter((candidate) => transforms.includes(candidate))) {
    const result = runTransform(name, text, parser, resolved);
    skipped.push(...result.skipped.map((site) => ({ transform: name, ...site })));
    if (result.output !== text) {
      applied.push(name);
      text = result.output;
    }
  }
  if (applied.length === 0) return { ...unchanged, skipped };
  return { output: bom + text, changed: true, applied, skipped };
}

/**
 * Applies one transform until it has nothing left to do (overlapping edits take another round). Every
 * text it returns has been parsed, so a transform can never hand back a file that does not parse.
 */
function runTransform(
  name: TransformName,
  sourceText: string,
  parser: CachedParser,
  options: ResolvedOptions,
): { output: string; skipped: Omit<SkippedSite, 'transform'>[] } {
  let current = sourceText;
  let skipped: Omit<SkippedSite, 'transform'>[] = [];
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const parsed = parser.parse(current);
    if (round === MAX_ROUNDS) break;
    const analysis = analyzeFile({ ...parsed, sourceText: current, clientModules: options.clientModules });
    if (!analysis) break;
    const plan = PLANNERS[name]({
      analysis,
      remedy: remedyContext(current, parser.filePath),
      directives: new DisableDirectives(parsed.ast.comments),
      filePath: parser.filePath,
      options,
    });
    if (round === 0) skipped = plan.skipped;
    if (plan.edits.length === 0) break;
    current = applyEdits(current, plan.edits);
  }
  return { output: current, skipped };
}

/**
 * Parses each text once: the parse that shows one transform has nothing left to do is the next
 * transform's starting point. The first text is the user's file: its parse errors are theirs.
 */
class CachedParser {
  private last: { text: string; parsed: ParsedFile } | undefined;

  constructor(readonly filePath: string) {}

  parse(text: string): ParsedFile {
    if (this.last?.text === text) return this.last.parsed;
    const isUserInput = this.last === undefined;
    try {
      this.last = { text, parsed: parseFile(text, this.filePath) };
      return this.last.parsed;
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      if (isUserInput) throw new SourceParseError(error.message, error.line, error.column);
      // Our own output must always parse; if it does not, refuse to hand it back.
      throw new Error(`internal error: the transformed ${path.basename(this.filePath)} would not parse (${error.message})`);
    }
  }
}

/** Applies non-overlapping edits; identical duplicates (two owners, one statement) count once. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (previous && previous.range[0] === edit.range[0] && previous.range[1] === edit.range[1] && previous.text === edit.text) continue;
    if (edit.range[0] < position) continue;
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
    previous = edit;
  }
  return output + text.slice(position);
}

function resolveOptions(options: CodemodOptions): ResolvedOptions {
  const connectTimeout = options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isSafeInteger(connectTimeout) || connectTimeout <= 0) {
    throw new InvalidOptionError(`connect timeout must be a positive whole number of milliseconds, got ${connectTimeout}`);
  }
  if (!Number.isSafeInteger(maxRetries) || maxRetries <= 0) {
    throw new InvalidOptionError(`max retries must be a positive whole number, got ${maxRetries}`);
  }
  return {
    errorHandler: options.errorHandler === undefined ? undefined : validateHandler(options.errorHandler),
    connectTimeout,
    maxRetries,
    clientModules: options.clientModules ?? [],
    testFilePatterns: options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS,
    cwd: options.cwd ?? process.cwd(),
  };
}

/** The handler must be exactly one expression, e.g. `(err) => logger.error({ err }, 'redis error')`. */
function validateHandler(source: string): string {
  const handler = source.trim();
  const problem = `--error-handler must be one JavaScript expression such as "(err) => logger.error(err)"`;
  let program;
  try {
    program = parse(`(${handler});`, { range: true, jsx: false });
  } catch (error) {
    throw new InvalidOptionError(`${problem}; it does not parse: ${(error as Error).message}`);
  }
  const [statement] = program.body;
  const wholeExpression =
    program.body.length === 1 &&
    statement?.type === 'ExpressionStatement' &&
    statement.expression.range[0] === 1 &&
    statement.expression.range[1] === handler.length + 1;
  if (!handler || !wholeExpression) throw new InvalidOptionError(`${problem}; got: ${source}`);
  return handler;
}
