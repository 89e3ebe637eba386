import type { Options } from 'jscodeshift';
import type { CodemodOptions } from './api';

const list = (value: unknown): string[] | undefined =>
  value === undefined ? undefined : String(value).split(',').map((item) => item.trim()).filter(Boolean);

const number = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));

/** Maps jscodeshift's `--name=value` options onto the codemod options (lists are comma-separated). */
export function toCodemodOptions(options: Options): CodemodOptions {
  return {
    errorHandler: options.errorHandler as string | undefined,
    connectTimeout: number(options.connectTimeout),
    maxRetries: number(options.maxRetries),
    clientModules: list(options.clientModules),
    testFilePatterns: list(options.testFilePatterns),
  };
}
