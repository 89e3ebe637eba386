/**
 * The layout a file already follows, for the text the remedies insert: how wide its lines may be, how it
 * indents and whether its multi-line lists end with a comma. Read from the file itself, plus
 * `.editorconfig`'s `max_line_length`, so that a project without a formatter gets inserted code that
 * looks like its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export interface Layout {
  /** Inserted lines stay within this many columns (a tab counts as `TAB_COLUMNS`). */
  width: number;
  /** One level of indentation: `'\t'` or some spaces. */
  indentUnit: string;
  /** Whether a list broken across lines ends with a comma (`a,\n}`). */
  trailingComma: boolean;
  eol: '\n' | '\r\n';
}

export const DEFAULT_WIDTH = 100;
/** A file whose longest line is shorter says nothing about its width. */
const MIN_EVIDENT_WIDTH = 80;
const TAB_COLUMNS = 4;

/** The columns a line takes. */
export function columns(line: string): number {
  let count = 0;
  for (const character of line) count += character === '\t' ? TAB_COLUMNS : 1;
  return count;
}

/**
 * The columns before every offset of a text, so that the width of any part of a line costs the same
 * however long the line is (a minified file's single line would otherwise be measured once per report).
 * Counts as `columns` does: a surrogate pair is one column, a line's `\r\n` none.
 */
export class ColumnIndex {
  private readonly before: Uint32Array;

  constructor(readonly text: string) {
    this.before = new Uint32Array(text.length + 1);
    let count = 0;
    for (let index = 0; index < text.length; index++) {
      this.before[index] = count;
      count += columnsOfUnit(text, index);
    }
    this.before[text.length] = count;
  }

  /** The columns of `text[from, to)`, a part of one line. */
  span(from: number, to: number): number {
    return to > from ? this.before[to]! - this.before[from]! : 0;
  }
}

function columnsOfUnit(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === 0x09) return TAB_COLUMNS;
  if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) === 0x0a)) return 0;
  const lowSurrogateOfPair = code >= 0xdc00 && code <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
  return lowSurrogateOfPair ? 0 : 1;
}

let lastIndex: ColumnIndex | undefined;

/** The index of `text`, kept for the next call: the remedies of one lint all measure the same text. */
export function columnIndexOf(text: string): ColumnIndex {
  if (lastIndex?.text !== text) lastIndex = new ColumnIndex(text);
  return lastIndex;
}

/** The file's indentation, list and line-ending style, with the width inserted lines keep within. */
export function readLayout(sourceText: string, width: number): Layout {
  const eol = sourceText.includes('\r\n') ? '\r\n' : '\n';
  return { width, indentUnit: indentUnitOf(sourceText.split(/\r?\n/)), trailingComma: usesTrailingCommas(sourceText), eol };
}

/**
 * The width of a file for a codemod run: `.editorconfig`'s `max_line_length` when it sets one; otherwise
 * the file's longest line when that is at least 80 columns (the width the file shows it accepts);
 * otherwise 100.
 */
export function fileLineWidth(sourceText: string, filePath: string): number {
  const longest = sourceText.split(/\r?\n/).reduce((max, line) => Math.max(max, columns(line)), 0);
  return editorconfigMaxLineLength(filePath) ?? (longest >= MIN_EVIDENT_WIDTH ? longest : DEFAULT_WIDTH);
}

/** Tabs when a line is indented with one; otherwise the smallest indentation in spaces (2 when there is none). */
function indentUnitOf(lines: readonly string[]): string {
  let smallest = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length === 0 || indent.length === line.length) continue;
    if (indent.startsWith('\t')) return '\t';
    // An odd indent is a continuation (` * ` in a block comment), not a level.
    if (indent.length % 2 === 0) smallest = Math.min(smallest, indent.length);
  }
  return ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 2);
}

/** Whether the file's broken lists mostly end with a comma; with no evidence, yes (Prettier's default). */
function usesTrailingCommas(sourceText: string): boolean {
  const withComma = sourceText.match(/,[ \t]*\r?\n[ \t]*[}\])]/g)?.length ?? 0;
  const without = sourceText.match(/[\w'"`)\]][ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  return withComma >= without;
}

// ---- .editorconfig ----------------------------------------------------------------------------------

interface EditorconfigSection {
  matches(relativePath: string): boolean;
  maxLineLength: number | 'off' | undefined;
}

interface Editorconfig {
  root: boolean;
  sections: EditorconfigSection[];
}

const editorconfigs = new Map<string, Editorconfig | undefined>();

/** The `max_line_length` the `.editorconfig` files from the file's folder up to a `root = true` give it. */
export function editorconfigMaxLineLength(filePath: string): number | undefined {
  if (!path.isAbsolute(filePath)) return undefined;
  for (let dir = path.dirname(filePath); ; dir = path.dirname(dir)) {
    const config = editorconfigIn(dir);
    const relative = path.relative(dir, filePath).split(path.sep).join('/');
    // The last matching section wins, and a nearer file wins over a farther one.
    const value = config?.sections.filter((section) => section.matches(relative) && section.maxLineLength !== undefined).at(-1)?.maxLineLength;
    if (value !== undefined) return value === 'off' ? undefined : value;
    if (config?.root || path.dirname(dir) === dir) return undefined;
  }
}

function editorconfigIn(dir: string): Editorconfig | undefined {
  if (editorconfigs.has(dir)) return editorconfigs.get(dir);
  let config: Editorconfig | undefined;
  try {
    config = parseEditorconfig(fs.readFileSync(path.join(dir, '.editorconfig'), 'utf8'));
  } catch {
    config = undefined; // no file, or not readable: it says nothing
  }
  editorconfigs.set(dir, config);
  return config;
}

function parseEditorconfig(text: string): Editorconfig {
  const config: Editorconfig = { root: false, sections: [] };
  let section: EditorconfigSection | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = { matches: sectionMatcher(header[1]!), maxLineLength: undefined };
      config.sections.push(section);
      continue;
    }
    const pair = /^([^=:]+)[=:](.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.trim().toLowerCase();
    const value = pair[2]!.trim().toLowerCase();
    if (!section && key === 'root') config.root = value === 'true';
    if (section && key === 'max_line_length') section.maxLineLength = /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : value === 'off' ? 'off' : undefined;
  }
  return config;
}

/** EditorConfig globs: a pattern without `/` matches a file name in any folder. */
function sectionMatcher(glob: string): (relativePath: string) => boolean {
  const pattern = glob.includes('/') ? glob.replace(/^\//, '') : `**/${glob}`;
  return picomatch(pattern, { dot: true });
}
