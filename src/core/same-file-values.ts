/**
 * What a file's values can be, as far as the file itself shows: which expressions a variable, a member
 * path (`this.client`, `app.locals.redis`, `connections.cache`) or a parameter may hold, which functions
 * a callee may be and what they return. Knows nothing about node-redis; `find-clients.ts` builds on it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES, calledMethodName, enclosingClass, isFunctionNode, isNamedMember, memberName, propertyKeyName, staticString, unwrap, walk } from './ast';
import { AnalysisBudget } from './budget';
import { reachableSets } from './reachable';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
/**
 * What a value flows through: an expression, a variable, or a static member path (by its key). Reads of
 * one variable or one path are one holder, so a walk over values visits each of them once.
 */
export type ValueHolder = Node | Variable | string;

export interface ParsedProgram {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** ESLint's `SourceCode#traverse()`: the steps of the traversal ESLint makes anyway, cached on the source code. */
  traverse?: () => Iterable<TraversalStep>;
}

/** The part of ESLint's traversal steps the index reads: a 'visit' step in phase 1 enters a node. */
export interface TraversalStep {
  type: string;
  phase?: number;
  target: unknown;
}

/** A write through a variable: `options.socket = value` has path `['socket']` and that value. */
export interface Mutation {
  path: readonly string[] | 'any';
  write: Node;
  /** The value of a simple `=` assignment to a static path. */
  value?: Node;
}

/** A module loaded by an expression rather than an import declaration. */
export interface ModuleLoad {
  node: TSESTree.CallExpression | TSESTree.ImportExpression | TSESTree.TSImportEqualsDeclaration;
  moduleName: string;
}

const SIMPLE_ASSIGNMENT = '=';
const MAX_CONSTANT_DEPTH = 8;
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find']);

export class SameFileValues {
  readonly globalScope: Scope;
  /** Shared by every resolution over this file (see `budget.ts`). */
  readonly budget: AnalysisBudget;
  /** Every call in the file, in source order. */
  readonly calls: TSESTree.CallExpression[] = [];
  /** `require('x')` (with `require` not declared locally), `import('x')` and `import x = require('x')`. */
  readonly moduleLoads: ModuleLoad[] = [];
  /** Every value stored under a member path key (`this@<class>.field`, `var@<n>.a.b`, `global:exports.x`). */
  private readonly memberSources = new Map<string, Node[]>();
  private readonly memberAccesses: TSESTree.MemberExpression[] = [];
  /** Member accesses grouped by property name (when first asked), so reads of one path are found without keying every access. */
  private memberAccessesByName: Map<string, TSESTree.MemberExpression[]> | undefined;
  private readonly returnsByFunction = new Map<FunctionNode, Node[]>();
  private readonly variableIds = new Map<Variable, number>();
  private readonly memberKeys = new Map<TSESTree.MemberExpression, string | undefined>();
  private readonly valueSourcesMemo = new Map<Variable, readonly Node[]>();
  private readonly boundSourcesMemo = new Map<Variable, readonly Node[]>();
  private readonly mutationsMemo = new Map<Variable, readonly Mutation[]>();
  private readonly functionsMemo = new Map<ValueHolder, readonly FunctionNode[]>();
  /** Member accesses of one property name grouped by their path key, built per name on first use. */
  private readonly accessesByKey = new Map<string, Map<string | undefined, TSESTree.MemberExpression[]>>();
  private callSites: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  /** Indexes into `calls` of the calls `x.name(…)`, by method name, built on first use. */
  private callsByMethod: Map<string, number[]> | undefined;
  private readonly callsOfMethodsMemo = new Map<string, readonly TSESTree.CallExpression[]>();

  constructor(private readonly program: ParsedProgram) {
    this.globalScope = program.scopeManager.globalScope as Scope;
    this.budget = new AnalysisBudget(this.index());
  }

  /**
   * Resolves an identifier from its innermost scope, found by walking up (constant per lookup). A
   * type-only name (`ReturnType`, an interface) holds no value: a value of that name is an implicit global.
   */
  findVariable(identifier: TSESTree.Identifier): Variable | undefined {
    const variable = ASTUtils.findVariable(this.scopeOf(identifier), identifier.name) ?? undefined;
    return variable && 'isValueVariable' in variable && variable.isValueVariable === false ? undefined : variable;
  }

  /** The calls `x.name(…)` whose method is one of `names`, in source order. */
  callsOfMethods(names: readonly string[]): readonly TSESTree.CallExpression[] {
    const key = names.join(' ');
    let calls = this.callsOfMethodsMemo.get(key);
    if (!calls) {
      calls = this.findCallsOfMethods(names);
      this.callsOfMethodsMemo.set(key, calls);
    }
    return calls;
  }

