// The codemods on one file: the output parses in its own language, only inserts (or swaps a reconnect
// strategy / a disabled connect timeout), inserted code stands on its own, a second run changes nothing,
// and the reports left after it are ones it listed as skipped, at positions that exist in the input.
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, ROOT } from '../paths.mjs';
import { VIRTUAL_ROOT, firstLine, lint, pluginMessages } from '../linting.mjs';
import { parseTree, splitBom } from '../syntax.mjs';
import { alignTokens } from './alignment.mjs';
import { AlignmentTooLarge } from './patience.mjs';
import { BUDGET, overBudget } from './lint-checks.mjs';
import { lineColumnOf, lineStarts, normalizeKind } from './positions.mjs';
import { deepenedArguments, migrationRegions, removalProblems, replaceableRegions } from './removals.mjs';
import { leftoverProblems, skippedPositionProblems } from './leftovers.mjs';
import { indexNodes, insertionProblems } from './structure.mjs';

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const { transformSource } = requireFromRoot(path.join(DIST, 'codemods', 'transform-source.js'));
const { TRANSFORM_NAMES } = requireFromRoot(path.join(DIST, 'codemods', 'api.js'));

const INTERNAL_PARSE_CHECK = /^internal error: the transformed .* would not parse/;

function runCodemod(text, filename, options) {
  const start = performance.now();
  const result = transformSource(text, filename, TRANSFORM_NAMES, { ...options, cwd: VIRTUAL_ROOT });
  return { result, ms: performance.now() - start };
}

/**
 * A thrown error as a failure; undefined for valid code nested beyond this thread's stack, and for an
 * option the codemod refuses (a handler it will not insert is a usage error, not a crash).
 */
function thrownFailure(error, stage) {
  if (error?.name === 'NestingTooDeepError' || error?.name === 'InvalidOptionError') return undefined;
  const detail = firstLine(error);
  if (INTERNAL_PARSE_CHECK.test(detail)) return { invariant: 'codemod-parse', kind: `caught by the codemod's own parse (${stage})`, detail };
  const kind = error?.name === 'SourceParseError' ? `${stage}: rejects input that parses` : `${stage}: ${normalizeKind(detail)}`;
  return { invariant: 'codemod-crash', kind, detail };
}

/** Lints the output with the plugin: a fatal message means it does not parse in its own language. */
function lintOutput(result, filename, inputMessages) {
  if (!result.changed) return { messages: inputMessages };
  const messages = lint(result.output, filename, 'plugin').messages;
  const fatal = messages.find((message) => message.fatal);
  return fatal ? { problem: `${fatal.line}:${fatal.column} ${fatal.message}` } : { messages: pluginMessages(messages) };
}

/** @param {{ parseMs: () => number, messages: object[] }} inputLint the input's lint: parse time, plugin reports */
export function checkCodemod(text, filename, options, { parseMs, messages }) {
  let run;
  let outputParseMs;
  // The check after the edits lints the output: a file the codemod makes larger (a `.catch(…)` on each of
  // 500 connect() calls) is measured against the parse of the larger of the two.
  const baselineMs = () => Math.max(parseMs(), run.result.changed ? (outputParseMs ??= lint(run.result.output, filename, 'parse').ms) : 0);
  const slow = () => run.ms > BUDGET.slackMs && overBudget(run.ms, baselineMs());
  try {
    run = runCodemod(text, filename, options);
    for (let again = 0; again < 2 && slow(); again++) run.ms = Math.min(run.ms, runCodemod(text, filename, options).ms);
  } catch (error) {
    const failure = thrownFailure(error, 'first run');
    return { failures: failure ? [failure] : [], tooDeep: error?.name === 'NestingTooDeepError', optionRefused: error?.name === 'InvalidOptionError' };
  }
  const { result } = run;
  const failures = [];
  if (slow()) {
    failures.push({ invariant: 'codemod-over-budget', kind: 'codemod time', detail: `codemod ${run.ms.toFixed(0)} ms, parse ${baselineMs().toFixed(0)} ms` });
  }
  let outputLint;
  try {
    outputLint = lintOutput(result, filename, messages);
  } catch (error) {
    failures.push({ invariant: 'rule-crash', kind: `on codemod output: ${normalizeKind(firstLine(error))}`, detail: firstLine(error) });
    return { failures, changed: result.changed, ms: run.ms };
  }
  if (outputLint.problem) {
    failures.push({ invariant: 'codemod-parse', kind: `${path.extname(filename)} output`, detail: outputLint.problem, output: result.output });
    return { failures, changed: true, ms: run.ms };
  }
  const output = outputProblems(text, filename, options, result, outputLint.messages);
  failures.push(...output.failures);
  return { failures, changed: result.changed, ms: run.ms, skipped: result.skipped.length, unaligned: output.unaligned };
}

