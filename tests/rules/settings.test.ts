import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src';
import { readSettings } from '../../src/rules/utils/settings';

type Context = Parameters<typeof readSettings>[0];

function contextWith(settings: Record<string, unknown>): Context {
  return { settings } as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
}

const EXPECTED_OBJECT = 'eslint-plugin-redis: settings.redis must be an object such as { clientModules: ["@acme/redis"] }, but it is';
const EXPECTED_ARRAY = 'eslint-plugin-redis: settings.redis.clientModules must be an array of module names, e.g. ["@acme/redis"], but it is';

describe('settings.redis', () => {
  it('defaults to no extra client modules', () => {
    expect(readSettings(contextWith({}))).toEqual({ clientModules: [], version: 'detect' });
    expect(readSettings(contextWith({ redis: {} }))).toEqual({ clientModules: [], version: 'detect' });
  });

  it('reads clientModules', () => {
    expect(readSettings(contextWith({ redis: { clientModules: ['@acme/redis', './lib/redis'] } }))).toEqual({
      clientModules: ['@acme/redis', './lib/redis'],
      version: 'detect',
    });
  });

  it.each([[4], ['4.5.2'], ['^4.6'], ['detect']])('reads version %j', (version) => {
    expect(readSettings(contextWith({ redis: { version } }))).toEqual({ clientModules: [], version });
  });

  it('validates a settings object once and reuses the result', () => {
    const context = contextWith({ redis: { clientModules: ['@acme/redis'] } });
    expect(readSettings(context)).toBe(readSettings(context));
  });

  it.each([
    ['an array', ['@acme/redis'], `${EXPECTED_OBJECT} an array.`],
    ['a string', 'str', `${EXPECTED_OBJECT} the string "str".`],
    ['null', null, `${EXPECTED_OBJECT} null.`],
    ['a number', 1, `${EXPECTED_OBJECT} the number 1.`],
    ['clientModules: null', { clientModules: null }, `${EXPECTED_ARRAY} null.`],
    ['clientModules: a string', { clientModules: '@acme/redis' }, `${EXPECTED_ARRAY} the string "@acme/redis".`],
    ['clientModules: an object', { clientModules: { acme: true } }, `${EXPECTED_ARRAY} an object.`],
    [
      'an element of the wrong type',
      { clientModules: ['@acme/redis', 42] },
      'eslint-plugin-redis: settings.redis.clientModules[1] must be a module name (a non-empty string), but it is the number 42.',
    ],
    [
      'an empty module name',
      { clientModules: [''] },
      'eslint-plugin-redis: settings.redis.clientModules[0] must be a module name (a non-empty string), but it is an empty string.',
    ],
    [
      'an unknown key',
      { clientModule: ['@acme/redis'] },
      'eslint-plugin-redis: settings.redis has an unknown key "clientModule"; the keys are "clientModules", "version" and "lineWidth", as in { clientModules: ["@acme/redis"] }.',
    ],
    [
      'lineWidth: not a positive whole number',
      { lineWidth: 0 },
      'eslint-plugin-redis: settings.redis.lineWidth must be a positive whole number of columns, e.g. 100, but it is the number 0.',
    ],
    [
      'lineWidth: a string',
      { lineWidth: '100' },
      'eslint-plugin-redis: settings.redis.lineWidth must be a positive whole number of columns, e.g. 100, but it is the string "100".',
    ],
    [
      'a version that names none',
      { version: 'latest' },
      `eslint-plugin-redis: settings.redis.version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. "4.5.0"), but it is the string "latest".`,
    ],
    [
      'a major below 2',
      { version: 1.5 },
      `eslint-plugin-redis: settings.redis.version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. "4.5.0"), but it is the number 1.5.`,
    ],
  ])('rejects %s with a message naming the setting', (_title, redis, message) => {
    expect(() => readSettings(contextWith({ redis }))).toThrow(new TypeError(message));
  });

  it('surfaces through ESLint, even in a file that does not use node-redis', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ ...plugin.configs.recommended, settings: { redis: ['@acme/redis'] } }];
    expect(() => linter.verify('export const answer = 42;\n', config, 'src/a.mjs')).toThrow(
      `${EXPECTED_OBJECT} an array.\nOccurred while linting src/a.mjs`,
    );
  });
});
