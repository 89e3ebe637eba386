/**
 * jscodeshift transform `add-error-listener`: `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/add-error-listener.js src`
 * (or `redis-codemod --transform add-error-listener`). Options use the rule options' names, e.g. `--connectTimeout=15000`.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('add-error-listener');
