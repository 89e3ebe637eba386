/**
 * The text each safeguard inserts, as plain text edits. The rules offer these edits as editor
 * suggestions and the codemods apply them, so both always write exactly the same code. Edits touch only
 * the inserted span: existing formatting, comments, quotes and line endings stay byte for byte.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, enclosingStatement, unwrap, valueParent } from './ast';
import type { ConnectTimeoutFinding, DisabledReconnectFinding } from './analyze';
import type { OptionInsertion } from './client-options';
import type { RedisOwner } from './find-clients';
import { OWNER_LABEL, chainedEmitterCall } from './redis-modules';

type Node = TSESTree.Node;

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 20;

export interface RemedyContext {
  sourceText: string;
  /** Type annotations are added to the inserted strategy in TypeScript files. */
  typescript: boolean;
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

export function remedyContext(sourceText: string, filePath: string): RemedyContext {
  return { sourceText, typescript: TYPESCRIPT_FILE.test(filePath) };
}


// ---- texts ----------------------------------------------------------------------------------------

export function defaultErrorHandler(owner: RedisOwner, quote: string): string {
  return `(err) => console.error(${quote}Redis ${OWNER_LABEL[owner.kind]} error:${quote}, err)`;
}

export function boundedReconnectStrategy(maxRetries: number, typescript: boolean, quote: string): string {
  const parameters = typescript ? '(retries: number, cause: Error)' : '(retries, cause)';
  const giveUp = `new Error(${quote}Redis: gave up reconnecting after ${maxRetries} attempts: ${quote} + cause.message)`;
  return `${parameters} => (retries >= ${maxRetries} ? ${giveUp} : Math.min(2 ** retries * 50, 2000))`;
}

/** `['socket', 'connectTimeout']` and `10000` give `socket: { connectTimeout: 10000 }`. */
export function nestedOptionText(path: readonly string[], value: string): string {
  let text = `${path[path.length - 1]}: ${value}`;
  for (let index = path.length - 2; index >= 0; index--) text = `${path[index]}: { ${text} }`;
  return text;
}

// ---- the three remedies ---------------------------------------------------------------------------

export function errorListenerEdits(owner: RedisOwner, context: RemedyContext, handlerSource?: string): TextEdit[] {
  const { sourceText } = context;
  const handler = handlerSource ?? defaultErrorHandler(owner, detectQuote(sourceText));
  const placement = listenerStatementPlacement(owner, sourceText);
  if (!placement) {
    // `new RedisClient` has no argument list: `.on` would bind to the class (`new (RedisClient.on)(…)`).
    const end = owner.node.range[1];
    const parentheses = hasArgumentList(owner.node, sourceText) ? '' : '()';
    return [{ range: [end, end], text: `${parentheses}.on(${quoted('error', sourceText)}, ${handler})` }];
  }
  return listenerStatementEdits(placement, `${placement.target}.on(${quoted('error', sourceText)}, ${handler})`, sourceText);
}

/**
 * Inserts `listener` as a statement after `statement`, on a line of its own when the statement starts
 * its line; otherwise on the same line (`{ client = createClient() }`), separated by `;` so that a file
 * without semicolons never runs two statements together.
 */
function listenerStatementEdits(placement: { statement: Node }, listener: string, sourceText: string): TextEdit[] {
  const { statement } = placement;
  const hasSemicolon = sourceText[statement.range[1] - 1] === ';';
  const indent = lineIndentBefore(sourceText, statement.range[0]);
  const at = indent === undefined ? statement.range[1] : endOfLineAfterTrailingComment(sourceText, statement.range[1]);
  const terminator = hasSemicolon || mayContinueExpression(sourceText, at) ? ';' : '';
  const text =
    indent === undefined
      ? `${hasSemicolon ? '' : ';'} ${listener}${terminator}`
      : `${detectEol(sourceText)}${indent}${listener}${terminator}`;
  return [{ range: [at, at], text }];
}

const CONTINUING_CHARACTERS = new Set('([`+-*/%,.?<>=&|^');

/** Whether the code after `position` starts with a token that would continue a call expression before it. */
function mayContinueExpression(sourceText: string, position: number): boolean {
  const next = sourceText[skipTrivia(sourceText, position)];
  return next !== undefined && CONTINUING_CHARACTERS.has(next);
}

/** `new X` and `new (f())` have no argument list; `new X()` and every call do. */
export function hasArgumentList(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceText: string): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return true;
  const calleeEnd = (node.typeArguments ?? node.callee).range[1];
  return sourceText.slice(skipTrivia(sourceText, calleeEnd), node.range[1]).startsWith('(');
}

