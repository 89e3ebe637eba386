/**
 * The connection-lifecycle facts of a file, computed with its analysis (so within its budget, before any
 * rule reports): floating or misplaced `connect()` calls, 'error' listeners that only rethrow, owners
 * without a reconnect strategy, and owners made per request. What depends on the file's name (whether
 * top-level `await` is allowed, Next.js route files) is kept as data for the rules to decide.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { ClientOptionsReader } from './client-options';
import { findConnectProblems, type ConnectFinding } from './connect-calls';
import { moduleSyntaxOf, type ModuleSyntax } from './connect-remedy';
import { perRequestVerdicts, type PerRequestVerdict } from './client-per-request';
import type { RedisClientAnalysis } from './find-clients';
import { findMissingReconnectStrategies, type MissingStrategyFinding } from './reconnect-strategy-presence';
import { findRethrowingErrorListeners, type RethrowingListenerFinding } from './rethrowing-listeners';

export interface LifecycleFacts {
  connects: readonly ConnectFinding[];
  moduleSyntax: ModuleSyntax;
  rethrowingListeners: readonly RethrowingListenerFinding[];
  missingReconnectStrategies: readonly MissingStrategyFinding[];
  perRequest: readonly PerRequestVerdict[];
}

export function analyzeLifecycle(clients: RedisClientAnalysis, ast: TSESTree.Program): LifecycleFacts {
  return {
    connects: findConnectProblems(clients),
    moduleSyntax: moduleSyntaxOf(ast, clients.values.globalScope),
    rethrowingListeners: findRethrowingErrorListeners(clients),
    missingReconnectStrategies: findMissingReconnectStrategies(clients.owners, new ClientOptionsReader(clients.values)),
    perRequest: perRequestVerdicts(clients, ast),
  };
}
