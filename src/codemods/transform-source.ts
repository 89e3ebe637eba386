/**
 * The codemod engine: lints a file with this plugin (see `lint.ts`) and applies the first suggestion of
 * every report of the requested transforms' rules, that is, the very edit the rule offers in an editor.
 * Every batch of edits is checked by linting the result: it must parse in the file's own language, the
 * remedied reports must be gone and every other report (of those rules and of the default set's) must
 * still be there. A site that fails the check is never written; it is listed as skipped with the reason.
 */
import path from 'node:path';
import { fileLineWidth } from '../core/layout';
import { mayUseRedis } from '../core/redis-modules';
import { DEFAULT_TRANSFORM_NAMES, safeguardOfRule, safeguardOfTransform, TRANSFORM_NAMES } from '../core/safeguards';
import type { CodemodOptions, FileTransformResult, SkippedSite, TransformName } from './api';
import { applyEdits, checkedApply, firstAtOrAfter, shifter, unshifted, type Site, type TextEdit } from './apply';
import { lintText, type LintedText, type Report } from './lint';
import { resolveCodemodOptions, unseenSites, type ResolvedOptions } from './options';

export { applyEdits };

/** Sites deferred because their edits overlap another site's get another round; a file never needs more than a few. */
const MAX_ROUNDS = 6;
const PREFIX = 'redis/';
const DISABLED_BY_COMMENT = 'disabled by an eslint-disable comment';
const NO_REMEDY = 'the rule has no automatic change for this: fix it by hand';
/** The reason of a site whose edit failed the check after it. */
const REFUSED = 'left unchanged: ';

/**
 * Runs the named transforms over one file's text. Returns the text unchanged (the same string) when
 * there is nothing to do; throws `SourceParseError` when the file does not parse.
 *
 * Inserted lines keep within the file's width: `options.lineWidth`, else its .editorconfig, its longest
 * line, or 100. A line the codemod cannot break (a listener added after a one-line block) may be longer
 * than the longest line was, and a second run would infer the wider width from it: a site refused because
 * it had to be broken might then fit on one line. Such a file is transformed again at that width, so that
 * a second run changes nothing.
 */
export function transformSource(
  source: string,
  filePath: string,
  transforms: readonly TransformName[],
  options: CodemodOptions = {},
): FileTransformResult {
  const resolved = resolveCodemodOptions(options);
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const file: SourceFile = { source, bom, text: source.slice(bom.length) };
  if (!mayUseRedis(file.text, resolved.lint.clientModules)) return unchangedResult(source, []);
  if (options.lineWidth !== undefined) return transformAtWidth(file, filePath, transforms, resolved, options.lineWidth);
  const widthOf = (text: string) => fileLineWidth(text, path.resolve(resolved.lint.cwd, filePath));
  const inferred = widthOf(file.text);
  const result = transformAtWidth(file, filePath, transforms, resolved, inferred);
  const refused = result.skipped.some((site) => site.reason.startsWith(REFUSED));
  const widened = result.changed && refused ? widthOf(result.output.slice(bom.length)) : inferred;
  return widened > inferred ? transformAtWidth(file, filePath, transforms, resolved, widened) : result;
}

/** A file's text as given, its byte order mark (or ''), and the text after it, which is what is linted. */
interface SourceFile {
  source: string;
  bom: string;
  text: string;
}

/** Nothing changed: the input string itself, as `transformSource` promises. */
function unchangedResult(source: string, skipped: SkippedSite[]): FileTransformResult {
  return { output: source, changed: false, applied: [], skipped };
}

