/**
 * Codemod output the project's formatter accepts: in projects with Prettier (printWidth 80 and 100)
 * whose files pass `prettier --check`, `redis-codemod .` inserts every safeguard and the files still
 * pass; a file that was not Prettier-clean is not reformatted; a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, installProject, makeTempDir, packTarball, read, removeTempDirs, run, writeFiles } from './support/e2e';

/** Written unformatted; `prettier --write` then makes them clean, as the project's own formatting would. */
const SOURCES: Record<string, string> = {
  'src/cache.ts': `import { createClient } from 'redis';

export const cache = createClient({ url: process.env.REDIS_URL, database: 2, socket: { reconnectStrategy: false } });
await cache.connect();
`,
  'src/sessions.ts': `import { createClient, createCluster } from 'redis';

export class SessionStore {
  private readonly sessionRedisConnection = createClient({ url: process.env.SESSION_REDIS_URL, username: 'sessions' });
  private readonly cluster = createCluster({ rootNodes: [{ url: process.env.CLUSTER_URL }], defaults: { socket: { reconnectStrategy: false, tls: true } } });
}
`,
  'src/worker.mjs': `import redis from 'redis';

const queueClient = redis.createClient({ url: process.env.QUEUE_URL, name: 'background-worker-queue-consumer' });
export default queueClient;
`,
};
/** Not Prettier-clean, and must stay exactly as badly formatted as it is outside the insertion. */
const MESSY = `import { createClient } from 'redis'
export const   messy = createClient({url:process.env.MESSY_URL})
`;

const WIDTHS = [80, 100];
const projects = new Map<number, string>();

function npx(dir: string, args: string[]) {
  return run('npx', ['--no-install', ...args], { cwd: dir, timeout: 90_000 });
}

async function ok(dir: string, command: string, ...args: string[]) {
  const result = await run(command, args, { cwd: dir, timeout: 90_000 });
  expect(result.code, describeRun(result)).toBe(0);
  return result;
}

beforeAll(async () => {
  const work = makeTempDir('prettier');
  const tarball = await packTarball(work);
  for (const width of WIDTHS) {
    const dir = path.join(work, `width${width}`);
    fs.mkdirSync(dir);
    await installProject(dir, { 'eslint-plugin-redis': `file:${tarball}`, prettier: '^3.0.0', typescript: '~5.9.0' }, { type: 'module' });
    writeFiles(dir, { ...SOURCES, '.prettierrc.json': `${JSON.stringify({ printWidth: width })}\n`, '.gitignore': 'node_modules/\n' });
    await ok(dir, 'npx', '--no-install', 'prettier', '--write', 'src');
    writeFiles(dir, { 'src/messy.ts': MESSY });
    await ok(dir, 'git', 'init', '-q', '-b', 'main');
    await ok(dir, 'git', '-c', 'user.name=E2E', '-c', 'user.email=e2e@test.invalid', 'add', '-A');
    await ok(dir, 'git', '-c', 'user.name=E2E', '-c', 'user.email=e2e@test.invalid', 'commit', '-q', '-m', 'initial');
    projects.set(width, dir);
  }
}, 600_000);

afterAll(() => removeTempDirs());

describe.each(WIDTHS)('a Prettier project with printWidth %i', (width) => {
  it('passes prettier --check after redis-codemod ., with every safeguard inserted', async () => {
    const dir = projects.get(width)!;
    const clean = Object.keys(SOURCES);
    expect((await npx(dir, ['prettier', '--check', ...clean])).code).toBe(0);

    const codemod = await npx(dir, ['redis-codemod', '.']);
    expect(codemod.code, describeRun(codemod)).toBe(0);
    expect(codemod.stderr).toContain('src/cache.ts: changed (add-error-listener, add-connect-timeout, bound-reconnect-strategy)');
    expect(codemod.stderr).toContain('src/sessions.ts: changed (add-error-listener, add-connect-timeout, bound-reconnect-strategy)');
    expect(codemod.stderr).toContain('src/worker.mjs: changed (add-error-listener, add-connect-timeout)');

    const check = await npx(dir, ['prettier', '--check', ...clean]);
    expect(check.code, describeRun(check)).toBe(0);
    for (const file of clean) {
      const text = read(dir, file);
      expect(text).toMatch(/\.on\(\s*"error"/);
      expect(text).toContain('connectTimeout: 10000');
      expect(text.split('\n').filter((line) => line.length > width)).toEqual([]);
    }
    expect(read(dir, 'src/cache.ts')).toContain('retries >= 20');

    // The file that was not clean keeps its own layout: only the insertions are new.
    expect(read(dir, 'src/messy.ts')).toBe(
      `import { createClient } from 'redis'
export const   messy = createClient({url:process.env.MESSY_URL, socket: { connectTimeout: 10000 }})
messy.on('error', (err) => console.error('Redis client error:', err))
`,
    );

    const again = await npx(dir, ['redis-codemod', '--check', '.']);
    expect(again.code, describeRun(again)).toBe(0);
  });
});
