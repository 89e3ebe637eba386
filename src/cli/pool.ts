/**
 * Runs processFile over many files. Files that never name node-redis are settled on the main thread;
 * the others are parsed on the main thread when small and few, else on worker threads (threads.ts).
 * Large files always go to a thread, whose heap limit and time budget protect the run.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import { mayUseRedis } from '../core/redis-modules';
import { NESTED_TOO_DEEPLY, processFile, readSource, type FileEntry, type FileReport, type ProcessConfig } from './process-file';
import { runThreads, type ThreadLimits } from './threads';

/** Below this many files to parse, starting threads costs more than it saves. */
export const IN_PROCESS_LIMIT = 50;
/**
 * Larger files are parsed on a thread even in a small run: parsing costs about 500 bytes of heap per
 * byte of source, so a 64 KB file stays near 30 MB, far from anything that could end the main thread.
 */
export const IN_PROCESS_MAX_BYTES = 64 * 1024;
/** Thread stack for files nested too deeply for the default one (V8's default is under 1 MB). */
const LARGE_STACK_MB = 256;
/** The main thread lets timers and signals in after this many files. */
const FILES_PER_TICK = 64;
/**
 * A preview's changed files keep their new text (`ProcessConfig.hold`) up to this much in all, so that
 * writing them does not transform them again; past it, a file's text is dropped and it is transformed again.
 */
export const MAX_HELD_BYTES = 128 * 1024 * 1024;

export interface RunOptions {
  /** Threads in a large run (the main thread counts as one). */
  workers: number;
  limits: ThreadLimits;
  /** Aborted on SIGINT/SIGTERM: no new file is started, no write is cut in half. */
  signal: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The budget for the text a preview holds (`MAX_HELD_BYTES` when absent). */
  maxHeldBytes?: number;
}

/**
 * One report per file, in order; undefined for the files not processed because the run was stopped.
 * Files that exhausted the stack get one more try on a thread with a much larger stack, so whether a
 * deeply nested file is handled never depends on the thread, the JIT's state or the files before it.
 */
export async function processAll(files: readonly FileEntry[], config: ProcessConfig, options: RunOptions): Promise<(FileReport | undefined)[]> {
  const reports: (FileReport | undefined)[] = new Array(files.length).fill(undefined);
  let done = 0;
  let held = 0;
  const settle = (index: number, report: FileReport | undefined): void => {
    if (report?.held) {
      held += report.held.output.length + report.held.original.bytes.byteLength;
      if (held > (options.maxHeldBytes ?? MAX_HELD_BYTES)) delete report.held;
    }
    reports[index] = report;
    if (report) options.onProgress?.(++done, files.length);
  };
  const queues = await triage(files, config, options.signal, settle);
  if (queues) await runQueues(files, config, queues, options, settle);
  const tooDeep = reports.flatMap((report, index) => (report?.reason === NESTED_TOO_DEEPLY ? [index] : []));
  if (tooDeep.length > 0 && !options.signal.aborted) {
    // If even that thread fails, the file is reported with the reason (out of memory, time).
    await runThreads({
      files,
      config,
      threads: 1,
      limits: { ...options.limits, stackMb: LARGE_STACK_MB },
      take: () => tooDeep.shift(),
      signal: options.signal,
      settle: (index, report) => (reports[index] = report ?? reports[index]),
    });
  }
  return reports;
}

/** Settles the files that never name node-redis; queues the others, by size. Undefined if stopped. */
async function triage(
  files: readonly FileEntry[],
  config: ProcessConfig,
  signal: AbortSignal,
  settle: (index: number, report: FileReport) => void,
): Promise<{ small: number[]; large: number[] } | undefined> {
  const small: number[] = [];
  const large: number[] = [];
  for (const [index, file] of files.entries()) {
    if (index % FILES_PER_TICK === 0) await nextTick();
    if (signal.aborted) return undefined;
    const size = sizeToParse(file, config);
    if (size === undefined) settle(index, await processFile(file, config));
    else (size > IN_PROCESS_MAX_BYTES ? large : small).push(index);
  }
  return { small, large };
}

/** The size of a file that names node-redis (or a client module); undefined if it needs no parsing. */
function sizeToParse(file: FileEntry, config: ProcessConfig): number | undefined {
  try {
    const source = readSource(file.realPath, config.maxFileSize);
    if ('tooLarge' in source) return undefined; // processFile reports it, unread
    return mayUseRedis(source.bytes.toString('latin1'), config.codemod.clientModules ?? []) ? source.bytes.length : undefined;
  } catch {
    return 0; // unreadable: processFile reports why
  }
}

async function runQueues(
  files: readonly FileEntry[],
  config: ProcessConfig,
  { small, large }: { small: number[]; large: number[] },
  options: RunOptions,
  settle: (index: number, report: FileReport | undefined) => void,
): Promise<void> {
  const manyFiles = options.workers > 1 && small.length + large.length >= IN_PROCESS_LIMIT;
  const threads = manyFiles ? Math.min(options.workers - 1, small.length + large.length) : Math.min(large.length, 1);
  const take = (): number | undefined => large.shift() ?? (manyFiles ? small.shift() : undefined);
  const { limits, signal } = options;
  await Promise.all([
    runThreads({ files, config, threads, limits, take, signal, settle }),
    runOnMainThread(files, config, small, signal, settle),
  ]);
}

/** One file per tick, so the threads' messages, their clocks and signals are answered in between. */
async function runOnMainThread(
  files: readonly FileEntry[],
  config: ProcessConfig,
  queue: number[],
  signal: AbortSignal,
  settle: (index: number, report: FileReport) => void,
): Promise<void> {
  for (let index = queue.shift(); index !== undefined && !signal.aborted; index = queue.shift()) {
    settle(index, await processFile(files[index], config));
    await nextTick();
  }
}
