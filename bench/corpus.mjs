// Builds the benchmark inputs: a copy of real files from node_modules, a generated redis-heavy set,
// and synthetic files for the scaling check. Everything is deterministic (sorted walks, seeded PRNG).
import fs from 'node:fs';
import path from 'node:path';

export const MAX_FILE_BYTES = 200 * 1024;
const REAL_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/** Minified or generated bundles: very long lines dominate. */
function looksMinified(text) {
  if (text.length < 2000) return false;
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 1000 || text.length / lines.length > 300;
}

/** Regular files under `dir` (symlinks are not followed) in the order of a walk that sorts each folder by name. */
export function filesUnder(dir) {
  const key = (file) => file.split(path.sep).join('\0');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const ESM_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s+(\{|\*|default|const|let|var|function|class|async))/m;

/**
 * Picks real source files from `nodeModules` (sorted walk, so always the same), skipping `.d.ts`,
 * files over 200 KB and minified bundles. Returns `{ source, name, text }` where `name` is a flat
 * file name whose extension tells ESLint how to parse it: `.mjs` (ESM), `.cjs` (CommonJS) or `.ts`.
 */
export function collectRealFiles(nodeModules, { limit = Infinity, every = 1 } = {}) {
  const picked = [];
  let seen = 0;
  for (const file of filesUnder(nodeModules)) {
    const ext = path.extname(file);
    if (!REAL_EXTENSIONS.has(ext) || /\.d\.[cm]?ts$/.test(file) || /[.-]min\.[cm]?js$/.test(file)) continue;
    const size = fs.statSync(file).size;
    if (size === 0 || size > MAX_FILE_BYTES) continue;
    if (seen++ % every !== 0) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('\0') || looksMinified(text)) continue;
    const rel = path.relative(nodeModules, file);
    const typescript = /\.[cm]?ts$/.test(ext);
    const outExt = typescript ? '.ts' : ext === '.mjs' || (ext === '.js' && ESM_SYNTAX.test(text)) ? '.mjs' : '.cjs';
    const stem = rel.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]+/g, '_').slice(-80);
    picked.push({ source: file, name: `${String(picked.length).padStart(5, '0')}_${stem}${outExt}`, text });
    if (picked.length >= limit) break;
  }
  return picked;
}

export function writeFiles(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.text);
  return files.map((file) => path.join(dir, file.name));
}

