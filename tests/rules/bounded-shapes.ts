/**
 * Small versions of the shapes that made the analysis explode (found by fuzzing), and files past the
 * analysis bounds, shared by the rule tests. `listenerAt`/`timeoutAt` write, in one place, what the
 * rules' suggestions write, so an expected suggestion output is the same builder with that index.
 */
import { handler, lines } from './rule-tester';

export const IMPORT = "import { createClient } from 'redis';";
const TIMEOUT_OPTIONS = '{ socket: { connectTimeout: 10000 } }';

interface Edits {
  /** The function whose client gets the listener the suggestion adds. */
  listenerAt?: number;
  /** The function whose `createClient()` gets the connect timeout the suggestion adds. */
  timeoutAt?: number;
}

function times(count: number, line: (index: number) => string): string[] {
  return Array.from({ length: count }, (_, index) => line(index));
}

function factory(index: number, edits: Edits): string {
  return `createClient(${index === edits.timeoutAt ? TIMEOUT_OPTIONS : ''})`;
}

function listener(index: number, edits: Edits): string {
  return index === edits.listenerAt ? `r.on('error', ${handler()}); ` : '';
}

/** Functions that may each reuse the client another one cached in `g.redis` (one cycle of owners). */
export function maybeCachedFunctions(count: number, edits: Edits = {}): string {
  return lines(
    IMPORT,
    'const g = {};',
    ...times(count, (i) => `function f${i}() { const r = g.redis ?? ${factory(i, edits)}; ${listener(i, edits)}r.connect(); g.redis = r; }`),
  );
}

/** The Next.js development singleton, once per route helper. */
export function globalSingletons(count: number, edits: Edits = {}): string {
  return lines(
    IMPORT,
    ...times(
      count,
      (i) => `export function get${i}() { const r = globalThis.redis ?? ${factory(i, edits)}; ${listener(i, edits)}r.connect(); globalThis.redis = r; return r; }`,
    ),
  );
}

/** `const a1 = a0; const a2 = a1; …` from `const a0 = createClient()`, then `tail`. */
export function aliasChain(length: number, tail: string[], edits: Edits = {}): string {
  return lines(IMPORT, `const a0 = ${factory(0, edits)};`, ...times(length, (i) => `const a${i + 1} = a${i};`), ...tail);
}

/**
 * K clients that M places may read along with their own: K × M work, past the budget of a file this
 * size. The file also creates a plain client with no listener and no options, which the rules would
 * report if they guessed.
 */
export function pastTheBudget(): string {
  return lines(
    IMPORT,
    'const g = {};',
    'const unrelated = createClient({ socket: { reconnectStrategy: false } });',
    ...times(1000, () => 'g.redis = createClient();'),
    ...times(1000, (i) => `const c${i} = g.redis ?? createClient(); c${i}.on('error', f);`),
  );
}

/** Options spread through `length` objects, and a plain client beside them. */
export function spreadChain(length: number): string {
  return lines(
    IMPORT,
    'const o0 = { socket: { reconnectStrategy: false } };',
    ...times(length, (i) => `const o${i + 1} = { ...o${i} };`),
    `const client = createClient(o${length});`,
    'const unrelated = createClient({ socket: { reconnectStrategy: false } });',
  );
}

/** Options spread through 150 objects: past the depth bound. */
export function pastTheDepthBound(): string {
  return spreadChain(150);
}
