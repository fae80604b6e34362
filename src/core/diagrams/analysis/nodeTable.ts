/** Thrown when an analysis would need more memory than its bound allows. */
export class DiagramTooLargeError extends Error {}

/**
 * The node store the BDD and the ZBDD share. Nodes 0 and 1 are the terminals; node n is the triple
 * (variable[n], low[n], high[n]), and the unique table gives each triple one id, so equal diagrams
 * are equal integers. The two kinds differ only in their reduction rule, which each `mk` applies
 * before asking for a node.
 */
export abstract class NodeTable {
  readonly variable: number[] = [-1, -1];
  readonly low: number[] = [0, 1];
  readonly high: number[] = [0, 1];
  private readonly unique = new Map<string, number>();

  /** Growth past this many nodes throws DiagramTooLargeError instead of exhausting memory. */
  constructor(private readonly maxNodes = 2_000_000) {}

  get size(): number {
    return this.variable.length;
  }

  /** The reduced node for (v, lo, hi): the diagram's reduction rule, then `node`. */
  abstract mk(v: number, lo: number, hi: number): number;

  /** The node (v, lo, hi) from the unique table, added when new. No reduction here. */
  protected node(v: number, lo: number, hi: number): number {
    const key = `${v},${lo},${hi}`;
    const hit = this.unique.get(key);
    if (hit !== undefined) return hit;
    const id = this.variable.length;
    if (id >= this.maxNodes) throw new DiagramTooLargeError(`Stopped: the decision diagram passed ${this.maxNodes} nodes.`);
    this.variable.push(v);
    this.low.push(lo);
    this.high.push(hi);
    this.unique.set(key, id);
    return id;
  }

  /**
   * A value for the diagram at `root`, computed bottom-up with each node visited once: `terminal`
   * for nodes 0 and 1, `combine(n, value of low[n], value of high[n])` for the others (low first).
   * Probabilities, set counts and conversions are all such folds. Values must not be undefined.
   */
  fold<T>(root: number, terminal: (t: number) => T, combine: (n: number, lo: T, hi: T) => T): T {
    const memo = new Map<number, T>();
    const walk = (n: number): T => {
      if (n < 2) return terminal(n);
      const hit = memo.get(n);
      if (hit !== undefined) return hit;
      const r = combine(n, walk(this.low[n]), walk(this.high[n]));
      memo.set(n, r);
      return r;
    };
    return walk(root);
  }

  /** The variable tested at node n; terminals sort below every variable. */
  protected level(n: number): number {
    return n < 2 ? Number.POSITIVE_INFINITY : this.variable[n];
  }
}
