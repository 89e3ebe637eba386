/** The codemod options: validated once per run, turned into the rules' options (the same names). */
import { validateErrorHandler } from '../core/error-handler';
import { InvalidOptionError } from '../core/errors';
import { versionFromSetting } from '../core/redis-version';
import { remedyContext } from '../core/remedies';
import { SAFEGUARDS, safeguardOfTransform, type OptionSpec } from '../core/safeguards';
import { analyzeWithSettings } from '../rules/utils/analysis';
import type { CodemodOptions, SkippedSite, TransformName } from './api';
import type { LintOptions, LintedText } from './lint';

export interface ResolvedOptions {
  lint: LintOptions;
}

const POSITIVE_INTEGER_MESSAGE: Record<string, string> = {
  connectTimeout: 'connect timeout must be a positive whole number of milliseconds',
  maxRetries: 'max retries must be a positive whole number',
};

export function resolveCodemodOptions(options: CodemodOptions): ResolvedOptions {
  const given = options as Record<string, unknown>;
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const safeguard of SAFEGUARDS) {
    const values: Record<string, unknown> = {};
    for (const spec of safeguard.options as readonly OptionSpec[]) {
      if (spec.ruleOnly || given[spec.name] === undefined) continue;
      values[spec.name] = validated(spec, given[spec.name]);
    }
    ruleOptions[safeguard.rule] = values;
  }
  const version = redisVersionOf(options.redisVersion);
  return { lint: { cwd: options.cwd ?? process.cwd(), clientModules: options.clientModules ?? [], ruleOptions, version } };
}

function redisVersionOf(setting: CodemodOptions['redisVersion']): LintOptions['version'] {
  if (setting === undefined || setting === 'detect') return 'detect';
  const asNumber = typeof setting === 'string' && /^\d+$/.test(setting) ? Number(setting) : setting;
  if ((typeof asNumber === 'number' && asNumber < 2) || versionFromSetting(asNumber) === undefined) {
    throw new InvalidOptionError(`redis version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. 4.5.0), got ${String(setting)}`);
  }
  return asNumber;
}

function validated(spec: OptionSpec, value: unknown): unknown {
  if (spec.type === 'positive-integer' && (!Number.isSafeInteger(value) || (value as number) <= 0)) {
    const message = POSITIVE_INTEGER_MESSAGE[spec.name] ?? `${spec.name} must be a positive whole number`;
    throw new InvalidOptionError(`${message}, got ${String(value)}`);
  }
  if (spec.name === 'errorHandler') return validateErrorHandler(String(value)).source;
  return value;
}

/** Sites the transforms cannot judge (options they cannot see, a handler the file cannot hold), by the registry. */
export function unseenSites(
  linted: LintedText,
  transforms: readonly TransformName[],
  filePath: string,
  resolved: ResolvedOptions,
  inputLocation: (offset: number) => { line: number; column: number },
): SkippedSite[] {
  const settings = { clientModules: [...resolved.lint.clientModules], version: resolved.lint.version ?? 'detect' };
  const analysis = analyzeWithSettings(linted.sourceCode as never, settings, filePath, resolved.lint.cwd);
  if (!analysis) return [];
  if (analysis.incomplete) {
    // Past the analysis budget the file is unknown: the rules report nothing, so nothing is changed.
    return transforms.slice(0, 1).map((transform) => ({ transform, line: 1, column: 1, reason: `${analysis.incomplete}: the file is left unchanged` }));
  }
  return transforms.flatMap((transform) => {
    const safeguard = safeguardOfTransform(transform);
    const options = { ...defaultsOf(safeguard.options), ...resolved.lint.ruleOptions[safeguard.rule] };
    const input = { analysis, remedy: remedyContext(linted.text, filePath), options, filename: filePath, cwd: resolved.lint.cwd };
    return (safeguard.unseen?.(input) ?? []).map(({ node, reason }) => ({ transform, ...inputLocation(node.range[0]), reason }));
  });
}

function defaultsOf(specs: readonly OptionSpec[]): Record<string, unknown> {
  return Object.fromEntries(specs.filter((spec) => spec.default !== undefined).map((spec) => [spec.name, spec.default]));
}
