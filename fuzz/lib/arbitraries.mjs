// The fast-check description of one case: a seed, where the file lives, one to three mutations, the
// encoding and the codemod options. Shrinking drops mutations, moves picks and variants towards 0 and
// options towards their defaults, which gives small counterexamples.
import { createRequire } from 'node:module';
import path from 'node:path';
import { MUTATORS } from './mutators/index.mjs';
import { ROOT } from './paths.mjs';

export const fc = createRequire(path.join(ROOT, 'package.json'))('fast-check');

const weighted = (pairs) => fc.oneof(...pairs.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

export const ERROR_HANDLERS = ['(err) => logger.error(err)', '(err: Error) => log(err)', 'console.error', 'function (e) { report(e) }'];

const mutation = fc.oneof(
  ...MUTATORS.map(({ name, weight }) => ({
    weight,
    arbitrary: fc.record({ kind: fc.constant(name), pick: fc.nat(), arg: fc.nat(999) }),
  })),
);

export function caseArbitrary(seedCount) {
  return fc.record({
    seed: fc.nat(seedCount - 1),
    place: weighted([[4, 'natural'], [1, 'flipped']]),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    encoding: fc.record({
      eol: weighted([[8, 'keep'], [1, 'crlf'], [1, 'mixed']]),
      tabs: weighted([[6, false], [1, true]]),
      bom: weighted([[8, false], [1, true]]),
    }),
    options: fc.record({
      errorHandler: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ERROR_HANDLERS) }),
      connectTimeout: weighted([[8, undefined], [1, 2500]]),
      maxRetries: weighted([[8, undefined], [1, 3]]),
    }),
  });
}
