/** Sample user code for the end-to-end tests, with the exact problems the recommended config reports. */

/** CommonJS, two unsafe clients: no listener and no timeout on both, reconnection disabled on the second. */
export const UNSAFE_JS = `const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL });

const cache = createClient({
  socket: { reconnectStrategy: false },
});

module.exports = { client, cache };
`;

/** TypeScript-only syntax around an unsafe client (interface, annotations, type import, `as`). */
export const UNSAFE_TS = `import { createClient, type RedisClientType } from 'redis';

interface Settings {
  url: string;
}

export async function connect(settings: Settings): Promise<RedisClientType> {
  const client = createClient({ url: settings.url }) as RedisClientType;
  await client.connect();
  return client;
}
`;

/** ES module, everything the rules ask for: nothing to report, nothing for the codemod to change. */
export const SAFE_MJS = `import { createClient } from 'redis';

const client = createClient({
  socket: {
    connectTimeout: 5000,
    reconnectStrategy: (retries) => (retries > 10 ? new Error('giving up') : retries * 100),
  },
});
client.on('error', (err) => console.error('redis error', err));
await client.connect();
export default client;
`;

/** Safe TypeScript. */
export const SAFE_TS = `import { createClient } from '@redis/client';

const timeoutMs: number = 3000;
export const client = createClient({ socket: { connectTimeout: timeoutMs } });
client.on('error', (err: Error) => console.error(err));
`;

/** \`createClient\` from another library: never reported, never rewritten. */
export const OTHER_LIBRARY_JS = `const { createClient } = require('@supabase/supabase-js');

const supabase = createClient('https://example.supabase.co', 'public-anon-key');
module.exports = supabase;
`;

export const SAMPLE_FILES = {
  'src/unsafe.js': UNSAFE_JS,
  'src/unsafe.ts': UNSAFE_TS,
  'src/safe.mjs': SAFE_MJS,
  'src/safe.ts': SAFE_TS,
  'src/other-library.js': OTHER_LIBRARY_JS,
};

type Tuple = [string, number, string];

/** What the recommended config reports in the JavaScript samples. */
export const JS_PROBLEMS: Tuple[] = [
  ['src/unsafe.js', 3, 'redis/require-connect-timeout'],
  ['src/unsafe.js', 3, 'redis/require-error-listener'],
  ['src/unsafe.js', 5, 'redis/require-connect-timeout'],
  ['src/unsafe.js', 5, 'redis/require-error-listener'],
  ['src/unsafe.js', 6, 'redis/no-disabled-reconnect'],
];

/** What it reports in the TypeScript samples. */
export const TS_PROBLEMS: Tuple[] = [
  ['src/unsafe.ts', 8, 'redis/require-connect-timeout'],
  ['src/unsafe.ts', 8, 'redis/require-error-listener'],
];

export const JS_FILES = ['src/other-library.js', 'src/safe.mjs', 'src/unsafe.js'];
export const TS_FILES = ['src/safe.ts', 'src/unsafe.ts'];
