/**
 * Every rule and every transform over a deterministic sample of real files from node_modules: nothing
 * throws (a file that does not parse surfaces as a parse error), and files that do not import
 * node-redis get no report and no change. Each check runs twice: as configured by default, and with
 * the cheap pre-check defeated (FORCE_ANALYSIS) so the whole analysis runs on every file.
 */
import { describe, expect, it } from 'vitest';
import { FORCE_ANALYSIS, importsNodeRedis, lint, parseProblem, sampleRealFiles, transformAll, type RealFile } from './helpers';

const files: RealFile[] = sampleRealFiles(260, 40);

describe('real files from node_modules', () => {
  it('samples enough files, some of them from node-redis itself', () => {
    expect(files.length).toBeGreaterThanOrEqual(280);
    expect(files.filter((f) => f.text.includes('redis')).length).toBeGreaterThanOrEqual(30);
  });

  it.each(['recommended', 'forced'] as const)(
    'lints every file (%s) without an exception, and reports nothing where node-redis is not imported',
    (mode) => {
      const crashes: string[] = [];
      const unexpected: string[] = [];
      for (const file of files) {
        let parseOnly, withPlugin;
        try {
          parseOnly = lint(file.text, file.lintName, 'parse');
          withPlugin = lint(file.text, file.lintName, mode);
        } catch (error) {
          crashes.push(`${file.rel}: ${(error as Error).stack}`);
          continue;
        }
        if (!parseOnly.some((m) => m.fatal) && withPlugin.some((m) => m.fatal)) {
          unexpected.push(`${file.rel}: fatal with the plugin only: ${withPlugin.find((m) => m.fatal)?.message}`);
        }
        const reports = withPlugin.filter((m) => m.ruleId?.startsWith('redis/'));
        if (!importsNodeRedis(file.text) && reports.length > 0) {
          unexpected.push(`${file.rel}: ${reports.map((m) => `${m.line}:${m.column} ${m.ruleId}`).join(', ')}`);
        }
      }
      expect(crashes).toEqual([]);
      expect(unexpected).toEqual([]);
    },
    120_000,
  );

  it.each([
    ['default options', {}],
    ['analysis forced', FORCE_ANALYSIS],
  ] as const)(
    'runs all three transforms on every file (%s): success or a SourceParseError, no change where node-redis is not imported',
    (_label, options) => {
      const crashes: string[] = [];
      const unexpected: string[] = [];
      let parseErrors = 0;
      for (const file of files) {
        const name = `sample/${file.rel}`;
        let outcome;
        try {
          outcome = transformAll(file.text, name, { ...options });
        } catch (error) {
          crashes.push(`${file.rel}: ${(error as Error).stack}`);
          continue;
        }
        if (outcome.kind === 'parse-error') {
          parseErrors++;
          continue;
        }
        if (outcome.kind === 'too-deep') continue;
        if (outcome.changed && !importsNodeRedis(file.text)) unexpected.push(`${file.rel}: changed without importing node-redis`);
        if (!outcome.changed && outcome.output !== file.text) unexpected.push(`${file.rel}: output differs but changed is false`);
        const problem = outcome.changed ? parseProblem(outcome.output, name) : undefined;
        if (problem) unexpected.push(`${file.rel}: output does not parse: ${problem}`);
      }
      expect(crashes).toEqual([]);
      expect(unexpected).toEqual([]);
      // Published files: only a handful may fail to parse (e.g. Flow annotations).
      expect(parseErrors).toBeLessThan(files.length / 10);
    },
    120_000,
  );
});
