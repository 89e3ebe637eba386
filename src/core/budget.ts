/**
 * The detection core's cost bound: budgets, not hopes. Every resolution the core performs (following
 * values and functions, escape searches, option lookups) spends steps from one budget per file, and
 * every resolution that recurses goes one level deeper. When either bound is hit the analysis of the
 * file is abandoned and marked incomplete: the rules report nothing for it (silence, never a guess)
 * and the codemods skip it, giving the reason.
 *
 * The budget grows with the file (BASE_STEPS plus STEPS_PER_NODE per AST node), so any file gets a
 * linear bound. The walks are linear (see `reachable.ts`), so real files stay far below it: on the
 * labelled corpus, the benchmark's real and generated sets (`npm run bench`) and its 20,000-line scaling
 * file, no file spent more than 0.71 steps per node; the synthetic stress files of the test suite (a
 * 1,500-step alias chain, nesting 2,000 deep) spend up to 2.7. What can still grow faster than the file
 * is output: a value that may be any of K clients, read in M places that each add their own, costs
 * K × M; such a file, or aliases that double the factory tracker's work per line, is cut off at the bound.
 */
export const BUDGET_EXCEEDED = 'analysis budget exceeded';
export const DEPTH_EXCEEDED = 'analysis depth exceeded';
export type AnalysisLimit = typeof BUDGET_EXCEEDED | typeof DEPTH_EXCEEDED;

const BASE_STEPS = 10_000;
const STEPS_PER_NODE = 10;
/**
 * Nested resolutions (a `duplicate()` of a value that is itself a `duplicate()`, a spread of a spread)
 * rarely go beyond 3 levels in real code; 100 keeps the stack far from overflowing.
 */
const MAX_DEPTH = 100;

/** Thrown when a bound is hit; the analysis turns it into an incomplete result. */
export class AnalysisLimitReached extends Error {
  constructor(readonly reason: AnalysisLimit) {
    super(reason);
    this.name = 'AnalysisLimitReached';
  }
}

export class AnalysisBudget {
  private remaining: number;
  private depth = 0;

  constructor(nodeCount: number) {
    this.remaining = BASE_STEPS + STEPS_PER_NODE * nodeCount;
  }

  spend(steps = 1): void {
    this.remaining -= steps;
    if (this.remaining < 0) throw new AnalysisLimitReached(BUDGET_EXCEEDED);
  }

  /** For recursion counted elsewhere (a library's own stack): past MAX_DEPTH the file is unknown. */
  checkDepth(depth: number): void {
    if (depth >= MAX_DEPTH) throw new AnalysisLimitReached(DEPTH_EXCEEDED);
  }

  /** Runs one level deeper; past MAX_DEPTH the file is unknown. */
  nested<T>(resolve: () => T): T {
    this.checkDepth(this.depth);
    this.depth++;
    try {
      return resolve();
    } finally {
      this.depth--;
    }
  }
}
