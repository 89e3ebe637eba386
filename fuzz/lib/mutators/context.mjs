// What a mutator sees: the text, its parse (computed on first use), and the two numbers fast-check drew
// for this mutation: `pick` chooses the target, `arg` the variant. Shrinking drives both towards 0.
import { languageOf } from '../languages.mjs';
import { allNodes, listedStatements, parseTree } from '../syntax.mjs';

export function mutationContext(text, filename, { pick, arg }) {
  const lang = languageOf(filename);
  let tree;
  let nodes;
  const context = {
    text,
    filename,
    lang,
    arg,
    get tree() {
      tree ??= parseTree(text, filename);
      return tree;
    },
    get nodes() {
      nodes ??= allNodes(context.tree.ast);
      return nodes;
    },
    get statements() {
      return listedStatements(context.nodes);
    },
    /** One element of `list` (undefined when it is empty). */
    choose(list, salt = 0) {
      return list.length === 0 ? undefined : list[(pick + salt) % list.length];
    },
    /** A variant among `count`, from `arg`. */
    variant(count) {
      return arg % count;
    },
    sourceOf(node) {
      return text.slice(node.range[0], node.range[1]);
    },
  };
  return context;
}

/** Nodes of the given types. */
export function nodesOfType(context, types) {
  const wanted = new Set(types);
  return context.nodes.filter(({ node }) => wanted.has(node.type));
}
