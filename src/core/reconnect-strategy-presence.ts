/**
 * v4+ owners whose options set no `socket.reconnectStrategy` where node-redis reads it (facts §0.2, §4):
 * the default strategy retries forever, so while Redis is down `connect()` never settles and commands
 * queue without bound. Options the file cannot see are left alone.
 */
import { SOCKET_PATH, type ClientOptionsReader, type OptionInsertion } from './client-options';
import type { RedisOwner } from './find-clients';
import { boundedStrategyValue, optionEdits, type RemedyContext, type TextEdit } from './remedies';

export type MissingStrategyProblem =
  | 'missingReconnectStrategy'
  | 'missingClusterReconnectStrategy'
  | 'missingSentinelReconnectStrategy'
  | 'duplicateSocketOverride';

export interface MissingStrategyFinding {
  owner: RedisOwner;
  problem: MissingStrategyProblem;
  insertion: OptionInsertion;
}

const MISSING_PROBLEM: Record<RedisOwner['kind'], MissingStrategyProblem> = {
  client: 'missingReconnectStrategy',
  pool: 'missingReconnectStrategy',
  cluster: 'missingClusterReconnectStrategy',
  sentinel: 'missingSentinelReconnectStrategy',
};

export function findMissingReconnectStrategies(owners: readonly RedisOwner[], options: ClientOptionsReader): MissingStrategyFinding[] {
  return owners.flatMap((owner) => {
    const check = checkOwner(options, owner);
    return check ? [{ owner, ...check }] : [];
  });
}

function checkOwner(reader: ClientOptionsReader, owner: RedisOwner): Omit<MissingStrategyFinding, 'owner'> | undefined {
  // v2/v3 has no socket options; `createPool()` and a duplicate without a `socket` override inherit theirs.
  if (owner.legacy || owner.factory === 'createPool') return undefined;
  const socketPath = SOCKET_PATH[owner.kind];
  const strategyPath = [...socketPath, 'reconnectStrategy'];
  const options = owner.node.arguments[0];
  if (!options) {
    if (owner.parent || owner.kind === 'cluster' || owner.kind === 'sentinel') return undefined;
    return { problem: 'missingReconnectStrategy', insertion: { type: 'argument', call: owner.node, path: strategyPath } };
  }
  if (owner.parent && !('found' in reader.lookup(options, [socketPath[0]!]))) return undefined;
  const lookup = reader.lookup(options, strategyPath);
  if (!('missing' in lookup)) return undefined;
  const problem = owner.parent ? 'duplicateSocketOverride' : MISSING_PROBLEM[owner.kind];
  return { problem, insertion: { type: 'property', object: lookup.missing, path: lookup.path } };
}

export function reconnectStrategyEdits(finding: MissingStrategyFinding, context: RemedyContext, maxRetries: number): TextEdit[] {
  return optionEdits(finding.insertion, boundedStrategyValue(finding.owner, context, maxRetries), context);
}
