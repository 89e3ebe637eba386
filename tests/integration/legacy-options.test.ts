/**
 * node-redis v4+ ignores `db`: a client created with `{ url, db: 1 }` writes to database 0. After
 * `redis-codemod` (whose default set runs migrate-legacy-options) the same program writes to database 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { killAllChildren, spawnNode } from './support/child-process';
import { repoRoot, runCodemod } from './support/example-app';
import { RedisServer } from './support/redis-server';
import { hasRedisServer } from './support/suite';

const APP = `import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL, db: 1 });
client.on('error', (err) => console.error(err));
await client.connect();
await client.set('legacy-options-probe', 'written');
console.log('written');
await client.close();
`;

/** The databases that hold keys, from `INFO keyspace` (`db1:keys=1,…`). */
async function databasesWithKeys(redis: RedisServer): Promise<string[]> {
  const info = await redis.command('INFO', 'keyspace');
  return [...String(info).matchAll(/^(db\d+):keys=\d+/gm)].map((match) => match[1]!);
}

describe.skipIf(!hasRedisServer)('migrate-legacy-options: `db` on a v4+ client', () => {
  let redis: RedisServer;
  let project: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // A project that declares redis 6 and resolves it from the repository's node_modules.
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-legacy-'));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module', dependencies: { redis: '^6.0.0' } }));
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  });
  beforeEach(async () => {
    await redis.command('FLUSHALL');
  });
  afterEach(killAllChildren);
  afterAll(async () => {
    await killAllChildren();
    await redis?.kill();
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  async function run(source?: string): Promise<void> {
    const file = path.join(project, 'app.mjs');
    if (source !== undefined) fs.writeFileSync(file, source);
    const app = spawnNode(file, { env: { REDIS_URL: redis.url } });
    const exit = await app.waitForExit(15_000);
    expect(exit.code, app.transcript()).toBe(0);
    expect(app.stdout()).toMatch(/^written$/m);
  }

  it('before the transform the client writes to database 0', async () => {
    await run(APP);
    expect(await databasesWithKeys(redis)).toEqual(['db0']);
  });

  it('after redis-codemod it writes to database 1', async () => {
    fs.writeFileSync(path.join(project, 'app.mjs'), APP);
    // The project lives outside any git work tree: writing there takes --allow-outside-git.
    const codemod = runCodemod(['--allow-outside-git', 'app.mjs'], project);
    expect(codemod.status, codemod.stderr).toBe(0);
    const fixed = fs.readFileSync(path.join(project, 'app.mjs'), 'utf8');
    // `db` renamed in place; the new `socket` right after `url`; past the width of 100 the object is broken.
    expect(fixed).toContain('createClient({\n  url: process.env.REDIS_URL,\n  socket: { connectTimeout: 10000 },\n  database: 1,\n});');
    await run();
    expect(await databasesWithKeys(redis)).toEqual(['db1']);
  });
});
