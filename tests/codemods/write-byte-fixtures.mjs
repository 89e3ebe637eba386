#!/usr/bin/env node
/**
 * Writes the fixtures whose exact bytes matter (CRLF line endings, a UTF-8 byte order mark), which an
 * editor or a heredoc would silently normalize. The texts below are written with `\n`; `eol` and `bom`
 * say how each pair is stored. Run `node tests/codemods/write-byte-fixtures.mjs` after editing them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '__testfixtures__');

/** @type {{ transform: string; name: string; ext: string; eol: '\n' | '\r\n'; bom: boolean; input: string; output: string }[]} */
const FIXTURES = [
  {
    transform: 'add-error-listener',
    name: 'crlf-line-endings',
    ext: 'ts',
    eol: '\r\n',
    bom: false,
    input: `import { createClient } from 'redis';

export async function start(url: string) {
  const client = createClient({ url }); // primary
  await client.connect();
  return client;
}
`,
    output: `import { createClient } from 'redis';

export async function start(url: string) {
  const client = createClient({ url }); // primary
  client.on('error', (err) => console.error('Redis client error:', err));
  await client.connect();
  return client;
}
`,
  },
  {
    transform: 'add-error-listener',
    name: 'byte-order-mark',
    ext: 'js',
    eol: '\n',
    bom: true,
    input: `const client = require('redis').createClient();
client.connect();
`,
    output: `const client = require('redis').createClient();
client.on('error', (err) => console.error('Redis client error:', err));
client.connect();
`,
  },
  {
    transform: 'add-error-listener',
    name: 'crlf-and-byte-order-mark',
    ext: 'mjs',
    eol: '\r\n',
    bom: true,
    input: `import { createClient } from 'redis';
const client = createClient();
await client.connect();
`,
    output: `import { createClient } from 'redis';
const client = createClient();
client.on('error', (err) => console.error('Redis client error:', err));
await client.connect();
`,
  },
  {
    transform: 'add-connect-timeout',
    name: 'crlf-line-endings',
    ext: 'ts',
    eol: '\r\n',
    bom: false,
    input: `import { createClient } from 'redis';

export const client = createClient({
  url: process.env.REDIS_URL,

  socket: {
    keepAlive: true // keep it
  }
});
`,
    output: `import { createClient } from 'redis';

export const client = createClient({
  url: process.env.REDIS_URL,

  socket: {
    keepAlive: true, // keep it
    connectTimeout: 10000
  }
});
`,
  },
  {
    transform: 'add-connect-timeout',
    name: 'byte-order-mark',
    ext: 'cjs',
    eol: '\n',
    bom: true,
    input: `const { createClient } = require('redis');

module.exports = createClient({ url: process.env.REDIS_URL });
`,
    output: `const { createClient } = require('redis');

module.exports = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 10000 } });
`,
  },
  {
    transform: 'add-connect-timeout',
    name: 'crlf-and-byte-order-mark',
    ext: 'ts',
    eol: '\r\n',
    bom: true,
    input: `import { createCluster } from 'redis';

export const cluster = createCluster({
  rootNodes: [{ url: 'redis://10.0.0.1:7000' }],
});
`,
    output: `import { createCluster } from 'redis';

export const cluster = createCluster({
  rootNodes: [{ url: 'redis://10.0.0.1:7000' }],
  defaults: { socket: { connectTimeout: 10000 } },
});
`,
  },
  {
    transform: 'bound-reconnect-strategy',
    name: 'crlf-line-endings',
    ext: 'ts',
    eol: '\r\n',
    bom: false,
    input: `import { createClient } from 'redis';

export const client = createClient({
  socket: {
    reconnectStrategy: false, // fail fast
  },
});
`,
    output: `import { createClient } from 'redis';

export const client = createClient({
  socket: {
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000), // fail fast
  },
});
`,
  },
  {
    transform: 'bound-reconnect-strategy',
    name: 'byte-order-mark',
    ext: 'mjs',
    eol: '\n',
    bom: true,
    input: `import { createClient } from 'redis';

export const client = createClient({ socket: { reconnectStrategy: false } });
`,
    output: `import { createClient } from 'redis';

export const client = createClient({
  socket: {
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
`,
  },
  {
    transform: 'bound-reconnect-strategy',
    name: 'crlf-and-byte-order-mark',
    ext: 'cjs',
    eol: '\r\n',
    bom: true,
    input: `const redis = require("redis");

module.exports = redis.createClient({
  socket: {
    reconnectStrategy: () => false
  }
});
`,
    output: `const redis = require("redis");

module.exports = redis.createClient({
  socket: {
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error("Redis: gave up reconnecting after 20 attempts: " + cause.message)
        : Math.min(2 ** retries * 50, 2000)
  }
});
`,
  },
  {
    transform: 'migrate-legacy-options',
    name: 'crlf-line-endings',
    ext: 'ts',
    eol: '\r\n',
    bom: false,
    input: `import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  connectTimeout: 2000, // ms
  db: 1,
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
`,
    output: `import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 2000 }, // ms
  database: 1,
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
`,
  },
  {
    transform: 'migrate-legacy-options',
    name: 'byte-order-mark',
    ext: 'cjs',
    eol: '\n',
    bom: true,
    input: `const { createClient } = require('redis');

const client = createClient('redis://cache:6379', { db: 2 });
client.on('error', console.error);
client.connect();
`,
    output: `const { createClient } = require('redis');

const client = createClient({ database: 2, url: 'redis://cache:6379' });
client.on('error', console.error);
client.connect();
`,
  },
  {
    transform: 'add-reconnect-strategy',
    name: 'crlf-line-endings',
    ext: 'ts',
    eol: '\r\n',
    bom: false,
    input: `import { createClient } from 'redis';

export const client = createClient({
  url: process.env.REDIS_URL,

  socket: {
    keepAlive: true // keep it
  }
});
`,
    output: `import { createClient } from 'redis';

export const client = createClient({
  url: process.env.REDIS_URL,

  socket: {
    keepAlive: true, // keep it
    reconnectStrategy: (retries: number, cause: Error) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000))
  }
});
`,
  },
  {
    transform: 'add-reconnect-strategy',
    name: 'byte-order-mark',
    ext: 'cjs',
    eol: '\n',
    bom: true,
    input: `const { createClient } = require('redis');

module.exports = createClient({ url: process.env.REDIS_URL });
`,
    output: `const { createClient } = require('redis');

module.exports = createClient({ url: process.env.REDIS_URL, socket: { reconnectStrategy: (retries, cause) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000)) } });
`,
  },
  {
    transform: 'handle-connect',
    name: 'crlf-line-endings',
    ext: 'cjs',
    eol: '\r\n',
    bom: false,
    input: `const { createClient } = require('redis');

const client = createClient(); // the cache
client.on('error', console.error);
client.connect(); // started here

module.exports = client;
`,
    output: `const { createClient } = require('redis');

const client = createClient(); // the cache
client.on('error', console.error);
client.connect().catch((err) => console.error('Redis client failed to connect:', err)); // started here

module.exports = client;
`,
  },
  {
    transform: 'handle-connect',
    name: 'byte-order-mark',
    ext: 'js',
    eol: '\n',
    bom: true,
    input: `const client = require('redis').createClient();
client.on('error', console.error);
client.connect();
`,
    output: `const client = require('redis').createClient();
client.on('error', console.error);
client.connect().catch((err) => console.error('Redis client failed to connect:', err));
`,
  },
  {
    transform: 'handle-connect',
    name: 'crlf-and-byte-order-mark',
    ext: 'mjs',
    eol: '\r\n',
    bom: true,
    input: `import { createClient } from 'redis';
const client = createClient();
client.on('error', console.error);
client.connect();
export default client;
`,
    output: `import { createClient } from 'redis';
const client = createClient();
client.on('error', console.error);
await client.connect();
export default client;
`,
  },
];

/** The exact bytes of a fixture text. */
function encode(text, { eol, bom }) {
  return (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol);
}

for (const fixture of FIXTURES) {
  const dir = path.join(root, fixture.transform);
  for (const kind of ['input', 'output']) {
    fs.writeFileSync(path.join(dir, `${fixture.name}.${kind}.${fixture.ext}`), encode(fixture[kind], fixture), 'utf8');
  }
}
console.log(`wrote ${FIXTURES.length * 2} files`);
