/**
 * Runs a child `node` process, keeps every stdout/stderr line with the time it arrived, and lets a
 * test wait (always with a timeout) for a line matching a pattern or for the process to exit.
 * `killAllChildren()` (from `afterAll`/`afterEach`) ends whatever a test left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** `Date.now()` when the line arrived. */
  at: number;
  /** Position in `NodeChild.lines`. */
  index: number;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnNodeOptions {
  cwd?: string;
  /** Added to (and overriding) the parent's environment. */
  env?: Record<string, string | undefined>;
  args?: string[];
  /** Not ended by `killAllChildren()`: whoever started it calls `kill()` (e.g. a shared fixture). */
  persistent?: boolean;
}

export interface WaitForLineOptions {
  stream?: 'stdout' | 'stderr';
  timeoutMs?: number;
  /** Only consider lines with an index >= this (e.g. `child.lines.length` before an action). */
  from?: number;
}

const running = new Set<NodeChild>();
const alive = new Set<ChildProcess>();
// Last resort if a suite is torn down without its afterAll: no child outlives the test worker.
process.once('exit', () => {
  for (const proc of alive) proc.kill('SIGKILL');
});

export class NodeChild {
  readonly lines: OutputLine[] = [];
  readonly startedAt = Date.now();
  readonly exit: Promise<ExitResult>;
  private readonly proc: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private exitResult: ExitResult | undefined;

  constructor(script: string, options: SpawnNodeOptions = {}) {
    const env = { ...process.env, ...options.env };
    // Keep the child's output plain and its behaviour independent of the test runner's settings.
    delete env.NODE_OPTIONS;
    env.NO_COLOR = '1';
    this.proc = spawn(process.execPath, [script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (!options.persistent) running.add(this);
    alive.add(this.proc);
    this.collect('stdout');
    this.collect('stderr');
    this.exit = new Promise((resolve) => {
      this.proc.once('error', (err) => this.push('stderr', `spawn error: ${err.message}`));
      this.proc.once('close', (code, signal) => {
        running.delete(this);
        alive.delete(this.proc);
        this.exitResult = { code, signal };
        resolve(this.exitResult);
        this.notify();
      });
    });
    // Writing to a child that already died must not crash the test run.
    this.proc.stdin?.on('error', () => {});
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get exited(): boolean {
    return this.exitResult !== undefined;
  }

  private collect(stream: 'stdout' | 'stderr') {
    let partial = '';
    const source = this.proc[stream];
    source?.setEncoding('utf8');
    source?.on('data', (chunk: string) => {
      partial += chunk;
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) this.push(stream, part);
    });
    source?.on('end', () => {
      if (partial) this.push(stream, partial);
      partial = '';
    });
  }

  private push(stream: 'stdout' | 'stderr', text: string) {
    this.lines.push({ stream, text: text.replace(/\r$/, ''), at: Date.now(), index: this.lines.length });
    this.notify();
  }

  private notify() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Sends one line to the child's stdin. */
  send(line: string): void {
    if (!this.exited) this.proc.stdin?.write(`${line}\n`);
  }

  /** Closes the child's stdin (a line-driven program then finishes). */
  endInput(): void {
    this.proc.stdin?.end();
  }

  stdout(): string {
    return this.text('stdout');
  }

  stderr(): string {
    return this.text('stderr');
  }

  private text(stream: 'stdout' | 'stderr'): string {
    return this.lines
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('\n');
  }

  /** Everything the child printed, with millisecond offsets, for assertion messages. */
  transcript(): string {
    return this.lines.map((l) => `[+${l.at - this.startedAt}ms ${l.stream}] ${l.text}`).join('\n');
  }

  /**
   * Resolves with the first line matching `pattern` (searching lines already received, from
   * `options.from`). Rejects on timeout, or if the child exits without printing such a line.
   */
  waitForLine(pattern: RegExp, options: WaitForLineOptions = {}): Promise<OutputLine> {
    const { stream, timeoutMs = 10_000, from = 0 } = options;
    const find = () => this.lines.find((l) => l.index >= from && (!stream || l.stream === stream) && pattern.test(l.text));
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit) return done(null, hit);
        if (this.exited) {
          return done(new Error(`child exited (${describeExit(this.exitResult!)}) before printing ${pattern}\n${this.transcript()}`));
        }
      };
      const timer = setTimeout(
        () => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${this.transcript()}`)),
        timeoutMs,
      );
      const done = (err: Error | null, line?: OutputLine) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (err) reject(err);
        else resolve(line!);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves when the child exits; rejects (and kills it) if that takes longer than `timeoutMs`. */
  async waitForExit(timeoutMs = 10_000): Promise<ExitResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(new Error(`child still running after ${timeoutMs} ms\n${this.transcript()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILLs the child if it is still running and waits (bounded) for it to be gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    this.proc.kill('SIGKILL');
    await Promise.race([this.exit, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
}

export function describeExit({ code, signal }: ExitResult): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

export function spawnNode(script: string, options?: SpawnNodeOptions): NodeChild {
  return new NodeChild(script, options);
}

/** Kills every child started through this module that is still running. */
export async function killAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.kill()));
  running.clear();
}
