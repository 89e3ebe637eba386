import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import packageJson from '../package.json';

const ruleFiles = readdirSync(path.join(__dirname, '../src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

const UNSAFE = [
  "import { createClient } from 'redis';",
  'const client = createClient({ url: process.env.REDIS_URL, socket: { reconnectStrategy: false } });',
  'await client.connect();',
].join('\n');

const RULE_IDS = ['redis/require-error-listener', 'redis/require-connect-timeout', 'redis/no-disabled-reconnect'];

describe('plugin', () => {
  it('exports every rule file, and only those', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles.sort());
  });

  it('has a test file for every rule', () => {
    const tests = readdirSync(path.join(__dirname, 'rules'));
    for (const rule of ruleFiles) expect(tests).toContain(`${rule}.test.ts`);
  });

  it('describes itself with the package name, version and namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'redis' });
  });

  it('recommends every rule but require-reconnect-strategy at error, in a named flat config and a legacy config', () => {
    const recommended = ruleFiles.filter((rule) => rule !== 'require-reconnect-strategy');
    const expected = Object.fromEntries(recommended.map((rule) => [`redis/${rule}`, 'error']));
    expect(plugin.configs.recommended.name).toBe('redis/recommended');
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(plugin.configs.recommended.plugins?.redis).toBe(plugin);
    expect(plugin.configs['legacy-recommended']).toEqual({ plugins: ['redis'], rules: expected });
    for (const [name, rule] of Object.entries(plugin.rules)) expect(rule.meta?.docs?.recommended).toBe(recommended.includes(name));
  });

  it('has a strict config: recommended plus require-reconnect-strategy', () => {
    const expected = Object.fromEntries(ruleFiles.map((rule) => [`redis/${rule}`, 'error']));
    expect(plugin.configs.strict.name).toBe('redis/strict');
    expect(plugin.configs.strict.rules).toEqual(expected);
    expect(plugin.configs.strict.plugins?.redis).toBe(plugin);
    expect(plugin.configs['legacy-strict']).toEqual({ plugins: ['redis'], rules: expected });
    const linter = new Linter({ configType: 'flat' });
    const code = [
      "import { createClient } from 'redis';",
      "const client = createClient({ url: process.env.REDIS_URL }).on('error', console.error);",
      'await client.connect();',
    ].join('\n');
    const reported = (config: Linter.Config) => linter.verify(code, [config], 'src/cache.mjs').map((message) => message.ruleId);
    expect(reported(plugin.configs.recommended)).toEqual(['redis/require-connect-timeout']);
    expect(reported(plugin.configs.strict).sort()).toEqual(['redis/require-connect-timeout', 'redis/require-reconnect-strategy']);
  });

  it('works spread into a flat config array', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(UNSAFE, [plugin.configs.recommended], 'src/cache.mjs');
    expect(messages.map((message) => message.ruleId).sort()).toEqual([...RULE_IDS].sort());
  });

  it('works through defineConfig extends, under a namespace the user chose', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: defineConfig({ files: ['**/*.mjs'], plugins: { cache: plugin }, extends: ['cache/recommended'] }),
    });
    const [result] = await eslint.lintText(UNSAFE, { filePath: path.resolve('src/cache.mjs') });
    expect(result!.messages.map((message) => message.ruleId).sort()).toEqual(RULE_IDS.map((id) => id.replace('redis/', 'cache/')).sort());
  });

  describe.each([
    ['espree, ES module', 'src/cache.mjs', UNSAFE, {}],
    ['espree, .js module', 'src/cache.js', UNSAFE, {}],
    ['typescript-eslint, .ts', 'src/cache.ts', UNSAFE, { parser: tsParser }],
    ['typescript-eslint, .mts', 'src/cache.mts', UNSAFE, { parser: tsParser }],
    ['espree, CommonJS', 'src/cache.cjs', UNSAFE.replace("import { createClient } from 'redis';", "const { createClient } = require('redis');").replace('await client.connect();', 'void client.connect();'), {}],
    ['espree, JSX', 'src/App.jsx', `${UNSAFE}\nexport const App = () => <div>{String(client.isReady)}</div>;`, { parserOptions: { ecmaFeatures: { jsx: true } } }],
    ['typescript-eslint, TSX', 'src/App.tsx', `${UNSAFE}\nexport const App = (): JSX.Element => <div>{client.isReady as boolean}</div>;`, { parser: tsParser }],
    ['typescript-eslint, .cts', 'src/cache.cts', UNSAFE.replace("import { createClient } from 'redis';", "import redis = require('redis');").replace('createClient({', 'redis.createClient({').replace('await client.connect();', 'void client.connect();'), { parser: tsParser }],
  ])('%s', (_title, filename, code, languageOptions) => {
    it('reports all three problems', () => {
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(code, [{ files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions, ...plugin.configs.recommended }], filename);
      expect(messages.filter((message) => message.fatal || !message.ruleId)).toEqual([]);
      expect(messages.map((message) => message.ruleId).sort()).toEqual([...RULE_IDS].sort());
    });
  });

  it('rejects malformed settings with a clear message', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify(UNSAFE, [{ ...plugin.configs.recommended, settings: { redis: { clientModules: '@acme/redis' } } }], 'a.mjs'),
    ).toThrow(/settings\.redis\.clientModules must be an array of module names/);
  });
});
