// Every suggestion, applied alone: the file still parses in its own language, the report it answers is
// gone, and no report appears that was not there before.
import { lint, pluginMessages } from '../linting.mjs';
import { splitBom } from '../syntax.mjs';
import { lineStarts, normalizeKind, offsetOf } from './positions.mjs';

/** Each suggestion costs a full lint: check up to 12 per file, fewer in larger files (by size, so runs repeat). */
function suggestionLimit(text) {
  if (text.length < 10_000) return 12;
  return text.length < 50_000 ? 4 : 2;
}

const positionKey = (message, offset) => `${message.ruleId}@${offset}`;

/**
 * Rules whose fix writes options the way v4+ reads them: the rules may then see, and report, what they
 * could not read before (a URL string becomes `{ url }`, which has no `connectTimeout`, and the options
 * object after it is read too).
 */
const REVEALS_OPTIONS = new Set(['redis/no-legacy-options']);

/** Where a report before the fix should be after it: ranges after the fix shift by its length change. */
function shifted(offset, fix) {
  if (offset < fix.range[0]) return offset;
  if (offset < fix.range[1]) return fix.range[0];
  return offset + fix.text.length - (fix.range[1] - fix.range[0]);
}

function checkOne(text, filename, messages, message, suggestion) {
  const { bom, body } = splitBom(text);
  const { fix } = suggestion;
  const fixed = (bom ? '\uFEFF' : '') + body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
  // One lint tells both: a parse error in the file's own language is a fatal message.
  const relinted = lint(fixed, filename, 'plugin').messages;
  const fatal = relinted.find((m) => m.fatal);
  if (fatal) return [{ invariant: 'suggestion-parse', kind: message.ruleId, detail: `${fatal.line}:${fatal.column} ${fatal.message}`, fixed }];

  const before = lineStarts(body);
  const after = lineStarts(splitBom(fixed).body);
  const expected = new Set();
  // Reports inside the rewritten span move with the text the fix rewrites (a property moved into
  // `socket`): they are matched by rule and message, not by position.
  const insideKey = (m) => `${m.ruleId}:${m.messageId}:${m.message}@inside`;
  const fixedEnd = fix.range[0] + fix.text.length;
  let own;
  for (const other of messages) {
    const offset = offsetOf(before, other.line, other.column);
    const key = positionKey(other, shifted(offset, fix));
    if (other === message) own = key;
    else expected.add(offset > fix.range[0] && offset < fix.range[1] ? insideKey(other) : key);
  }
  const failures = [];
  for (const remaining of pluginMessages(relinted)) {
    const offset = offsetOf(after, remaining.line, remaining.column);
    const inside = offset > fix.range[0] && offset < fixedEnd && expected.has(insideKey(remaining));
    const key = inside ? insideKey(remaining) : positionKey(remaining, offset);
    if (key === own) {
      failures.push({ invariant: 'suggestion-report', kind: `${message.ruleId} report left`, detail: remaining.message, fixed });
    } else if (!expected.has(key) && !REVEALS_OPTIONS.has(message.ruleId)) {
      const detail = `${remaining.ruleId} at ${remaining.line}:${remaining.column}: ${remaining.message}`;
      failures.push({ invariant: 'suggestion-report', kind: `${message.ruleId} fix adds ${remaining.ruleId}`, detail, fixed });
    }
  }
  return failures;
}

export function checkSuggestions(text, filename, messages) {
  const failures = [];
  const limit = suggestionLimit(text);
  let checked = 0;
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      if (checked++ >= limit) return { failures, checked: checked - 1 };
      try {
        failures.push(...checkOne(text, filename, messages, message, suggestion));
      } catch (error) {
        const detail = `re-linting a suggestion threw: ${error.message.split('\n')[0]}`;
        failures.push({ invariant: 'rule-crash', kind: normalizeKind(detail), detail });
      }
    }
  }
  return { failures, checked };
}
