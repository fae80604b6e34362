import { NodeTable } from './nodeTable';

const AND = 0;
const OR = 1;
type Op = typeof AND | typeof OR;

/**
 * Reduced ordered binary decision diagrams for coherent fault trees. Node 0 is false, 1 is true;
 * equal functions get the same node (unique table), so "same function" is an integer comparison.
 * Operations are loops over an explicit stack with an operation cache (no recursion: a diagram is
 * as deep as the tree has events).
 */
export class Bdd extends NodeTable {
  private readonly memo = [new Map<number, number>(), new Map<number, number>()];

  /** Variable index `v` (lower index = nearer the root). */
  ithVar(v: number): number {
    return this.mk(v, 0, 1);
  }

  /** A node whose two branches agree is redundant: it is that branch. */
  mk(v: number, lo: number, hi: number): number {
    return lo === hi ? lo : this.node(v, lo, hi);
  }

  and(f: number, g: number): number {
    return this.apply(AND, f, g);
  }

  or(f: number, g: number): number {
    return this.apply(OR, f, g);
  }

  /**
   * AND or OR of many functions. Folding from the deepest input up makes each step meet an
   * accumulator that lies below it: n events cost n nodes (a left fold in variable order rebuilt
   * the accumulator at every step: 500,502 nodes for an OR of 1,000 events).
   */
  many(gate: 'and' | 'or', fs: readonly number[]): number {
    const op: Op = gate === 'and' ? AND : OR;
    const sorted = [...fs].sort((a, b) => this.level(b) - this.level(a));
    let acc = op === AND ? 1 : 0;
    for (const f of sorted) acc = this.apply(op, f, acc);
    return acc;
  }

  /** The result when (f, g) is a terminal case of `op`, else -1. */
  private static terminal(op: Op, f: number, g: number): number {
    if (op === AND) {
      if (f === 0 || g === 0) return 0;
      if (f === 1) return g;
      if (g === 1 || f === g) return f;
    } else {
      if (f === 1 || g === 1) return 1;
      if (f === 0) return g;
      if (g === 0 || f === g) return f;
    }
    return -1;
  }

  private apply(op: Op, f0: number, g0: number): number {
    const t0 = Bdd.terminal(op, f0, g0);
    if (t0 >= 0) return t0;
    const memo = this.memo[op];
    // Frames (f, g, top variable, phase): phase 0 = first visit, 1 = low branch done, 2 = both done.
    const fs: number[] = [];
    const gs: number[] = [];
    const vs: number[] = [];
    const phases: number[] = [];
    const results: number[] = [];
    const call = (f: number, g: number): void => {
      const t = Bdd.terminal(op, f, g);
      if (t >= 0) {
        results.push(t);
        return;
      }
      // Both operations are commutative: one cache entry per unordered pair.
      fs.push(Math.min(f, g));
      gs.push(Math.max(f, g));
      vs.push(0);
      phases.push(0);
    };
    call(f0, g0);
    while (fs.length > 0) {
      const i = fs.length - 1;
      const f = fs[i];
      const g = gs[i];
      const key = f * 4294967296 + g;
      if (phases[i] === 0) {
        const hit = memo.get(key);
        if (hit !== undefined) {
          fs.pop(); gs.pop(); vs.pop(); phases.pop();
          results.push(hit);
          continue;
        }
        this.tick();
        const v = Math.min(this.level(f), this.level(g));
        vs[i] = v;
        phases[i] = 1;
        call(this.level(f) === v ? this.low[f] : f, this.level(g) === v ? this.low[g] : g);
      } else if (phases[i] === 1) {
        const v = vs[i];
        phases[i] = 2;
        call(this.level(f) === v ? this.high[f] : f, this.level(g) === v ? this.high[g] : g);
      } else {
        const hi = results.pop()!;
        const lo = results.pop()!;
        const r = this.mk(vs[i], lo, hi);
        memo.set(key, r);
        fs.pop(); gs.pop(); vs.pop(); phases.pop();
        results.push(r);
      }
    }
    return results[0];
  }

