/**
 * jscodeshift transform `add-reconnect-strategy` (opt-in: the CLI runs it only when named):
 * `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/add-reconnect-strategy.js src`
 * (or `redis-codemod --transform add-reconnect-strategy`). Options use the rule options' names, e.g. `--maxRetries=10`.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('add-reconnect-strategy');
