import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { DisableDirectives } from '../../src/core/disable-directives';

const RULE = 'redis/require-error-listener';

/** Parses `code` and asks whether RULE is disabled at the first `createClient` call. */
function disabledAtCall(code: string): boolean {
  const ast = parse(code, { range: true, loc: true, comment: true });
  const directives = new DisableDirectives(ast.comments as TSESTree.Comment[]);
  const offset = code.indexOf('createClient()');
  const node = { range: [offset, offset + 1], loc: { start: { line: code.slice(0, offset).split('\n').length } } };
  return directives.isDisabled(RULE, node as TSESTree.Node);
}

describe('DisableDirectives', () => {
  it.each([
    ['next-line naming the rule', `// eslint-disable-next-line ${RULE}\nconst c = createClient();`, true],
    ['next-line with a description', `// eslint-disable-next-line ${RULE} -- script\nconst c = createClient();`, true],
    ['next-line for all rules', '// eslint-disable-next-line\nconst c = createClient();', true],
    ['next-line in a block comment', `/* eslint-disable-next-line ${RULE} */\nconst c = createClient();`, true],
    ['next-line for another rule', '// eslint-disable-next-line redis/no-disabled-reconnect\nconst c = createClient();', false],
    ['next-line two lines above', `// eslint-disable-next-line ${RULE}\n\nconst c = createClient();`, false],
    ['same line', `const c = createClient(); // eslint-disable-line ${RULE}`, true],
    ['block disable before', `/* eslint-disable ${RULE} */\nconst c = createClient();`, true],
    ['block disable for all', '/* eslint-disable */\nconst c = createClient();', true],
    ['block disable then enable', `/* eslint-disable ${RULE} */\n/* eslint-enable ${RULE} */\nconst c = createClient();`, false],
    ['block disable after the call', `const c = createClient();\n/* eslint-disable ${RULE} */`, false],
    ['a line comment cannot open a block disable', `// eslint-disable ${RULE}\nconst c = createClient();`, false],
    ['a list of rules', `// eslint-disable-next-line no-console, ${RULE}\nconst c = createClient();`, true],
  ])('%s', (_title, code, expected) => {
    expect(disabledAtCall(code)).toBe(expected);
  });
});
