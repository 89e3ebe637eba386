/**
 * The codemods see a file exactly as the rules do: they lint it with this plugin through ESLint's own
 * `Linter`, so parsing, scope analysis and `eslint-disable` comments mean what they mean to ESLint.
 * JavaScript is parsed by espree (ESLint's default), so TypeScript syntax never passes for JavaScript.
 */
import path from 'node:path';
import { Linter, type SourceCode } from 'eslint';
import { SAFEGUARDS } from '../core/safeguards';
import plugin from '../index';
import { NestingTooDeepError, SourceParseError } from './api';

export interface LintOptions {
  cwd: string;
  clientModules: readonly string[];
  /** Options for each safeguard's rule, by rule name. */
  ruleOptions: Readonly<Record<string, Record<string, unknown>>>;
  /** The rules' `settings.redis.lineWidth`: the width of the file being transformed. */
  lineWidth?: number;
  /** The rules' `settings.redis.version` (`--redis-version`); `'detect'` when absent. */
  version?: 'detect' | number | string;
  /**
   * The safeguard rules to run (names without `redis/`); all when absent. The codemod runs only those of
   * the requested transforms: a fact no enabled rule reads is never computed.
   */
  rules?: readonly string[];
}

export interface LintedText {
  text: string;
  /** The plugin's reports, including those an `eslint-disable` comment suppressed (`suppressed: true`). */
  reports: Report[];
  sourceCode: SourceCode;
}

export interface Report {
  ruleId: string;
  messageId: string;
  /** Offset of the reported node's start. */
  offset: number;
  /** Offset of the reported node's end. */
  end: number;
  line: number;
  column: number;
  suppressed: boolean;
  fix: { range: [number, number]; text: string } | undefined;
}

type SourceType = 'module' | 'commonjs';

const TYPESCRIPT = /\.[cm]?tsx?$/i;
const WITHOUT_JSX = /\.[cm]?ts$/i;
const COMMONJS = /\.c[jt]s$/i;
const MODULE = /\.m[jt]s$/i;
const PARSING_ERROR = /^Parsing error: /;

/** Lints `text` as the file `filePath`; throws `SourceParseError` when it does not parse. */
export function lintText(text: string, filePath: string, options: LintOptions): LintedText {
  const file = path.resolve(options.cwd, filePath);
  const linter = linterFor(file, options.cwd);
  let fatal: Linter.LintMessage | undefined;
  for (const sourceType of sourceTypesOf(file)) {
    const messages = linter.verify(text, configFor(file, sourceType, options), file);
    const error = messages.find((message) => message.fatal);
    if (!error) return collect(text, messages, linter);
    fatal ??= error;
  }
  throw parseError(fatal!, file);
}

/** `.js` may be a module or a CommonJS script: the second parse runs only for files the first rejects. */
function sourceTypesOf(file: string): SourceType[] {
  if (COMMONJS.test(file)) return ['commonjs'];
  if (MODULE.test(file) || TYPESCRIPT.test(file)) return ['module'];
  return ['module', 'commonjs'];
}

function parseError(fatal: Linter.LintMessage, file: string): Error {
  const message = fatal.message.replace(PARSING_ERROR, '');
  if (/call stack|stack space/i.test(message)) return new NestingTooDeepError();
  // ESLint passes typescript-estree's 0-based column through as is; espree's is already 1-based.
  const column = TYPESCRIPT.test(file) ? fatal.column + 1 : fatal.column;
  return new SourceParseError(message, fatal.line, column);
}

function collect(text: string, messages: Linter.LintMessage[], linter: Linter): LintedText {
  const sourceCode = linter.getSourceCode();
  const indexOf = (line: number, column: number) => sourceCode.getIndexFromLoc({ line, column: column - 1 });
  const toReport = (message: Linter.LintMessage, suppressed: boolean): Report => ({
    ruleId: message.ruleId!,
    messageId: message.messageId ?? '',
    offset: indexOf(message.line, message.column),
    end: message.endLine === undefined ? indexOf(message.line, message.column) : indexOf(message.endLine, message.endColumn!),
    line: message.line,
    column: message.column,
    suppressed,
    fix: message.suggestions?.[0]?.fix as Report['fix'],
  });
  const reports = [
    ...messages.filter(isPluginReport).map((message) => toReport(message, false)),
    ...(linter as unknown as { getSuppressedMessages(): Linter.LintMessage[] }).getSuppressedMessages().filter(isPluginReport).map((message) => toReport(message, true)),
  ];
  return { text, reports, sourceCode };
}

function isPluginReport(message: Linter.LintMessage): boolean {
  return message.ruleId?.startsWith('redis/') ?? false;
}

const linters = new Map<string, Linter>();

/** Files outside the working directory match no flat config there; they are linted from their file system root. */
function linterFor(file: string, cwd: string): Linter {
  const base = path.relative(cwd, file).startsWith('..') ? path.parse(file).root : cwd;
  let linter = linters.get(base);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd: base });
    linters.set(base, linter);
  }
  return linter;
}

const configs = new Map<string, Linter.Config[]>();

function configFor(file: string, sourceType: SourceType, options: LintOptions): Linter.Config[] {
  const typescript = TYPESCRIPT.test(file);
  const jsx = !WITHOUT_JSX.test(file);
  const enabled = SAFEGUARDS.map(({ rule }) => rule).filter((rule) => !options.rules || options.rules.includes(rule));
  const key = JSON.stringify([typescript, jsx, sourceType, options.clientModules, options.ruleOptions, options.lineWidth, options.version, enabled]);
  let config = configs.get(key);
  if (!config) {
    config = [
      // ESLint ignores node_modules by default; the CLI decides which files to process.
      { ignores: ['!**/node_modules/'] },
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        plugins: { redis: plugin },
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType,
          ...(typescript ? { parser: typeScriptParser() } : {}),
          parserOptions: { ecmaFeatures: { jsx } },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        settings: { redis: { clientModules: [...options.clientModules], lineWidth: options.lineWidth, version: options.version ?? 'detect' } },
        rules: Object.fromEntries(enabled.map((rule) => [`redis/${rule}`, ruleEntry(options.ruleOptions[rule])])),
      },
    ];
    configs.set(key, config);
  }
  return config;
}

/** Required on the first TypeScript file: it loads TypeScript (about a second), which JavaScript never needs. */
function typeScriptParser(): Linter.Parser {
  return require('@typescript-eslint/parser') as Linter.Parser;
}

/** A rule without options (`no-legacy-options`) accepts none, not even `{}`. */
function ruleEntry(ruleOptions: Record<string, unknown> | undefined): Linter.RuleEntry {
  return ruleOptions && Object.keys(ruleOptions).length > 0 ? ['error', ruleOptions] : 'error';
}
