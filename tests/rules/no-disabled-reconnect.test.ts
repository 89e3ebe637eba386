import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-disabled-reconnect';
import { pastTheBudget, pastTheDepthBound, spreadChain } from './bounded-shapes';
import { IMPORT_SHAPES, lines, reportedMessages, ruleTester } from './rule-tester';

const JS_STRATEGY =
  "(retries, cause) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000))";
const TS_STRATEGY = JS_STRATEGY.replace('(retries, cause)', '(retries: number, cause: Error)');
const IMPORT = "import { createClient, createClientPool, createCluster, createSentinel } from 'redis';";

/** A case where `reconnectStrategy: <value>` inside `<wrap>` is reported on `value`'s column. */
function disabledAt(name: string, call: string, messageId: 'disabled' | 'alwaysGivesUp' | 'conditional', target: string, replacement: string) {
  const code = lines(IMPORT, call);
  const column = call.indexOf(target) + 1;
  return {
    name,
    code,
    filename: 'src/redis.ts',
    errors: [
      {
        messageId,
        line: 2,
        column,
        endColumn: column + target.length,
        suggestions: [{ messageId: 'useBoundedStrategy' as const, data: { maxRetries: 20 }, output: lines(IMPORT, call.replace(target, replacement)) }],
      },
    ],
  };
}

