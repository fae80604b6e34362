import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { formatIsoUtc } from '../../time/zones';
import { judgeMilestoneOrder, ORDERED_MILESTONES, timelineWitness, type DroppedMilestone, type MilestoneTime, type OrderedMilestone } from '../../timeline/milestoneVerdict';
import { listInWords } from '../../text/listInWords';
import { frontMatterTimes, MILESTONE_KEYS, type FrontMatterTime } from './frontMatterTimes';

/**
 * `started_at ≤ detected_at ≤ mitigated_at ≤ resolved_at`, and `published_at` after the incident.
 * Which value of a clash is wrong is judged as the summary judges it (timeline/milestoneVerdict.ts),
 * so lint names the value `list` and the metrics leave out (trial19c F2): the one out of order with
 * the most others, its own timeline entry counted, gets the diagnostic, the others as related, and
 * the timeline's time as a fix when the timeline has it in order (never applied by fix-all: a person
 * looks). On a tie, nothing tells which is wrong: the later key of each pair gets the diagnostic,
 * naming both, and neither is used.
 */
export const timeOrder: Rule = {
  code: 'time/order',
  defaultSeverity: 'error',
  description: 'Incident times must be in order: started_at ≤ detected_at ≤ mitigated_at ≤ resolved_at ≤ published_at.',
  check({ doc, report }) {
    const times = frontMatterTimes(doc);
    const read: MilestoneTime[] = [];
    for (const key of MILESTONE_KEYS) {
      const time = times.get(key);
      if (time) read.push({ name: nameOf(key), ms: time.parsed.ms });
    }
    const dropped = judgeMilestoneOrder(read, (name, ms) => timelineWitness(doc.timeline, name, ms));
    const timeOf = (name: OrderedMilestone) => times.get(`${name}_at`)!;
    const kept = read.filter((t) => !dropped.some((d) => d.name === t.name));
    for (const d of dropped) {
      if (d.kind === 'singled') reportSingled(d);
      else reportTie(d);
    }
    // published_at after the last milestone used.
    const published = times.get('published_at');
    const last = kept.length ? timeOf(kept[kept.length - 1]!.name) : undefined;
    if (published && last && published.parsed.ms < last.parsed.ms) reportPair(published, last, '');

    function reportSingled(d: DroppedMilestone): void {
      const time = timeOf(d.name);
      const witness = d.timeline && !d.timeline.agrees ? d.timeline.entry : undefined;
      const says = witness ? `; the timeline's [${d.name}] entry (line ${witness.line + 1}) says ${formatIsoUtc(witness.ms)}` : '';
      // The timeline's time, offered when it is in order with the values kept.
      const fits = witness && kept.every((k) => (order(k.name) < order(d.name) ? k.ms <= witness.ms : k.ms >= witness.ms));
      const fixes: Fix[] = [];
      if (witness && fits) {
        const written = doc.text.slice(doc.lines.offsetAt(time.range.start), doc.lines.offsetAt(time.range.end));
        const quote = /^["']/.test(written) ? written[0] : '';
        const value = formatIsoUtc(witness.ms);
        fixes.push({ title: `Set ${time.key} to ${value} from the timeline's [${d.name}] entry (line ${witness.line + 1})`, edits: [{ range: time.range, newText: `${quote}${value}${quote}` }] });
      }
      report({
        range: time.range,
        message: `Expected \`${time.key}\` ${expectation(d.conflicts)}, found ${formatIsoUtc(time.parsed.ms)}${says}: it is the value out of order with ${d.conflicts.length > 1 ? 'the others' : witness ? 'the other and its timeline entry' : 'the other'}, so list and the metrics leave it out`,
        related: d.conflicts.map((c) => ({ range: timeOf(c.name).range, message: `\`${c.name}_at\` is ${formatIsoUtc(c.ms)}` })),
        ...(fixes.length ? { fixes } : {}),
      });
    }

    function reportTie(d: DroppedMilestone): void {
      // Said on the later key of each pair in the tie (one diagnostic for a plain pair, as before).
      for (const c of d.conflicts) {
        if (c.relation !== 'after' || !d.tiedWith.includes(c.name)) continue;
        reportPair(timeOf(d.name), timeOf(c.name), `; nothing tells which of the two is wrong (an entry marked [${d.name}] or [${c.name}] in the timeline would), so list and the metrics use neither`);
      }
      if (!d.tiedWith.length) {
        const time = timeOf(d.name);
        report({
          range: time.range,
          message: `Expected \`${time.key}\` ${expectation(d.conflicts)}, found ${formatIsoUtc(time.parsed.ms)}; list and the metrics do not use it`,
          related: d.conflicts.map((c) => ({ range: timeOf(c.name).range, message: `\`${c.name}_at\` is ${formatIsoUtc(c.ms)}` })),
        });
      }
    }

    function reportPair(later: FrontMatterTime, earlier: FrontMatterTime, tail: string): void {
      report({
        range: later.range,
        message: `Expected \`${later.key}\` at or after \`${earlier.key}\` (${formatIsoUtc(earlier.parsed.ms)}), found ${formatIsoUtc(later.parsed.ms)}${tail}`,
        related: [{ range: earlier.range, message: `\`${earlier.key}\` is ${formatIsoUtc(earlier.parsed.ms)}` }],
      });
    }
  },
};

const order = (name: OrderedMilestone) => ORDERED_MILESTONES.indexOf(name);
const nameOf = (key: (typeof MILESTONE_KEYS)[number]) => key.slice(0, -3) as OrderedMilestone;

/** "at or before `mitigated_at` (…) and `resolved_at` (…)", "at or after `detected_at` (…) and at or before `resolved_at` (…)". */
function expectation(conflicts: DroppedMilestone['conflicts']): string {
  const parts: string[] = [];
  for (const side of ['after', 'before'] as const) {
    const group = conflicts.filter((c) => c.relation === side).map((c) => `\`${c.name}_at\` (${formatIsoUtc(c.ms)})`);
    if (group.length) parts.push(`at or ${side} ${listInWords(group)}`);
  }
  return parts.join(' and ');
}
