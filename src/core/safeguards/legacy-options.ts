import { findLegacyOptions } from '../analyze';
import { legacyOptionEdits } from '../legacy-option-remedies';
import type { Safeguard } from './types';

/** The suggestion's message, per rewrite. */
const SUGGESTION = {
  positional: 'useOptionsObject',
  moveIntoSocket: 'moveIntoSocket',
  rename: 'renameOption',
  invertOfflineQueue: 'invertOfflineQueue',
  moveUrlOut: 'moveUrlOut',
} as const;

/** Why an option is left for a person: what it means in v4+ is not a rename. */
const NO_REWRITE: Readonly<Record<string, string>> = {
  positionalArguments: 'positional arguments whose meaning cannot be seen: pass `{ url }` or `{ socket: { host, port } }` by hand',
  retryStrategyOption: '`retry_strategy` receives an options object: rewrite it as `socket.reconnectStrategy(retries, cause)` by hand',
  connectTimeoutOption: "`connect_timeout` was v3's total reconnect budget: set `socket.connectTimeout` and a bounded `socket.reconnectStrategy` by hand",
  snakeCaseOption: 'a v2/v3 option with no mechanical v4+ equivalent',
  legacyModeRemoved: '`legacyMode` was removed in v5: call `client.legacy()` where the callback API is used',
};

/** Rule `no-legacy-options`, transform `migrate-legacy-options`. */
export const legacyOptions: Safeguard<'no-legacy-options', 'migrate-legacy-options'> = {
  rule: 'no-legacy-options',
  transform: 'migrate-legacy-options',
  summary: 'v4+ names for options v4+ ignores (db → database)',
  options: [],
  revealsOptions: true,
  check({ analysis, remedy }) {
    return findLegacyOptions(analysis).map((finding) => {
      const data = { key: finding.key, replacement: finding.replacement };
      return {
        node: finding.node,
        messageId: finding.problem,
        data,
        remedy: finding.remedy && { messageId: SUGGESTION[finding.remedy.type], data, edits: legacyOptionEdits(finding, remedy) },
      };
    });
  },
  unseen({ analysis }) {
    return findLegacyOptions(analysis)
      .filter((finding) => !finding.remedy)
      .map((finding) => ({ node: finding.node, reason: NO_REWRITE[finding.problem] ?? `\`${finding.key}\` cannot be rewritten where it is written` }));
  },
};
