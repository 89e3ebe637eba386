/**
 * Options that node-redis v4+ silently ignores or misreads because they are written the v2/v3 way (or
 * the ioredis way): a URL or port passed as an argument, `host`/`port`/`tls`/… at the top level instead
 * of in `socket`, `db`, snake_case keys, `socket.url`, and `legacyMode` from v5 on. Only for owners
 * written against v4+; options that cannot be seen are never guessed at.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import type { ClientOptionsReader } from './client-options';
import { conditionalBranches, mergedArguments, propertyKeyName, unwrap } from './ast';
import { lineage, type RedisOwner } from './find-clients';
import { planOptionRemedy, RENAMED_OPTIONS, type OptionRemedy, type OptionsSite } from './legacy-option-plans';
import { positionalArgumentsOf, type PositionalArguments } from './legacy-positional';
import type { SameFileValues } from './same-file-values';

/** What the detection reads: the file's values and the options reader. */
export interface OptionsContext {
  values: SameFileValues;
  options: ClientOptionsReader;
}

type Node = TSESTree.Node;

export type LegacyOptionProblem =
  | 'positionalArguments'
  | 'topLevelSocketOption'
  | 'renamedOption'
  | 'offlineQueueOption'
  | 'retryStrategyOption'
  | 'connectTimeoutOption'
  | 'snakeCaseOption'
  | 'socketUrl'
  | 'legacyModeRemoved';

export interface LegacyOptionFinding {
  owner: RedisOwner;
  problem: LegacyOptionProblem;
  /** Where it is reported: the option's key, or the positional arguments' first. */
  node: Node;
  /** The option as written (`db`, `host`), or for positional arguments what they are. */
  key: string;
  /** What v4+ reads instead, in words for the message (`database`, `socket.host`, `{ url }`). */
  replacement: string;
  /** The mechanical rewrite, when there is one that is safe here. */
  remedy?: LegacyOptionRemedy;
}

export type LegacyOptionRemedy = OptionRemedy | { type: 'positional'; positional: PositionalArguments };

/** Read by v4+ under `socket`, ignored at the top level. */
export const SOCKET_OPTION_KEYS = new Set(['host', 'port', 'path', 'tls', 'connectTimeout', 'reconnectStrategy', 'keepAlive', 'noDelay']);

const OFFLINE_QUEUE_KEYS = new Set(['enable_offline_queue', 'enableOfflineQueue']);
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

const MAX_CANDIDATE_KEYS = 32;
const MAX_SPREAD_OBJECTS = 16;

function isIgnoredOptionName(key: string): boolean {
  return (
    SOCKET_OPTION_KEYS.has(key) ||
    RENAMED_OPTIONS.has(key) ||
    OFFLINE_QUEUE_KEYS.has(key) ||
    key === 'legacyMode' ||
    SNAKE_CASE.test(key)
  );
}

/** Where each kind of owner passes client options on: the call's own options, or a part of them. */
const CLIENT_OPTION_PATHS: Record<RedisOwner['kind'], readonly (readonly string[])[]> = {
  client: [[]],
  pool: [[]],
  cluster: [['defaults']],
  sentinel: [['nodeClientOptions'], ['sentinelClientOptions']],
};

/** The ignored options of one owner, when it is written against v4+ (or may be: then only v4-only spellings). */
export function legacyOptionsOf(owner: RedisOwner, context: OptionsContext): LegacyOptionFinding[] {
  const { version } = owner;
  const api = version ? (version.major >= 4 ? 'v4+' : 'v2/v3') : apiFromSyntax(owner);
  if (api === 'v2/v3') return [];
  const findings = new OwnerOptions(context, owner, (version?.major ?? 4) >= 5).findings();
  return api === 'unknown' ? findings.filter((finding) => V4_ONLY_SPELLINGS.has(finding.key)) : findings;
}

