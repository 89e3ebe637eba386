// ESLint reports line and column; the oracles compare offsets. Line breaks as ESLint counts them.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export function lineStarts(text) {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

/** Offset of a 1-based line and 1-based column, or -1 when there is no such line. */
export function offsetOf(starts, line, column) {
  return line >= 1 && line <= starts.length ? starts[line - 1] + column - 1 : -1;
}

export function lineColumnOf(starts, offset) {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return `${line + 1}:${offset - starts[line] + 1}`;
}

/** Digits and quoted text removed: a stable label for grouping failures and guiding the shrinker. */
export function normalizeKind(message) {
  return String(message)
    .split('\n')[0]
    .replace(/(['"`]).*?\1/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 100);
}
