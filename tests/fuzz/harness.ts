/** Typed access to the fuzzing harness in fuzz/lib (plain ES modules that `npm run fuzz` runs on dist/). */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureBuilt } from '../helpers/cli-harness';

export interface Failure {
  invariant: string;
  kind: string;
  detail: string;
}

export interface CheckResult {
  failures: Failure[];
  stats: Record<string, unknown>;
}

export interface CampaignRun {
  results: CheckResult[];
  counts: Map<string, { cases: number; kinds: Map<string, { count: number; first: number; detail: string }> }>;
  stats: { cases: number; suggestions: number; changed: number; invalid: number; outcomes: Record<string, number> };
}

export interface CampaignOptions {
  runs: number;
  seed: number;
  workers?: number;
  timeoutMs?: number;
  cli?: boolean;
  shrink?: boolean;
}

async function load<T>(relative: string): Promise<T> {
  ensureBuilt();
  return (await import(pathToFileURL(path.join(ROOT, relative)).href)) as T;
}

/** Every invariant on one file, in this thread (no time limit). */
export async function checkText(text: string, filename: string, options: { errorHandler?: string } = {}): Promise<CheckResult> {
  const harness = await load<{ checkText: (t: string, f: string, o: object) => CheckResult }>('fuzz/lib/check-case.mjs');
  return harness.checkText(text, filename, options);
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignRun> {
  const harness = await load<{ runCampaign: (o: CampaignOptions) => Promise<CampaignRun> }>('fuzz/lib/campaign.mjs');
  return harness.runCampaign(options);
}

/** The failures of one invariant as `invariant [kind]`, sorted, each once. */
export function kindsOf(run: CampaignRun, invariant: string): string[] {
  return [...(run.counts.get(invariant)?.kinds.keys() ?? [])].sort();
}

/** Invariants about time (a case's time limit, the lint and codemod budgets): reported, never asserted. */
export const TIMED = new Set(['hang', 'lint-over-budget', 'codemod-over-budget']);

/** `invariant [kind]` for each failure of a single file, but for the timed ones. */
export function failureKinds(result: CheckResult): string[] {
  return result.failures.filter((failure) => !TIMED.has(failure.invariant)).map((failure) => `${failure.invariant} [${failure.kind}]`).sort();
}
