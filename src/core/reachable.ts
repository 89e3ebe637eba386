/**
 * Reachability over the lazily built value graphs of the core (which owners a value may be, which
 * functions a callee may be, where a value escapes to): what every holder reachable from a start can
 * lead to. Holders that reach each other (a strongly connected component: `g.redis = r` where
 * `r = g.redis ?? createClient()`) share one answer, so each holder is expanded once per analysis and
 * the cost is linear in the graph. Tarjan's algorithm, iterative so that long chains cannot overflow
 * the stack.
 */
import type { AnalysisBudget } from './budget';

export interface Expansion<Holder, Item> {
  /** What the holder yields itself, without repeats. */
  found?: readonly Item[];
  /** The holders whose items it also yields, in the order a recursive walk would visit them. */
  next?: readonly Holder[];
}

export interface ValueGraph<Holder, Item> {
  /** An answer from an earlier walk, if there is one. */
  known(holder: Holder): readonly Item[] | undefined;
  expand(holder: Holder): Expansion<Holder, Item>;
}

interface Frame<Holder, Item> {
  holder: Holder;
  next: readonly Holder[];
  position: number;
  /** What the holder yields itself, and the answers of the completed components it leads to. */
  own: readonly Item[];
  reached: (readonly Item[])[];
  /** Discovery order, and the lowest discovery order it reaches among open holders (Tarjan's lowlink). */
  order: number;
  low: number;
}

/** The answers of every holder whose component was completed by this walk (`start` among them). */
export function reachableSets<Holder, Item>(
  start: Holder,
  graph: ValueGraph<Holder, Item>,
  budget: AnalysisBudget,
): Map<Holder, readonly Item[]> {
  const answers = new Map<Holder, readonly Item[]>();
  const frames = new Map<Holder, Frame<Holder, Item>>();
  const open: Frame<Holder, Item>[] = [];
  const path: Frame<Holder, Item>[] = [];
  const enter = (holder: Holder): void => {
    const { found = [], next = [] } = graph.expand(holder);
    budget.spend(1 + next.length);
    const order = frames.size;
    const frame = { holder, next, position: 0, own: found, reached: [], order, low: order };
    frames.set(holder, frame);
    open.push(frame);
    path.push(frame);
  };
  enter(start);
  while (path.length > 0) {
    const frame = path[path.length - 1]!;
    if (frame.position < frame.next.length) {
      const holder = frame.next[frame.position++]!;
      const answer = answers.get(holder) ?? graph.known(holder);
      const visited = frames.get(holder);
      if (answer) frame.reached.push(answer);
      else if (visited) frame.low = Math.min(frame.low, visited.order);
      else enter(holder);
      continue;
    }
    path.pop();
    const caller = path[path.length - 1];
    if (frame.low < frame.order) {
      if (caller) caller.low = Math.min(caller.low, frame.low);
      continue;
    }
    // `frame` is the root of a component: it and the holders above it on `open` are complete.
    const members = open.splice(open.lastIndexOf(frame));
    const answer = componentAnswer(members, budget);
    for (const member of members) answers.set(member.holder, answer);
    caller?.reached.push(answer);
  }
  return answers;
}

/**
 * The union of what a component's holders yield and reach. A component that only passes on one other
 * answer (an alias, a read of a shared path) shares that answer instead of copying it, so K owners
 * read through M aliases cost M, not K × M.
 */
function componentAnswer<Holder, Item>(members: readonly Frame<Holder, Item>[], budget: AnalysisBudget): readonly Item[] {
  const own = members.length === 1 ? members[0]!.own : members.flatMap((member) => member.own);
  const reached = new Set(members.length === 1 ? members[0]!.reached : members.flatMap((member) => member.reached));
  if (reached.size === 0) return members.length === 1 ? own : [...new Set(own)];
  if (own.length === 0 && reached.size === 1) return reached.values().next().value!;
  const union = new Set<Item>(own);
  for (const answer of reached) {
    budget.spend(answer.length);
    for (const item of answer) union.add(item);
  }
  return [...union];
}
