import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';

/**
 * `@typescript-eslint/utils` re-exports the enum through a getter, which compiled CommonJS calls on every
 * `AST_NODE_TYPES.X` read: a plain constant made the shared analysis ~15% faster (`npm run bench`).
 */
export const AST_NODE_TYPES = NODE_TYPES;

type Node = TSESTree.Node;

const TS_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/** Strips the wrappers that do not change a value: `x as T`, `x satisfies T`, `x!`, `<T>x`, `a?.b`. */
export function unwrap(node: Node): Node {
  let current = node;
  while (TS_WRAPPERS.has(current.type) || current.type === AST_NODE_TYPES.ChainExpression) {
    current = (current as TSESTree.TSAsExpression | TSESTree.ChainExpression).expression;
  }
  return current;
}

/** Object-merging helpers: their result has every own key of every argument (`Object.assign`, lodash, jQuery). */
const LODASH_MERGES = ['assign', 'assignIn', 'extend', 'merge', 'defaults', 'defaultsDeep'];
const MERGE_METHODS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Object', new Set(['assign'])],
  ['_', new Set(LODASH_MERGES)],
  ['lodash', new Set(LODASH_MERGES)],
  ['$', new Set(['extend'])],
  ['jQuery', new Set(['extend'])],
]);

/** The objects a merge call combines (`Object.assign({}, defaults, options)`), in the order it applies them. */
export function mergedArguments(node: Node): Node[] | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const method = memberName(callee);
  if (!method || !MERGE_METHODS.get(callee.object.name)?.has(method)) return undefined;
  // `$.extend(true, target, …)` merges deeply; the flag is not an object.
  const args = node.arguments.filter((arg) => !(arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'boolean'));
  return args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement) ? undefined : args;
}

/** Like `unwrap`, and also looks through `await`. */
export function unwrapAwait(node: Node): Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  return current;
}

/** The parent that receives this node's value, skipping the wrappers `unwrap` strips. */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (TS_WRAPPERS.has(parent.type) ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

export function staticString(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0) {
    return inner.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The name of a non-computed (or string-literal computed) member property: `a.b`, `a['b']`, `a.#b`. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    if (node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
    if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
    return undefined;
  }
  return staticString(node.property);
}

/** `Object.assign`, `process.env`: a member `property` read off the plain identifier `object`. */
export function isNamedMember(expression: Node, object: string, property: string): boolean {
  const node = unwrap(expression);
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== property) return false;
  const target = unwrap(node.object);
  return target.type === AST_NODE_TYPES.Identifier && target.name === object;
}

/** The static key of an object property or class member (`a`, `'a'`, `['a']`, `#a`). */
export function propertyKeyName(
  node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  return staticString(key);
}

/** The method name of `x.name(...)`, or undefined when the callee is not a static member access. */
export function calledMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
}

export function isFunctionNode(
  node: Node,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The nearest enclosing class, looking through arrow functions but not through ordinary functions. */
export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** The statement that contains `node`, and the list it sits in when that is a block or program body. */
export function enclosingStatement(node: Node): TSESTree.Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (!parent) return undefined;
    if (
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.StaticBlock ||
      parent.type === AST_NODE_TYPES.SwitchCase ||
      parent.type === AST_NODE_TYPES.TSModuleBlock
    ) {
      return current;
    }
    if (isFunctionNode(parent) || parent.type === AST_NODE_TYPES.PropertyDefinition) return undefined;
    // A statement that is the direct body of `if`/loop without braces cannot take a sibling.
    if (
      (parent.type === AST_NODE_TYPES.IfStatement && current !== parent.test) ||
      ((parent.type === AST_NODE_TYPES.ForStatement ||
        parent.type === AST_NODE_TYPES.ForInStatement ||
        parent.type === AST_NODE_TYPES.ForOfStatement ||
        parent.type === AST_NODE_TYPES.WhileStatement ||
        parent.type === AST_NODE_TYPES.DoWhileStatement ||
        parent.type === AST_NODE_TYPES.LabeledStatement) &&
        current === (parent as { body: Node }).body)
    ) {
      return undefined;
    }
  }
  return undefined;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Visits every node below `root` in source order. `visitorKeys` is the parser's key map, so parsers
 * with extra node types (TypeScript, JSX) are walked completely.
 */
export function walk(
  root: Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  visit: (node: Node) => void,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
}

/** The values a conditional spread's argument may be (`flag && { … }`, `flag ? a : b`); undefined for any other argument. */
export function conditionalBranches(argument: Node): Node[] | undefined {
  const node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') return [node.right];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [node.consequent, node.alternate];
  return undefined;
}
