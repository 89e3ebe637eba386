/**
 * Applying remedies with a check: the result is linted again and must parse (in the file's own language:
 * JavaScript through espree), the remedied reports must be gone, and every other report of the rules that
 * ran (those of the requested transforms) must still be there, moved only by the inserted text. "It
 * parses" alone would accept `new RedisClient.on(…)` (which means `new (RedisClient.on)(…)`) or a
 * listener the rule cannot connect to its client.
 */
import type { Rule } from 'eslint';
import { SourceParseError } from './api';
import { lintText, type LintOptions, type LintedText, type Report } from './lint';

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

export interface Site {
  report: Report;
  edit: TextEdit;
}

export interface ApplyOutcome {
  /** The checked result; the input itself when no site passed. */
  result: LintedText;
  applied: Site[];
  rejected: { site: Site; why: string }[];
}

/**
 * Applies all sites if together they pass; otherwise keeps, one by one, each site that passes with the ones
 * kept before it. With `revealing`, the sites may make reports appear (never disappear) elsewhere: a
 * migrated option is one the other rules can now read.
 */
export function checkedApply(current: LintedText, sites: readonly Site[], filePath: string, options: LintOptions, revealing = false): ApplyOutcome {
  const all = tryApply(current, sites, filePath, options, revealing);
  if ('result' in all) return { result: all.result, applied: [...sites], rejected: [] };
  const outcome: ApplyOutcome = { result: current, applied: [], rejected: [] };
  for (const site of sites) {
    const attempt = tryApply(current, [...outcome.applied, site], filePath, options, revealing);
    if ('result' in attempt) {
      outcome.applied.push(site);
      outcome.result = attempt.result;
    } else {
      outcome.rejected.push({ site, why: attempt.why });
    }
  }
  return outcome;
}

function tryApply(
  current: LintedText,
  sites: readonly Site[],
  filePath: string,
  options: LintOptions,
  revealing: boolean,
): { result: LintedText } | { why: string } {
  const edits = sites.map((site) => site.edit);
  const text = applyEdits(current.text, edits);
  let result: LintedText;
  try {
    result = lintText(text, filePath, options);
  } catch (error) {
    if (error instanceof SourceParseError) return { why: `the edit would not parse (${error.message})` };
    throw error;
  }
  const remedied = new Set(sites.map((site) => reportKey(site.report)));
  // Another rule may offer the very same edit (a misplaced `connectTimeout`): it remedies that report too.
  const applied = new Set(edits.map(editKey));
  const stay = current.reports.filter((report) => !remedied.has(reportKey(report)) && !(report.fix && applied.has(editKey(report.fix))));
  const moves = edits.map((edit) => minimal(edit, current.text));
  const expected = stay.map((report) => reportKey({ ...report, offset: shifted(report.offset, moves) })).sort();
  const after = result.reports.map(reportKey).sort();
  if (after.length === expected.length && after.every((key, index) => key === expected[index])) return { result };
  const afterKeys = new Set(after);
  const stillThere = sites.some(({ report }) => afterKeys.has(reportKey({ ...report, offset: shifted(report.offset, moves) })));
  if (revealing && !stillThere && revealedOnly(current, stay, moves, afterKeys)) return { result };
  return { why: stillThere ? 'the edit would not clear the report' : 'the edit would change what the rules report elsewhere' };
}

/**
 * A migration changes what the rules can read from the options it rewrites: reports on the rewritten call
 * may go (the moved `reconnectStrategy` now satisfies `require-reconnect-strategy`) and new ones may appear
 * (`connectTimeout` is now asked for). Every report whose call spans no edit must stay.
 */
function revealedOnly(current: LintedText, stay: readonly Report[], moves: readonly TextEdit[], afterKeys: ReadonlySet<string>): boolean {
  const spansAnEdit = (report: Report) => {
    const [start, end] = callRange(current, report);
    return moves.some((edit) => start <= edit.range[1] && edit.range[0] <= end);
  };
  return stay.every((report) => spansAnEdit(report) || afterKeys.has(reportKey({ ...report, offset: shifted(report.offset, moves) })));
}

/** The call whose callee holds the reported node (the rules report a client at its factory's name), else the node. */
function callRange(current: LintedText, report: Report): readonly [number, number] {
  let node = current.sourceCode.getNodeByRangeIndex(report.offset) as Rule.Node | null;
  for (let steps = 0; node && steps < 4; steps++, node = node.parent) {
    const callee = node.type === 'CallExpression' || node.type === 'NewExpression' ? node.callee : undefined;
    if (callee && callee.range![0] <= report.offset && report.end <= callee.range![1]) return node.range!;
  }
  return [report.offset, report.end];
}

export function reportKey(report: Pick<Report, 'ruleId' | 'messageId' | 'offset' | 'suppressed'>): string {
  return `${report.ruleId}:${report.messageId}:${report.offset}:${report.suppressed}`;
}

/** Where text at `offset` ends up after the edits (text inserted at `offset` itself goes before it); -1 when replaced. */
export function shifted(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of uniqueEdits(edits)) {
    if (edit.range[1] <= offset) delta += edit.text.length - (edit.range[1] - edit.range[0]);
    else if (edit.range[0] < offset) return -1;
  }
  return offset + delta;
}

/** Where text at `offset` of the edited text was before the edits (inserted text: where its edit starts). */
export function unshifted(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of uniqueEdits(edits).sort((a, b) => a.range[0] - b.range[0])) {
    const start = edit.range[0] + delta;
    if (offset < start) break;
    if (offset < start + edit.text.length) return edit.range[0];
    delta += edit.text.length - (edit.range[1] - edit.range[0]);
  }
  return offset - delta;
}

/**
 * The edit without the text it keeps at either end. ESLint merges a suggestion's edits into one, so a move
 * into a new `socket` replaces everything from the object's `{`: what it keeps there has not moved.
 */
function minimal(edit: TextEdit, text: string): TextEdit {
  const [start, end] = edit.range;
  let prefix = 0;
  while (start + prefix < end && prefix < edit.text.length && text[start + prefix] === edit.text[prefix]) prefix++;
  let suffix = 0;
  while (end - suffix > start + prefix && edit.text.length - suffix > prefix && text[end - suffix - 1] === edit.text[edit.text.length - suffix - 1]) suffix++;
  return { range: [start + prefix, end - suffix], text: edit.text.slice(prefix, edit.text.length - suffix) };
}

function editKey(edit: TextEdit): string {
  return `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
}

function uniqueEdits(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = editKey(edit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Applies non-overlapping edits; identical duplicates (two owners, one statement) count once. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (previous && previous.range[0] === edit.range[0] && previous.range[1] === edit.range[1] && previous.text === edit.text) continue;
    if (edit.range[0] < position) continue;
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
    previous = edit;
  }
  return output + text.slice(position);
}
