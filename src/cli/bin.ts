#!/usr/bin/env node
/** `redis-codemod`: runs the codemod transforms over files and folders. See `redis-codemod --help`. */
import nodeModule from 'node:module';

// Node 22.1+ keeps the compiled code of the modules the CLI loads (ESLint, TypeScript) between runs, as
// ESLint's own bin does; it must be on before they load. Older versions have no such function.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { NAME, main } = require('./main') as typeof import('./main');

// `redis-codemod --diff | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
