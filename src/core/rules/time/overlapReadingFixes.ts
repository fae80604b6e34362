import type { PostmortemDocument } from '../../document/model';
import { localTimeIssueOf } from '../../time/instant';
import { formatIsoUtc } from '../../time/zones';
import { knownInstant } from '../../timeline/knownInstant';
import type { Fix, Range } from '../../types';

/**
 * A front-matter time written in the hour a DST change repeats (02:30 on the night the clocks go
 * back) names two instants: one fix per reading, neither preferred, since only the writer knows
 * which one was meant. When a timeline entry marked with this milestone (`[started]` for
 * `started_at`) has one of them, that fix's title says so: the entry is then one reading of the
 * value, not a mismatch with it (trial13a F19).
 */
export function overlapReadingFixes(doc: PostmortemDocument, key: string, value: unknown, range: Range): Fix[] {
  const issue = localTimeIssueOf(value, doc.timezone);
  if (issue?.kind !== 'overlap' || !issue.instants) return [];
  const milestone = /^(started|detected|mitigated|resolved)_at$/.exec(key)?.[1];
  const marked = milestone ? doc.timeline.filter((e) => e.milestones.includes(milestone)).map(knownInstant) : [];
  const clock = `${pad(issue.local.hour)}:${pad(issue.local.minute)}`;
  return issue.instants.map((ms, i) => {
    const iso = formatIsoUtc(ms);
    const which = i === 0 ? `the first ${clock}, before the clocks went back` : `the second ${clock}, after the clocks went back`;
    const entry = marked.some((at) => at !== undefined && Math.abs(at - ms) < 60000) ? `; the [${milestone}] timeline entry's time` : '';
    return { title: `Write as ${iso} (${which}${entry})`, edits: [{ range, newText: iso }] };
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
