/**
 * The check every codemod edit passes before it is kept: the result parses in the file's own language,
 * the report the edit remedies is gone, and every other report of the three rules is still there (moved
 * only by the inserted text). "It parses" alone would accept `new RedisClient.on(…)`, which means
 * `new (RedisClient.on)(…)`, or a listener the analysis cannot connect to its client.
 */
import type { FileAnalysis } from '../core/analyze';
import { analyzeFile } from '../core/analyze';
import { ParseFailure, parseFile, type ParsedFile } from '../core/parse';
import type { TextEdit } from '../core/remedies';
import type { SkippedSite, TransformName } from './api';
import { stillJavaScript, type JavaScriptMode } from './languages';
import { at, reportedOffsets, type PlannedSite } from './plan';

export interface RemedyCheckInput {
  transform: TransformName;
  text: string;
  filePath: string;
  /** Set for JavaScript files: the result must still parse as plain JavaScript in this mode. */
  mode: JavaScriptMode | undefined;
  analysis: FileAnalysis;
}

export interface Checked {
  text: string;
  parsed: ParsedFile;
}

type Outcome = { checked: Checked } | { why: string };

/**
 * Applies all sites if together they pass; otherwise keeps, one by one, each site that passes on top of
 * the ones kept before it, and lists the others in `skipped`. Undefined when no site passes.
 */
export function checkRemedies(
  input: RemedyCheckInput,
  sites: readonly PlannedSite[],
  clientModules: readonly string[],
  skipped: Omit<SkippedSite, 'transform'>[],
): Checked | undefined {
  const before = reportedOffsets(input.analysis);
  const all = tryApply(input, before, sites, clientModules);
  if ('checked' in all) return all.checked;
  const kept: PlannedSite[] = [];
  let last: Checked | undefined;
  for (const site of sites) {
    const outcome = tryApply(input, before, [...kept, site], clientModules);
    if ('checked' in outcome) {
      kept.push(site);
      last = outcome.checked;
    } else {
      skipped.push(at(site.reportNode, `left unchanged: ${outcome.why}`));
    }
  }
  return last;
}

function tryApply(
  input: RemedyCheckInput,
  before: ReturnType<typeof reportedOffsets>,
  sites: readonly PlannedSite[],
  clientModules: readonly string[],
): Outcome {
  const edits = uniqueEdits(sites.flatMap((site) => site.edits));
  const text = applyEdits(input.text, edits);
  let parsed: ParsedFile;
  try {
    parsed = parseFile(text, input.filePath);
  } catch (error) {
    if (error instanceof ParseFailure) return { why: `the edit would not parse (${error.message})` };
    throw error;
  }
  if (input.mode && !stillJavaScript(text, input.mode)) return { why: 'the edit would not be plain JavaScript' };
  const analysis = analyzeFile({ ...parsed, sourceText: text, clientModules });
  const after = (analysis ? reportedOffsets(analysis) : []).map(reportKey).sort();
  const remedied = new Set(sites.map((site) => site.reportNode.range[0]));
  const stay = before.filter((report) => !(report.transform === input.transform && remedied.has(report.offset)));
  const expected = stay.map((report) => reportKey({ ...report, offset: shifted(report.offset, edits) })).sort();
  if (after.length === expected.length && after.every((key, index) => key === expected[index])) {
    return { checked: { text, parsed } };
  }
  const afterKeys = new Set(after);
  const stillReported = before.some(
    (report) =>
      report.transform === input.transform &&
      remedied.has(report.offset) &&
      afterKeys.has(reportKey({ ...report, offset: shifted(report.offset, edits) })),
  );
  return { why: stillReported ? 'the edit would not clear the report' : 'the edit would change what the rules report elsewhere' };
}

function reportKey(report: { transform: string; problem: string; offset: number }): string {
  return `${report.transform}:${report.problem}:${report.offset}`;
}

/** Where text at `offset` ends up after the edits (text inserted at `offset` itself goes before it). */
function shifted(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.range[1] <= offset) delta += edit.text.length - (edit.range[1] - edit.range[0]);
    else if (edit.range[0] < offset) return -1;
  }
  return offset + delta;
}

function uniqueEdits(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
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
