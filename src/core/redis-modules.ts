/**
 * What node-redis exports, as a ReferenceTracker trace map: which module names and which factories
 * create a connection owner (see docs/node-redis.md#connection-owners and
 * docs/node-redis.md#how-the-rules-recognise-node-redis).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES, memberName } from './ast';
import type { AnalysisBudget } from './budget';

const { CALL, CONSTRUCT, ReferenceTracker } = { ...ASTUtils.ReferenceTracker, ReferenceTracker: ASTUtils.ReferenceTracker };

export type OwnerKind = 'client' | 'pool' | 'cluster' | 'sentinel';

/** How messages and inserted handlers name each kind of owner. */
export const OWNER_LABEL: Record<OwnerKind, string> = {
  client: 'client',
  pool: 'client pool',
  cluster: 'cluster',
  sentinel: 'sentinel',
};

export interface FactoryInfo {
  kind: OwnerKind;
  /** How the factory is named in messages, e.g. `createClient` or `RedisClient.create`. */
  factory: string;
  /** `RedisClient.factory(config)` returns a factory function; the owner is made by calling that. */
  curried?: boolean;
}

export const NODE_REDIS_MODULES = ['redis', '@redis/client', '@node-redis/client'] as const;

function factory(kind: OwnerKind, name: string, curried = false): { [CALL]: FactoryInfo } {
  return { [CALL]: { kind, factory: name, curried } };
}

function redisClass(kind: OwnerKind, className: string) {
  return {
    [CONSTRUCT]: { kind, factory: `new ${className}` } satisfies FactoryInfo,
    create: factory(kind, `${className}.create`),
    factory: factory(kind, `${className}.factory`, true),
  };
}

const FACTORIES: TraceMapNode = {
  createClient: factory('client', 'createClient'),
  createClientPool: factory('pool', 'createClientPool'),
  createCluster: factory('cluster', 'createCluster'),
  createSentinel: factory('sentinel', 'createSentinel'),
  RedisClient: redisClass('client', 'RedisClient'),
  RedisClientPool: redisClass('pool', 'RedisClientPool'),
  RedisCluster: redisClass('cluster', 'RedisCluster'),
  RedisSentinel: redisClass('sentinel', 'RedisSentinel'),
};

export interface TraceMapNode {
  [name: string]: TraceMapNode;
  [mark: symbol]: FactoryInfo;
}
export type TraceMap = Record<string, TraceMapNode>;

export interface FoundFactoryReference {
  node: TSESTree.Node;
  /** From the module (ES imports: `[moduleName, ...]`) or from the node tracking started at. */
  path: readonly string[];
  info: FactoryInfo;
}

/**
 * `ASTUtils.ReferenceTracker` with the one method its published types leave out: tracking from an
 * arbitrary expression (`require('redis')`, `await import('redis')`) however `require` is declared.
 */
export interface FactoryTracker {
  iterateEsmReferences(traceMap: TraceMap): IterableIterator<FoundFactoryReference>;
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapNode): IterableIterator<FoundFactoryReference>;
}

/** The tracker's own recursion: one call per variable an alias chain passes through. */
interface TrackerInternals {
  variableStack: readonly unknown[];
  _iterateVariableReferences(...args: unknown[]): IterableIterator<FoundFactoryReference>;
}

/**
 * The tracker follows aliases recursively and without memory (`const b = a || a` doubles its work per
 * line), so every variable it enters and every reference it hands up through its nested generators
 * spends the file's budget, and an alias chain deeper than the budget's depth bound makes the file
 * unknown instead of overflowing the stack.
 */
