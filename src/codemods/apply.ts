/**
 * Applying remedies with a check: the result is linted again and must parse (in the file's own language:
 * JavaScript through espree), the remedied reports must be gone, and every other report of the rules that
 * ran (the requested transforms' and the default set's) must still be there, moved only by the inserted text. "It
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
 * Applies all sites if together they pass. A group that fails is split, and each part that passes is kept
 * with the sites kept before it, until the sites that fail stand alone. The split puts apart the sites
 * whose edits hold a report that came out wrong (usually the one refused site: three checks); without
 * such suspects it halves the group (about 2 log n checks). Either way a group of n costs under 2n checks.
 * With `revealing`, the sites may make reports appear (never disappear) elsewhere: a migrated option is
 * one the other rules can now read.
 */
export function checkedApply(current: LintedText, sites: readonly Site[], filePath: string, options: LintOptions, revealing = false): ApplyOutcome {
  const outcome: ApplyOutcome = { result: current, applied: [], rejected: [] };
  const settle = (group: readonly Site[]): void => {
    if (group.length === 0) return;
    const attempt = tryApply(current, [...outcome.applied, ...group], filePath, options, revealing);
    if ('result' in attempt) {
      outcome.applied.push(...group);
      outcome.result = attempt.result;
    } else if (group.length === 1) {
      outcome.rejected.push({ site: group[0]!, why: attempt.why });
    } else {
      const suspects = group.filter((site) => attempt.suspects.has(site));
      const middle = Math.ceil(group.length / 2);
      const [kept, apart] =
        suspects.length > 0 && suspects.length < group.length
          ? [group.filter((site) => !attempt.suspects.has(site)), suspects]
          : [group.slice(0, middle), group.slice(middle)];
      settle(kept);
      settle(apart);
    }
  };
  settle(sites);
  return outcome;
}

type Attempt = { result: LintedText } | { why: string; suspects: ReadonlySet<Site> };

function tryApply(
  current: LintedText,
  sites: readonly Site[],
  filePath: string,
  options: LintOptions,
  revealing: boolean,
): Attempt {
  const edits = sites.map((site) => site.edit);
  const text = applyEdits(current.text, edits);
  let result: LintedText;
  try {
    result = lintText(text, filePath, options);
  } catch (error) {
    if (error instanceof SourceParseError) return { why: `the edit would not parse (${error.message})`, suspects: new Set() };
    throw error;
  }
  const remedied = new Set(sites.map((site) => reportKey(site.report)));
  // Another rule may offer the very same edit (a misplaced `connectTimeout`): it remedies that report too.
  const applied = new Set(edits.map(editKey));
  const stay = current.reports.filter((report) => !remedied.has(reportKey(report)) && !(report.fix && applied.has(editKey(report.fix))));
  const moves = edits.map((edit) => minimal(edit, current.text));
  const keys = new PlacedKeys(moves);
  const moved = (report: Report) => keys.before(report);
  const expected = stay.map(moved);
  const after = result.reports.map((report) => keys.after(report));
  if (sameKeys(expected, after)) return { result };
  const afterKeys = new Set(after);
  const unclearedSites = sites.filter(({ report }) => afterKeys.has(moved(report)));
  if (revealing && unclearedSites.length === 0 && stay.every((report) => afterKeys.has(moved(report)) || spansAnEdit(current, report, moves))) {
    return { result };
  }
  if (unclearedSites.length > 0) return { why: 'the edit would not clear the report', suspects: new Set(unclearedSites) };
  const wrong = misplaced({ linted: current, reports: stay, keys: expected }, { linted: result, reports: result.reports, keys: after }, moves);
  return { why: 'the edit would change what the rules report elsewhere', suspects: new Set(sitesAround(sites, wrong)) };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((key, index) => key === sortedB[index]);
}

/** Beyond this many reports that came out wrong, a failed group is halved without suspects. */
const MAX_MISPLACED = 20;

/**
 * The spans, in the input, of the calls whose reports came out wrong: expected and missing, or there and
 * not expected (mapped back through the edits). Empty past `MAX_MISPLACED`.
 */
function misplaced(before: KeyedReports, after: KeyedReports, moves: readonly TextEdit[]): (readonly [number, number])[] {
  const surplus = new Map<string, number>();
  for (const key of after.keys) surplus.set(key, (surplus.get(key) ?? 0) + 1);
  for (const key of before.keys) surplus.set(key, (surplus.get(key) ?? 0) - 1);
  const missing = before.reports.filter((_, index) => surplus.get(before.keys[index]!)! < 0);
  const extra = after.reports.filter((_, index) => surplus.get(after.keys[index]!)! > 0);
  if (missing.length + extra.length > MAX_MISPLACED) return [];
  const inInput = ([start, end]: readonly [number, number]) => [unshifted(start, moves), unshifted(end, moves)] as const;
  return [...missing.map((report) => callRange(before.linted, report)), ...extra.map((report) => inInput(callRange(after.linted, report)))];
}