  /**
   * At least k of `fs` true, by the recurrence atleast(k, f:rest) = f ? atleast(k-1, rest) : atleast(k, rest),
   * built from the deepest input up. When f is a single event above everything in `rest` (a vote
   * over basic events), f ? A : B is one node; otherwise (f ∧ A) ∨ B, which equals it because
   * atleast(j, rest) implies atleast(j-1, rest).
   */
  atLeast(k: number, fs: readonly number[]): number {
    const sorted = [...fs].sort((a, b) => this.level(a) - this.level(b));
    // row[j] = at least j of sorted[i..]; built from the end.
    let row: number[] = Array.from({ length: k + 1 }, (_, j) => (j === 0 ? 1 : 0));
    for (let i = sorted.length - 1; i >= 0; i--) {
      const f = sorted[i];
      const single = f >= 2 && this.low[f] === 0 && this.high[f] === 1;
      const next = [1];
      for (let j = 1; j <= k; j++) {
        const a = row[j - 1];
        const b = row[j];
        if (single && this.variable[f] < this.level(a) && this.variable[f] < this.level(b)) next.push(this.mk(this.variable[f], b, a));
        else next.push(this.or(this.and(f, a), b));
      }
      row = next;
    }
    return row[k];
  }

  /** P(f = 1) with independent variables of probability p[v]: one bottom-up pass. */
  probability(f: number, p: readonly number[]): number {
    return this.probabilities(f, p).get(f);
  }

  /**
   * P(f = 1) and, for every variable, the Birnbaum importance ∂P/∂p[v] = P(f | v) − P(f | ¬v), in two
   * passes over the diagram: probabilities bottom-up, then the probability of reaching each node
   * top-down. A node testing v contributes reach × (P(high) − P(low)); nothing on the way to it or
   * below it depends on p[v] (each path tests v at most once). Twice the cost of one probability,
   * instead of two full walks per event.
   */
  importance(f: number, p: readonly number[]): { probability: number; birnbaum: Float64Array } {
    const nodes = this.reachable(f);
    const { values } = this.probabilities(f, p, nodes);
    const birnbaum = new Float64Array(p.length);
    if (f < 2) return { probability: f, birnbaum };
    const reach = new Float64Array(this.size);
    reach[f] = 1;
    for (let i = nodes.length - 1; i >= 0; i--) {
      this.tick();
      const n = nodes[i];
      const r = reach[n];
      const v = this.variable[n];
      const q = p[v];
      birnbaum[v] += r * (values[this.high[n]] - values[this.low[n]]);
      reach[this.high[n]] += r * q;
      reach[this.low[n]] += r * (1 - q);
    }
    return { probability: values[f], birnbaum };
  }

  private probabilities(f: number, p: readonly number[], nodes = this.reachable(f)): { values: Float64Array; get: (n: number) => number } {
    const values = new Float64Array(this.size);
    values[1] = 1;
    for (const n of nodes) {
      this.tick();
      const q = p[this.variable[n]];
      values[n] = q * values[this.high[n]] + (1 - q) * values[this.low[n]];
    }
    return { values, get: (n) => values[n] };
  }

  /** Variables v with f(only v true) = 1: the events that alone make f true (f(nothing) = 0 assumed). */
  singleVariables(f: number): number[] {
    // z[n] = value of n with every variable false (follow low to a terminal), bottom-up once.
    const z = new Uint8Array(this.size);
    z[1] = 1;
    for (const n of this.reachable(f)) z[n] = z[this.low[n]];
    // On the all-false path from the root, "only v true" turns high at v's node and is all-false after.
    const out: number[] = [];
    for (let n = f; n >= 2; n = this.low[n]) {
      if (z[this.high[n]] === 1) out.push(this.variable[n]);
    }
    return out;
  }
}
