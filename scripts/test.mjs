// `npm test`: everything CI checks, one step after another, with how long each step took.
// The full run needs `redis-server` on PATH (the integration tests start their own servers) and takes a
// few minutes on 2 cores; `npm run test:unit` is the fast loop.
import { spawn } from 'node:child_process';

const STEPS = [
  ['build', 'npm', ['run', 'build']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['docs:check', 'npm', ['run', 'docs:check']],
  ['vitest (unit + integration)', 'npx', ['vitest', 'run']],
];
const COUNT_LINE = /^vitest: \d+ passed, \d+ failed/;

/** Runs a step with its output passed through; resolves to its exit code and its last count line. */
function runStep(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let countLine;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop();
      for (const line of lines) if (COUNT_LINE.test(line)) countLine = line;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), countLine }));
  });
}

const timings = [];
let failed;
let countLine;
for (const [name, command, args] of STEPS) {
  console.log(`\n==> ${name}`);
  const start = performance.now();
  const result = await runStep(command, args);
  timings.push([name, (performance.now() - start) / 1000]);
  countLine = result.countLine ?? countLine;
  if (result.code !== 0) {
    failed = name;
    break;
  }
}
console.log('\nnpm test, time per step:');
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s`);
if (failed) console.log(`npm test: failed at ${failed}`);
// CI reads the closing count line: repeat the vitest one last.
if (countLine) console.log(`\n${countLine}`);
process.exitCode = failed ? 1 : 0;
