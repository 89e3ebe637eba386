// Statement-level mutations: delete, duplicate (declared names renamed in each copy), repeat many times,
// wrap in a block, function, test hook or deep nesting.
import { declaredNames, eolOf, indentAt, replaceRange } from '../syntax.mjs';

function renamedCopy(context, statement, suffix) {
  const names = new Set(declaredNames(statement));
  const [start, end] = statement.range;
  let copy = '';
  let position = start;
  for (const token of context.tree.tokens) {
    if (token.range[0] < start || token.range[1] > end) continue;
    if (token.type !== 'Identifier' || !names.has(token.value)) continue;
    copy += context.text.slice(position, token.range[0]) + token.value + suffix;
    position = token.range[1];
  }
  return copy + context.text.slice(position, end);
}

function insertCopies(context, count) {
  const statement = context.choose(context.statements);
  if (!statement) return undefined;
  const separator = eolOf(context.text) + indentAt(context.text, statement.range[0]);
  let copies = '';
  for (let n = 1; n <= count; n++) copies += separator + renamedCopy(context, statement, `_${n}`);
  return replaceRange(context.text, [statement.range[1], statement.range[1]], copies);
}

export const deleteStatement = (context) => {
  const statement = context.choose(context.statements);
  return statement && replaceRange(context.text, statement.range, '');
};

export const duplicateStatement = (context) => insertCopies(context, 1 + context.variant(3));

/** Many copies: the shape of generated code, and of cost that grows with repetition. */
export const repeatStatement = (context) => insertCopies(context, 4 + context.variant(28));

const STATEMENT_WRAPPERS = [
  ['{ ', ' }'],
  ['if (process.env.FLAG) { ', ' }'],
  ['if (ready) ', ''],
  ['try { ', ' } catch (error) { console.error(error) }'],
  ['function wrapped() { ', ' }'],
  ['(async () => { ', ' })();'],
  ["describe('suite', () => { beforeEach(() => { ", ' }); });'],
  ['for (const item of items) { ', ' }'],
  ['class Holder { method() { ', ' } }'],
  ['switch (mode) { case 1: ', ' }'],
  ['export function exported() { ', ' }'],
  ['label: { ', ' }'],
];

export const wrapStatement = (context) => {
  const statement = context.choose(context.statements);
  if (!statement) return undefined;
  const [before, after] = STATEMENT_WRAPPERS[context.variant(STATEMENT_WRAPPERS.length)];
  return replaceRange(context.text, statement.range, before + context.sourceOf(statement) + after);
};

const NESTING = [
  ['{ ', ' }'],
  ['if (a) ', ''],
  ['(() => { ', ' })();'],
  ['while (a) { ', ' }'],
];

/** 5 to 150 levels of blocks, ifs, arrow functions or loops around one statement. */
export const nestStatement = (context) => {
  const statement = context.choose(context.statements);
  if (!statement) return undefined;
  const depth = 5 + (context.arg % 146);
  const [before, after] = NESTING[context.arg % NESTING.length];
  return replaceRange(context.text, statement.range, before.repeat(depth) + context.sourceOf(statement) + after.repeat(depth));
};