  private findCallsOfMethods(names: readonly string[]): TSESTree.CallExpression[] {
    if (!this.callsByMethod) {
      this.callsByMethod = new Map();
      this.calls.forEach((call, index) => {
        const method = calledMethodName(call);
        if (method !== undefined) pushTo(this.callsByMethod!, method, index);
      });
    }
    const indexes: number[] = [];
    for (const name of names) indexes.push(...(this.callsByMethod.get(name) ?? []));
    // By index, not by position: `a.on(…).once(…)` and its inner call start at the same offset.
    return indexes.sort((a, b) => a - b).map((index) => this.calls[index]!);
  }

  /** The expressions a variable is given: its initializer and every plain assignment. */
  valueSources(variable: Variable): readonly Node[] {
    let sources = this.valueSourcesMemo.get(variable);
    if (!sources) {
      sources = collectValueSources(variable);
      this.budget.spend(1 + variable.references.length);
      this.valueSourcesMemo.set(variable, sources);
    }
    return sources;
  }

  /**
   * What a parameter or loop variable may hold: the matching argument of every same-file call of its
   * function (`watchErrors(client)`), or the elements it iterates (`[pub, sub].forEach((c) => …)`,
   * `for (const c of [pub, sub])`). For following clients, never for resolving option constants.
   */
  boundSources(variable: Variable): readonly Node[] {
    let sources = this.boundSourcesMemo.get(variable);
    if (!sources) {
      sources = this.collectBoundSources(variable);
      this.boundSourcesMemo.set(variable, sources);
    }
    return sources;
  }

  /** The holder an (unwrapped) expression reads: its variable, its member path, or the expression itself. */
  holderOf(node: Node): ValueHolder {
    if (node.type === AST_NODE_TYPES.Identifier) return this.findVariable(node) ?? implicitGlobalKey(node);
    if (node.type === AST_NODE_TYPES.MemberExpression) return this.memberKey(node) ?? node;
    return node;
  }

  /** The values stored under a member path key. */
  sourcesUnderKey(key: string): readonly Node[] {
    return this.memberSources.get(key) ?? [];
  }

  /** The values a read of a member path gives: what was stored there, or what a getter there returns. */
  valuesUnderKey(key: string): Node[] {
    return this.sourcesUnderKey(key).flatMap((source) => (isGetter(source) ? this.returnedExpressions(source) : [source]));
  }

  private accessesNamed(name: string): readonly TSESTree.MemberExpression[] {
    if (!this.memberAccessesByName) {
      this.memberAccessesByName = new Map();
      for (const access of this.memberAccesses) {
        const accessName = memberName(access);
        if (accessName !== undefined) pushTo(this.memberAccessesByName, accessName, access);
      }
    }
    return this.memberAccessesByName.get(name) ?? [];
  }

  /** Every access to the member path `key` (reads and writes); `name` is the path's last property. */
  accessesOfMemberKey(key: string, name: string): readonly TSESTree.MemberExpression[] {
    let byKey = this.accessesByKey.get(name);
    if (!byKey) {
      byKey = new Map();
      const accesses = this.accessesNamed(name);
      this.budget.spend(accesses.length);
      for (const access of accesses) pushTo(byKey, this.memberKey(access), access);
      this.accessesByKey.set(name, byKey);
    }
    return byKey.get(key) ?? [];
  }

  /** The single expression a never-reassigned variable holds, for resolving same-file constants. */
  constantValue(identifier: TSESTree.Identifier): Node | undefined {
    const variable = this.findVariable(identifier);
    if (!variable) return undefined;
    const sources = this.valueSources(variable);
    return sources.length === 1 ? sources[0] : undefined;
  }

  /**
   * The member paths written through a variable after its declaration: `options.password = …` gives
   * `['password']`; `Object.assign(options, …)`, `delete options[key]` or a computed key give `'any'`.
   */
  mutations(identifier: TSESTree.Identifier): readonly Mutation[] {
    const variable = this.findVariable(identifier);
    if (!variable) return [];
    let mutations = this.mutationsMemo.get(variable);
    if (!mutations) {
      this.budget.spend(1 + variable.references.length);
      mutations = variable.references.flatMap((reference) => mutationThrough(reference.identifier));
      this.mutationsMemo.set(variable, mutations);
    }
    return mutations;
  }

  /** Follows same-file constants (`const opts = {...}`) to the expression they hold. */
  resolveConstant(expression: Node, depth = 0): Node {
    const node = unwrap(expression);
    if (node.type !== AST_NODE_TYPES.Identifier || depth > MAX_CONSTANT_DEPTH) return node;
    const value = this.constantValue(node);
    return value ? this.resolveConstant(value, depth + 1) : node;
  }

  /** `'error'`, or a same-file constant holding it. */
  staticStringOf(expression: Node | undefined): string | undefined {
    return expression && staticString(this.resolveConstant(expression));
  }

