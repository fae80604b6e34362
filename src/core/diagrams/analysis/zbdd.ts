import type { Bdd } from './bdd';
import { NodeTable } from './nodeTable';

/** Frame kinds of the explicit stack shared by `without` and `minimalCutSets`. */
const WITHOUT = 0;
const MINIMAL = 1;

/**
 * Zero-suppressed decision diagrams holding families of cut sets, and Rauzy's minimal-solutions
 * algorithm turning a coherent BDD into its minimal cut sets. Node 0 = no sets, 1 = {∅}; node
 * (v, lo, hi) = lo ∪ { s ∪ {v} : s ∈ hi }. Both algorithms run on one explicit stack (a
 * minimal-sets step calls `without`, which calls itself twice in a row): no recursion, since a
 * diagram is as deep as the tree has events.
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

  private withoutTerminal(p: number, q: number): number {
    if (p === 0 || q === 0) return p;
    if (q === 1 || p === q) return 0;
    if (p === 1) return this.hasEmptySet(q) ? 0 : 1;
    return -1;
  }

  /** Sets of P that contain no set of Q (removes non-minimal sets). */
  without(p: number, q: number): number {
    return this.run(WITHOUT, p, q, undefined);
  }

  /** Minimal cut sets of the coherent function `f`, keeping only sets of at most `maxOrder` events. */
  minimalCutSets(bdd: Bdd, f: number, maxOrder: number): number {
    return this.run(MINIMAL, f, Math.min(maxOrder, 1000), bdd);
  }

  /**
   * The stack machine. WITHOUT(p, q): if q's top variable is above p's, it is WITHOUT(p, low q); if
   * p's is above, mk(vp, WITHOUT(low p, q), WITHOUT(high p, q)); if equal, mk(v, WITHOUT(low p, low q),
   * WITHOUT(WITHOUT(high p, low q), high q)). MINIMAL(n, order) on BDD node n:
   * lo = MINIMAL(low n, order), hi = WITHOUT(MINIMAL(high n, order − 1), lo), mk(var n, lo, hi).
   */
  private run(kind0: number, a0: number, b0: number, bdd: Bdd | undefined): number {
    const minimalMemo = new Map<number, number>();
    const kinds: number[] = [];
    const as: number[] = [];
    const bs: number[] = [];
    const phases: number[] = [];
    const results: number[] = [];
    const call = (kind: number, a: number, b: number): void => {
      const t = kind === WITHOUT ? this.withoutTerminal(a, b) : a < 2 ? a : b <= 0 ? 0 : -1;
      if (t >= 0) {
        results.push(t);
        return;
      }
      kinds.push(kind);
      as.push(a);
      bs.push(b);
      phases.push(0);
    };
    const finish = (memo: Map<number, number>, key: number, r: number): void => {
      memo.set(key, r);
      kinds.pop(); as.pop(); bs.pop(); phases.pop();
      results.push(r);
    };
    call(kind0, a0, b0);
    while (kinds.length > 0) {
      const i = kinds.length - 1;
      const a = as[i];
      const b = bs[i];
      const phase = phases[i];
      if (kinds[i] === WITHOUT) {
        const key = a * 4294967296 + b;
        const va = this.level(a);
        const vb = this.level(b);
        if (phase === 0) {
          const hit = this.withoutMemo.get(key);
          if (hit !== undefined) {
            finish(this.withoutMemo, key, hit);
            continue;
          }
          this.tick();
          // Phases: 10 = Q above (one call); 20/21 = P above; 30/31/32 = same variable.
          if (vb < va) {
            phases[i] = 10;
            call(WITHOUT, a, this.low[b]);
          } else if (va < vb) {
            phases[i] = 20;
            call(WITHOUT, this.low[a], b);
          } else {
            phases[i] = 30;
            call(WITHOUT, this.low[a], this.low[b]);
          }
        } else if (phase === 10) {
          finish(this.withoutMemo, key, results.pop()!);
        } else if (phase === 20) {
          phases[i] = 21;
          call(WITHOUT, this.high[a], b);
        } else if (phase === 30) {
          phases[i] = 31;
          call(WITHOUT, this.high[a], this.low[b]);
        } else if (phase === 31) {
          phases[i] = 32;
          call(WITHOUT, results.pop()!, this.high[b]);
        } else {
          // 21 or 32: results end with lo, hi.
          const hi = results.pop()!;
          const lo = results.pop()!;
          finish(this.withoutMemo, key, this.mk(va, lo, hi));
        }
      } else {
        const d = bdd!;
        const key = a * 1024 + b;
        if (phase === 0) {
          const hit = minimalMemo.get(key);
          if (hit !== undefined) {
            finish(minimalMemo, key, hit);
            continue;
          }
          this.tick();
          phases[i] = 1;
          call(MINIMAL, d.low[a], b);
        } else if (phase === 1) {
          phases[i] = 2;
          call(MINIMAL, d.high[a], b - 1);
        } else if (phase === 2) {
          // results: lo, sets through the high branch; keep lo below for phase 3.
          const through = results.pop()!;
          phases[i] = 3;
          call(WITHOUT, through, results[results.length - 1]);
        } else {
          const hi = results.pop()!;
          const lo = results.pop()!;
          finish(minimalMemo, key, this.mk(d.variable[a], lo, hi));
        }
      }
    }
    return results[0];
  }

  /** How many sets the family holds. */
  count(z: number): number {
    return this.fold(z, (t) => t, (_, lo, hi) => lo + hi);
  }

  /** Σ over sets of Π p[v]: the rare-event approximation of the top-event probability. */
  sumOfProducts(z: number, p: readonly number[]): number {
    return this.fold(z, (t) => t, (n, lo, hi) => lo + p[this.variable[n]] * hi);
  }

  /** The sets, at most `limit` of them (variables ascending), by a depth-first walk on a stack. */
  enumerate(z: number, limit: number): number[][] {
    const out: number[][] = [];
    const path: number[] = [];
    const nodes = [z];
    const phases = [0];
    while (nodes.length > 0) {
      const i = nodes.length - 1;
      const n = nodes[i];
      if (phases[i] === 0) {
        if (out.length >= limit || n === 0) {
          nodes.pop(); phases.pop();
        } else if (n === 1) {
          out.push(path.slice());
          nodes.pop(); phases.pop();
        } else {
          this.tick();
          phases[i] = 1;
          nodes.push(this.low[n]); phases.push(0);
        }
      } else if (phases[i] === 1) {
        phases[i] = 2;
        path.push(this.variable[n]);
        nodes.push(this.high[n]); phases.push(0);
      } else {
        path.pop();
        nodes.pop(); phases.pop();
      }
    }
    return out;
  }

  /** The BDD of "some set of the family is all true": equal to f iff truncation dropped nothing. */
  toBdd(bdd: Bdd, z: number): number {
    return this.fold(z, (t) => t, (n, lo, hi) => bdd.or(lo, bdd.and(bdd.ithVar(this.variable[n]), hi)));
  }
}
