/**
 * Every rule follows the node-redis version the project declares (real package.json trees): v2/v3
 * projects are never asked for socket options, a v4+ client that is never connected and never leaves the
 * file is asked for nothing, and the strategy a remedy writes reads `cause` only from redis 4.6.0 on.
 */
import noDisabledReconnect from '../../src/rules/no-disabled-reconnect';
import requireConnectTimeout from '../../src/rules/require-connect-timeout';
import requireErrorListener from '../../src/rules/require-error-listener';
import requireReconnectStrategy from '../../src/rules/require-reconnect-strategy';
import { projectFile, redisProject } from './project-trees';
import { handler, lines, ruleTester } from './rule-tester';

const IMPORT = "import { createClient } from 'redis';";
const V3 = redisProject('^3.1.2');
const V4_5 = redisProject('~4.5.1');
const V4_6 = redisProject('^4.6.0');
const V5 = redisProject('^5.8.2');
const REDIS_CLIENT_1_4 = projectFile({ 'package.json': { dependencies: { '@redis/client': '^1.4.0' } } });
const WORKSPACE_4_5 = projectFile(
  {
    'package.json': { workspaces: ['app'] },
    'app/package.json': { dependencies: { redis: 'workspace:*' } },
    'node_modules/redis/package.json': { name: 'redis', version: '4.5.0' },
  },
  'app/src/cache.ts',
);
const ALIAS_V3 = projectFile({ 'package.json': { devDependencies: { redis: '~5.10.0', 'redis-v3': 'npm:redis@^3.1.2' } } });

ruleTester.run('require-connect-timeout follows the version', requireConnectTimeout, {
  valid: [
    { name: 'a v3 project is never asked for socket options', code: lines(IMPORT, 'const client = createClient({ url });', "client.on('error', console.error);"), filename: V3 },
    {
      name: 'an npm alias of v3 in a v5 project',
      code: lines("import { createClient as createClientV3 } from 'redis-v3';", 'const client = createClientV3({ url });', 'await client.connect();'),
      filename: ALIAS_V3,
    },
    { name: 'a v5 client never connected and never leaving the file opens no socket', code: lines(IMPORT, 'const client = createClient({ url });', "jest.spyOn(client, 'get');"), filename: V5 },
    {
      name: 'unknown version: positional arguments on a client the file never connects are v2/v3 code',
      code: lines("const redis = require('redis');", 'const cache = makeCache({ client: redis.createClient(process.env.REDIS_URL) });'),
    },
    {
      name: 'a v4 project: a first argument that may be the options object is not known to lack the timeout',
      code: lines(IMPORT, 'const client = createClient(settings, onReady);', 'await client.connect();'),
      filename: V4_6,
    },
  ],
  invalid: [
    {
      name: 'a v4 project: `createClient(port, host)` is ignored, so the client has no timeout (no-legacy-options rewrites it first)',
      code: lines(IMPORT, "const client = createClient(6379, '127.0.0.1');", 'await client.connect();'),
      filename: V4_6,
      errors: [{ messageId: 'positionalArguments', data: { kind: 'client' }, line: 2, column: 16, suggestions: [] }],
    },
    {
      name: 'unknown version: connect() makes a client with a URL string v4+ code, so it has no timeout',
      code: lines(IMPORT, "const client = createClient('redis://cache:6379');", 'await client.connect();'),
      errors: [{ messageId: 'positionalArguments', line: 2, column: 16, suggestions: [] }],
    },
    {
      name: 'a v5 project: a URL string is ignored, so the client has no timeout',
      code: lines(IMPORT, "export const client = createClient('redis://cache:6379');"),
      filename: V5,
      errors: [{ messageId: 'positionalArguments', line: 2, column: 23, suggestions: [] }],
    },
    {
      name: 'a v4 project: `{ url, db: 1 }` is v4 code, not v3',
      code: lines(IMPORT, 'const client = createClient({ url, db: 1 });', 'await client.connect();'),
      filename: V4_6,
      errors: [{ messageId: 'missingTimeout', line: 2, column: 16, suggestions: [{ messageId: 'addConnectTimeout', output: lines(IMPORT, 'const client = createClient({ url, socket: { connectTimeout: 10000 }, db: 1 });', 'await client.connect();') }] }],
    },
    {
      name: 'unknown version: connect() makes `{ url, db: 1 }` v4+ code',
      code: lines(IMPORT, 'const client = createClient({ url, db: 1 });', 'await client.connect();'),
      errors: [{ messageId: 'missingTimeout', line: 2, column: 16, suggestions: [{ messageId: 'addConnectTimeout', output: lines(IMPORT, 'const client = createClient({ url, socket: { connectTimeout: 10000 }, db: 1 });', 'await client.connect();') }] }],
    },
    {
      // Its top-level `host` is an option v4+ ignores (no-legacy-options), not evidence that the file is v3.
      name: 'unknown version: a connected client with v3 spellings does not make a bare createClient() v3',
      code: lines(IMPORT, "const client = createClient({ host: 'h', socket: { connectTimeout: 1 } });", 'await client.connect();', 'export default createClient();'),
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'addConnectTimeout',
              output: lines(IMPORT, "const client = createClient({ host: 'h', socket: { connectTimeout: 1 } });", 'await client.connect();', 'export default createClient({ socket: { connectTimeout: 10000 } });'),
            },
          ],
        },
      ],
    },
    {
      name: 'a v4 client only its duplicate connects: the duplicate copies its options',
      code: lines(IMPORT, 'const client = createClient({ url });', 'const sub = client.duplicate();', 'await sub.connect();'),
      filename: V4_6,
      errors: [{ messageId: 'missingTimeout', line: 2, column: 16, suggestions: [{ messageId: 'addConnectTimeout', output: lines(IMPORT, 'const client = createClient({ url, socket: { connectTimeout: 10000 } });', 'const sub = client.duplicate();', 'await sub.connect();') }] }],
    },
    {
      name: 'a v5 client exported unconnected: the importer connects it',
      code: lines(IMPORT, 'export const client = createClient({ url });'),
      filename: V5,
      errors: [{ messageId: 'missingTimeout', line: 2, column: 23, suggestions: [{ messageId: 'addConnectTimeout', output: lines(IMPORT, 'export const client = createClient({ url, socket: { connectTimeout: 10000 } });') }] }],
    },
  ],
});