  /** The functions an expression may refer to. */
  functionsOf(expression: Node): readonly FunctionNode[] {
    const start = this.holderOf(unwrap(expression));
    const known = this.functionsMemo.get(start);
    if (known) return known;
    const graph = { known: (holder: ValueHolder) => this.functionsMemo.get(holder), expand: (holder: ValueHolder) => this.functionStep(holder) };
    const answers = reachableSets(start, graph, this.budget);
    for (const [holder, functions] of answers) this.functionsMemo.set(holder, functions);
    return answers.get(start)!;
  }

  /** The expressions a function returns (an arrow's expression body counts). */
  returnedExpressions(fn: FunctionNode): Node[] {
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.expression) return [fn.body];
    return this.returnsByFunction.get(fn) ?? [];
  }

  /** A stable key for a static member path, or undefined when the path is not static. */
  memberKey(node: TSESTree.MemberExpression): string | undefined {
    // Iterative, so a long `a.b.c.…` chain cannot overflow the stack; each member is keyed once.
    const chain: TSESTree.MemberExpression[] = [];
    let object: Node = node;
    while (object.type === AST_NODE_TYPES.MemberExpression && !this.memberKeys.has(object)) {
      chain.push(object);
      object = unwrap(object.object);
    }
    let key =
      object.type === AST_NODE_TYPES.MemberExpression ? this.memberKeys.get(object) : this.pathRoot(object, chain.at(-1)!);
    for (let index = chain.length - 1; index >= 0; index--) {
      const name = memberName(chain[index]!);
      key = key === undefined || name === undefined ? undefined : `${key}.${name}`;
      this.memberKeys.set(chain[index]!, key);
    }
    return key;
  }

  /** The start of a member path key: `this` of a class, a variable, or an undeclared global. */
  private pathRoot(object: Node, member: TSESTree.MemberExpression): string | undefined {
    if (object.type === AST_NODE_TYPES.ThisExpression) return thisKey(member);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.findVariable(object);
    return variable ? `var@${this.variableId(variable)}` : `global:${object.name}`;
  }

  private functionStep(holder: ValueHolder): { found?: FunctionNode[]; next?: ValueHolder[] } {
    if (typeof holder === 'string') return { next: this.holdersOf(this.sourcesUnderKey(holder)) };
    if (isVariable(holder)) return { next: this.holdersOf(this.valueSources(holder)) };
    if (isFunctionNode(holder)) return { found: [holder] };
    if (holder.type === AST_NODE_TYPES.LogicalExpression) return { next: this.holdersOf([holder.left, holder.right]) };
    if (holder.type === AST_NODE_TYPES.ConditionalExpression) {
      return { next: this.holdersOf([holder.consequent, holder.alternate]) };
    }
    return {};
  }

  private holdersOf(expressions: readonly Node[]): ValueHolder[] {
    return expressions.map((expression) => this.holderOf(unwrap(expression)));
  }

  // ---- indexing ---------------------------------------------------------------------------------

  /** Indexes the file in one pass over its nodes; returns their number, which sizes the analysis budget. */
  private index(): number {
    let nodes = 0;
    forEachNode(this.program, (node) => {
      nodes++;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          this.calls.push(node);
          this.indexRequire(node);
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
          if (node.operator === SIMPLE_ASSIGNMENT) this.indexAssignment(unwrap(node.left), node.right);
          break;
        case AST_NODE_TYPES.VariableDeclarator:
          if (node.id.type === AST_NODE_TYPES.Identifier && node.init) this.addObjectHolder(node.id, node.init);
          break;
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.MethodDefinition:
          this.indexClassMember(node);
          break;
        case AST_NODE_TYPES.MemberExpression:
          this.memberAccesses.push(node);
          break;
        case AST_NODE_TYPES.ReturnStatement: {
          const fn = nearestFunction(node);
          if (fn && node.argument) pushTo(this.returnsByFunction, fn, node.argument);
          break;
        }
        default:
          break;
      }
    });
    return nodes;
  }

  /** `x = v`, `this.x! = v`, `a.b = v`; an undeclared `x` is an implicit global, keyed like `global:x.y` members. */
  private indexAssignment(target: Node, value: Node): void {
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const key = this.memberKey(target);
      if (key) this.addKeyedSource(key, value);
    } else if (target.type === AST_NODE_TYPES.Identifier) {
      if (this.findVariable(target)) this.addObjectHolder(target, value);
      else this.addKeyedSource(implicitGlobalKey(target), value);
    }
  }

  private indexRequire(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return;
    const moduleName = staticString(call.arguments[0]);
    const variable = this.findVariable(callee);
    if (moduleName && (!variable || variable.defs.length === 0)) this.moduleLoads.push({ node: call, moduleName });
  }

  /**
   * A class member is read as `this.name` inside the class; a static one also as `ClassName.name`.
   * Getters are stored as functions and read through what they return (`valuesUnderKey`).
   */
  private indexClassMember(member: TSESTree.PropertyDefinition | TSESTree.MethodDefinition): void {
    const name = propertyKeyName(member);
    if (!member.value || name === undefined || (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'set')) return;
    const classNode = member.parent.parent;
    pushTo(this.memberSources, `this@${classNode.range[0]}.${name}`, member.value);
    const className = classNode.id && this.findVariable(classNode.id);
    if (member.static && className) pushTo(this.memberSources, `var@${this.variableId(className)}.${name}`, member.value);
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
      if (property.type !== AST_NODE_TYPES.Property || property.kind === 'set') continue;
      const name = propertyKeyName(property);
      if (name !== undefined) this.addKeyedSource(`${key}.${name}`, property.value);
    }
  }

  private collectBoundSources(variable: Variable): Node[] {
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

  private arrayElements(expression: Node): Node[] {
    const array = this.resolveConstant(expression);
    if (array.type !== AST_NODE_TYPES.ArrayExpression) return [];
    return array.elements.filter(
      (element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement,
    );
  }

  private scopeOf(node: Node): Scope {
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = this.program.scopeManager.acquire(current, true) as Scope | null;
      if (scope) return scope.type === 'function-expression-name' ? (scope.childScopes[0] as Scope) : scope;
    }
    return this.globalScope;
  }

  private variableId(variable: Variable): number {
    let id = this.variableIds.get(variable);
    if (id === undefined) {
      id = this.variableIds.size + 1;
      this.variableIds.set(variable, id);
    }
    return id;
  }
}