function outputProblems(text, filename, options, result, remaining) {
  const failures = [];
  const input = parseTree(splitBom(text).body, filename);
  const output = result.changed ? parseTree(splitBom(result.output).body, filename) : input;
  const migrated = result.applied.includes('migrate-legacy-options');
  const outputSide = {
    nodes: indexNodes(output.ast),
    tokens: output.tokens,
    text: splitBom(result.output).body,
    replaced: [...replaceableRegions(output.ast), ...(migrated ? migrationRegions(output.ast, 'output') : [])],
  };
  const moved = migrated ? migrationRegions(input.ast, 'input') : [];
  const inputRegions = [...replaceableRegions(input.ast), ...moved];
  const lost = (tokens) => tokens.filter((token) => !inputRegions.some(([start, end]) => token.range[0] >= start && token.range[1] <= end)).length;
  // Among equally short alignments, one that removes no user code and inserts only whole code is kept.
  const judge = (runs, tentative, removed) => insertionProblems(outputSide, tentative, runs).length + lost(removed);
  const alignment = result.changed ? boundedAlignment(() => alignTokens(input.tokens, output.tokens, judge, migrated ? deepenedArguments(input.ast, output.ast) : undefined)) : undefined;
  if (result.changed) failures.push(...secondRunProblems(result.output, filename, options));
  if (alignment) {
    for (const detail of removalProblems(input.ast, alignment.removed, splitBom(text).body, moved)) {
      failures.push({ invariant: 'codemod-removes', kind: 'removes user code', detail, output: result.output });
    }
    const body = splitBom(result.output).body;
    for (const { problem, at, text: inserted } of insertionProblems(outputSide, alignment)) {
      const detail = `${lineColumnOf(lineStarts(body), at)}: ${problem}: ${inserted}`;
      failures.push({ invariant: 'codemod-structure', kind: problem, detail, output: result.output });
    }
  }
  const inputReports = lazyInputReports(text, filename);
  failures.push(...leftoverProblems({ text, result, remaining, input, output, alignment, inputReports }));
  failures.push(...skippedPositionProblems({ text, result, input, inputReports }));
  return { failures, unaligned: result.changed && !alignment };
}

/** The alignment, or undefined when it is too large to compute (the removal and structure checks then skip the case). */
function boundedAlignment(align) {
  try {
    return align();
  } catch (error) {
    if (error instanceof AlignmentTooLarge) return undefined;
    throw error;
  }
}

function secondRunProblems(output, filename, options) {
  try {
    const again = runCodemod(output, filename, options).result;
    if (!again.changed) return [];
    return [{ invariant: 'codemod-second-run', kind: `second run applies ${again.applied.join(', ')}`, detail: 'the output changes again', output }];
  } catch (error) {
    const failure = thrownFailure(error, 'second run');
    return failure ? [failure] : [];
  }
}

/** The plugin's reports on the input with eslint-disable comments ignored, computed on first use. */
function lazyInputReports(text, filename) {
  let reports;
  return () => {
    reports ??= pluginMessages(lint(text, filename, 'pluginNoInline').messages);
    return reports;
  };
}
