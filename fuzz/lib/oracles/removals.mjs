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

/** Ranges the codemods may rewrite: a `reconnectStrategy` property but its key, a `connectTimeout` value. */
export function replaceableRegions(ast) {
  const regions = [];
  walk(ast, (node) => {
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

/** One message per removed span outside the replaceable regions. */
export function removalProblems(ast, removedTokens, body) {
  if (removedTokens.length === 0) return [];
  const regions = replaceableRegions(ast);
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
