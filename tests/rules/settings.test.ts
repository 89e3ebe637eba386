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
    expect(readSettings(contextWith({}))).toEqual({ clientModules: [] });
    expect(readSettings(contextWith({ redis: {} }))).toEqual({ clientModules: [] });
  });

  it('reads clientModules', () => {
    expect(readSettings(contextWith({ redis: { clientModules: ['@acme/redis', './lib/redis'] } }))).toEqual({
      clientModules: ['@acme/redis', './lib/redis'],
    });
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
      'eslint-plugin-redis: settings.redis has an unknown key "clientModule"; the only key is "clientModules", as in { clientModules: ["@acme/redis"] }.',
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
