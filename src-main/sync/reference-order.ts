/**
 * Orders resources so that each comes after the resources it references, as servers that
 * check references on write require; resources referencing each other in a cycle stay
 * together (a transaction resolves them as one unit). Tarjan's strongly connected components
 * give both at once, in O(n + references).
 */
export interface Node {
  key: string;
  /** Keys of other nodes in the same upload that this one references. */
  refs: string[];
}

/** Groups in upload order: every group only references earlier groups or itself. */
export function referenceOrder(nodes: Node[]): string[][] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;

  // Iterative, so a long chain of references cannot overflow the call stack.
  for (const start of nodes) {
    if (index.has(start.key)) continue;
    const work: { key: string; next: number }[] = [{ key: start.key, next: 0 }];
    index.set(start.key, counter);
    low.set(start.key, counter++);
    stack.push(start.key);
    onStack.add(start.key);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const refs = (byKey.get(frame.key)?.refs ?? []).filter((r) => byKey.has(r));
      if (frame.next < refs.length) {
        const target = refs[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ key: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) === index.get(frame.key)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.key);
        groups.push(group.reverse());
      }
    }
  }
  // Tarjan emits a component only after everything it reaches: referenced groups come first.
  return groups;
}

/**
 * Cuts ordered groups into uploads of at most `max` entries without splitting a group
 * (a cycle must travel in one transaction), unless a group alone is larger than `max`.
 */
export function chunkGroups(groups: string[][], max: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > max) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
    if (current.length >= max) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
