/**
 * The text spans of the fixes chosen so far in one fixAll pass, asked "does this span touch one of
 * them?" in O(log n): Fenwick trees over the span ends (coordinate-compressed), instead of comparing
 * with every chosen span (100,000 fixable stamps made that quadratic).
 *
 * Touching is what `compatibleFixes` needs: two spans with a common interior point; an insertion at
 * the start of, or inside, a replaced span; two insertions at one point. Chosen spans never touch,
 * so a replaced span covers its elementary segments at most once.
 */
export class TakenSpans {
  private readonly coords: number[];
  /** Range-add / range-sum over elementary segments [coords[i], coords[i+1]): replaced spans. */
  private readonly coverA: Float64Array;
  private readonly coverB: Float64Array;
  /** Point counts at coords: insertions. */
  private readonly inserts: Float64Array;

  constructor(points: Iterable<number>) {
    this.coords = [...new Set(points)].sort((a, b) => a - b);
    const n = this.coords.length + 1;
    this.coverA = new Float64Array(n + 1);
    this.coverB = new Float64Array(n + 1);
    this.inserts = new Float64Array(n + 1);
  }

  /** True when [start, end) touches a chosen span. */
  touches(start: number, end: number): boolean {
    const s = this.index(start);
    if (start === end) return this.coveredSum(s, s) > 0 || this.insertSum(s, s) > 0;
    const e = this.index(end);
    return this.coveredSum(s, e - 1) > 0 || this.insertSum(s + 1, e - 1) > 0;
  }

  add(start: number, end: number): void {
    const s = this.index(start);
    if (start === end) {
      for (let i = s + 1; i < this.inserts.length; i += i & -i) this.inserts[i]++;
      return;
    }
    const e = this.index(end);
    this.rangeAdd(s, e - 1, 1);
  }

  private index(point: number): number {
    let lo = 0;
    let hi = this.coords.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.coords[mid] < point) lo = mid + 1;
      else hi = mid;
    }
    if (this.coords[lo] !== point) throw new Error(`TakenSpans: ${point} was not declared`);
    return lo;
  }

  private insertSum(from: number, to: number): number {
    if (to < from) return 0;
    return this.prefix(this.inserts, to) - (from > 0 ? this.prefix(this.inserts, from - 1) : 0);
  }

  private prefix(tree: Float64Array, i: number): number {
    let sum = 0;
    for (let k = i + 1; k > 0; k -= k & -k) sum += tree[k];
    return sum;
  }

  private rangeAdd(from: number, to: number, v: number): void {
    this.pointAdd(this.coverA, from, v);
    this.pointAdd(this.coverA, to + 1, -v);
    this.pointAdd(this.coverB, from, v * from);
    this.pointAdd(this.coverB, to + 1, -v * (to + 1));
  }

  private pointAdd(tree: Float64Array, i: number, v: number): void {
    for (let k = i + 1; k < tree.length; k += k & -k) tree[k] += v;
  }

  /** Sum of coverage over segments 0..i. */
  private coveredPrefix(i: number): number {
    if (i < 0) return 0;
    return this.prefix(this.coverA, i) * (i + 1) - this.prefix(this.coverB, i);
  }

  private coveredSum(from: number, to: number): number {
    if (to < from) return 0;
    return this.coveredPrefix(to) - this.coveredPrefix(from - 1);
  }
}
