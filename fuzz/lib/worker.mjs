// A worker thread: builds each case it is sent and checks every invariant on it. The pool terminates
// the thread when a case runs past its time limit, so a hang costs one case, not the run.
import { parentPort } from 'node:worker_threads';
import { buildCase } from './cases.mjs';
import { checkText } from './check-case.mjs';
import { loadSeeds } from './seeds.mjs';

const seeds = loadSeeds();

function codemodOptions({ errorHandler, connectTimeout, maxRetries }) {
  const options = {};
  if (errorHandler !== undefined) options.errorHandler = errorHandler;
  if (connectTimeout !== undefined) options.connectTimeout = connectTimeout;
  if (maxRetries !== undefined) options.maxRetries = maxRetries;
  return options;
}

parentPort.on('message', ({ id, record }) => {
  const start = performance.now();
  // The pool gives a large file more time: building and checking cost about linear time in its size.
  const tellSize = (size) => parentPort.postMessage({ id, size });
  const built = buildCase(record, seeds, tellSize);
  tellSize(built.text.length);
  const result = built.invalid ? { failures: [], stats: {} } : checkText(built.text, built.filename, codemodOptions(record.options));
  result.stats.ms = performance.now() - start;
  parentPort.postMessage({ id, built, ...result });
});
parentPort.postMessage({ ready: true });
