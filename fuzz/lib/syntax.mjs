// The parsers ESLint (and so the codemods) use give the mutators and the structure oracle an ESTree with
// tokens: typescript-estree for TypeScript, espree for JavaScript (which typescript-estree sometimes
// rejects, e.g. `this?.#field`).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { languageOf } from './languages.mjs';

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const { parse } = requireFromRoot('@typescript-eslint/typescript-estree');
const espree = requireFromRoot('espree');
const { visitorKeys } = requireFromRoot('@typescript-eslint/visitor-keys');

/** Parses like the codemods do; throws on a syntax error. Comments are merged into `tokens`. */
export function parseTree(text, filename) {
  const language = languageOf(filename);
  const ast = language.typescript
    ? parse(text, { range: true, tokens: true, comment: true, jsx: language.estreeJsx })
    : parseJavaScript(text, language.commonjs);
  const tokens = [...ast.tokens, ...ast.comments].sort((a, b) => a.range[0] - b.range[0]);
  return { ast, tokens };
}

/** espree as ESLint runs it: a module, or a CommonJS script (`.cjs`, or a `.js` that is not a module). */
function parseJavaScript(text, commonjs) {
  const options = (sourceType) => ({
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    ecmaVersion: 'latest',
    sourceType,
    ecmaFeatures: { jsx: true, globalReturn: sourceType === 'script' },
  });
  if (commonjs) return espree.parse(text, options('script'));
  try {
    return espree.parse(text, options('module'));
  } catch (error) {
    try {
      return espree.parse(text, options('script'));
    } catch {
      throw error;
    }
  }
}

/** Calls `visit(node, parent, key)` for every node, parents first. Iterative: files may nest deeply. */
export function walk(root, visit) {
  const stack = [[root, undefined, undefined]];
  while (stack.length > 0) {
    const [node, parent, key] = stack.pop();
    visit(node, parent, key);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = node[keys[k]];
      const children = Array.isArray(value) ? value : [value];
      for (let c = children.length - 1; c >= 0; c--) {
        const child = children[c];
        if (child && typeof child.type === 'string') stack.push([child, node, keys[k]]);
      }
    }
  }
}

/** Every node, with its parent and the key it sits under. */
export function allNodes(ast) {
  const nodes = [];
  walk(ast, (node, parent, key) => nodes.push({ node, parent, key }));
  return nodes;
}

const STATEMENT_LISTS = { Program: 'body', BlockStatement: 'body', StaticBlock: 'body', TSModuleBlock: 'body', SwitchCase: 'consequent' };

/** Statements that sit in a statement list (so they can be deleted, duplicated or wrapped alone). */
export function listedStatements(nodes) {
  return nodes.filter(({ parent, key }) => parent && STATEMENT_LISTS[parent.type] === key).map(({ node }) => node);
}

/** The names a statement declares: `const a = …`, `function f`, `class C`. */
export function declaredNames(statement) {
  const target = statement.type.startsWith('Export') && statement.declaration ? statement.declaration : statement;
  if (target.type === 'VariableDeclaration') {
    return target.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  }
  if ((target.type === 'FunctionDeclaration' || target.type === 'ClassDeclaration') && target.id) return [target.id.name];
  return [];
}

export function splitBom(text) {
  return text.startsWith('\uFEFF') ? { bom: true, body: text.slice(1) } : { bom: false, body: text };
}

export function eolOf(text) {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The white space that starts the line `offset` is on. */
export function indentAt(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))[0];
}

export function replaceRange(text, [start, end], replacement) {
  return text.slice(0, start) + replacement + text.slice(end);
}
