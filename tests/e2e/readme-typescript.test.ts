/**
 * The README's TypeScript configuration works as written: the block after the `readme-e2e:
 * typescript-config` marker is read from README.md at test time (never copied here), saved as the
 * `eslint.config.mjs` of a fresh TypeScript project with the packed package installed, and ESLint
 * reports a client without an 'error' listener in `.ts`, `.tsx`, `.mts` and `.cts` files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, describeRun, installProject, makeTempDir, packTarball, removeTempDirs, run, writeFiles } from './support/e2e';

const MARKER = '<!-- readme-e2e: typescript-config';

/** The fenced block right after the marker comment in README.md. */
function readmeTypescriptConfig(readme: string): string {
  const at = readme.indexOf(MARKER);
  if (at === -1) throw new Error(`README.md has no "${MARKER}" marker`);
  const block = /^```[\w-]*\n([\s\S]*?)^```$/m.exec(readme.slice(at));
  if (!block) throw new Error('no fenced code block after the marker');
  return block[1]!;
}

const LISTENER_MESSAGE =
  "This node-redis client has no 'error' listener: its first connection error after connect() is thrown and crashes the process. Add `.on('error', handler)` before connecting.";

/** Each file creates a client with a timeout but no listener, on line 4, in syntax only TypeScript parses. */
const FILES: Record<string, string> = {
  'src/cache.ts': "import { createClient } from 'redis';\n\nconst url: string = process.env.REDIS_URL ?? 'redis://localhost';\nexport const cache = createClient({ url, socket: { connectTimeout: 5000 } });\n",
  'src/view.tsx': "import { createClient } from 'redis';\n\ntype Props = { url: string };\nexport const view = (props: Props) => createClient({ url: props.url, socket: { connectTimeout: 5000 } });\n",
  'src/worker.mts': "import { createClient } from 'redis';\n\nconst timeout = 5000 satisfies number;\nexport const worker = createClient({ socket: { connectTimeout: timeout } });\n",
  'src/legacy.cts': "import redis = require('redis');\n\nconst timeout: number = 5000;\nexport const legacy = redis.createClient({ socket: { connectTimeout: timeout } });\n",
};

let dir: string;

beforeAll(async () => {
  const work = makeTempDir('readme-ts');
  const tarball = await packTarball(work);
  dir = path.join(work, 'project');
  fs.mkdirSync(dir);
  // What the README's TypeScript section installs, plus a TypeScript the parser supports.
  await installProject(dir, { eslint: '^10.0.0', 'eslint-plugin-redis': `file:${tarball}`, 'typescript-eslint': '^8.0.0', typescript: '~5.9.0' });
  writeFiles(dir, { ...FILES, 'eslint.config.mjs': readmeTypescriptConfig(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')) });
}, 600_000);

afterAll(() => removeTempDirs());

describe("the README's TypeScript configuration, as written", () => {
  it('is found in the README', () => {
    expect(readmeTypescriptConfig(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))).toContain("files: ['**/*.{ts,tsx,mts,cts}']");
  });

  it("reports a client without an 'error' listener in .ts, .tsx, .mts and .cts files", async () => {
    const result = await run('npx', ['--no-install', 'eslint', '--format', 'json', '.'], { cwd: dir, timeout: 120_000 });
    expect(result.code, describeRun(result)).toBe(1);
    const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
    const found = report
      .flatMap((file) => file.messages.map((m) => [path.relative(dir, file.filePath), m.line, m.ruleId, m.message]))
      .sort();
    expect(found).toEqual(
      Object.keys(FILES)
        .sort()
        .map((file) => [file, 4, 'redis/require-error-listener', LISTENER_MESSAGE]),
    );
  });
});