export function createFactoryTracker(globalScope: TSESLint.Scope.Scope, budget: AnalysisBudget): FactoryTracker {
  const tracker = new ReferenceTracker(globalScope, { mode: 'legacy' }) as unknown as FactoryTracker & TrackerInternals;
  const iterateVariableReferences = tracker._iterateVariableReferences;
  tracker._iterateVariableReferences = function* bounded(...args: unknown[]) {
    budget.spend();
    budget.checkDepth(tracker.variableStack.length);
    yield* iterateVariableReferences.apply(tracker, args);
  };
  function* charged(references: IterableIterator<FoundFactoryReference>) {
    for (const reference of references) {
      budget.spend(1 + tracker.variableStack.length);
      yield reference;
    }
  }
  return {
    iterateEsmReferences: (traceMap) => charged(tracker.iterateEsmReferences(traceMap)),
    iteratePropertyReferences: (node, traceMap) => charged(tracker.iteratePropertyReferences(node, traceMap)),
  };
}

/** The trace map for node-redis itself plus the team's own wrapper modules (`settings.redis.clientModules`). */
export function buildTraceMap(clientModules: readonly string[]): TraceMap {
  const traceMap: TraceMap = {};
  for (const moduleName of [...NODE_REDIS_MODULES, ...clientModules]) traceMap[moduleName] = FACTORIES;
  return traceMap;
}

const NODE_REDIS_SPECIFIER = /(['"`])(?:redis|@redis\/client|@node-redis\/client)\1/;

/**
 * Cheap pre-check: a file that never writes one of the module names as a string cannot import it, so
 * it cannot create a node-redis client and costs the rules and codemods nothing more.
 */
export function mayUseRedis(sourceText: string, clientModules: readonly string[]): boolean {
  // `includes` first: most files never write "redis", and it is much faster than the pattern.
  return (sourceText.includes('redis') && NODE_REDIS_SPECIFIER.test(sourceText)) || clientModules.some((name) => sourceText.includes(name));
}

/** Methods on a connection owner that create a new, separate connection owner. */
export const DERIVED_FACTORIES: ReadonlyMap<string, (parent: OwnerKind) => OwnerKind | undefined> = new Map<string, (parent: OwnerKind) => OwnerKind | undefined>([
  ['duplicate', (parent) => (parent === 'pool' ? undefined : parent)],
  ['createPool', (parent) => (parent === 'client' ? 'pool' : undefined)],
]);

/**
 * Methods whose result is the same emitter as their receiver: event-listener methods return `this`,
 * the command-option proxies share the parent's emitter, and `connect()` resolves to the client.
 */
export const SAME_EMITTER_METHODS = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
  'setMaxListeners',
  'withTypeMapping',
  'withCommandOptions',
  'withAbortSignal',
  'asap',
  'connect',
]);

/**
 * The call when `member` is the callee of a method that hands the same emitter on before it is
 * connected (`client.on(…)`, `client.withTypeMapping(…)`): the chain's value is still the client.
 */
export function chainedEmitterCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const call = member.parent;
  const method = memberName(member);
  const chained =
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === member &&
    method !== undefined &&
    method !== 'connect' &&
    SAME_EMITTER_METHODS.has(method);
  return chained ? call : undefined;
}

export const PERSISTENT_LISTENER_METHODS = new Set(['on', 'addListener', 'prependListener']);
export const ONE_SHOT_LISTENER_METHODS = new Set(['once', 'prependOnceListener']);
export const LISTENER_METHODS = [...PERSISTENT_LISTENER_METHODS, ...ONE_SHOT_LISTENER_METHODS];

/** Option keys that only node-redis v2/v3 understands (see docs/node-redis.md#v2v3-code). */
export const LEGACY_OPTION_KEYS = new Set([
  'retry_strategy',
  'connect_timeout',
  'enable_offline_queue',
  'auth_pass',
  'no_ready_check',
  'socket_keepalive',
  'socket_initial_delay',
  'return_buffers',
  'detect_buffers',
  'string_numbers',
  'rename_commands',
  'disable_resubscribing',
  'retry_unfulfilled_commands',
  'max_attempts',
  'retry_max_delay',
  'db',
]);