function transformAtWidth(
  { source, bom, text }: SourceFile,
  filePath: string,
  transforms: readonly TransformName[],
  options: ResolvedOptions,
  lineWidth: number,
): FileTransformResult {
  const wanted = TRANSFORM_NAMES.filter((name) => transforms.includes(name));
  const rules = new Map(wanted.map((name) => [`redis/${safeguardOfTransform(name).rule}`, name]));
  // The check after each edit compares the reports of the requested transforms' rules and of the default
  // set's: an edit for one rule must not move another's report (a `db` off its eslint-disable line).
  const checked = TRANSFORM_NAMES.filter((name) => wanted.includes(name) || DEFAULT_TRANSFORM_NAMES.includes(name));
  const lint = { ...options.lint, lineWidth, rules: checked.map((name) => safeguardOfTransform(name).rule) };
  const resolved = { ...options, lint };
  const first = lintText(text, filePath, resolved.lint);
  const silenced = first.reports.filter((report) => report.suppressed && rules.has(report.ruleId));
  const skipped = silenced.map((report) => skip(rules, report, DISABLED_BY_COMMENT));
  const { result, appliedSites, inputLocation } = applyInRounds(first, rules, filePath, resolved, skipped);
  skipped.push(...unremediedSites({ first, result, inputLocation }, rules, filePath, resolved, skipped));
  const applied = wanted.filter((name) => appliedSites.some((site) => rules.get(site.report.ruleId) === name));
  const sorted = skipped.sort((a, b) => wanted.indexOf(a.transform) - wanted.indexOf(b.transform) || a.line - b.line || a.column - b.column);
  if (applied.length === 0) return unchangedResult(source, sorted);
  return { output: bom + result.text, changed: true, applied, skipped: sorted };
}

/**
 * Applies the sites round by round: sites whose edits overlap an applied one's, or that wait behind a
 * migration, get the next round; a rejected site is listed once and not tried again. Option migrations
 * (`migrate-legacy-options`) go first, in rounds of their own: the others then remedy what they can read.
 */
function applyInRounds(
  first: LintedText,
  rules: ReadonlyMap<string, TransformName>,
  filePath: string,
  resolved: ResolvedOptions,
  skipped: SkippedSite[],
): { result: LintedText; appliedSites: Site[]; inputLocation: Locate } {
  const appliedSites: Site[] = [];
  const rounds: TextEdit[][] = [];
  let rejected: Report[] = [];
  let current = first;
  // Skipped sites are listed where they are in the input, before the earlier rounds' edits.
  const inputOffset = (offset: number) => rounds.reduceRight((at, edits) => unshifted(at, edits), offset);
  const inputLocation = (offset: number) => locationIn(first)(inputOffset(offset));
  const inInput = (report: Report): Report => ({ ...report, offset: inputOffset(report.offset), ...inputLocation(report.offset) });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sites = current.reports.filter((report) => rules.has(report.ruleId) && !report.suppressed && report.fix && !rejected.some((one) => sameReport(one, report)));
    const migrations = sites.filter((report) => safeguardOfRule(report.ruleId.slice(PREFIX.length))?.revealsOptions);
    const candidates = migrations.length > 0 ? migrations : sites;
    const { batch, deferred } = nonOverlapping(innermostFirst(candidates.map((report) => ({ report, edit: report.fix! }))));
    if (batch.length === 0) break;
    const outcome = checkedApply(current, batch, filePath, resolved.lint, migrations.length > 0);
    skipped.push(...outcome.rejected.map(({ site, why }) => skip(rules, inInput(site.report), `${REFUSED}${why}`)));
    if (round === MAX_ROUNDS - 1) skipped.push(...deferred.map((site) => skip(rules, inInput(site.report), 'overlaps another edit')));
    appliedSites.push(...outcome.applied);
    const edits = outcome.applied.map((site) => site.edit);
    rounds.push(edits);
    const shift = shifter(edits);
    rejected = [...rejected, ...outcome.rejected.map(({ site }) => site.report)].map((report) => ({ ...report, offset: shift(report.offset) }));
    // A migration may reveal options the rules could not read before (`db` beside a URL string): lint again.
    const revealed = migrations.length > 0 && outcome.result !== current;
    current = outcome.result;
    if (deferred.length + sites.length - candidates.length === 0 && !revealed) break;
  }
  return { result: current, appliedSites, inputLocation };
}

function sameReport(a: Report, b: Report): boolean {
  return a.ruleId === b.ruleId && a.messageId === b.messageId && a.offset === b.offset;
}

type Locate = (offset: number) => { line: number; column: number };

/** Line and 1-based column of an offset in a linted text. */
function locationIn(linted: LintedText): Locate {
  return (offset) => {
    const { line, column } = linted.sourceCode.getLocFromIndex(offset);
    return { line, column: column + 1 };
  };
}

/**
 * What the transforms leave unremedied, besides what they refused: sites they cannot judge, and reports
 * without a remedy. Read from the result (a migration may have made options visible), and listed where
 * the input has them when it does (a rewritten span moves them).
 */
