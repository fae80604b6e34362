import { formatIsoUtc } from '../time/zones';
import type { Milestones } from './summary';

const ORDER: readonly [keyof Milestones, string][] = [
  ['started', 'started_at'], ['detected', 'detected_at'], ['mitigated', 'mitigated_at'], ['resolved', 'resolved_at'],
];

/**
 * The milestones lint's `time/order` rejects, left out of the summary with a problem saying so (trial
 * 9 T11: a `resolved_at` a year before `mitigated_at` dated the incident in the wrong month and made
 * it 1767 days overdue in the metrics, without a word). Mirrors the rule: each time is compared with
 * the nearest earlier milestone present as written, and the later key of a pair out of order is the
 * one not used (only a person knows which is wrong; lint points at the same key). `published_at`
 * before the resolution stays: the review metrics list it apart ("published before resolved_at").
 * Returns the problems; `milestones` loses those keys.
 */
export function dropOutOfOrder(milestones: { -readonly [K in keyof Milestones]: Milestones[K] }, prefix: string): string[] {
  const problems: string[] = [];
  let previous: { field: string; ms: number } | undefined;
  const drop = (key: keyof Milestones, field: string, ms: number, earlier: { field: string; ms: number }) => {
    problems.push(`${prefix}\`${field}\` (${formatIsoUtc(ms)}) is before \`${earlier.field}\` (${formatIsoUtc(earlier.ms)}), which lint rejects (time/order); not used`);
    delete milestones[key];
  };
  for (const [key, field] of ORDER) {
    const ms = milestones[key];
    if (ms === undefined) continue;
    if (previous && ms < previous.ms) drop(key, field, ms, previous);
    previous = { field, ms };
  }
  return problems;
}
