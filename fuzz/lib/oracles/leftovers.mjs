// After the codemod, the rules may only report what the codemod said it skipped; and each skipped site
// it lists must point at something in the file as the user has it (a call or a report of the input).
import { splitBom, walk } from '../syntax.mjs';
import { tokenIndexAt } from './alignment.mjs';
import { lineStarts, offsetOf } from './positions.mjs';

const RULE_OF_TRANSFORM = {
  'migrate-legacy-options': 'redis/no-legacy-options',
  'add-error-listener': 'redis/require-error-listener',
  'add-connect-timeout': 'redis/require-connect-timeout',
  'bound-reconnect-strategy': 'redis/no-disabled-reconnect',
  'handle-connect': 'redis/no-floating-connect',
  'add-reconnect-strategy': 'redis/require-reconnect-strategy',
};

function countBy(items, keyOf) {
  const counts = new Map();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** Offsets (in the BOM-less input) the plugin reports at, per rule. */
function reportOffsets(reports, body) {
  const starts = lineStarts(body);
  const offsets = new Map();
  for (const report of reports) {
    if (!offsets.has(report.ruleId)) offsets.set(report.ruleId, new Set());
    offsets.get(report.ruleId).add(offsetOf(starts, report.line, report.column));
  }
  return offsets;
}

/** Where an output offset was in the input; undefined when it is in inserted code. */
function inputOffset(offset, { input, output, alignment }) {
  if (!alignment) return offset;
  const index = tokenIndexAt(output.tokens, offset);
  if (index === -1) return offset;
  const original = alignment.outputToInput[index];
  return original === -1 ? undefined : input.tokens[original].range[0];
}

/** `remaining`: the plugin's reports on the output. */
export function leftoverProblems({ text, result, remaining, input, output, alignment, inputReports }) {
  if (remaining.length === 0) return [];
  const failures = [];
  const known = reportOffsets(inputReports(), splitBom(text).body);
  const starts = lineStarts(splitBom(result.output).body);
  // An output too repetitive to align (see patience.mjs) has no way back to input positions: counts only.
  const placed = !result.changed || alignment ? remaining : [];
  for (const report of placed) {
    const at = inputOffset(offsetOf(starts, report.line, report.column), { input, output, alignment });
    const where = `${report.line}:${report.column}`;
    if (at === undefined) failures.push({ invariant: 'codemod-leftover', kind: `${report.ruleId} reports inserted code`, detail: where });
    else if (!known.get(report.ruleId)?.has(at)) {
      failures.push({ invariant: 'codemod-leftover', kind: `${report.ruleId} report not in the input`, detail: `${where}: ${report.message}` });
    }
  }
  const skipped = countBy(result.skipped, (site) => RULE_OF_TRANSFORM[site.transform]);
  const fixable = new Set(Object.values(RULE_OF_TRANSFORM));
  for (const [rule, count] of countBy(remaining, (report) => report.ruleId)) {
    // A rule without a transform (no-client-per-request) is left for the user: its reports stay.
    if (fixable.has(rule) && count > (skipped.get(rule) ?? 0)) {
      const detail = `${count} report(s) left, ${skipped.get(rule) ?? 0} site(s) listed as skipped`;
      failures.push({ invariant: 'codemod-leftover', kind: `${rule} left unlisted`, detail, output: result.output });
    }
  }
  return failures;
}

/** Each skipped site must be at a callee or a report of the input (the file the user sees). */
export function skippedPositionProblems({ text, result, input, inputReports }) {
  if (result.skipped.length === 0) return [];
  const body = splitBom(text).body;
  const candidates = new Set();
  walk(input.ast, (node) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') candidates.add(node.callee.range[0]);
  });
  for (const offsets of reportOffsets(inputReports(), body).values()) for (const offset of offsets) candidates.add(offset);
  const starts = lineStarts(body);
  const failures = [];
  for (const site of result.skipped) {
    const offset = offsetOf(starts, site.line, site.column);
    if (candidates.has(offset)) continue;
    const detail = `${site.line}:${site.column} (${site.reason}) points at ${JSON.stringify(body.slice(offset, offset + 24))}`;
    failures.push({ invariant: 'skipped-position', kind: `${site.transform} site`, detail });
  }
  return failures;
}
