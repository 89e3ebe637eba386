/**
 * 'error' listeners that only rethrow (`(err) => { throw err; }`, or log and rethrow). The throw
 * escapes `emit('error')` as an uncaught exception, so the process dies exactly as with no listener, and
 * node-redis never reaches its reconnect logic (facts §6; node-redis#3185, vercel/next.js#68221).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, memberName, unwrap } from './ast';
import { ownerReportNode } from './analyze';
import type { RedisClientAnalysis, RedisOwner } from './find-clients';
import { ownerListeners } from './owner-listeners';
import { OWNER_LABEL } from './redis-modules';
import { detectQuote, type RemedyContext, type TextEdit } from './remedies';
import type { FunctionNode } from './same-file-values';

export interface Rethrow {
  /** The `throw` that ends the listener. */
  rethrow: TSESTree.ThrowStatement;
  /** The listener logs before it throws, so dropping the throw is enough. */
  logsFirst: boolean;
}

export interface RethrowingListenerFinding {
  owner: RedisOwner;
  /** Every listener of the owner that only rethrows: the remedy mends them all, or one would still crash. */
  rethrows: Rethrow[];
}

const LOGGING_METHODS = new Set(['log', 'error', 'warn', 'info', 'debug', 'trace', 'fatal', 'logerror']);
const ERROR_EVENT = new Set(['error']);

/** How a listener function ends, when all it does is (log and) throw; undefined for anything else. */
export function rethrowOf(fn: FunctionNode): Rethrow | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  if (last?.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
  const before = statements.slice(0, -1);
  if (!before.every(isLoggingStatement)) return undefined;
  return { rethrow: last, logsFirst: before.length > 0 };
}

/** One finding per owner with a persistent 'error' listener whose every possible function only rethrows. */
export function findRethrowingErrorListeners(clients: RedisClientAnalysis): RethrowingListenerFinding[] {
  const byOwner = new Map<RedisOwner, RethrowingListenerFinding>();
  const seen = new Set<string>();
  for (const listener of ownerListeners(clients, ERROR_EVENT)) {
    if (!listener.persistent || listener.functions.length === 0) continue;
    const shapes = listener.functions.map(rethrowOf);
    if (!shapes.every((shape) => shape !== undefined)) continue;
    for (const owner of listener.owners) {
      const finding = byOwner.get(owner) ?? { owner, rethrows: [] };
      finding.rethrows.push(...shapes.filter((shape) => !seen.has(`${owner.node.range[0]}:${shape.rethrow.range[0]}`)));
      for (const shape of shapes) seen.add(`${owner.node.range[0]}:${shape.rethrow.range[0]}`);
      byOwner.set(owner, finding);
    }
  }
  return clients.owners.flatMap((owner) => byOwner.get(owner) ?? []);
}

/**
 * A listener that already logs loses its `throw` (the whole line when it stands alone); one that does not
 * passes the thrown value to `handlerSource` (a validated `--error-handler`), or to `console.error`.
 */
export function rethrowEdits(finding: RethrowingListenerFinding, context: RemedyContext, handlerSource?: string): TextEdit[] {
  return finding.rethrows.map((rethrow) => rethrowEdit(finding.owner, rethrow, context, handlerSource));
}

function rethrowEdit(owner: RedisOwner, { rethrow, logsFirst }: Rethrow, context: RemedyContext, handlerSource?: string): TextEdit {
  const { sourceText } = context;
  if (logsFirst) return { range: lineRangeOf(rethrow, sourceText), text: '' };
  const thrown = sourceText.slice(rethrow.argument.range[0], rethrow.argument.range[1]);
  const semicolon = sourceText[rethrow.range[1] - 1] === ';' ? ';' : '';
  const quote = detectQuote(sourceText);
  const call = handlerSource
    ? `${/^[\w$.]+$/.test(handlerSource) ? handlerSource : `(${handlerSource})`}(${thrown})`
    : `console.error(${quote}Redis ${OWNER_LABEL[owner.kind]} error:${quote}, ${thrown})`;
  return { range: rethrow.range, text: `${call}${semicolon}` };
}

/** The safeguard's reports for rethrowing listeners, with the remedy above as their suggestion. */
export function rethrowingListenerReports(findings: readonly RethrowingListenerFinding[], context: RemedyContext, handlerSource?: string) {
  return findings.map((finding) => ({
    node: ownerReportNode(finding.owner),
    messageId: 'rethrowingListener',
    data: { kind: OWNER_LABEL[finding.owner.kind] },
    remedy: {
      messageId: handlerSource && finding.rethrows.some(({ logsFirst }) => !logsFirst) ? 'handleInsteadOfThrowing' : 'logInsteadOfThrowing',
      data: { handler: handlerSource ?? '' },
      edits: rethrowEdits(finding, context, handlerSource),
    },
  }));
}

/** `console.error(err)`, `logger.warn(…)`, `this.log(…)`: a call whose method or function name is a logging word. */
function isLoggingStatement(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = unwrap(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined && LOGGING_METHODS.has(name.toLowerCase());
}

/** The statement's whole line (with its line break) when nothing else is on it, otherwise the statement. */
function lineRangeOf(statement: TSESTree.Node, sourceText: string): [number, number] {
  const lineStart = sourceText.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const lineEnd = sourceText.indexOf('\n', statement.range[1]);
  const end = lineEnd === -1 ? sourceText.length : lineEnd + 1;
  const before = sourceText.slice(lineStart, statement.range[0]);
  const after = sourceText.slice(statement.range[1], lineEnd === -1 ? sourceText.length : lineEnd);
  return /^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(after) ? [lineStart, end] : [statement.range[0], statement.range[1]];
}
