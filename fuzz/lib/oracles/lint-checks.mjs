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
 * @returns {{ failures: object[], messages?: object[], parseMs?: number, lintMs?: number, eslintLimit?: string }}
 */
export function checkLint(text, filename) {
  let baseline;
  try {
    baseline = lint(text, filename, 'parse');
  } catch (error) {
    return { failures: [], eslintLimit: firstLine(error) };
  }
  let linted;
  try {
    linted = lint(text, filename, 'plugin');
  } catch (error) {
    const detail = firstLine(error);
    return { failures: [{ invariant: 'rule-crash', kind: normalizeKind(detail), detail }] };
  }
  const failures = [];
  const fatal = linted.messages.find((message) => message.fatal);
  if (fatal) failures.push({ invariant: 'rule-crash', kind: 'fatal message', detail: fatal.message });
  let { ms: lintMs } = linted;
  let parseMs = baseline.ms;
  if (overBudget(lintMs, parseMs)) {
    parseMs = remeasure(text, filename, 'parse', parseMs);
    lintMs = remeasure(text, filename, 'plugin', lintMs);
    if (overBudget(lintMs, parseMs)) {
      const detail = `lint ${lintMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms`;
      failures.push({ invariant: 'lint-over-budget', kind: 'lint time', detail });
    }
  }
  return { failures, messages: pluginMessages(linted.messages), parseMs, lintMs };
}
