/**
 * Who calls a same-file function: the calls whose callee may be it (`helper()`, `this.method()`), and
 * `new C()` for a class's constructor. Built once, on first use. Knows nothing about node-redis.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { pushTo, type FunctionNode, type SameFileValues } from './same-file-values';

export type CallSite = TSESTree.CallExpression | TSESTree.NewExpression;

export class CallSites {
  private index: Map<FunctionNode, CallSite[]> | undefined;

  constructor(private readonly values: SameFileValues) {}

  of(fn: FunctionNode): readonly CallSite[] {
    if (!this.index) {
      this.index = new Map();
      for (const call of this.values.calls) {
        for (const callee of this.values.functionsOf(call.callee)) pushTo(this.index, callee, call);
      }
    }
    return [...(this.index.get(fn) ?? []), ...this.constructions(fn)];
  }

  /** The calls inside `fn` (the file's calls are in source order, so a binary search finds the first). */
  within(fn: TSESTree.Node): TSESTree.CallExpression[] {
    const { calls } = this.values;
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (calls[middle]!.range[0] < fn.range[0]) low = middle + 1;
      else high = middle;
    }
    const inside: TSESTree.CallExpression[] = [];
    for (let index = low; index < calls.length && calls[index]!.range[0] < fn.range[1]; index++) inside.push(calls[index]!);
    return inside;
  }

  /** `new C(…)` for the constructor of a class declared at the top level of this file. */
  private constructions(fn: FunctionNode): TSESTree.NewExpression[] {
    const method = fn.parent;
    if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return [];
    const classNode = method.parent.parent;
    const id = classNode.id ?? (classNode.parent?.type === AST_NODE_TYPES.VariableDeclarator ? classNode.parent.id : undefined);
    if (id?.type !== AST_NODE_TYPES.Identifier) return [];
    // The class's own scope has an inner binding of its name; `new C()` outside reads the outer one.
    const { globalScope } = this.values;
    const topScope = globalScope.childScopes.find((scope) => scope.type === 'module') ?? globalScope;
    const variable = ASTUtils.findVariable(topScope, id.name);
    if (!variable?.defs.some((def) => def.name === id)) return [];
    return variable.references.flatMap((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === reference.identifier ? [parent] : [];
    });
  }
}
