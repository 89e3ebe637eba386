/**
 * Connection owners created once per request (facts §10, §11: node-redis #1290, #2086, #2468, and the
 * Next.js cache-handler example in vercel/next.js#98716): a factory inside a request handler, or in a
 * same-file function a handler calls, that does not cache what it made; and a function that creates,
 * connects and closes the same client in one call and runs more than once. Silent when unsure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, calledMethodName, isFunctionNode, memberName, propertyKeyName, unwrap } from './ast';
import { CallSites, callsWithin, type CallSite } from './call-sites';
import { ClientCaching } from './client-caching';
import type { RedisClientAnalysis, RedisOwner } from './find-clients';
import { ModuleImports } from './module-imports';
import { enclosingFunction } from './promise-fate';
import { exportsOf, isCliCommandModule } from './request-entry-points';
import { HANDLER_LABEL, RequestHandlers } from './request-handlers';
import type { FunctionNode } from './same-file-values';

type Node = TSESTree.Node;

export type PerRequestProblem = 'clientPerRequest' | 'clientPerCall';

export interface PerRequestFinding {
  owner: RedisOwner;
  problem: PerRequestProblem;
  /** For `clientPerRequest`: where the factory runs, in words ("a Next.js route handler"). */
  where?: string;
}

/** One step of the search from a factory outwards: a handler (maybe only for some file paths), or a cache. */
export type PerRequestStep = { where: string; gate?: RegExp } | { cached: true };

/**
 * What the analysis found about an owner made inside a function, before the file's path is known: the
 * handlers and caches met from the factory outwards (lexically, then through same-file callers), in
 * order, and whether the function creates, connects and closes it on every one of repeated calls.
 */
export interface PerRequestVerdict {
  owner: RedisOwner;
  steps: readonly PerRequestStep[];
  perCall: boolean;
}

const CLOSE_METHODS = new Set(['quit', 'close', 'disconnect', 'destroy']);
/** Functions that by name run once per process: a script's entry point, a migration, a lifecycle hook. */
const ONE_SHOT_NAMES = new Set([
  'main', 'run', 'start', 'bootstrap', 'init', 'initialize', 'setup', 'teardown', 'seed', 'migrate', 'up', 'down',
  'globalSetup', 'globalTeardown', 'onModuleInit', 'onModuleDestroy', 'onApplicationBootstrap', 'onApplicationShutdown',
]);
const REPEATING_TIMERS = new Set(['setInterval']);
const PROVIDER_FACTORY_KEYS = new Set(['useFactory']);
const MAX_CALLER_DEPTH = 3;

/** The verdicts for every owner created inside a function (computed with the file's analysis). */
export function perRequestVerdicts(clients: RedisClientAnalysis, ast: TSESTree.Program): PerRequestVerdict[] {
  const owners = clients.owners.filter((owner) => enclosingFunction(owner.node) !== undefined);
  if (owners.length === 0) return [];
  const search = new PerRequestSearch(clients, ast);
  return owners.map((owner) => search.verdict(owner));
}

/** The findings for a file at `relativePath`: the first step that applies decides; with none, the per-call check. */
export function perRequestFindings(verdicts: readonly PerRequestVerdict[], relativePath: string): PerRequestFinding[] {
  return verdicts.flatMap(({ owner, steps, perCall }): PerRequestFinding[] => {
    for (const step of steps) {
      if ('cached' in step) return [];
      if (!step.gate || step.gate.test(relativePath)) return [{ owner, problem: 'clientPerRequest', where: step.where }];
    }
    return perCall ? [{ owner, problem: 'clientPerCall' }] : [];
  });
}

/** Steps found so far, and whether the last one settles the search (a cache, or a handler for every path). */
interface Search {
  steps: PerRequestStep[];
  settled: boolean;
}

