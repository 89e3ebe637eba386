/**
 * File names in human output. A name with a newline or another control character would forge or
 * break report lines (and terminal escapes would reach the terminal): such names are printed as a
 * JSON string, every unusual character escaped.
 */
// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export function quoteName(name: string): string {
  if (!UNSAFE.test(name)) return name;
  // JSON.stringify escapes C0 controls, `"` and `\`; the rest is escaped by hand.
  return JSON.stringify(name).replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
