/**
 * jscodeshift transform `migrate-legacy-options`: `npx jscodeshift --no-babel -t node_modules/eslint-plugin-redis/dist/codemods/migrate-legacy-options.js src`
 * (or `redis-codemod --transform migrate-legacy-options`). It takes no options of its own.
 */
import { jscodeshiftTransform } from './jscodeshift-options';

export default jscodeshiftTransform('migrate-legacy-options');
