import { NodeTable } from './nodeTable';

/**
 * Reduced ordered binary decision diagrams for coherent fault trees. Node 0 is false, 1 is true;
 * equal functions get the same node (unique table), so "same function" is an integer comparison.
 */
export class Bdd extends NodeTable {
  private readonly andMemo = new Map<number, number>();
  private readonly orMemo = new Map<number, number>();

  /** Variable index `v` (lower index = nearer the root). */
  ithVar(v: number): number {
    return this.mk(v, 0, 1);
  }

  /** A node whose two branches agree is redundant: it is that branch. */
  mk(v: number, lo: number, hi: number): number {
    return lo === hi ? lo : this.node(v, lo, hi);
  }

  and(f: number, g: number): number {
    if (f === 0 || g === 0) return 0;
    if (f === 1) return g;
    if (g === 1 || f === g) return f;
    return this.apply(f, g, this.andMemo, (a, b) => this.and(a, b));
  }

  or(f: number, g: number): number {
    if (f === 1 || g === 1) return 1;
    if (f === 0) return g;
    if (g === 0 || f === g) return f;
    return this.apply(f, g, this.orMemo, (a, b) => this.or(a, b));
  }

  private apply(f: number, g: number, memo: Map<number, number>, op: (a: number, b: number) => number): number {
    if (f > g) [f, g] = [g, f];
    const key = f * 4294967296 + g;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const vf = this.level(f);
    const vg = this.level(g);
    const v = Math.min(vf, vg);
    const lo = op(vf === v ? this.low[f] : f, vg === v ? this.low[g] : g);
    const hi = op(vf === v ? this.high[f] : f, vg === v ? this.high[g] : g);
    const r = this.mk(v, lo, hi);
    memo.set(key, r);
    return r;
  }

  /** At least k of `fs` true, by the recurrence atleast(k, f:rest) = f ? atleast(k-1, rest) : atleast(k, rest). */
  atLeast(k: number, fs: readonly number[]): number {
    // row[j] = at least j of fs[i..]; built from the end.
    let row: number[] = Array.from({ length: k + 1 }, (_, j) => (j === 0 ? 1 : 0));
    for (let i = fs.length - 1; i >= 0; i--) {
      const next = [1];
      // Monotone: atleast(j, rest) implies atleast(j-1, rest), so (f ∧ A) ∨ B equals ite(f, A, B).
      for (let j = 1; j <= k; j++) next.push(this.or(this.and(fs[i], row[j - 1]), row[j]));
      row = next;
    }
    return row[k];
  }

  /**
   * P(f = 1) with independent variables of probability p[v]. Its own walk rather than `fold`: the
   * importance measures call it twice per event, and the shared fold's callback cost ~10% there.
   */
  probability(f: number, p: readonly number[]): number {
    const memo = new Map<number, number>();
    const walk = (n: number): number => {
      if (n < 2) return n;
      const hit = memo.get(n);
      if (hit !== undefined) return hit;
      const q = p[this.variable[n]];
      const r = q * walk(this.high[n]) + (1 - q) * walk(this.low[n]);
      memo.set(n, r);
      return r;
    };
    return walk(f);
  }
}
