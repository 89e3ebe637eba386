/**
 * jscodeshift transform `handle-connect`: `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/handle-connect.js src`
 * (or `redis-codemod --transform handle-connect`). Options use the rule options' names, e.g. `--errorHandler=logError`.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('handle-connect');
