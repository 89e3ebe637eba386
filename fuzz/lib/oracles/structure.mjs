// Does each run of inserted code stand on its own? The codemods insert whole statements, properties and
// arguments, replace an option's value, chain `.on('error', …)` or `.catch(…)` onto an expression, put
// `await` before one, or give `new X` an argument list. Inserted code that binds into the user's code changes what that code means even when
// the file parses: `new RedisClient.on(…)` constructs `RedisClient.on`; a listener statement followed
// by a `(async () => …)()` line becomes a call of the listener's result.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../paths.mjs';
import { walk } from '../syntax.mjs';
import { slidPositions } from './alignment.mjs';

const { visitorKeys } = createRequire(path.join(ROOT, 'package.json'))('@typescript-eslint/visitor-keys');

function lastChild(node) {
  let last;
  for (const key of visitorKeys[node.type] ?? []) {
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === 'string' && (!last || child.range[1] > last.range[1])) last = child;
    }
  }
  return last;
}

/** For a node that starts before the inserted range [start, end) and ends inside it: why that is wrong. */
function tailProblem(node, parent, start, text) {
  const insertedProperty = (member) => member.type === 'MemberExpression' && member.property.range[0] >= start;
  switch (node.type) {
    case 'MemberExpression':
      return insertedProperty(node) && parent?.type === 'CallExpression' && parent.callee === node
        ? undefined
        : `inserted code extends a ${parent?.type ?? 'top-level'}'s MemberExpression`;
    case 'CallExpression':
      return insertedProperty(node.callee) ? undefined : 'inserted code became the arguments of a call in the input';
    case 'NewExpression':
      return node.arguments.length > 0 && node.arguments[0].range[0] >= start ? undefined : 'inserted code extends a NewExpression';
    default: {
      // Its last child must end it, but for the parentheses around that child (an arrow's `(…)` body),
      // and for the `;` that ends a statement the file left without one, before a statement added after it.
      const child = lastChild(node);
      const tail = /(Statement|Declaration)$/.test(node.type) ? /^[\s)]*;?$/ : /^[\s)]*$/;
      return child && tail.test(text.slice(child.range[1], node.range[1])) ? undefined : `inserted code extends a ${node.type}`;
    }
  }
}

/**
 * `handle-connect` puts `await` before a user's `connect()` call: the keyword ends the run (alone, or after
 * a listener inserted on the line before). Returns where the run ends without it.
 */
function withoutAwaitPrefix(nodes, start, end) {
  const prefix = nodes.find(({ node }) => node.type === 'AwaitExpression' && node.range[0] >= start && node.range[0] < end && node.argument.range[0] >= end);
  return prefix ? prefix.node.range[0] : end;
}

/** Why the inserted range [start, end) binds into the user's code, or undefined when it stands alone. */
function bindingProblem(nodes, start, fullEnd, text) {
  const end = withoutAwaitPrefix(nodes, start, fullEnd);
  if (end === start) return undefined;
  for (const { node, parent } of nodes) {
    const [from, to] = node.range;
    if (from >= start && from < end && to > end) return `inserted code starts a ${node.type} that runs into the code after it`;
    if (from < start && to > start && to <= end) {
      const problem = tailProblem(node, parent, start, text);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function indexNodes(ast) {
  const nodes = [];
  walk(ast, (node, parent) => {
    if (node.type !== 'Program') nodes.push({ node, parent });
  });
  return nodes;
}

/**
 * Checks each inserted run under every equivalent alignment; reports the runs for which none stands
 * alone. Runs inside a replaced option value (`replaced`: output ranges) are the removal check's business.
 */
export function insertionProblems({ nodes, tokens: outputTokens, text, replaced }, alignment, runs = alignment.runs) {
  const problems = [];
  const inReplaced = ({ first, last }) =>
    replaced.some(([from, to]) => outputTokens[first].range[0] >= from && outputTokens[last].range[1] <= to);
  for (const run of runs) {
    if (inReplaced(run)) continue;
    let first;
    for (const { first: a, last: b } of slidPositions(run, alignment)) {
      const problem = bindingProblem(nodes, outputTokens[a].range[0], outputTokens[b].range[1], text);
      if (!problem) {
        first = undefined;
        break;
      }
      first ??= { problem, at: outputTokens[a].range[0], text: tokensText(outputTokens, a, b) };
    }
    if (first) problems.push(first);
  }
  return problems;
}

function tokensText(tokens, a, b) {
  return tokens
    .slice(a, b + 1)
    .map((token) => token.value)
    .join(' ')
    .slice(0, 120);
}
