/**
 * Reads a connection owner's options where node-redis really reads them: `socket` for clients and pools,
 * `defaults.socket` for clusters (not `rootNodes`), `nodeClientOptions.socket` for sentinels, and a
 * duplicate's overrides on top of its parent's options (see docs/node-redis.md#where-options-are-read).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, conditionalBranches, isFunctionNode, mergedArguments, propertyKeyName, unwrap } from './ast';
import type { RedisOwner } from './find-clients';
import { positionalArgumentsOf, type PositionalArguments } from './legacy-positional';
import { pathSources, writeReason, writesOverlapping } from './option-writes';
import type { SameFileValues } from './same-file-values';

type Node = TSESTree.Node;
/** An object literal, or a merge call read as an object of spreads (`Object.assign({}, defaults, options)`). */
type OptionsObject = TSESTree.ObjectExpression | { merged: readonly Node[] };

/** Where a missing option has to be written: a new first argument, or a property path inside an object. */
export type OptionInsertion =
  | { type: 'argument'; call: TSESTree.CallExpression | TSESTree.NewExpression; path: readonly string[] }
  | { type: 'property'; object: TSESTree.ObjectExpression; path: readonly string[] }
  | { type: 'value'; node: Node };

export type ConnectTimeoutProblem =
  | 'missingTimeout'
  | 'missingClusterTimeout'
  | 'clusterRootNodesOnly'
  | 'missingSentinelTimeout'
  | 'duplicateSocketOverride'
  | 'timeoutDisabled'
  | 'positionalArguments';

export type ConnectTimeoutCheck =
  | { status: 'ok' }
  | { status: 'not-applicable'; reason: string }
  | { status: 'unknown'; reason: string; node: Node }
  /** `insertions`: one per way through the options that lacks the timeout (see option-writes.ts). */
  | { status: 'problem'; problem: ConnectTimeoutProblem; insertions: OptionInsertion[] };

export type ReconnectProblem = 'disabled' | 'alwaysGivesUp' | 'conditional';

export interface DisabledReconnect {
  problem: ReconnectProblem;
  /** The `reconnectStrategy` property. */
  property: TSESTree.Property;
  /** The expression to replace with a bounded strategy (the `false` branch of a conditional). */
  target: Node;
}

type Lookup =
  | { found: TSESTree.Property }
  | { missing: TSESTree.ObjectExpression; path: readonly string[] }
  | { unknown: Node };

/** What a path holds on one way through the options. */
type PathValue =
  | { value: Node }
  | { missing: TSESTree.ObjectExpression; path: readonly string[] }
  | { unknown: Node; reason: string };

export const SOCKET_PATH: Record<RedisOwner['kind'], readonly string[]> = {
  client: ['socket'],
  pool: ['socket'],
  cluster: ['defaults', 'socket'],
  sentinel: ['nodeClientOptions', 'socket'],
};

const MISSING_PROBLEM: Record<RedisOwner['kind'], ConnectTimeoutProblem> = {
  client: 'missingTimeout',
  pool: 'missingTimeout',
  cluster: 'missingClusterTimeout',
  sentinel: 'missingSentinelTimeout',
};

/**
 * v4+ ignores positional arguments (`createClient('redis://…')`, `createClient(port, host)`), so the client
 * has no timeout; there is nowhere to write one until `no-legacy-options`' remedy has made them an options
 * object. When the first argument is not visibly a string or number, it may be the options: unknown.
 */
function positionalTimeout(positional: PositionalArguments, owner: RedisOwner): ConnectTimeoutCheck {
  // Without a declared version, positional arguments are v2/v3 syntax unless the file connect()s the client.
  if (!owner.version && !owner.connected) return { status: 'not-applicable', reason: 'v2/v3-style call (positional arguments)' };
  if (!positional.scalarFirst) return { status: 'unknown', reason: 'options not visible in this file', node: positional.reportNode };
  return { status: 'problem', problem: 'positionalArguments', insertions: [] };
}

export class ClientOptionsReader {
  constructor(private readonly values: SameFileValues) {}

