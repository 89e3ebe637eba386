/**
 * Bad input: truncated files, random token edits, absurd nesting and huge literals. A rule never throws
 * and never turns parseable code into a fatal message; a transform either succeeds with output that
 * parses or throws SourceParseError because the input does not parse.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayUseRedis } from '../../src/core/redis-modules';
import { BIN, ensureBuilt } from '../helpers/cli-harness';
import { fixture, lint, parseProblem, prng, transformAll } from './helpers';

const FIXTURES = ['session-store.cjs', 'rate-limiter.ts', 'worker-pool.mjs'];

afterAll(() => {
  if (parserStackLimits.length > 0) {
    console.warn(`The codemods' parser needed more than this thread's stack (NestingTooDeepError) on: ${parserStackLimits.join(', ')}`);
  }
  if (eslintLimits.length > 0) {
    console.warn(`ESLint itself (no plugin rules) threw on ${eslintLimits.length} input(s); the plugin was not checked there:\n${eslintLimits.join('\n')}`);
  }
});

/** Inputs on which ESLint itself throws with no plugin rules at all (reported, not failed). */
const eslintLimits: string[] = [];
/** Inputs the codemods' parser gives up on with a stack overflow, surfaced as SourceParseError. */
const parserStackLimits: string[] = [];

function firstLines(error: unknown): string {
  return ((error as Error).stack ?? String(error)).split('\n').slice(0, 4).join(' | ');
}

interface Failure {
  label: string;
  problem: string;
}

/** Lints and transforms one input; returns what went wrong (empty when all is well). */
function check(label: string, text: string, filename: string): Failure[] {
  const failures: Failure[] = [];
  const fail = (problem: string) => failures.push({ label, problem });
  const parseError = parseProblem(text, filename);

  let parseOnly;
  try {
    parseOnly = lint(text, filename, 'parse');
  } catch (error) {
    // ESLint itself (parser or eslint-scope) gives up on this input: nothing the plugin can do.
    eslintLimits.push(`${label}: ${firstLines(error)}`);
  }
  if (parseOnly) {
    try {
      const withPlugin = lint(text, filename, 'recommended');
      if (!parseOnly.some((m) => m.fatal) && withPlugin.some((m) => m.fatal)) {
        fail(`lint: fatal only with the plugin: ${withPlugin.find((m) => m.fatal)?.message}`);
      }
    } catch (error) {
      fail(`lint threw with the plugin only: ${firstLines(error)}`);
    }
  }

  try {
    const outcome = transformAll(text, filename);
    if (outcome.kind === 'too-deep') {
      // typescript-estree recurses once per nesting level; the CLI retries on a larger stack (below).
      parserStackLimits.push(label);
    } else if (outcome.kind === 'parse-error') {
      if (parseError === undefined) fail(`transform: SourceParseError for input that parses: ${outcome.message}`);
    } else {
      // Files that fail the cheap pre-check are not parsed at all: unchanged is the right answer.
      if (parseError !== undefined && (outcome.changed || mayUseRedis(text, []))) {
        fail(`transform: accepted input that does not parse (${parseError})`);
      }
      if (outcome.changed) {
        const outputProblem = parseProblem(outcome.output, filename);
        if (outputProblem) fail(`transform: output does not parse: ${outputProblem}`);
      }
    }
  } catch (error) {
    fail(`transform threw: ${firstLines(error)}`);
  }
  return failures;
}

