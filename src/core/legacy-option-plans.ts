/**
 * Which mechanical rewrite of an ignored option is safe where it is written. A rewrite edits the options
 * object only when the call owns it (written in the call, or a constant used only there), the option
 * sits directly in it, and what v4+ reads instead is not set already.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import { unwrap } from './ast';
import type { LegacyOptionProblem, OptionsContext } from './legacy-options';
import type { RedisOwner } from './find-clients';

type Node = TSESTree.Node;
type ObjectExpression = TSESTree.ObjectExpression;

/** Client options as an owner passes them on: the expression, and which kind of owner reads them. */
export interface OptionsSite {
  expression: Node;
  ownerKind: RedisOwner['kind'];
}

export type OptionRemedy =
  /** Into the existing inline `socket` object, or (without one) `key: v` becomes `socket: { key: v }` in place. */
  | { type: 'moveIntoSocket'; property: TSESTree.Property; from: ObjectExpression; socket?: ObjectExpression }
  | { type: 'rename'; property: TSESTree.Property; to: string }
  | { type: 'invertOfflineQueue'; property: TSESTree.Property; disable: boolean }
  /** `socket.url` to the top level, next to `socket`. */
  | { type: 'moveUrlOut'; property: TSESTree.Property; socketProperty: TSESTree.Property; socket: ObjectExpression; into: ObjectExpression };

export function planOptionRemedy(
  problem: LegacyOptionProblem,
  site: OptionsSite,
  property: TSESTree.Property,
  analysis: OptionsContext,
): OptionRemedy | undefined {
  const options = ownedOptionsObject(site.expression, analysis);
  if (!options) return undefined;
  const missing = (path: readonly string[]) => {
    const lookup = analysis.options.lookup(site.expression, path);
    return 'missing' in lookup;
  };
  switch (problem) {
    case 'topLevelSocketOption':
      return property.parent === options ? planMoveIntoSocket(property, options, site, analysis) : undefined;
    case 'renamedOption': {
      const to = renamedTo(property);
      const plain = property.parent === options && !property.computed && property.kind === 'init' && !property.method;
      return plain && to && missing([to]) ? { type: 'rename', property, to } : undefined;
    }
    case 'offlineQueueOption': {
      const value = unwrap(property.value);
      const literal = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean';
      return property.parent === options && literal && missing(['disableOfflineQueue'])
        ? { type: 'invertOfflineQueue', property, disable: value.value === false }
        : undefined;
    }
    case 'socketUrl':
      return planMoveUrlOut(property, options, missing(['url']));
    default:
      return undefined;
  }
}

/** v3 names v4+ reads under another name (a Map: an option named `constructor` is no rename). */
export const RENAMED_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['db', 'database'],
  ['auth_pass', 'password'],
]);

/** The new name of `db` or `'db'` (a quoted key keeps its quotes in the remedy). */
function renamedTo(property: TSESTree.Property): string | undefined {
  const { key } = property;
  if (key.type === AST_NODE_TYPES.Identifier) return RENAMED_OPTIONS.get(key.name);
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? RENAMED_OPTIONS.get(key.value) : undefined;
}

function planMoveIntoSocket(
  property: TSESTree.Property,
  options: ObjectExpression,
  site: OptionsSite,
  analysis: OptionsContext,
): OptionRemedy | undefined {
  const key = property.key;
  const name = key.type === AST_NODE_TYPES.Identifier && !property.computed ? key.name : undefined;
  if (name === undefined) return undefined;
  const socket = analysis.options.lookup(site.expression, ['socket']);
  if ('missing' in socket) return socket.missing === options ? { type: 'moveIntoSocket', property, from: options } : undefined;
  if (!('found' in socket) || socket.found.parent !== options || socket.found.shorthand) return undefined;
  const socketObject = unwrap(socket.found.value);
  if (socketObject.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const inSocket = analysis.options.lookup(site.expression, ['socket', name]);
  return 'missing' in inSocket && inSocket.missing === socketObject
    ? { type: 'moveIntoSocket', property, from: options, socket: socketObject }
    : undefined;
}

function planMoveUrlOut(property: TSESTree.Property, options: ObjectExpression, urlMissing: boolean): OptionRemedy | undefined {
  const socket = property.parent;
  const socketProperty = socket?.parent;
  if (!urlMissing || socket?.type !== AST_NODE_TYPES.ObjectExpression || socketProperty?.type !== AST_NODE_TYPES.Property) {
    return undefined;
  }
  if (socketProperty.parent !== options || property.computed || property.kind !== 'init' || property.method) return undefined;
  return { type: 'moveUrlOut', property, socketProperty, socket, into: options };
}

/**
 * The object literal the options are written in, when only this call reads it: written in place, or a
 * same-file constant read nowhere else (editing a shared or exported object would change other code).
 */
function ownedOptionsObject(expression: Node, analysis: OptionsContext): ObjectExpression | undefined {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = analysis.values.findVariable(node);
  const declarator = variable?.defs.length === 1 ? variable.defs[0]!.node : undefined;
  if (!variable || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const init = unwrap(declarator.init);
  const exported = declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const reads = variable.references.filter((reference) => reference.isRead());
  const written = variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== declarator.init);
  const sole = reads.length === 1 && !exported && !written;
  return sole && init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}
