// Size and depth: thousands of filler lines, the file's body replicated in blocks, one long line,
// and expressions nested hundreds of levels deep.
import { eolOf, replaceRange } from '../syntax.mjs';
import { nodesOfType } from './context.mjs';

const FILLERS = [
  (i) => `function helper${i}(a, b) { return a + b * ${i}; }`,
  (i) => `const row${i} = { id: ${i}, name: 'row ${i}', tags: ['a', 'b'], nested: { deep: [${i}, ${i + 1}] } };`,
  (i) => `if (process.env.FLAG_${i}) console.log('flag ${i}', ${i});`,
  (i) => `let counter${i} = ${i}; counter${i} += 1;`,
  (i) => `const text${i} = \`line ${i}: \${${i} * 2}\`;`,
];

/** 100 to 1,100 lines of unrelated code after a top-level statement. */
export const fillerLines = (context) => {
  const count = 100 + (context.arg % 1000);
  const eol = eolOf(context.text);
  const lines = Array.from({ length: count }, (_, i) => FILLERS[i % FILLERS.length](i));
  const topLevel = context.tree.ast.body;
  const after = context.choose(topLevel);
  const at = after ? after.range[1] : context.text.length;
  return replaceRange(context.text, [at, at], eol + lines.join(eol) + eol);
};

const MODULE_SYNTAX = new Set(['ImportDeclaration', 'TSImportEqualsDeclaration', 'ExportAllDeclaration', 'ExportDefaultDeclaration']);

/** The top-level code (imports and exports aside) replicated 2 to 60 times, each copy in its own block. */
export const replicateBody = (context) => {
  const parts = context.tree.ast.body.flatMap((statement) => {
    if (MODULE_SYNTAX.has(statement.type)) return [];
    if (statement.type === 'ExportNamedDeclaration') return statement.declaration ? [context.sourceOf(statement.declaration)] : [];
    return [context.sourceOf(statement)];
  });
  if (parts.length === 0) return undefined;
  const eol = eolOf(context.text);
  const block = `{${eol}${parts.join(eol)}${eol}}`;
  const copies = 2 + (context.arg % 59);
  return context.text + eol + Array.from({ length: copies }, () => block).join(eol) + eol;
};

/** One statement's line made very long: the same statement repeated on that line. */
export const longLine = (context) => {
  const statement = context.choose(context.statements.filter((s) => s.type === 'ExpressionStatement'));
  if (!statement) return undefined;
  const source = context.sourceOf(statement);
  const copies = 50 + (context.arg % 500);
  const separator = source.endsWith(';') ? ' ' : '; ';
  return replaceRange(context.text, statement.range, Array.from({ length: copies }, () => source).join(separator));
};

const DEEP = [
  (e, n) => '('.repeat(n) + e + ')'.repeat(n),
  (e, n) => 'flag ? null : '.repeat(n) + e,
  (e, n) => '['.repeat(n) + e + ']'.repeat(n) + '[0]'.repeat(n),
  (e, n) => '(() => '.repeat(n) + e + ')()'.repeat(n),
];

/** An expression 5 to 600 levels deep in parentheses, conditionals, arrays or arrow calls. */
export const nestExpression = (context) => {
  const target = context.choose(nodesOfType(context, ['CallExpression', 'NewExpression', 'ObjectExpression']));
  if (!target) return undefined;
  const depth = 5 + (context.arg % 596);
  const wrap = DEEP[context.arg % DEEP.length];
  return replaceRange(context.text, target.node.range, wrap(context.sourceOf(target.node), depth));
};
