// Aligns two token-key sequences so that the output reads as the input plus a few contiguous
// insertions. Tokens that occur once on each side anchor the alignment (patience diff, recursively).
// Between anchors several minimal alignments may exist, and only some show what the codemod did:
// matching as early as possible splices an inserted `c.on('error', (err) => …)` into the user's
// following `(async () => …)()`; fewest gaps merges `({ socket: … })` and `.on(…)` into one run that
// closes the user's `)`. So each gap tries a few alignments and keeps the first the judge accepts.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../paths.mjs';

const { diffArrays } = createRequire(path.join(ROOT, 'package.json'))('diff');

/** Gaps up to this many DP cells are aligned exactly; larger ones fall back to Myers. */
const MAX_EXACT_CELLS = 2_000_000;
/**
 * Myers costs (n + m) · d: a gap with no unique token on either side (a statement repeated hundreds of
 * times, each copy changed) can take minutes. Past this many cells the oracle is not run on the case.
 */
const MAX_ALIGNED_CELLS = 50_000_000;

export class AlignmentTooLarge extends Error {
  constructor(cells) {
    super(`a gap of ${cells} cells without an anchor`);
    this.name = 'AlignmentTooLarge';
  }
}

/**
 * @param {(b0: number, b1: number, bToA: Int32Array, a0: number, a1: number) => number} judge counts the
 * problems of the inserted runs in b[b0, b1) and the removed tokens of a[a0, a1) under the alignment so
 * far (0 accepts it).
 * @returns {Int32Array} for each index of `b`, the matching index of `a`, or -1.
 */
export function patienceMatch(a, b, judge = () => 0) {
  const bToA = new Int32Array(b.length).fill(-1);
  const stack = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    const [a0, a1, b0, b1] = stack.pop();
    if (a0 === a1 || b0 === b1) continue;
    const anchors = uniqueAnchors(a, a0, a1, b, b0, b1);
    if (anchors.length === 0) {
      alignGap(a, a0, a1, b, b0, b1, bToA, judge);
      continue;
    }
    let previousA = a0;
    let previousB = b0;
    for (const [ia, ib] of anchors) {
      stack.push([previousA, ia, previousB, ib]);
      bToA[ib] = ia;
      previousA = ia + 1;
      previousB = ib + 1;
    }
    stack.push([previousA, a1, previousB, b1]);
  }
  return bToA;
}

function alignGap(a, a0, a1, b, b0, b1, bToA, judge) {
  const cells = (a1 - a0 + 1) * (b1 - b0 + 1);
  if (cells > MAX_ALIGNED_CELLS) throw new AlignmentTooLarge(cells);
  const small = cells <= MAX_EXACT_CELLS;
  const strategies = small ? [myers, fewestGaps, myersBackward] : [myers, myersBackward];
  let best;
  for (const strategy of strategies) {
    bToA.fill(-1, b0, b1);
    strategy(a, a0, a1, b, b0, b1, bToA);
    const problems = judge(b0, b1, bToA, a0, a1);
    if (problems === 0) return;
    if (!best || problems < best.problems) best = { problems, matches: bToA.slice(b0, b1) };
  }
  bToA.set(best.matches, b0);
}

/** Keys that occur exactly once in each range, as [indexInA, indexInB] in a longest increasing chain. */
function uniqueAnchors(a, a0, a1, b, b0, b1) {
  const counts = new Map();
  for (let i = a0; i < a1; i++) {
    const entry = counts.get(a[i]);
    if (entry) entry.countA++;
    else counts.set(a[i], { countA: 1, ia: i, countB: 0, ib: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = counts.get(b[j]);
    if (entry) {
      entry.countB++;
      entry.ib = j;
    }
  }
  const pairs = [];
  for (const entry of counts.values()) if (entry.countA === 1 && entry.countB === 1) pairs.push([entry.ia, entry.ib]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** Patience sorting: the longest chain of pairs increasing in their second element. */
function longestIncreasing(pairs) {
  const tails = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]][1] < pairs[k][1]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[k] = tails[low - 1];
    tails[low] = k;
  }
  const chain = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k !== -1; k = previous[k]) chain.push(pairs[k]);
  return chain.reverse();
}

const TOKEN_COST = 1000;
const GAP_OPEN = 1;
const INFINITY = 0x3fffffff;
const [MATCH, INSERT, REMOVE] = [0, 1, 2];

/**
 * Fewest inserted plus removed tokens, then fewest gaps (Gotoh's three-state alignment). Costs are
 * one table per state; `from` records the state each cell came from, for the trace back.
 */
function fewestGaps(a, a0, a1, b, b0, b1, bToA) {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = m + 1;
  const cost = [new Int32Array((n + 1) * width), new Int32Array((n + 1) * width), new Int32Array((n + 1) * width)];
  const from = [new Uint8Array((n + 1) * width), new Uint8Array((n + 1) * width), new Uint8Array((n + 1) * width)];
  const best = (cell, opening) => {
    let state = MATCH;
    let value = cost[MATCH][cell] + opening[MATCH];
    for (const s of [INSERT, REMOVE]) {
      if (cost[s][cell] + opening[s] < value) [state, value] = [s, cost[s][cell] + opening[s]];
    }
    return [state, value];
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cell = i * width + j;
      if (i === 0 && j === 0) {
        cost[MATCH][cell] = 0;
        cost[INSERT][cell] = cost[REMOVE][cell] = INFINITY;
        continue;
      }
      const diagonal = i > 0 && j > 0 && a[a0 + i - 1] === b[b0 + j - 1] ? best(cell - width - 1, [0, 0, 0]) : [MATCH, INFINITY];
      const left = j > 0 ? best(cell - 1, [GAP_OPEN, 0, GAP_OPEN]) : [MATCH, INFINITY];
      const up = i > 0 ? best(cell - width, [GAP_OPEN, GAP_OPEN, 0]) : [MATCH, INFINITY];
      [from[MATCH][cell], cost[MATCH][cell]] = [diagonal[0], Math.min(diagonal[1], INFINITY)];
      [from[INSERT][cell], cost[INSERT][cell]] = [left[0], Math.min(left[1] + TOKEN_COST, INFINITY)];
      [from[REMOVE][cell], cost[REMOVE][cell]] = [up[0], Math.min(up[1] + TOKEN_COST, INFINITY)];
    }
  }
  let [state] = best(n * width + m, [0, 0, 0]);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const previous = from[state][i * width + j];
    if (state === MATCH) bToA[b0 + --j] = a0 + --i;
    else if (state === INSERT) j--;
    else i--;
    state = previous;
  }
}

/** Myers on the reversed ranges: matches as late as possible. */
function myersBackward(a, a0, a1, b, b0, b1, bToA) {
  let i = a1;
  let j = b1;
  for (const part of diffArrays(a.slice(a0, a1).reverse(), b.slice(b0, b1).reverse())) {
    const count = part.value.length;
    if (part.removed) i -= count;
    else if (part.added) j -= count;
    else for (let k = 0; k < count; k++) bToA[--j] = --i;
  }
}

function myers(a, a0, a1, b, b0, b1, bToA) {
  let i = a0;
  let j = b0;
  for (const part of diffArrays(a.slice(a0, a1), b.slice(b0, b1))) {
    const count = part.value.length;
    if (part.removed) i += count;
    else if (part.added) j += count;
    else for (let k = 0; k < count; k++) bToA[j++] = i++;
  }
}
