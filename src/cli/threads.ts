/**
 * Worker threads (piscina) for processFile, each with a heap limit and a time budget per file. A file
 * over either is reported as skipped and piscina replaces its thread: one file can never end the run.
 */
import path from 'node:path';
import type { Piscina } from 'piscina';
import { outOfMemoryReason, outOfTimeReason } from './limits';
import { INTERRUPTED, type FileEntry, type FileReport, type ProcessConfig } from './process-file';
import { removeOwnTempFiles } from './temp-files';

export interface ThreadLimits {
  /** V8 heap (old generation) per thread. */
  memoryMb: number;
  /** Budget per file, from the moment it is sent to a thread (the first one includes the thread's start-up). */
  timeoutMs: number;
  stackMb?: number;
}

/** A task's state, shared with its thread in an Int32Array: a write is never cut in half. */
export const WORKING = 0;
export const WRITING = 1;
export const STOPPED = 2;

export interface Task {
  file: FileEntry;
  config: ProcessConfig;
  state: Int32Array;
}

export interface ThreadRun {
  files: readonly FileEntry[];
  config: ProcessConfig;
  threads: number;
  limits: ThreadLimits;
  /** The next file (an index into `files`), or undefined when there is none. */
  take: () => number | undefined;
  /** Aborted on SIGINT/SIGTERM: no new file is started, no write is cut in half. */
  signal: AbortSignal;
  /** A file's outcome; undefined when the run was stopped before it was processed. */
  settle: (index: number, report: FileReport | undefined) => void;
}

/** Runs files on `run.threads` threads, one file per thread at a time, until none is left or the run is stopped. */
export async function runThreads(run: ThreadRun): Promise<void> {
  if (run.threads === 0 || run.signal.aborted) return;
  const { Piscina: Pool } = await import('piscina');
  const { memoryMb, stackMb } = run.limits;
  const pool = new Pool({
    filename: path.join(__dirname, 'worker.js'),
    minThreads: run.threads,
    maxThreads: run.threads,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, ...(stackMb ? { stackSizeMb: stackMb } : {}) },
  });
  const lane = async (): Promise<void> => {
    for (let index = run.take(); index !== undefined && !run.signal.aborted; index = run.take()) {
      run.settle(index, await runTask(pool, run, index));
    }
  };
  try {
    await Promise.all(Array.from({ length: run.threads }, lane));
  } finally {
    await pool.destroy();
  }
}

async function runTask(pool: Piscina, run: ThreadRun, index: number): Promise<FileReport | undefined> {
  const file = run.files[index];
  const state = new Int32Array(new SharedArrayBuffer(4));
  const controller = new AbortController();
  let outOfTime = false;
  // Stopped while writing: the write finishes, and the file counts as done.
  const stop = (): boolean => Atomics.compareExchange(state, 0, WORKING, STOPPED) !== WRITING && (controller.abort(), true);
  const timer = setTimeout(() => (outOfTime = stop()), run.limits.timeoutMs);
  run.signal.addEventListener('abort', stop);
  try {
    const report = (await pool.run({ file, config: run.config, state } satisfies Task, { signal: controller.signal })) as FileReport;
    return report.reason === INTERRUPTED ? undefined : report;
  } catch (error) {
    if (controller.signal.aborted && !outOfTime) return undefined;
    // It may have died in the middle of writing: its temp file must not stay behind.
    removeOwnTempFiles(file.realPath);
    return failureReport(file, outOfTime ? 'time' : error, run.limits);
  } finally {
    clearTimeout(timer);
    run.signal.removeEventListener('abort', stop);
  }
}

function failureReport(file: FileEntry, failure: unknown, { memoryMb, timeoutMs }: ThreadLimits): FileReport {
  const base = { path: file.path, applied: [], skipped: [] };
  if (failure === 'time') return { ...base, status: 'skipped', reason: outOfTimeReason(timeoutMs) };
  const { code, message } = failure as { code?: string; message?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { ...base, status: 'skipped', reason: outOfMemoryReason(memoryMb) };
  return { ...base, status: 'error', error: { message: `internal error: worker failed: ${message ?? String(failure)}` } };
}
