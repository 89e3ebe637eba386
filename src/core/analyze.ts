/**
 * The entry point of the detection core, shared by the lint rules and the codemods: one analysis per
 * parsed file (cached, so the three rules share it), and the findings each safeguard cares about.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AnalysisLimitReached, type AnalysisLimit } from './budget';
import {
  ClientOptionsReader,
  type ConnectTimeoutCheck,
  type ConnectTimeoutProblem,
  type DisabledReconnect,
  type OptionInsertion,
} from './client-options';
import type { EscapeRoute } from './escapes';
import { RedisClientAnalysis, type RedisOwner } from './find-clients';
import { legacyOptionsOf, topLevelConnectTimeout, type LegacyOptionFinding } from './legacy-options';
import { LifecycleFacts } from './lifecycle';
import { mayUseRedis } from './redis-modules';
import { versionOfModule, type ProjectRedisVersions } from './redis-version';
import type { ParsedProgram } from './same-file-values';

/** Everything the rules and codemods need about one owner, computed within the file's budget. */
export interface OwnerChecks {
  /** Where the owner leaves the file, if it does; looked for only when it has no persistent 'error' listener. */
  escapeRoute: EscapeRoute | undefined;
  connectTimeout: ConnectTimeoutCheck;
  disabledReconnect: DisabledReconnect | undefined;
  /** Options node-redis v4+ ignores (none for v2/v3 owners). */
  legacyOptions: LegacyOptionFinding[];
  /** A top-level `connectTimeout`, when that is why `socket.connectTimeout` is missing. */
  misplacedTimeout: LegacyOptionFinding | undefined;
}

export interface FileAnalysis {
  /** The owners the file creates; empty when the analysis is incomplete. */
  owners: readonly RedisOwner[];
  checks: ReadonlyMap<RedisOwner, OwnerChecks>;
  /**
   * Set when the analysis hit a bound of `budget.ts` ('analysis budget exceeded', 'analysis depth
   * exceeded'): the file is unknown, so the rules report nothing for it and the codemods change
   * nothing. The codemods list such a file as skipped with this reason.
   */
  incomplete?: AnalysisLimit;
  /** Connection-lifecycle facts (`lifecycle.ts`), each computed when first read; absent when the analysis is incomplete. */
  lifecycle?: LifecycleFacts;
}

export interface AnalyzeInput {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager | null;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  traverse?: ParsedProgram['traverse'];
  sourceText: string;
  /** Wrapper modules and npm aliases that load node-redis. */
  clientModules: readonly string[];
  versions?: ProjectRedisVersions;
}

const NOTHING_KNOWN: ProjectRedisVersions = { modules: new Map(), main: undefined, key: 'unknown' };
const MISSING_IN_SOCKET = new Set<ConnectTimeoutProblem>(['missingTimeout', 'missingClusterTimeout', 'missingSentinelTimeout']);

const cache = new WeakMap<TSESTree.Program, Map<string, FileAnalysis | undefined>>();

/** Analyzes a file once per AST and settings; undefined when the file cannot create a node-redis owner. */
export function analyzeFile(input: AnalyzeInput): FileAnalysis | undefined {
  const settingsKey = `${input.clientModules.join('\0')}\u0001${input.versions?.key ?? NOTHING_KNOWN.key}`;
  let perSettings = cache.get(input.ast);
  if (!perSettings) {
    perSettings = new Map();
    cache.set(input.ast, perSettings);
  }
  if (perSettings.has(settingsKey)) return perSettings.get(settingsKey);
  const analysis = analyzeUncached(input);
  perSettings.set(settingsKey, analysis);
  return analysis;
}

function analyzeUncached({ scopeManager, versions = NOTHING_KNOWN, ...input }: AnalyzeInput): FileAnalysis | undefined {
  if (!scopeManager || !mayUseRedis(input.sourceText, input.clientModules)) return undefined;
  try {
    const versionOf = (moduleName: string) => versionOfModule(versions, moduleName);
    const clients = new RedisClientAnalysis({ ...input, scopeManager, versionOf });
    if (clients.owners.length === 0) return undefined;
    return { owners: clients.owners, checks: checkOwners(clients), lifecycle: new LifecycleFacts(clients, input.ast) };
  } catch (error) {
    if (error instanceof AnalysisLimitReached) return { owners: [], checks: new Map(), incomplete: error.reason };
    throw error;
  }
}