ruleTester.run('no-disabled-reconnect', rule, {
  valid: [
    { name: 'the default strategy', code: lines(IMPORT, 'createClient({ url: "redis://x" });'), filename: 'src/a.ts' },
    {
      name: 'a bounded strategy',
      code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: (retries) => (retries > 10 ? new Error("stop") : retries * 100) } });'),
      filename: 'src/a.ts',
    },
    { name: 'a fixed delay', code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: 500 } });'), filename: 'src/a.ts' },
    ...['src/__tests__/cache.ts', 'src/cache.test.ts', 'src/cache.spec.mjs', 'test/helpers.js', 'tests/setup.ts', 'e2e/flow.ts', 'src/__mocks__/redis.ts'].map(
      (filename) => ({
        name: `test file by default: ${filename}`,
        code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: false } });'),
        filename,
      }),
    ),
    {
      name: 'custom test patterns',
      code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: false } });'),
      filename: 'scripts/seed.ts',
      options: [{ testFilePatterns: ['scripts/**'] }],
    },
    {
      name: 'reconnectStrategy outside socket is not read by node-redis',
      code: lines(IMPORT, 'createClient({ reconnectStrategy: false });'),
      filename: 'src/a.ts',
    },
    {
      name: 'cluster rootNodes: node-redis forces false there itself',
      code: lines(IMPORT, 'createCluster({ rootNodes: [{ socket: { reconnectStrategy: false } }] });'),
      filename: 'src/a.ts',
    },
    {
      name: 'v3 retry_strategy returning an Error is v3 code (where no package.json says otherwise)',
      code: lines("const redis = require('redis');", 'redis.createClient({ retry_strategy: () => new Error("x"), socket: { reconnectStrategy: false } });'),
    },
    {
      name: 'another library',
      code: lines("import { createClient } from 'some-queue';", 'createClient({ socket: { reconnectStrategy: false } });'),
      filename: 'src/a.ts',
    },
    {
      name: 'options from outside the file',
      code: lines(IMPORT, 'export const make = (options) => createClient({ socket: options.socket });'),
      filename: 'src/a.ts',
    },
    {
      name: 'an async strategy (node-redis replaces its Promise with the default strategy)',
      code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: async () => false } });'),
      filename: 'src/a.ts',
    },
    {
      name: 'a strategy that sometimes retries',
      code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy(retries) { if (retries > 3) return false; return 100; } } });'),
      filename: 'src/a.js',
    },
  ],
  invalid: [
    ...IMPORT_SHAPES.map(([name, importLine, call]) => {
      const importLines = importLine === '' ? [] : importLine.split('\n');
      const statement = `export const client = ${call}({ socket: { reconnectStrategy: false } });`;
      return {
        name: `import shape: ${name}`,
        code: lines(...importLines, statement),
        filename: 'src/cache.ts',
        errors: [
          {
            messageId: 'disabled' as const,
            line: importLines.length + 1,
            column: statement.indexOf('false') + 1,
            suggestions: [
              { messageId: 'useBoundedStrategy' as const, output: lines(...importLines, statement.replace('false', TS_STRATEGY)) },
            ],
          },
        ],
      };
    }),
    ...(['RedisClient.create', 'new RedisClient', 'RedisClientPool.create'] as const).map((factory) => {
      const header = "import { RedisClient, RedisClientPool } from 'redis';";
      const statement = `const owner = ${factory}({ socket: { reconnectStrategy: false } });`;
      return {
        name: `factory: ${factory}`,
        code: lines(header, statement),
        filename: 'src/cache.ts',
        errors: [
          {
            messageId: 'disabled' as const,
            line: 2,
            column: statement.indexOf('false') + 1,
            suggestions: [{ messageId: 'useBoundedStrategy' as const, output: lines(header, statement.replace('false', TS_STRATEGY)) }],
          },
        ],
      };
    }),
    disabledAt('literal false on a client', 'createClient({ socket: { reconnectStrategy: false } });', 'disabled', 'false', TS_STRATEGY),
    disabledAt('pool', 'createClientPool({ socket: { reconnectStrategy: false } }, { maximum: 4 });', 'disabled', 'false', TS_STRATEGY),
    disabledAt('cluster defaults.socket', 'createCluster({ rootNodes: [], defaults: { socket: { reconnectStrategy: false } } });', 'disabled', 'false', TS_STRATEGY),
    disabledAt('sentinel nodeClientOptions.socket', 'createSentinel({ name: "m", sentinelRootNodes: [], nodeClientOptions: { socket: { reconnectStrategy: false } } });', 'disabled', 'false', TS_STRATEGY),
    disabledAt('duplicate overrides', 'createClient({ url: "redis://x" }).duplicate({ socket: { reconnectStrategy: false } });', 'disabled', 'false', TS_STRATEGY),
    {
      name: 'a method written with a token before its parameters keeps it: no rewrite to a property',
      code: lines(IMPORT, "createClient({ socket: { reconnectStrategy!(retries: number) { return new Error('no reconnects'); } } });"),
      filename: 'src/redis.ts',
      errors: [{ messageId: 'alwaysGivesUp' as const, line: 2, column: 44, suggestions: [] }],
    },
    {
      name: 'a method with a comment before its parameters: no rewrite that would move the comment',
      code: lines(IMPORT, "createClient({ socket: { reconnectStrategy /* never */ () { return new Error('no reconnects'); } } });"),
      filename: 'src/redis.ts',
      errors: [{ messageId: 'alwaysGivesUp' as const, line: 2, column: 56, suggestions: [] }],
    },
    disabledAt('arrow that returns false', 'createClient({ socket: { reconnectStrategy: () => false } });', 'alwaysGivesUp', '() => false', TS_STRATEGY),
    disabledAt('function that returns an Error', 'createClient({ socket: { reconnectStrategy: function () { return new Error("no retry"); } } });', 'alwaysGivesUp', 'function () { return new Error("no retry"); }', TS_STRATEGY),
    disabledAt('every branch gives up', 'createClient({ socket: { reconnectStrategy: (n) => (n ? false : new Error("x")) } });', 'alwaysGivesUp', '(n) => (n ? false : new Error("x"))', TS_STRATEGY),
    // A branch of a conditional takes the arrow function as it is, as Prettier prints it.
    disabledAt('a false branch of a conditional', 'createClient({ socket: { reconnectStrategy: process.env.CI ? false : 1000 } });', 'conditional', 'false', TS_STRATEGY),
    disabledAt('a logical fallback to false', 'createClient({ socket: { reconnectStrategy: custom || false } });', 'conditional', 'false', `(${TS_STRATEGY})`),
    disabledAt('TypeScript wrappers', 'createClient({ socket: { reconnectStrategy: false as const } });', 'disabled', 'false as const', TS_STRATEGY),
    {
      name: 'a same-file constant, edited where it is used',
      code: lines(IMPORT, 'const NO_RECONNECT = false;', 'const options = { socket: { reconnectStrategy: NO_RECONNECT } };', 'createClient(options);'),
      filename: 'src/worker.js',
      errors: [
        {
          messageId: 'disabled',
          line: 3,
          column: 48,
          suggestions: [
            {
              messageId: 'useBoundedStrategy',
              output: lines(IMPORT, 'const NO_RECONNECT = false;', `const options = { socket: { reconnectStrategy: ${JS_STRATEGY} } };`, 'createClient(options);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a spread socket object from a constant, reported once for two clients',
      code: lines(IMPORT, 'const base = { reconnectStrategy: false };', 'createClient({ socket: { ...base } });', 'createClient({ socket: { ...base, host: "b" } });'),
      filename: 'src/worker.js',
      errors: [
        {
          messageId: 'disabled',
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'useBoundedStrategy',
              output: lines(IMPORT, `const base = { reconnectStrategy: ${JS_STRATEGY} };`, 'createClient({ socket: { ...base } });', 'createClient({ socket: { ...base, host: "b" } });'),
            },
          ],
        },
      ],
    },
    {
      name: 'maxRetries option shapes the suggestion',
      code: lines("const { createClient } = require('redis');", 'createClient({ socket: { reconnectStrategy: false } });'),
      filename: 'lib/jobs.cjs',
      options: [{ maxRetries: 5 }],
      errors: [
        {
          messageId: 'disabled',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'useBoundedStrategy',
              data: { maxRetries: 5 },
              output: lines(
                "const { createClient } = require('redis');",
                `createClient({ socket: { reconnectStrategy: ${JS_STRATEGY.replace('>= 20', '>= 5').replace('after 20', 'after 5')} } });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'custom test patterns replace the defaults',
      code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: false } });'),
      filename: 'src/cache.test.ts',
      options: [{ testFilePatterns: ['scripts/**'] }],
      errors: [
        {
          messageId: 'disabled',
          line: 2,
          column: 45,
          suggestions: [{ messageId: 'useBoundedStrategy', output: lines(IMPORT, `createClient({ socket: { reconnectStrategy: ${TS_STRATEGY} } });`) }],
        },
      ],
    },
  ],
});

// Files of a few thousand lines: parsing them is slow on a loaded machine.
describe('bounded analysis', { timeout: 60_000 }, () => {
  const spreads = spreadChain(5);
  const FALSE = 'reconnectStrategy: false';
  /** The `false` at `offset` reported on `line`, with the suggestion that bounds it. */
  const disabled = (offset: number, line: number) => ({
    messageId: 'disabled' as const,
    line,
    suggestions: [
      {
        messageId: 'useBoundedStrategy' as const,
        data: { maxRetries: 20 },
        output: `${spreads.slice(0, offset)}reconnectStrategy: ${TS_STRATEGY}${spreads.slice(offset + FALSE.length)}`,
      },
    ],
  });

  ruleTester.run('no-disabled-reconnect: bounded analysis', rule, {
    valid: [
      { name: 'a file past the analysis budget is unknown: nothing reported', code: pastTheBudget(), filename: 'src/a.ts' },
      { name: 'a file past the depth bound is unknown: nothing reported', code: pastTheDepthBound(), filename: 'src/a.ts' },
    ],
    invalid: [
      {
        name: 'options spread through five objects, and a plain client',
        code: spreads,
        filename: 'src/a.ts',
        errors: [disabled(spreads.indexOf(FALSE), 2), disabled(spreads.lastIndexOf(FALSE), 9)],
      },
    ],
  });
});

describe('test files', () => {
  const CALL = 'createClient({ socket: { reconnectStrategy: false } });';
  const MESSAGE =
    '`reconnectStrategy` turns reconnection off for this node-redis client: after the first dropped connection it stays closed and every command fails. Use a bounded strategy `(retries, cause) => number | Error` instead (`false` is for tests).';
  ruleTester.run('no-disabled-reconnect', rule, {
    valid: [],
    invalid: [
      {
        name: 'testFilePatterns replaces the defaults: a .test.ts file is no longer exempt',
        code: lines(IMPORT, CALL),
        filename: 'src/cache.test.ts',
        options: [{ testFilePatterns: ['scripts/**'] }],
        errors: [
          {
            messageId: 'disabled',
            line: 2,
            column: CALL.indexOf('false') + 1,
            suggestions: [{ messageId: 'useBoundedStrategy' as const, output: lines(IMPORT, CALL.replace('false', TS_STRATEGY)) }],
          },
        ],
      },
    ],
  });

  it('says what is wrong, in so many words, outside test files only', () => {
    const at = `2:${CALL.indexOf('false') + 1}`;
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.ts')).toEqual([`${at} ${MESSAGE}`]);
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.test.ts')).toEqual([]);
    expect(reportedMessages(rule, lines(IMPORT, CALL), 'src/cache.test.ts', [{ testFilePatterns: ['scripts/**'] }])).toEqual([`${at} ${MESSAGE}`]);
  });
});
