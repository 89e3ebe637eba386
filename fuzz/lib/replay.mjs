// `npm run fuzz -- --seed S --runs N --replay PATH`: rebuilds one case (a run index, or a shrunk path
// from a finding) and prints its file and failures.
import { caseArbitrary } from './arbitraries.mjs';
import { CasePool } from './pool.mjs';
import { normalizeResult } from './results.mjs';
import { loadSeeds } from './seeds.mjs';
import { recordAt } from './shrink.mjs';

export async function replay({ seed, runs, path, timeoutMs }) {
  const arbitrary = caseArbitrary(loadSeeds().length);
  const record = await recordAt({ arbitrary, seed, runs, path });
  const pool = new CasePool({ size: 1, timeoutMs });
  await pool.start();
  try {
    const { built, failures } = normalizeResult(await pool.run(record));
    console.log(JSON.stringify(record, null, 2));
    if (built) console.log(`--- ${built.filename} (from ${built.seed}) ---\n${built.text}\n---`);
    for (const failure of failures) console.log(`${failure.invariant} [${failure.kind}] ${failure.detail}`);
    if (failures.length === 0) console.log('no invariant fails on this case');
  } finally {
    await pool.close();
  }
}
