/** The safeguard registry is the one list: every entry has its rule, its transform module, fixtures and options wired. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCodemodOptions } from '../src/codemods/jscodeshift-options';
import { DEFAULT_TRANSFORM_NAMES, SAFEGUARDS, TRANSFORM_NAMES, codemodOptions } from '../src/core/safeguards';
import plugin from '../src/index';

describe('safeguard registry', () => {
  it.each(SAFEGUARDS.map((safeguard) => [safeguard.rule, safeguard] as const))('%s has its rule, transform module and fixtures', async (_rule, safeguard) => {
    const rule = plugin.rules[safeguard.rule] as { meta: { schema: { properties: Record<string, unknown> }[] } };
    expect(rule).toBeDefined();
    if (safeguard.options.length === 0) expect(rule.meta.schema).toEqual([]);
    else expect(Object.keys(rule.meta.schema[0]!.properties)).toEqual(expect.arrayContaining(safeguard.options.map((option) => option.name)));
    const module = (await import(`../src/codemods/${safeguard.transform}`)) as { default: unknown };
    expect(typeof module.default).toBe('function');
    expect(fs.existsSync(path.join(__dirname, 'codemods', '__testfixtures__', safeguard.transform))).toBe(true);
  });

  it('names each transform once, in the order the codemod runs them', () => {
    expect(TRANSFORM_NAMES).toEqual(['migrate-legacy-options', 'add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy', 'handle-connect', 'add-reconnect-strategy']);
  });

  it('leaves the opt-in transforms out of the default set', () => {
    expect(DEFAULT_TRANSFORM_NAMES).toEqual(['migrate-legacy-options', 'add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy', 'handle-connect']);
  });

  it('shares one name per option between the rules and the codemods, rule-only options excluded', () => {
    expect(codemodOptions().map((option) => option.name)).toEqual(['errorHandler', 'connectTimeout', 'testFilePatterns', 'maxRetries']);
  });
});

describe('jscodeshift options', () => {
  it('reads the registry names from the command line (numbers, comma-separated lists, strings)', () => {
    expect(
      toCodemodOptions({
        connectTimeout: '15000',
        maxRetries: 3,
        testFilePatterns: 'spec/**, **/*.it.js',
        errorHandler: 'logError',
        clientModules: '@acme/redis',
        unrelated: 'x',
      }),
    ).toEqual({
      connectTimeout: 15000,
      maxRetries: 3,
      testFilePatterns: ['spec/**', '**/*.it.js'],
      errorHandler: 'logError',
      clientModules: ['@acme/redis'],
    });
  });
});