/** Reports of a linted text, each with its placed key (see `PlacedKeys`). */
interface KeyedReports {
  linted: LintedText;
  reports: readonly Report[];
  keys: readonly string[];
}

/** The sites whose edit touches one of the spans. */
function sitesAround(sites: readonly Site[], spans: readonly (readonly [number, number])[]): Site[] {
  return sites.filter(({ edit }) => spans.some((span) => touches(span, edit)));
}

function touches([start, end]: readonly [number, number], edit: TextEdit): boolean {
  return start <= edit.range[1] && edit.range[0] <= end;
}

/**
 * A migration changes what the rules can read from the options it rewrites: reports on the rewritten call
 * may go (the moved `reconnectStrategy` now satisfies `require-reconnect-strategy`) and new ones may appear
 * (`connectTimeout` is now asked for). Every report whose call spans no edit must stay.
 */
function spansAnEdit(current: LintedText, report: Report, moves: readonly TextEdit[]): boolean {
  const call = callRange(current, report);
  return moves.some((edit) => touches(call, edit));
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

/**
 * Where each report should be after the edits, as a key to compare. A report inside a span an edit
 * rewrites (an object broken across lines) moves with the text: it is known by its rule, message and
 * span, not its offset.
 */
class PlacedKeys {
  private readonly shift: (offset: number) => number;
  /** The edits' spans in the input and in the output, in order, and where each starts. */
  private readonly spans: { input: readonly [number, number]; output: readonly [number, number] }[];
  private readonly starts: { input: number[]; output: number[] };

  constructor(moves: readonly TextEdit[]) {
    this.shift = shifter(moves);
    let delta = 0;
    this.spans = uniqueEdits(moves)
      .sort((a, b) => a.range[0] - b.range[0])
      .map((edit) => {
        const start = edit.range[0] + delta;
        delta += edit.text.length - (edit.range[1] - edit.range[0]);
        return { input: edit.range, output: [start, start + edit.text.length] as const };
      });
    this.starts = { input: this.spans.map((span) => span.input[0]), output: this.spans.map((span) => span.output[0]) };
  }

  before(report: Report): string {
    const offset = this.shift(report.offset);
    return offset === -1 ? insideKey(report, this.spanAt(report.offset, 'input')) : reportKey({ ...report, offset });
  }

  after(report: Report): string {
    const span = this.spanAt(report.offset, 'output');
    return span === -1 ? reportKey(report) : insideKey(report, span);
  }

  /** The span that holds `offset` strictly inside it, or -1. */
  private spanAt(offset: number, side: 'input' | 'output'): number {
    const index = firstAtOrAfter(this.starts[side], offset) - 1;
    return index >= 0 && offset < this.spans[index]![side][1] && offset > this.spans[index]![side][0] ? index : -1;
  }
}

function insideKey(report: Pick<Report, 'ruleId' | 'messageId' | 'suppressed'>, span: number): string {
  return `${report.ruleId}:${report.messageId}:inside ${span}:${report.suppressed}`;
}

/** The index of the first of the sorted `values` that is at least `value`. */
export function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function reportKey(report: Pick<Report, 'ruleId' | 'messageId' | 'offset' | 'suppressed'>): string {
  return `${report.ruleId}:${report.messageId}:${report.offset}:${report.suppressed}`;
}

/**
 * Where text at an offset ends up after the edits (text inserted at the offset itself goes before it);
 * -1 when replaced. The non-overlapping edits are sorted once, by where they end, and each offset is
 * placed among them by binary search: a file with a thousand sites has a thousand reports to move.
 */
export function shifter(edits: readonly TextEdit[]): (offset: number) => number {
  const sorted = uniqueEdits(edits).sort((a, b) => a.range[1] - b.range[1] || a.range[0] - b.range[0]);
  const deltaBefore = [0];
  for (const edit of sorted) deltaBefore.push(deltaBefore.at(-1)! + edit.text.length - (edit.range[1] - edit.range[0]));
  const ends = sorted.map((edit) => edit.range[1]);
  return (offset) => {
    const low = firstAtOrAfter(ends, offset + 1);
    // The first edit that ends after `offset` is the only one that can span it.
    if (low < sorted.length && sorted[low]!.range[0] < offset) return -1;
    return offset + deltaBefore[low]!;
  };
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
