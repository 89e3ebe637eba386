/**
 * Whether a value leaves the file: exported, returned, or passed to other code. The rules use it for the
 * `escapedClients` policy, and the v2/v3 inference for clients that may be connected elsewhere.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyKeyName, unwrap, valueParent } from './ast';
import { chainedEmitterCall } from './redis-modules';
import { thisKey, type SameFileValues } from './same-file-values';

type Node = TSESTree.Node;

export type EscapeRoute = 'exported' | 'returned' | 'passed';

/** Where the value of `expression` goes when it leaves the file, if it does. */
export function escapeRoute(expression: Node, values: SameFileValues): EscapeRoute | undefined {
  return new EscapeSearch(values).from(expression);
}

class EscapeSearch {
  private readonly seen = new Set<unknown>();

  constructor(private readonly values: SameFileValues) {}

  from(expression: Node): EscapeRoute | undefined {
    if (this.seen.has(expression)) return undefined;
    this.seen.add(expression);
    const { parent, child } = valueParent(expression);
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee === child ? undefined : 'passed';
      case AST_NODE_TYPES.MemberExpression:
        return this.throughChainedCall(parent);
      case AST_NODE_TYPES.ReturnStatement:
        return 'returned';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? 'returned' : undefined;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
      case AST_NODE_TYPES.ExportSpecifier:
        return 'exported';
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? this.fromVariable(parent.id) : undefined;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child) return undefined;
        if (parent.left.type === AST_NODE_TYPES.Identifier) return this.fromVariable(parent.left);
        if (parent.left.type === AST_NODE_TYPES.MemberExpression) return this.fromMember(parent.left);
        return undefined;
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = propertyKeyName(parent);
        return name === undefined ? undefined : this.fromMemberKey(`${thisKey(parent.value ?? parent)}.${name}`, name);
      }
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return this.from(parent);
      case AST_NODE_TYPES.Property:
        return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression ? this.from(parent.parent) : undefined;
      default:
        return undefined;
    }
  }

  /** `client.on(...)` returns the client; `client.connect()` and `client.get()` do not hand it on. */
  private throughChainedCall(member: TSESTree.MemberExpression): EscapeRoute | undefined {
    const call = chainedEmitterCall(member);
    return call ? this.from(call) : undefined;
  }

  private fromVariable(identifier: TSESTree.Identifier): EscapeRoute | undefined {
    const variable = this.values.findVariable(identifier);
    if (!variable || this.seen.has(variable)) return undefined;
    this.seen.add(variable);
    const declaration = variable.defs[0]?.node.parent;
    if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return 'exported';
    for (const reference of variable.references) {
      const route = reference.isRead() ? this.from(reference.identifier) : undefined;
      if (route) return route;
    }
    return undefined;
  }

  private fromMember(target: TSESTree.MemberExpression): EscapeRoute | undefined {
    if (isCommonJsExport(target, this.values)) return 'exported';
    const key = this.values.memberKey(target);
    const name = memberName(target);
    return key !== undefined && name !== undefined ? this.fromMemberKey(key, name) : undefined;
  }

  private fromMemberKey(key: string, name: string): EscapeRoute | undefined {
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    for (const access of this.values.accessesOfMemberKey(key, name)) {
      const isWriteTarget = access.parent?.type === AST_NODE_TYPES.AssignmentExpression && access.parent.left === access;
      const route = isWriteTarget ? undefined : this.from(access);
      if (route) return route;
    }
    return undefined;
  }
}

/** `module.exports = …`, `module.exports.x = …` or `exports.x = …`, with `module`/`exports` not declared locally. */
function isCommonJsExport(target: TSESTree.MemberExpression, values: SameFileValues): boolean {
  let object = unwrap(target.object);
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'exports') object = unwrap(object.object);
  return (
    object.type === AST_NODE_TYPES.Identifier &&
    (object.name === 'exports' || object.name === 'module') &&
    values.findVariable(object) === undefined
  );
}
