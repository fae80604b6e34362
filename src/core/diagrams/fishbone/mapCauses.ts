import type { FishboneCause } from './model';

/**
 * `nodes` and every cause under them, each passed through `fn` (a node's causes are taken from what
 * `fn` returned), as new lists: the trees are rebuilt, the input is left as it was. An explicit stack,
 * no recursion over user data (causes nest as deep as a document writes them).
 */
export function mapCauseTree(nodes: readonly FishboneCause[], fn: (node: FishboneCause) => FishboneCause): FishboneCause[] {
  const out = nodes.map(fn);
  const stack: { list: FishboneCause[]; at: number }[] = [{ list: out, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.at >= top.list.length) {
      stack.pop();
      continue;
    }
    const node = top.list[top.at];
    top.at += 1;
    if (node.causes.length > 0) {
      const causes = node.causes.map(fn);
      top.list[top.at - 1] = { ...node, causes };
      stack.push({ list: causes, at: 0 });
    }
  }
  return out;
}
