import rule from '../../src/rules/no-legacy-options';
import { projectFile, redisProject } from './project-trees';
import { lines, ruleTester } from './rule-tester';
import type { LegacyOptionProblem } from '../../src/core/legacy-options';

const IMPORT = "import { createClient, createClientPool, createCluster, createSentinel } from 'redis';";
const V3 = redisProject('^3.1.2');
const V4 = redisProject('^4.6.0');
const V5 = redisProject('^5.8.2');

type MessageIds = LegacyOptionProblem;
type SuggestionId = 'useOptionsObject' | 'moveIntoSocket' | 'renameOption' | 'invertOfflineQueue' | 'moveUrlOut';

/**
 * The report at the first occurrence of `at` in `code` after the first line (the import), with the
 * suggestion's output if any. The whole of `at` is underlined, or its first `length` characters.
 */
function reportAt(
  code: string,
  at: string | [text: string, length: number],
  messageId: MessageIds,
  data: { key: string; replacement: string },
  suggestion?: [SuggestionId, string],
) {
  const [text, length] = typeof at === 'string' ? [at, at.length] : at;
  const offset = code.indexOf(text, code.indexOf('\n') + 1);
  if (offset < 0) throw new Error(`${text} is not in the code`);
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return {
    messageId,
    data,
    line,
    column,
    endLine: line,
    endColumn: column + length,
    suggestions: suggestion ? [{ messageId: suggestion[0], data, output: suggestion[1] }] : [],
  };
}

/** One report in a v5 project: `call` on line 2 after the import; the suggestion turns it into `fixed`. */
function invalid(name: string, call: string, at: string | [string, number], messageId: MessageIds, data: { key: string; replacement: string }, fixed?: [SuggestionId, string], filename = V5) {
  const code = lines(IMPORT, call);
  return { name, code, filename, errors: [reportAt(code, at, messageId, data, fixed && [fixed[0], lines(IMPORT, fixed[1])])] };
}

