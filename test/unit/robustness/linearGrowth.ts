import assert from 'node:assert/strict';

/** CPU time used by this process so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The best of `tries` runs, in milliseconds of CPU time: wall-clock time on a loaded machine
 * stretches a long run (many time slices) far more than a short one (often one slice), which
 * made a linear reader look quadratic; CPU time counts only the work done.
 */
function bestTime(run: () => unknown, tries = 5): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = cpuMs();
    run();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

/**
 * Times `run` on `make(size)` at 1 KB, 10 KB and 100 KB and asserts the growth is linear: ×10 input
 * costs about ×10 time, a quadratic reader ×100 (allowed: ×30). The assertion is a ratio of CPU
 * times, never an absolute time, so a loaded machine does not fail it; the 1 ms floor keeps timer
 * noise at small sizes from deciding (a quadratic reader takes seconds at 100 KB, far above 30 ms).
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
