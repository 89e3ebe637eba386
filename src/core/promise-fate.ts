/**
 * What happens to a promise-valued expression, as far as the file shows: is its rejection awaited,
 * returned, caught, explicitly ignored with `void`, or dropped? Knows nothing about node-redis;
 * `connect-calls.ts` asks it about `connect()`. Anything it cannot follow is `unknown`, never dropped.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, isFunctionNode, memberName, unwrap } from './ast';
import type { FunctionNode, SameFileValues, Variable } from './same-file-values';

type Node = TSESTree.Node;

export type HandledBy = 'await' | 'return' | 'catch' | 'void' | 'allSettled';

/**
 * `end` is the outermost expression that still carries the rejection (`client.connect().then(f)`):
 * awaiting it or appending `.catch(…)` to it handles the rejection. `valueUnused` says the end's value
 * is thrown away (an expression statement), so it may be awaited without changing what the code reads.
 */
export type PromiseFate =
  | { status: 'handled'; by: HandledBy }
  | { status: 'unknown' }
  | { status: 'dropped'; end: Node; valueUnused: boolean; inCallback: boolean };

const MAX_HOPS = 64;
const PROMISE_COMBINATORS = new Set(['all', 'race', 'any']);
/** Functions whose callback's return value nobody reads. */
const RETURN_IGNORING_CALLEES = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick']);
const RETURN_IGNORING_METHODS = new Set(['forEach', 'on', 'once', 'addListener', 'prependListener', 'addEventListener']);

const UNKNOWN: PromiseFate = { status: 'unknown' };

/** One step up: a final fate, a jump to another node, or the parent (`chain` when it is still the promise). */
type Step = { fate: PromiseFate } | { jump: Node } | { chain: boolean };

export class PromiseFates {
  constructor(private readonly values: SameFileValues) {}

  /** The fate of the promise `expression` evaluates to. */
  of(expression: Node): PromiseFate {
    return this.follow(expression, new Set(), 0);
  }

  private follow(start: Node, seen: Set<unknown>, hops: number): PromiseFate {
    let node = start;
    let end = start;
    for (let step = 0; step < MAX_HOPS; step++) {
      const parent = node.parent;
      if (!parent) return UNKNOWN;
      const next = this.step(parent, node, end, seen, hops);
      if ('fate' in next) return next.fate;
      if ('jump' in next) {
        node = next.jump;
        end = next.jump;
        continue;
      }
      node = parent;
      if (next.chain) end = parent;
    }
    return UNKNOWN;
  }

