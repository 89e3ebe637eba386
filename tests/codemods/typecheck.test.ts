/**
 * Every TypeScript output fixture must compile against the real `redis` types, strictly: the code a codemod
 * writes (listeners, `connectTimeout`, the typed reconnect strategy) has to be valid in a strict project.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { TRANSFORM_NAMES } from '../../src/codemods/api';
import { typescriptOutputFiles } from './fixtures';

const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** The configuration the outputs are checked with, as a `tsconfig.json` would spell it. */
const TSCONFIG = {
  compilerOptions: {
    noEmit: true,
    strict: true,
    module: 'nodenext',
    target: 'es2022',
    lib: ['es2022'],
    types: ['node'],
    // The temporary directory has no node_modules of its own.
    typeRoots: [path.join(PROJECT_ROOT, 'node_modules/@types')],
    skipLibCheck: true,
    // `.tsx` fixtures use JSX without React; the declaration file below gives JSX its types.
    jsx: 'preserve',
  },
};

const JSX_TYPES = `declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [element: string]: Record<string, unknown>;
  }
}
`;

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('TypeScript output fixtures', () => {
  it('type-check with tsc --noEmit --strict against the installed redis types', () => {
    const files = typescriptOutputFiles(TRANSFORM_NAMES);
    expect(files.length).toBeGreaterThan(30);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-codemod-typecheck-'));
    temporaryDirs.push(dir);
    const jsxTypes = path.join(dir, 'jsx.d.ts');
    fs.writeFileSync(jsxTypes, JSX_TYPES);
    const configFile = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...TSCONFIG, files: [...files, jsxTypes] }, null, 2));

    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!parsed) throw new Error(`cannot read ${configFile}`);
    expect(parsed.errors.map(formatDiagnostic)).toEqual([]);
    expect(parsed.options.strict).toBe(true);

    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    // `redis` must come from this project's node_modules, or the check proves nothing.
    const redisTypes = program.getSourceFiles().some((file) => file.fileName.includes('/node_modules/redis/dist/index.d.ts'));
    expect(redisTypes).toBe(true);
    expect(ts.getPreEmitDiagnostics(program).map(formatDiagnostic)).toEqual([]);
  }, 120_000);
});

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${path.relative(PROJECT_ROOT, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}
