// Minimal counterexamples: fast-check replays run `index` of the seeded run (its `path`) and shrinks it
// for as long as the failure still reproduces, within a time limit.
import { fc } from './arbitraries.mjs';

/**
 * @param {{ arbitrary: object, seed: number, runs: number, index: number,
 *           reproduces: (record: object) => Promise<boolean>, timeLimitMs: number }} options
 * @returns {Promise<{ record: object, path: string, shrinks: number } | undefined>} undefined when the
 * failure did not reproduce (a timed one may not).
 */
export async function shrinkCase({ arbitrary, seed, runs, index, reproduces, timeLimitMs }) {
  const property = fc.asyncProperty(arbitrary, async (record) => !(await reproduces(record)));
  const details = await fc.check(property, { seed, numRuns: runs, path: String(index), interruptAfterTimeLimit: timeLimitMs });
  // Interrupted by the time limit before the case failed again: no counterexample.
  if (!details.failed || !details.counterexample) return undefined;
  return { record: details.counterexample[0], path: details.counterexamplePath, shrinks: details.numShrinks };
}

/** The record at `path` of the run with `seed` (what `--replay` shows). */
export async function recordAt({ arbitrary, seed, runs, path }) {
  let found;
  const property = fc.asyncProperty(arbitrary, async (record) => {
    found = record;
    return false;
  });
  await fc.check(property, { seed, numRuns: runs, path, endOnFailure: true });
  return found;
}
