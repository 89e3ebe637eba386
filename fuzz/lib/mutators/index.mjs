// The mutators fast-check chooses from, with weights: costly ones (thousands of lines, hundreds of
// levels) are drawn less often so 10,000 cases stay quick.
import { fillerLines, longLine, nestExpression, replicateBody } from './bulk.mjs';
import { computedKey, optionalChain, spread, wrapExpression } from './expressions.mjs';
import { insertSnippet } from './snippets.mjs';
import { deleteStatement, duplicateStatement, nestStatement, repeatStatement, wrapStatement } from './statements.mjs';
import { declarationKind, dropSemicolons, insertComment, swapFactory, swapIdentifiers } from './tokens.mjs';

/** @type {{ name: string; weight: number; apply: (context: object) => string | undefined }[]} */
export const MUTATORS = [
  { name: 'delete-statement', weight: 6, apply: deleteStatement },
  { name: 'duplicate-statement', weight: 5, apply: duplicateStatement },
  { name: 'repeat-statement', weight: 2, apply: repeatStatement },
  { name: 'wrap-statement', weight: 5, apply: wrapStatement },
  { name: 'nest-statement', weight: 1, apply: nestStatement },
  { name: 'wrap-expression', weight: 8, apply: wrapExpression },
  { name: 'optional-chain', weight: 4, apply: optionalChain },
  { name: 'spread', weight: 4, apply: spread },
  { name: 'computed-key', weight: 4, apply: computedKey },
  { name: 'swap-identifiers', weight: 5, apply: swapIdentifiers },
  { name: 'swap-factory', weight: 4, apply: swapFactory },
  { name: 'declaration-kind', weight: 3, apply: declarationKind },
  { name: 'drop-semicolons', weight: 5, apply: dropSemicolons },
  { name: 'insert-comment', weight: 3, apply: insertComment },
  { name: 'insert-snippet', weight: 10, apply: insertSnippet },
  { name: 'filler-lines', weight: 1, apply: fillerLines },
  { name: 'replicate-body', weight: 1, apply: replicateBody },
  { name: 'long-line', weight: 1, apply: longLine },
  { name: 'nest-expression', weight: 1, apply: nestExpression },
];

export const MUTATOR_BY_NAME = new Map(MUTATORS.map((mutator) => [mutator.name, mutator]));
