/**
 * The contract between the codemod transforms and the `redis-codemod` CLI.
 * `transformSource` runs the named transforms over one file's text and reports what it changed and
 * what it had to leave alone; it throws `SourceParseError` for a file that does not parse.
 */

export { DEFAULT_TRANSFORM_NAMES, TRANSFORM_NAMES, type TransformName } from '../core/safeguards';
import type { TransformName } from '../core/safeguards';

export interface CodemodOptions {
  /** Source text of the handler expression used by `add-error-listener` and `handle-connect`. */
  errorHandler?: string;
  /** Milliseconds written by `add-connect-timeout` (default 10000). */
  connectTimeout?: number;
  /** Attempts before the strategy written by `bound-reconnect-strategy` and `add-reconnect-strategy` gives up (default 20). */
  maxRetries?: number;
  /** Modules that re-export node-redis factories, like the lint setting `redis.clientModules`. */
  clientModules?: string[];
  /**
   * The node-redis version the code is written against, like the lint setting `redis.version`: `'detect'`
   * (the default: the nearest package.json that declares node-redis), a major (`4`) or a semver version or range.
   */
  redisVersion?: 'detect' | number | string;
  /** Globs that mark test files (replace the defaults), like the rule option of `no-disabled-reconnect`. */
  testFilePatterns?: string[];
  /** Directory test-file globs are matched from (default `process.cwd()`). */
  cwd?: string;
  /** Columns inserted lines keep within (default: the file's `.editorconfig`, its longest line if 80 or more, or 100). */
  lineWidth?: number;
}

export interface SkippedSite {
  transform: TransformName;
  line: number;
  column: number;
  reason: string;
}

export interface FileTransformResult {
  output: string;
  changed: boolean;
  /** Transforms that changed the file, in the order they ran. */
  applied: TransformName[];
  skipped: SkippedSite[];
}

export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SourceParseError';
  }
}

export { InvalidOptionError } from '../core/errors';

/**
 * The file nests expressions more deeply than the parser's recursion fits in the current stack. It is
 * valid code: the CLI retries it on a thread with a much larger stack before giving up.
 */
export class NestingTooDeepError extends Error {
  constructor() {
    super('nested too deeply for the parser (stack exhausted)');
    this.name = 'NestingTooDeepError';
  }
}
