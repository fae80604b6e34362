import type { TimelineEntry } from '../document/model';
import { knownInstant } from './knownInstant';

/** The incident's milestones in the order they must happen (`published` is compared apart). */
export const ORDERED_MILESTONES = ['started', 'detected', 'mitigated', 'resolved'] as const;
export type OrderedMilestone = (typeof ORDERED_MILESTONES)[number];

/** A front-matter milestone time as read. */
export interface MilestoneTime {
  readonly name: OrderedMilestone;
  readonly ms: number;
}

/** What the timeline says about one front-matter milestone: its marked entry, and whether it agrees. */
export interface TimelineWitness {
  /** True when an entry marked [name] is within a minute of the front-matter value. */
  readonly agrees: boolean;
  /** The marked entry when exactly one carries the mark (its time is what the fix offers). */
  readonly entry?: { readonly line: number; readonly ms: number };
}

/** Another milestone a dropped value is out of order with: it should be `relation` that one. */
export interface Conflict {
  readonly name: OrderedMilestone;
  readonly ms: number;
  /** Where the dropped value should be: `before` an earlier-ordered time it is after, or `after`. */
  readonly relation: 'before' | 'after';
}

/** A milestone time not used, and why. */
export interface DroppedMilestone {
  readonly name: OrderedMilestone;
  readonly ms: number;
  /**
   * `singled`: it is out of order with more of the others (its own timeline entry counted) than any
   * other value, so it is the one taken as wrong. `tie`: as many conflicts as another value it is out
   * of order with, and nothing tells which is wrong — neither is used.
   */
  readonly kind: 'singled' | 'tie';
  readonly conflicts: readonly Conflict[];
  /** For a tie: the other values of the tie it is out of order with. */
  readonly tiedWith: readonly OrderedMilestone[];
  readonly timeline?: TimelineWitness;
}

/** Within this of each other, a front-matter time and its entry agree (timeline/milestone-mismatch's minute). */
const AGREE_MS = 60_000;

/**
 * What the timeline's entries marked [name] say about the front-matter value `ms`: undefined when no
 * entry with a known time carries the mark.
 */
export function timelineWitness(timeline: readonly TimelineEntry[], name: OrderedMilestone, ms: number): TimelineWitness | undefined {
  let count = 0;
  let agrees = false;
  let first: { line: number; ms: number } | undefined;
  for (const e of timeline) {
    if (!e.milestones.includes(name)) continue;
    const at = knownInstant(e);
    if (at === undefined || !Number.isFinite(at)) continue;
    count++;
    if (first === undefined) first = { line: e.line, ms: at };
    if (Math.abs(at - ms) < AGREE_MS) agrees = true;
  }
  if (count === 0) return undefined;
  return count === 1 ? { agrees, entry: first! } : { agrees };
}

/**
 * Which front-matter milestones out of order (`started ≤ detected ≤ mitigated ≤ resolved`) are not
 * used, shared by lint's `time/order` and the summary (list, metrics, the tree, actions), so both
 * name the same value (trial19c F2: a typo'd `detected_at` after both `mitigated_at` and
 * `resolved_at` made the tools drop the correct `mitigated_at` — always the later key of a pair —
 * and count an MTTD of 63 min where the truth was 3).
 *
 * Each value is scored by the number of others it is out of order with, plus one when it is out of
 * order at all and its timeline entry (an entry marked with its milestone) says another time. The
 * single highest score is the value taken as wrong; on a tie, each tied value is said and none used.
 * Repeated until the rest are in order (at most four rounds: each drops a value).
 */
export function judgeMilestoneOrder(times: readonly MilestoneTime[], witness: (name: OrderedMilestone, ms: number) => TimelineWitness | undefined): DroppedMilestone[] {
  const live = ORDERED_MILESTONES.flatMap((name) => times.filter((t) => t.name === name).slice(0, 1));
  const dropped: DroppedMilestone[] = [];
  const witnesses = new Map<OrderedMilestone, TimelineWitness | undefined>();
  const witnessOf = (t: MilestoneTime) => {
    if (!witnesses.has(t.name)) witnesses.set(t.name, witness(t.name, t.ms));
    return witnesses.get(t.name);
  };
  for (;;) {
    const conflicts = live.map((t, i) => live.flatMap((o, j): Conflict[] => {
      if (j < i && o.ms > t.ms) return [{ name: o.name, ms: o.ms, relation: 'after' }];
      if (j > i && o.ms < t.ms) return [{ name: o.name, ms: o.ms, relation: 'before' }];
      return [];
    }));
    const scores = live.map((t, i) => (conflicts[i]!.length === 0 ? 0 : conflicts[i]!.length + (witnessOf(t)?.agrees === false ? 1 : 0)));
    let max = 0;
    for (const s of scores) if (s > max) max = s;
    if (max === 0) return dropped;
    const top = live.filter((_, i) => scores[i] === max).map((t) => t.name);
    const single = top.length === 1;
    const out = live.filter((_, i) => scores[i] === max);
    live.forEach((t, i) => {
      if (scores[i] !== max) return;
      const w = witnessOf(t);
      dropped.push({
        name: t.name, ms: t.ms, kind: single ? 'singled' : 'tie', conflicts: conflicts[i]!,
        tiedWith: single ? [] : conflicts[i]!.filter((c) => top.includes(c.name)).map((c) => c.name),
        ...(w ? { timeline: w } : {}),
      });
    });
    for (const t of out) live.splice(live.indexOf(t), 1);
  }
}
