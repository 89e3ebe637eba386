// Turns a fast-check case record into a file: the seed, each mutation in turn (a mutation whose result
// does not parse in the file's own language is discarded and counted), then the encoding.
// Runs in the worker threads: building a case parses it after every mutation.
import { applyEncoding } from './encoding.mjs';
import { ownLanguageProblem } from './linting.mjs';
import { mutationContext } from './mutators/context.mjs';
import { MUTATOR_BY_NAME } from './mutators/index.mjs';
import { virtualFilename } from './seeds.mjs';
import { splitBom } from './syntax.mjs';

/** What became of each mutation: applied, discarded (did not parse) or no-target. */
function mutate(text, filename, mutation, onSize) {
  const mutator = MUTATOR_BY_NAME.get(mutation.kind);
  let next;
  try {
    next = mutator.apply(mutationContext(text, filename, mutation));
  } catch {
    // A mutator that trips over an unusual tree is a harness bug; counted so it cannot hide.
    return { text, outcome: 'mutator-error' };
  }
  if (next === undefined || next === text) return { text, outcome: 'no-target' };
  onSize(next.length);
  if (ownLanguageProblem(next, filename)) return { text, outcome: 'discarded' };
  return { text: next, outcome: 'applied' };
}

/**
 * @param {{ seed: number, place: 'natural' | 'flipped', mutations: { kind: string, pick: number, arg: number }[],
 *           encoding: object }} record
 * @param {(size: number) => void} onSize told the size of each mutated text before it is parsed (a 2 MB
 * file takes seconds to parse: the pool's time limit grows with the size)
 */
export function buildCase(record, seeds, onSize = () => {}) {
  const seed = seeds[record.seed % seeds.length];
  // 'natural' keeps a seed where it belongs (a test seed in tests/); 'flipped' moves it across.
  const place = seed.test === (record.place === 'natural') ? 'test' : 'src';
  const filename = virtualFilename(seed, place);
  const { bom, body } = splitBom(seed.text);
  let text = body;
  const outcomes = [];
  for (const mutation of record.mutations) {
    const step = mutate(text, filename, mutation, onSize);
    text = step.text;
    outcomes.push(step.outcome);
  }
  const encoded = applyEncoding((bom ? '\uFEFF' : '') + text, record.encoding);
  // Line endings, tabs and a byte order mark keep a file parseable; checked anyway when they changed it.
  const invalid = encoded === (bom ? '\uFEFF' : '') + text ? undefined : ownLanguageProblem(encoded, filename);
  text = encoded;
  return { text, filename, seed: seed.name, outcomes, invalid };
}
