/**
 * A short seeded run of the fuzzing harness (`npm run fuzz` runs it at length; see fuzz/README.md):
 * 120 mutations of the seeds and fixtures, seed 1, every invariant checked on each, and the CLI over
 * all of them. Every invariant that does not depend on timing is asserted. Timed invariants (cases past the
 * time limit, lint and codemod budgets) are printed, never asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMED, kindsOf, runCampaign, type CampaignRun } from './harness';

const RUNS = 120;
const SEED = 1;
let run: CampaignRun;

beforeAll(async () => {
  run = await runCampaign({ runs: RUNS, seed: SEED, workers: 1, timeoutMs: 30_000, cli: true, shrink: false });
}, 1_200_000);

afterAll(() => {
  const timed = [...TIMED].map((invariant) => `${invariant}: ${run?.counts.get(invariant)?.cases ?? 0}`);
  console.info(`fuzz (seed ${SEED}, ${RUNS} cases), timed invariants, not asserted: ${timed.join(', ')}`);
});

describe(`fuzzing, seed ${SEED}, ${RUNS} cases`, () => {
  it('exercises the rules, the suggestions and the codemods', () => {
    expect(run.stats.cases).toBe(RUNS);
    expect(run.stats.invalid).toBe(0);
    expect(run.stats.outcomes['mutator-error']).toBe(0);
    expect(run.stats.outcomes.applied).toBeGreaterThan(RUNS);
    expect(run.stats.suggestions).toBeGreaterThan(RUNS);
    expect(run.stats.changed).toBeGreaterThan(RUNS / 4);
  });

  it.each([
    'rule-crash',
    'suggestion-parse',
    'suggestion-report',
    'codemod-crash',
    'codemod-parse',
    'codemod-removes',
    'codemod-structure',
    'codemod-second-run',
    'codemod-leftover',
    'skipped-position',
    'cli-dies',
    'cli-file-error',
  ])('%s: none', (invariant) => {
    expect(kindsOf(run, invariant)).toEqual([]);
  });
});
