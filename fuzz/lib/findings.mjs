// Writes each minimal counterexample as a file a developer can open, lint and turn into a regression
// test: fuzz/findings/<invariant>-<hash>.<ext> holds the exact bytes, the .json beside it says what
// failed, the seed and path that replay it, and what the tool produced.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MAX_OUTPUT_CHARS = 20_000;

function truncated(text) {
  if (typeof text !== 'string' || text.length <= MAX_OUTPUT_CHARS) return text;
  return `${text.slice(0, MAX_OUTPUT_CHARS)}\n… (${text.length - MAX_OUTPUT_CHARS} more characters)`;
}

/**
 * @param {string} folder
 * @param {{ invariant: string, kind: string, failure: object, built: object, record: object,
 *           seed: number, path: string, runs: number, shrinks: number }} finding
 * @returns {string} the path of the file written
 */
export function writeFinding(folder, finding) {
  const { invariant, kind, failure, built, record, seed, path: replayPath, runs, shrinks } = finding;
  const hash = crypto.createHash('sha1').update(`${invariant}\0${kind}\0${built.text}`).digest('hex').slice(0, 8);
  const ext = path.extname(built.filename);
  const base = path.join(folder, `${invariant}-${hash}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(`${base}${ext}`, built.text);
  const metadata = {
    invariant,
    kind,
    detail: failure.detail,
    lintAs: built.filename,
    seedFile: built.seed,
    codemodOptions: record.options,
    replay: `npm run fuzz -- --runs ${runs} --seed ${seed} --replay ${replayPath}`,
    shrinks,
    record,
    toolOutput: truncated(failure.output ?? failure.fixed),
  };
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(metadata, null, 2)}\n`);
  return `${base}${ext}`;
}
