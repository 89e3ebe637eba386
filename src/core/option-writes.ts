/**
 * Options written to after they are created: `const opts = { url }; if (tls) opts.socket = { tls: true };
 * createClient(opts)`. When every write is visible, the places a path may be read from when the factory
 * runs are the declared object and each write; otherwise the write that hides them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, isFunctionNode } from './ast';
import type { Mutation, SameFileValues } from './same-file-values';

type Node = TSESTree.Node;

/** Read `path` in `root`; an empty path means `root` is the value itself. */
export interface PathSource {
  root: Node;
  path: readonly string[];
}

export type WrittenPaths = { sources: PathSource[] } | { blockedBy: Mutation };

/** Whether writing `written` can change what is read at `path` (one is a prefix of the other). */
export function overlaps(written: readonly string[], path: readonly string[]): boolean {
  const shorter = Math.min(written.length, path.length);
  return written.slice(0, shorter).every((name, index) => name === path[index]);
}

export function writesOverlapping(values: SameFileValues, identifier: TSESTree.Identifier, path: readonly string[]): Mutation[] {
  return values.mutations(identifier).filter((mutation) => mutation.path === 'any' || overlaps(mutation.path, path));
}

/** `options are written to after creation, line 12`: why a path through them cannot be followed. */
export function writeReason(mutation: Mutation): string {
  return `options are written to after creation, line ${mutation.write.loc.start.line}`;
}

/**
 * Where `path` may be read from when `call` reads the options `identifier` holds; undefined when nothing
 * writes along `path`. A write that always runs (a statement in the declaration's own block) replaces
 * what came before it; one on a branch adds a way.
 */
export function pathSources(
  values: SameFileValues,
  identifier: TSESTree.Identifier,
  path: readonly string[],
  call: Node,
): WrittenPaths | undefined {
  const writes = writesOverlapping(values, identifier, path);
  if (writes.length === 0) return undefined;
  const declared = values.constantValue(identifier);
  const declaration = declared?.parent?.type === AST_NODE_TYPES.VariableDeclarator ? declared.parent.parent : undefined;
  if (!declared || !declaration) return { blockedBy: writes[0]! };
  const blocked = writes.find((write) => !isFollowable(write, path, declared, call));
  if (blocked) return { blockedBy: blocked };
  const ordered = [...writes].sort((a, b) => a.write.range[0] - b.write.range[0]);
  const alwaysRuns = ordered.findLastIndex((write) => write.write.parent?.type === AST_NODE_TYPES.ExpressionStatement && write.write.parent.parent === declaration.parent);
  const sources = ordered.slice(Math.max(alwaysRuns, 0)).map((write) => ({ root: write.value!, path: path.slice((write.path as string[]).length) }));
  return { sources: alwaysRuns === -1 ? [{ root: declared, path }, ...sources] : sources };
}

/** A plain `opts.a.b = value` along `path`, in the same function as the declaration and before the call. */
function isFollowable(write: Mutation, path: readonly string[], declared: Node, call: Node): boolean {
  if (write.path === 'any' || write.value === undefined || write.path.length > path.length) return false;
  const fn = enclosingFunction(call);
  return write.write.range[1] <= call.range[0] && enclosingFunction(write.write) === fn && enclosingFunction(declared) === fn;
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}
