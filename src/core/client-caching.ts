/**
 * Whether a value made inside a function is cached beyond one call of it: `x ??= make()`,
 * `x || (x = make())`, `cache.get(k) ?? make()`, or stored outside the function under a guard that
 * reads the same place (`if (!client) client = make()`, `if (cache.has(k)) return …`). A value kept
 * only in the function's own locals is not cached. Knows nothing about node-redis.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, contains, memberName, unwrap, valueParent } from './ast';
import { chainedEmitterCall } from './redis-modules';
import type { FunctionNode, SameFileValues } from './same-file-values';

type Node = TSESTree.Node;

const MEMO_OPERATORS = new Set(['??', '||']);
const MEMO_ASSIGNMENTS = new Set(['??=', '||=']);
const STORING_METHODS = new Set(['set', 'push', 'add']);
const MAX_STEPS = 32;
const MAX_GUARD_NODES = 200;

export class ClientCaching {
  constructor(private readonly values: SameFileValues) {}

  /** Is the value of `expression` (evaluated once per call of `boundary`) kept for later calls? */
  isCached(expression: Node, boundary: FunctionNode): boolean {
    let current = expression;
    for (let step = 0; step < MAX_STEPS; step++) {
      const { parent, child } = valueParent(current);
      if (!parent || parent === boundary) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression: {
          // `createClient().on(…)` and `await createClient().connect()` still hold the client.
          const call = chainedEmitterCall(parent) ?? connectCall(parent);
          if (!call) return false;
          current = call;
          continue;
        }
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.right === child && MEMO_OPERATORS.has(parent.operator)) return true;
          current = parent;
          continue;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === child) return false;
          current = parent;
          continue;
        case AST_NODE_TYPES.AssignmentExpression:
          if (MEMO_ASSIGNMENTS.has(parent.operator)) return true;
          return parent.operator === '=' && parent.right === child && this.storedUnderGuard(parent.left, parent, boundary);
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier && this.storedUnderGuard(parent.id, parent, boundary);
        case AST_NODE_TYPES.CallExpression:
          return this.storedInCollection(parent, child, boundary);
        default:
          return false;
      }
    }
    return false;
  }

  /** Stored in `target`: cached when the target outlives the call and a guard on the way reads it. */
  private storedUnderGuard(target: Node, at: Node, boundary: FunctionNode): boolean {
    const node = unwrap(target);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.values.findVariable(node);
      if (!variable) return false;
      const declaredInside = variable.defs.some((def) => contains(boundary, def.name));
      if (!declaredInside) return guarded(at, boundary, node.name);
      // A local: cached only if the function then stores it somewhere that outlives the call.
      return variable.references.some((reference) => {
        const use = valueParent(reference.identifier as Node);
        if (use.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.parent.right === use.child) {
          return use.parent.operator === '=' && !this.isLocal(use.parent.left, boundary) && guarded(use.parent, boundary, lastName(use.parent.left));
        }
        return use.parent?.type === AST_NODE_TYPES.CallExpression && this.storedInCollection(use.parent, use.child, boundary);
      });
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) return !this.isLocal(node, boundary) && guarded(at, boundary, lastName(node));
    return false;
  }

  /** `cache.set(key, client)` on a collection that outlives the call, under a guard that reads it. */
  private storedInCollection(call: TSESTree.CallExpression, argument: Node, boundary: FunctionNode): boolean {
    if (call.callee === argument) return false;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !STORING_METHODS.has(memberName(callee) ?? '')) return false;
    return !this.isLocal(callee.object, boundary) && guarded(call, boundary, lastName(callee.object));
  }

  /** A variable declared inside `boundary`, or a member of one. */
  private isLocal(target: Node, boundary: FunctionNode): boolean {
    let node = unwrap(target);
    while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.values.findVariable(node);
    return variable !== undefined && variable.defs.some((def) => contains(boundary, def.name));
  }
}

function connectCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const call = member.parent;
  return memberName(member) === 'connect' && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}

/** The name a guard would mention: `client`, `redis` in `globalThis.redis`, `cache` in `cache.set`. */
function lastName(target: Node): string | undefined {
  const node = unwrap(target);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return undefined;
}

/**
 * Whether a condition between `node` and `boundary` reads `name`: an enclosing `if`/`?:`/`&&`, or an
 * earlier `if (…) return` in an enclosing block (nested callbacks included: they run inside the call).
 */
function guarded(node: Node, boundary: FunctionNode, name: string | undefined): boolean {
  if (name === undefined) return false;
  for (let child: Node = node, parent = node.parent; parent && parent !== boundary; child = parent, parent = parent.parent) {
    const test = guardTest(parent, child);
    if (test && mentions(test, name)) return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent) && mentions(statement.test, name)) return true;
      }
    }
  }
  return false;
}

function guardTest(parent: Node, child: Node): Node | undefined {
  if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child) return parent.test;
  if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) return parent.test;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) return parent.left;
  return undefined;
}

function exits(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && exits(last);
}

/** Whether `test` names `name` as a variable or a member (bounded: guards are small). */
function mentions(test: Node, name: string): boolean {
  const stack: Node[] = [test];
  for (let visited = 0; stack.length > 0 && visited < MAX_GUARD_NODES; visited++) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name) return true;
    if (node.type === AST_NODE_TYPES.ThisExpression && name === 'this') return true;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      if (memberName(node) === name) return true;
      stack.push(node.object);
    } else if (node.type === AST_NODE_TYPES.UnaryExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      stack.push(node.argument);
    } else if (node.type === AST_NODE_TYPES.LogicalExpression || node.type === AST_NODE_TYPES.BinaryExpression) {
      stack.push(node.left, node.right);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      stack.push(node.callee, ...node.arguments);
    } else if (node.type === AST_NODE_TYPES.ChainExpression || node.type === AST_NODE_TYPES.TSNonNullExpression) {
      stack.push(node.expression);
    }
  }
  return false;
}
