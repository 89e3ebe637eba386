/**
 * The entry point of the detection core, shared by the lint rules and the codemods: one analysis per
 * parsed file (cached, so the three rules share it), and the findings each safeguard cares about.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ClientOptionsReader, type ConnectTimeoutProblem, type DisabledReconnect, type OptionInsertion } from './client-options';
import { RedisClientAnalysis, type RedisOwner } from './find-clients';
import { mayUseRedis } from './redis-modules';
import { versionOfModule, type ProjectRedisVersions, type RedisVersion } from './redis-version';

export interface FileAnalysis {
  owners: readonly RedisOwner[];
  clients: RedisClientAnalysis;
  options: ClientOptionsReader;
  /** The node-redis version of each module the file may load (nothing known when none was given). */
  versions: ProjectRedisVersions;
}

export interface AnalyzeInput {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager | null;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  sourceText: string;
  /** Wrapper modules and npm aliases that load node-redis. */
  clientModules: readonly string[];
  versions?: ProjectRedisVersions;
}

const NOTHING_KNOWN: ProjectRedisVersions = { modules: new Map(), main: undefined, key: 'unknown' };

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
  const clients = new RedisClientAnalysis({ ...input, scopeManager, versionOf: (moduleName) => versionOfModule(versions, moduleName) });
  if (clients.owners.length === 0) return undefined;
  return { owners: clients.owners, clients, options: new ClientOptionsReader(clients.values), versions };
}

/** The node-redis version an owner is created with, when the project says. */
export function ownerVersion(owner: RedisOwner): RedisVersion | undefined {
  return owner.version;
}

export type ErrorListenerProblem = 'missingErrorListener' | 'missingDuplicateErrorListener' | 'onceOnly';

export interface ErrorListenerFinding {
  owner: RedisOwner;
  problem: ErrorListenerProblem;
}

export function findMissingErrorListeners(analysis: FileAnalysis): ErrorListenerFinding[] {
  return analysis.owners
    .filter((owner) => owner.errorListener !== 'persistent' && !owner.inert)
    .map((owner) => ({
      owner,
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
  insertion: OptionInsertion;
  /** `connectTimeout: 0` is reported at the 0; everything else at the factory's callee. */
  reportNode: TSESTree.Node;
}

/** `onUnseen` hears of owners whose options cannot be seen (the codemod lists them as skipped). */
export function findMissingConnectTimeouts(
  analysis: FileAnalysis,
  onUnseen: (owner: RedisOwner, reason: string) => void = () => {},
): ConnectTimeoutFinding[] {
  const findings: ConnectTimeoutFinding[] = [];
  for (const owner of analysis.owners) {
    if (owner.inert) continue;
    const check = analysis.options.checkConnectTimeout(owner);
    if (check.status === 'unknown') onUnseen(owner, check.reason);
    if (check.status !== 'problem') continue;
    const { problem, insertion } = check;
    const reportNode = problem === 'timeoutDisabled' && insertion.type === 'value' ? insertion.node : ownerReportNode(owner);
    findings.push({ owner, problem, insertion, reportNode });
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
    const found = analysis.options.findDisabledReconnect(owner);
    if (found && !byProperty.has(found.property)) byProperty.set(found.property, { owner, ...found });
  }
  return [...byProperty.values()];
}

/** Where ESLint reports an owner: the start of the factory's callee, as editors underline it. */
export function ownerReportNode(owner: RedisOwner): TSESTree.Node {
  return owner.node.callee;
}

export { OWNER_LABEL } from './redis-modules';
