/**
 * The codemod engine: lints a file with this plugin (see `lint.ts`) and applies the first suggestion of
 * every report of the requested transforms' rules, that is, the very edit the rule offers in an editor.
 * Every batch of edits is checked by linting the result: it must parse in the file's own language, the
 * remedied reports must be gone and every other report of those rules must still be there. A site that
 * fails the check is never written; it is listed as skipped with the reason.
 */
import { mayUseRedis } from '../core/redis-modules';
import { safeguardOfTransform, TRANSFORM_NAMES } from '../core/safeguards';
import type { CodemodOptions, FileTransformResult, SkippedSite, TransformName } from './api';
import { applyEdits, checkedApply, reportKey, shifted, type Site, type TextEdit } from './apply';
import { lintText, type LintedText } from './lint';
import { resolveCodemodOptions, unseenSites, type ResolvedOptions } from './options';

export { applyEdits };

/** Sites deferred because their edits overlap another site's get another round; a file never needs more than a few. */
const MAX_ROUNDS = 4;
const DISABLED_BY_COMMENT = 'disabled by an eslint-disable comment';

/**
 * Runs the named transforms over one file's text. Returns the text unchanged (the same string) when
 * there is nothing to do; throws `SourceParseError` when the file does not parse.
 */
export function transformSource(
  source: string,
  filePath: string,
  transforms: readonly TransformName[],
  options: CodemodOptions = {},
): FileTransformResult {
  const resolved = resolveCodemodOptions(options);
  const unchanged: FileTransformResult = { output: source, changed: false, applied: [], skipped: [] };
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  if (!mayUseRedis(text, resolved.lint.clientModules)) return unchanged;

  const wanted = TRANSFORM_NAMES.filter((name) => transforms.includes(name));
  const rules = new Map(wanted.map((name) => [`redis/${safeguardOfTransform(name).rule}`, name]));
  // Only the requested transforms' rules run, so the check after each edit compares their reports alone.
  const lint = { ...resolved.lint, rules: wanted.map((name) => safeguardOfTransform(name).rule) };
  const first = lintText(text, filePath, lint);
  const skipped = [...initialSkips(first, rules, filePath, resolved)];
  const appliedSites: Site[] = [];
  let current = first;
  // Reports a round refused, by their key in the current text: never retried, listed once.
  let refused = new Set<string>();
  let deferred: Site[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sites = current.reports
      .filter((report) => rules.has(report.ruleId) && !report.suppressed && report.fix && !refused.has(reportKey(report)))
      .map((report) => ({ report, edit: report.fix! }));
    const next = nonOverlapping(sites);
    deferred = next.deferred;
    if (next.batch.length === 0) break;
    const outcome = checkedApply(current, next.batch, filePath, lint);
    skipped.push(...outcome.rejected.map(({ site, why }) => skip(rules, site.report, `left unchanged: ${why}`)));
    appliedSites.push(...outcome.applied);
    const edits = outcome.applied.map((site) => site.edit);
    refused = new Set([...refused, ...outcome.rejected.map(({ site }) => reportKey(site.report))].map((key) => shiftKey(key, edits)));
    current = outcome.result;
    if (deferred.length === 0) break;
  }
  skipped.push(...deferred.map((site) => skip(rules, site.report, 'overlaps another edit')));
  const applied = wanted.filter((name) => appliedSites.some((site) => rules.get(site.report.ruleId) === name));
  const sorted = skipped.sort((a, b) => wanted.indexOf(a.transform) - wanted.indexOf(b.transform) || a.line - b.line || a.column - b.column);
  if (applied.length === 0) return { ...unchanged, skipped: sorted };
  return { output: bom + current.text, changed: true, applied, skipped: sorted };
}

/** What the transforms leave alone from the start: reports silenced by a comment, and sites they cannot judge. */
function initialSkips(
  linted: LintedText,
  rules: ReadonlyMap<string, TransformName>,
  filePath: string,
  resolved: ResolvedOptions,
): SkippedSite[] {
  const silenced = linted.reports.filter((report) => report.suppressed && rules.has(report.ruleId));
  return [
    ...silenced.map((report) => skip(rules, report, DISABLED_BY_COMMENT)),
    ...unseenSites(linted, [...rules.values()], filePath, resolved),
  ];
}

function skip(rules: ReadonlyMap<string, TransformName>, report: Site['report'], reason: string): SkippedSite {
  return { transform: rules.get(report.ruleId)!, line: report.line, column: report.column, reason };
}

/** A refused report's key once `edits` are applied before it. */
function shiftKey(key: string, edits: readonly TextEdit[]): string {
  const [ruleId, messageId, offset, suppressed] = key.split(':') as [string, string, string, string];
  return `${ruleId}:${messageId}:${shifted(Number(offset), edits)}:${suppressed}`;
}

/**
 * The sites whose edit overlaps no site taken before it (identical edits, as for two owners of one
 * statement, do not count). Narrow edits go first, so a listener inside a strategy function is added
 * before the strategy is replaced rather than lost with it.
 */
function nonOverlapping(sites: readonly Site[]): { batch: Site[]; deferred: Site[] } {
  const taken: TextEdit[] = [];
  const batch: Site[] = [];
  const deferred: Site[] = [];
  const width = (site: Site) => site.edit.range[1] - site.edit.range[0];
  for (const site of [...sites].sort((a, b) => width(a) - width(b))) {
    if (taken.some((other) => overlap(site.edit, other))) {
      deferred.push(site);
    } else {
      batch.push(site);
      taken.push(site.edit);
    }
  }
  return { batch, deferred };
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text) return false;
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}
