/**
 * jscodeshift transform `add-error-listener`: `npx jscodeshift -t node_modules/eslint-plugin-redis/dist/codemods/add-error-listener.js src`
 * (or `redis-codemod --transform add-error-listener`). Options come from jscodeshift's command line, e.g. `--connectTimeout=15000`.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { toCodemodOptions } from './jscodeshift-options';
import { transformSource } from './transform-source';

export default function addErrorListener(file: FileInfo, _api: API, options: Options): string {
  return transformSource(file.source, file.path, ['add-error-listener'], toCodemodOptions(options)).output;
}
