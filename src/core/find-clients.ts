/**
 * Finds the node-redis connection owners a file creates (clients, pools, clusters, sentinels and their
 * duplicates) and whether each gets an 'error' listener. This and `client-options.ts` are the only
 * modules that know node-redis; rules and codemods read their result.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, calledMethodName, propertyKeyName, unwrap, unwrapAwait, valueParent } from './ast';
import { EscapeRoutes, type EscapeRoute } from './escapes';
import { reachableSets, type ValueGraph } from './reachable';
import {
  DERIVED_FACTORIES,
  LEGACY_OPTION_KEYS,
  LISTENER_METHODS,
  ONE_SHOT_LISTENER_METHODS,
  PERSISTENT_LISTENER_METHODS,
  SAME_EMITTER_METHODS,
  buildTraceMap,
  createFactoryTracker,
  type FactoryInfo,
  type FoundFactoryReference,
  type OwnerKind,
} from './redis-modules';
import type { RedisVersion } from './redis-version';
import { SameFileValues, isVariable, type ParsedProgram, type ValueHolder } from './same-file-values';

type Node = TSESTree.Node;
type OwnerNode = TSESTree.CallExpression | TSESTree.NewExpression;
type OwnerStep = { found?: readonly RedisOwner[]; next?: ValueHolder[] };

export type ErrorListenerState = 'persistent' | 'once-only' | 'none';
export type { EscapeRoute };

export interface RedisOwner {
  /** The call (or `new`) that creates the connection owner. */
  node: OwnerNode;
  kind: OwnerKind;
  /** The factory in words: `createClient`, `RedisClient.create`, `duplicate`, ... */
  factory: string;
  /** For `duplicate()` and `createPool()`: the owner it was made from. */
  parent?: RedisOwner;
  /** The module the factory was loaded from (`redis`, an npm alias, a wrapper in `clientModules`). */
  moduleName: string;
  /** The node-redis version the project declares for its module, when it is known. */
  version?: RedisVersion;
  /** Written against the v2/v3 API: by the version, or when it is unknown by the syntax (`createClient(port, host)`). */
  legacy: boolean;
  /** The file calls `connect()` on it. */
  connected: boolean;
  /**
   * A v4+ owner that is never connected and never exported or returned, nor any duplicate of it: it opens
   * no socket and emits no 'error' (a test double for `jest.spyOn`), so nothing is asked of it.
   */
  inert: boolean;
  errorListener: ErrorListenerState;
}

export interface AnalysisInput extends ParsedProgram {
  clientModules: readonly string[];
  /** The version of a node-redis module in this project (undefined when unknown). */
  versionOf?: (moduleName: string) => RedisVersion | undefined;
}

/**
 * The owners of one file. Resolves expressions to the owners they may hold by following same-file
 * values (see `SameFileValues`), same-emitter method chains and functions that return an owner. All of
 * it spends the file's budget (`values.budget`); when that runs out the constructor throws
 * `AnalysisLimitReached` and the file is unknown.
 */
export class RedisClientAnalysis {
  readonly owners: RedisOwner[] = [];
  readonly values: SameFileValues;
  private readonly ownerByNode = new Map<Node, RedisOwner>();
  /** Complete answers only: a walk that met a cycle through `duplicate()` is not remembered. */
  private readonly ownersMemo = new Map<ValueHolder, readonly RedisOwner[]>();
  private readonly resolving = new Set<ValueHolder>();
  private cyclesCut = 0;
  private readonly ownerGraph: ValueGraph<ValueHolder, RedisOwner> = {
    known: (holder) => this.ownersMemo.get(holder),
    expand: (holder) => this.ownerStep(holder),
  };
  private readonly escapes: EscapeRoutes;

  constructor(private readonly input: AnalysisInput) {
    this.values = new SameFileValues(input);
    this.escapes = new EscapeRoutes(this.values);
    this.findFactoryCalls();
    for (const call of this.values.calls) {
      const method = calledMethodName(call);
      if (method !== undefined && DERIVED_FACTORIES.has(method)) this.ownersOf(call);
    }
    this.markListeners();
    this.decideApi();
  }

  /** The owners an expression may evaluate to. */
  ownersOf(expression: Node): readonly RedisOwner[] {
    const start = this.values.holderOf(unwrapAwait(expression));
    const known = this.ownersMemo.get(start);
    if (known) return known;
    // `c = c.duplicate()`: finding the parent needs the answer being computed; that walk is cut short.
    if (this.resolving.has(start)) {
      this.cyclesCut++;
      return [];
    }
    const cutBefore = this.cyclesCut;
    this.resolving.add(start);
    try {
      const { budget } = this.values;
      const answers = budget.nested(() => reachableSets(start, this.ownerGraph, budget));
      if (this.cyclesCut === cutBefore) for (const [holder, owners] of answers) this.ownersMemo.set(holder, owners);
      return answers.get(start)!;
    } finally {
      this.resolving.delete(start);
    }
  }

