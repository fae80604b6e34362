import type { DatedIncident } from './durations';
import { ratio } from './stats';
import type { FactorSlice, KindClosure, RepeatMetrics } from './types';

/**
 * Contributing factors over the window: how many incidents named each, per period, and how many of
 * those repeat an earlier incident (a later member of a repeat chain: what keeps coming back).
 * Factors are compared case-insensitively and shown as first written.
 */
export function factorMetrics(inWindow: readonly DatedIncident[], periods: readonly string[], repeats: RepeatMetrics): FactorSlice[] {
  const repeatLabels = new Set<string>();
  for (const chain of repeats.chains) chain.incidents.slice(1).forEach((label) => repeatLabels.add(label));
  const slices = new Map<string, { factor: string; incidents: number; byPeriod: number[]; repeats: number }>();
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  for (const d of inWindow) {
    const seen = new Set<string>();
    for (const written of d.record.factors) {
      const key = written.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let slice = slices.get(key);
      if (!slice) slices.set(key, (slice = { factor: written.trim(), incidents: 0, byPeriod: periods.map(() => 0), repeats: 0 }));
      slice.incidents++;
      const i = periodIndex.get(d.period);
      if (i !== undefined) slice.byPeriod[i]++;
      if (repeatLabels.has(d.label)) slice.repeats++;
    }
  }
  return [...slices.values()].sort((a, b) => b.incidents - a.incidents || a.factor.localeCompare(b.factor));
}

const KIND_ORDER = ['prevent', 'mitigate', 'detect', 'process', 'runbook', 'training', 'kb'];

/** Action items per kind and how many are done (the guide's "training and knowledge-base items done"). */
export function kindClosure(inWindow: readonly DatedIncident[]): KindClosure[] {
  const counts = new Map<string, { total: number; done: number }>();
  for (const d of inWindow) {
    for (const a of d.record.actions) {
      const kind = a.kind ?? 'none';
      const c = counts.get(kind) ?? { total: 0, done: 0 };
      c.total++;
      if (a.isDone) c.done++;
      counts.set(kind, c);
    }
  }
  const rank = (k: string) => (k === 'none' ? KIND_ORDER.length + 1 : KIND_ORDER.indexOf(k) < 0 ? KIND_ORDER.length : KIND_ORDER.indexOf(k));
  return [...counts].sort((a, b) => rank(a[0]) - rank(b[0])).map(([kind, c]) => ({ kind, total: c.total, done: c.done, closedShare: ratio(c.done, c.total) }));
}