function unremediedSites(
  { first, result, inputLocation }: { first: LintedText; result: LintedText; inputLocation: Locate },
  rules: ReadonlyMap<string, TransformName>,
  filePath: string,
  resolved: ResolvedOptions,
  listed: readonly SkippedSite[],
): SkippedSite[] {
  const transforms = [...rules.values()];
  const atFirst = locationIn(first);
  const unseen = atInputPlaces(unseenSites(result, transforms, filePath, resolved, inputLocation), unseenSites(first, transforms, filePath, resolved, atFirst));
  const fixless = atInputPlaces(withoutRemedy(result, rules, inputLocation), withoutRemedy(first, rules, atFirst));
  return [...unseen, ...unlisted(fixless, [...listed, ...unseen])];
}

/** Each late site where an early one with its transform and reason is, when it is not at one already. */
function atInputPlaces(late: readonly SkippedSite[], early: readonly SkippedSite[]): SkippedSite[] {
  const key = (site: SkippedSite) => `${site.transform}\u0000${site.reason}`;
  const place = (site: SkippedSite) => `${key(site)}\u0000${site.line}:${site.column}`;
  const latePlaces = new Set(late.map(place));
  const earlyPlaces = new Set(early.map(place));
  const unused = new Map<string, SkippedSite[]>();
  for (const site of early) if (!latePlaces.has(place(site))) unused.set(key(site), [...(unused.get(key(site)) ?? []), site]);
  return late.map((site) => (earlyPlaces.has(place(site)) ? site : (unused.get(key(site))?.shift() ?? site)));
}

/** Reports of the transforms' rules that offer no remedy, as skipped sites. */
function withoutRemedy(linted: LintedText, rules: ReadonlyMap<string, TransformName>, locate: Locate): SkippedSite[] {
  return linted.reports
    .filter((report) => rules.has(report.ruleId) && !report.suppressed && !report.fix)
    .map((report) => ({ transform: rules.get(report.ruleId)!, ...locate(report.offset), reason: NO_REMEDY }));
}

/** The sites no safeguard explained: listed too, so that no report is left unsaid. */
function unlisted(sites: readonly SkippedSite[], skipped: readonly SkippedSite[]): SkippedSite[] {
  const listed = new Set(skipped.map((site) => `${site.transform}:${site.line}:${site.column}`));
  return sites.filter((site) => !listed.has(`${site.transform}:${site.line}:${site.column}`));
}

function skip(rules: ReadonlyMap<string, TransformName>, report: Site['report'], reason: string): SkippedSite {
  return { transform: rules.get(report.ruleId)!, line: report.line, column: report.column, reason };
}

/**
 * The sites whose edit overlaps no site taken before it (identical edits, as for two owners of one
 * statement, do not count), in the order given (see `innermostFirst`).
 */
function nonOverlapping(sites: readonly Site[]): { batch: Site[]; deferred: Site[] } {
  const taken: TextEdit[] = [];
  const batch: Site[] = [];
  const deferred: Site[] = [];
  for (const site of sites) {
    if (taken.some((other) => overlap(site.edit, other))) {
      deferred.push(site);
    } else {
      batch.push(site);
      taken.push(site.edit);
    }
  }
  return { batch, deferred };
}

/**
 * An edit that breaks an object across lines spans the reports inside it (a `reconnectStrategy: false`
 * in its `socket`); those are remedied first, in an earlier round, so the check never has to find a
 * report inside a rewritten span. Otherwise the order of the reports.
 */
function innermostFirst(sites: Site[]): Site[] {
  const offsets = sites.map((site) => site.report.offset).sort((a, b) => a - b);
  const spanned = ({ report, edit }: Site): number => {
    const inside = firstAtOrAfter(offsets, edit.range[1]) - firstAtOrAfter(offsets, edit.range[0]);
    return report.offset >= edit.range[0] && report.offset < edit.range[1] ? inside - 1 : inside;
  };
  const counts = new Map(sites.map((site) => [site, spanned(site)]));
  const width = (site: Site) => site.edit.range[1] - site.edit.range[0];
  return [...sites].sort((a, b) => counts.get(a)! - counts.get(b)! || width(a) - width(b));
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text) return false;
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}
