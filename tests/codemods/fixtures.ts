/**
 * Fixture-driven tests for the codemod transforms, in the style of jscodeshift's `defineTest` but for
 * vitest: every `__testfixtures__/<transform>/<case>.input.<ext>` with its `<case>.output.<ext>` is one
 * test. A fixture may name the path the transform should see (test-file globs depend on it) with a
 * first-line comment `// fixture-path: src/__tests__/client.test.ts`; otherwise it is `src/<case>.<ext>`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { API, FileInfo, Options, Transform } from 'jscodeshift';
import type { applyTransform as ApplyTransform } from 'jscodeshift/src/testUtils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransformName } from '../../src/codemods/api';
import { safeguardOfTransform } from '../../src/core/safeguards';
import { transformSource } from '../../src/codemods/transform-source';
import { fileLineWidth } from '../../src/core/layout';
import plugin from '../../src/index';

// The published test helper lives in `dist/`; its types are published under `src/`.
const { applyTransform } = require('jscodeshift/dist/testUtils') as { applyTransform: typeof ApplyTransform };

export const FIXTURES_ROOT = path.join(__dirname, '__testfixtures__');

/** The lint rule whose reports a transform remedies, from the safeguard registry. */
export function ruleOfTransform(transform: TransformName): string {
  return `redis/${safeguardOfTransform(transform).rule}`;
}

export const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);
const BOM = '\uFEFF';
const FIXTURE_PATH = /^\/\/ fixture-path: (\S+)/;

export interface Fixture {
  transform: TransformName;
  name: string;
  /** `.ts`, `.mjs`, ... */
  extension: string;
  inputFile: string;
  outputFile: string;
  input: string;
  output: string;
  /** The path (relative to the working directory) the transform and ESLint are told the file has. */
  virtualPath: string;
  /** Nothing to do: the output fixture is identical to the input. */
  unchanged: boolean;
}

export function loadFixtures(transform: TransformName): Fixture[] {
  const dir = path.join(FIXTURES_ROOT, transform);
  const inputs = fs.readdirSync(dir).filter((file) => /\.input\.[a-z]+$/.test(file)).sort();
  return inputs.map((inputName) => {
    const [, name, ext] = /^(.*)\.input\.([a-z]+)$/.exec(inputName)!;
    const extension = `.${ext}`;
    const inputFile = path.join(dir, inputName);
    const outputFile = path.join(dir, `${name}.output.${ext}`);
    if (!fs.existsSync(outputFile)) throw new Error(`fixture ${transform}/${inputName} has no ${path.basename(outputFile)}`);
    const input = fs.readFileSync(inputFile, 'utf8');
    const output = fs.readFileSync(outputFile, 'utf8');
    const declared = FIXTURE_PATH.exec(input.startsWith(BOM) ? input.slice(1) : input)?.[1];
    if (declared && path.extname(declared) !== extension) {
      throw new Error(`fixture ${transform}/${inputName}: fixture-path ${declared} must end in ${extension}`);
    }
    return {
      transform,
      name: name!,
      extension,
      inputFile,
      outputFile,
      input,
      output,
      virtualPath: declared ?? `src/${name}${extension}`,
      unchanged: input === output,
    };
  });
}

/** Every fixture of every transform whose file is TypeScript. */
export function typescriptOutputFiles(transforms: readonly TransformName[]): string[] {
  return transforms.flatMap((transform) =>
    loadFixtures(transform)
      .filter((fixture) => TYPESCRIPT_EXTENSIONS.has(fixture.extension))
      .map((fixture) => fixture.outputFile),
  );
}

// ---- running the transform -------------------------------------------------------------------------

type TransformModule = { default: (file: FileInfo, api: API, options: Options) => Promise<string> };

/** jscodeshift's own test path: `applyTransform` (which trims its result), with the parser next-codemod picks. */
function runUnderJscodeshift(module: TransformModule, fixture: Fixture, source: string): Promise<string> {
  const parser = fixture.extension === '.ts' || fixture.extension === '.mts' || fixture.extension === '.cts' ? 'ts' : 'tsx';
  return applyTransform(module.default as Transform, {}, { path: fixture.virtualPath, source }, { parser }) as unknown as Promise<string>;
}

/** The transform module called the way jscodeshift's worker calls it, without trimming. */
function runModule(module: TransformModule, fixture: Fixture, source: string): Promise<string> {
  const api = { jscodeshift: undefined, j: undefined, stats: () => {}, report: () => {} } as unknown as API;
  return module.default({ path: fixture.virtualPath, source }, api, {});
}

function runTransformSource(fixture: Fixture, source: string): string {
  return transformSource(source, fixture.virtualPath, [fixture.transform], { cwd: process.cwd() }).output;
}

// ---- linting -----------------------------------------------------------------------------------------

export function lint(fixture: Fixture, source: string, ruleId: string, lineWidth?: number): Linter.LintMessage[] {
  const typescript = TYPESCRIPT_EXTENSIONS.has(fixture.extension);
  const commonjs = fixture.extension === '.cjs' || fixture.extension === '.cts';
  const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { redis: plugin as never },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: commonjs ? 'commonjs' : 'module',
        ...(typescript ? { parser: tsParser as never } : {}),
        parserOptions: { ecmaFeatures: { jsx: fixture.extension !== '.ts' && fixture.extension !== '.mts' && fixture.extension !== '.cts' } },
      },
      settings: { redis: { lineWidth } },
      rules: { [ruleId]: 'error' },
    },
  ];
  return linter.verify(source, config, path.resolve(process.cwd(), fixture.virtualPath));
}

