import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { frontMatterTimes, type TimeKey } from '../time/frontMatterTimes';
import { timelineSections } from './shared';
import { knownInstant } from '../../timeline/knownInstant';
import { unlistedEntries, type UnlistedEntry } from './unlistedEntries';

const REQUIRED = ['detected', 'mitigated', 'resolved'] as const;

const MEANING: Record<(typeof REQUIRED)[number], string> = {
  detected: 'when the incident was detected',
  mitigated: 'when user impact stopped',
  resolved: 'when the incident was resolved',
};

/**
 * The timeline marks the milestones the metrics are computed from: `[detected]`, `[mitigated]`,
 * `[resolved]`. One diagnostic per missing marker, on the Timeline heading. When exactly one entry
 * has the front matter's time for that milestone, the fix marks it (same time, so it is safe).
 */
export const timelineMissingMilestone: Rule = {
  code: 'timeline/missing-milestone',
  defaultSeverity: 'warning',
  description: 'The timeline marks the [detected], [mitigated] and [resolved] entries (info only while the post-mortem is a draft).',
  check({ doc, status, report }) {
    const section = timelineSections(doc)[0];
    if (!section || doc.timeline.length === 0) return; // timeline/missing reports an empty timeline
    const times = frontMatterTimes(doc);
    // Lines that hold the marker but are not list items (timeline/not-list-item): say where it is.
    // Read only when a milestone is missing (most timelines have all three).
    let unlisted: UnlistedEntry[] | undefined;
    for (const milestone of REQUIRED) {
      if (doc.timeline.some((e) => e.milestones.includes(milestone))) continue;
      unlisted ??= timelineSections(doc).flatMap((s) => unlistedEntries(doc, s));
      const key = `${milestone}_at` as TimeKey;
      const at = times.get(key)?.parsed.ms;
      const matching = at === undefined ? [] : doc.timeline.filter((e) => Math.abs((knownInstant(e) ?? Infinity) - at) < 60000);
      const fix = matching.length === 1 ? markFix(doc, matching[0], milestone) : undefined;
      report({
        range: section.headingRange,
        severity: status === 'draft' ? 'info' : undefined,
        message: `Expected an entry marked [${milestone}] (${MEANING[milestone]}) in the timeline, found none${notAnEntry(unlisted, milestone)}${fix ? `; the entry on line ${matching[0].line + 1} has \`${key}\`'s time` : ''}`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/** Inserts `[milestone] ` after the stamp and its separator: `- **14:09Z** - [detected] Pager alert`. */
function markFix(doc: PostmortemDocument, entry: TimelineEntry, milestone: string): Fix | undefined {
  if (entry.form !== 'list' || !entry.stampRange) return undefined;
  const lineText = doc.lines.lineText(entry.line);
  const afterStamp = lineText.slice(entry.stampRange.end.character);
  const skip = /^(?:\*\*|__|`)?(?:\s*(?:[-–—:|](?=\s))?\s*)/.exec(afterStamp)?.[0] ?? '';
  const character = entry.stampRange.end.character + skip.length;
  const at = { line: entry.line, character };
  const newText = character >= lineText.length && !/\s$/.test(lineText) ? ` [${milestone}]` : `[${milestone}] `;
  return { title: `Mark the entry on line ${entry.line + 1} as [${milestone}]`, edits: [{ range: { start: at, end: at }, newText }], isPreferred: true };
}

/** "; line 39 has [detected] but is not a list item (start it with `- `)", or nothing. */
function notAnEntry(unlisted: readonly UnlistedEntry[], milestone: string): string {
  const u = unlisted.find((x) => x.milestones.includes(milestone));
  return u ? ` among the entries: line ${u.line + 1} has [${milestone}] but is not a list item, so it is read as text of the entry above (start it with \`${u.marker.trim()} \`)` : '';
}
