import assert from 'node:assert/strict';

/** The best of `tries` runs, in milliseconds: the least disturbed by other work on the machine. */
function bestTime(run: () => unknown, tries = 5): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Times `run` on `make(size)` at 1 KB, 10 KB and 100 KB and asserts the growth is linear: ×10 input
 * costs about ×10 time, a quadratic reader ×100. The assertion is a ratio, never an absolute time,
 * so a loaded machine does not fail it; the 1 ms floor keeps timer noise at small sizes from
 * deciding (a quadratic reader takes seconds at 100 KB, far above 30 ms).
 */
export function assertLinearGrowth(name: string, run: (text: string) => unknown, make: (size: number) => string, sizes: readonly number[] = [1_000, 10_000, 100_000]): void {
  const times = sizes.map((size) => {
    const text = make(size);
    return bestTime(() => run(text));
  });
  for (let k = 1; k < times.length; k++) {
    const growth = (sizes[k] / sizes[k - 1]) * 3;
    assert.ok(
      times[k] < growth * Math.max(times[k - 1], 1),
      `${name}: super-linear growth, ${sizes.map((s, i) => `${s} chars ${times[i].toFixed(2)} ms`).join(', ')}`,
    );
  }
}
