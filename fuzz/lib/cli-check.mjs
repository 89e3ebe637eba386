// The redis-codemod CLI on folders of mutated files, in batches: it must always exit with 0 or 1 and
// print its summary, give every file a status, and agree with transformSource on each file; a run that
// writes must leave each file exactly as `--dry --print` said it would. When a batch dies, halving it
// finds the file that kills it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST } from './paths.mjs';

const BIN = path.join(DIST, 'cli', 'bin.js');
// transformSource runs every transform, opt-in ones included; so does the CLI here.
const { TRANSFORM_NAMES } = createRequire(import.meta.url)(path.join(DIST, 'codemods', 'api.js'));
const EVERY_TRANSFORM = TRANSFORM_NAMES.flatMap((name) => ['--transform', name]);
const SUMMARY_LINE = /^redis-codemod: \d+ files? scanned/m;

function runCli(args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Where a case's file goes in a batch folder: its virtual path with the case number in the name. */
export function batchPath(item) {
  return item.filename.replace(/((?:\.test)?\.[^./]+)$/, `-${item.index}$1`);
}

/** Why a `--dry --json` run failed as a whole, or undefined; `files` gets each file's report. */
function dryRunProblem(run, count, files) {
  if (run.signal || (run.code !== 0 && run.code !== 1)) return `exit ${run.code ?? run.signal}: ${run.stderr.slice(-300)}`;
  let json;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    return `no JSON report on stdout (exit ${run.code}): ${run.stderr.slice(-300)}`;
  }
  if (json.summary?.scanned !== count) return `summary says ${json.summary?.scanned} files scanned, ${count} given`;
  for (const file of json.files) files.set(file.path, file);
  return undefined;
}

/** Writes the batch's inputs into `folder` (again: a run that writes changed them). */
function writeInputs(items, folder) {
  for (const item of items) {
    const file = path.join(folder, batchPath(item));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, item.text);
  }
}

async function checkBatch(items, folder, timeoutMs) {
  writeInputs(items, folder);
  const paths = items.map(batchPath);
  const files = new Map();
  const dry = await runCli(['--dry', '--json', '--print', ...EVERY_TRANSFORM, ...paths], folder, timeoutMs);
  const dryProblem = dryRunProblem(dry, items.length, files);
  if (dryProblem) return { problem: `--dry --json: ${dryProblem}` };
  const check = await runCli(['--check', ...EVERY_TRANSFORM, ...paths], folder, timeoutMs);
  if (check.signal || (check.code !== 0 && check.code !== 1) || !SUMMARY_LINE.test(check.stderr)) {
    return { problem: `--check: exit ${check.code ?? check.signal}, no summary: ${check.stderr.slice(-300)}` };
  }
  // Outside git, so that writing takes --allow-outside-git; it runs the preview-then-write path all the same.
  const written = new Map();
  const write = await runCli(['--json', '--allow-outside-git', ...EVERY_TRANSFORM, ...paths], folder, timeoutMs);
  const writeProblem = dryRunProblem(write, items.length, written);
  if (writeProblem) return { problem: `writing: ${writeProblem}` };
  const texts = new Map(paths.map((rel) => [rel, fs.readFileSync(path.join(folder, rel), 'utf8')]));
  return { files, written, texts };
}

/** The items of a failing batch that fail alone, with their problem (halving). */
async function culprits(items, folder, timeoutMs, problem) {
  if (items.length === 1) return [{ item: items[0], problem }];
  const middle = items.length >> 1;
  const found = [];
  for (const half of [items.slice(0, middle), items.slice(middle)]) {
    const result = await checkBatch(half, folder, timeoutMs);
    if (result.problem) found.push(...(await culprits(half, folder, timeoutMs, result.problem)));
  }
  return found;
}

/** A run that writes does what `--dry --print` said: the same status, and the printed text on disk. */
function writeFailures(item, dryReport, writeReport, text) {
  const failure = (kind) => [{ invariant: 'cli-file-error', kind, detail: batchPath(item) }];
  if (!writeReport) return failure('file missing from the report of the run that writes');
  if (writeReport.status !== dryReport.status) return failure(`written ${writeReport.status}, --dry said ${dryReport.status}`);
  const expected = dryReport.status === 'changed' ? dryReport.output : item.text;
  return text === expected ? [] : failure('the written text is not what --dry --print printed');
}

function fileFailures(item, report) {
  if (!report) return [{ invariant: 'cli-file-error', kind: 'file missing from the report', detail: batchPath(item) }];
  if (report.status === 'error' && item.codemodOk) {
    return [{ invariant: 'cli-file-error', kind: 'error on a file transformSource handles', detail: report.error?.message ?? '' }];
  }
  const expected = item.changed ? 'changed' : 'unchanged';
  if (item.codemodOk && report.status !== expected && report.status !== 'error') {
    return [{ invariant: 'cli-file-error', kind: `status ${report.status}, transformSource says ${expected}`, detail: batchPath(item) }];
  }
  return [];
}

/**
 * @param {{ index: number, text: string, filename: string, codemodOk: boolean, changed: boolean }[]} items
 * @returns {Promise<{ failures: Map<number, object[]>, batches: number }>}
 */
export async function checkCli(items, { batchSize = 500, timeoutMs = 600_000 } = {}) {
  const failures = new Map();
  const add = (item, list) => list.length > 0 && failures.set(item.index, [...(failures.get(item.index) ?? []), ...list]);
  let batches = 0;
  for (let start = 0; start < items.length; start += batchSize, batches++) {
    const batch = items.slice(start, start + batchSize);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-fuzz-cli-'));
    try {
      const result = await checkBatch(batch, folder, timeoutMs);
      if (result.problem) {
        const found = await culprits(batch, folder, timeoutMs, result.problem);
        if (found.length === 0) found.push({ item: batch[0], problem: `only the whole batch fails: ${result.problem}` });
        for (const { item, problem } of found) add(item, [{ invariant: 'cli-dies', kind: 'CLI run failed', detail: problem }]);
        continue;
      }
      for (const item of batch) {
        const rel = batchPath(item);
        const dryReport = result.files.get(rel);
        add(item, fileFailures(item, dryReport));
        if (dryReport) add(item, writeFailures(item, dryReport, result.written.get(rel), result.texts.get(rel)));
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
  return { failures, batches };
}
