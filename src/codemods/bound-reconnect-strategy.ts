/**
 * jscodeshift transform `bound-reconnect-strategy`: `npx jscodeshift -t node_modules/eslint-plugin-redis/dist/codemods/bound-reconnect-strategy.js src`
 * (or `redis-codemod --transform bound-reconnect-strategy`). Options come from jscodeshift's command line, e.g. `--connectTimeout=15000`.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { toCodemodOptions } from './jscodeshift-options';
import { transformSource } from './transform-source';

export default function boundReconnectStrategy(file: FileInfo, _api: API, options: Options): string {
  return transformSource(file.source, file.path, ['bound-reconnect-strategy'], toCodemodOptions(options)).output;
}
