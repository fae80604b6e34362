/**
 * Y-axis ranges for Mermaid xycharts. Mermaid labels the ticks of d3's `scale.ticks()` (about ten,
 * steps of 1, 2 or 5 × 10ⁿ) and offers no tick format, so the only lever is the range: the top is
 * chosen so the ticks land where a reader expects them (whole numbers for counts, a labelled top).
 */

/** d3-array's tick step for [0, top] with about `count` ticks (same rounding: 1, 2, 5 × 10ⁿ). */
export function tickStep(top: number, count = 10): number {
  const raw = top / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/** The ticks Mermaid draws for a y-axis `0 --> top` (floating noise rounded away). */
export function ticksFor(top: number): number[] {
  const step = tickStep(top);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * The smallest top ≥ `max` whose last tick is the top itself, so the axis ends on a label.
 * With `wholeNumbers`, also every tick is an integer: a count axis never reads "1.5 incidents".
 * d3 steps by less than 1 below a top of 7.07, so a count axis spans at least 0 to 8.
 */
export function axisTop(max: number, wholeNumbers: boolean): number {
  let top = max > 0 ? max : 1;
  if (wholeNumbers) top = Math.max(top, 8);
  for (let guard = 0; guard < 20; guard++) {
    const step = tickStep(top);
    const candidate = Number((Math.ceil(top / step - 1e-9) * step).toPrecision(12));
    if ((!wholeNumbers || Number.isInteger(step)) && tickStep(candidate) === step) return candidate;
    top = candidate + (wholeNumbers ? 1 : step / 2);
  }
  return Math.ceil(top);
}
