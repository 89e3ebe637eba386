/** Worker-thread entry for piscina: processes one file (see threads.ts). */
import { processFile, type FileReport } from './process-file';
import { WORKING, WRITING, type Task } from './threads';

export default function processTask({ file, config, state }: Task): Promise<FileReport> {
  // Writes only while the main thread has not stopped the task; it waits for a write to end.
  return processFile(file, config, {
    begin: () => Atomics.compareExchange(state, 0, WORKING, WRITING) === WORKING,
    end: () => void Atomics.compareExchange(state, 0, WRITING, WORKING),
  });
}
