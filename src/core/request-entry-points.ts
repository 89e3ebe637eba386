/**
 * Functions that a framework calls per request because of how the file exports them: Next.js route
 * files, API routes and middleware, SvelteKit/Remix loaders, server actions, serverless `handler`
 * exports, NestJS controller methods, GraphQL resolver maps and Next.js cache-handler classes.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, isFunctionNode, memberName, propertyKeyName, unwrap } from './ast';
import type { ModuleImports } from './module-imports';
import type { HandlerKind, RequestHandlerInput } from './request-handlers';
import type { FunctionNode } from './same-file-values';

type Node = TSESTree.Node;

export interface EntryPoint {
  fn: FunctionNode;
  kind: HandlerKind;
  /** A pattern the file's path (relative to the project) must match for this to be an entry point. */
  gate?: RegExp;
}

export interface Exported {
  name: string;
  value: Node;
}

const HTTP_METHOD_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEXT_ROUTE_FILES = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$|(^|\/)\+server\.[jt]s$/;
const NEXT_PAGE_FILE = /(^|\/)app\/(.+\/)?page\.[cm]?[jt]sx?$/;
const NEXT_API_FILES = /(^|\/)pages\/api\/|^api\//;
const NEXT_PAGES_FILE = /(^|\/)pages\//;
const NEXT_MIDDLEWARE_FILE = /(^|\/)(middleware|proxy)\.[cm]?[jt]s$/;
const LOADER_FILES = /(^|\/)\+(page|layout)\.server\.[jt]s$|(^|\/)app\/routes\//;
const NEXT_MODULES = new Set(['next', 'next/server']);
const NEXT_API_TYPES = new Set(['NextApiRequest', 'NextApiResponse', 'NextApiHandler']);
const NEST_HANDLER_DECORATORS = new Set([
  'Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search', 'Sse',
  'MessagePattern', 'EventPattern', 'SubscribeMessage', 'Query', 'Mutation', 'ResolveField', 'Subscription',
]);
const NEST_PER_REQUEST_INTERFACES: ReadonlyMap<string, string> = new Map([
  ['NestMiddleware', 'use'],
  ['CanActivate', 'canActivate'],
  ['NestInterceptor', 'intercept'],
]);
const RESOLVER_ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
const CLI_COMMAND_EXPORTS = ['command', 'builder'];

/**
 * Every entry point, with the path pattern it needs when the file's contents alone do not say it (an
 * `export async function GET` is a route handler in an `app/…/route.ts` file, or in a file importing
 * `next/server`). The path is known only to the rule; the analysis keeps the pattern.
 */
export function findEntryPoints(input: RequestHandlerInput): EntryPoint[] {
  const { ast, imports } = input;
  const exported = exportsOf(ast);
  const entries: EntryPoint[] = [];
  let gate: RegExp | undefined;
  const add = (value: Node | undefined, kind: HandlerKind) => {
    for (const fn of value ? functionsIn(value, input) : []) entries.push({ fn, kind, gate });
  };
  const named = (names: ReadonlySet<string>, kind: HandlerKind) => {
    for (const { name, value } of exported) if (names.has(name)) add(value, kind);
  };
  const gatedBy = (pattern: RegExp | undefined, addEntries: () => void) => {
    gate = pattern;
    addEntries();
    gate = undefined;
  };
  const defaultExport = exported.find((entry) => entry.name === 'default')?.value;

  gatedBy(imports.importsAny(new Set(['next/server'])) ? undefined : NEXT_ROUTE_FILES, () => named(HTTP_METHOD_EXPORTS, 'nextRoute'));
  gatedBy(importsNextApiTypes(ast) ? undefined : NEXT_API_FILES, () => add(defaultExport, 'nextApiRoute'));
  gatedBy(NEXT_PAGE_FILE, () => add(defaultExport, 'perRequestRender'));
  gatedBy(NEXT_PAGES_FILE, () => named(new Set(['getServerSideProps']), 'perRequestRender'));
  if (imports.importsAny(NEXT_MODULES)) gatedBy(NEXT_MIDDLEWARE_FILE, () => named(new Set(['middleware', 'proxy', 'default']), 'nextMiddleware'));
  gatedBy(LOADER_FILES, () => {
    named(new Set(['load', 'loader', 'action']), 'perRequestRender');
    for (const { name, value } of exported) if (name === 'actions') addObjectFunctions(value, 'perRequestRender', input, entries, LOADER_FILES);
  });
  if (hasUseServerDirective(ast.body)) for (const { value } of exported) add(value, 'serverAction');
  if (!isCliCommandModule(exported)) named(new Set(['handler']), 'serverless');
  if (defaultExport) {
    addObjectFunctions(defaultExport, 'serverless', input, entries, undefined, new Set(['fetch']));
    // Azure Functions (v3 model): `module.exports = async function (context, req) { … }`.
    for (const fn of functionsIn(defaultExport, input)) if (paramNames(fn).join() === 'context,req') entries.push({ fn, kind: 'serverless' });
  }
  for (const statement of ast.body) addClassEntries(statement, imports, entries);
  addResolverMaps(ast, input, entries);
  return entries;
}

