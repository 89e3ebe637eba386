/**
 * jscodeshift transform `add-connect-timeout`: `npx jscodeshift -t node_modules/eslint-plugin-redis/dist/codemods/add-connect-timeout.js src`
 * (or `redis-codemod --transform add-connect-timeout`). Options come from jscodeshift's command line, e.g. `--connectTimeout=15000`.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { toCodemodOptions } from './jscodeshift-options';
import { transformSource } from './transform-source';

export default function addConnectTimeout(file: FileInfo, _api: API, options: Options): string {
  return transformSource(file.source, file.path, ['add-connect-timeout'], toCodemodOptions(options)).output;
}
