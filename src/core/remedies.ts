/**
 * The text each safeguard inserts, as plain text edits. The rules offer these edits as editor
 * suggestions and the codemods apply them, so both always write exactly the same code. Edits touch only
 * the inserted span: existing formatting, comments, quotes and line endings stay byte for byte.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import semver from 'semver';
import { AST_NODE_TYPES, enclosingStatement, propertyKeyName, unwrap, valueParent } from './ast';
import type { ConnectTimeoutFinding, DisabledReconnectFinding } from './analyze';
import type { OptionInsertion } from './client-options';
import type { RedisOwner } from './find-clients';
import { columns, readLayout, type Layout } from './layout';
import { bracedLines, breakObjects, brokenStrategy, entriesWith, fitsWidth, indentOfLine, nestedOption, type OptionValue } from './line-breaking';
import { OWNER_LABEL, chainedEmitterCall } from './redis-modules';

type Node = TSESTree.Node;

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 20;
/** The first redis version whose reconnect strategy receives the error that caused the attempt. */
const CAUSE_SINCE = '4.6.0';

export interface RemedyContext {
  sourceText: string;
  /** Type annotations are added to the inserted strategy in TypeScript files. */
  typescript: boolean;
  /** The width inserted lines keep within: `settings.redis.lineWidth`, infinite when unset (the rules' default). */
  readonly lineWidth: number;
  /** That width and the file's indentation, read when first needed (never without a width). */
  readonly layout: Layout;
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

export function remedyContext(sourceText: string, filePath: string, lineWidth?: number): RemedyContext {
  let layout: Layout | undefined;
  const width = lineWidth ?? Number.POSITIVE_INFINITY;
  return {
    sourceText,
    typescript: TYPESCRIPT_FILE.test(filePath),
    lineWidth: width,
    get layout() {
      return (layout ??= readLayout(sourceText, width));
    },
  };
}

/** Whether the edits keep within the width: always when there is none, without reading the layout. */
function fits(context: RemedyContext, edits: readonly TextEdit[]): boolean {
  return context.lineWidth === Number.POSITIVE_INFINITY || fitsWidth(context.sourceText, edits, context.layout);
}


// ---- texts ----------------------------------------------------------------------------------------

export function defaultErrorHandler(owner: RedisOwner, quote: string): string {
  return `(err) => console.error(${quote}Redis ${OWNER_LABEL[owner.kind]} error:${quote}, err)`;
}

/**
 * `readsCause`: node-redis passes the strategy a `cause` only from redis 4.6.0 on; before that it is
 * undefined, and reading `cause.message` would throw on every attempt (so the strategy never gives up).
 */
function strategyParts(maxRetries: number, typescript: boolean, quote: string, readsCause = true) {
  const parameters = readsCause ? (typescript ? '(retries: number, cause: Error)' : '(retries, cause)') : typescript ? '(retries: number)' : '(retries)';
  const message = `${quote}Redis: gave up reconnecting after ${maxRetries} attempts${readsCause ? ': ' : ''}${quote}`;
  return { parameters, giveUp: { callee: 'new Error', argument: `${message}${readsCause ? ' + cause.message' : ''}` } };
}

export function boundedReconnectStrategy(maxRetries: number, typescript: boolean, quote: string, readsCause = true): string {
  const { parameters, giveUp } = strategyParts(maxRetries, typescript, quote, readsCause);
  return `${parameters} => (retries >= ${maxRetries} ? ${giveUp.callee}(${giveUp.argument}) : Math.min(2 ** retries * 50, 2000))`;
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
  const inline = listenerStatementEdits(placement, `${placement.target}.on(${quoted('error', sourceText)}, ${handler})`, sourceText);
  const indent = lineIndentBefore(sourceText, placement.statement.range[0]);
  if (indent === undefined || fits(context, inline)) return inline;
  const broken = bracedLines([quoted('error', sourceText), handler], indent, context.layout, `${placement.target}.on(`, ')');
  return listenerStatementEdits(placement, broken, sourceText);
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
  return finding.insertions.flatMap((insertion) => optionEdits(insertion, { text: String(milliseconds) }, context));
}

/** Whether the owner's declared version passes its strategy a `cause` (unknown: the current API). */
function strategyReadsCause(owner: RedisOwner): boolean {
  return !owner.version || !semver.lt(owner.version.minimum, CAUSE_SINCE);
}

/** The bounded strategy as an option value: on one line, or broken before its body where that is too wide. */
export function boundedStrategyValue(owner: RedisOwner, context: RemedyContext, maxRetries: number): OptionValue {
  const quote = detectQuote(context.sourceText);
  const readsCause = strategyReadsCause(owner);
  const { parameters, giveUp } = strategyParts(maxRetries, context.typescript, quote, readsCause);
  return {
    text: boundedReconnectStrategy(maxRetries, context.typescript, quote, readsCause),
    brokenAt: (indent) => brokenStrategy(parameters, maxRetries, giveUp, indent, context.layout),
  };
}

export function boundedReconnectEdits(
  finding: DisabledReconnectFinding,
  context: RemedyContext,
  maxRetries: number,
): TextEdit[] {
  const readsCause = strategyReadsCause(finding.owner);
  const strategy = boundedReconnectStrategy(maxRetries, context.typescript, detectQuote(context.sourceText), readsCause);
  const { target, property } = finding;
  if (target !== property.value) return branchStrategyEdits(target, context, strategy, brokenStrategyText(context, maxRetries, readsCause));
  if (!property.method && property.kind === 'init') {
    const inline = [{ range: target.range, text: strategy }];
    return fits(context, inline) ? inline : brokenStrategyEdits(property, context, maxRetries, readsCause);
  }
  // A method (`reconnectStrategy(retries) { … }`) or getter: its value starts at the parameters, so it
  // becomes a plain property. `get`, `async` or `*` before the key would not belong to the new value.
  const { sourceText } = context;
  const keyStart = property.computed ? sourceText.lastIndexOf('[', property.key.range[0]) : property.key.range[0];
  const keyEnd = property.computed ? sourceText.indexOf(']', property.key.range[1]) + 1 : property.key.range[1];
  // `reconnectStrategy?(…)`, `reconnectStrategy!(…)`, type parameters or a comment before the parameters
  // would stay between the key and the new `:`.
  if (sourceText.slice(keyEnd, target.range[0]).trim() !== '') return [];
  const edits: TextEdit[] = [{ range: target.range, text: `: ${strategy}` }];
  if (keyStart > property.range[0]) edits.unshift({ range: [property.range[0], keyStart], text: '' });
  return edits;
}

/**
 * The strategy in place of the branch that gives up (`isTest ? false : strategy`). A branch of a
 * conditional takes an arrow function as it is (as Prettier prints it), broken over lines below a `?` or
 * `:` that starts its line when it does not fit; an operand of `&&` or `||` needs parentheses.
 */
function branchStrategyEdits(target: Node, context: RemedyContext, strategy: string, broken: (indent: string) => string): TextEdit[] {
  const parent = target.parent;
  if (parent?.type !== AST_NODE_TYPES.ConditionalExpression || parent.test === target) return [{ range: target.range, text: `(${strategy})` }];
  const inline = [{ range: target.range, text: strategy }];
  const { sourceText, layout } = context;
  const lineStart = sourceText.lastIndexOf('\n', target.range[0] - 1) + 1;
  if (fits(context, inline) || !/^[ \t]*[?:][ \t]*$/.test(sourceText.slice(lineStart, target.range[0]))) return inline;
  return [{ range: target.range, text: broken(indentOfLine(sourceText, target.range[0]) + layout.indentUnit) }];
}

function brokenStrategyText(context: RemedyContext, maxRetries: number, readsCause: boolean): (indent: string) => string {
  const { parameters, giveUp } = strategyParts(maxRetries, context.typescript, detectQuote(context.sourceText), readsCause);
  return (indent) => brokenStrategy(parameters, maxRetries, giveUp, indent, context.layout);
}

/** The strategy over several lines; the single-line objects around it are broken too when they can be. */
function brokenStrategyEdits(property: TSESTree.Property, context: RemedyContext, maxRetries: number, readsCause: boolean): TextEdit[] {
  const { sourceText, layout } = context;
  const quote = detectQuote(sourceText);
  const { parameters, giveUp } = strategyParts(maxRetries, context.typescript, quote, readsCause);
  const inline = boundedReconnectStrategy(maxRetries, context.typescript, quote, readsCause);
  // What stands around the value in the property: `reconnectStrategy: (` and `)` for a parenthesized one.
  const key = sourceText.slice(property.range[0], property.value.range[0]);
  const after = sourceText.slice(property.value.range[1], property.range[1]);
  const strategyAt = (indent: string): string =>
    columns(`${indent}${key}${inline},`) <= layout.width ? inline : brokenStrategy(parameters, maxRetries, giveUp, indent, layout);
  const object = property.parent;
  if (object.type === AST_NODE_TYPES.ObjectExpression) {
    const entriesOf = (indent: string): string[] =>
      object.properties.map((entry) =>
        entry === property ? `${key}${strategyAt(indent)}${after}` : sourceText.slice(entry.range[0], entry.range[1]),
      );
    const broken = breakObjects(object, entriesOf, sourceText, layout);
    if (broken) return [broken];
  }
  const indent = indentOfLine(sourceText, property.range[0]);
  return [{ range: property.value.range, text: brokenStrategy(parameters, maxRetries, giveUp, indent, layout) }];
}

// ---- placing an 'error' listener --------------------------------------------------------------------

const TS_TYPE_WRAPPERS = new Set<string>([AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSSatisfiesExpression, AST_NODE_TYPES.TSTypeAssertion]);

/** Names a statement cannot start with where they are keywords (`await` in a module or an async function). */
const CONTEXTUAL_KEYWORDS = new Set(['await', 'yield']);

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
        return standalone && statement && !CONTEXTUAL_KEYWORDS.has(parent.id.name) ? { statement, target: parent.id.name } : undefined;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== child || parent.operator !== '=') return undefined;
        const statement = parent.parent;
        if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || enclosingStatement(parent) !== statement) {
          return undefined;
        }
        // `(x satisfies T) = …` or `(x as T) = …`: the analysis follows only a plain or non-null target there.
        const left = parent.left.type === AST_NODE_TYPES.TSNonNullExpression ? parent.left.expression : parent.left;
        const target = TS_TYPE_WRAPPERS.has(left.type) ? undefined : assignableTarget(left, sourceText);
        return target && !CONTEXTUAL_KEYWORDS.has(target.split('.')[0]!) ? { statement, target } : undefined;
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

