import { RuleTester } from '@typescript-eslint/rule-tester';

/** One tester for all rule tests; `@typescript-eslint/parser` reads both JS and TS. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** The default handler the listener suggestion writes, per owner kind. */
export function handler(kind = 'client', quote = "'"): string {
  return `(err) => console.error(${quote}Redis ${kind} error:${quote}, err)`;
}

/** Builds a code sample from lines, so positions in tests are easy to read. */
export function lines(...source: string[]): string {
  return source.join('\n');
}
