/**
 * Loops instead of spreads: `to.push(...from)` and `Math.max(...values)` pass every element as a call
 * argument, and past ~125,000 of them the call throws RangeError. User-sized arrays (timeline
 * entries, action items, table rows) come through here; the lint rule local/no-spread-arguments
 * keeps the spreads out.
 */
export function appendAll<T>(to: T[], from: Iterable<T>): T[] {
  for (const x of from) to.push(x);
  return to;
}

/** `Math.max(start, ...values)` without the spread: -Infinity for no values and no start. */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let max = start;
  for (const v of values) max = Math.max(max, v);
  return max;
}