/** Runs every per-owner check now, so a bound is hit (or not) before any rule reports. */
function checkOwners(clients: RedisClientAnalysis): Map<RedisOwner, OwnerChecks> {
  const options = new ClientOptionsReader(clients.values);
  const context = { values: clients.values, options };
  const checks = new Map<RedisOwner, OwnerChecks>();
  for (const owner of clients.owners) {
    // An inert owner (never connected, never leaving the file) opens no connection: no timeout to ask for.
    const connectTimeout: ConnectTimeoutCheck = owner.inert
      ? { status: 'not-applicable', reason: 'never connected and never leaves the file' }
      : options.checkConnectTimeout(owner);
    const misplaced = connectTimeout.status === 'problem' && MISSING_IN_SOCKET.has(connectTimeout.problem);
    checks.set(owner, {
      escapeRoute: owner.errorListener === 'persistent' ? undefined : clients.escapeRoute(owner),
      connectTimeout,
      disabledReconnect: options.findDisabledReconnect(owner),
      legacyOptions: legacyOptionsOf(owner, context),
      misplacedTimeout: misplaced ? topLevelConnectTimeout(owner, context) : undefined,
    });
  }
  return checks;
}

export type ErrorListenerProblem = 'missingErrorListener' | 'missingDuplicateErrorListener' | 'onceOnly';

export interface ErrorListenerFinding {
  owner: RedisOwner;
  problem: ErrorListenerProblem;
  /** Where the owner leaves the file, if it does (the rule's `escapedClients` policy). */
  escapeRoute: EscapeRoute | undefined;
}

export function findMissingErrorListeners(analysis: FileAnalysis): ErrorListenerFinding[] {
  return analysis.owners
    .filter((owner) => owner.errorListener !== 'persistent' && !owner.inert)
    .map((owner) => ({
      owner,
      escapeRoute: checksOf(analysis, owner).escapeRoute,
      problem:
        owner.errorListener === 'once-only'
          ? 'onceOnly'
          : owner.factory === 'duplicate'
            ? 'missingDuplicateErrorListener'
            : 'missingErrorListener',
    }));
}

export interface ConnectTimeoutFinding {
  owner: RedisOwner;
  problem: ConnectTimeoutProblem;
  /** Where the timeout is written: one per way through the options that lacks it. */
  insertions: OptionInsertion[];
  /** `connectTimeout: 0` is reported at the 0; everything else at the factory's callee. */
  reportNode: TSESTree.Node;
  /** Set when the options have `connectTimeout` beside `socket`, where v4+ ignores it. */
  misplaced?: LegacyOptionFinding;
}

/** `onUnseen` hears of owners whose options cannot be seen (the codemod lists them as skipped). */
export function findMissingConnectTimeouts(
  analysis: FileAnalysis,
  onUnseen: (owner: RedisOwner, reason: string) => void = () => {},
): ConnectTimeoutFinding[] {
  const findings: ConnectTimeoutFinding[] = [];
  for (const owner of analysis.owners) {
    const { connectTimeout: check, misplacedTimeout } = checksOf(analysis, owner);
    if (check.status === 'unknown') onUnseen(owner, check.reason);
    if (check.status !== 'problem') continue;
    const { problem, insertions } = check;
    const [first] = insertions;
    const reportNode = problem === 'timeoutDisabled' && first?.type === 'value' ? first.node : ownerReportNode(owner);
    findings.push({ owner, problem, insertions, reportNode, misplaced: misplacedTimeout });
  }
  return findings;
}

export interface DisabledReconnectFinding extends DisabledReconnect {
  owner: RedisOwner;
}

/** One finding per `reconnectStrategy` property, even when several owners share the options object. */
export function findDisabledReconnects(analysis: FileAnalysis): DisabledReconnectFinding[] {
  const byProperty = new Map<TSESTree.Property, DisabledReconnectFinding>();
  for (const owner of analysis.owners) {
    const found = checksOf(analysis, owner).disabledReconnect;
    if (found && !byProperty.has(found.property)) byProperty.set(found.property, { owner, ...found });
  }
  return [...byProperty.values()];
}

/** Every option node-redis v4+ ignores, once per option even when several owners share it. */
export function findLegacyOptions(analysis: FileAnalysis): LegacyOptionFinding[] {
  const byNode = new Map<TSESTree.Node, LegacyOptionFinding>();
  for (const owner of analysis.owners) {
    for (const finding of checksOf(analysis, owner).legacyOptions) if (!byNode.has(finding.node)) byNode.set(finding.node, finding);
  }
  return [...byNode.values()];
}

function checksOf(analysis: FileAnalysis, owner: RedisOwner): OwnerChecks {
  const checks = analysis.checks.get(owner);
  if (!checks) throw new Error('internal error: an owner without checks');
  return checks;
}

/** Where ESLint reports an owner: the start of the factory's callee, as editors underline it. */
export function ownerReportNode(owner: RedisOwner): TSESTree.Node {
  return owner.node.callee;
}

export { OWNER_LABEL } from './redis-modules';
