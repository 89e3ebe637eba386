// Expression-level mutations: wrappers (parentheses, `as`, `satisfies`, `!`, `await`, `??`, …), optional
// chaining, spreads and computed keys in options objects.
import { replaceRange } from '../syntax.mjs';
import { nodesOfType } from './context.mjs';

const WRAPPED_TYPES = [
  'CallExpression',
  'NewExpression',
  'ObjectExpression',
  'MemberExpression',
  'Identifier',
  'AwaitExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'ArrowFunctionExpression',
];

const JS_WRAPPERS = [
  (e) => `(${e})`,
  (e) => `(0, ${e})`,
  (e) => `await ${e}`,
  (e) => `(await ${e})`,
  (e) => `${e} ?? null`,
  (e) => `null ?? ${e}`,
  (e) => `(flag ? ${e} : null)`,
  (e) => `flag ? undefined : ${e}`,
  (e) => `[${e}][0]`,
  (e) => `((x) => x)(${e})`,
  (e) => `/* wrapped */ ${e}`,
  (e) => `(${e}) || undefined`,
  (e) => `(${e}, ${e})`,
];
const TS_WRAPPERS = [
  (e) => `${e} as any`,
  (e) => `(${e} as any)`,
  (e) => `(${e} as unknown as Client)`,
  (e) => `${e} satisfies object`,
  (e) => `(${e} satisfies object)`,
  (e) => `${e}!`,
  (e) => `(${e})!`,
  (e) => `(<any>${e})`,
];

export const wrapExpression = (context) => {
  const target = context.choose(nodesOfType(context, WRAPPED_TYPES));
  if (!target) return undefined;
  const wrappers = context.lang.typescript ? [...TS_WRAPPERS, ...JS_WRAPPERS] : JS_WRAPPERS;
  const wrap = wrappers[context.variant(wrappers.length)];
  return replaceRange(context.text, target.node.range, wrap(context.sourceOf(target.node)));
};

/** `a.b` becomes `a?.b`, `a[b]` becomes `a?.[b]`, `f(x)` becomes `f?.(x)`. */
export const optionalChain = (context) => {
  const targets = nodesOfType(context, ['MemberExpression', 'CallExpression']).filter(({ node }) => !node.optional);
  const target = context.choose(targets)?.node;
  if (!target) return undefined;
  const anchor = target.type === 'MemberExpression' ? target.property : target.arguments[0];
  const after = target.type === 'MemberExpression' ? target.object.range[1] : target.callee.range[1];
  const token = context.tree.tokens.find(
    (t) => t.range[0] >= after && (anchor === undefined || t.range[1] <= anchor.range[0]) && ['.', '[', '('].includes(t.value),
  );
  if (!token) return undefined;
  const replacement = token.value === '.' ? '?.' : `?.${token.value}`;
  return replaceRange(context.text, token.range, replacement);
};

/** Spreads in an options object or an argument list. */
export const spread = (context) => {
  const objects = nodesOfType(context, ['ObjectExpression']).map(({ node }) => node);
  const calls = nodesOfType(context, ['CallExpression', 'NewExpression'])
    .map(({ node }) => node)
    .filter((node) => node.arguments.length > 0);
  const variant = context.variant(4);
  if (variant === 3) {
    const call = context.choose(calls);
    if (!call) return undefined;
    const args = [call.arguments[0].range[0], call.arguments[call.arguments.length - 1].range[1]];
    return replaceRange(context.text, args, `...[${context.text.slice(...args)}]`);
  }
  const object = context.choose(objects);
  if (!object) return undefined;
  const open = object.range[0] + 1;
  const close = object.range[1] - 1;
  if (variant === 0) return replaceRange(context.text, object.range, `{ ...${context.sourceOf(object)} }`);
  if (variant === 1) return replaceRange(context.text, [open, open], ' ...extra,');
  const last = object.properties[object.properties.length - 1];
  return last ? replaceRange(context.text, [last.range[1], last.range[1]], ', ...extra') : replaceRange(context.text, [close, close], '...extra');
};

const KEY_FORMS = [(k) => `['${k}']`, (k) => `["${k}"]`, (k) => `'${k}'`, (k) => `[\`${k}\`]`];

/** `socket: …` becomes `['socket']: …`, `'socket': …`, …; shorthand `{ url }` becomes `['url']: url`. */
export const computedKey = (context) => {
  const properties = nodesOfType(context, ['Property', 'PropertyDefinition', 'MethodDefinition'])
    .map(({ node }) => node)
    .filter((node) => !node.computed && node.key.type === 'Identifier');
  const property = context.choose(properties);
  if (!property) return undefined;
  const key = KEY_FORMS[context.variant(KEY_FORMS.length)](property.key.name);
  if (property.shorthand) return replaceRange(context.text, property.range, `${key}: ${property.key.name}`);
  return replaceRange(context.text, property.key.range, key);
};
