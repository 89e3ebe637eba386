import { ownerReportNode } from '../analyze';
import { reconnectStrategyEdits } from '../reconnect-strategy-presence';
import { OWNER_LABEL } from '../redis-modules';
import { MAX_RETRIES_OPTION } from './reconnect-strategy';
import type { Safeguard } from './types';

/** Rule `require-reconnect-strategy` (strict config), opt-in transform `add-reconnect-strategy`. */
export const missingReconnectStrategy: Safeguard<'require-reconnect-strategy', 'add-reconnect-strategy'> = {
  rule: 'require-reconnect-strategy',
  transform: 'add-reconnect-strategy',
  summary: 'a reconnectStrategy that gives up after N retries where none is set',
  optIn: true,
  options: [MAX_RETRIES_OPTION],
  check({ analysis, remedy, options }) {
    const maxRetries = options.maxRetries as number;
    return (analysis.lifecycle?.missingReconnectStrategies ?? []).map((finding) => ({
      node: ownerReportNode(finding.owner),
      messageId: finding.problem,
      data: { kind: OWNER_LABEL[finding.owner.kind] },
      remedy: { messageId: 'addBoundedStrategy', data: { maxRetries }, edits: reconnectStrategyEdits(finding, remedy, maxRetries) },
    }));
  },
  unseen({ analysis }) {
    const limit = analysis.lifecycle?.limitOf('missingReconnectStrategies');
    return limit ? [{ node: ownerReportNode(analysis.owners[0]!), reason: `${limit}: the file is left unchanged` }] : [];
  },
};
