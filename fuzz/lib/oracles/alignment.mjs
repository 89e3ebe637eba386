// Aligns the tokens (and comments) of a codemod's input and output with a patience diff: which input
// tokens the codemod removed, which output tokens it inserted (as contiguous runs), and where an output
// token was in the input. Token-level, so only code and comments count, not white space. Each token's
// key carries its bracket depth, so an inserted `}` is never paired with the user's `}` one level out.
import { patienceMatch } from './patience.mjs';

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/**
 * `type value depth` for every token; a bracket also carries the token before its opening bracket, so
 * the `)` of `createClient()` never pairs with the `)` of an inserted `.on(…)` at the same depth. Inside
 * the `moved` regions (a URL argument a migration moved into `{ url }` is one level deeper; see
 * `deepenedArguments`) a token's depth is left out of its key.
 */
export function tokenKeys(tokens, moved = []) {
  const openedAfter = [];
  const inMoved = insideOf(moved);
  return tokens.map((token, index) => {
    const { type, value } = token;
    const depth = inMoved(token) ? 'moved' : openedAfter.length;
    const closes = (type === 'Punctuator' && CLOSERS.has(value)) || (type === 'Template' && value.startsWith('}'));
    const opens = (type === 'Punctuator' && OPENERS.has(value)) || (type === 'Template' && value.endsWith('${'));
    if (closes) return `${type}\u0000${value}\u0000${depth}\u0000${openedAfter.pop() ?? ''}`;
    if (!opens) return `${type}\u0000${value}\u0000${depth}`;
    const context = openerContext(tokens, index);
    const key = `${type}\u0000${value}\u0000${depth}\u0000${context}`;
    openedAfter.push(context);
    return key;
  });
}

/** For tokens asked in order: whether one lies inside one of the regions (merged once, then walked). */
function insideOf(regions) {
  const merged = [];
  for (const [start, end] of [...regions].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let next = 0;
  return (token) => {
    while (next < merged.length && merged[next][1] < token.range[1]) next++;
    return next < merged.length && merged[next][0] <= token.range[0];
  };
}

const NEUTRAL_BEFORE_OPENER = new Set([')', ']', '}', ';']);
const isComment = (token) => token.type === 'Line' || token.type === 'Block';

/**
 * The code token before an opening bracket (`createClient` in `createClient(`), or '' when that token
 * ends a statement or an expression: code the codemod inserts ends that way, so a user's `{` keeps its
 * key whether or not a statement was added before it.
 */
function openerContext(tokens, index) {
  let previous = index - 1;
  while (previous >= 0 && isComment(tokens[previous])) previous--;
  if (previous < 0) return '';
  const { value } = tokens[previous];
  return NEUTRAL_BEFORE_OPENER.has(value) ? '' : value;
}

/**
 * `judgeRuns(runs, alignment, removed)` counts the problems of some inserted runs and removed input
 * tokens under a tentative alignment; where several minimal alignments exist, one it accepts is kept.
 * @returns {{ removed: object[], runs: { first: number, last: number }[], outputToInput: Int32Array, outputKeys: string[] }}
 * `runs` are index ranges of inserted output tokens; `outputToInput[j]` is the input index of output
 * token j, or -1 for an inserted token.
 */
export function alignTokens(inputTokens, outputTokens, judgeRuns = () => 0, moved = { input: [], output: [] }) {
  const outputKeys = tokenKeys(outputTokens, moved.output);
  const judge = (b0, b1, bToA, a0, a1) =>
    judgeRuns(runsOf(bToA, b0, b1), { outputKeys, outputToInput: bToA }, removedIn(inputTokens, a0, a1, bToA, b0, b1));
  const outputToInput = patienceMatch(tokenKeys(inputTokens, moved.input), outputKeys, judge);
  const kept = new Uint8Array(inputTokens.length);
  for (const i of outputToInput) if (i !== -1) kept[i] = 1;
  const removed = inputTokens.filter((_, i) => kept[i] === 0);
  return { removed, runs: runsOf(outputToInput, 0, outputToInput.length), outputToInput, outputKeys };
}

/** The input tokens of a[a0, a1) that no output token of b[b0, b1) is aligned with. */
function removedIn(inputTokens, a0, a1, bToA, b0, b1) {
  const kept = new Set();
  for (let j = b0; j < b1; j++) if (bToA[j] !== -1) kept.add(bToA[j]);
  const removed = [];
  for (let i = a0; i < a1; i++) if (!kept.has(i)) removed.push(inputTokens[i]);
  return removed;
}

/** Contiguous inserted tokens in [from, to). */
function runsOf(outputToInput, from, to) {
  const runs = [];
  for (let j = from; j < to; j++) {
    if (outputToInput[j] !== -1) continue;
    const previous = runs[runs.length - 1];
    if (previous && previous.last === j - 1) previous.last = j;
    else runs.push({ first: j, last: j });
  }
  return runs;
}

/**
 * The other places an inserted run could have been aligned: a run may slide while the token it leaves
 * equals the token it takes (`a.on(x); a.connect()` gives the same diff with the run shifted by `a.`).
 */
export function slidPositions(run, { outputKeys, outputToInput }) {
  const positions = [run];
  const movable = (index) => index >= 0 && index < outputKeys.length && outputToInput[index] !== -1;
  for (let { first, last } = run; movable(first - 1) && outputKeys[first - 1] === outputKeys[last]; ) {
    first -= 1;
    last -= 1;
    positions.push({ first, last });
  }
  for (let { first, last } = run; movable(last + 1) && outputKeys[last + 1] === outputKeys[first]; ) {
    first += 1;
    last += 1;
    positions.push({ first, last });
  }
  return positions;
}

/** Index of the token that starts at `offset`, or -1. */
export function tokenIndexAt(tokens, offset) {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = tokens[middle].range[0];
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
