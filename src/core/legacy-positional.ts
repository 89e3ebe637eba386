/**
 * v2/v3's positional `createClient` forms (`createClient(url)`, `createClient(port, host)`,
 * `createClient(path, options)`): node-redis v4+ reads one options object and ignores them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import { isNamedMember, memberName, staticString, unwrap } from './ast';
import type { SameFileValues } from './same-file-values';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** How the positional arguments become an options object, when that is certain. */
export type PositionalShape = 'url' | 'path' | 'port' | 'portHost' | 'urlWithOptions' | 'pathWithOptions';

export interface PositionalArguments {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The first argument, where the problem is reported. */
  reportNode: Node;
  /** `this string argument`, `this number argument` or `these positional arguments`, for the message. */
  description: string;
  /** What to pass instead, for the message. */
  replacement: string;
  shape?: PositionalShape;
  /** The first argument is visibly a string or a number, so it cannot be an options object. */
  scalarFirst: boolean;
}

const REPLACEMENTS: Record<PositionalShape | 'unknown', string> = {
  url: '`{ url }`',
  urlWithOptions: '`{ url, ...options }`',
  path: '`{ socket: { path } }`',
  pathWithOptions: '`{ socket: { path }, ...options }`',
  port: '`{ socket: { port } }`',
  portHost: '`{ socket: { port, host } }`',
  unknown: '`{ url }` or `{ socket: { host, port } }`',
};

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const URL_NAME = /ur[li]/i;
/** Values named like a URL or a path (`redisUrl`, `config.REDIS_URI`, `info.pathname`) hold strings, never options. */
const STRING_NAME = /(?:ur[li]|path(?:name)?)$/i;
const PORT_NAME = /port/i;

/** The call's positional arguments, when it visibly has them (a string or number first, or several arguments). */
export function positionalArgumentsOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  values: SameFileValues,
): PositionalArguments | undefined {
  const args = call.arguments;
  const [first] = args;
  if (!first || args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const kind = scalarKind(first, values);
  const several = args.length > 1 && values.resolveConstant(first).type !== AST_NODE_TYPES.ObjectExpression;
  if (!kind && !several) return undefined;
  const shape = shapeOf(args as Expression[], kind, values);
  return {
    call,
    reportNode: first,
    description: args.length > 1 ? 'these positional arguments' : `this ${kind} argument`,
    replacement: REPLACEMENTS[shape ?? 'unknown'],
    shape,
    scalarFirst: kind !== undefined,
  };
}

function shapeOf(args: Expression[], kind: ScalarKind | undefined, values: SameFileValues): PositionalShape | undefined {
  const [first, second] = args as [Expression, Expression | undefined];
  const single = kind === 'number' ? 'port' : kind === 'string' ? stringShape(first, values) : undefined;
  if (args.length === 1) return single;
  if (args.length !== 2 || !second) return undefined;
  const looksLikePort = kind === 'number' || PORT_NAME.test(sourceName(first));
  if (looksLikePort && scalarKind(second, values) === 'string') return 'portHost';
  const options = unwrap(second);
  if (options.type !== AST_NODE_TYPES.ObjectExpression || !isPlainOptions(options)) return undefined;
  if (single === 'url') return 'urlWithOptions';
  if (single === 'path') return 'pathWithOptions';
  return undefined;
}

/** A URL (`redis://…`, or a value named like one) or a Unix socket path (`/…`). */
function stringShape(node: Node, values: SameFileValues): 'url' | 'path' | undefined {
  const value = values.resolveConstant(node);
  const text =
    staticString(value) ??
    (value.type === AST_NODE_TYPES.TemplateLiteral ? (value.quasis[0]?.value.cooked ?? undefined) : undefined);
  if (text === undefined || (value.type === AST_NODE_TYPES.TemplateLiteral && text === '')) {
    return URL_NAME.test(sourceName(node)) ? 'url' : undefined;
  }
  if (URL_SCHEME.test(text)) return 'url';
  return text.startsWith('/') && !text.startsWith('//') ? 'path' : undefined;
}

/** An object literal the rewrite can add `url` or `socket` to: no spreads, no `url` or `socket` of its own. */
function isPlainOptions(object: TSESTree.ObjectExpression): boolean {
  return object.properties.every((member) => {
    if (member.type !== AST_NODE_TYPES.Property || member.computed) return false;
    const key = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : String((member.key as TSESTree.Literal).value);
    return key !== 'url' && key !== 'socket';
  });
}

type ScalarKind = 'string' | 'number';

/** Whether an expression is visibly a string or a number (literals, templates, `process.env.X`, `Number(…)`). */
function scalarKind(expression: Node, values: SameFileValues, depth = 0): ScalarKind | undefined {
  const node = values.resolveConstant(expression);
  if (depth > 8) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? 'string' : typeof node.value === 'number' ? 'number' : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return 'string';
    case AST_NODE_TYPES.Identifier:
      return STRING_NAME.test(node.name) ? 'string' : undefined;
    case AST_NODE_TYPES.MemberExpression:
      return isNamedMember(node.object, 'process', 'env') || STRING_NAME.test(memberName(node) ?? '') ? 'string' : undefined;
    case AST_NODE_TYPES.CallExpression:
      return conversionKind(node.callee);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' ? 'number' : undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = scalarKind(node.left, values, depth + 1);
      const right = scalarKind(node.right, values, depth + 1);
      return left === 'string' || right === 'string' ? 'string' : left && right;
    }
    case AST_NODE_TYPES.LogicalExpression:
      return bothKind(node.left, node.right, values, depth);
    case AST_NODE_TYPES.ConditionalExpression:
      return bothKind(node.consequent, node.alternate, values, depth);
    default:
      return undefined;
  }
}

function bothKind(a: Node, b: Node, values: SameFileValues, depth: number): ScalarKind | undefined {
  const left = scalarKind(a, values, depth + 1);
  const right = scalarKind(b, values, depth + 1);
  return left && right ? (left === right ? left : 'string') : undefined;
}

function conversionKind(callee: Node): ScalarKind | undefined {
  const node = unwrap(callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (node.name === 'String') return 'string';
  return node.name === 'Number' || node.name === 'parseInt' || node.name === 'parseFloat' ? 'number' : undefined;
}


/** The name a value is read under (`REDIS_URL`, `config.redisPort`), for guessing what a variable holds. */
function sourceName(node: Node): string {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner) ?? '';
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return sourceName(inner.left);
  return '';
}
