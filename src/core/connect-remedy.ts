/**
 * The remedy for a floating `connect()`: `await` it where the code may await, otherwise append
 * `.catch(handler)`. Shared by the `no-floating-connect` suggestion and the `handle-connect` transform.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import type { ConnectFinding } from './connect-calls';
import type { RedisOwner } from './find-clients';
import { OWNER_LABEL } from './redis-modules';
import { detectQuote, type RemedyContext, type TextEdit } from './remedies';

const COMMONJS_EXTENSIONS = new Set(['.cjs', '.cts']);
const MODULE_EXTENSIONS = new Set(['.mjs', '.mts']);
/** TypeScript may compile `.ts` to CommonJS, where top-level `await` does not compile: only `.js`/`.jsx` are judged by their syntax. */
const SYNTAX_JUDGED_EXTENSIONS = new Set(['.js', '.jsx']);
const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports']);

/** What the file's syntax says about its module system (computed with the analysis). */
export interface ModuleSyntax {
  /** Top-level `import`/`export` declarations, which parse only in a module. */
  esm: boolean;
  /** Reads of an undeclared `require`, `module` or `exports`. */
  commonJsGlobals: boolean;
}

export function moduleSyntaxOf(ast: TSESTree.Program, globalScope: TSESLint.Scope.Scope): ModuleSyntax {
  return {
    esm: ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration,
    ),
    commonJsGlobals: globalScope.through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name)),
  };
}

/**
 * Whether the file is certainly an ES module, where top-level `await` works: `.mjs`/`.mts`, or a
 * `.js`/`.jsx` file with `import`/`export` that never touches `require`, `module` or `exports`.
 */
export function allowsTopLevelAwait(filename: string, syntax: ModuleSyntax): boolean {
  const extension = path.extname(filename).toLowerCase();
  if (COMMONJS_EXTENSIONS.has(extension)) return false;
  if (MODULE_EXTENSIONS.has(extension)) return true;
  return SYNTAX_JUDGED_EXTENSIONS.has(extension) && syntax.esm && !syntax.commonJsGlobals;
}

export function defaultConnectHandler(owner: RedisOwner, quote: string): string {
  return `(err) => console.error(${quote}Redis ${OWNER_LABEL[owner.kind]} failed to connect:${quote}, err)`;
}

/** `await <end>` where allowed, otherwise `<end>.catch(handler)`; empty for findings that have no remedy. */
export function handleConnectEdits(finding: ConnectFinding, canAwait: boolean, context: RemedyContext, handlerSource?: string): TextEdit[] {
  const { remedy } = finding;
  if (!remedy) return [];
  const { end } = remedy;
  if (canAwait) return [{ range: [end.range[0], end.range[0]], text: 'await ' }];
  const handler = handlerSource ?? defaultConnectHandler(finding.owner, detectQuote(context.sourceText));
  return [{ range: [end.range[1], end.range[1]], text: `.catch(${handler})` }];
}