export function optionEdits(insertion: OptionInsertion, value: OptionValue, context: RemedyContext): TextEdit[] {
  const { sourceText } = context;
  switch (insertion.type) {
    case 'value':
      return [{ range: insertion.node.range, text: value.text }];
    case 'argument': {
      const inline = argumentEdits(insertion.call, `{ ${nestedOptionText(insertion.path, value.text)} }`, sourceText);
      if (fits(context, inline)) return inline;
      const { layout } = context;
      const indent = indentOfLine(sourceText, insertion.call.range[0]);
      const broken = bracedLines([nestedOption(insertion.path, value, indent + layout.indentUnit, layout)], indent, layout);
      return argumentEdits(insertion.call, broken, sourceText);
    }
    case 'property':
      return propertyEdits(insertion.object, insertion.path, value, context);
  }
}

function argumentEdits(call: TSESTree.CallExpression | TSESTree.NewExpression, objectText: string, sourceText: string): TextEdit[] {
  const end = call.range[1];
  return hasArgumentList(call, sourceText) ? [{ range: [end - 1, end - 1], text: objectText }] : [{ range: [end, end], text: `(${objectText})` }];
}

/** A new property, on one line when it fits; else the object broken one property per line, or the new property broken. */
function propertyEdits(object: TSESTree.ObjectExpression, path: readonly string[], value: OptionValue, context: RemedyContext): TextEdit[] {
  const { sourceText } = context;
  const anchor = path[0] === 'socket' ? connectionOptionAnchor(object) : undefined;
  const insert = (text: string): TextEdit[] => (anchor ? insertPropertyAfter(anchor, text, sourceText) : insertProperty(object, text, sourceText));
  const inline = insert(nestedOptionText(path, value.text));
  if (fits(context, inline)) return inline;
  const { layout } = context;
  const afterIndex = anchor ? object.properties.indexOf(anchor) : -1;
  const entriesOf = (indent: string): string[] => entriesWith(object, sourceText, nestedOption(path, value, indent, layout), afterIndex);
  const broken = breakObjects(object, entriesOf, sourceText, layout);
  if (broken) return [broken];
  const neighbour = anchor ?? object.properties[object.properties.length - 1];
  const indent = neighbour ? indentOfLine(sourceText, neighbour.range[0]) : indentOfLine(sourceText, object.range[0]) + layout.indentUnit;
  return insert(nestedOption(path, value, indent, layout));
}

