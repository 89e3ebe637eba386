// The table `npm run fuzz` prints: one row per invariant, then the run's own figures.
import path from 'node:path';
import { INVARIANTS } from './invariants.mjs';
import { ROOT } from './paths.mjs';

function pad(text, width) {
  return String(text).padEnd(width);
}

export function formatReport({ counts, stats, findings, options, seconds }) {
  const lines = [];
  lines.push(`redis fuzz: ${stats.cases} cases, seed ${options.seed}, ${seconds.toFixed(0)} s`);
  lines.push('');
  lines.push(`${pad('invariant', 70)} ${pad('cases', 6)} kinds  example`);
  for (const { id, label } of INVARIANTS) {
    const entry = counts.get(id);
    const example = findings.find((finding) => finding.invariant === id && finding.file);
    const where = example ? path.relative(ROOT, example.file) : '';
    lines.push(`${pad(label, 70)} ${pad(entry?.cases ?? 0, 6)} ${pad(entry?.kinds.size ?? 0, 6)} ${where}`);
  }
  lines.push('');
  const { outcomes } = stats;
  lines.push(
    `mutations: ${outcomes.applied} applied, ${outcomes.discarded} discarded (did not parse), ${outcomes['no-target']} without a target, ${outcomes['mutator-error']} mutator errors`,
  );
  lines.push(
    `files: median ${stats.sizeMedian} chars, largest ${stats.sizeMax}; ${stats.changed} changed by the codemod; ${stats.suggestions} suggestions applied`,
  );
  lines.push(
    `lint with the plugin: median ${stats.lintMsMedian.toFixed(1)} ms, 99th percentile ${stats.lintMs99.toFixed(1)} ms; ESLint itself gave up on ${stats.eslintLimit}; too deep for the codemod's stack: ${stats.tooDeep}; invalid after encoding: ${stats.invalid}; outputs too repetitive to align (removal and binding checks skipped): ${stats.unaligned}`,
  );
  return lines.join('\n');
}

/** Each failure kind once, with a count, for reading the details. */
export function formatKinds(counts) {
  const lines = [];
  for (const { id } of INVARIANTS) {
    for (const [kind, { count, first, detail }] of counts.get(id)?.kinds ?? []) {
      lines.push(`  ${id} [${kind}] x${count} (case ${first}): ${String(detail).split('\n')[0].slice(0, 160)}`);
    }
  }
  return lines.join('\n');
}
