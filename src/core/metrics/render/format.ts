import type { Stats } from '../types';

/** `95 min`, `3.5 h`, `2.1 d`: durations as people read them. */
export function formatMinutes(value: number | null): string {
  if (value === null) return '–';
  if (value < 120) return `${Math.round(value * 10) / 10} min`;
  if (value < 48 * 60) return `${Math.round((value / 60) * 10) / 10} h`;
  return `${Math.round((value / 1440) * 10) / 10} d`;
}

export function formatRate(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 1000) / 10}%`;
}

export function statsCells(s: Stats): string[] {
  return [String(s.count), formatMinutes(s.median), formatMinutes(s.p90), formatMinutes(s.mean)];
}

/** Plural helper: "1 incident", "3 incidents". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