export function connectTimeoutEdits(finding: ConnectTimeoutFinding, context: RemedyContext, milliseconds: number): TextEdit[] {
  return finding.insertions.flatMap((insertion) => optionEdits(insertion, String(milliseconds), context.sourceText));
}

export function boundedReconnectEdits(
  finding: DisabledReconnectFinding,
  context: RemedyContext,
  maxRetries: number,
): TextEdit[] {
  const strategy = boundedReconnectStrategy(maxRetries, context.typescript, detectQuote(context.sourceText));
  const { target, property } = finding;
  if (target !== property.value) return [{ range: target.range, text: `(${strategy})` }];
  if (!property.method && property.kind === 'init') return [{ range: target.range, text: strategy }];
  // A method (`reconnectStrategy(retries) { … }`) or getter: its value starts at the parameters, so it
  // becomes a plain property. `get`, `async` or `*` before the key would not belong to the new value.
  const keyStart = property.computed ? context.sourceText.lastIndexOf('[', property.key.range[0]) : property.key.range[0];
  const edits: TextEdit[] = [{ range: target.range, text: `: ${strategy}` }];
  if (keyStart > property.range[0]) edits.unshift({ range: [property.range[0], keyStart], text: '' });
  return edits;
}

// ---- placing an 'error' listener --------------------------------------------------------------------

/**
 * The statement after which `<name>.on('error', …)` can go: the declaration or plain assignment that
 * stores the owner. Undefined when the owner is not stored by a standalone statement, or when it is
 * connected before being stored; then the listener is chained on the factory call instead.
 */
function listenerStatementPlacement(
  owner: RedisOwner,
  sourceText: string,
): { statement: Node; target: string } | undefined {
  let node: Node = owner.node;
  for (;;) {
    const { parent, child } = valueParent(node);
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const call = chainedEmitterCall(parent);
        if (!call) return undefined;
        node = call;
        continue;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return undefined;
        node = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        const declaration = parent.parent;
        const statement = enclosingStatement(parent);
        const standalone =
          statement === declaration ||
          (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration === declaration);
        return standalone && statement ? { statement, target: parent.id.name } : undefined;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== child || parent.operator !== '=') return undefined;
        const statement = parent.parent;
        if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || enclosingStatement(parent) !== statement) {
          return undefined;
        }
        const target = assignableTarget(parent.left, sourceText);
        return target ? { statement, target } : undefined;
      }
      default:
        return undefined;
    }
  }
}

/** `client`, `this.client`, `this.#client`, `app.locals.redis`: targets that can be read again safely. */
function assignableTarget(left: Node, sourceText: string): string | undefined {
  const node = unwrap(left);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.optional) return undefined;
  const object = unwrap(node.object);
  const objectIsSimple =
    object.type === AST_NODE_TYPES.ThisExpression ||
    object.type === AST_NODE_TYPES.Identifier ||
    assignableTarget(object, sourceText) !== undefined;
  return objectIsSimple ? sourceText.slice(node.range[0], node.range[1]) : undefined;
}

// ---- writing an option ------------------------------------------------------------------------------

export function optionEdits(insertion: OptionInsertion, value: string, sourceText: string): TextEdit[] {
  switch (insertion.type) {
    case 'value':
      return [{ range: insertion.node.range, text: value }];
    case 'argument': {
      const objectText = `{ ${nestedOptionText(insertion.path, value)} }`;
      const end = insertion.call.range[1];
      return hasArgumentList(insertion.call, sourceText)
        ? [{ range: [end - 1, end - 1], text: objectText }]
        : [{ range: [end, end], text: `(${objectText})` }];
    }
    case 'property':
      return insertProperty(insertion.object, nestedOptionText(insertion.path, value), sourceText);
  }
}

