import { findDisabledReconnects } from '../analyze';
import { OWNER_LABEL } from '../redis-modules';
import { DEFAULT_MAX_RETRIES, boundedReconnectEdits } from '../remedies';
import { DEFAULT_TEST_FILE_PATTERNS, isTestFile } from '../test-files';
import type { Safeguard } from './types';

/** Rule `no-disabled-reconnect`, transform `bound-reconnect-strategy`. */
export const reconnectStrategy: Safeguard<'no-disabled-reconnect', 'bound-reconnect-strategy'> = {
  rule: 'no-disabled-reconnect',
  transform: 'bound-reconnect-strategy',
  summary: 'a reconnectStrategy that gives up after N retries',
  options: [
    {
      name: 'testFilePatterns',
      type: 'string-list',
      default: DEFAULT_TEST_FILE_PATTERNS,
      placeholder: '<glob>',
      description:
        'Glob patterns (relative to the working directory) of test files, where disabling reconnection is allowed. They replace the defaults.',
      deprecated: { cliFlag: 'test-pattern' },
    },
    {
      name: 'maxRetries',
      type: 'positive-integer',
      default: DEFAULT_MAX_RETRIES,
      placeholder: '<n>',
      description: 'Attempts before the strategy the remedy writes gives up (default 20).',
    },
  ],
  check({ analysis, remedy, options, filename, cwd }) {
    if (isTestFile(filename, cwd, options.testFilePatterns as string[])) return [];
    const maxRetries = options.maxRetries as number;
    return findDisabledReconnects(analysis).map((finding) => ({
      node: finding.target,
      messageId: finding.problem,
      data: { kind: OWNER_LABEL[finding.owner.kind] },
      remedy: { messageId: 'useBoundedStrategy', data: { maxRetries }, edits: boundedReconnectEdits(finding, remedy, maxRetries) },
    }));
  },
};
