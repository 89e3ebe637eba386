/**
 * Who calls a same-file function, found from the function's own name rather than by indexing every
 * call: `helper()` through the references of its variable, `this.method()` through the accesses of its
 * member path, `new C()` through the references of its class, and an immediately invoked function's own
 * call. Knows nothing about node-redis.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES, propertyKeyName } from './ast';
import { thisKey, type FunctionNode, type SameFileValues, type Variable } from './same-file-values';

type Node = TSESTree.Node;
export type CallSite = TSESTree.CallExpression | TSESTree.NewExpression;

export class CallSites {
  private readonly memo = new Map<FunctionNode, readonly CallSite[]>();

  constructor(private readonly values: SameFileValues) {}

  of(fn: FunctionNode): readonly CallSite[] {
    let sites = this.memo.get(fn);
    if (!sites) {
      sites = this.find(fn);
      this.memo.set(fn, sites);
    }
    return sites;
  }

  /**
   * Every place the file names `fn`: the references of its variable, or the `this.name` accesses of a
   * method; undefined when it has no name to follow.
   */
  namedReferences(fn: FunctionNode): readonly Node[] | undefined {
    const parent = fn.parent;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return referencesOf(this.values.findVariable(fn.id));
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      return referencesOf(this.values.findVariable(parent.id));
    }
    if (parent?.type !== AST_NODE_TYPES.MethodDefinition || parent.kind !== 'method' || parent.static) return undefined;
    const name = propertyKeyName(parent);
    return name === undefined ? undefined : this.values.accessesOfMemberKey(`${thisKey(parent.value)}.${name}`, name);
  }

  /** The calls inside `fn`. */
  within(fn: Node): TSESTree.CallExpression[] {
    return callsWithin(this.values.calls, fn);
  }

  private find(fn: FunctionNode): CallSite[] {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return [parent];
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') return this.constructions(parent);
    // `helper()` through its variable, `this.method()` inside the class (for a method that is not static).
    return (this.namedReferences(fn) ?? []).flatMap(callOf);
  }

  /** `new C(…)` for a class declared at the top level of this file. */
  private constructions(constructor: TSESTree.MethodDefinition): CallSite[] {
    const classNode = constructor.parent.parent;
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

/** The calls of `calls` (in source order, so a binary search finds the first) inside `node`. */
export function callsWithin(calls: readonly TSESTree.CallExpression[], node: Node): TSESTree.CallExpression[] {
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (calls[middle]!.range[0] < node.range[0]) low = middle + 1;
    else high = middle;
  }
  const inside: TSESTree.CallExpression[] = [];
  for (let index = low; index < calls.length && calls[index]!.range[0] < node.range[1]; index++) inside.push(calls[index]!);
  return inside;
}

function referencesOf(variable: Variable | undefined): Node[] | undefined {
  return variable?.references.filter((reference) => !reference.init).map((reference) => reference.identifier);
}

/** The call whose callee is `node`, if there is one. */
function callOf(node: Node): CallSite[] {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node ? [parent] : [];
}
