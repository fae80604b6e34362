import { formatIsoUtc } from '../time/zones';
import type { TimelineEntry } from '../document/model';
import { judgeMilestoneOrder, ORDERED_MILESTONES, timelineWitness, type DroppedMilestone, type MilestoneTime } from '../timeline/milestoneVerdict';
import { listInWords } from '../text/listInWords';
import type { Milestones } from './summary';

/**
 * The milestones lint's `time/order` rejects, left out of the summary with a problem saying so (trial
 * 9 T11: a `resolved_at` a year before `mitigated_at` dated the incident in the wrong month and made
 * it 1767 days overdue in the metrics, without a word). The same judgement as the rule
 * (timeline/milestoneVerdict.ts): the value out of order with the most others — its own timeline
 * entry counted — is the one not used; on a tie, both are said and neither is used (trial19c F2).
 * `published_at` before the resolution stays: the review metrics list it apart ("published before
 * resolved_at"). Returns the problems; `milestones` loses those keys.
 */
export function dropOutOfOrder(milestones: { -readonly [K in keyof Milestones]: Milestones[K] }, timeline: readonly TimelineEntry[], prefix: string): string[] {
  const times: MilestoneTime[] = [];
  for (const name of ORDERED_MILESTONES) {
    const ms = milestones[name];
    if (ms !== undefined) times.push({ name, ms });
  }
  const dropped = judgeMilestoneOrder(times, (name, ms) => timelineWitness(timeline, name, ms));
  const problems: string[] = [];
  for (const d of dropped) {
    delete milestones[d.name];
    const problem = droppedProblem(d);
    if (problem) problems.push(`${prefix}${problem}`);
  }
  return problems;
}

/** The note on one value not used; a tie is said once, on the later value of each pair. */
function droppedProblem(d: DroppedMilestone): string | undefined {
  const field = `${d.name}_at`;
  if (d.kind === 'tie' && d.tiedWith.length) {
    const earlier = d.conflicts.filter((c) => c.relation === 'after' && d.tiedWith.includes(c.name));
    if (!earlier.length) return undefined;
    const names = [field, ...earlier.map((c) => `${c.name}_at`)];
    return `\`${field}\` (${formatIsoUtc(d.ms)}) is ${describeConflicts(earlier)}, and nothing tells which ${names.length === 2 ? 'of the two' : 'of them'} is wrong, which lint rejects (time/order); ${names.length === 2 ? 'neither' : 'none'} is used (${names.map((n) => `\`${n}\``).join(', ')})`;
  }
  const says = d.timeline && !d.timeline.agrees && d.timeline.entry ? `; the timeline's [${d.name}] entry (line ${d.timeline.entry.line + 1}) says ${formatIsoUtc(d.timeline.entry.ms)}` : '';
  return `\`${field}\` (${formatIsoUtc(d.ms)}) is ${describeConflicts(d.conflicts)}${says}: it is the value out of order, which lint rejects (time/order); not used`;
}

/** "after `mitigated_at` (…) and `resolved_at` (…)", "before `detected_at` (…) and after `resolved_at` (…)". */
export function describeConflicts(conflicts: readonly { readonly name: string; readonly ms: number; readonly relation: 'before' | 'after' }[]): string {
  const parts: string[] = [];
  for (const side of ['after', 'before'] as const) {
    // relation: where the value should be; it is on the other side.
    const group = conflicts.filter((c) => c.relation === side);
    if (!group.length) continue;
    const named = group.map((c) => `\`${c.name}_at\` (${formatIsoUtc(c.ms)})`);
    parts.push(`${side === 'after' ? 'before' : 'after'} ${listInWords(named)}`);
  }
  return parts.join(' and ');
}
