import { findMissingConnectTimeouts, ownerReportNode, type ConnectTimeoutFinding } from '../analyze';
import { legacyOptionEdits } from '../legacy-option-remedies';
import { clientOptionsPrefix, type LegacyOptionFinding } from '../legacy-options';
import { OWNER_LABEL } from '../redis-modules';
import { DEFAULT_CONNECT_TIMEOUT_MS, connectTimeoutEdits, type RemedyContext } from '../remedies';
import type { Safeguard, SafeguardReport, UnseenSite } from './types';

/** v4+ ignores it there: say so, and move it (never add a second one in `socket`). */
function misplacedReport(finding: ConnectTimeoutFinding, misplaced: LegacyOptionFinding, remedy: RemedyContext): SafeguardReport {
  return {
    node: finding.reportNode,
    messageId: 'topLevelTimeout',
    data: { kind: OWNER_LABEL[finding.owner.kind], prefix: clientOptionsPrefix(finding.owner) },
    remedy: misplaced.remedy && { messageId: 'moveConnectTimeout', edits: legacyOptionEdits(misplaced, remedy) },
  };
}

const POSITIONAL_REASON = 'v2/v3 positional arguments, which node-redis v4+ ignores: `migrate-legacy-options` turns them into options first';

/** Rule `require-connect-timeout`, transform `add-connect-timeout`. The registry exempts test files. */
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
    return findMissingConnectTimeouts(analysis).map((finding) => {
      if (finding.misplaced) return misplacedReport(finding, finding.misplaced, remedy);
      // Positional arguments have no insertion (nowhere to hold a timeout), so their remedy has no edits.
      return {
        node: finding.reportNode,
        messageId: finding.problem,
        data: { kind: OWNER_LABEL[finding.owner.kind] },
        remedy: { messageId: 'addConnectTimeout', data: { milliseconds }, edits: connectTimeoutEdits(finding, remedy, milliseconds) },
      };
    });
  },
  unseen({ analysis }) {
    const sites: UnseenSite[] = [];
    const findings = findMissingConnectTimeouts(analysis, (owner, reason) => sites.push({ node: ownerReportNode(owner), reason }));
    for (const { reportNode, misplaced, problem } of findings) {
      if (misplaced && !misplaced.remedy) sites.push({ node: reportNode, reason: `the top-level \`connectTimeout\` cannot be moved into \`socket\` where it is written` });
      if (problem === 'positionalArguments') sites.push({ node: reportNode, reason: POSITIONAL_REASON });
    }
    return sites;
  },
};
