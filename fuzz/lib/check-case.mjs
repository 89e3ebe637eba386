// Every invariant on one file. Never throws: whatever goes wrong is a failure of some invariant.
import { checkCodemod } from './oracles/codemod-checks.mjs';
import { checkLint } from './oracles/lint-checks.mjs';
import { normalizeKind } from './oracles/positions.mjs';
import { checkSuggestions } from './oracles/suggestion-checks.mjs';

function guarded(invariant, check) {
  try {
    return check();
  } catch (error) {
    const detail = `the check itself threw: ${error?.stack?.split('\n').slice(0, 3).join(' | ') ?? error}`;
    return { failures: [{ invariant, kind: normalizeKind(detail), detail }] };
  }
}

/**
 * @param {string} text @param {string} filename @param {object} codemodOptions
 * @returns {{ failures: object[], stats: object }}
 */
export function checkText(text, filename, codemodOptions = {}) {
  const lint = guarded('rule-crash', () => checkLint(text, filename));
  const stats = { lintMs: lint.lintMs, reports: lint.messages?.length, eslintLimit: lint.eslintLimit };
  const failures = [...lint.failures];
  if (lint.messages) {
    const suggestions = guarded('suggestion-report', () => checkSuggestions(text, filename, lint.messages));
    failures.push(...suggestions.failures);
    stats.suggestions = suggestions.checked;
  }
  if (lint.messages) {
    const codemod = guarded('codemod-crash', () => checkCodemod(text, filename, codemodOptions, lint));
    failures.push(...codemod.failures);
    Object.assign(stats, { codemodMs: codemod.ms, changed: codemod.changed, tooDeep: codemod.tooDeep, unaligned: codemod.unaligned });
  }
  return { failures: dedupe(failures), stats };
}

/** One failure per invariant and kind: a file with ten identical problems is one finding. */
function dedupe(failures) {
  const seen = new Set();
  return failures.filter((failure) => {
    const key = `${failure.invariant}\u0000${failure.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
