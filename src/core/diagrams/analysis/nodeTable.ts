/** Thrown when an analysis would need more memory or time than its budget allows. */
export class DiagramTooLargeError extends Error {}

/**
 * How much an analysis may spend. Nodes bound memory (each node costs ~100 bytes with its table
 * entries); the deadline bounds time for callers on a UI thread. Both are checked as the diagrams
 * grow, so a runaway tree stops early with DiagramTooLargeError instead of freezing its host.
 */
export interface DiagramBudget {
  /** Decision-diagram size at which the work stops (default 2,000,000 nodes, a few hundred MB). */
  readonly maxNodes?: number;
  /** Epoch milliseconds (Date.now() scale) after which the work stops; absent = no time limit. */
  readonly deadline?: number;
}

export const DEFAULT_MAX_NODES = 2_000_000;

/** How often (in steps) the loops look at the clock: often enough to stop within a few ms. */
const CLOCK_EVERY = 4096;

/**
 * The node store the BDD and the ZBDD share. Nodes 0 and 1 are the terminals; node n is the triple
 * (variable[n], low[n], high[n]), and the unique table gives each triple one id, so equal diagrams
 * are equal integers. The two kinds differ only in their reduction rule, which each `mk` applies
 * before asking for a node. A node's children always have smaller ids than the node, so ascending
 * ids are a bottom-up (children first) order: every walk here is a loop over ids, never recursion,
 * because a diagram's depth is the number of events (thousands in a large tree).
 */
export abstract class NodeTable {
  readonly variable: number[] = [-1, -1];
  readonly low: number[] = [0, 1];
  readonly high: number[] = [0, 1];
  /** Unique table: open hashing with chains through `next` (a string-keyed Map was 5× slower). */
  private buckets = new Int32Array(1 << 12).fill(-1);
  private readonly next: number[] = [-1, -1];
  private readonly maxNodes: number;
  private readonly deadline: number;
  private steps = 0;

  /** Growth past `maxNodes` nodes, or work past the deadline, throws DiagramTooLargeError. */
  constructor(budget: DiagramBudget = {}) {
    this.maxNodes = budget.maxNodes ?? DEFAULT_MAX_NODES;
    this.deadline = budget.deadline ?? Number.POSITIVE_INFINITY;
  }

  get size(): number {
    return this.variable.length;
  }

  /** The reduced node for (v, lo, hi): the diagram's reduction rule, then `node`. */
  abstract mk(v: number, lo: number, hi: number): number;

  private static hash(v: number, lo: number, hi: number, mask: number): number {
    return (Math.imul(v, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35)) & mask;
  }

  /** The node (v, lo, hi) from the unique table, added when new. No reduction here. */
  protected node(v: number, lo: number, hi: number): number {
    const mask = this.buckets.length - 1;
    const b = NodeTable.hash(v, lo, hi, mask);
    for (let n = this.buckets[b]; n >= 0; n = this.next[n]) {
      if (this.variable[n] === v && this.low[n] === lo && this.high[n] === hi) return n;
    }
    const id = this.variable.length;
    if (id >= this.maxNodes) throw new DiagramTooLargeError(`Stopped: the decision diagram passed ${this.maxNodes.toLocaleString('en-US')} nodes.`);
    this.tick();
    this.variable.push(v);
    this.low.push(lo);
    this.high.push(hi);
    this.next.push(this.buckets[b]);
    this.buckets[b] = id;
    if (id > this.buckets.length) this.grow();
    return id;
  }

  private grow(): void {
    const buckets = new Int32Array(this.buckets.length * 2).fill(-1);
    const mask = buckets.length - 1;
    for (let n = 2; n < this.variable.length; n++) {
      const b = NodeTable.hash(this.variable[n], this.low[n], this.high[n], mask);
      this.next[n] = buckets[b];
      buckets[b] = n;
    }
    this.buckets = buckets;
  }

  /** Counts a step of work and stops at the deadline (checked every few thousand steps). */
  protected tick(): void {
    if (++this.steps % CLOCK_EVERY === 0 && Date.now() > this.deadline) {
      throw new DiagramTooLargeError(`Stopped: the analysis ran out of its time budget after ${this.size.toLocaleString('en-US')} decision-diagram nodes.`);
    }
  }

  /** Nodes reachable from `root` (terminals excluded), ascending: children before parents. */
  reachable(root: number): Int32Array {
    if (root < 2) return new Int32Array(0);
    const seen = new Uint8Array(this.variable.length);
    const found: number[] = [];
    const stack = [root];
    seen[root] = 1;
    while (stack.length > 0) {
      const n = stack.pop()!;
      found.push(n);
      for (const c of [this.low[n], this.high[n]]) {
        if (c >= 2 && !seen[c]) {
          seen[c] = 1;
          stack.push(c);
        }
      }
    }
    return Int32Array.from(found).sort();
  }

  /**
   * A value for the diagram at `root`, computed bottom-up with each node visited once: `terminal`
   * for nodes 0 and 1, `combine(n, value of low[n], value of high[n])` for the others.
   * Probabilities, set counts and conversions are all such folds.
   */
  fold<T>(root: number, terminal: (t: number) => T, combine: (n: number, lo: T, hi: T) => T): T {
    if (root < 2) return terminal(root);
    const values = new Map<number, T>([[0, terminal(0)], [1, terminal(1)]]);
    for (const n of this.reachable(root)) {
      this.tick();
      values.set(n, combine(n, values.get(this.low[n])!, values.get(this.high[n])!));
    }
    return values.get(root)!;
  }

  /** The variable tested at node n; terminals sort below every variable. */
  protected level(n: number): number {
    return n < 2 ? Number.POSITIVE_INFINITY : this.variable[n];
  }
}
