import type { Bdd } from './bdd';
import { NodeTable } from './nodeTable';

/**
 * Zero-suppressed decision diagrams holding families of cut sets, and Rauzy's minimal-solutions
 * algorithm turning a coherent BDD into its minimal cut sets. Node 0 = no sets, 1 = {∅}; node
 * (v, lo, hi) = lo ∪ { s ∪ {v} : s ∈ hi }.
 */
export class Zbdd extends NodeTable {
  private readonly withoutMemo = new Map<number, number>();

  /** Zero suppression: a node whose high branch is the empty family adds no sets: it is its low branch. */
  mk(v: number, lo: number, hi: number): number {
    return hi === 0 ? lo : this.node(v, lo, hi);
  }

  private hasEmptySet(z: number): boolean {
    while (z >= 2) z = this.low[z];
    return z === 1;
  }

  /** Sets of P that contain no set of Q (removes non-minimal sets). */
  without(p: number, q: number): number {
    if (p === 0 || q === 0) return p;
    if (q === 1 || p === q) return 0;
    if (p === 1) return this.hasEmptySet(q) ? 0 : 1;
    const key = p * 4294967296 + q;
    const hit = this.withoutMemo.get(key);
    if (hit !== undefined) return hit;
    const vp = this.level(p);
    const vq = this.level(q);
    let r: number;
    if (vq < vp) {
      // Q's sets with vq cannot be inside P's sets, which lack vq.
      r = this.without(p, this.low[q]);
    } else if (vp < vq) {
      r = this.mk(vp, this.without(this.low[p], q), this.without(this.high[p], q));
    } else {
      const lo = this.without(this.low[p], this.low[q]);
      const hi = this.without(this.without(this.high[p], this.low[q]), this.high[q]);
      r = this.mk(vp, lo, hi);
    }
    this.withoutMemo.set(key, r);
    return r;
  }

  /** Minimal cut sets of the coherent function `f`, keeping only sets of at most `maxOrder` events. */
  minimalCutSets(bdd: Bdd, f: number, maxOrder: number): number {
    const memo = new Map<number, number>();
    const walk = (n: number, order: number): number => {
      if (n < 2) return n;
      if (order <= 0) return 0;
      const key = n * 1024 + order;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const lo = walk(bdd.low[n], order);
      const hi = this.without(walk(bdd.high[n], order - 1), lo);
      const r = this.mk(bdd.variable[n], lo, hi);
      memo.set(key, r);
      return r;
    };
    return walk(f, Math.min(maxOrder, 1000));
  }

  /** How many sets the family holds. */
  count(z: number): number {
    return this.fold(z, (t) => t, (_, lo, hi) => lo + hi);
  }

  /** Σ over sets of Π p[v]: the rare-event approximation of the top-event probability. */
  sumOfProducts(z: number, p: readonly number[]): number {
    return this.fold(z, (t) => t, (n, lo, hi) => lo + p[this.variable[n]] * hi);
  }

  /** The sets, at most `limit` of them (variables ascending). */
  enumerate(z: number, limit: number): number[][] {
    const out: number[][] = [];
    const path: number[] = [];
    const walk = (n: number): void => {
      if (out.length >= limit || n === 0) return;
      if (n === 1) {
        out.push([...path]);
        return;
      }
      walk(this.low[n]);
      path.push(this.variable[n]);
      walk(this.high[n]);
      path.pop();
    };
    walk(z);
    return out;
  }

  /** The BDD of "some set of the family is all true": equal to f iff truncation dropped nothing. */
  toBdd(bdd: Bdd, z: number): number {
    return this.fold(z, (t) => t, (n, lo, hi) => bdd.or(lo, bdd.and(bdd.ithVar(this.variable[n]), hi)));
  }
}
