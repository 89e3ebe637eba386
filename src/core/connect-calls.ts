/**
 * `connect()` calls on node-redis owners whose promise is dropped, and `connect()` calls made from an
 * owner's 'error', 'end' or 'reconnecting' listener (facts §6, §10: node-redis reconnects by itself, and
 * a failed first connect rejects `connect()` instead of emitting 'error').
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, contains, isFunctionNode, unwrap } from './ast';
import { CallSites } from './call-sites';
import type { RedisClientAnalysis, RedisOwner } from './find-clients';
import { ownerListeners } from './owner-listeners';
import { PromiseFates, enclosingFunction } from './promise-fate';
import type { FunctionNode } from './same-file-values';

type Node = TSESTree.Node;

export type ConnectProblem = 'floatingConnect' | 'connectInErrorListener' | 'connectInEndListener';

/** Where an `await` could go: inside an async function, at the top level (allowed only in an ES module), or nowhere. */
export type AwaitContext = 'async-function' | 'top-level' | 'none';

export interface ConnectFinding {
  problem: ConnectProblem;
  /** The `connect()` call; where the rule reports. */
  call: TSESTree.CallExpression;
  owner: RedisOwner;
  /** For the listener problems: the event whose listener calls `connect()`. */
  event?: string;
  /**
   * For a floating `connect()`: the expression to await or to give `.catch(…)`, and where an `await`
   * could go (`none` when the value is used, or returned to code that ignores it).
   */
  remedy?: { end: Node; awaitContext: AwaitContext };
}

const RECONNECTING_EVENTS = new Set(['error', 'end', 'reconnecting']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** Every problematic `connect()` on a node-redis owner, in source order. */
export function findConnectProblems(clients: RedisClientAnalysis): ConnectFinding[] {
  const connects = clients.values.callsOfMethods(['connect']).flatMap((call) => {
    const [owner] = clients.ownersOf((unwrap(call.callee) as TSESTree.MemberExpression).object);
    return owner ? [{ call, owner }] : [];
  });
  if (connects.length === 0) return [];
  // A listener can only surround a connect() that is inside some function.
  const listenerEvents = connects.some(({ call }) => enclosingFunction(call)) ? lifecycleListenerFunctions(clients) : new Map<FunctionNode, string>();
  const fates = new PromiseFates(clients.values);
  const findings: ConnectFinding[] = [];
  for (const { call, owner } of connects) {
    const event = listenerEventAround(call, listenerEvents);
    if (event !== undefined) {
      findings.push({ problem: event === 'end' ? 'connectInEndListener' : 'connectInErrorListener', call, owner, event });
      continue;
    }
    const fate = fates.of(call);
    if (fate.status !== 'dropped') continue;
    const awaitContext = fate.valueUnused && !fate.inCallback ? awaitContextOf(fate.end) : 'none';
    findings.push({ problem: 'floatingConnect', call, owner, remedy: { end: fate.end, awaitContext } });
  }
  return findings;
}

/**
 * The functions that run when an owner emits 'error', 'end' or 'reconnecting': the listeners, and the
 * same-file functions a listener calls by name or hands to a timer (one level deep) when nothing outside
 * the listeners names them (a `connectRedis()` also called at start-up is the start-up connection).
 */
function lifecycleListenerFunctions(clients: RedisClientAnalysis): Map<FunctionNode, string> {
  const byFunction = new Map<FunctionNode, string>();
  const { values } = clients;
  const callSites = new CallSites(values);
  const listeners = ownerListeners(clients, RECONNECTING_EVENTS);
  const roots = listeners.flatMap((listener) => listener.functions);
  const onlyNamedInListeners = (fn: FunctionNode) =>
    callSites.namedReferences(fn)?.every((reference) => roots.some((root) => contains(root, reference))) === true;
  for (const listener of listeners) {
    for (const fn of listener.functions) {
      if (byFunction.has(fn)) continue;
      byFunction.set(fn, listener.event);
      for (const call of callSites.within(fn)) {
        const callees = calledFunctions(call).flatMap((expression) => values.functionsOf(expression));
        for (const callee of callees) if (!byFunction.has(callee) && onlyNamedInListeners(callee)) byFunction.set(callee, listener.event);
      }
    }
  }
  return byFunction;
}

/** `reconnect()`, `this.reconnect()`, and the function handed to `setTimeout(reconnect, 1000)`. */
function calledFunctions(call: TSESTree.CallExpression): Node[] {
  const callee = unwrap(call.callee);
  const byName =
    callee.type === AST_NODE_TYPES.Identifier ||
    (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  const timerArgument = name !== undefined && TIMERS.has(name) ? call.arguments.slice(0, 1) : [];
  return [...(byName ? [callee] : []), ...timerArgument];
}

function listenerEventAround(call: TSESTree.CallExpression, listenerEvents: Map<FunctionNode, string>): string | undefined {
  if (listenerEvents.size === 0) return undefined;
  for (let current: Node | undefined = call.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const event = listenerEvents.get(current);
      if (event !== undefined) return event;
    }
  }
  return undefined;
}

/** An async function allows `await`; the top level does in an ES module, but not in a class body or namespace. */
function awaitContextOf(node: Node): AwaitContext {
  const fn = enclosingFunction(node);
  if (fn) return fn.async ? 'async-function' : 'none';
  return insideClassMemberOrNamespace(node) ? 'none' : 'top-level';
}

const NO_TOP_LEVEL_AWAIT = new Set<string>([
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.TSModuleBlock,
]);

function insideClassMemberOrNamespace(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (NO_TOP_LEVEL_AWAIT.has(current.type)) return true;
  }
  return false;
}
