/** Runs processFile over many files: in-process for small runs, else on a pool of worker threads. */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mayUseRedis } from '../core/redis-modules';
import { NESTED_TOO_DEEPLY, processFile, type FileReport, type ProcessConfig } from './process-file';

export interface FileEntry {
  path: string;
  realPath: string;
}
export interface WorkerRequest {
  start: number;
  files: FileEntry[];
}
export interface WorkerReply {
  start: number;
  reports: FileReport[];
}

/** Below this many files, starting workers costs more than it saves. */
export const IN_PROCESS_LIMIT = 50;
const BATCH_SIZE = 16;
/** Thread stack for files nested too deeply for the default one (V8's default is under 1 MB). */
const LARGE_STACK_MB = 256;

/**
 * Runs processFile over every file, then gives files that exhausted the stack one more try on a thread
 * with a much larger stack, so whether a deeply nested file is handled never depends on the thread, the
 * JIT's state or which files came before it.
 */
export async function processAll(
  files: readonly FileEntry[],
  config: ProcessConfig,
  workerCount: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<FileReport[]> {
  // Most files of a repository never name node-redis: they cost a read and are settled here, so
  // worker threads (which each load the parser) start only when enough files need parsing.
  const reports: FileReport[] = new Array(files.length);
  const needParsing: number[] = [];
  let settled = 0;
  files.forEach((file, index) => {
    if (mayNeedParsing(file, config)) {
      needParsing.push(index);
    } else {
      reports[index] = processFile(file, config);
      onProgress(++settled, files.length);
    }
  });
  const parsed = await processOnPool(
    needParsing.map((index) => files[index]!),
    config,
    workerCount,
    (done) => onProgress(settled + done, files.length),
  );
  needParsing.forEach((index, i) => (reports[index] = parsed[i]!));
  const tooDeep = reports.flatMap((report, index) => (report.reason === NESTED_TOO_DEEPLY ? [index] : []));
  if (tooDeep.length > 0) {
    // If even that thread fails (out of memory), the files stay skipped with their reason.
    const retried = await processOnLargeStack(tooDeep.map((index) => files[index]!), config).catch(() => undefined);
    if (retried) tooDeep.forEach((index, i) => (reports[index] = retried[i]!));
  }
  return reports;
}

/** Whether a file names a node-redis module (or a client module); unreadable files go the long way. */
function mayNeedParsing(file: FileEntry, config: ProcessConfig): boolean {
  try {
    return mayUseRedis(fs.readFileSync(file.realPath, 'latin1'), config.codemod.clientModules ?? []);
  } catch {
    return true;
  }
}

function processOnLargeStack(files: FileEntry[], config: ProcessConfig): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: config,
      resourceLimits: { stackSizeMb: LARGE_STACK_MB },
    });
    worker.once('message', (reply: WorkerReply) => {
      worker.postMessage(null);
      resolve(reply.reports);
    });
    worker.once('error', reject);
    const request: WorkerRequest = { start: 0, files };
    worker.postMessage(request);
  });
}

async function processOnPool(
  files: readonly FileEntry[],
  config: ProcessConfig,
  workerCount: number,
  onProgress: (done: number, total: number) => void,
): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  let done = 0;
  const runInProcess = (start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      reports[i] = processFile(files[i], config);
      onProgress(++done, files.length);
    }
  };
  if (workerCount <= 1 || files.length < IN_PROCESS_LIMIT) {
    runInProcess(0, files.length);
    return reports;
  }

  const batches: number[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(start);
  const batchEnd = (start: number): number => Math.min(start + BATCH_SIZE, files.length);

  await new Promise<void>((resolve) => {
    // The main thread works through the queue too (one file per tick, so it keeps answering the
    // workers): it has the transforms loaded already, while a new worker takes a while to load them.
    let running = Math.min(workerCount - 1, batches.length - 1);
    let mainDone = false;
    const finishIfDone = (): void => {
      if (mainDone && running === 0) resolve();
    };

    const mainBatch: number[] = [];
    const mainTick = (): void => {
      if (mainBatch.length === 0) {
        const start = batches.shift();
        if (start === undefined) {
          mainDone = true;
          finishIfDone();
          return;
        }
        for (let i = start; i < batchEnd(start); i++) mainBatch.push(i);
      }
      const i = mainBatch.shift()!;
      runInProcess(i, i + 1);
      setImmediate(mainTick);
    };

    const startWorker = (): void => {
      const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: config });
      const inFlight: number[] = [];
      const send = (): void => {
        const start = batches.shift();
        if (start === undefined) {
          if (inFlight.length === 0) worker.postMessage(null);
          return;
        }
        inFlight.push(start);
        const request: WorkerRequest = { start, files: files.slice(start, batchEnd(start)) };
        worker.postMessage(request);
      };
      worker.on('message', (reply: WorkerReply) => {
        inFlight.splice(inFlight.indexOf(reply.start), 1);
        reply.reports.forEach((report, i) => (reports[reply.start + i] = report));
        done += reply.reports.length;
        onProgress(done, files.length);
        send();
      });
      worker.on('error', (error) => {
        // A crashed worker's batches are reported as errors; the others carry on.
        for (const start of inFlight.splice(0)) {
          for (let i = start; i < batchEnd(start); i++) {
            reports[i] = {
              path: files[i].path,
              status: 'error',
              applied: [],
              skipped: [],
              error: { message: `internal error: worker failed: ${error.message}` },
            };
          }
          done += batchEnd(start) - start;
        }
      });
      worker.on('exit', () => {
        running--;
        finishIfDone();
      });
      // Two batches in flight, so a worker never waits for the main thread to hand out the next.
      send();
      send();
    };
    for (let i = 0; i < running; i++) startWorker();
    mainTick();
  });
  return reports;
}
