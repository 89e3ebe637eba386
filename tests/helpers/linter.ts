/** The Linter config the tests share: TypeScript files through typescript-eslint's parser, the rest through espree. */
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

export const typescriptFiles: Linter.Config = {
  files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  languageOptions: { parser: tsParser as Linter.Parser },
};
