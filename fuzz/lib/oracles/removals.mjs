// What the codemods may take out of a file: the value of a `reconnectStrategy` option (with `get`,
// `async` or `*` before a method's key) and the value of a `connectTimeout` that disables it. Anything
// else removed is user code lost.
import { walk } from '../syntax.mjs';
import { lineColumnOf, lineStarts } from './positions.mjs';

const PROPERTY_TYPES = new Set(['Property', 'PropertyDefinition', 'MethodDefinition']);

function keyName(property) {
  const { key } = property;
  if (key.type === 'Identifier' && !property.computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0].value.cooked;
  return undefined;
}

/** `x.on('error', fn)`: the listener function, else undefined. */
function errorListenerOf(node) {
  if (node.type !== 'CallExpression' || node.arguments.length < 2) return undefined;
  const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
  const method = callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : undefined;
  const [event, listener] = node.arguments;
  const isError = event.type === 'Literal' && event.value === 'error';
  const isFunction = listener.type === 'ArrowFunctionExpression' || listener.type === 'FunctionExpression';
  return ['on', 'once', 'addListener', 'prependListener'].includes(method) && isError && isFunction ? listener : undefined;
}

/**
 * Ranges the codemods may rewrite: a `reconnectStrategy` property but its key, a `connectTimeout` value,
 * and the body of an `'error'` listener (a listener that only rethrows has its `throw` replaced by logging).
 */
export function replaceableRegions(ast) {
  const regions = [];
  walk(ast, (node) => {
    const listener = errorListenerOf(node);
    if (listener) regions.push(listener.body.range);
    if (!PROPERTY_TYPES.has(node.type)) return;
    const name = keyName(node);
    if (name === 'reconnectStrategy') {
      regions.push([node.range[0], node.key.range[0]], [node.key.range[1], node.range[1]]);
    } else if (name === 'connectTimeout' && node.value) {
      regions.push(node.value.range);
    }
  });
  return regions;
}

const FACTORIES = new Set(['createClient', 'createCluster', 'createSentinel', 'createClientPool', 'createPool', 'duplicate', 'RedisClient']);

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression']);

function calleeName(wrapped) {
  let callee = wrapped;
  while (WRAPPERS.has(callee.type)) callee = callee.expression;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

const LEGACY_KEYS = new Set(['db', 'host', 'port', 'path', 'tls', 'connectTimeout', 'reconnectStrategy', 'keepAlive', 'noDelay', 'auth_pass', 'enable_offline_queue', 'enableOfflineQueue', 'url']);
const MIGRATED_KEYS = new Set(['socket', 'database', 'password', 'disableOfflineQueue', 'url']);

/**
 * Where `migrate-legacy-options` may move code: the argument lists of node-redis factory calls (a URL
 * string becomes `{ url }`) and the option objects holding a key it moves (`db` becomes `database`,
 * `host` goes into `socket`), in the input (`keys` LEGACY_KEYS) or the output (MIGRATED_KEYS). A move is
 * neither an insertion nor a strategy swap; only a file it changed gets these regions.
 */
export function migrationRegions(ast, side) {
  const keys = side === 'input' ? LEGACY_KEYS : MIGRATED_KEYS;
  const regions = [];
  walk(ast, (node) => {
    if (node.type === 'ObjectExpression' && node.properties.some((p) => p.type === 'Property' && keys.has(keyName(p)))) {
      regions.push(node.range);
    }
    if ((node.type !== 'CallExpression' && node.type !== 'NewExpression') || node.arguments.length === 0) return;
    if (FACTORIES.has(calleeName(node.callee))) regions.push([node.arguments[0].range[0], node.arguments.at(-1).range[1]]);
  });
  return regions;
}

/** The node-redis factory calls of a tree, in source order. */
function factoryCalls(ast) {
  const calls = [];
  walk(ast, (node) => {
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && FACTORIES.has(calleeName(node.callee))) calls.push(node);
  });
  return calls;
}

/**
 * The argument lists a migration moved one bracket deeper (a URL argument now inside `{ url }`), in the
 * input and in the output. The codemods add no factory call, so the calls pair up in order; when they do
 * not, there are none.
 */
export function deepenedArguments(inputAst, outputAst) {
  const input = factoryCalls(inputAst);
  const output = factoryCalls(outputAst);
  if (input.length !== output.length) return { input: [], output: [] };
  const deepened = input
    .map((before, index) => [before, output[index]])
    .filter(([before, after]) => before.arguments[0] && before.arguments[0].type !== 'ObjectExpression' && after.arguments[0]?.type === 'ObjectExpression');
  const span = (call) => [call.arguments[0].range[0], call.arguments.at(-1).range[1]];
  return { input: deepened.map(([before]) => span(before)), output: deepened.map(([, after]) => span(after)) };
}

/** One message per removed span outside the replaceable regions (and `extraRegions`). */
export function removalProblems(ast, removedTokens, body, extraRegions = []) {
  if (removedTokens.length === 0) return [];
  const regions = [...replaceableRegions(ast), ...extraRegions];
  const lost = removedTokens.filter(
    (token) => !regions.some(([start, end]) => token.range[0] >= start && token.range[1] <= end),
  );
  if (lost.length === 0) return [];
  const where = lineColumnOf(lineStarts(body), lost[0].range[0]);
  const text = lost
    .slice(0, 8)
    .map((token) => token.value)
    .join(' ');
  return [`${where}: ${lost.length} token(s) removed: ${text}`];
}
