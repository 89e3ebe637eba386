// Per-case results from the pool, and the figures of a whole run.

/** A pool answer as `{ failures, stats, built }`; a hang or a dead thread is a failure of `hang`. */
export function normalizeResult(answer) {
  if (answer.hang) return { failures: [{ invariant: 'hang', kind: 'time limit', detail: 'the case ran past the time limit' }], stats: {} };
  if (answer.crash) return { failures: [{ invariant: 'hang', kind: 'worker died', detail: answer.crash }], stats: {} };
  return { failures: answer.failures, stats: answer.stats, built: answer.built };
}

/** invariant -> { cases, kinds: Map(kind -> { count, first: index, detail }) } */
export function tally(results) {
  const byInvariant = new Map();
  results.forEach((result, index) => {
    const seen = new Set();
    for (const failure of result.failures) {
      let entry = byInvariant.get(failure.invariant);
      if (!entry) byInvariant.set(failure.invariant, (entry = { cases: 0, kinds: new Map() }));
      if (!seen.has(failure.invariant)) entry.cases++;
      seen.add(failure.invariant);
      const kind = entry.kinds.get(failure.kind);
      if (kind) kind.count++;
      else entry.kinds.set(failure.kind, { count: 1, first: index, detail: failure.detail });
    }
  });
  return byInvariant;
}

function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function runStats(results) {
  const outcomes = { applied: 0, discarded: 0, 'no-target': 0, 'mutator-error': 0 };
  const stats = { cases: results.length, invalid: 0, eslintLimit: 0, tooDeep: 0, unaligned: 0, suggestions: 0, changed: 0, outcomes };
  const lintMs = [];
  const sizes = [];
  for (const { built, stats: s } of results) {
    if (!built) continue;
    for (const outcome of built.outcomes) outcomes[outcome]++;
    if (built.invalid) stats.invalid++;
    sizes.push(built.text.length);
    if (s.eslintLimit) stats.eslintLimit++;
    if (s.tooDeep) stats.tooDeep++;
    if (s.unaligned) stats.unaligned++;
    if (s.changed) stats.changed++;
    stats.suggestions += s.suggestions ?? 0;
    if (s.lintMs !== undefined) lintMs.push(s.lintMs);
  }
  Object.assign(stats, {
    lintMsMedian: percentile(lintMs, 50),
    lintMs99: percentile(lintMs, 99),
    sizeMedian: percentile(sizes, 50),
    sizeMax: percentile(sizes, 100),
  });
  return stats;
}
