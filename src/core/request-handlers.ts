/**
 * Which functions of a file run once per incoming request (or connection, or invocation), recognised by
 * how frameworks register them: `app.get('/path', handler)`, `http.createServer(handler)`,
 * `io.on('connection', handler)`, `fastify.route({ handler })`, `onRequest(handler)`, tRPC procedures.
 * File-level entry points (Next.js route files, serverless exports, NestJS decorators) are in
 * `request-entry-points.ts`. Precision first: a shape that is not clearly per request is not listed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, calledMethodName, isFunctionNode, memberName, unwrap } from './ast';
import { findEntryPoints, isInlineServerAction } from './request-entry-points';
import type { ModuleImports } from './module-imports';
import { pushTo, type FunctionNode, type SameFileValues } from './same-file-values';

type Node = TSESTree.Node;

export type HandlerKind =
  | 'route'
  | 'httpServer'
  | 'socketConnection'
  | 'serverless'
  | 'nextRoute'
  | 'nextApiRoute'
  | 'nextMiddleware'
  | 'perRequestRender'
  | 'serverAction'
  | 'nestRoute'
  | 'graphqlResolver'
  | 'rpcProcedure'
  | 'cacheHandler';

/** How a message names each kind of handler. */
export const HANDLER_LABEL: Record<HandlerKind, string> = {
  route: 'an HTTP route handler or middleware',
  httpServer: "an HTTP server's request listener",
  socketConnection: 'a WebSocket connection handler',
  serverless: 'a serverless function handler',
  nextRoute: 'a Next.js route handler',
  nextApiRoute: 'a Next.js API route',
  nextMiddleware: 'a Next.js middleware',
  perRequestRender: 'server code that runs for every page request',
  serverAction: 'a server action',
  nestRoute: 'a NestJS request handler',
  graphqlResolver: 'a GraphQL resolver or per-request context',
  rpcProcedure: 'a tRPC procedure',
  cacheHandler: 'a Next.js cache handler, which Next.js constructs for every request',
};

