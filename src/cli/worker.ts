/** Worker-thread entry: processes the files threads.ts sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type WriteGate } from './process-file';
import { STOPPED, WORKING, WRITING, type WorkerInput, type WorkerReply, type WorkerRequest } from './threads';

const { config, state } = workerData as WorkerInput;

/** Writes only while the main thread has not stopped this thread; it waits for a write to end. */
const gate: WriteGate = {
  begin: () => Atomics.compareExchange(state, 0, WORKING, WRITING) === WORKING,
  end: () => void Atomics.compareExchange(state, 0, WRITING, WORKING),
};

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    const report =
      Atomics.load(state, 0) === STOPPED ? undefined : processFile(request.file, config, gate);
    if (report) port.postMessage({ index: request.index, report } satisfies WorkerReply);
  });
}