/** Mulberry32: a small seeded PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------
// Redis-heavy set: every file creates node-redis owners, in the ways real services do.

const OPTION_VARIANTS = [
  '',
  '{ url: process.env.REDIS_URL }',
  "{ url: 'redis://localhost:6379', socket: { connectTimeout: 5000 } }",
  '{ socket: { host: HOST, port: 6379, reconnectStrategy: false } }',
  '{ socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 2000) } }',
  '{ ...baseOptions, database: 2 }',
  'options',
  "{ url: config.redisUrl, socket: { tls: true, keepAlive: 5000, connectTimeout: config.timeout } }",
];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function redisBlock(rand, i, esm) {
  const opts = pick(rand, OPTION_VARIANTS);
  const listener = rand() < 0.5 ? `  c${i}.on('error', (err) => log.error({ err }, 'redis c${i}'));\n` : '';
  const shapes = [
    () => `const c${i} = createClient(${opts});\n${listener}await c${i}.connect();\n`,
    () =>
      `export async function connect${i}(url) {\n  const c${i} = createClient({ url });\n${listener}  await c${i}.connect();\n  return c${i};\n}\n`,
    () =>
      `class Store${i} {\n  constructor() {\n    this.client = createClient(${opts});\n    ${rand() < 0.5 ? "this.client.on('error', (e) => this.emit('error', e));" : ''}\n  }\n  async get(key) {\n    return this.client.get(key);\n  }\n}\n`,
    () => `const sub${i} = base.duplicate();\n${rand() < 0.5 ? `sub${i}.on('error', onError);\n` : ''}await sub${i}.connect();\n`,
    () => `const cluster${i} = createCluster({ rootNodes: [{ url: 'redis://a:7000' }], defaults: ${opts || '{}'} });\ncluster${i}.on('error', onError);\n`,
    () => `const pool${i} = createClientPool(${opts});\n${listener.replace(`c${i}`, `pool${i}`)}`,
    () =>
      `const c${i} = await createClient(${opts})\n  .on('error', (err) => console.error(err))\n  .connect();\nawait c${i}.set('k${i}', 'v');\n`,
    () => `const make${i} = () => createClient(${opts});\nconst c${i} = make${i}();\nc${i}.connect().catch(console.error);\n`,
    () => (esm ? `const c${i} = new RedisClient(${opts || '{}'});\n` : `const c${i} = redis.createClient(${opts});\n`),
    () =>
      `for (const shard of shards) {\n  const c = createClient({ url: shard.url });\n  ${rand() < 0.5 ? "c.on('error', onError);" : ''}\n  clients.push(c);\n}\n`,
  ];
  return pick(rand, shapes)();
}

const FILLER = [
  (i) => `function helper${i}(a, b) {\n  if (!a) return b ?? null;\n  return Object.keys(a).map((k) => [k, a[k]]).filter(([, v]) => v != null);\n}\n`,
  (i) => `const table${i} = new Map();\nfor (let n = 0; n < 10; n++) table${i}.set('k' + n, { n, at: Date.now() });\n`,
  (i) => `export const handler${i} = async (req, res) => {\n  const body = await req.json();\n  res.status(200).send({ ok: true, id: body.id ?? ${i} });\n};\n`,
];

/** One file of the redis-heavy set; TypeScript for every fourth file. */
export function redisHeavyFile(index, seed = 1) {
  const rand = prng(seed * 7919 + index);
  const typescript = index % 4 === 3;
  const style = index % 3; // 0: ESM named imports, 1: CommonJS require, 2: namespace / dynamic import
  let head;
  if (style === 0) {
    head = "import { createClient, createCluster, createClientPool, RedisClient } from 'redis';\n";
  } else if (style === 1) {
    head = "const redis = require('redis');\nconst { createClient, createCluster, createClientPool } = redis;\n";
  } else {
    head = "import * as redisNs from '@redis/client';\nconst { createClient, createCluster, createClientPool, RedisClient } = await import('redis');\nconst redis = redisNs;\n";
  }
  const esm = style !== 1;
  let body = "const HOST = process.env.REDIS_HOST ?? 'localhost';\nconst baseOptions = { url: process.env.REDIS_URL };\nconst options = { ...baseOptions };\nconst config = { redisUrl: 'redis://x', timeout: 1000 };\nconst log = console;\nconst onError = (err) => log.error(err);\nconst shards = [];\nconst clients = [];\nconst base = createClient();\nbase.on('error', onError);\n";
  if (typescript) body = body.replace("const log = console;", "const log: Pick<Console, 'error'> = console;");
  const blocks = 4 + Math.floor(rand() * 10);
  for (let i = 0; i < blocks; i++) {
    body += redisBlock(rand, i, esm);
    if (rand() < 0.6) body += pick(rand, FILLER)(i);
  }
  // A CommonJS file cannot export: its blocks stay local to the async wrapper.
  if (!esm) body = body.replace(/^export /gm, '');
  let text = head + body;
  if (!esm) text = `(async () => {\n${text}})();\n`;
  if (typescript) text = text.replace(/\(err\) =>/g, '(err: unknown) =>');
  const ext = typescript ? '.ts' : esm ? '.mjs' : '.cjs';
  return { name: `redis_${String(index).padStart(4, '0')}${ext}`, text };
}

// ---------------------------------------------------------------------------------------------------
// Scaling: one file of about `lines` lines with clients created throughout.

export function scalingFile(lines, kind = 'clients') {
  const out = ["import { createClient, createCluster } from 'redis';", 'const onError = (err) => console.error(err);'];
  let i = 0;
  while (out.length < lines) {
    if (kind === 'clients') {
      // ~12 lines per unit: one client with a listener, one without, a cluster, some plain code.
      out.push(
        `const a${i} = createClient({ url: 'redis://h${i}:6379', socket: { connectTimeout: 1000 } });`,
        `a${i}.on('error', onError);`,
        `export async function use${i}(key) {`,
        `  const b = createClient({ socket: { reconnectStrategy: false } });`,
        `  await b.connect();`,
        `  const value = await a${i}.get(key);`,
        `  return value ?? b.get(key + ${i});`,
        `}`,
        `const cl${i} = createCluster({ rootNodes: [{ url: 'redis://c${i}:7000' }] });`,
        `const d${i} = a${i}.duplicate();`,
        `d${i}.on('error', onError);`,
        `const data${i} = { id: ${i}, items: [1, 2, 3].map((n) => n * ${i}) };`,
      );
    } else {
      // Thousands of small functions and block scopes; a client every 50 functions.
      out.push(
        `function f${i}(x) {`,
        `  let y = x;`,
        `  for (let j = 0; j < 3; j++) { const z = j + y; y = z; }`,
        `  return () => { const w = y; return w + ${i}; };`,
        `}`,
      );
      if (i % 50 === 0) out.push(`const r${i} = createClient();`);
    }
    i++;
  }
  return out.join('\n') + '\n';
}
