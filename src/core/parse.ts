/**
 * Parses a file for the codemods the way ESLint does for the rules: an ESTree AST with parent links and
 * a scope manager, so the shared analysis sees the same program in both places.
 */
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export interface ParsedFile {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
}

export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ParseFailure';
  }
}

const TYPESCRIPT_WITHOUT_JSX = new Set(['.ts', '.mts', '.cts']);
const COMMONJS = new Set(['.cjs', '.cts']);

export function parseFile(sourceText: string, filePath: string): ParsedFile {
  const extension = path.extname(filePath).toLowerCase();
  let ast: TSESTree.Program;
  try {
    ast = parse(sourceText, {
      range: true,
      loc: true,
      comment: true,
      jsx: !TYPESCRIPT_WITHOUT_JSX.has(extension),
    });
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message: string };
    throw new ParseFailure(message, lineNumber ?? 1, (column ?? 0) + 1);
  }
  setParents(ast);
  const scopeManager = analyze(ast, {
    sourceType: COMMONJS.has(extension) ? 'script' : 'module',
    globalReturn: COMMONJS.has(extension),
  }) as unknown as TSESLint.Scope.ScopeManager;
  return { ast, scopeManager, visitorKeys };
}

function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children as (TSESTree.Node | null | undefined)[]) {
        if (child && typeof child.type === 'string') {
          (child as { parent: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
}