  /** Where the owner's value goes when it leaves the file, if it does. */
  escapeRoute(owner: RedisOwner): EscapeRoute | undefined {
    return this.escapes.of(owner.node);
  }

  // ---- factories ----------------------------------------------------------------------------------

  private findFactoryCalls(): void {
    const traceMap = buildTraceMap(this.input.clientModules);
    const tracker = createFactoryTracker(this.values.globalScope, this.values.budget);
    const references: (FoundFactoryReference & { moduleName: string })[] = [];
    for (const found of tracker.iterateEsmReferences(traceMap)) references.push({ ...found, moduleName: found.path[0]! });
    for (const { node, moduleName } of this.values.moduleLoads) {
      const moduleMap = traceMap[moduleName];
      if (!moduleMap) continue;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        for (const reference of this.values.findVariable(node.id)?.references ?? []) {
          if (!reference.isRead()) continue;
          for (const found of tracker.iteratePropertyReferences(reference.identifier, moduleMap)) references.push({ ...found, moduleName });
        }
      } else {
        // `await import('redis')` is the module; `require('redis')` is the module itself.
        const start = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
        for (const found of tracker.iteratePropertyReferences(start, moduleMap)) references.push({ ...found, moduleName });
      }
    }
    for (const { node, info, moduleName } of references) {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) continue;
      if (info.curried) this.addCurriedFactory(node as TSESTree.CallExpression, info, moduleName);
      else this.addOwner(node, info.kind, info.factory, moduleName);
    }
  }

  /** `RedisClient.factory(config)` returns a function; each call of it creates an owner. */
  private addCurriedFactory(factoryCall: TSESTree.CallExpression, info: FactoryInfo, moduleName: string): void {
    const { parent, child } = valueParent(factoryCall);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) {
      this.addOwner(parent, info.kind, info.factory, moduleName);
      return;
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      for (const reference of this.values.findVariable(parent.id)?.references ?? []) {
        const use = valueParent(reference.identifier);
        if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use.child) {
          this.addOwner(use.parent, info.kind, info.factory, moduleName);
        }
      }
    }
  }

  private addOwner(node: OwnerNode, kind: OwnerKind, factory: string, moduleName: string, parent?: RedisOwner): RedisOwner {
    const existing = this.ownerByNode.get(node);
    if (existing) return existing;
    const owner: RedisOwner = {
      node,
      kind,
      factory,
      parent,
      moduleName,
      legacy: parent ? parent.legacy : this.isLegacyCall(node, kind),
      connected: false,
      inert: false,
      errorListener: 'none',
    };
    this.ownerByNode.set(node, owner);
    this.owners.push(owner);
    return owner;
  }

  // ---- following values ---------------------------------------------------------------------------

  /** What one holder gives directly (an owner) and the holders its value comes from. */
  private ownerStep(holder: ValueHolder): OwnerStep {
    if (typeof holder === 'string') return { next: this.holdersOf(this.values.valuesUnderKey(holder)) };
    if (isVariable(holder)) {
      return { next: this.holdersOf([...this.values.valueSources(holder), ...this.values.boundSources(holder)]) };
    }
    switch (holder.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const direct = this.ownerByNode.get(holder);
        if (direct) return { found: [direct] };
        return holder.type === AST_NODE_TYPES.CallExpression ? this.ownerStepOfCall(holder) : {};
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return { next: this.holdersOf([holder.consequent, holder.alternate]) };
      case AST_NODE_TYPES.LogicalExpression:
        return { next: this.holdersOf([holder.left, holder.right]) };
      case AST_NODE_TYPES.SequenceExpression:
        return { next: this.holdersOf([holder.expressions[holder.expressions.length - 1]!]) };
      case AST_NODE_TYPES.AssignmentExpression:
        return holder.operator === '=' ? { next: this.holdersOf([holder.right]) } : {};
      default:
        return {};
    }
  }

  /** Same-emitter chains keep the owner, `duplicate()`/`createPool()` make a new one, helpers return one. */
  private ownerStepOfCall(call: TSESTree.CallExpression): OwnerStep {
    const method = calledMethodName(call);
    if (method !== undefined) {
      const receiver = receiverOf(call);
      if (SAME_EMITTER_METHODS.has(method)) return { next: this.holdersOf([receiver]) };
      const derive = DERIVED_FACTORIES.get(method);
      if (derive) {
        const parent = this.ownersOf(receiver).find((candidate) => derive(candidate.kind));
        return parent ? { found: [this.addOwner(call, derive(parent.kind)!, method, parent.moduleName, parent)] } : {};
      }
    }
    const returned = this.values.functionsOf(call.callee).flatMap((fn) => this.values.returnedExpressions(fn));
    return { next: this.holdersOf(returned) };
  }

  private holdersOf(expressions: readonly Node[]): ValueHolder[] {
    return expressions.map((expression) => this.values.holderOf(unwrapAwait(expression)));
  }

  private markListeners(): void {
    const once: (readonly RedisOwner[])[] = [];
    const persistent: (readonly RedisOwner[])[] = [];
    for (const call of this.values.callsOfMethods(LISTENER_METHODS)) {
      const method = calledMethodName(call)!;
      const list = PERSISTENT_LISTENER_METHODS.has(method) ? persistent : ONE_SHOT_LISTENER_METHODS.has(method) ? once : undefined;
      if (!list || this.values.staticStringOf(call.arguments[0]) !== 'error') continue;
      list.push(this.ownersOf(receiverOf(call)));
    }
    for (const owner of distinctOwners(once)) owner.errorListener = 'once-only';
    for (const owner of distinctOwners(persistent)) owner.errorListener = 'persistent';
  }

  // ---- v2/v3 API ----------------------------------------------------------------------------------

  private isLegacyCall(node: OwnerNode, kind: OwnerKind): boolean {
    if (kind !== 'client') return false;
    const [first, second] = node.arguments;
    if (!first) return false;
    if (second) return true;
    const value = this.values.resolveConstant(first);
    if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return true;
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const keys = value.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property ? [propertyKeyName(property)] : [],
    );
    if (keys.some((key) => key !== undefined && LEGACY_OPTION_KEYS.has(key))) return true;
    return (keys.includes('host') || keys.includes('port')) && !keys.includes('socket');
  }

  /**
   * Which API each owner is written against: the project's declared version decides; only where it is
   * unknown does the syntax. There an argument-less `createClient()` is v3 code when the file clearly
   * uses the v3 API elsewhere, or when the file uses the client without ever `connect()`ing it (v3
   * connects by itself; a v4+ client is useless until connected), unless it is exported or returned
   * unconnected (the code that receives it may connect it). A `connect()` call is v4+ evidence.
   */
  private decideApi(): void {
    const connected = distinctOwners(
      this.values.callsOfMethods(['connect']).map((call) => this.ownersOf(receiverOf(call))),
    );
    for (const owner of this.owners) {
      owner.connected = connected.has(owner);
      owner.version = this.input.versionOf?.(owner.moduleName);
    }
    // v2/v3 spellings on a client that is connect()ed are options v4+ ignores, not evidence of v3 code.
    const fileUsesV3 = this.owners.some((owner) => !owner.version && owner.legacy && !owner.parent && !owner.connected);
    // A duplicate copies its parent's options: a parent whose duplicate connects is not inert either.
    const live = new Set(this.owners.filter((owner) => owner.connected || this.leavesFile(owner)).flatMap(lineage));
    for (const owner of this.owners) {
      if (owner.version) {
        owner.legacy = owner.version.major < 4;
        owner.inert = !owner.legacy && !live.has(owner);
      } else if (lineage(owner).some((one) => one.connected)) {
        owner.legacy = false;
      } else if (owner.kind === 'client' && !owner.parent && owner.node.arguments.length === 0) {
        owner.legacy = fileUsesV3 || !this.leavesFile(owner);
      }
    }
    for (const owner of this.owners) {
      if (!owner.version && owner.parent?.legacy && !lineage(owner).some((one) => one.connected)) owner.legacy = true;
    }
  }

  /** Exported or returned: the code that receives it may connect it (code it is passed to is taken not to). */
  private leavesFile(owner: RedisOwner): boolean {
    const route = this.escapeRoute(owner);
    return route === 'exported' || route === 'returned';
  }
}

/** The owner and the owners it was made from (`duplicate()` of a client). */
export function lineage(owner: RedisOwner): RedisOwner[] {
  const owners: RedisOwner[] = [];
  for (let current: RedisOwner | undefined = owner; current; current = current.parent) owners.push(current);
  return owners;
}

/** The union of answers; one answer shared by many expressions (a memo entry) is read once. */
function distinctOwners(answers: readonly (readonly RedisOwner[])[]): Set<RedisOwner> {
  const union = new Set<RedisOwner>();
  for (const answer of new Set(answers)) for (const owner of answer) union.add(owner);
  return union;
}

function receiverOf(call: TSESTree.CallExpression): Node {
  return (unwrap(call.callee) as TSESTree.MemberExpression).object;
}
