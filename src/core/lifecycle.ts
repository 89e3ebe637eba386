/**
 * The connection-lifecycle facts of a file: floating or misplaced `connect()` calls, 'error' listeners
 * that only rethrow, owners without a reconnect strategy, and owners made per request. Each fact is
 * computed the first time a rule asks for it, so a config without the rule that reads it does not pay
 * for it (measured by `npm run bench`). What depends on the file's name (whether top-level `await` is
 * allowed, Next.js route files) is kept as data for the rules to decide.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AnalysisLimitReached, type AnalysisLimit } from './budget';
import { ClientOptionsReader } from './client-options';
import { findConnectProblems, type ConnectFinding } from './connect-calls';
import { moduleSyntaxOf, type ModuleSyntax } from './connect-remedy';
import { perRequestVerdicts, type PerRequestVerdict } from './client-per-request';
import type { RedisClientAnalysis } from './find-clients';
import { findMissingReconnectStrategies, type MissingStrategyFinding } from './reconnect-strategy-presence';
import { findRethrowingErrorListeners, type RethrowingListenerFinding } from './rethrowing-listeners';

export class LifecycleFacts {
  private readonly computed = new Map<string, unknown>();
  private readonly limits = new Map<string, AnalysisLimit>();

  constructor(
    private readonly clients: RedisClientAnalysis,
    private readonly ast: TSESTree.Program,
  ) {}

  get connects(): readonly ConnectFinding[] {
    return this.fact('connects', () => findConnectProblems(this.clients), []);
  }

  get moduleSyntax(): ModuleSyntax {
    return this.fact('moduleSyntax', () => moduleSyntaxOf(this.ast, this.clients.values.globalScope), { esm: false, commonJsGlobals: false });
  }

  get rethrowingListeners(): readonly RethrowingListenerFinding[] {
    return this.fact('rethrowingListeners', () => findRethrowingErrorListeners(this.clients), []);
  }

  get missingReconnectStrategies(): readonly MissingStrategyFinding[] {
    const reader = () => new ClientOptionsReader(this.clients.values);
    return this.fact('missingReconnectStrategies', () => findMissingReconnectStrategies(this.clients.owners, reader()), []);
  }

  get perRequest(): readonly PerRequestVerdict[] {
    return this.fact('perRequest', () => perRequestVerdicts(this.clients, this.ast), []);
  }

  /**
   * The bound a fact hit (`budget.ts`), if it did: that fact is unknown and reads as empty, so the rules
   * that read it report nothing (the file's other findings stand: they were complete).
   */
  limitOf(name: 'connects' | 'rethrowingListeners' | 'missingReconnectStrategies' | 'perRequest'): AnalysisLimit | undefined {
    // Reading the fact computes it, and records the bound it hit.
    void this[name];
    return this.limits.get(name);
  }

  private fact<T>(name: string, compute: () => T, unknown: T): T {
    if (!this.computed.has(name)) {
      try {
        this.computed.set(name, compute());
      } catch (error) {
        if (!(error instanceof AnalysisLimitReached)) throw error;
        this.limits.set(name, error.reason);
        this.computed.set(name, unknown);
      }
    }
    return this.computed.get(name) as T;
  }
}