  /** Is `socket.connectTimeout` set (and not 0) where this owner's connections read it? */
  checkConnectTimeout(owner: RedisOwner): ConnectTimeoutCheck {
    if (owner.legacy) return { status: 'not-applicable', reason: 'v2/v3-style call (no socket options)' };
    if (owner.factory === 'createPool') return { status: 'not-applicable', reason: 'a pool inherits its client options' };
    const options = owner.node.arguments[0];
    const socketPath = SOCKET_PATH[owner.kind];
    const timeoutPath = [...socketPath, 'connectTimeout'];

    if (owner.parent) return this.checkDuplicateTimeout(options, socketPath);
    const positional = owner.kind === 'client' ? positionalArgumentsOf(owner.node, this.values) : undefined;
    if (positional) return positionalTimeout(positional, owner);
    if (!options) {
      if (owner.kind === 'cluster' || owner.kind === 'sentinel') {
        return { status: 'not-applicable', reason: `a ${owner.kind} without options cannot connect` };
      }
      return { status: 'problem', problem: 'missingTimeout', insertions: [{ type: 'argument', call: owner.node, path: timeoutPath }] };
    }
    const ways = this.lookupEachWay(options, timeoutPath, owner.node);
    const unknown = ways.find((way) => 'unknown' in way);
    if (unknown) return { status: 'unknown', reason: unknown.reason, node: unknown.unknown };
    const missing = ways.filter((way) => 'missing' in way);
    const disabled = ways.flatMap((way) => ('value' in way && this.disablesTimeout(way.value) ? [way.value] : []));
    const insertions: OptionInsertion[] = [
      ...uniqueObjects(missing).map((way) => ({ type: 'property' as const, object: way.missing, path: way.path })),
      ...disabled.map((node) => ({ type: 'value' as const, node })),
    ];
    if (insertions.length === 0) return { status: 'ok' };
    if (missing.length === 0) return { status: 'problem', problem: 'timeoutDisabled', insertions };
    const problem =
      owner.kind === 'cluster' && this.rootNodesHaveTimeout(options) ? 'clusterRootNodesOnly' : MISSING_PROBLEM[owner.kind];
    return { status: 'problem', problem, insertions };
  }

  /** What `path` holds on each way through the writes made to `options` before `call` reads them. */
  private lookupEachWay(options: Node, path: readonly string[], call: Node): PathValue[] {
    const node = unwrap(options);
    const written = node.type === AST_NODE_TYPES.Identifier ? pathSources(this.values, node, path, call) : undefined;
    if (!written) return [this.pathValue(options, path)];
    if ('blockedBy' in written) return [{ unknown: written.blockedBy.write, reason: writeReason(written.blockedBy) }];
    return written.sources.map((source) => (source.path.length === 0 ? { value: source.root } : this.pathValue(source.root, source.path)));
  }

  private pathValue(expression: Node, path: readonly string[]): PathValue {
    const lookup = this.lookup(expression, path);
    if ('found' in lookup) return { value: lookup.found.value };
    if ('missing' in lookup) return lookup;
    const hidden = unwrap(lookup.unknown);
    const write = hidden.type === AST_NODE_TYPES.Identifier ? this.values.mutations(hidden)[0] : undefined;
    return { unknown: lookup.unknown, reason: write ? writeReason(write) : 'options not visible in this file' };
  }

  /** A duplicate's overrides are merged shallowly: a `socket` override replaces the parent's socket. */
  private checkDuplicateTimeout(
    overrides: Node | undefined,
    socketPath: readonly string[],
  ): ConnectTimeoutCheck {
    const inherits: ConnectTimeoutCheck = { status: 'not-applicable', reason: "inherits its parent's socket options" };
    if (!overrides) return inherits;
    const [topKey] = socketPath as [string];
    const top = this.lookup(overrides, [topKey]);
    if ('unknown' in top) return { status: 'unknown', reason: 'overrides not visible in this file', node: top.unknown };
    if ('missing' in top) return inherits;
    const lookup = this.lookup(overrides, [...socketPath, 'connectTimeout']);
    if ('unknown' in lookup) return { status: 'unknown', reason: 'overrides not visible in this file', node: lookup.unknown };
    if ('found' in lookup) {
      const { value } = lookup.found;
      return this.disablesTimeout(value) ? { status: 'problem', problem: 'timeoutDisabled', insertions: [{ type: 'value', node: value }] } : { status: 'ok' };
    }
    return {
      status: 'problem',
      problem: 'duplicateSocketOverride',
      insertions: [{ type: 'property', object: lookup.missing, path: lookup.path }],
    };
  }

