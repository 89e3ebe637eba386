/**
 * The codemods lint through ESLint, so an `eslint-disable` comment means to them exactly what it means to
 * ESLint: a silenced site is left alone and listed as skipped; anything else is fixed.
 */
import { describe, expect, it } from 'vitest';
import { transformSource } from '../../src/codemods/transform-source';
import { inProjectOfUnknownVersion } from './fixtures';

const RULE = 'redis/require-error-listener';
const IMPORT = "import { createClient } from 'redis';\n";

inProjectOfUnknownVersion();

/** Whether add-error-listener left the client alone because a comment silenced its rule. */
function silenced(code: string): boolean {
  const result = transformSource(IMPORT + code, 'src/cache.mjs', ['add-error-listener']);
  const skipped = result.skipped.some((site) => site.reason === 'disabled by an eslint-disable comment');
  expect(result.changed).toBe(!skipped);
  return skipped;
}

describe('eslint-disable comments in the codemods', () => {
  it.each([
    ['next-line naming the rule', `// eslint-disable-next-line ${RULE}\nconst c = createClient();`, true],
    ['next-line with a description', `// eslint-disable-next-line ${RULE} -- script\nconst c = createClient();`, true],
    ['next-line for all rules', '// eslint-disable-next-line\nconst c = createClient();', true],
    ['next-line in a block comment', `/* eslint-disable-next-line ${RULE} */\nconst c = createClient();`, true],
    ['next-line for another rule', '// eslint-disable-next-line redis/no-disabled-reconnect\nconst c = createClient();', false],
    ['next-line two lines above', `// eslint-disable-next-line ${RULE}\n\nconst c = createClient();`, false],
    ['same line', `const c = createClient(); // eslint-disable-line ${RULE}`, true],
    ['block disable before', `/* eslint-disable ${RULE} */\nconst c = createClient();`, true],
    ['block disable with a description', `/* eslint-disable ${RULE} -- a one-shot script */\nconst c = createClient();`, true],
    ['block disable for all', '/* eslint-disable */\nconst c = createClient();', true],
    ['block disable then enable', `/* eslint-disable ${RULE} */\n/* eslint-enable ${RULE} */\nconst c = createClient();`, false],
    ['block disable after the call', `const c = createClient();\n/* eslint-disable ${RULE} */`, false],
    ['a line comment cannot open a block disable (as in ESLint)', `// eslint-disable ${RULE}\nconst c = createClient();`, false],
    ['a list of rules', `// eslint-disable-next-line no-console, ${RULE}\nconst c = createClient();`, true],
  ])('%s', (_title, code, expected) => {
    expect(silenced(code)).toBe(expected);
  });

  it('lists the silenced site with its position and fixes the others', () => {
    const code = `// eslint-disable-next-line ${RULE}\nconst a = createClient();\nconst b = createClient();\n`;
    const result = transformSource(IMPORT + code, 'src/cache.mjs', ['add-error-listener']);
    expect(result.skipped).toEqual([
      { transform: 'add-error-listener', line: 3, column: 11, reason: 'disabled by an eslint-disable comment' },
    ]);
    expect(result.output).toBe(
      `${IMPORT}${code.replace('const b = createClient();\n', "const b = createClient();\nb.on('error', (err) => console.error('Redis client error:', err));\n")}`,
    );
  });
});