  private step(parent: Node, child: Node, end: Node, seen: Set<unknown>, hops: number): Step {
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
        return { chain: false };
      case AST_NODE_TYPES.ChainExpression:
        return { chain: true };
      case AST_NODE_TYPES.AwaitExpression:
        return { fate: { status: 'handled', by: 'await' } };
      case AST_NODE_TYPES.UnaryExpression:
        return { fate: parent.operator === 'void' ? { status: 'handled', by: 'void' } : UNKNOWN };
      case AST_NODE_TYPES.ExpressionStatement:
        return { fate: { status: 'dropped', end, valueUnused: true, inCallback: false } };
      case AST_NODE_TYPES.ReturnStatement:
        return { fate: this.returnedFrom(enclosingFunction(parent), end) };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return { fate: parent.body === child ? this.returnedFrom(parent, end) : UNKNOWN };
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === child ? this.promiseMethod(parent) : { fate: UNKNOWN };
      case AST_NODE_TYPES.ArrayExpression:
        return this.combinatorElement(parent);
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === child ? { fate: UNKNOWN } : { chain: false };
      case AST_NODE_TYPES.LogicalExpression:
        return { chain: false };
      case AST_NODE_TYPES.SequenceExpression:
        return parent.expressions[parent.expressions.length - 1] === child
          ? { chain: false }
          : { fate: { status: 'dropped', end, valueUnused: true, inCallback: false } };
      case AST_NODE_TYPES.VariableDeclarator:
        return { fate: parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? this.storedIn(parent.id, end, seen, hops) : UNKNOWN };
      case AST_NODE_TYPES.AssignmentExpression:
        return {
          fate:
            parent.right === child && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier
              ? this.storedIn(parent.left, end, seen, hops)
              : UNKNOWN,
        };
      default:
        return { fate: UNKNOWN };
    }
  }

  /** `.catch(h)` and `.then(ok, fail)` handle the rejection; `.then(ok)` and `.finally(f)` pass it on. */
  private promiseMethod(member: TSESTree.MemberExpression): Step {
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return { fate: UNKNOWN };
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return { fate: UNKNOWN };
    const method = memberName(member);
    if (method === 'catch') return call.arguments.length > 0 ? { fate: { status: 'handled', by: 'catch' } } : { jump: call };
    if (method === 'then') {
      const onRejected = call.arguments[1];
      return onRejected && !isNullish(onRejected) ? { fate: { status: 'handled', by: 'catch' } } : { jump: call };
    }
    if (method === 'finally') return { jump: call };
    return { fate: UNKNOWN };
  }

  /** `Promise.all([p, q])` rejects when `p` does; `Promise.allSettled` never rejects. */
  private combinatorElement(array: TSESTree.ArrayExpression): Step {
    const call = array.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== array) return { fate: UNKNOWN };
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return { fate: UNKNOWN };
    const object = unwrap(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise' || !isGlobal(object, this.values)) {
      return { fate: UNKNOWN };
    }
    const method = memberName(callee);
    if (method === 'allSettled') return { fate: { status: 'handled', by: 'allSettled' } };
    if (method === undefined || !PROMISE_COMBINATORS.has(method)) return { fate: UNKNOWN };
    // Continue from the combinator call itself: the array is not a promise.
    return { jump: call };
  }

  /** Returned from a function: handled by its caller, unless the function is a callback whose result nobody reads. */
  private returnedFrom(fn: FunctionNode | undefined, end: Node): PromiseFate {
    if (!fn || !isReturnIgnoringCallback(fn, this.values)) return { status: 'handled', by: 'return' };
    return { status: 'dropped', end, valueUnused: false, inCallback: true };
  }

  /** Stored in a variable: handled when some read handles it, dropped when every read drops it (or none reads it). */
  private storedIn(identifier: TSESTree.Identifier, end: Node, seen: Set<unknown>, hops: number): PromiseFate {
    const variable = this.values.findVariable(identifier);
    if (!variable || seen.has(variable) || hops >= MAX_HOPS || isExported(variable)) return UNKNOWN;
    seen.add(variable);
    const reads = variable.references.filter((reference) => reference.isRead());
    if (reads.length === 0) return { status: 'dropped', end, valueUnused: false, inCallback: false };
    let firstDrop: PromiseFate | undefined;
    for (const reference of reads) {
      const fate = this.follow(reference.identifier as Node, seen, hops + 1);
      if (fate.status !== 'dropped') return fate;
      firstDrop ??= fate;
    }
    return firstDrop!;
  }
}

export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

function isNullish(node: Node): boolean {
  const value = unwrap(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/** `setTimeout(() => p)`, `list.forEach((x) => p)`, `emitter.on('x', () => p)`, `new Promise(() => p)`. */
function isReturnIgnoringCallback(fn: FunctionNode, values: SameFileValues): boolean {
  const call = fn.parent;
  if (!call || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression)) return false;
  if (!call.arguments.includes(fn as TSESTree.Expression)) return false;
  const callee = unwrap(call.callee);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && isGlobal(callee, values);
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return RETURN_IGNORING_CALLEES.has(callee.name) && isGlobal(callee, values);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== undefined && (RETURN_IGNORING_CALLEES.has(method) || RETURN_IGNORING_METHODS.has(method));
}

function isExported(variable: Variable): boolean {
  const declaration = variable.defs[0]?.node.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/** A name the file does not declare itself (ESLint may still list it as a configured global). */
export function isGlobal(identifier: TSESTree.Identifier, values: SameFileValues): boolean {
  const variable = values.findVariable(identifier);
  return !variable || variable.defs.length === 0;
}