export const WEB_FRAMEWORKS = new Set(['express', 'router', 'koa', '@koa/router', 'koa-router', 'fastify', 'hono', 'polka', 'restify']);
const HTTP_MODULES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2']);
const SOCKET_MODULES = new Set(['socket.io', 'ws']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const CHAINED_ROUTE_METHODS = new Set([...ROUTE_METHODS, 'route', 'basePath', 'use']);
const FASTIFY_REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse']);
const ROUTE_OBJECT_HANDLERS = ['handler', 'preHandler', 'onRequest'];
const REQUEST_PARAMS = new Set(['req', 'request', '_req', '_request']);
const RESPONSE_PARAMS = new Set(['res', 'response', 'reply', '_res', 'h']);
const FIREBASE_CALLEES = new Set(['onRequest', 'onCall']);
const EVENT_HANDLER_CALLEES = new Set(['defineEventHandler', 'eventHandler']);
const FUNCTION_PLATFORMS = new Set(['@google-cloud/functions-framework', '@azure/functions']);
const FIREBASE_MODULES = new Set(['firebase-functions']);
const H3_MODULES = new Set(['h3']);
const RPC_METHODS = new Set(['query', 'mutation', 'subscription']);
const GRAPHQL_SERVER_CALLEES = new Set(['expressMiddleware', 'startStandaloneServer', 'koaMiddleware', 'createYoga', 'createHandler']);
const MAX_DEPTH = 4;

export interface RequestHandlerInput {
  ast: TSESTree.Program;
  values: SameFileValues;
  imports: ModuleImports;
}

/** A function a framework runs per request; `gate` is a pattern the file's path must match for that. */
export interface HandlerMatch {
  kind: HandlerKind;
  gate?: RegExp;
}

export class RequestHandlers {
  private readonly matches = new Map<FunctionNode, HandlerMatch[]>();
  /** Which platforms the file imports: shapes of platforms it does not import are not even looked at. */
  private readonly imported: { http: boolean; firebase: boolean; functionPlatform: boolean };

  constructor(private readonly input: RequestHandlerInput) {
    const { imports } = input;
    this.imported = {
      http: imports.importsAny(HTTP_MODULES),
      firebase: imports.importsAny(FIREBASE_MODULES),
      functionPlatform: imports.importsAny(FUNCTION_PLATFORMS),
    };
    for (const call of input.values.calls) this.addCallShape(call);
    for (const { fn, kind, gate } of findEntryPoints(input)) this.add([fn], kind, gate);
  }

  /** Registered handlers, then a `'use server'` body or `(req, res)` parameters, which only request handlers have. */
  handlersOf(fn: FunctionNode): readonly HandlerMatch[] {
    const registered = this.matches.get(fn) ?? [];
    if (registered.some((match) => !match.gate)) return registered;
    if (isInlineServerAction(fn)) return [...registered, { kind: 'serverAction' }];
    return looksLikeRequestResponse(fn) ? [...registered, { kind: 'route' }] : registered;
  }

  private add(functions: readonly FunctionNode[], kind: HandlerKind, gate?: RegExp): void {
    for (const fn of functions) pushTo(this.matches, fn, { kind, gate });
  }

  private addCallShape(call: TSESTree.CallExpression): void {
    const method = calledMethodName(call);
    if (method !== undefined && (ROUTE_METHODS.has(method) || method === 'use')) this.add(this.routeHandlers(call), 'route');
    else if (method === 'route' || method === 'addHook') this.add(this.fastifyHandlers(call, method), 'route');
    else if (method === 'on') this.addServerListener(call);
    else if (method !== undefined && RPC_METHODS.has(method) && isProcedureChain(call)) this.add(this.argumentFunctions(call.arguments), 'rpcProcedure');
    if (GRAPHQL_SERVER_CALLEES.has(calleeName(call) ?? '')) this.add(this.contextFunctions(call), 'graphqlResolver');
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : method;
    if (name === 'createServer' && this.imported.http && this.isFrom(callee, HTTP_MODULES)) {
      this.add(this.argumentFunctions(call.arguments), 'httpServer');
    } else if (name !== undefined && FIREBASE_CALLEES.has(name) && this.imported.firebase && this.isFrom(callee, FIREBASE_MODULES)) {
      this.add(this.argumentFunctions(call.arguments), 'serverless');
    } else if (name !== undefined && EVENT_HANDLER_CALLEES.has(name) && (this.isFrom(callee, H3_MODULES) || isUndeclared(callee, this.input.values))) {
      this.add(this.argumentFunctions(call.arguments), 'route');
    } else if (this.imported.functionPlatform && this.isFrom(callee, FUNCTION_PLATFORMS)) {
      this.add(this.argumentFunctions(call.arguments.slice(1)), 'serverless');
    }
  }

  /**
   * `app.get('/path', ...handlers)`, `app.route('/a').post(handler)`, `app.use(handler)` on an app or router
   * the file creates. On an app the file cannot see (a parameter, an import), the path and the handler's
   * shape must say it.
   */
  private routeHandlers(call: TSESTree.CallExpression): FunctionNode[] {
    const receiver = (unwrap(call.callee) as TSESTree.MemberExpression).object;
    const [first, ...rest] = call.arguments;
    if (!first) return [];
    const hasPath = isRoutePath(first);
    // `client.get(key)`: without a path only `app.route('/a').get(h)` and `app.use(h)` can register a handler.
    if (!hasPath && calledMethodName(call) !== 'use' && !isRouteChain(receiver)) return [];
    const functions = this.argumentFunctions(hasPath ? rest : call.arguments);
    if (functions.length === 0) return [];
    if (this.isWebApp(receiver, 0)) return functions;
    if (!hasPath) return [];
    const frameworkFile = this.input.imports.importsAny(WEB_FRAMEWORKS);
    return functions.filter((fn) => (frameworkFile ? fn.params.length > 0 : looksLikeRequestResponse(fn)));
  }

  /** `fastify.route({ url, handler })`, `fastify.addHook('preHandler', fn)`. */
  private fastifyHandlers(call: TSESTree.CallExpression, method: string): FunctionNode[] {
    const [first, second] = call.arguments;
    if (!first) return [];
    if (method === 'addHook') {
      const hook = this.input.values.staticStringOf(first);
      return hook !== undefined && FASTIFY_REQUEST_HOOKS.has(hook) && second ? this.argumentFunctions([second]) : [];
    }
    const options = unwrap(first);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return [];
    const keys = options.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [keyName(property)] : []));
    return keys.includes('url') || keys.includes('path') ? this.argumentFunctions([options]) : [];
  }

  /** `server.on('request', fn)` on an HTTP server, `io.on('connection', fn)` on a socket server. */
  private addServerListener(call: TSESTree.CallExpression): void {
    const event = this.input.values.staticStringOf(call.arguments[0]);
    if (event !== 'request' && event !== 'connection') return;
    const receiver = (unwrap(call.callee) as TSESTree.MemberExpression).object;
    const modules = event === 'request' ? HTTP_MODULES : SOCKET_MODULES;
    if (this.createdFrom(receiver, modules, 0)) {
      this.add(this.argumentFunctions(call.arguments.slice(1)), event === 'request' ? 'httpServer' : 'socketConnection');
    }
  }

  /** `expressMiddleware(server, { context: async ({ req }) => … })`: the GraphQL context is built per request. */
  private contextFunctions(call: TSESTree.CallExpression): FunctionNode[] {
    return call.arguments.flatMap((argument) => {
      const options = unwrap(argument);
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return [];
      return options.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.Property && keyName(property) === 'context' ? this.argumentFunctions([property.value]) : [],
      );
    });
  }

  /** The functions passed: inline, by name, in an array, wrapped once (`asyncHandler(fn)`), or as `{ handler }`. */
  private argumentFunctions(args: readonly Node[]): FunctionNode[] {
    const found: FunctionNode[] = [];
    for (const argument of args) {
      const node = unwrap(argument);
      if (isFunctionNode(node)) found.push(node);
      else if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
        found.push(...this.input.values.functionsOf(node));
      } else if (node.type === AST_NODE_TYPES.ArrayExpression) {
        found.push(...this.argumentFunctions(node.elements.filter((element): element is TSESTree.Expression => element?.type !== AST_NODE_TYPES.SpreadElement && element !== null)));
      } else if (node.type === AST_NODE_TYPES.CallExpression && unwrap(node.callee).type === AST_NODE_TYPES.Identifier) {
        found.push(...node.arguments.map(unwrap).filter(isFunctionNode));
      } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.Property && ROUTE_OBJECT_HANDLERS.includes(keyName(property) ?? '')) {
            found.push(...this.argumentFunctions([property.value]));
          }
        }
      }
    }
    return found;
  }

  /** An app or router made by a web framework: `express()`, `express.Router()`, `new Koa()`, `new Hono()`, `fastify()`. */
  private isWebApp(expression: Node, depth: number): boolean {
    if (this.createdFrom(expression, WEB_FRAMEWORKS, depth)) return true;
    const node = unwrap(expression);
    // `app.route('/x').get(h)`, `router.get('/a', h).post('/b', h)`.
    if (node.type === AST_NODE_TYPES.CallExpression && depth < MAX_DEPTH) {
      const method = calledMethodName(node);
      if (method !== undefined && CHAINED_ROUTE_METHODS.has(method)) {
        return this.isWebApp((unwrap(node.callee) as TSESTree.MemberExpression).object, depth + 1);
      }
    }
    return false;
  }

  /** Whether an expression holds what a call or `new` of an export of `modules` made, or is a parameter typed as one. */
  private createdFrom(expression: Node, modules: ReadonlySet<string>, depth: number): boolean {
    const node = unwrap(expression);
    if (depth > MAX_DEPTH) return false;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.isFrom(node.callee, modules);
      case AST_NODE_TYPES.AwaitExpression:
        return this.createdFrom(node.argument, modules, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const variable = this.input.values.findVariable(node);
        if (!variable) return false;
        if (variable.defs.some((def) => def.type === 'Parameter' && this.typedFrom(def.name, modules))) return true;
        return this.input.values.valueSources(variable).some((source) => this.createdFrom(source, modules, depth + 1));
      }
      case AST_NODE_TYPES.MemberExpression: {
        const key = this.input.values.memberKey(node);
        return key !== undefined && this.input.values.valuesUnderKey(key).some((source) => this.createdFrom(source, modules, depth + 1));
      }
      default:
        return false;
    }
  }

  /** A parameter annotated with a type imported from `modules` (`app: Express`, `fastify: FastifyInstance`). */
  private typedFrom(name: Node, modules: ReadonlySet<string>): boolean {
    const annotation = (name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName ? annotation.typeName.left : annotation.typeName;
    return typeName.type === AST_NODE_TYPES.Identifier && this.isFrom(typeName, modules);
  }

  private isFrom(expression: Node, modules: ReadonlySet<string>): boolean {
    const imported = this.input.imports.importedName(expression);
    return imported !== undefined && (modules.has(imported.module) || modules.has(imported.module.split('/')[0]!));
  }
}

