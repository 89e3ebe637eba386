// Byte-level variations applied after the mutations: line endings, tab indentation, a byte order mark.

/** @param {string} text @param {{ eol: 'keep' | 'crlf' | 'mixed', tabs: boolean, bom: boolean }} encoding */
export function applyEncoding(text, encoding) {
  let result = text;
  if (encoding.tabs) result = result.replace(/^(?: {2})+/gm, (indent) => '\t'.repeat(indent.length / 2));
  if (encoding.eol === 'crlf') result = result.replace(/\r?\n/g, '\r\n');
  if (encoding.eol === 'mixed') {
    let n = 0;
    result = result.replace(/\r?\n/g, () => (n++ % 2 === 0 ? '\r\n' : '\n'));
  }
  if (encoding.bom && !result.startsWith('\uFEFF')) result = `\uFEFF${result}`;
  return result;
}
