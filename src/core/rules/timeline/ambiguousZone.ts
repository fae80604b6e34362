import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { formatDuration } from '../../time/duration';
import type { ZoneReading } from '../../time/zoneMarker';
import type { Fix } from '../../types';
import { stampEdit } from './stampRewrite';
import { fixedOffset, withOffset } from './zoneOffsetText';
import { entriesOf, timelineSections } from './shared';

/**
 * `14:05 CST` is 14:05 in Chicago to an American and 14:05 in Shanghai to a Chinese writer, 14 hours
 * apart; `BST` is British summer time or Bangladesh's. A timeline entry reads such an abbreviation in
 * the meaning the document's `timezone:` gives it (a region of it, or its offset); when nothing
 * chooses, it takes the usual meaning (US Central, British) — a guess, said here on the entry with
 * the reading taken and the others, as `schema/zone` says it for `timezone: CST`. The fixes write
 * the offset of each meaning (`14:05 UTC-06:00`, `14:05 UTC+08:00`), none applied unseen.
 */
export const timelineAmbiguousZone: Rule = {
  code: 'timeline/ambiguous-zone',
  defaultSeverity: 'warning',
  description: 'A zone abbreviation with several meanings on a timeline entry (`CST`: US Central or China; `BST`: British summer time or Bangladesh; `IST` under `timezone: IST`) that the front matter\'s `timezone` does not settle is read in its usual meaning: said on the entry with the meaning taken and the others, so a time hours off is never silent. A `timezone` in one of its regions (Asia/Shanghai for `CST`) or with its offset settles it.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      for (const entry of entriesOf(doc, section)) {
        const guess = entry.zoneGuess;
        if (!guess || !entry.stampRange || entry.instant === undefined) continue;
        const stamp = doc.lines.lineText(entry.line).slice(entry.stampRange.start.character, entry.stampRange.end.character);
        const rewrites = [guess.reading, ...guess.others].map((r) => ({ reading: r, text: withOffset(stamp, guess.written, r) }));
        report({
          range: entry.stampRange,
          message: message(doc, guess, rewrites),
          fixes: rewrites.filter((w) => w.text !== undefined).map((w): Fix => ({
            title: `Write the offset of ${w.reading.label}: ${w.text}`,
            edits: [stampEdit(doc, entry, w.text!)],
            isPreferred: false,
          })),
        });
      }
    }
  },
};

type Guess = NonNullable<TimelineEntry['zoneGuess']>;

function message(doc: PostmortemDocument, guess: Guess, rewrites: readonly { reading: ZoneReading; text?: string }[]): string {
  const { written, reading, others } = guess;
  const declared = typeof doc.meta.timezone === 'string' && doc.meta.timezone.trim() ? doc.timezone.trim() : undefined;
  const why = declared?.toUpperCase() === written.toUpperCase()
    ? `, as \`timezone: ${declared}\` is read`
    : `, its usual meaning (${declared ? `\`timezone: ${declared}\` is none of its regions` : 'the front matter has no `timezone` to say which'})`;
  const labels = others.map((r) => r.label);
  const meant = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : labels[0];
  const apart = others.length === 1 ? hoursApart(reading, others[0]) : undefined;
  const examples = rewrites.filter((w) => w.text !== undefined).map((w) => w.text!);
  const write = examples.length ? `write the offset meant (${examples.join(' or ')})` : 'write the UTC time or an offset';
  return `Expected a zone with one meaning after the time, found "${written}": read as ${reading.label}${why}; if ${meant} is meant, ${apart ? `the time is ${apart} than read; ` : ''}${write}, or set \`timezone\` to the zone meant`;
}

/** "14 hours earlier": where the other meaning puts the same clock, against the one read. */
function hoursApart(read: ZoneReading, other: ZoneReading): string | undefined {
  const [a, b] = [fixedOffset(read), fixedOffset(other)];
  if (a === undefined || b === undefined || a === b) return undefined;
  // The same clock at a larger offset east is an earlier instant.
  return `${formatDuration(Math.abs(b - a))} ${b > a ? 'earlier' : 'later'}`;
}