/** Adds `propertyText` as the last property of an object literal, in the object's own layout. */
export function insertProperty(object: TSESTree.ObjectExpression, propertyText: string, sourceText: string): TextEdit[] {
  const open = object.range[0];
  const close = object.range[1] - 1;
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    const inner = sourceText.slice(open + 1, close);
    if (inner.trim() === '') return [{ range: [open + 1, close], text: ` ${propertyText} ` }];
    // Only comments inside: on lines of their own, the property goes on a new line after them.
    const closingLineBreak = sourceText.lastIndexOf('\n', close - 1);
    if (closingLineBreak > open && /^[ \t]*$/.test(sourceText.slice(closingLineBreak + 1, close))) {
      const at = sourceText[closingLineBreak - 1] === '\r' ? closingLineBreak - 1 : closingLineBreak;
      const firstComment = skipWhitespace(sourceText, open + 1);
      const indent = lineIndentBefore(sourceText, firstComment) ?? `${lineIndentOf(sourceText, open)}  `;
      return [{ range: [at, at], text: `${detectEol(sourceText)}${indent}${propertyText}` }];
    }
    return [{ range: [open + 1, open + 1], text: ` ${propertyText},` }];
  }
  const afterLast = skipTrivia(sourceText, last.range[1]);
  const hasTrailingComma = sourceText[afterLast] === ',';
  const multiline = sourceText.slice(open, close).includes('\n');
  if (!multiline) {
    return hasTrailingComma
      ? [{ range: [afterLast + 1, afterLast + 1], text: ` ${propertyText},` }]
      : [{ range: [last.range[1], last.range[1]], text: `, ${propertyText}` }];
  }
  const indent = lineIndentBefore(sourceText, last.range[0]) ?? `${lineIndentOf(sourceText, open)}  `;
  const newLine = `${detectEol(sourceText)}${indent}${propertyText}${hasTrailingComma ? ',' : ''}`;
  if (hasTrailingComma) {
    const at = endOfLineAfterTrailingComment(sourceText, afterLast + 1);
    return [{ range: [at, at], text: newLine }];
  }
  const at = endOfLineAfterTrailingComment(sourceText, last.range[1]);
  return at === last.range[1]
    ? [{ range: [at, at], text: `,${newLine}` }]
    : [
        { range: [last.range[1], last.range[1]], text: ',' },
        { range: [at, at], text: newLine },
      ];
}

// ---- reading the file's style -------------------------------------------------------------------------

export function detectEol(sourceText: string): string {
  return sourceText.includes('\r\n') ? '\r\n' : '\n';
}

/** The quote the file uses for its module specifiers (`from 'redis'`, `require("redis")`). */
export function detectQuote(sourceText: string): string {
  const specifier = /(?:\bfrom|\brequire\(|\bimport\()\s*(['"])/.exec(sourceText);
  if (specifier) return specifier[1]!;
  const single = sourceText.split("'").length;
  const double = sourceText.split('"').length;
  return double > single ? '"' : "'";
}

function quoted(text: string, sourceText: string): string {
  const quote = detectQuote(sourceText);
  return `${quote}${text}${quote}`;
}

/** The whitespace before `position` on its line, or undefined when code precedes it on that line. */
function lineIndentBefore(sourceText: string, position: number): string | undefined {
  const lineStart = sourceText.lastIndexOf('\n', position - 1) + 1;
  const before = sourceText.slice(lineStart, position).replace(/^\uFEFF/, '');
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function lineIndentOf(sourceText: string, position: number): string {
  const lineStart = sourceText.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(sourceText.slice(lineStart))![0];
}

function skipWhitespace(sourceText: string, position: number): number {
  let index = position;
  while (index < sourceText.length && /\s/.test(sourceText[index]!)) index++;
  return index;
}

/** Skips white space and comments. */
function skipTrivia(sourceText: string, position: number): number {
  let index = position;
  for (;;) {
    while (index < sourceText.length && /\s/.test(sourceText[index]!)) index++;
    if (sourceText.startsWith('//', index)) {
      const end = sourceText.indexOf('\n', index);
      index = end === -1 ? sourceText.length : end;
    } else if (sourceText.startsWith('/*', index)) {
      const end = sourceText.indexOf('*/', index + 2);
      index = end === -1 ? sourceText.length : end + 2;
    } else {
      return index;
    }
  }
}

/**
 * Where a new line may start after `position`: the end of the line when only white space or a comment
 * follows (the comment stays with its code), otherwise `position` itself.
 */
function endOfLineAfterTrailingComment(sourceText: string, position: number): number {
  let index = position;
  for (;;) {
    while (sourceText[index] === ' ' || sourceText[index] === '\t') index++;
    if (sourceText.startsWith('//', index)) {
      const end = sourceText.indexOf('\n', index);
      index = end === -1 ? sourceText.length : end;
      return sourceText[index - 1] === '\r' ? index - 1 : index;
    }
    if (sourceText.startsWith('/*', index)) {
      const end = sourceText.indexOf('*/', index + 2);
      if (end === -1 || sourceText.slice(index, end).includes('\n')) return position;
      index = end + 2;
      continue;
    }
    if (index >= sourceText.length || sourceText[index] === '\n') return index;
    if (sourceText[index] === '\r' && sourceText[index + 1] === '\n') return index;
    return position;
  }
}
