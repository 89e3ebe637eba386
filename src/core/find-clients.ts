/**
 * Finds the node-redis connection owners a file creates (clients, pools, clusters, sentinels and their
 * duplicates), what each one is bound to, whether it gets an 'error' listener and whether it leaves the
 * file. This is the only module that knows how node-redis values flow; rules and codemods read its result.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calledMethodName,
  enclosingClass,
  isFunctionNode,
  memberName,
  propertyKeyName,
  staticString,
  unwrap,
  unwrapAwait,
  valueParent,
  walk,
} from './ast';
import {
  DERIVED_FACTORIES,
  LEGACY_OPTION_KEYS,
  ONE_SHOT_LISTENER_METHODS,
  PERSISTENT_LISTENER_METHODS,
  SAME_EMITTER_METHODS,
  buildTraceMap,
  createFactoryTracker,
  type FactoryInfo,
  type OwnerKind,
} from './redis-modules';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Scope = TSESLint.Scope.Scope;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export type ErrorListenerState = 'persistent' | 'once-only' | 'none';
export type EscapeRoute = 'exported' | 'returned' | 'passed';

export interface RedisOwner {
  /** The call (or `new`) that creates the connection owner. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  kind: OwnerKind;
  /** The factory in words: `createClient`, `RedisClient.create`, `duplicate`, ... */
  factory: string;
  /** For `duplicate()` and `createPool()`: the owner it was made from. */
  parent?: RedisOwner;
  /** Written against the v2/v3 API (`createClient(port, host)`, snake_case options). */
  legacy: boolean;
  errorListener: ErrorListenerState;
}

export interface AnalysisInput {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  clientModules: readonly string[];
}

const SIMPLE_ASSIGNMENT = '=';

/**
 * Resolves expressions to the owners they may hold, following same-file variables, `this.field` and
 * other member paths, branches, same-emitter method chains and functions that return an owner.
 */
export class RedisClientAnalysis {
  readonly owners: RedisOwner[] = [];
  private readonly globalScope: Scope;
  private readonly ownerByNode = new Map<Node, RedisOwner>();
  private readonly ownersMemo = new Map<Node, readonly RedisOwner[]>();
  private readonly resolving = new Set<Node>();
  /** Every value stored under a member path key (`this@<class>.field`, `var@<n>.a.b`, `global:exports.x`). */
  private readonly memberSources = new Map<string, Node[]>();
  /** Member reads grouped by property name, so member escapes are found without keying every access. */
  private readonly memberReadsByName = new Map<string, TSESTree.MemberExpression[]>();
  private readonly returnsByFunction = new Map<FunctionNode, Node[]>();
  private readonly variableIds = new Map<Variable, number>();
  private readonly listenerCalls: { call: TSESTree.CallExpression; persistent: boolean }[] = [];
  private readonly derivedCandidates: TSESTree.CallExpression[] = [];
  private readonly connectCalls: TSESTree.CallExpression[] = [];
  private readonly calls: TSESTree.CallExpression[] = [];
  private callSites: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  private readonly moduleLoads: { node: Node; moduleName: string }[] = [];

  constructor(private readonly input: AnalysisInput) {
    this.globalScope = input.scopeManager.globalScope as Scope;
    this.index();
    this.findFactoryCalls();
    for (const call of this.derivedCandidates) this.ownersOf(call);
    this.markListeners();
    this.inferLegacyApi();
  }

  /** The owners an expression may evaluate to. */
  ownersOf(expression: Node): readonly RedisOwner[] {
    const node = unwrapAwait(expression);
    const cached = this.ownersMemo.get(node);
    if (cached) return cached;
    if (this.resolving.has(node)) return [];
    this.resolving.add(node);
    try {
      const owners = this.computeOwners(node);
      this.ownersMemo.set(node, owners);
      return owners;
    } finally {
      this.resolving.delete(node);
    }
  }

  /** Where the owner's value goes when it leaves the file, if it does. */
  escapeRoute(owner: RedisOwner): EscapeRoute | undefined {
    return this.escapeOf(owner.node, new Set());
  }

  /** Resolves an identifier from its innermost scope, found by walking up (constant per lookup). */
  findVariable(identifier: TSESTree.Identifier): Variable | undefined {
    return ASTUtils.findVariable(this.scopeOf(identifier), identifier.name) ?? undefined;
  }

