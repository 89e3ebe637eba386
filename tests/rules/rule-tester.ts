import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';

type ESLintRule = Rule.RuleModule;

/**
 * Where a case without a filename is linted: a made-up project with no package.json above it, so the
 * node-redis version is unknown there (and this repository's own package.json is never read).
 */
export const UNKNOWN_VERSION_DIR = path.resolve('/virtual-project-without-package-json');

/** One tester for all rule tests; `@typescript-eslint/parser` reads both JS and TS. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  defaultFilenames: { ts: path.join(UNKNOWN_VERSION_DIR, 'file.ts'), tsx: path.join(UNKNOWN_VERSION_DIR, 'react.tsx') },
});

/** The default handler the listener suggestion writes, per owner kind. */
export function handler(kind = 'client', quote = "'"): string {
  return `(err) => console.error(${quote}Redis ${kind} error:${quote}, err)`;
}

/** Builds a code sample from lines, so positions in tests are easy to read. */
export function lines(...source: string[]): string {
  return source.join('\n');
}

/** Every import shape that reaches node-redis's `createClient`, as [title, import lines, callee]. */
export const IMPORT_SHAPES: readonly (readonly [string, string, string])[] = [
  ['named import', "import { createClient } from 'redis';", 'createClient'],
  ['renamed import', "import { createClient as makeRedis } from 'redis';", 'makeRedis'],
  ['namespace import', "import * as redis from 'redis';", 'redis.createClient'],
  ['default import (native ESM)', "import redis from 'redis';", 'redis.createClient'],
  ['@redis/client', "import { createClient } from '@redis/client';", 'createClient'],
  ['@node-redis/client (redis 4.0)', "import { createClient } from '@node-redis/client';", 'createClient'],
  ['require', "const redis = require('redis');", 'redis.createClient'],
  ['destructured require', "const { createClient } = require('redis');", 'createClient'],
  ['renamed destructured require', "const { createClient: connectRedis } = require('redis');", 'connectRedis'],
  ['require(...) member', '', "require('redis').createClient"],
  ['TypeScript import-equals', "import redis = require('redis');", 'redis.createClient'],
  ['require with a type assertion', "const redis = require('redis') as typeof import('redis');", 'redis.createClient'],
  ['dynamic import', "const { createClient } = await import('redis');", 'createClient'],
  ['aliased factory', "import * as redis from 'redis';\nconst factory = redis.createClient;", 'factory'],
];

/** `line:column message` of each report of `rule` on `code` linted as `filename`: for tests of the exact text. */
export function reportedMessages(
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  code: string,
  filename: string,
  options: readonly unknown[] = [],
): string[] {
  const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins: { test: { rules: { rule: rule as unknown as ESLintRule } } },
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      rules: { 'test/rule': ['error', ...options] as Linter.RuleEntry },
    },
  ];
  return linter.verify(code, config, filename).map((message) => `${message.line}:${message.column} ${message.message}`);
}
