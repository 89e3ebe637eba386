/**
 * The event listeners a file attaches to node-redis owners (`client.on('error', fn)`), with the
 * same-file functions each listener argument may be. Shared by the lifecycle checks (`connect()` inside
 * a listener, an 'error' listener that only rethrows).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, calledMethodName, unwrap } from './ast';
import type { RedisClientAnalysis, RedisOwner } from './find-clients';
import { LISTENER_METHODS, PERSISTENT_LISTENER_METHODS } from './redis-modules';
import type { FunctionNode } from './same-file-values';

export interface OwnerListener {
  /** The `.on(event, listener)` call. */
  call: TSESTree.CallExpression;
  event: string;
  persistent: boolean;
  owners: readonly RedisOwner[];
  /** The functions the listener argument may be (empty when it cannot be seen). */
  functions: readonly FunctionNode[];
}

const listed = new WeakMap<RedisClientAnalysis, Map<ReadonlySet<string>, OwnerListener[]>>();

/** Every listener for one of `events` attached to an owner, in source order (listed once per file). */
export function ownerListeners(clients: RedisClientAnalysis, events: ReadonlySet<string>): OwnerListener[] {
  let byEvents = listed.get(clients);
  if (!byEvents) {
    byEvents = new Map();
    listed.set(clients, byEvents);
  }
  const known = byEvents.get(events);
  if (known) return known;
  // The 'error' listeners are among the 'error', 'end' and 'reconnecting' ones the connect() check listed.
  for (const [listedEvents, listeners] of byEvents) {
    if ([...events].every((event) => listedEvents.has(event))) return listeners.filter((listener) => events.has(listener.event));
  }
  const found = listenersOf(clients, events);
  byEvents.set(events, found);
  return found;
}

function listenersOf(clients: RedisClientAnalysis, events: ReadonlySet<string>): OwnerListener[] {
  const found: OwnerListener[] = [];
  for (const call of clients.values.callsOfMethods(LISTENER_METHODS)) {
    const persistent = PERSISTENT_LISTENER_METHODS.has(calledMethodName(call)!);
    const event = clients.values.staticStringOf(call.arguments[0]);
    if (event === undefined || !events.has(event)) continue;
    const owners = clients.ownersOf((unwrap(call.callee) as TSESTree.MemberExpression).object);
    if (owners.length === 0) continue;
    const listener = call.arguments[1];
    const functions = listener && listener.type !== AST_NODE_TYPES.SpreadElement ? clients.values.functionsOf(listener) : [];
    found.push({ call, event, persistent, owners, functions });
  }
  return found;
}
