/**
 * Worker threads for processFile, each with a heap limit and a time budget per file. A thread that
 * runs out of memory or time is ended, its file reported as skipped, and a fresh thread takes the
 * remaining files: one file can never end the run.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { outOfMemoryReason, outOfTimeReason } from './limits';
import { INTERRUPTED, type FileEntry, type FileReport, type ProcessConfig } from './process-file';
import { removeOwnTempFiles } from './temp-files';

export interface ThreadLimits {
  /** V8 heap (old generation) per thread. */
  memoryMb: number;
  /** Budget per file, from the moment the thread starts it (the first one includes the thread's start-up). */
  timeoutMs: number;
  stackMb?: number;
}

/** A thread's state, shared with it in an Int32Array: a write is never cut in half. */
export const WORKING = 0;
export const WRITING = 1;
export const STOPPED = 2;

export interface WorkerInput {
  config: ProcessConfig;
  state: Int32Array;
}
export type WorkerRequest = { index: number; file: FileEntry } | null;
export interface WorkerReply {
  index: number;
  report: FileReport;
}

export interface ThreadPoolOptions {
  config: ProcessConfig;
  limits: ThreadLimits;
  /** The next file (an index into `files`) for a thread, or undefined when there is none. */
  take: () => number | undefined;
  /** Puts a file back at the front of the queue (one a dead thread had not started). */
  giveBack: (index: number) => void;
  /** A file's outcome; undefined when the run was stopped before it was processed. */
  settle: (index: number, report: FileReport | undefined) => void;
}

type Failure = { kind: 'memory' } | { kind: 'time' } | { kind: 'crash'; message: string };

/** Files queued on a thread, oldest first: the first one is the one it is working on. */
class Thread {
  readonly state = new Int32Array(new SharedArrayBuffer(4));
  readonly queued: number[] = [];
  readonly worker: Worker;
  timer: NodeJS.Timeout | undefined;
  failure: Failure | undefined;

  constructor(options: ThreadPoolOptions) {
    const workerData: WorkerInput = { config: options.config, state: this.state };
    const { memoryMb, stackMb } = options.limits;
    this.worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, ...(stackMb ? { stackSizeMb: stackMb } : {}) },
    });
  }

  /** Ends the thread unless it is writing; returns false if it is (ask again after its next reply). */
  stop(): boolean {
    if (Atomics.compareExchange(this.state, 0, WORKING, STOPPED) === WRITING) return false;
    void this.worker.terminate();
    return true;
  }
}

export class ThreadPool {
  private readonly threads = new Set<Thread>();
  private stopping = false;
  private done: (() => void) | undefined;

  constructor(
    private readonly files: readonly FileEntry[],
    private readonly options: ThreadPoolOptions,
  ) {}

  /** Runs `count` threads until no file is left (or stop()); resolves when every thread has ended. */
  run(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.done = resolve;
      for (let i = 0; i < count; i++) this.spawn();
      if (this.threads.size === 0) resolve();
    });
  }

  /** Takes no more files; ends each thread as soon as it is not writing. */
  stop(): void {
    this.stopping = true;
    for (const thread of this.threads) thread.stop();
  }

  private spawn(): void {
    const thread = new Thread(this.options);
    this.threads.add(thread);
    thread.worker.on('message', (reply: WorkerReply) => this.onReply(thread, reply));
    thread.worker.on('error', (error: Error & { code?: string }) => {
      thread.failure ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory' } : { kind: 'crash', message: error.message };
    });
    thread.worker.on('exit', (code) => this.onExit(thread, code));
    // Two files queued, so a thread never waits for the main thread to hand out the next one.
    this.send(thread);
    this.send(thread);
  }

  private send(thread: Thread): void {
    const index = this.stopping ? undefined : this.options.take();
    if (index === undefined) {
      if (thread.queued.length === 0) thread.worker.postMessage(null satisfies WorkerRequest);
      return;
    }
    thread.queued.push(index);
    thread.worker.postMessage({ index, file: this.files[index] } satisfies WorkerRequest);
    if (thread.queued.length === 1) this.startClock(thread);
  }

  private startClock(thread: Thread): void {
    clearTimeout(thread.timer);
    thread.timer = setTimeout(() => {
      // Over budget while writing: the write finishes, and the file counts as done.
      if (thread.stop()) thread.failure ??= { kind: 'time' };
    }, this.options.limits.timeoutMs);
  }

  private onReply(thread: Thread, { index, report }: WorkerReply): void {
    thread.queued.splice(thread.queued.indexOf(index), 1);
    clearTimeout(thread.timer);
    this.options.settle(index, report.reason === INTERRUPTED ? undefined : report);
    if (this.stopping) {
      thread.stop();
      return;
    }
    if (thread.queued.length > 0) this.startClock(thread);
    this.send(thread);
  }

  private onExit(thread: Thread, code: number): void {
    clearTimeout(thread.timer);
    this.threads.delete(thread);
    const [current, ...waiting] = thread.queued;
    if (current !== undefined) {
      const failure = thread.failure ?? (this.stopping ? undefined : { kind: 'crash', message: `exited with code ${code}` });
      if (failure === undefined) {
        for (const index of thread.queued) this.options.settle(index, undefined);
      } else {
        // It may have died in the middle of writing: its temp file must not stay behind.
        removeOwnTempFiles(this.files[current].realPath);
        this.options.settle(current, this.failureReport(current, failure));
        for (const index of waiting.reverse()) this.options.giveBack(index);
        this.replace();
      }
    }
    if (this.threads.size === 0) this.done?.();
  }

  /** A fresh thread for a dead one, if files are left. */
  private replace(): void {
    const next = this.stopping ? undefined : this.options.take();
    if (next === undefined) return;
    this.options.giveBack(next);
    this.spawn();
  }

  private failureReport(index: number, failure: Failure): FileReport {
    const base = { path: this.files[index].path, applied: [], skipped: [] };
    const { memoryMb, timeoutMs } = this.options.limits;
    if (failure.kind === 'memory') return { ...base, status: 'skipped', reason: outOfMemoryReason(memoryMb) };
    if (failure.kind === 'time') return { ...base, status: 'skipped', reason: outOfTimeReason(timeoutMs) };
    return { ...base, status: 'error', error: { message: `internal error: worker failed: ${failure.message}` } };
  }
}
