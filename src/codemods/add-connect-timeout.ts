/**
 * jscodeshift transform `add-connect-timeout`: `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/add-connect-timeout.js src`
 * (or `redis-codemod --transform add-connect-timeout`). Options use the rule options' names, e.g. `--connectTimeout=15000`.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('add-connect-timeout');
