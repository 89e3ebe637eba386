/**
 * A private `redis-server` for integration tests: free loopback port, temp dir, no persistence.
 * `stop()` + `start()` restart it on the same port (to simulate a server restart); `kill()` always
 * ends it and removes the temp dir (call it from `afterAll`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HOST = '127.0.0.1';

/** Absolute path of `redis-server` on PATH, or undefined. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** A port that was free a moment ago: bind port 0 on loopback, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

export type RespReply = string | number | null | RespReply[] | Error;

/**
 * Sends one command over a fresh raw TCP connection and returns the parsed RESP2 reply. Independent
 * of node-redis on purpose: the admin side must not share the code under test.
 */
export function rawCommand(port: number, args: string[], timeoutMs = 2_000): Promise<RespReply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: HOST });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`redis ${args[0]} on :${port} timed out after ${timeoutMs} ms`)), timeoutMs);
    function finish(err: Error | null, reply?: RespReply) {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(reply as RespReply);
    }
    socket.once('error', (err) => finish(err));
    socket.once('connect', () => {
      socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseResp(buffer, 0);
      if (parsed) finish(null, parsed.value);
    });
  });
}

function parseResp(buf: Buffer, offset: number): { value: RespReply; end: number } | undefined {
  const lineEnd = buf.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buf[offset]);
  const line = buf.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const len = Number(line);
      if (len < 0) return { value: null, end: next };
      if (buf.length < next + len + 2) return undefined;
      return { value: buf.toString('utf8', next, next + len), end: next + len + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespReply[] = [];
      let pos = next;
      for (let i = 0; i < count; i++) {
        const item = parseResp(buf, pos);
        if (!item) return undefined;
        items.push(item.value);
        pos = item.end;
      }
      return { value: items, end: pos };
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

const alive = new Set<ChildProcess>();
// Last resort if a suite is torn down without its afterAll: no server outlives the test worker.
process.once('exit', () => {
  for (const proc of alive) proc.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RedisServer {
  readonly dir: string;
  private proc: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private log = '';

  private constructor(
    readonly port: number,
    private readonly binary: string,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-server-'));
  }

  /** Starts a server on a free port, retrying with another port if the one picked was taken. */
  static async start(attempts = 5): Promise<RedisServer> {
    const binary = findRedisServer();
    if (!binary) throw new Error('redis-server is not on PATH (CI installs it in .ci/run; locally: apt-get install redis-server)');
    let lastError: unknown;
    for (let i = 0; i < attempts; i++) {
      const server = new RedisServer(await freePort(), binary);
      try {
        await server.start();
        return server;
      } catch (err) {
        lastError = err;
        await server.kill();
      }
    }
    throw lastError;
  }

  get url(): string {
    return `redis://${HOST}:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Starts (or restarts) the server on its port and waits until it answers PING. */
  async start(timeoutMs = 10_000): Promise<void> {
    if (this.running) throw new Error(`redis-server on :${this.port} is already running`);
    this.log = '';
    const proc = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', this.dir, '--logfile', ''],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    alive.add(proc);
    this.exited = new Promise((resolve) =>
      proc.once('exit', () => {
        alive.delete(proc);
        resolve();
      }),
    );
    const collect = (chunk: Buffer) => {
      this.log += chunk.toString();
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    proc.once('error', (err) => {
      this.log += `spawn error: ${err.message}\n`;
    });

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        throw new Error(`redis-server on :${this.port} exited during start-up:\n${this.log}`);
      }
      try {
        if ((await rawCommand(this.port, ['PING'], 500)) === 'PONG') return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`redis-server on :${this.port} did not answer PING within ${timeoutMs} ms:\n${this.log}`);
      }
      await sleep(25);
    }
  }

  /** Stops the server (SIGTERM, SIGKILL after `graceMs`) and waits until the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    proc.kill('SIGTERM');
    const timedOut = await Promise.race([this.exited!.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      proc.kill('SIGKILL');
      await this.exited;
    }
  }

  /** Stops the server for good and removes its temp dir. Safe to call more than once. */
  async kill(): Promise<void> {
    if (this.proc && this.running) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  command(...args: string[]): Promise<RespReply> {
    return rawCommand(this.port, args);
  }

  /** Drops every normal client connection (not the admin connection sending it); returns how many. */
  async killClients(): Promise<number> {
    const reply = await this.command('CLIENT', 'KILL', 'TYPE', 'normal');
    if (typeof reply !== 'number') throw new Error(`CLIENT KILL answered ${String(reply)}`);
    return reply;
  }

  /** Number of client connections other than the one asking. */
  async clientCount(): Promise<number> {
    const reply = await this.command('CLIENT', 'LIST');
    if (typeof reply !== 'string') throw new Error(`CLIENT LIST answered ${String(reply)}`);
    return reply.split('\n').filter((line) => line.trim() !== '').length - 1;
  }

  get output(): string {
    return this.log;
  }
}
