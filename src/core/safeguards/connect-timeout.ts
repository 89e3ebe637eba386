import { findMissingConnectTimeouts, ownerReportNode } from '../analyze';
import { OWNER_LABEL } from '../redis-modules';
import { DEFAULT_CONNECT_TIMEOUT_MS, connectTimeoutEdits } from '../remedies';
import type { Safeguard, UnseenSite } from './types';

/** Rule `require-connect-timeout`, transform `add-connect-timeout`. */
export const connectTimeout: Safeguard<'require-connect-timeout', 'add-connect-timeout'> = {
  rule: 'require-connect-timeout',
  transform: 'add-connect-timeout',
  summary: 'socket: { connectTimeout } in the client options',
  options: [
    {
      name: 'connectTimeout',
      type: 'positive-integer',
      default: DEFAULT_CONNECT_TIMEOUT_MS,
      placeholder: '<ms>',
      description: 'Milliseconds the remedy writes as `connectTimeout` (default 10000).',
      deprecated: { ruleOption: 'suggestedTimeout' },
    },
  ],
  check({ analysis, remedy, options }) {
    const milliseconds = options.connectTimeout as number;
    return findMissingConnectTimeouts(analysis).map((finding) => ({
      node: finding.reportNode,
      messageId: finding.problem,
      data: { kind: OWNER_LABEL[finding.owner.kind] },
      remedy: { messageId: 'addConnectTimeout', data: { milliseconds }, edits: connectTimeoutEdits(finding, remedy, milliseconds) },
    }));
  },
  unseen({ analysis }) {
    const sites: UnseenSite[] = [];
    findMissingConnectTimeouts(analysis, (owner, reason) => sites.push({ node: ownerReportNode(owner), reason }));
    return sites;
  },
};
