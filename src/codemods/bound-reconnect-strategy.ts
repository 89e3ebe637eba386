/**
 * jscodeshift transform `bound-reconnect-strategy`: `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/bound-reconnect-strategy.js src`
 * (or `redis-codemod --transform bound-reconnect-strategy`). Options use the rule options' names, e.g. `--connectTimeout=15000`.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('bound-reconnect-strategy');