/**
 * The `connectTimeout` an owner sets beside `socket` (in the client options where the connect-timeout
 * check looks: `defaults` of a cluster, `nodeClientOptions` of a sentinel) instead of inside it.
 */
export function topLevelConnectTimeout(owner: RedisOwner, context: OptionsContext): LegacyOptionFinding | undefined {
  return new OwnerOptions(context, owner, false)
    .findings(1)
    .find((finding) => finding.key === 'connectTimeout' && finding.problem === 'topLevelSocketOption');
}

/** Where the client options sit in an owner's options, as the messages name it (`defaults.`). */
export function clientOptionsPrefix(owner: RedisOwner): string {
  const [path] = CLIENT_OPTION_PATHS[owner.kind];
  return path!.map((key) => `${key}.`).join('');
}

class OwnerOptions {
  constructor(
    private readonly context: OptionsContext,
    private readonly owner: RedisOwner,
    private readonly v5Plus: boolean,
  ) {}

  /** The findings in the first `sites` places the owner passes client options on. */
  findings(sites = Number.POSITIVE_INFINITY): LegacyOptionFinding[] {
    const { owner } = this;
    if (owner.factory === 'createPool') return [];
    const positional = owner.kind === 'client' && !owner.parent ? positionalArgumentsOf(owner.node, this.context.values) : undefined;
    if (positional) return [this.positionalFinding(positional)];
    const options = owner.node.arguments[0];
    if (!options || options.type === AST_NODE_TYPES.SpreadElement) return [];
    return CLIENT_OPTION_PATHS[owner.kind].slice(0, sites).flatMap((prefix) => {
      const site = this.clientOptionsAt(options, prefix);
      return site ? this.siteFindings(site) : [];
    });
  }

  private positionalFinding(positional: PositionalArguments): LegacyOptionFinding {
    return {
      owner: this.owner,
      problem: 'positionalArguments',
      node: positional.reportNode,
      key: positional.description,
      replacement: positional.replacement,
      remedy: positional.shape ? { type: 'positional', positional } : undefined,
    };
  }

  /** The client options object at `prefix` inside the owner's options (`defaults` of a cluster). */
  private clientOptionsAt(options: Node, prefix: readonly string[]): OptionsSite | undefined {
    if (prefix.length === 0) return { expression: options, ownerKind: this.owner.kind };
    const lookup = this.context.options.lookup(options, prefix);
    return 'found' in lookup ? { expression: lookup.found.value, ownerKind: this.owner.kind } : undefined;
  }

  private siteFindings(site: OptionsSite): LegacyOptionFinding[] {
    const findings: LegacyOptionFinding[] = [];
    for (const key of this.candidateKeys(site.expression)) {
      const lookup = this.context.options.lookup(site.expression, [key]);
      if (!('found' in lookup)) continue;
      const finding = this.keyFinding(site, key, lookup.found);
      if (finding) findings.push(finding);
    }
    const url = this.context.options.lookup(site.expression, ['socket', 'url']);
    if ('found' in url) findings.push(this.finding(site, 'socketUrl', url.found, 'url', 'url'));
    return [...findings, ...this.conditionalFindings(site)];
  }

  /**
   * The ignored options in a conditional spread of the options (`...(isTest && { enableOfflineQueue: false })`):
   * ignored whenever the branch applies. Reported without a remedy: a rename there could meet the same key
   * in the other branch or around it.
   */
  private conditionalFindings(site: OptionsSite): LegacyOptionFinding[] {
    const object = unwrap(this.context.values.resolveConstant(site.expression));
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return object.properties.flatMap((member) => {
      if (member.type !== AST_NODE_TYPES.SpreadElement) return [];
      const objects = (conditionalBranches(member.argument) ?? []).map(unwrap).filter((branch) => branch.type === AST_NODE_TYPES.ObjectExpression);
      return objects.flatMap((branch) =>
        branch.properties.flatMap((property) => {
          const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
          const finding = key !== undefined && isIgnoredOptionName(key) ? this.keyFinding(site, key, property as TSESTree.Property) : undefined;
          return finding ? [{ ...finding, remedy: undefined }] : [];
        }),
      );
    });
  }

