/**
 * Inserted code that would make a line wider than the file's width (see layout.ts) is broken across
 * lines the way a person (or Prettier) would: option objects one property per line, the reconnect
 * strategy's arrow before its body and its conditional, a listener call one argument per line. Only
 * white space inside the objects being broken changes; every existing property is kept byte for byte.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import { columnIndexOf, columns, type ColumnIndex, type Layout } from './layout';

type ObjectExpression = TSESTree.ObjectExpression;

export interface Edit {
  range: readonly [number, number];
  text: string;
}

/**
 * Whether the lines the edits touch stay within the width: no wider than `layout.width`, or than the
 * widest of those lines was before (a line that was already too wide is not the insertion's doing).
 * Costs the lines the edits span and the inserted text, not the length of the line they are on.
 */
export function fitsWidth(sourceText: string, edits: readonly Edit[], layout: Layout): boolean {
  const index = columnIndexOf(sourceText);
  const start = Math.min(...edits.map((edit) => edit.range[0]));
  const end = Math.max(...edits.map((edit) => edit.range[1]));
  const lineStart = sourceText.lastIndexOf('\n', start - 1) + 1;
  const newline = sourceText.indexOf('\n', end);
  const lineEnd = newline === -1 ? sourceText.length : newline;
  const before = new WidestLine();
  before.addSource(sourceText, index, lineStart, lineEnd);
  const after = new WidestLine();
  let position = lineStart;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    after.addSource(sourceText, index, position, edit.range[0]);
    after.addText(edit.text);
    position = Math.max(position, edit.range[1]);
  }
  after.addSource(sourceText, index, position, lineEnd);
  return after.widest() <= Math.max(layout.width, before.widest());
}

/** The widest line of text given piece by piece. */
class WidestLine {
  private max = 0;
  private current = 0;

  addSource(sourceText: string, index: ColumnIndex, from: number, to: number): void {
    let at = from;
    for (let newline = sourceText.indexOf('\n', at); newline !== -1 && newline < to; newline = sourceText.indexOf('\n', at)) {
      this.endLine(index.span(at, newline));
      at = newline + 1;
    }
    this.current += index.span(at, to);
  }

  addText(text: string): void {
    const lines = text.split('\n');
    lines.forEach((line, number) => {
      if (number < lines.length - 1) this.endLine(columns(line.replace(/\r$/, '')));
      else this.current += columns(line);
    });
  }

  widest(): number {
    return Math.max(this.max, this.current);
  }

  private endLine(columnsBeforeBreak: number): void {
    this.max = Math.max(this.max, this.current + columnsBeforeBreak);
    this.current = 0;
  }
}

/**
 * An option's value: its text on one line, and, for a value that can be broken (the reconnect
 * strategy), that value broken over lines for a property on a line indented by `indent`.
 */
export interface OptionValue {
  text: string;
  brokenAt?: (indent: string) => string;
}

/** `socket: { connectTimeout: 10000 }`, or broken over lines at `indent` when it would not fit there. */
export function nestedOption(path: readonly string[], value: OptionValue, indent: string, layout: Layout): string {
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    const inline = `${key}: ${value.text}`;
    return value.brokenAt && columns(`${indent}${inline},`) > layout.width ? `${key}: ${value.brokenAt(indent)}` : inline;
  }
  const inline = `${key}: { ${nestedInline(rest, value.text)} }`;
  if (columns(`${indent}${inline},`) <= layout.width) return inline;
  const inner = indent + layout.indentUnit;
  return `${key}: ${bracedLines([nestedOption(rest, value, inner, layout)], indent, layout)}`;
}

function nestedInline(path: readonly string[], value: string): string {
  return path.length === 1 ? `${path[0]}: ${value}` : `${path[0]}: { ${nestedInline(path.slice(1), value)} }`;
}

/** `{`, each entry on a line of its own one level deeper than `indent`, `}` at `indent`. */
export function bracedLines(entries: readonly string[], indent: string, layout: Layout, open = '{', close = '}'): string {
  const inner = indent + layout.indentUnit;
  const body = entries.map((entry) => `${inner}${entry}`).join(`,${layout.eol}`);
  return `${open}${layout.eol}${body}${layout.trailingComma ? ',' : ''}${layout.eol}${indent}${close}`;
}