/** A yargs-style command module (`command`, `builder`, `handler`): its exports run once per CLI invocation. */
export function isCliCommandModule(exported: readonly Exported[]): boolean {
  return exported.some(({ name }) => CLI_COMMAND_EXPORTS.includes(name));
}

const exportsMemo = new WeakMap<TSESTree.Program, Exported[]>();

/** Every top-level export, ESM and CommonJS, by exported name (`default` for the default); read once per file. */
export function exportsOf(ast: TSESTree.Program): readonly Exported[] {
  let found = exportsMemo.get(ast);
  if (!found) {
    found = collectExports(ast);
    exportsMemo.set(ast, found);
  }
  return found;
}

function collectExports(ast: TSESTree.Program): Exported[] {
  const found: Exported[] = [];
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const { declaration } = statement;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) found.push({ name: declaration.id.name, value: declaration });
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) found.push({ name: declarator.id.name, value: declarator.init });
        }
      }
      for (const specifier of statement.specifiers) {
        if (specifier.exported.type === AST_NODE_TYPES.Identifier) found.push({ name: specifier.exported.name, value: specifier.local });
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      found.push({ name: 'default', value: statement.declaration });
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      found.push(...commonJsExports(statement.expression));
    }
  }
  return found;
}

/** `exports.x = …`, `module.exports.x = …`, `module.exports = …` (and its object literal's properties). */
function commonJsExports(assignment: TSESTree.AssignmentExpression): Exported[] {
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return [];
  const name = memberName(target);
  const object = unwrap(target.object);
  const isModule = (node: Node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'module';
  const isExports = (node: Node) =>
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') ||
    (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'exports' && isModule(unwrap(node.object)));
  if (name === undefined) return [];
  if (isExports(object)) return [{ name, value: assignment.right }];
  if (name !== 'exports' || !isModule(object)) return [];
  const value = unwrap(assignment.right);
  const properties =
    value.type === AST_NODE_TYPES.ObjectExpression
      ? value.properties.flatMap((property) => {
          const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
          return key === undefined ? [] : [{ name: key, value: (property as TSESTree.Property).value }];
        })
      : [];
  return [{ name: 'default', value: assignment.right }, ...properties];
}

function paramNames(fn: FunctionNode): (string | undefined)[] {
  return fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : undefined));
}

function functionsIn(value: Node, input: RequestHandlerInput): FunctionNode[] {
  const node = unwrap(value);
  if (isFunctionNode(node)) return [node];
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) return [...input.values.functionsOf(node)];
  // `export const GET = withAuth(async (req) => …)`: the wrapped function runs per request too.
  if (node.type === AST_NODE_TYPES.CallExpression) return node.arguments.map(unwrap).filter(isFunctionNode);
  return [];
}