ruleTester.run('no-legacy-options', rule, {
  valid: [
    { name: 'v4+ options', code: lines(IMPORT, 'createClient({ url, database: 1, password, socket: { host, port, tls: true, connectTimeout: 1000 } });'), filename: V5 },
    { name: 'a v3 project: v3 options are right there', code: lines(IMPORT, "createClient({ host: 'h', port: 6379, db: 1, retry_strategy: () => 1000 });", "createClient(6379, 'h');"), filename: V3 },
    { name: 'legacyMode is v4 API', code: lines(IMPORT, 'createClient({ url, legacyMode: true });'), filename: V4 },
    { name: 'options from a parameter cannot be seen', code: lines(IMPORT, 'export const make = (options) => createClient(options);'), filename: V5 },
    { name: 'a spread of outside options hides nothing we can see', code: lines(IMPORT, 'export const make = (extra) => createClient({ url, ...extra });'), filename: V5 },
    { name: 'an undeclared variable may hold an options object', code: lines(IMPORT, 'createClient(redisOptions);', 'createClient(config.redis);'), filename: V5 },
    { name: 'an options object from a call', code: lines(IMPORT, 'createClient(loadOptions());'), filename: V5 },
    { name: 'a merge of what cannot be seen', code: lines(IMPORT, 'export const make = (options) => createClient(Object.assign({}, options, { url }));'), filename: V5 },
    { name: 'a call that is not a merge', code: lines(IMPORT, "createClient(build({ host: 'h' }));", "createClient(Object.freeze({ host: 'h' }));"), filename: V5 },
    { name: 'cluster rootNodes are not client options read for connections', code: lines(IMPORT, "createCluster({ rootNodes: [{ host: 'a', port: 1 }], defaults: { socket: { tls: true } } });"), filename: V5 },
    { name: 'a cluster has only database 0: defaults.db is not a rename', code: lines(IMPORT, 'createCluster({ rootNodes: [], defaults: { db: 1 } });'), filename: V5 },
    { name: "createPool's argument is pool options", code: lines(IMPORT, 'const client = createClient({ url });', 'client.createPool({ minimum: 1 });'), filename: V5 },
    { name: 'not node-redis', code: "import Redis from 'ioredis';\nnew Redis(6379, 'h', { enableOfflineQueue: false });", filename: V5 },
    {
      name: 'unknown version: v3-looking options without connect() are v3 code',
      code: lines(IMPORT, "const client = createClient({ url, db: 1 });", "client.get('k', (err, value) => {});"),
    },
    { name: 'unknown version: a URL string without connect() is v3 code', code: lines(IMPORT, "createClient('redis://cache:6379');") },
    { name: 'unknown version: top-level tls and host are right in v3 code', code: lines(IMPORT, "createClient({ url, tls: true });", "createClient({ host: 'h', port: 1 });") },
    { name: 'unknown version: a string from a member is v3 code without connect()', code: lines(IMPORT, 'createClient(info.pathname);') },
    { name: 'an option named like an Object.prototype member is no rename', code: lines(IMPORT, 'createClient({ url, constructor: Base, toString: () => url });'), filename: V5 },
    { name: 'an explicit v3 setting wins over package.json', code: lines(IMPORT, 'createClient({ url, db: 1 });'), filename: V5, settings: { redis: { version: 3 } } },
  ],
  invalid: [
    invalid(
      'a default merged with Object.assign: the key is in the result whatever the caller passes (no rewrite inside a merge)',
      "export const make = (options) => createClient(Object.assign({ host: 'cache' }, options));",
      'host',
      'topLevelSocketOption',
      { key: 'host', replacement: 'socket.host' },
    ),
    invalid(
      'defaults merged with lodash into a constant',
      'export const make = (options) => {\n  const opts = _.extend({ db: 2 }, options);\n  return createClient(opts);\n};',
      'db',
      'renamedOption',
      { key: 'db', replacement: 'database' },
    ),
    invalid('db', 'createClient({ url, db: 1 });', 'db', 'renamedOption', { key: 'db', replacement: 'database' }, ['renameOption', 'createClient({ url, database: 1 });']),
    invalid('db shorthand', 'createClient({ url, db });', 'db', 'renamedOption', { key: 'db', replacement: 'database' }, ['renameOption', 'createClient({ url, database: db });']),
    invalid('auth_pass', "createClient({ url, auth_pass: 'secret' });", 'auth_pass', 'renamedOption', { key: 'auth_pass', replacement: 'password' }, ['renameOption', "createClient({ url, password: 'secret' });"]),
    invalid("a quoted 'db' keeps its quotes", "createClient({ url, 'db': 1 });", "'db'", 'renamedOption', { key: 'db', replacement: 'database' }, ['renameOption', "createClient({ url, 'database': 1 });"]),
    invalid('db written twice: the one that counts is reported, neither is renamed', 'createClient({ url, db: 1, db: 2 });', ['db: 2', 2], 'renamedOption', { key: 'db', replacement: 'database' }),
    invalid('db when database is set too: reported, not renamed', 'createClient({ db: 1, database: 2 });', 'db', 'renamedOption', { key: 'db', replacement: 'database' }),
    invalid(
      'a URL string',
      "createClient('redis://cache:6379');",
      "'redis://cache:6379'",
      'positionalArguments',
      { key: 'this string argument', replacement: '`{ url }`' },
      ['useOptionsObject', "createClient({ url: 'redis://cache:6379' });"],
    ),
    invalid(
      'a URL from the environment',
      'createClient(process.env.REDIS_URL);',
      'process.env.REDIS_URL',
      'positionalArguments',
      { key: 'this string argument', replacement: '`{ url }`' },
      ['useOptionsObject', 'createClient({ url: process.env.REDIS_URL });'],
    ),
    invalid('a constant named url', "const url = `redis://${host}`;\ncreateClient(url);", ['url)', 3], 'positionalArguments', { key: 'this string argument', replacement: '`{ url }`' }, ['useOptionsObject', "const url = `redis://${host}`;\ncreateClient({ url });"]),
    invalid('a value named like a URL', 'createClient(config.redisUrl);', 'config.redisUrl', 'positionalArguments', { key: 'this string argument', replacement: '`{ url }`' }, ['useOptionsObject', 'createClient({ url: config.redisUrl });']),
    invalid('a value named like a path: reported without a rewrite', 'createClient(info.pathname);', 'info.pathname', 'positionalArguments', { key: 'this string argument', replacement: '`{ url }` or `{ socket: { host, port } }`' }),
    invalid(
      'a Unix socket path',
      "createClient('/var/run/redis.sock');",
      "'/var/run/redis.sock'",
      'positionalArguments',
      { key: 'this string argument', replacement: '`{ socket: { path } }`' },
      ['useOptionsObject', "createClient({ socket: { path: '/var/run/redis.sock' } });"],
    ),
    invalid('a port', 'createClient(6380);', '6380', 'positionalArguments', { key: 'this number argument', replacement: '`{ socket: { port } }`' }, ['useOptionsObject', 'createClient({ socket: { port: 6380 } });']),
    invalid(
      'port and host',
      "createClient(6379, 'cache');",
      '6379',
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ socket: { port, host } }`' },
      ['useOptionsObject', "createClient({ socket: { port: 6379, host: 'cache' } });"],
    ),
    invalid(
      'port and host from variables',
      'createClient(config.redisPort, config.redisHost);',
      'config.redisPort',
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ url }` or `{ socket: { host, port } }`' },
    ),
    invalid(
      'a URL and options',
      "createClient('redis://cache', { password: 'p' });",
      "'redis://cache'",
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ url, ...options }`' },
      ['useOptionsObject', "createClient({ password: 'p', url: 'redis://cache' });"],
    ),
    // Found by the fuzzer: removing the gap between the arguments left half of the parentheses behind.
    invalid(
      'a URL and parenthesized options: reported without a rewrite',
      "createClient('redis://cache', ({ password: 'p' }));",
      "'redis://cache'",
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ url, ...options }`' },
    ),
    invalid(
      'a parenthesized port before the host: reported without a rewrite',
      "createClient((6379), 'cache');",
      '6379',
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ socket: { port, host } }`' },
    ),
    invalid(
      'port, host and options: reported without a rewrite',
      "createClient(6379, 'cache', { password: 'p' });",
      '6379',
      'positionalArguments',
      { key: 'these positional arguments', replacement: '`{ url }` or `{ socket: { host, port } }`' },
    ),
    invalid(
      'top-level tls next to a socket',
      'createClient({ url, tls: true, socket: { connectTimeout: 1000 } });',
      'tls',
      'topLevelSocketOption',
      { key: 'tls', replacement: 'socket.tls' },
      ['moveIntoSocket', 'createClient({ url, socket: { connectTimeout: 1000, tls: true } });'],
    ),
    invalid(
      'top-level connectTimeout without a socket',
      'createClient({ url, connectTimeout: 5000 });',
      'connectTimeout',
      'topLevelSocketOption',
      { key: 'connectTimeout', replacement: 'socket.connectTimeout' },
      ['moveIntoSocket', 'createClient({ url, socket: { connectTimeout: 5000 } });'],
    ),
    invalid(
      'reconnectStrategy at the top level, already set in socket: reported, not moved',
      'createClient({ reconnectStrategy: () => 100, socket: { reconnectStrategy: () => 200 } });',
      'reconnectStrategy',
      'topLevelSocketOption',
      { key: 'reconnectStrategy', replacement: 'socket.reconnectStrategy' },
    ),
    invalid('enable_offline_queue: false', 'createClient({ url, enable_offline_queue: false });', 'enable_offline_queue', 'offlineQueueOption', { key: 'enable_offline_queue', replacement: 'disableOfflineQueue' }, ['invertOfflineQueue', 'createClient({ url, disableOfflineQueue: true });']),
    invalid('enableOfflineQueue: true', 'createClient({ url, enableOfflineQueue: true });', 'enableOfflineQueue', 'offlineQueueOption', { key: 'enableOfflineQueue', replacement: 'disableOfflineQueue' }, ['invertOfflineQueue', 'createClient({ url, disableOfflineQueue: false });']),
    invalid(
      'enableOfflineQueue in a conditional spread: no rewrite (the branch may meet disableOfflineQueue)',
      'createClient({ url, ...(isTest && { disableOfflineQueue: true, enableOfflineQueue: false }) });',
      'enableOfflineQueue',
      'offlineQueueOption',
      { key: 'enableOfflineQueue', replacement: 'disableOfflineQueue' },
    ),
    invalid('db in either branch of a conditional spread', 'createClient({ url, ...(primary ? { db: 0 } : {}) });', 'db', 'renamedOption', { key: 'db', replacement: 'database' }),
    invalid('enableOfflineQueue from a variable: no rewrite', 'createClient({ url, enableOfflineQueue: queue });', 'enableOfflineQueue', 'offlineQueueOption', { key: 'enableOfflineQueue', replacement: 'disableOfflineQueue' }),
    invalid('retry_strategy: no rewrite', 'createClient({ url, retry_strategy: (options) => 1000 });', 'retry_strategy', 'retryStrategyOption', { key: 'retry_strategy', replacement: 'socket.reconnectStrategy' }),
    invalid('connect_timeout: no rewrite', 'createClient({ url, connect_timeout: 10000 });', 'connect_timeout', 'connectTimeoutOption', { key: 'connect_timeout', replacement: 'socket.connectTimeout' }),
    invalid('another snake_case key', 'createClient({ url, no_ready_check: true });', 'no_ready_check', 'snakeCaseOption', { key: 'no_ready_check', replacement: '' }),
    invalid('socket.url', "createClient({ socket: { url: 'redis://cache' } });", 'url', 'socketUrl', { key: 'url', replacement: 'url' }, ['moveUrlOut', "createClient({ url: 'redis://cache' });"]),
    invalid('socket.url beside other socket options', 'createClient({ socket: { url, connectTimeout: 1 } });', 'url', 'socketUrl', { key: 'url', replacement: 'url' }, ['moveUrlOut', 'createClient({ socket: { connectTimeout: 1 }, url });']),
    invalid('legacyMode in v5', 'createClient({ url, legacyMode: true });', 'legacyMode', 'legacyModeRemoved', { key: 'legacyMode', replacement: 'client.legacy()' }),
    invalid('a pool', 'createClientPool({ url, db: 1 });', 'db', 'renamedOption', { key: 'db', replacement: 'database' }, ['renameOption', 'createClientPool({ url, database: 1 });']),
    invalid(
      "a duplicate's overrides",
      'const client = createClient({ url });\nconst other = client.duplicate({ db: 2 });',
      'db',
      'renamedOption',
      { key: 'db', replacement: 'database' },
      ['renameOption', 'const client = createClient({ url });\nconst other = client.duplicate({ database: 2 });'],
    ),
    invalid(
      "a cluster's defaults",
      'createCluster({ rootNodes: [], defaults: { connectTimeout: 1000 } });',
      'connectTimeout',
      'topLevelSocketOption',
      { key: 'connectTimeout', replacement: 'socket.connectTimeout' },
      ['moveIntoSocket', 'createCluster({ rootNodes: [], defaults: { socket: { connectTimeout: 1000 } } });'],
    ),
    invalid(
      "a sentinel's node client options",
      "createSentinel({ name: 'm', sentinelRootNodes: [], nodeClientOptions: { tls: true } });",
      'tls',
      'topLevelSocketOption',
      { key: 'tls', replacement: 'socket.tls' },
      ['moveIntoSocket', "createSentinel({ name: 'm', sentinelRootNodes: [], nodeClientOptions: { socket: { tls: true } } });"],
    ),
    {
      name: 'host and port: one report each, each suggestion moves its own key',
      code: lines(IMPORT, "createClient({ host: 'cache', port: 6380 });"),
      filename: V4,
      errors: [
        reportAt(lines(IMPORT, "createClient({ host: 'cache', port: 6380 });"), 'host', 'topLevelSocketOption', { key: 'host', replacement: 'socket.host' }, [
          'moveIntoSocket',
          lines(IMPORT, "createClient({ socket: { host: 'cache' }, port: 6380 });"),
        ]),
        reportAt(lines(IMPORT, "createClient({ host: 'cache', port: 6380 });"), ['port:', 4], 'topLevelSocketOption', { key: 'port', replacement: 'socket.port' }, [
          'moveIntoSocket',
          lines(IMPORT, "createClient({ host: 'cache', socket: { port: 6380 } });"),
        ]),
      ],
    },
    {
      name: 'a multi-line constant used only by the call: moved into its socket, keeping comments and the layout',
      code: lines(IMPORT, 'const options = {', '  url: process.env.REDIS_URL, // primary', '  tls: true,', '  socket: {', '    connectTimeout: 1000,', '  },', '};', 'const client = createClient(options);'),
      filename: V5,
      errors: [
        reportAt(lines(IMPORT, 'const options = {', '  url: process.env.REDIS_URL, // primary', '  tls: true,'), 'tls', 'topLevelSocketOption', { key: 'tls', replacement: 'socket.tls' }, [
          'moveIntoSocket',
          lines(IMPORT, 'const options = {', '  url: process.env.REDIS_URL, // primary', '  socket: {', '    connectTimeout: 1000,', '    tls: true,', '  },', '};', 'const client = createClient(options);'),
        ]),
      ],
    },
    {
      name: 'a constant shared by two clients is reported once, without a rewrite',
      code: lines(IMPORT, 'const options = { url, db: 1 };', 'const a = createClient(options);', 'const b = createClient(options);'),
      filename: V5,
      errors: [reportAt(lines(IMPORT, 'const options = { url, db: 1 };'), 'db', 'renamedOption', { key: 'db', replacement: 'database' })],
    },
    {
      name: 'an option spread in from a same-file constant is reported where it is written, without a rewrite',
      code: lines(IMPORT, 'const base = { db: 1 };', 'createClient({ ...base, url });'),
      filename: V5,
      errors: [reportAt(lines(IMPORT, 'const base = { db: 1 };'), 'db', 'renamedOption', { key: 'db', replacement: 'database' })],
    },
    {
      name: 'an npm alias of redis 4 is node-redis v4',
      code: "import { createClient } from 'redis-v4';\ncreateClient({ url, db: 1 });",
      filename: projectFile({ 'package.json': { devDependencies: { 'redis-v4': 'npm:redis@^4.6' } } }),
      errors: [
        reportAt("import { createClient } from 'redis-v4';\ncreateClient({ url, db: 1 });", 'db', 'renamedOption', { key: 'db', replacement: 'database' }, [
          'renameOption',
          "import { createClient } from 'redis-v4';\ncreateClient({ url, database: 1 });",
        ]),
      ],
    },
    {
      name: 'monorepo: a workspace without its own declaration reads the root package.json',
      code: lines(IMPORT, 'createClient({ url, db: 1 });'),
      filename: projectFile({ 'package.json': { workspaces: ['packages/*'], dependencies: { redis: '^4.6.0' } }, 'packages/api/package.json': { name: 'api' } }, 'packages/api/src/cache.ts'),
      errors: [reportAt(lines(IMPORT, 'createClient({ url, db: 1 });'), 'db', 'renamedOption', { key: 'db', replacement: 'database' }, ['renameOption', lines(IMPORT, 'createClient({ url, database: 1 });')])],
    },
    {
      name: 'unknown version: connect() makes v3-looking options v4+ code',
      code: lines(IMPORT, 'const client = createClient({ url, db: 1 });', 'await client.connect();'),
      errors: [
        reportAt(lines(IMPORT, 'const client = createClient({ url, db: 1 });'), 'db', 'renamedOption', { key: 'db', replacement: 'database' }, [
          'renameOption',
          lines(IMPORT, 'const client = createClient({ url, database: 1 });', 'await client.connect();'),
        ]),
      ],
    },
    {
      name: 'unknown version: options that only v4+ code writes',
      code: lines(IMPORT, 'createClient({ url, connectTimeout: 5000 });'),
      errors: [
        reportAt(lines(IMPORT, 'createClient({ url, connectTimeout: 5000 });'), 'connectTimeout', 'topLevelSocketOption', { key: 'connectTimeout', replacement: 'socket.connectTimeout' }, [
          'moveIntoSocket',
          lines(IMPORT, 'createClient({ url, socket: { connectTimeout: 5000 } });'),
        ]),
      ],
    },
    {
      name: 'settings.redis.version 5 where nothing is declared',
      code: lines(IMPORT, 'createClient({ url, legacyMode: true });'),
      settings: { redis: { version: 5 } },
      errors: [reportAt(lines(IMPORT, 'createClient({ url, legacyMode: true });'), 'legacyMode', 'legacyModeRemoved', { key: 'legacyMode', replacement: 'client.legacy()' })],
    },
  ],
});