/** Applies ESLint's first suggestion of the first report; ESLint's ranges exclude a BOM. */
function applyFirstSuggestion(source: string, message: Linter.LintMessage): string {
  const suggestion = message.suggestions?.[0];
  if (!suggestion) throw new Error(`report "${message.message}" has no suggestion`);
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const { range, text: replacement } = suggestion.fix;
  return bom + text.slice(0, range[0]) + replacement + text.slice(range[1]);
}

// ---- the tests -------------------------------------------------------------------------------------------

/**
 * One `describe` per transform and one `it` per fixture, asserting that the transform (through jscodeshift and
 * through `transformSource`) turns the input into the output byte for byte, is idempotent, writes code that
 * parses, leaves nothing for the matching rule to report, and writes what the rule's suggestion writes.
 */
/**
 * Runs the fixtures in an empty directory, where no package.json declares node-redis: the rules then
 * decide v2/v3 from the syntax, as the fixtures expect (this repository's own package.json declares
 * redis 6 for its tests, which would make every fixture v6 code). A transform's fixtures may bring
 * their own project files instead (`project` below).
 */
export function inProjectOfUnknownVersion(): void {
  inProject({});
}

/** Runs the tests in a fresh directory holding `files` (path → text), e.g. a package.json that declares node-redis. */
export function inProject(files: Readonly<Record<string, string>>): void {
  const original = process.cwd();
  let project: string | undefined;
  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-redis-fixtures-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    }
    process.chdir(project);
  });
  afterAll(() => {
    process.chdir(original);
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });
}

export function defineFixtureTests(
  transform: TransformName,
  module: TransformModule,
  { knownBugs = {}, project = {} }: { knownBugs?: Record<string, string>; project?: Record<string, string> } = {},
): void {
  const ruleId = ruleOfTransform(transform);
  const fixtures = loadFixtures(transform);
  describe(transform, () => {
    inProject(project);
    it('has at least 15 fixture pairs', () => {
      expect(fixtures.length).toBeGreaterThanOrEqual(15);
    });

    it('lists only existing fixtures as known bugs', () => {
      expect(Object.keys(knownBugs).filter((name) => !fixtures.some((fixture) => fixture.name === name))).toEqual([]);
    });

    for (const fixture of fixtures) {
      // A fixture that shows a detection bug fails until the bug is fixed; then `it.fails` itself fails.
      const test = fixture.name in knownBugs ? it.fails : it;
      test(fixture.name, async () => {
        const { input, output } = fixture;
        assertExactBytes(fixture);

        // 1. input → output, exactly. `UPDATE_FIXTURES=1` rewrites the output fixture instead (review the diff).
        if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(fixture.outputFile, runTransformSource(fixture, input));
        expect(runTransformSource(fixture, input)).toBe(output);
        expect(await runModule(module, fixture, input)).toBe(output);
        expect(await runUnderJscodeshift(module, fixture, input)).toBe(output.trim());

        // 2. idempotent.
        expect(runTransformSource(fixture, output)).toBe(output);
        expect(await runModule(module, fixture, output)).toBe(output);

        // 3. the output parses for ESLint.
        const outputMessages = lint(fixture, output, ruleId);
        expect(outputMessages.filter((message) => message.fatal)).toEqual([]);

        // 4. the rule is silent afterwards, and had something to say before (unless nothing was to do).
        expect(outputMessages.filter((message) => message.ruleId === ruleId).map(describeMessage)).toEqual([]);
        const inputFindings = lint(fixture, input, ruleId).filter((message) => message.ruleId === ruleId);
        if (fixture.unchanged) {
          expect(inputFindings.map(describeMessage)).toEqual([]);
          return;
        }
        expect(inputFindings.length).toBeGreaterThan(0);

        // 5. the editor suggestion writes what the codemod writes: applied one report at a time, they agree
        // (given the width the codemod reads for the file, as `settings.redis.lineWidth`).
        const lineWidth = fileLineWidth(input.replace(/^\uFEFF/, ''), path.resolve(process.cwd(), fixture.virtualPath));
        let suggested = input;
        let findings = lint(fixture, input, ruleId, lineWidth).filter((message) => message.ruleId === ruleId);
        for (let round = 0; findings.length > 0 && round < 20; round++) {
          suggested = applyFirstSuggestion(suggested, findings[0]!);
          findings = lint(fixture, suggested, ruleId, lineWidth).filter((message) => message.ruleId === ruleId);
        }
        expect(suggested).toBe(output);
      });
    }
  });
}

/** Fixtures named `crlf-*` or `*-crlf-*` use CRLF only; `byte-order-mark*` ones start with a BOM (see write-byte-fixtures.mjs). */
function assertExactBytes(fixture: Fixture): void {
  for (const text of [fixture.input, fixture.output]) {
    if (fixture.name.includes('crlf')) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    else expect(text).not.toContain('\r');
    expect(text.startsWith(BOM)).toBe(fixture.name.includes('byte-order-mark'));
  }
}

function describeMessage(message: Linter.LintMessage): string {
  return `${message.line}:${message.column} ${message.message}`;
}
