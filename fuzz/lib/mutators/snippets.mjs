// Inserts a node-redis statement of our own at a statement boundary: listeners, connects, duplicates,
// implicit globals, `this.client! =`, `new RedisClient`, ASI hazards (`(`, `[` and template starts).
// `$ID` is a name the file already uses, `$F` a factory callee it already calls, `$N` a fresh number.
import { eolOf, indentAt, replaceRange } from '../syntax.mjs';

const SNIPPETS = [
  "$ID.on('error', (err) => console.error(err));",
  "$ID.once('error', () => {});",
  '$ID.connect();',
  'await $ID.connect();',
  'const dup$N = $ID.duplicate();',
  'const pool$N = $ID.createPool();',
  "client$N = $F({ url: 'redis://x' });",
  'const c$N = $F({ socket: { reconnectStrategy: false } });',
  'const c$N = $F({ socket: { connectTimeout: 0 } });',
  'let c$N = $F()',
  'globalThis.redis ??= $F();',
  'const shared$N = globalThis.redis ?? $F();',
  'const rc$N = new RedisClient;',
  '(async () => { await $ID.connect() })()',
  "[$ID].forEach((c) => c.on('error', console.error))",
  '`${$ID}`.length',
  'module.exports.$ID = $ID;',
  'return $ID;',
  'if (flag) { const c$N = $F() }',
  'beforeEach(() => { $ID = $F() })',
  'this.client = $F();',
  'let c$N; c$N = $F()',
  'export default $F();',
  'export const exported$N = $F({ socket: { reconnectStrategy: () => false } });',
  'const opts$N = { socket: { reconnectStrategy: false } }; const c$N = $F(opts$N);',
];

const FACTORY_NAMES = /^(?:createClient|createCluster|createSentinel|createClientPool|RedisClient)$/;

function factoryCallees(context) {
  return context.nodes
    .filter(({ node }) => node.type === 'CallExpression')
    .map(({ node }) => node.callee)
    .filter((callee) => {
      const name = callee.type === 'MemberExpression' ? callee.property.name : callee.name;
      return typeof name === 'string' && FACTORY_NAMES.test(name);
    })
    .map((callee) => context.sourceOf(callee));
}

function fill(context, snippet) {
  const names = [...new Set(context.tree.tokens.filter((t) => t.type === 'Identifier').map((t) => t.value))];
  const name = context.choose(names, 3) ?? 'client';
  const factory = context.choose(factoryCallees(context), 5) ?? 'createClient';
  return snippet.replaceAll('$ID', name).replaceAll('$F', factory).replaceAll('$N', String(context.arg));
}

export const insertSnippet = (context) => {
  const snippet = fill(context, SNIPPETS[context.variant(SNIPPETS.length)]);
  const statement = context.choose(context.statements);
  if (!statement) return `${context.text}${eolOf(context.text)}${snippet}`;
  const separator = context.arg % 5 === 0 ? ' ' : eolOf(context.text) + indentAt(context.text, statement.range[0]);
  return replaceRange(context.text, [statement.range[1], statement.range[1]], separator + snippet);
};
