/**
 * Which module (and which export of it) a name or member expression comes from, for ESM imports and
 * `require()`: `express` in `import express from 'express'`, `Router` in `const { Router } = require('express')`,
 * `http.createServer`. Same-file only; knows nothing about any particular library.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, memberName, propertyKeyName, staticString, unwrap } from './ast';
import type { SameFileValues, Variable } from './same-file-values';

type Node = TSESTree.Node;

export interface ImportedName {
  module: string;
  /** The export's name: `default`, `*` (the whole module) or a named export, then any member path below it. */
  path: readonly string[];
}

const MAX_DEPTH = 6;

export class ModuleImports {
  private readonly byVariable = new Map<Variable, ImportedName>();
  /** Every module the file imports or requires, by name. */
  readonly modules = new Set<string>();
  /** Each module and its package (`hono/tiny`, `hono`), split once: `importsAny` is asked about every call. */
  private importedNames: string[] | undefined;

  constructor(
    ast: TSESTree.Program,
    private readonly values: SameFileValues,
  ) {
    for (const statement of ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) this.addImport(statement);
    }
    for (const load of values.moduleLoads) {
      this.modules.add(load.moduleName);
      if (load.node.type === AST_NODE_TYPES.CallExpression) this.addRequire(load.node, load.moduleName);
    }
  }

  /** Whether the file imports one of `names` (or a subpath of it: `hono/tiny`). */
  importsAny(names: ReadonlySet<string>): boolean {
    this.importedNames ??= [...this.modules].flatMap((name) => [name, name.split('/')[0]!]);
    return this.importedNames.some((name) => names.has(name));
  }

  /** Where `expression` comes from, when it is an imported name or a member path below one. */
  importedName(expression: Node, depth = 0): ImportedName | undefined {
    const node = unwrap(expression);
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.values.findVariable(node);
      if (!variable) return undefined;
      const direct = this.byVariable.get(variable);
      if (direct) return direct;
      const [source, ...more] = this.values.valueSources(variable);
      return source && more.length === 0 ? this.importedName(source, depth + 1) : undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      const base = name === undefined ? undefined : this.importedName(node.object, depth + 1);
      return base && { module: base.module, path: [...base.path, name!] };
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const moduleName = this.requiredModule(node);
      return moduleName === undefined ? undefined : { module: moduleName, path: ['*'] };
    }
    return undefined;
  }

  private addImport(declaration: TSESTree.ImportDeclaration): void {
    const moduleName = declaration.source.value;
    this.modules.add(moduleName);
    for (const specifier of declaration.specifiers) {
      const variable = this.values.findVariable(specifier.local);
      if (!variable) continue;
      const path =
        specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? ['default']
          : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
            ? ['*']
            : [staticString(specifier.imported) ?? (specifier.imported as TSESTree.Identifier).name];
      this.byVariable.set(variable, { module: moduleName, path });
    }
  }

  /** `const x = require('m')`, `const { a, b: c } = require('m')`. */
  private addRequire(call: TSESTree.CallExpression, moduleName: string): void {
    const declarator = call.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) return;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.values.findVariable(declarator.id);
      if (variable) this.byVariable.set(variable, { module: moduleName, path: ['*'] });
      return;
    }
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const name = propertyKeyName(property);
      const variable = this.values.findVariable(property.value);
      if (name !== undefined && variable) this.byVariable.set(variable, { module: moduleName, path: [name] });
    }
  }

  private requiredModule(call: TSESTree.CallExpression): string | undefined {
    return this.values.moduleLoads.find((load) => load.node === call)?.moduleName;
  }
}
