// The invariants, in the order the report lists them. `timed` ones depend on the machine's speed:
// reported by `npm run fuzz`, never asserted in `npm test`.
export const INVARIANTS = [
  { id: 'rule-crash', label: 'rule crashes (a rule throws, or a fatal message only with the plugin)' },
  { id: 'hang', label: 'cases past the time limit (or a dead worker thread)', timed: true },
  { id: 'lint-over-budget', label: 'files over the lint budget (20x parse + 50 ms)', timed: true },
  { id: 'codemod-over-budget', label: 'files over the codemod budget (20x parse of input or output + 50 ms)', timed: true },
  { id: 'suggestion-parse', label: 'suggestions whose output does not parse in its own language' },
  { id: 'suggestion-report', label: 'suggestions that leave their report or add another' },
  { id: 'codemod-crash', label: 'codemod throws on a file that parses' },
  { id: 'codemod-parse', label: 'codemod output that does not parse in its own language' },
  { id: 'codemod-removes', label: 'codemod removes user code' },
  { id: 'codemod-structure', label: 'codemod insertions that bind into user code (meaning changes)' },
  { id: 'codemod-second-run', label: 'codemod output that changes on a second run' },
  { id: 'codemod-leftover', label: 'reports left after the codemod that it did not list as skipped' },
  { id: 'skipped-position', label: 'skipped sites whose line:column is not in the input' },
  { id: 'cli-dies', label: 'CLI runs that die, time out or print no summary (per file)' },
  { id: 'cli-file-error', label: 'CLI errors or disagreements with transformSource on one file' },
];

export const INVARIANT_IDS = INVARIANTS.map((invariant) => invariant.id);
export const TIMED = new Set(INVARIANTS.filter((invariant) => invariant.timed).map((invariant) => invariant.id));