describe('truncated files', () => {
  it.each(FIXTURES)('every prefix of %s (in steps) is handled', (name) => {
    const text = fixture(name);
    const step = Math.max(1, Math.floor(text.length / 120));
    const failures: Failure[] = [];
    for (let end = 0; end <= text.length; end += step) {
      failures.push(...check(`${name}[0, ${end})`, text.slice(0, end), `mangled/${name}`));
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

const TOKEN = /[A-Za-z_$][\w$]*|\d+|'[^'\n]*'|`[^`]*`|"[^"\n]*"|=>|\.\.\.|\?\.|[^\s\w]/g;
const INSERTS = ['(', ')', '{', '}', '[', ']', ',', ';', '.', '=>', '...', '?.', 'await', 'async', 'new', 'createClient', 'createClient()', '.on', "'error'", 'null', 'client', 'socket', ':', '?', '!', 'function', 'class', 'return', '`${'];

/** One random edit: delete, duplicate, swap with the next token, or insert a token. */
function mutate(text: string, rand: () => number): string {
  const tokens = [...text.matchAll(TOKEN)];
  if (tokens.length === 0) return text;
  const i = Math.floor(rand() * tokens.length);
  const token = tokens[i];
  const start = token.index;
  const end = start + token[0].length;
  switch (Math.floor(rand() * 4)) {
    case 0:
      return text.slice(0, start) + text.slice(end);
    case 1:
      return text.slice(0, end) + ' ' + token[0] + text.slice(end);
    case 2: {
      const next = tokens[i + 1];
      if (!next) return text.slice(0, start);
      return text.slice(0, start) + next[0] + text.slice(end, next.index) + token[0] + text.slice(next.index + next[0].length);
    }
    default:
      return text.slice(0, start) + INSERTS[Math.floor(rand() * INSERTS.length)] + ' ' + text.slice(start);
  }
}

describe('random token edits (seeded)', () => {
  it.each(FIXTURES)('%s with 1 or 2 random edits, 200 times', (name) => {
    const original = fixture(name);
    const rand = prng(0xc0ffee + name.length);
    const failures: Failure[] = [];
    let parseable = 0;
    for (let n = 0; n < 200; n++) {
      let text = original;
      const edits = rand() < 0.7 ? 1 : 2;
      for (let e = 0; e < edits; e++) text = mutate(text, rand);
      if (parseProblem(text, `mangled/${name}`) === undefined) parseable++;
      failures.push(...check(`${name} mutation #${n}`, text, `mangled/${name}`));
    }
    expect(failures).toEqual([]);
    // The edits must leave a fair share parseable, or the rules were never exercised.
    expect(parseable).toBeGreaterThan(10);
  }, 60_000);
});

const HEAD = "import { createClient } from 'redis';\nconst flag = Math.random() > 0.5;\n";
const DEPTH = 2000;

describe('deep nesting', () => {
  const cases: [string, string][] = [
    ['parentheses', `${HEAD}const client = ${'('.repeat(DEPTH)}createClient({ url: 'redis://x' })${')'.repeat(DEPTH)};\nclient.connect();\n`],
    ['arrays', `${HEAD}const clients = ${'['.repeat(DEPTH)}createClient()${']'.repeat(DEPTH)};\n`],
    ['conditionals', `${HEAD}const client = ${'flag ? null : '.repeat(DEPTH)}createClient();\nawait client.connect();\n`],
    ['logical and sequence', `${HEAD}const client = ${'flag && '.repeat(DEPTH)}(0, createClient());\n`],
    ['object options', `${HEAD}const client = createClient(${'{ socket: '.repeat(DEPTH)}{}${' }'.repeat(DEPTH)});\n`],
    ['member chain', `${HEAD}const client = createClient()${".on('ready', () => {})".repeat(DEPTH)};\n`],
    ['nested arrow functions', `${HEAD}const make = ${'() => '.repeat(DEPTH)}createClient();\n`],
    [
      'nested blocks with shadowing',
      `${HEAD}${'{ let client = createClient(); '.repeat(500)}${'}'.repeat(500)}\n`,
    ],
  ];
  it.each(cases)('%s around createClient()', (label, text) => {
    expect(check(label, text, 'mangled/deep.mjs')).toEqual([]);
  }, 60_000);
});

describe('huge literals', () => {
  it('a 5 MB string literal in the options', () => {
    const text = `${HEAD}const url = '${'x'.repeat(5 * 2 ** 20)}';\nconst client = createClient({ url });\nclient.connect();\n`;
    expect(check('5 MB string', text, 'mangled/huge-string.mjs')).toEqual([]);
  }, 60_000);

  it('a 100k-element array next to clients', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => i).join(', ');
    const text = `${HEAD}const table = [${items}];\nconst clients = [${'createClient(), '.repeat(200)}];\nconst one = createClient({ socket: { reconnectStrategy: false } });\n`;
    expect(check('100k array', text, 'mangled/huge-array.mjs')).toEqual([]);
  }, 60_000);

  it('a 100k-property options object', () => {
    const props = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join(', ');
    const text = `${HEAD}const client = createClient({ ${props}, socket: { connectTimeout: 1 } });\n`;
    expect(check('100k properties', text, 'mangled/huge-object.mjs')).toEqual([]);
  }, 240_000);
});

describe('nesting beyond the default stack', () => {
  // typescript-estree converts recursively, so a long string concatenation (old or generated code) can
  // exhaust a thread's default stack, depending on the JIT's state. transformSource then throws
  // NestingTooDeepError (never a fake parse error), and the CLI retries the file on a thread with a
  // large stack, so a fresh CLI handles it the same way every time.
  it('a valid JS file with a 1,500-term string concatenation is transformed by a fresh CLI', () => {
    const concat = Array.from({ length: 1500 }, (_, i) => `'<li>${i}</li>'`).join(' + ');
    const text = `${HEAD}const html = ${concat};\nconst client = createClient();\n`;
    expect(lint(text, 'mangled/concat.mjs', 'parse').filter((m) => m.fatal)).toEqual([]);
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-robustness-concat-'));
    try {
      fs.writeFileSync(path.join(dir, 'page.mjs'), text);
      const run = spawnSync(process.execPath, [BIN, '--dry', '--json', 'page.mjs'], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'changed' });
      expect(run.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
