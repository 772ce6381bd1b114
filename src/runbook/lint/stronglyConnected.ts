/**
 * Strongly connected components (Tarjan), iterative so a hostile runbook of thousands of nodes
 * cannot overflow the stack. Components come in reverse topological order, members in visit order.
 */
export function stronglyConnected(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const succ = successors(frame.id);
      const to = succ[frame.next++];
      if (to !== undefined) {
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          frames.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          onStack.delete(id);
          component.push(id);
          if (id === frame.id) break;
        }
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** The shortest cycle through `from` inside `members`, as ids ending where they started; undefined if none. */
export function shortestCycle(from: string, members: ReadonlySet<string>, successors: (id: string) => readonly string[]): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (id === undefined) break;
    for (const to of successors(id)) {
      if (!members.has(to)) continue;
      if (to === from) {
        const path = [from];
        for (let at: string | undefined = id; at !== undefined && at !== from; at = parent.get(at)) path.push(at);
        path.push(from);
        return path.reverse();
      }
      if (!parent.has(to)) {
        parent.set(to, id);
        queue.push(to);
      }
    }
  }
  return undefined;
}