/** Nuxt auto-imports `defineEventHandler`: a name nothing in the file declares. */
function isUndeclared(callee: Node, values: SameFileValues): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = values.findVariable(callee);
  return !variable || variable.defs.length === 0;
}

function isRouteChain(receiver: Node): boolean {
  const node = unwrap(receiver);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calledMethodName(node);
  return method !== undefined && CHAINED_ROUTE_METHODS.has(method);
}

function isRoutePath(node: Node): boolean {
  const value = unwrap(node);
  const text =
    value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string'
      ? value.value
      : value.type === AST_NODE_TYPES.TemplateLiteral
        ? value.quasis[0]?.value.cooked
        : undefined;
  return text !== undefined && text !== null && (text.startsWith('/') || text === '*');
}

/** `(req, res)`, `(request, reply)`: a handler that can only be a request handler. */
function looksLikeRequestResponse(fn: FunctionNode): boolean {
  const [request, response] = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : undefined));
  return request !== undefined && response !== undefined && REQUEST_PARAMS.has(request) && RESPONSE_PARAMS.has(response);
}

/** `publicProcedure.input(schema).query(fn)`, `t.procedure.mutation(fn)`. */
function isProcedureChain(call: TSESTree.CallExpression): boolean {
  let node: Node = unwrap(call.callee);
  for (let depth = 0; depth < 8; depth++) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      if (/procedure$/i.test(memberName(node) ?? '')) return true;
      node = unwrap(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      node = unwrap(node.callee);
    } else {
      return node.type === AST_NODE_TYPES.Identifier && /procedure$/i.test(node.name);
    }
  }
  return false;
}

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
}

function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}
