import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnIndex, columns, type Layout } from '../../src/core/layout';
import { fitsWidth, indentOfLine, type Edit } from '../../src/core/line-breaking';

const layout = (width: number): Layout => ({ width, indentUnit: '  ', trailingComma: false, eol: '\n' });

/** The definition fitsWidth keeps: build the edited lines and measure each (what it did before the index). */
function fitsWidthByDefinition(sourceText: string, edits: readonly Edit[], width: number): boolean {
  const start = Math.min(...edits.map((edit) => edit.range[0]));
  const end = Math.max(...edits.map((edit) => edit.range[1]));
  const lineStart = sourceText.lastIndexOf('\n', start - 1) + 1;
  const newline = sourceText.indexOf('\n', end);
  const lineEnd = newline === -1 ? sourceText.length : newline;
  let after = '';
  let position = lineStart;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    after += sourceText.slice(position, edit.range[0]) + edit.text;
    position = Math.max(position, edit.range[1]);
  }
  after += sourceText.slice(position, lineEnd);
  const widest = (text: string): number => Math.max(...text.split('\n').map((line) => columns(line.replace(/\r$/, ''))));
  return widest(after) <= Math.max(width, widest(sourceText.slice(lineStart, lineEnd)));
}

const piece = fc.constantFrom('a', 'bc', ' ', '\t', '\n', '\r\n', '😀', 'é', '{ x: 1 }');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('fitsWidth', () => {
  it('answers as building and measuring the edited lines does (tabs, CRLF, surrogate pairs, several lines)', () => {
    const edited = text.chain((source) =>
      fc.record({
        source: fc.constant(source),
        edits: fc.uniqueArray(
          fc.record({ at: fc.nat(source.length), length: fc.nat(3), text }).map(({ at, length, text: inserted }) => ({
            range: [at, Math.min(source.length, at + length)] as const,
            text: inserted,
          })),
          { minLength: 1, maxLength: 3, selector: (edit) => edit.range[0] },
        ),
        width: fc.integer({ min: 1, max: 30 }),
      }),
    );
    fc.assert(
      fc.property(edited, ({ source, edits, width }) => {
        const ordered = [...edits].sort((a, b) => a.range[0] - b.range[0]);
        const disjoint = ordered.every((edit, index) => index === 0 || edit.range[0] >= ordered[index - 1]!.range[1]);
        // Edits start and end between tokens: never inside a surrogate pair or a CRLF.
        const splits = (at: number) => /[\uDC00-\uDFFF]/.test(source[at] ?? '') || (source[at] === '\n' && source[at - 1] === '\r');
        fc.pre(disjoint && edits.every((edit) => !splits(edit.range[0]) && !splits(edit.range[1])));
        expect(fitsWidth(source, edits, layout(width))).toBe(fitsWidthByDefinition(source, edits, width));
      }),
      { numRuns: 2000 },
    );
  });

  it('measures a part of a line by the index, whatever its length', () => {
    const line = 'x'.repeat(50_000);
    const index = new ColumnIndex(`\t${line}😀\r\n`);
    expect(index.span(0, 1)).toBe(4);
    expect(index.span(1, 50_001)).toBe(50_000);
    expect(index.span(50_001, 50_003)).toBe(1);
    expect(index.span(50_003, 50_004)).toBe(0);
  });
});

describe('indentOfLine', () => {
  it('reads the spaces and tabs that start the line, after a byte-order mark', () => {
    expect(indentOfLine('\uFEFF  a', 3)).toBe('  ');
    expect(indentOfLine('x\n\t  y = 1', 6)).toBe('\t  ');
    expect(indentOfLine('x\ny', 2)).toBe('');
  });
});
