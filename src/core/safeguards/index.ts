/**
 * The safeguard registry: one entry per safeguard names its rule, its transform, its options (one name
 * each, shared by the rule option, the jscodeshift option and the CLI flag) and how it reports and
 * remedies. The rules, the codemod engine, the CLI, its `--help` and the tests all read this list.
 */
import { DEFAULT_TEST_FILE_PATTERNS, isTestFile } from '../test-files';
import { connectTimeout as connectTimeoutInAllFiles } from './connect-timeout';
import { errorListener } from './error-listener';
import { reconnectStrategy as reconnectStrategyInAllFiles } from './reconnect-strategy';
import { floatingConnect } from './floating-connect';
import { legacyOptions } from './legacy-options';
import { missingReconnectStrategy } from './missing-reconnect-strategy';
import type { OptionSpec, Safeguard } from './types';

export type { OptionSpec, Safeguard, SafeguardReport, SafeguardInput, UnseenSite } from './types';
export { offeredRemedy } from './types';

/** One option for every safeguard that exempts test files: the same patterns, the same rule option and CLI flag. */
export const TEST_FILE_PATTERNS_OPTION: OptionSpec = {
  name: 'testFilePatterns',
  type: 'string-list',
  default: DEFAULT_TEST_FILE_PATTERNS,
  placeholder: '<glob>',
  description:
    'Glob patterns (relative to the working directory) of test files, which this rule and its codemod leave alone. They replace the defaults.',
  deprecated: { cliFlag: 'test-pattern' },
};

/**
 * A safeguard that reports nothing, and whose transform changes nothing, in test files: disabling
 * reconnection or leaving the connect timeout to node-redis is a decision for production code only.
 */
function exemptingTestFiles<Rule extends string, Transform extends string>(
  safeguard: Safeguard<Rule, Transform>,
): Safeguard<Rule, Transform> {
  const inTestFile = (input: Parameters<Safeguard['check']>[0]): boolean =>
    isTestFile(input.filename, input.cwd, input.options.testFilePatterns as string[]);
  const { unseen } = safeguard;
  return {
    ...safeguard,
    options: [...safeguard.options, TEST_FILE_PATTERNS_OPTION],
    check: (input) => (inTestFile(input) ? [] : safeguard.check(input)),
    ...(unseen ? { unseen: (input) => (inTestFile(input) ? [] : unseen(input)) } : {}),
  };
}

export const connectTimeout = exemptingTestFiles(connectTimeoutInAllFiles);
export const reconnectStrategy = exemptingTestFiles(reconnectStrategyInAllFiles);
export { errorListener };

// `migrate-legacy-options` first: the others remedy options once they are written the way v4+ reads them.
export const SAFEGUARDS = [legacyOptions, errorListener, connectTimeout, reconnectStrategy, floatingConnect, missingReconnectStrategy] as const;

type Registered = (typeof SAFEGUARDS)[number];
export type TransformName = Registered['transform'];
export type SafeguardRuleName = Registered['rule'];

/** Transform names in the order the codemod runs them. */
export const TRANSFORM_NAMES: readonly TransformName[] = SAFEGUARDS.map((safeguard) => safeguard.transform);

/** The transforms the CLI runs when none is named: all but the opt-in ones. */
export const DEFAULT_TRANSFORM_NAMES: readonly TransformName[] = SAFEGUARDS.filter((safeguard) => !safeguard.optIn).map((safeguard) => safeguard.transform);

export function safeguardOfTransform(transform: TransformName): Safeguard {
  return SAFEGUARDS.find((safeguard) => safeguard.transform === transform)!;
}

export function safeguardOfRule(rule: string): Safeguard | undefined {
  return SAFEGUARDS.find((safeguard) => safeguard.rule === rule);
}

/** Every option a transform reads, once (two safeguards share `testFilePatterns`). */
export function codemodOptions(): OptionSpec[] {
  const byName = new Map<string, OptionSpec>();
  for (const safeguard of SAFEGUARDS) {
    for (const option of safeguard.options as readonly OptionSpec[]) {
      if (!option.ruleOnly && !byName.has(option.name)) byName.set(option.name, option);
    }
  }
  return [...byName.values()];
}