/** The white space before `position` on its line (the indentation of the line it is on). */
export function indentOfLine(sourceText: string, position: number): string {
  const lineStart = sourceText.lastIndexOf('\n', position - 1) + 1;
  const from = sourceText.charCodeAt(lineStart) === 0xfeff ? lineStart + 1 : lineStart;
  let end = from;
  while (sourceText[end] === ' ' || sourceText[end] === '\t') end++;
  return sourceText.slice(from, end);
}

/**
 * Breaks a single-line object, and the single-line objects around it on its line, one property per line,
 * with `entriesOf(indent)` as the innermost object's new entries. Undefined when an object holds a
 * comment between its properties (it could not be moved without touching it).
 */
export function breakObjects(
  inner: ObjectExpression,
  entriesOf: (indent: string) => string[],
  sourceText: string,
  layout: Layout,
): Edit | undefined {
  if (!isPlainSingleLine(inner, sourceText)) return undefined;
  const chain = [inner];
  for (let parent = inner.parent; parent?.type === AST_NODE_TYPES.Property && parent.value === chain[0]; ) {
    const outer = parent.parent;
    if (outer?.type !== AST_NODE_TYPES.ObjectExpression || !isPlainSingleLine(outer, sourceText)) break;
    chain.unshift(outer);
    parent = outer.parent;
  }
  const render = (level: number, indent: string): string => {
    const object = chain[level]!;
    const inner = indent + layout.indentUnit;
    const entries =
      level === chain.length - 1
        ? entriesOf(inner)
        : object.properties.map((property) => {
            const text = sourceText.slice(property.range[0], property.range[1]);
            if (property.type !== AST_NODE_TYPES.Property || property.value !== chain[level + 1]) return text;
            return sourceText.slice(property.range[0], property.value.range[0]) + render(level + 1, inner);
          });
    return bracedLines(entries, indent, layout);
  };
  const outer = chain[0]!;
  return { range: outer.range, text: render(0, indentOfLine(sourceText, outer.range[0])) };
}

/** An object on one line with nothing but properties, commas and spaces between its braces. */
function isPlainSingleLine(object: ObjectExpression, sourceText: string): boolean {
  let rest = '';
  let position = object.range[0] + 1;
  for (const property of object.properties) {
    rest += sourceText.slice(position, property.range[0]);
    position = property.range[1];
  }
  rest += sourceText.slice(position, object.range[1] - 1);
  return !sourceText.slice(object.range[0], object.range[1]).includes('\n') && /^[\s,]*$/.test(rest);
}

/** The existing properties' text, with `inserted` after the property at `afterIndex` (-1: at the end). */
export function entriesWith(object: ObjectExpression, sourceText: string, inserted: string, afterIndex: number): string[] {
  const entries = object.properties.map((property) => sourceText.slice(property.range[0], property.range[1]));
  entries.splice(afterIndex === -1 ? entries.length : afterIndex + 1, 0, inserted);
  return entries;
}

/**
 * The bounded strategy broken after its arrow and before each branch of its conditional, at `indent`
 * (the indentation of the line it starts on); the `Error` message goes on a line of its own when even
 * its branch does not fit.
 */
export function brokenStrategy(parameters: string, maxRetries: number, giveUp: { callee: string; argument: string }, indent: string, layout: Layout): string {
  const { eol, indentUnit } = layout;
  const body = indent + indentUnit;
  const branch = body + indentUnit;
  let error = `${giveUp.callee}(${giveUp.argument})`;
  if (columns(`${branch}? ${error}`) > layout.width) {
    error = bracedLines([giveUp.argument], branch, layout, `${giveUp.callee}(`, ')');
  }
  return `${parameters} =>${eol}${body}retries >= ${maxRetries}${eol}${branch}? ${error}${eol}${branch}: Math.min(2 ** retries * 50, 2000)`;
}
