import { findDisabledReconnects } from '../analyze';
import { OWNER_LABEL } from '../redis-modules';
import { DEFAULT_MAX_RETRIES, boundedReconnectEdits } from '../remedies';
import type { OptionSpec, Safeguard } from './types';

/** One option for both bounded-strategy remedies: the same rule option and CLI flag. */
export const MAX_RETRIES_OPTION: OptionSpec = {
  name: 'maxRetries',
  type: 'positive-integer',
  default: DEFAULT_MAX_RETRIES,
  placeholder: '<n>',
  description: 'Attempts before the strategy the remedy writes gives up (default 20).',
};

/** Rule `no-disabled-reconnect`, transform `bound-reconnect-strategy`. The registry exempts test files. */
export const reconnectStrategy: Safeguard<'no-disabled-reconnect', 'bound-reconnect-strategy'> = {
  rule: 'no-disabled-reconnect',
  transform: 'bound-reconnect-strategy',
  summary: 'a reconnectStrategy that gives up after N retries',
  options: [MAX_RETRIES_OPTION],
  check({ analysis, remedy, options }) {
    const maxRetries = options.maxRetries as number;
    return findDisabledReconnects(analysis).map((finding) => ({
      node: finding.target,
      messageId: finding.problem,
      data: { kind: OWNER_LABEL[finding.owner.kind] },
      remedy: { messageId: 'useBoundedStrategy', data: { maxRetries }, edits: boundedReconnectEdits(finding, remedy, maxRetries) },
    }));
  },
};
