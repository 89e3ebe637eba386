/** Worker-thread entry: processes batches of files sent by pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileEntry, WorkerReply, WorkerRequest } from './pool';
import { processFile, type ProcessConfig } from './process-file';

const config = workerData as ProcessConfig;
const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest | null) => {
    if (request === null) {
      port.close();
      return;
    }
    const reply: WorkerReply = {
      start: request.start,
      reports: request.files.map((file: FileEntry) => processFile(file, config)),
    };
    port.postMessage(reply);
  });
}