ruleTester.run('require-error-listener follows the version', requireErrorListener, {
  valid: [
    { name: 'a v5 test double that is never connected', code: lines(IMPORT, 'const client = createClient();', "jest.spyOn(client, 'get').mockResolvedValue('cached');"), filename: V5 },
    { name: 'a v5 duplicate that is never connected', code: lines(IMPORT, 'const client = createClient();', "client.on('error', console.error);", 'await client.connect();', 'const spare = client.duplicate();'), filename: V5 },
  ],
  invalid: [
    {
      name: 'v3 crashes without a listener too',
      code: lines(IMPORT, 'const client = createClient({ url });', "client.get('k', () => {});"),
      filename: V3,
      errors: [{ messageId: 'missingErrorListener', line: 2, column: 16, suggestions: [{ messageId: 'addErrorListener', output: lines(IMPORT, 'const client = createClient({ url });', `client.on('error', ${handler()});`, "client.get('k', () => {});") }] }],
    },
    {
      name: 'a connected v5 client',
      code: lines(IMPORT, 'const client = createClient({ url });', 'await client.connect();'),
      filename: V5,
      errors: [{ messageId: 'missingErrorListener', line: 2, column: 16, suggestions: [{ messageId: 'addErrorListener', output: lines(IMPORT, 'const client = createClient({ url });', `client.on('error', ${handler()});`, 'await client.connect();') }] }],
    },
  ],
});

const GIVE_UP = 'new Error(\'Redis: gave up reconnecting after 20 attempts\')';
const WITHOUT_CAUSE = `(retries: number) => (retries >= 20 ? ${GIVE_UP} : Math.min(2 ** retries * 50, 2000))`;
const WITH_CAUSE =
  "(retries: number, cause: Error) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000))";
const ALWAYS_GIVES_UP = "createClient({ socket: { reconnectStrategy: () => new Error('no retries') } });";

function strategyCase(name: string, filename: string, strategy: string) {
  return {
    name,
    code: lines(IMPORT, ALWAYS_GIVES_UP),
    filename,
    errors: [
      {
        messageId: 'alwaysGivesUp' as const,
        line: 2,
        column: 45,
        suggestions: [{ messageId: 'useBoundedStrategy' as const, output: lines(IMPORT, ALWAYS_GIVES_UP.replace("() => new Error('no retries')", strategy)) }],
      },
    ],
  };
}

ruleTester.run('no-disabled-reconnect follows the version', noDisabledReconnect, {
  valid: [{ name: 'a v3 project has no socket.reconnectStrategy', code: lines(IMPORT, 'createClient({ socket: { reconnectStrategy: false } });'), filename: V3 }],
  invalid: [
    strategyCase('redis 4.5: the strategy gets no cause, so the remedy does not read it', V4_5, WITHOUT_CAUSE),
    strategyCase('@redis/client 1.4 is redis 4.5', REDIS_CLIENT_1_4, WITHOUT_CAUSE),
    strategyCase('workspace:* reads the installed redis 4.5.0', WORKSPACE_4_5, WITHOUT_CAUSE),
    strategyCase('redis 4.6: the cause is there', V4_6, WITH_CAUSE),
    strategyCase('unknown version: the cause is read', '', WITH_CAUSE),
  ].map((testCase) => (testCase.filename === '' ? { ...testCase, filename: undefined } : testCase)),
});

ruleTester.run('require-reconnect-strategy follows the version', requireReconnectStrategy, {
  valid: [{ name: 'a v3 project has no socket.reconnectStrategy', code: lines(IMPORT, 'createClient({ url });'), filename: V3 }],
  invalid: [
    {
      name: 'redis 4.5: the inserted strategy does not read cause',
      code: lines(IMPORT, 'await createClient({ url }).connect();'),
      filename: V4_5,
      errors: [
        {
          messageId: 'missingReconnectStrategy',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'addBoundedStrategy',
              output: lines(IMPORT, `await createClient({ url, socket: { reconnectStrategy: ${WITHOUT_CAUSE} } }).connect();`),
            },
          ],
        },
      ],
    },
  ],
});
