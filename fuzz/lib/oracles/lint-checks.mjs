// Linting with the plugin: no rule throws or turns a parseable file into a fatal message, and the
// three rules cost at most 20 times the parse (plus 50 ms).
import { firstLine, lint, pluginMessages } from '../linting.mjs';
import { normalizeKind } from './positions.mjs';

export const BUDGET = { factor: 20, slackMs: 50 };

export function overBudget(ms, baselineMs) {
  return ms > BUDGET.factor * baselineMs + BUDGET.slackMs;
}

/** The cheapest of three runs: the first run of a shape pays for the JIT, and the machine is shared. */
function remeasure(text, filename, mode, firstMs) {
  return Math.min(firstMs, lint(text, filename, mode).ms, lint(text, filename, mode).ms);
}

/**
 * The parse-only lint (the baseline) is run only when it matters: when the plugin's lint throws (is it
 * ESLint itself?) or takes longer than the budget's slack. `parseMs()` gives it to the codemod check.
 * @returns {{ failures: object[], messages?: object[], lintMs?: number, parseMs?: () => number, eslintLimit?: string }}
 */
export function checkLint(text, filename) {
  let linted;
  try {
    linted = lint(text, filename, 'plugin');
  } catch (error) {
    const detail = firstLine(error);
    try {
      lint(text, filename, 'parse');
    } catch {
      return { failures: [], eslintLimit: detail };
    }
    return { failures: [{ invariant: 'rule-crash', kind: normalizeKind(detail), detail }] };
  }
  const failures = [];
  let baselineMs;
  const parseMs = () => (baselineMs ??= lint(text, filename, 'parse').ms);
  const fatal = linted.messages.find((message) => message.fatal);
  if (fatal) {
    const parses = !lint(text, filename, 'parse').messages.some((message) => message.fatal);
    if (parses) failures.push({ invariant: 'rule-crash', kind: 'fatal message only with the plugin', detail: fatal.message });
  }
  let { ms: lintMs } = linted;
  if (lintMs > BUDGET.slackMs && overBudget(lintMs, parseMs())) {
    baselineMs = remeasure(text, filename, 'parse', parseMs());
    lintMs = remeasure(text, filename, 'plugin', lintMs);
    if (overBudget(lintMs, baselineMs)) {
      const detail = `lint ${lintMs.toFixed(0)} ms, parse ${baselineMs.toFixed(0)} ms`;
      failures.push({ invariant: 'lint-over-budget', kind: 'lint time', detail });
    }
  }
  return { failures, messages: pluginMessages(linted.messages), lintMs, parseMs };
}