class PerRequestSearch {
  private readonly handlers: RequestHandlers;
  private readonly caching: ClientCaching;
  private readonly callSites: CallSites;
  /** In a CLI command module, exported functions run once per invocation. */
  private readonly cliCommandModule: boolean;
  /** Per function: the owners it connects and the owners it closes (each function's calls read once). */
  private readonly lifecycleCalls = new Map<FunctionNode, { connected: Set<RedisOwner>; closed: Set<RedisOwner> }>();
  /** The file's `connect()` and close calls, in source order. */
  private readonly lifecycleMethodCalls: readonly TSESTree.CallExpression[];
  private readonly callerSteps = new Map<FunctionNode, Search>();
  private readonly repeating = new Map<FunctionNode, boolean>();

  constructor(
    private readonly clients: RedisClientAnalysis,
    ast: TSESTree.Program,
  ) {
    const { values } = clients;
    this.handlers = new RequestHandlers({ ast, values, imports: new ModuleImports(ast, values) });
    this.caching = new ClientCaching(values);
    this.callSites = new CallSites(values);
    this.lifecycleMethodCalls = values.callsOfMethods(['connect', ...CLOSE_METHODS]);
    this.cliCommandModule = isCliCommandModule(exportsOf(ast));
  }

  verdict(owner: RedisOwner): PerRequestVerdict {
    const factoryFunction = enclosingFunction(owner.node)!;
    const around = this.handlersAround(owner.node, factoryFunction);
    const callers = around.settled ? undefined : this.memo(this.callerSteps, factoryFunction, () => this.handlersCalling(factoryFunction));
    const steps = [...around.steps, ...(callers?.steps ?? [])];
    const perCall = this.opensAndCloses(owner, factoryFunction) && this.memo(this.repeating, factoryFunction, () => this.runsRepeatedly(factoryFunction, 0));
    return { owner, steps, perCall };
  }

  private memo<T>(cache: Map<FunctionNode, T>, fn: FunctionNode, compute: () => T): T {
    if (!cache.has(fn)) cache.set(fn, compute());
    return cache.get(fn) as T;
  }

