// Token-level mutations: identifier swaps, factory and module swaps, declaration kinds, semicolons, comments.
import { eolOf, indentAt, replaceRange } from '../syntax.mjs';

const KEYWORDS = new Set(['undefined', 'async', 'of', 'get', 'set', 'type', 'as', 'satisfies', 'from', 'require']);

function identifierTokens(context) {
  return context.tree.tokens.filter((token) => token.type === 'Identifier' && !KEYWORDS.has(token.value));
}

/** Swaps every occurrence of two names, or puts one name in place of another at one occurrence. */
export const swapIdentifiers = (context) => {
  const tokens = identifierTokens(context);
  const names = [...new Set(tokens.map((token) => token.value))];
  if (names.length < 2) return undefined;
  const first = context.choose(names);
  const second = names[(names.indexOf(first) + 1 + (context.arg % (names.length - 1))) % names.length];
  if (context.arg % 2 === 1) {
    const occurrence = context.choose(tokens.filter((token) => token.value === first), 7);
    return replaceRange(context.text, occurrence.range, second);
  }
  let text = context.text;
  for (const token of [...tokens].reverse()) {
    if (token.value === first) text = replaceRange(text, token.range, second);
    else if (token.value === second) text = replaceRange(text, token.range, first);
  }
  return text;
};

const FACTORIES = ['createClient', 'createCluster', 'createSentinel', 'createClientPool', 'duplicate', 'createPool', 'RedisClient'];
const MODULES = ['redis', '@redis/client', '@node-redis/client', 'ioredis'];

/** One factory name for another, or one module name for another. */
export const swapFactory = (context) => {
  const factories = context.tree.tokens.filter((token) => token.type === 'Identifier' && FACTORIES.includes(token.value));
  const modules = context.tree.tokens.filter((token) => token.type === 'String' && MODULES.includes(token.value.slice(1, -1)));
  if (context.arg % 3 === 2 && modules.length > 0) {
    const token = context.choose(modules);
    const quote = token.value[0];
    return replaceRange(context.text, token.range, quote + MODULES[context.arg % MODULES.length] + quote);
  }
  const token = context.choose(factories);
  return token && replaceRange(context.text, token.range, FACTORIES[context.arg % FACTORIES.length]);
};

/** `const` to `let`/`var`, or `const x = value;` split into `let x;` and `x = value;`. */
export const declarationKind = (context) => {
  const declarations = context.nodes.filter(({ node }) => node.type === 'VariableDeclaration' && !node.declare).map(({ node }) => node);
  const declaration = context.choose(declarations);
  if (!declaration) return undefined;
  const kinds = ['const', 'let', 'var', 'split'];
  const kind = kinds[context.variant(kinds.length)];
  const [declarator] = declaration.declarations;
  if (kind !== 'split') return replaceRange(context.text, [declaration.range[0], declaration.range[0] + declaration.kind.length], kind);
  if (declaration.declarations.length !== 1 || declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
  const name = declarator.id.name;
  const separator = eolOf(context.text) + indentAt(context.text, declaration.range[0]);
  const annotation = declarator.id.typeAnnotation ? context.sourceOf(declarator.id.typeAnnotation) : '';
  return replaceRange(context.text, declaration.range, `let ${name}${annotation};${separator}${name} = ${context.sourceOf(declarator.init)};`);
};

/** No-semicolon style: every statement-ending `;` removed, or just one. */
export const dropSemicolons = (context) => {
  const ends = context.statements
    .concat(context.nodes.filter(({ node }) => node.type === 'PropertyDefinition').map(({ node }) => node))
    .filter((node) => context.text[node.range[1] - 1] === ';')
    .map((node) => node.range[1] - 1);
  if (ends.length === 0) return undefined;
  const removed = context.arg % 4 === 0 ? [context.choose(ends)] : ends;
  let text = context.text;
  for (const at of [...new Set(removed)].sort((a, b) => b - a)) text = replaceRange(text, [at, at + 1], '');
  return text;
};

const RULES = ['require-error-listener', 'require-connect-timeout', 'no-disabled-reconnect'];

/** An eslint-disable comment, or a comment between two tokens, or at the end of a line. */
export const insertComment = (context) => {
  const variant = context.variant(4);
  if (variant === 0 || variant === 1) {
    const statement = context.choose(context.statements);
    if (!statement) return undefined;
    const rule = RULES[context.arg % RULES.length];
    const comment = variant === 0 ? `// eslint-disable-next-line redis/${rule}` : `/* eslint-disable redis/${rule} */`;
    const separator = eolOf(context.text) + indentAt(context.text, statement.range[0]);
    return replaceRange(context.text, [statement.range[0], statement.range[0]], comment + separator);
  }
  const token = context.choose(context.tree.tokens);
  if (!token) return undefined;
  if (variant === 2) return replaceRange(context.text, [token.range[0], token.range[0]], '/* note */ ');
  const lineEnd = context.text.indexOf('\n', token.range[1]);
  const at = lineEnd === -1 ? context.text.length : context.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return replaceRange(context.text, [at, at], ' // trailing note');
};