  private scopeOf(node: Node): Scope {
    const { scopeManager } = this.input;
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = scopeManager.acquire(current, true) as Scope | null;
      if (scope) return scope.type === 'function-expression-name' ? (scope.childScopes[0] as Scope) : scope;
    }
    return this.globalScope;
  }

  /** The expressions a variable is given: its initializer and every assignment. */
  valueSources(variable: Variable): Node[] {
    const sources: Node[] = [];
    for (const def of variable.defs) {
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier) {
        if (def.node.init) sources.push(def.node.init);
      } else if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) {
        sources.push(def.node);
      }
    }
    for (const reference of variable.references) {
      if (reference.isWrite() && reference.writeExpr && !sources.includes(reference.writeExpr)) {
        const parent = reference.identifier.parent;
        // Only plain `x = value`; `x += 1` and destructuring do not hand over the whole value.
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== SIMPLE_ASSIGNMENT) continue;
        sources.push(reference.writeExpr);
      }
    }
    return sources;
  }

  /**
   * What a parameter or loop variable may hold: the matching argument of every same-file call of its
   * function (`attachErrorHandler(client)`), or the elements it iterates (`[pub, sub].forEach((c) => …)`,
   * `for (const c of [pub, sub])`). Used to find listeners, never to resolve option constants.
   */
  private boundSources(variable: Variable): Node[] {
    const sources: Node[] = [];
    for (const def of variable.defs) {
      if (def.type === 'Parameter' && isFunctionNode(def.node)) {
        const fn = def.node;
        const index = fn.params.findIndex(
          (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
        );
        if (index < 0) continue;
        const iterated = index === 0 ? iteratedArray(fn) : undefined;
        if (iterated) sources.push(...this.arrayElements(iterated));
        for (const call of this.callSitesOf(fn)) {
          const argument = call.arguments[index];
          if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) sources.push(argument);
        }
      } else if (def.node.type === AST_NODE_TYPES.VariableDeclarator) {
        const declaration = def.node.parent;
        const loop = declaration?.parent;
        if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
          sources.push(...this.arrayElements(loop.right));
        }
      }
    }
    return sources;
  }

  private arrayElements(expression: Node): Node[] {
    const array = this.resolveConstant(expression);
    if (array.type !== AST_NODE_TYPES.ArrayExpression) return [];
    return array.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
  }

  /** The same-file calls of each function, computed once, on the first parameter lookup. */
  private callSitesOf(fn: FunctionNode): TSESTree.CallExpression[] {
    if (!this.callSites) {
      this.callSites = new Map();
      for (const call of this.calls) {
        for (const callee of this.functionsOf(call.callee)) pushTo(this.callSites, callee, call);
      }
    }
    return this.callSites.get(fn) ?? [];
  }

  /** The single expression a never-reassigned variable holds, for resolving same-file constants. */
  constantValue(identifier: TSESTree.Identifier): Node | undefined {
    const variable = this.findVariable(identifier);
    if (!variable) return undefined;
    const sources = this.valueSources(variable);
    return sources.length === 1 ? sources[0] : undefined;
  }

  /** The functions an expression may refer to (same file only). */
  functionsOf(expression: Node, seen = new Set<Node>()): FunctionNode[] {
    const node = unwrap(expression);
    if (seen.has(node)) return [];
    seen.add(node);
    if (isFunctionNode(node)) return [node];
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.findVariable(node);
      return variable ? this.valueSources(variable).flatMap((source) => this.functionsOf(source, seen)) : [];
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const key = this.memberKey(node);
      return key ? (this.memberSources.get(key) ?? []).flatMap((source) => this.functionsOf(source, seen)) : [];
    }
    if (node.type === AST_NODE_TYPES.LogicalExpression) {
      return [...this.functionsOf(node.left, seen), ...this.functionsOf(node.right, seen)];
    }
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      return [...this.functionsOf(node.consequent, seen), ...this.functionsOf(node.alternate, seen)];
    }
    return [];
  }

  /** The expressions a function returns (an arrow's expression body counts). */
  returnedExpressions(fn: FunctionNode): Node[] {
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.expression) return [fn.body];
    return this.returnsByFunction.get(fn) ?? [];
  }

  // ---- indexing -------------------------------------------------------------------------------

  private index(): void {
    walk(this.input.ast, this.input.visitorKeys, (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          this.indexCall(node);
          break;
        case AST_NODE_TYPES.ImportExpression: {
          const moduleName = staticString(node.source);
          if (moduleName) this.moduleLoads.push({ node, moduleName });
          break;
        }
        case AST_NODE_TYPES.TSImportEqualsDeclaration:
          if (node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
            const moduleName = staticString(node.moduleReference.expression);
            if (moduleName) this.moduleLoads.push({ node, moduleName });
          }
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          if (node.operator !== SIMPLE_ASSIGNMENT) break;
          if (node.left.type === AST_NODE_TYPES.MemberExpression) this.addMemberSource(node.left, node.right);
          else if (node.left.type === AST_NODE_TYPES.Identifier) this.addObjectHolder(node.left, node.right);
          break;
        case AST_NODE_TYPES.VariableDeclarator:
          if (node.id.type === AST_NODE_TYPES.Identifier && node.init) this.addObjectHolder(node.id, node.init);
          break;
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.MethodDefinition:
          if (node.value && !node.static) this.addClassMemberSource(node, node.value);
          break;
        case AST_NODE_TYPES.MemberExpression: {
          const name = memberName(node);
          if (name) pushTo(this.memberReadsByName, name, node);
          break;
        }
        case AST_NODE_TYPES.ReturnStatement:
          if (node.argument) {
            const fn = nearestFunction(node);
            if (fn) pushTo(this.returnsByFunction, fn, node.argument);
          }
          break;
        default:
          break;
      }
    });
  }

  private indexCall(call: TSESTree.CallExpression): void {
    this.calls.push(call);
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
      const moduleName = staticString(call.arguments[0]);
      const variable = this.findVariable(callee);
      if (moduleName && (!variable || variable.defs.length === 0)) this.moduleLoads.push({ node: call, moduleName });
      return;
    }
    const method = calledMethodName(call);
    if (!method) return;
    if (DERIVED_FACTORIES[method]) this.derivedCandidates.push(call);
    if (method === 'connect') this.connectCalls.push(call);
    const persistent = PERSISTENT_LISTENER_METHODS.has(method);
    if ((persistent || ONE_SHOT_LISTENER_METHODS.has(method)) && this.eventName(call.arguments[0]) === 'error') {
      this.listenerCalls.push({ call, persistent });
    }
  }

  /** `'error'`, or a same-file constant holding it. */
  private eventName(argument: Node | undefined): string | undefined {
    if (!argument) return undefined;
    return staticString(this.resolveConstant(argument));
  }

  private addMemberSource(target: TSESTree.MemberExpression, value: Node): void {
    const key = this.memberKey(target);
    if (key) this.addKeyedSource(key, value);
  }

  /** `const connections = { cache: createClient() }` stores the client under `connections.cache`. */
  private addObjectHolder(identifier: TSESTree.Identifier, value: Node): void {
    if (unwrap(value).type !== AST_NODE_TYPES.ObjectExpression) return;
    const variable = this.findVariable(identifier);
    if (variable) this.addKeyedSource(`var@${this.variableId(variable)}`, value, false);
  }

  private addKeyedSource(key: string, value: Node, isMember = true): void {
    if (isMember) pushTo(this.memberSources, key, value);
    const object = unwrap(value);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') continue;
      const name = propertyKeyName(property);
      if (name !== undefined) this.addKeyedSource(`${key}.${name}`, property.value);
    }
  }

  private addClassMemberSource(member: TSESTree.PropertyDefinition | TSESTree.MethodDefinition, value: Node): void {
    const name = propertyKeyName(member);
    const classNode = member.parent.parent;
    if (name) pushTo(this.memberSources, `this@${classNode.range[0]}.${name}`, value);
  }

  /** A stable key for a member path, or undefined when the path is not static. */
  memberKey(node: TSESTree.MemberExpression): string | undefined {
    const name = memberName(node);
    if (name === undefined) return undefined;
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const classNode = enclosingClass(node);
      return `this@${classNode ? classNode.range[0] : 'file'}.${name}`;
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.findVariable(object);
      return variable ? `var@${this.variableId(variable)}.${name}` : `global:${object.name}.${name}`;
    }
    if (object.type === AST_NODE_TYPES.MemberExpression) {
      const base = this.memberKey(object);
      return base === undefined ? undefined : `${base}.${name}`;
    }
    return undefined;
  }

  private variableId(variable: Variable): number {
    let id = this.variableIds.get(variable);
    if (id === undefined) {
      id = this.variableIds.size + 1;
      this.variableIds.set(variable, id);
    }
    return id;
  }

  // ---- owners -----------------------------------------------------------------------------------

  private findFactoryCalls(): void {
    const traceMap = buildTraceMap(this.input.clientModules);
    const tracker = createFactoryTracker(this.globalScope);
    const references = [...tracker.iterateEsmReferences(traceMap)];
    for (const { node, moduleName } of this.moduleLoads) {
      const moduleMap = traceMap[moduleName];
      if (!moduleMap) continue;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const variable = this.findVariable(node.id);
        for (const reference of variable?.references ?? []) {
          if (reference.isRead()) references.push(...tracker.iteratePropertyReferences(reference.identifier, moduleMap));
        }
      } else {
        // `await import('redis')` is the value; `require('redis')` is its own value.
        const start = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
        references.push(...tracker.iteratePropertyReferences(start, moduleMap));
      }
    }
    for (const { node, info } of references) {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) continue;
      if (info.curried) this.addCurriedFactory(node as TSESTree.CallExpression, info);
      else this.addOwner(node, info.kind, info.factory);
    }
  }

  /** `RedisClient.factory(config)` returns a function; each call of it creates an owner. */
  private addCurriedFactory(factoryCall: TSESTree.CallExpression, info: FactoryInfo): void {
    const { parent, child } = valueParent(factoryCall);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) {
      this.addOwner(parent, info.kind, info.factory);
      return;
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      for (const reference of this.findVariable(parent.id)?.references ?? []) {
        const use = valueParent(reference.identifier);
        if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use.child) {
          this.addOwner(use.parent, info.kind, info.factory);
        }
      }
    }
  }

  private addOwner(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    kind: OwnerKind,
    factory: string,
    parent?: RedisOwner,
  ): RedisOwner {
    const existing = this.ownerByNode.get(node);
    if (existing) return existing;
    const owner: RedisOwner = {
      node,
      kind,
      factory,
      parent,
      legacy: parent ? parent.legacy : this.isLegacyCall(node, kind),
      errorListener: 'none',
    };
    this.ownerByNode.set(node, owner);
    this.owners.push(owner);
    return owner;
  }

  private computeOwners(node: Node): readonly RedisOwner[] {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const direct = this.ownerByNode.get(node);
        if (direct) return [direct];
        if (node.type === AST_NODE_TYPES.NewExpression) return [];
        return this.ownersOfCall(node);
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = this.findVariable(node);
        if (!variable) return [];
        return [...this.valueSources(variable), ...this.boundSources(variable)].flatMap((source) => this.ownersOf(source));
      }
      case AST_NODE_TYPES.MemberExpression: {
        const key = this.memberKey(node);
        return key ? (this.memberSources.get(key) ?? []).flatMap((source) => this.ownersOf(source)) : [];
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.ownersOf(node.consequent), ...this.ownersOf(node.alternate)];
      case AST_NODE_TYPES.LogicalExpression:
        return [...this.ownersOf(node.left), ...this.ownersOf(node.right)];
      case AST_NODE_TYPES.SequenceExpression:
        return this.ownersOf(node.expressions[node.expressions.length - 1]!);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === SIMPLE_ASSIGNMENT ? this.ownersOf(node.right) : [];
      default:
        return [];
    }
  }

  private ownersOfCall(call: TSESTree.CallExpression): readonly RedisOwner[] {
    const method = calledMethodName(call);
    if (method !== undefined) {
      const receiver = (unwrap(call.callee) as TSESTree.MemberExpression).object;
      if (SAME_EMITTER_METHODS.has(method)) return this.ownersOf(receiver);
      const derive = DERIVED_FACTORIES[method];
      if (derive) {
        const parent = this.ownersOf(receiver).find((candidate) => derive(candidate.kind));
        return parent ? [this.addOwner(call, derive(parent.kind)!, method, parent)] : [];
      }
    }
    return this.functionsOf(call.callee).flatMap((fn) =>
      this.returnedExpressions(fn).flatMap((returned) => this.ownersOf(returned)),
    );
  }

  private markListeners(): void {
    for (const { call, persistent } of this.listenerCalls) {
      const receiver = (unwrap(call.callee) as TSESTree.MemberExpression).object;
      for (const owner of this.ownersOf(receiver)) {
        if (persistent) owner.errorListener = 'persistent';
        else if (owner.errorListener === 'none') owner.errorListener = 'once-only';
      }
    }
  }

  // ---- v2/v3 API ----------------------------------------------------------------------------------

  private isLegacyCall(node: TSESTree.CallExpression | TSESTree.NewExpression, kind: OwnerKind): boolean {
    if (kind !== 'client') return false;
    const [first, second] = node.arguments;
    if (!first) return false;
    if (second && !this.isPoolFactory(node)) return true;
    const value = this.resolveConstant(first);
    if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return true;
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const keys = value.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property ? [propertyKeyName(property)] : [],
    );
    if (keys.some((key) => key !== undefined && LEGACY_OPTION_KEYS.has(key))) return true;
    return (keys.includes('host') || keys.includes('port')) && !keys.includes('socket');
  }

  private isPoolFactory(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    return this.ownerByNode.get(node)?.kind === 'pool';
  }

  /**
   * An argument-less `createClient()` carries no sign of its API version. It is v3 code when the file
   * clearly uses the v3 API elsewhere, or when the file uses the client without ever `connect()`ing it
   * (v3 connects by itself; a v4+ client is useless until connected). A client that is exported or
   * returned unconnected is taken as v4+: the code that receives it may connect it.
   */
  private inferLegacyApi(): void {
    const connected = new Set(this.connectCalls.flatMap((call) => this.ownersOf((unwrap(call.callee) as TSESTree.MemberExpression).object)));
    const fileUsesV3 = this.owners.some((owner) => owner.legacy && !owner.parent);
    for (const owner of this.owners) {
      if (owner.kind !== 'client' || owner.parent || owner.node.arguments.length > 0) continue;
      if (fileUsesV3) owner.legacy = true;
      else if (!connected.has(owner)) {
        const route = this.escapeRoute(owner);
        owner.legacy = route !== 'exported' && route !== 'returned';
      }
    }
    for (const owner of this.owners) if (owner.parent?.legacy) owner.legacy = true;
  }

  /** Follows same-file constants (`const opts = {...}`) to the expression they hold. */
  resolveConstant(expression: Node, depth = 0): Node {
    const node = unwrap(expression);
    if (node.type !== AST_NODE_TYPES.Identifier || depth > 8) return node;
    const value = this.constantValue(node);
    return value ? this.resolveConstant(value, depth + 1) : node;
  }

  // ---- escapes ------------------------------------------------------------------------------------

  private escapeOf(expression: Node, seen: Set<unknown>): EscapeRoute | undefined {
    if (seen.has(expression)) return undefined;
    seen.add(expression);
    const { parent, child } = valueParent(expression);
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee === child ? undefined : 'passed';
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        const method = memberName(parent);
        const chained =
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === parent &&
          method !== undefined &&
          method !== 'connect' &&
          SAME_EMITTER_METHODS.has(method);
        return chained ? this.escapeOf(call, seen) : undefined;
      }
      case AST_NODE_TYPES.ReturnStatement:
        return 'returned';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? 'returned' : undefined;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
      case AST_NODE_TYPES.ExportSpecifier:
        return 'exported';
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier
          ? this.escapeOfVariable(parent.id, seen)
          : undefined;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child) return undefined;
        if (parent.left.type === AST_NODE_TYPES.Identifier) return this.escapeOfVariable(parent.left, seen);
        if (parent.left.type === AST_NODE_TYPES.MemberExpression) return this.escapeOfMember(parent.left, seen);
        return undefined;
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = propertyKeyName(parent);
        return name ? this.escapeOfMemberKey(`this@${parent.parent.parent.range[0]}.${name}`, name, seen) : undefined;
      }
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return this.escapeOf(parent, seen);
      case AST_NODE_TYPES.Property:
        return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression
          ? this.escapeOf(parent.parent, seen)
          : undefined;
      default:
        return undefined;
    }
  }

  private escapeOfVariable(identifier: TSESTree.Identifier, seen: Set<unknown>): EscapeRoute | undefined {
    const variable = this.findVariable(identifier);
    if (!variable || seen.has(variable)) return undefined;
    seen.add(variable);
    const declaration = variable.defs[0]?.node.parent;
    if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return 'exported';
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const route = this.escapeOf(reference.identifier, seen);
      if (route) return route;
    }
    return undefined;
  }

  private escapeOfMember(target: TSESTree.MemberExpression, seen: Set<unknown>): EscapeRoute | undefined {
    const object = unwrap(target.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'exports' || object.name === 'module')) {
      if (!this.findVariable(object)) return 'exported';
    }
    if (object.type === AST_NODE_TYPES.MemberExpression && isModuleExports(object)) return 'exported';
    const key = this.memberKey(target);
    const name = memberName(target);
    return key && name ? this.escapeOfMemberKey(key, name, seen) : undefined;
  }

  private escapeOfMemberKey(key: string, name: string, seen: Set<unknown>): EscapeRoute | undefined {
    if (seen.has(key)) return undefined;
    seen.add(key);
    for (const read of this.memberReadsByName.get(name) ?? []) {
      const isWriteTarget =
        read.parent?.type === AST_NODE_TYPES.AssignmentExpression && read.parent.left === read;
      if (isWriteTarget || this.memberKey(read) !== key) continue;
      const route = this.escapeOf(read, seen);
      if (route) return route;
    }
    return undefined;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find']);

/** For `[a, b].forEach(callback)`: the array whose elements the callback's first parameter receives. */
function iteratedArray(callback: FunctionNode): Node | undefined {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  return method !== undefined && ITERATING_METHODS.has(method) ? callee.object : undefined;
}

function nearestFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && memberName(node) === 'exports';
}
