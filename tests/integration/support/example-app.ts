/**
 * Helpers around the bundled example app (`examples/shop-api`) and the built `redis-codemod` bin:
 * copy the app to a temp dir (outside any git repo) that still resolves `redis` from the repo's
 * node_modules, run the real CLI on the copy, and a loopback listener that never completes a TCP
 * handshake.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnNode, type NodeChild } from './child-process';

export const repoRoot = path.resolve(__dirname, '../../..');
export const exampleDir = path.join(repoRoot, 'examples', 'shop-api');
/** The built CLI; REDIS_CODEMOD_BIN may point elsewhere (e.g. to try another build). */
export const codemodBin = process.env.REDIS_CODEMOD_BIN ?? path.join(repoRoot, 'dist', 'cli', 'bin.js');

const tempDirs = new Set<string>();

export interface ExampleCopy {
  /** The temp dir holding `shop-api/` and a `node_modules` symlink to the repo's. */
  root: string;
  /** The copied app. */
  app: string;
  file(relative: string): string;
  read(relative: string): string;
}

/** Copies `examples/shop-api` into a fresh temp dir; `redis` resolves via a node_modules symlink. */
export function copyExample(): ExampleCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-example-'));
  tempDirs.add(root);
  const app = path.join(root, 'shop-api');
  fs.cpSync(exampleDir, app, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const file = (relative: string) => path.join(app, relative);
  return { root, app, file, read: (relative) => fs.readFileSync(file(relative), 'utf8') };
}

export function removeExampleCopies(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export interface CodemodRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Throws a readable error when the CLI has not been built. */
export function assertCodemodBuilt(): void {
  if (!fs.existsSync(codemodBin)) {
    throw new Error(`${path.relative(repoRoot, codemodBin)} is missing: run \`npm run build\` first`);
  }
}

/** Runs the built `redis-codemod` bin with `args` in `cwd` (bounded by `timeoutMs`). */
export function runCodemod(args: string[], cwd: string, timeoutMs = 60_000): CodemodRun {
  assertCodemodBuilt();
  const result = spawnSync(process.execPath, [codemodBin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the codemod (writing) on `files` of an example copy and returns the run. Fails when the
 * CLI crashed or left the files unchanged.
 */
export function codemodExample(copy: ExampleCopy, files: string[], flags: string[] = []): CodemodRun {
  const before = files.map((f) => copy.read(f));
  // The copies live outside any git work tree: writing there takes --allow-outside-git.
  const run = runCodemod(['--force', '--allow-outside-git', ...flags, ...files.map((f) => copy.file(f))], copy.root);
  const after = files.map((f) => copy.read(f));
  if (run.status !== 0 || after.some((text, i) => text === before[i])) {
    throw new Error(
      `redis-codemod ${[...flags, ...files].join(' ')} exited ${run.status} and changed ` +
        `${after.filter((text, i) => text !== before[i]).length}/${files.length} files\n` +
        `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
  return run;
}

export interface UnacceptingListener {
  port: number;
  close(): Promise<void>;
}

/**
 * A loopback port whose listener never accepts and whose accept queue is full, so new connection
 * attempts get no SYN-ACK and hang until the client times out (see unaccepting-listener.cjs).
 */
export async function startUnacceptingListener(): Promise<UnacceptingListener> {
  const child: NodeChild = spawnNode(path.join(__dirname, 'unaccepting-listener.cjs'), { persistent: true });
  const fillers: net.Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    await child.kill();
  };
  try {
    const line = await child.waitForLine(/^listening (\d+)$/, { timeoutMs: 10_000 });
    const port = Number(/(\d+)$/.exec(line.text)![1]);
    // Fill the accept queue: connect until an attempt stays pending (its SYN was dropped).
    for (let i = 0; ; i++) {
      if (i >= 16) throw new Error(`accept queue of :${port} never filled up`);
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.on('error', () => {});
      fillers.push(socket);
      const state = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('pending'), 300);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve('connected');
        });
        socket.once('error', (err) => {
          clearTimeout(timer);
          resolve(`error ${err.message}`);
        });
      });
      if (state === 'pending') break;
      if (state !== 'connected') throw new Error(`filling the accept queue of :${port}: ${state}`);
    }
    return { port, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** How long a plain `net.connect` to `port` stays pending (capped at `capMs`), or the error. */
export function probeConnect(port: number, capMs: number): Promise<{ outcome: 'pending' | 'connected' | 'error'; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = (outcome: 'pending' | 'connected' | 'error') => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ outcome, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish('pending'), capMs);
    socket.once('connect', () => finish('connected'));
    socket.once('error', () => finish('error'));
  });
}
