import type { CodemodOptions, FileTransformResult, TransformName } from './api';

/** Placeholder until the transforms land: returns the source unchanged. */
export function transformSource(
  source: string,
  _filePath: string,
  _transforms: readonly TransformName[],
  _options: CodemodOptions = {},
): FileTransformResult {
  return { output: source, changed: false, applied: [], skipped: [] };
}