  /** `connectTimeout: 0` turns the timeout off. */
  private disablesTimeout(value: Node): boolean {
    const resolved = this.values.resolveConstant(value);
    return resolved.type === AST_NODE_TYPES.Literal && resolved.value === 0;
  }

  private rootNodesHaveTimeout(options: Node): boolean {
    const lookup = this.lookup(options, ['rootNodes']);
    if (!('found' in lookup)) return false;
    const rootNodes = this.values.resolveConstant(lookup.found.value);
    if (rootNodes.type !== AST_NODE_TYPES.ArrayExpression) return false;
    return rootNodes.elements.some(
      (element) => element !== null && 'found' in this.lookup(element, ['socket', 'connectTimeout']),
    );
  }

  /** Every `reconnectStrategy` in this owner's socket options that turns reconnection off. */
  findDisabledReconnect(owner: RedisOwner): DisabledReconnect | undefined {
    if (owner.legacy || owner.factory === 'createPool') return undefined;
    const options = owner.node.arguments[0];
    if (!options) return undefined;
    const lookup = this.lookup(options, [...SOCKET_PATH[owner.kind], 'reconnectStrategy']);
    if (!('found' in lookup)) return undefined;
    const property = lookup.found;
    const verdict = this.classifyStrategy(property.value);
    return verdict && { property, ...verdict };
  }

