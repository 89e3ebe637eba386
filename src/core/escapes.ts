/**
 * Whether a value leaves the file: exported, returned, or passed to other code. The rules use it for the
 * `escapedClients` policy, and the v2/v3 inference for clients that may be connected elsewhere.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, memberName, propertyKeyName, unwrap, valueParent } from './ast';
import { chainedEmitterCall } from './redis-modules';
import { reachableSets, type ValueGraph } from './reachable';
import { isVariable, thisKey, type SameFileValues, type Variable } from './same-file-values';

type Node = TSESTree.Node;

export type EscapeRoute = 'exported' | 'returned' | 'passed';

/** A place a value may reach: an expression, a variable, or a member path (by its key). */
type Place = Node | Variable | string;
type Step = { found?: readonly EscapeRoute[]; next?: Place[] };

/** When a value leaves the file in several ways, the one reported is the first of these. */
const ROUTE_PRIORITY: readonly EscapeRoute[] = ['exported', 'returned', 'passed'];

/**
 * Where values leave the file. The places a value reaches form a graph shared by all owners, so the
 * routes of every place are computed once per file (see `reachable.ts`).
 */
export class EscapeRoutes {
  private readonly routesMemo = new Map<Place, readonly EscapeRoute[]>();
  /** The last property name of each member path key met, to find the path's accesses by name. */
  private readonly keyNames = new Map<string, string>();
  private readonly graph: ValueGraph<Place, EscapeRoute> = {
    known: (place) => this.routesMemo.get(place),
    expand: (place) => this.step(place),
  };

  constructor(private readonly values: SameFileValues) {}

  /** Where the value of `expression` goes when it leaves the file, if it does. */
  of(expression: Node): EscapeRoute | undefined {
    let routes = this.routesMemo.get(expression);
    if (!routes) {
      const answers = reachableSets<Place, EscapeRoute>(expression, this.graph, this.values.budget);
      for (const [place, found] of answers) this.routesMemo.set(place, found);
      routes = answers.get(expression)!;
    }
    return ROUTE_PRIORITY.find((route) => routes.includes(route));
  }

  private step(place: Place): Step {
    if (typeof place === 'string') return { next: this.accessesOf(place) };
    if (isVariable(place)) return this.fromVariable(place);
    return this.fromExpression(place);
  }

  private fromExpression(expression: Node): Step {
    const { parent, child } = valueParent(expression);
    if (!parent) return {};
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee === child ? {} : { found: ['passed'] };
      case AST_NODE_TYPES.MemberExpression:
        return this.throughChainedCall(parent);
      case AST_NODE_TYPES.ReturnStatement:
        return { found: ['returned'] };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? { found: ['returned'] } : {};
      case AST_NODE_TYPES.ExportDefaultDeclaration:
      case AST_NODE_TYPES.ExportSpecifier:
        return { found: ['exported'] };
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? this.toVariable(parent.id) : {};
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === child ? this.intoTarget(parent.left) : {};
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = propertyKeyName(parent);
        return name === undefined ? {} : this.toMemberKey(`${thisKey(parent.value ?? parent)}.${name}`, name);
      }
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return { next: [parent] };
      case AST_NODE_TYPES.Property:
        return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression ? { next: [parent.parent] } : {};
      default:
        return {};
    }
  }

  /** `client.on(...)` returns the client; `client.connect()` and `client.get()` do not hand it on. */
  private throughChainedCall(member: TSESTree.MemberExpression): Step {
    const call = chainedEmitterCall(member);
    return call ? { next: [call] } : {};
  }

  private intoTarget(target: TSESTree.Expression): Step {
    if (target.type === AST_NODE_TYPES.Identifier) return this.toVariable(target);
    if (target.type !== AST_NODE_TYPES.MemberExpression) return {};
    if (isCommonJsExport(target, this.values)) return { found: ['exported'] };
    const key = this.values.memberKey(target);
    const name = memberName(target);
    return key !== undefined && name !== undefined ? this.toMemberKey(key, name) : {};
  }

  private toVariable(identifier: TSESTree.Identifier): Step {
    const variable = this.values.findVariable(identifier);
    return variable ? { next: [variable] } : {};
  }

  private toMemberKey(key: string, name: string): Step {
    if (!this.keyNames.has(key)) this.keyNames.set(key, name);
    return { next: [key] };
  }

  private fromVariable(variable: Variable): Step {
    const declaration = variable.defs[0]?.node.parent;
    if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { found: ['exported'] };
    return { next: variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier) };
  }

  /** The reads of a member path (a write to it does not pass on the value written before). */
  private accessesOf(key: string): Place[] {
    return this.values
      .accessesOfMemberKey(key, this.keyNames.get(key)!)
      .filter((access) => !(access.parent?.type === AST_NODE_TYPES.AssignmentExpression && access.parent.left === access));
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