/** The options a person reads together with `socket`: where the connection goes and who it logs in as. */
const CONNECTION_OPTIONS = ['url', 'username', 'password', 'name', 'database'];

/**
 * Where a person would put a new `socket` key: right after `url`, or else after the first connection
 * option. Undefined when that property is the last one (the end of the object is then the same place)
 * or when there is none.
 */
function connectionOptionAnchor(object: TSESTree.ObjectExpression): TSESTree.Property | undefined {
  const properties = object.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property);
  const keyOf = (property: TSESTree.Property): string | undefined => propertyKeyName(property);
  const anchor =
    properties.find((property) => keyOf(property) === 'url') ??
    properties.find((property) => CONNECTION_OPTIONS.includes(keyOf(property) ?? ''));
  return anchor && anchor !== object.properties[object.properties.length - 1] ? anchor : undefined;
}

/** Adds `propertyText` right after `anchor`, which a comma and another property follow: on a line of its own when `anchor` ends its line. */
function insertPropertyAfter(anchor: TSESTree.Property, propertyText: string, sourceText: string): TextEdit[] {
  const comma = skipTrivia(sourceText, anchor.range[1]);
  const afterComma = endOfLineAfterTrailingComment(sourceText, comma + 1);
  const indent = lineIndentBefore(sourceText, anchor.range[0]);
  const endsLine = afterComma !== comma + 1 || /^\r?\n/.test(sourceText.slice(comma + 1));
  if (indent === undefined || !endsLine) return [{ range: [comma + 1, comma + 1], text: ` ${propertyText},` }];
  return [{ range: [afterComma, afterComma], text: `${detectEol(sourceText)}${indent}${propertyText},` }];
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
      const indent = lineIndentBefore(sourceText, firstComment) ?? `${indentOfLine(sourceText, open)}  `;
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
  const indent = lineIndentBefore(sourceText, last.range[0]) ?? `${indentOfLine(sourceText, open)}  `;
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
  let start = position;
  while (start > 0 && (sourceText[start - 1] === ' ' || sourceText[start - 1] === '\t')) start--;
  const lineStart = start === 0 || sourceText[start - 1] === '\n' || (start === 1 && sourceText.charCodeAt(0) === 0xfeff);
  return lineStart ? sourceText.slice(start, position) : undefined;
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
