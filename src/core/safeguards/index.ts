/**
 * The safeguard registry: one entry per safeguard names its rule, its transform, its options (one name
 * each, shared by the rule option, the jscodeshift option and the CLI flag) and how it reports and
 * remedies. The rules, the codemod engine, the CLI, its `--help` and the tests all read this list.
 */
import { connectTimeout } from './connect-timeout';
import { errorListener } from './error-listener';
import { legacyOptions } from './legacy-options';
import { floatingConnect } from './floating-connect';
import { missingReconnectStrategy } from './missing-reconnect-strategy';
import { reconnectStrategy } from './reconnect-strategy';
import type { OptionSpec, Safeguard } from './types';

export type { OptionSpec, Safeguard, SafeguardReport, SafeguardInput, UnseenSite } from './types';

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

/** Every option a transform reads, once (two safeguards may share one, like `testFilePatterns`). */
export function codemodOptions(): OptionSpec[] {
  const byName = new Map<string, OptionSpec>();
  for (const safeguard of SAFEGUARDS) {
    for (const option of safeguard.options as readonly OptionSpec[]) {
      if (!option.ruleOnly && !byName.has(option.name)) byName.set(option.name, option);
    }
  }
  return [...byName.values()];
}
