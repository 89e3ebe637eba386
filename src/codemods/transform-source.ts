import { analyzeFile, type FileAnalysis } from '../core/analyze';
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
import { validateErrorHandler } from './error-handler';
import { javaScriptMode, type JavaScriptMode } from './languages';
import { PLANNERS, at, type PlannedSite, type ResolvedOptions } from './plan';
import { checkRemedies } from './verify';

export { applyEdits } from './verify';

/** A site deferred because its edits overlap another site's gets another round; a file never needs more than a few. */
const MAX_ROUNDS = 4;

type Site = Omit<SkippedSite, 'transform'>;

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

  const file = new FileState(filePath, text, resolved);
  const applied: TransformName[] = [];
  const skipped: SkippedSite[] = [];
  for (const name of TRANSFORM_NAMES.filter((candidate) => transforms.includes(candidate))) {
    const result = runTransform(name, file);
    skipped.push(...result.skipped.map((site) => ({ transform: name, ...site })));
    if (file.text !== text) {
      applied.push(name);
      text = file.text;
    }
  }
  if (applied.length === 0) return { ...unchanged, skipped };
  return { output: bom + text, changed: true, applied, skipped };
}

/**
 * Applies one transform. Every site's edits are checked before they are kept: the output must parse
 * in the file's own language, the site's report must be gone, and every other report must stay where
 * it was. A site that fails the check is listed as skipped; it is never written.
 */
function runTransform(name: TransformName, file: FileState): { skipped: Site[] } {
  const skipped: Site[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { parsed } = file;
    const analysis = analyzeFile({ ...parsed, sourceText: file.text, clientModules: file.options.clientModules });
    if (!analysis) break;
    const plan = PLANNERS[name]({
      analysis,
      remedy: remedyContext(file.text, file.filePath),
      directives: new DisableDirectives(parsed.ast.comments),
      filePath: file.filePath,
      options: file.options,
    });
    if (round === 0) skipped.push(...plan.skipped);
    const { batch, deferred } = nonOverlapping(plan.sites);
    if (batch.length === 0) break;
    const accepted = file.applyChecked(name, batch, analysis, skipped);
    if (!accepted || deferred.length === 0) break;
    if (round === MAX_ROUNDS - 1) skipped.push(...deferred.map((site) => at(site.reportNode, 'overlaps another edit')));
  }
  return { skipped };
}

/** The sites whose edits overlap no earlier site's (identical edits, as for two owners of one statement, do not count). */
function nonOverlapping(sites: readonly PlannedSite[]): { batch: PlannedSite[]; deferred: PlannedSite[] } {
  const taken: TextEdit[] = [];
  const batch: PlannedSite[] = [];
  const deferred: PlannedSite[] = [];
  for (const site of sites) {
    const clash = site.edits.some((edit) => taken.some((other) => overlap(edit, other)));
    if (clash) {
      deferred.push(site);
    } else {
      batch.push(site);
      taken.push(...site.edits);
    }
  }
  return { batch, deferred };
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text) return false;
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** The file as the transforms leave it, parsed once per text; the first text is the user's and its parse errors are theirs. */
class FileState {
  private current: { text: string; parsed: ParsedFile };
  private readonly mode: JavaScriptMode | undefined;

  constructor(
    readonly filePath: string,
    text: string,
    readonly options: ResolvedOptions,
  ) {
    try {
      this.current = { text, parsed: parseFile(text, filePath) };
    } catch (error) {
      if (error instanceof ParseFailure) throw new SourceParseError(error.message, error.line, error.column);
      throw error;
    }
    this.mode = javaScriptMode(text, filePath);
  }

  get text(): string {
    return this.current.text;
  }

  get parsed(): ParsedFile {
    return this.current.parsed;
  }

  /** Applies the sites that pass the check (the others are added to `skipped`); returns whether any did. */
  applyChecked(name: TransformName, sites: readonly PlannedSite[], analysis: FileAnalysis, skipped: Site[]): boolean {
    const input = { transform: name, text: this.text, filePath: this.filePath, mode: this.mode, analysis };
    const checked = checkRemedies(input, sites, this.options.clientModules, skipped);
    if (!checked) return false;
    this.current = checked;
    return true;
  }
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
    errorHandler: options.errorHandler === undefined ? undefined : validateErrorHandler(options.errorHandler),
    connectTimeout,
    maxRetries,
    clientModules: options.clientModules ?? [],
    testFilePatterns: options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS,
    cwd: options.cwd ?? process.cwd(),
  };
}