  private keyFinding(site: OptionsSite, key: string, property: TSESTree.Property): LegacyOptionFinding | undefined {
    if (SOCKET_OPTION_KEYS.has(key)) return this.finding(site, 'topLevelSocketOption', property, key, `socket.${key}`);
    if (key === 'db' && site.ownerKind === 'cluster') return undefined; // a cluster has only database 0
    const renamed = RENAMED_OPTIONS.get(key);
    if (renamed) return this.finding(site, 'renamedOption', property, key, renamed);
    if (OFFLINE_QUEUE_KEYS.has(key)) return this.finding(site, 'offlineQueueOption', property, key, 'disableOfflineQueue');
    if (key === 'retry_strategy') return this.finding(site, 'retryStrategyOption', property, key, 'socket.reconnectStrategy');
    if (key === 'connect_timeout') return this.finding(site, 'connectTimeoutOption', property, key, 'socket.connectTimeout');
    if (key === 'legacyMode' && this.v5Plus) return this.finding(site, 'legacyModeRemoved', property, key, 'client.legacy()');
    if (SNAKE_CASE.test(key)) return this.finding(site, 'snakeCaseOption', property, key, '');
    return undefined;
  }

  private finding(
    site: OptionsSite,
    problem: LegacyOptionProblem,
    property: TSESTree.Property,
    key: string,
    replacement: string,
  ): LegacyOptionFinding {
    // With the key written twice, renaming or moving the one that counts would bring the other to life.
    const remedy = writtenTwice(property, key) ? undefined : planOptionRemedy(problem, site, property, this.context);
    return { owner: this.owner, problem, node: property.key, key, replacement, remedy };
  }

  /**
   * The ignored-option names written in the options and in the same-file objects spread or merged into them; the
   * lookup then decides which of them count. At most MAX_CANDIDATE_KEYS, so that the lookups (each
   * linear in the object's size) stay linear in total however large the object is.
   */
  private candidateKeys(expression: Node, keys = new Set<string>(), seen = new Set<Node>()): Set<string> {
    const object = this.context.values.resolveConstant(expression);
    if (seen.has(object) || seen.size > MAX_SPREAD_OBJECTS) return keys;
    const merged = mergedArguments(object);
    if (merged) {
      seen.add(object);
      for (const argument of merged) this.candidateKeys(argument, keys, seen);
      return keys;
    }
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return keys;
    seen.add(object);
    for (const member of object.properties) {
      if (keys.size >= MAX_CANDIDATE_KEYS) break;
      if (member.type === AST_NODE_TYPES.SpreadElement) {
        this.candidateKeys(member.argument, keys, seen);
      } else {
        const key = propertyKeyName(member);
        if (key !== undefined && isIgnoredOptionName(key)) keys.add(key);
      }
    }
    return keys;
  }
}

/**
 * Without a version, a `connect()` call on the client (or what it was made from) shows v4+ code and
 * v2/v3-style syntax shows v3 code. Code that shows neither is only checked for spellings no v2/v3 code
 * uses (`host`, `tls`, `db` and a URL string are right in v3).
 */
function apiFromSyntax(owner: RedisOwner): 'v4+' | 'v2/v3' | 'unknown' {
  if (lineage(owner).some((one) => one.connected)) return 'v4+';
  return owner.legacy ? 'v2/v3' : 'unknown';
}

const V4_ONLY_SPELLINGS = new Set(['connectTimeout', 'reconnectStrategy', 'keepAlive', 'noDelay', 'enableOfflineQueue', 'url']);

function writtenTwice(property: TSESTree.Property, key: string): boolean {
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return object.properties.filter((other) => other.type === AST_NODE_TYPES.Property && propertyKeyName(other) === key).length > 1;
}