  private classifyStrategy(value: Node, depth = 0): { problem: ReconnectProblem; target: Node } | undefined {
    const node = unwrap(value);
    if (depth > 8) return undefined;
    this.values.budget.spend();
    if (this.givesUp(node)) return { problem: 'disabled', target: value };
    if (node.type === AST_NODE_TYPES.Identifier) {
      const resolved = this.values.constantValue(node);
      const verdict = resolved && this.classifyStrategy(resolved, depth + 1);
      return verdict && { problem: verdict.problem, target: value };
    }
    if (isFunctionNode(node)) return this.alwaysGivesUp(node) ? { problem: 'alwaysGivesUp', target: value } : undefined;
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      const consequent = this.classifyStrategy(node.consequent, depth + 1);
      const alternate = this.classifyStrategy(node.alternate, depth + 1);
      if (consequent && alternate) return { problem: 'disabled', target: value };
      const branch = consequent ?? alternate;
      return branch && { problem: 'conditional', target: branch.target };
    }
    if (node.type === AST_NODE_TYPES.LogicalExpression) {
      const right = this.classifyStrategy(node.right, depth + 1);
      return right && { problem: 'conditional', target: right.target };
    }
    return undefined;
  }

  /** `false` or an Error: the values that make node-redis stop reconnecting. */
  private givesUp(expression: Node, depth = 0): boolean {
    const node = unwrap(expression);
    this.values.budget.spend();
    if (node.type === AST_NODE_TYPES.Literal) return node.value === false;
    if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      return callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(callee.name);
    }
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      // Nested conditionals recurse as deep as the source nests them: bounded by the budget's depth.
      return this.values.budget.nested(() => this.givesUp(node.consequent, depth) && this.givesUp(node.alternate, depth));
    }
    if (node.type === AST_NODE_TYPES.Identifier && depth < 8) {
      const resolved = this.values.constantValue(node);
      return resolved !== undefined && !isFunctionNode(unwrap(resolved)) && this.givesUp(resolved, depth + 1);
    }
    return false;
  }

  /** An async or generator strategy returns a Promise or iterator, which node-redis rejects and replaces with its default. */
  private alwaysGivesUp(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration): boolean {
    if (fn.async || fn.generator) return false;
    const returned = this.values.returnedExpressions(fn);
    return returned.length > 0 && returned.every((expression) => this.givesUp(expression));
  }

  /**
   * Follows `path` through same-file object literals (constants and spreads included). Stops with
   * `unknown` as soon as something cannot be seen: a parameter, a call, a spread of outside data.
   */
  lookup(expression: Node, path: readonly string[]): Lookup {
    let holder = expression;
    let object = this.resolveObject(expression, path);
    if (!object) return { unknown: expression };
    for (let index = 0; index < path.length; index++) {
      const { property, complete } = this.findProperty(object, path.slice(index));
      if (!property) {
        if ('merged' in object) return { unknown: holder };
        return complete ? { missing: object, path: path.slice(index) } : { unknown: object };
      }
      if (index === path.length - 1) return { found: property };
      holder = property.value;
      const next = this.resolveObject(property.value, path.slice(index + 1));
      if (!next) return { unknown: property.value };
      object = next;
    }
    return { unknown: expression };
  }

  /**
   * The object literal an expression holds, following same-file constants; undefined when it is not a
   * literal, or when the code writes into it along `path` later (`options.socket = …`).
   */
  private resolveObject(expression: Node, path: readonly string[], depth = 0): OptionsObject | undefined {
    const node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
    const merged = mergedArguments(node);
    if (merged) return { merged };
    if (node.type !== AST_NODE_TYPES.Identifier || depth > 8) return undefined;
    if (writesOverlapping(this.values, node, path).length > 0) return undefined;
    const value = this.values.constantValue(node);
    return value && this.resolveObject(value, path, depth + 1);
  }

  /** The last property named `path[0]`, looking into resolvable spreads; `complete` is false when a spread or computed key hides it. */
  private findProperty(
    object: OptionsObject,
    path: readonly string[],
    seen = new Set<OptionsObject>(),
  ): { property?: TSESTree.Property; complete: boolean } {
    const name = path[0]!;
    seen.add(object);
    // A merge call is read as an object of spreads; its result is never where an option can be inserted.
    const members = 'merged' in object ? object.merged.map((argument) => ({ argument })) : object.properties;
    let complete = !('merged' in object);
    for (let index = members.length - 1; index >= 0; index--) {
      const member = members[index]!;
      this.values.budget.spend();
      if ('type' in member && member.type === AST_NODE_TYPES.Property) {
        const key = propertyKeyName(member);
        if (key === name) return { property: member, complete };
        if (key === undefined) complete = false;
        continue;
      }
      const argument = (member as { argument: Node }).argument;
      const spread = this.resolveObject(argument, path);
      if (!spread) {
        complete &&= this.conditionalSpreadLacks(argument, path, seen);
        continue;
      }
      if (seen.has(spread)) {
        complete = false;
        continue;
      }
      // A spread of a spread of …: as deep as the file chains them, bounded by the budget's depth.
      const inner = this.values.budget.nested(() => this.findProperty(spread, path, seen));
      if (inner.property) return { property: inner.property, complete: complete && inner.complete };
      complete &&= inner.complete;
    }
    return { complete };
  }

  /**
   * `...(flag && { … })`, `...(flag ? { … } : {})`: whether no branch can hold `path[0]`, so that the
   * spread hides nothing. A branch that holds it makes the option conditional: not known to be missing.
   */
  private conditionalSpreadLacks(argument: Node, path: readonly string[], seen: Set<OptionsObject>): boolean {
    const branches = conditionalBranches(argument);
    if (!branches) return false;
    return branches.every((branch) => {
      if (spreadsNothing(branch)) return true;
      const object = this.resolveObject(branch, path);
      if (!object || seen.has(object)) return false;
      const inner = this.values.budget.nested(() => this.findProperty(object, path, seen));
      return !inner.property && inner.complete;
    });
  }
}

/** `{}`, `undefined`, `null`, `false`, `''`, `0`: a spread of them adds no property. */
function spreadsNothing(expression: Node): boolean {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node.properties.length === 0;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  return node.type === AST_NODE_TYPES.Literal && !node.value && !(node as TSESTree.Literal & { regex?: unknown }).regex;
}

/** Each missing object once (two ways may lack the same literal's key). */
function uniqueObjects<T extends { missing: TSESTree.ObjectExpression }>(ways: T[]): T[] {
  const seen = new Set<TSESTree.ObjectExpression>();
  return ways.filter((way) => !seen.has(way.missing) && seen.add(way.missing));
}
