import { describeZoneSource } from './documentZone';
import type { ConvertResult } from './model';

const MAX_UNREAD_SHOWN = 10;
const MAX_PROSE_TIMES_SHOWN = 5;

/** One line of the original, shortened and with control characters made visible, for a report. */
function shown(text: string): string {
  const clean = text.trim().replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 70 ? `${clean.slice(0, 67)}…` : clean;
}

/**
 * The report of one conversion as plain lines: what was read (entries, items, dates, zone), what
 * was not (timeline-like lines left as text), and what was guessed (warnings), so the user can
 * judge the result before using it. Shared by the CLI and the editor command.
 */
export function formatConvertReport(name: string, result: ConvertResult): string[] {
  const r = result.report;
  const out: string[] = [];
  const span = r.span ? (r.span.first === r.span.last ? ` on ${r.span.first}` : ` from ${r.span.first} to ${r.span.last}`) : '';
  out.push(`${name}: read ${r.entries} timeline entr${r.entries === 1 ? 'y' : 'ies'}${span}, ${r.actionItems} action item${r.actionItems === 1 ? '' : 's'}; times read in ${r.zone.zone}${r.zone.meaning ? ` as ${r.zone.meaning}` : ''} (${describeZoneSource(r.zone.source, r.zone.from)})`);
  if (r.zone.writerElsewhere) out.push(`  the original states no zone: if its times are your zone's, convert again with --zone ${r.zone.writerElsewhere}; the file says its timezone: UTC was assumed until someone checks`);
  if (r.exampleEntries) out.push(`  a template: its example timeline (${r.exampleEntries} entr${r.exampleEntries === 1 ? 'y' : 'ies'}) kept as a comment under the Timeline heading, not as timeline entries`);
  if (r.decodedAs) out.push(`  read as ${r.decodedAs}: the file is not UTF-8 (check its accented letters, quotes and dashes)`);
  out.push(r.status.assumed ? `  status ${r.status.value}, assumed: ${r.status.assumed}` : `  status ${r.status.value}, from ${r.status.from}`);
  if (r.date) out.push(`  incident date ${r.date.value}, from ${r.date.source}${r.date.contradictedBy ? ` (the timeline's entries write their own date, ${r.date.contradictedBy}: check which is right)` : r.date.stated ? '' : ' (inferred, not stated in the text: check)'}${r.date.unwritten ? '; not written: no time of day for started_at' : ''}${r.date.startedOn ? `; but started_at is on ${r.date.startedOn}, the day list and the metrics give it: check` : ''}`);
  if (r.unread.length) {
    out.push(`  not read: ${r.unread.length} timeline-like line${r.unread.length === 1 ? '' : 's'} left as text:`);
    for (const u of r.unread.slice(0, MAX_UNREAD_SHOWN)) out.push(`    line ${u.line + 1}: ${shown(u.text)} (${u.why})`);
    if (r.unread.length > MAX_UNREAD_SHOWN) out.push(`    … and ${r.unread.length - MAX_UNREAD_SHOWN} more`);
  }
  if (r.proseTimes.length) {
    const n = r.proseTimes.length;
    out.push(`  no timeline entries: the text gives ${n} time${n === 1 ? '' : 's'} of day in its sentences, left as text for you to turn into entries:`);
    for (const t of r.proseTimes.slice(0, MAX_PROSE_TIMES_SHOWN)) out.push(`    line ${t.line + 1}: ${shown(t.time)} in "${shown(t.excerpt)}"`);
    if (n > MAX_PROSE_TIMES_SHOWN) out.push(`    … and ${n - MAX_PROSE_TIMES_SHOWN} more`);
  }
  out.push(r.complete ? '  complete: everything timeline-like was read, no date was guessed' : `  incomplete: ${thingsToReview(result)}${r.date && !r.date.stated ? `, including the incident date inferred from ${r.date.source}` : ''}`);
  return out;
}

/**
 * "1 thing to review": the warnings (and errors) of one conversion — what was not read or was
 * guessed. The one count and wording for the report, the editor's messages and the CLI's summary
 * line (trial T18: the modal said 1, the toast 4, counting the info notes). Notes (info) are not
 * counted: they say what was done, not what is in doubt.
 */
export function thingsToReview(result: Pick<ConvertResult, 'diagnostics'>): string {
  const n = reviewCount(result);
  return `${n} thing${n === 1 ? '' : 's'} to review`;
}

/** The number behind `thingsToReview`. */
export function reviewCount(result: Pick<ConvertResult, 'diagnostics'>): number {
  return result.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error').length;
}