/** `this` inside a class means that class's instances; elsewhere (prototype methods, object methods) the file's. */
export function thisKey(node: Node): string {
  const classNode = enclosingClass(node);
  return `this@${classNode ? classNode.range[0] : 'file'}`;
}

/** The expressions a variable is given: its initializer and every plain assignment. */
function collectValueSources(variable: Variable): Node[] {
  const sources = new Set<Node>();
  for (const def of variable.defs) {
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier) {
      if (def.node.init) sources.add(def.node.init);
    } else if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) {
      sources.add(def.node);
    }
  }
  for (const reference of variable.references) {
    if (!reference.isWrite() || !reference.writeExpr) continue;
    const parent = reference.identifier.parent;
    // Only plain `x = value`; `x += 1` and destructuring do not hand over the whole value.
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== SIMPLE_ASSIGNMENT) continue;
    sources.add(reference.writeExpr);
  }
  return [...sources];
}

export function isVariable(holder: ValueHolder): holder is Variable {
  return typeof holder === 'object' && 'defs' in holder;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every node in source order: from the steps ESLint has already taken when it gives them, else by a walk. */
function forEachNode(program: ParsedProgram, visit: (node: Node) => void): void {
  if (!program.traverse) return walk(program.ast, program.visitorKeys, visit);
  for (const step of program.traverse()) if (step.type === 'visit' && step.phase === 1) visit(step.target as Node);
}

/** For `[a, b].forEach(callback)`: the array whose elements the callback's first parameter receives. */
function iteratedArray(callback: FunctionNode): Node | undefined {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  return method !== undefined && ITERATING_METHODS.has(method) ? callee.object : undefined;
}

/** The path a reference writes into the object it holds (`x.a.b = …`), if it writes at all. */
function mutationThrough(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): Mutation[] {
  const path: (string | undefined)[] = [];
  let node: Node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) {
    node = node.parent;
    path.push(memberName(node as TSESTree.MemberExpression));
  }
  const parent = node.parent;
  if (!parent) return [];
  if (node === identifier) {
    const assigned = parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && isNamedMember(parent.callee, 'Object', 'assign');
    return assigned ? [{ path: 'any', write: parent }] : [];
  }
  const assignment = parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node;
  const writes =
    assignment ||
    (parent.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node) ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
  if (!writes) return [];
  if (!path.every((name) => name !== undefined)) return [{ path: 'any', write: parent }];
  const value = assignment && parent.operator === SIMPLE_ASSIGNMENT ? parent.right : undefined;
  return [{ path: path as string[], write: parent, value }];
}


function isGetter(node: Node): node is TSESTree.FunctionExpression {
  const parent = node.parent;
  return (
    node.type === AST_NODE_TYPES.FunctionExpression &&
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) &&
    parent.kind === 'get'
  );
}

function nearestFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** The key under which an undeclared (implicitly global) name's values are stored, as for `global:x.y` members. */
function implicitGlobalKey(identifier: TSESTree.Identifier): string {
  return `global:${identifier.name}`;
}