  /**
   * The handlers the expression runs in, walking out through the functions around it (callbacks run
   * within the call that made them), until a level keeps the value (a cache) or is a handler for any path.
   */
  private handlersAround(expression: Node, start: FunctionNode): Search {
    const steps: PerRequestStep[] = [];
    let value: Node = expression;
    for (let fn: FunctionNode | undefined = start; fn; fn = enclosingFunction(fn)) {
      if (this.caching.isCached(value, fn) || isProviderFactory(fn)) {
        steps.push({ cached: true });
        return { steps, settled: true };
      }
      const matches = this.handlers.handlersOf(fn);
      for (const { kind, gate } of matches) steps.push({ where: HANDLER_LABEL[kind], gate });
      if (matches.some((match) => !match.gate)) return { steps, settled: true };
      // An immediately invoked function: its result is the value the enclosing function may cache.
      const call = fn.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === fn) value = call;
    }
    return { steps, settled: false };
  }

  /** The handlers that call the function (directly or through up to three same-file callers), breadth first. */
  private handlersCalling(fn: FunctionNode): Search {
    const steps: PerRequestStep[] = [];
    let frontier: FunctionNode[] = [fn];
    const seen = new Set<FunctionNode>(frontier);
    for (let depth = 0; depth < MAX_CALLER_DEPTH && frontier.length > 0; depth++) {
      const next: FunctionNode[] = [];
      for (const callee of frontier) {
        for (const site of this.callSites.of(callee)) {
          const caller = enclosingFunction(site);
          if (!caller) continue;
          const found = this.handlersAround(site, caller);
          // A call site that caches the result does not make the factory run per request.
          const handlers = found.steps.filter((step): step is { where: string; gate?: RegExp } => 'where' in step);
          steps.push(...handlers.map(({ where, gate }) => ({ where: `a function called from ${where}`, gate })));
          if (found.settled && handlers.some((step) => !step.gate)) return { steps, settled: true };
          if (!found.settled && !seen.has(caller)) {
            seen.add(caller);
            next.push(caller);
          }
        }
      }
      frontier = next;
    }
    return { steps, settled: false };
  }

  /** The function calls `connect()` and one of `quit()`/`close()`/`disconnect()`/`destroy()` on this owner. */
  private opensAndCloses(owner: RedisOwner, fn: FunctionNode): boolean {
    const { connected, closed } = this.memo(this.lifecycleCalls, fn, () => this.lifecycleCallsIn(fn));
    return connected.has(owner) && closed.has(owner);
  }

  private lifecycleCallsIn(fn: FunctionNode): { connected: Set<RedisOwner>; closed: Set<RedisOwner> } {
    const connected = new Set<RedisOwner>();
    const closed = new Set<RedisOwner>();
    const calls = callsWithin(this.lifecycleMethodCalls, fn);
    // Without a close call nothing here is opened and closed: its connect() calls need not be resolved.
    if (!calls.some((call) => calledMethodName(call) !== 'connect')) return { connected, closed };
    for (const call of calls) {
      const connect = calledMethodName(call) === 'connect';
      if (!connect && !closesOnNormalPath(call, fn)) continue;
      const into = connect ? connected : closed;
      for (const owner of this.clients.ownersOf((unwrap(call.callee) as TSESTree.MemberExpression).object)) into.add(owner);
    }
    return { connected, closed };
  }

  /**
   * Whether a function runs more than once per process, as far as the file shows: a method, an exported
   * function, a `setInterval` callback, or a function called in a loop or from a function that does.
   */
  private runsRepeatedly(fn: FunctionNode, depth: number): boolean {
    const name = functionName(fn);
    if (name !== undefined && ONE_SHOT_NAMES.has(name)) return false;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
      // An immediately invoked function, or a Promise executor: it runs when the expression around it does.
      if (parent.callee === fn || isPromiseExecutor(fn)) return this.runsRepeatedlyAt(parent, depth);
      return isRepeatingTimer(parent);
    }
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'method') return true;
    if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression && parent.value === fn) return true;
    if (isExported(fn)) return !this.cliCommandModule;
    return this.callSites.of(fn).some((site) => this.runsRepeatedlyAt(site, depth));
  }

  private runsRepeatedlyAt(site: CallSite, depth: number): boolean {
    if (insideLoop(site)) return true;
    const caller = enclosingFunction(site);
    return caller !== undefined && depth < MAX_CALLER_DEPTH && this.runsRepeatedly(caller, depth + 1);
  }
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) return propertyKeyName(parent);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) return memberName(parent.left);
  return undefined;
}

/** `useFactory` of a NestJS provider: Nest calls it once and injects the result. */
function isProviderFactory(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.Property && PROVIDER_FACTORY_KEYS.has(propertyKeyName(parent) ?? '');
}

function isRepeatingTimer(call: CallSite): boolean {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined && REPEATING_TIMERS.has(name);
}

/** `export function f`, `export const f = …`, `exports.f = …`, `module.exports = f`. */
function isExported(fn: FunctionNode): boolean {
  let node: Node | undefined = fn.parent;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
  if (node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (node?.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const text = memberPathText(node.left);
  return text.startsWith('exports.') || text.startsWith('module.exports');
}

function memberPathText(node: Node): string {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return `${memberPathText(inner.object)}.${memberName(inner) ?? '?'}`;
  return '?';
}

function insideLoop(site: Node): boolean {
  for (let current = site.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return false;
      default:
        break;
    }
  }
  return false;
}

/**
 * A close that the function itself runs when all goes well: directly or in a promise continuation
 * (`.then(() => client.quit())`, `.finally(…)`), not in a `catch` block or `.catch` callback (cleanup after
 * a failed connect) nor in another nested function (an 'error' listener that destroys the client, a
 * shutdown hook, a timer).
 */
function closesOnNormalPath(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  for (let node: Node | undefined = call.parent; node && node !== fn; node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause) return false;
    if (isFunctionNode(node) && !isContinuation(node)) return false;
  }
  return true;
}

/** The callback of `.then(callback)` or `.finally(callback)`. */
function isContinuation(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const method = calledMethodName(call);
  return method === 'then' || method === 'finally';
}

/** `new Promise((resolve, reject) => …)`: the executor runs at once, inside the `new`. */
function isPromiseExecutor(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}