/** The function-valued properties of an exported object: `export default { fetch() {} }`, SvelteKit `actions`. */
function addObjectFunctions(
  value: Node,
  kind: HandlerKind,
  input: RequestHandlerInput,
  entries: EntryPoint[],
  gate?: RegExp,
  only?: ReadonlySet<string>,
): void {
  const node = input.values.resolveConstant(value);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (only && (key === undefined || !only.has(key))) continue;
    const fn = unwrap(property.value);
    if (isFunctionNode(fn)) entries.push({ fn, kind, gate });
  }
}

/** `import type { NextApiRequest } from 'next'`: the default export is an API route wherever the file lives. */
function importsNextApiTypes(ast: TSESTree.Program): boolean {
  return ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.source.value === 'next' &&
      statement.specifiers.some(
        (specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && NEXT_API_TYPES.has(specifier.local.name),
      ),
  );
}

function hasUseServerDirective(body: readonly TSESTree.Node[]): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use server') return true;
  }
  return false;
}

/** A function whose own body starts with `'use server'` (an inline server action). */
export function isInlineServerAction(fn: FunctionNode): boolean {
  return fn.body.type === AST_NODE_TYPES.BlockStatement && hasUseServerDirective(fn.body.body);
}

function addClassEntries(statement: TSESTree.Node, imports: ModuleImports, entries: EntryPoint[]): void {
  const classNode = topLevelClass(statement);
  if (!classNode) return;
  const methods = classNode.body.body.filter((member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition);
  const names = new Set(methods.map((method) => propertyKeyName(method)));
  // The Next.js `cacheHandler` class: Next.js runs `new CacheHandler()` for every request.
  if (names.has('get') && names.has('set') && names.has('revalidateTag')) {
    for (const method of methods) entries.push({ fn: method.value as FunctionNode, kind: 'cacheHandler' });
    return;
  }
  const perRequestMethods = new Set(
    (classNode.implements ?? []).flatMap((clause) => {
      const name = clause.expression.type === AST_NODE_TYPES.Identifier ? clause.expression.name : undefined;
      const method = name === undefined ? undefined : NEST_PER_REQUEST_INTERFACES.get(name);
      return method ? [method] : [];
    }),
  );
  for (const method of methods) {
    const name = propertyKeyName(method);
    const decorated = (method.decorators ?? []).some((decorator) => isNestHandlerDecorator(decorator, imports));
    if (decorated || (name !== undefined && perRequestMethods.has(name))) entries.push({ fn: method.value as FunctionNode, kind: 'nestRoute' });
  }
}

function topLevelClass(statement: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let node: Node | null | undefined = statement;
  if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) node = node.declaration;
  if (node?.type === AST_NODE_TYPES.ExpressionStatement && node.expression.type === AST_NODE_TYPES.AssignmentExpression) node = node.expression.right;
  if (node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression) return node;
  return undefined;
}

function isNestHandlerDecorator(decorator: TSESTree.Decorator, imports: ModuleImports): boolean {
  const expression = unwrap(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (!NEST_HANDLER_DECORATORS.has(expression.callee.name)) return false;
  return imports.importedName(expression.callee)?.module.startsWith('@nestjs/') ?? false;
}

/** `const resolvers = { Query: { user: async () => … }, Mutation: { … } }` at the top level. */
function addResolverMaps(ast: TSESTree.Program, input: RequestHandlerInput, entries: EntryPoint[]): void {
  for (const statement of ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init && unwrap(declarator.init);
      if (init?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of init.properties) {
        if (property.type === AST_NODE_TYPES.Property && RESOLVER_ROOTS.has(propertyKeyName(property) ?? '')) {
          addObjectFunctions(property.value, 'graphqlResolver', input, entries);
        }
      }
    }
  }
}
