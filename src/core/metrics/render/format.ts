import { formatDuration, formatDurationShort, roundToShown } from '../../time/duration';
import { readSeverity } from '../../library/severity';
import { withoutTimezoneSentence } from '../../library/withoutTimezone';
import type { ActionMetrics, DurationMetric, FeedbackMetrics, MetricsResult, ReviewMetrics, Stats } from '../types';

/**
 * A statistic in minutes (median, p90, mean) as words ("1 hour 40 minutes", the lint rules'
 * wording), rounded to the shown precision; `–` for no value. The CLI's text and Markdown reports
 * and the dashboard all print durations through this and `formatMinutesShort`.
 */
export function formatMinutes(value: number | null): string {
  return value === null ? '–' : formatDuration(roundToShown(value));
}

/** The same in short units ("1 h 40 m") for narrow tables and tiles. */
export function formatMinutesShort(value: number | null): string {
  return value === null ? '–' : formatDurationShort(roundToShown(value));
}

/**
 * Time already spent past a deadline, cut like a clock as the lint rule says it ("4 days 20 hours
 * overdue" is true until 21 hours), so the report and the lint message read the same.
 */
export function formatElapsedMinutes(value: number): string {
  return formatDuration(value);
}

/** Days with their unit ("1 day", "24.8 days"); `–` for no value. A bare "p90 24.8" said nothing (T12). */
export function formatDays(value: number | null): string {
  return value === null ? '–' : `${value} ${value === 1 ? 'day' : 'days'}`;
}

/**
 * How long action items took to close, with every done item accounted for: the counted ones, those
 * without a `done:` date and those whose post-mortem has no `resolved_at` (trial T2: "3 done" read
 * "1 with dates, 1 without" and the third was never named). Starts in lower case.
 */
export function timeToCloseSentence(a: Pick<ActionMetrics, 'daysToClose' | 'doneBeforeResolution' | 'doneWithoutDate' | 'doneWithoutResolved' | 'doneAfterToday' | 'closeCalendar'>, escapeId: (id: string) => string = (id) => id): string {
  const s = a.daysToClose;
  const parts = [s.count
    ? `median ${formatDays(s.median)}, p90 ${formatDays(s.p90)} over ${plural(s.count, 'done item')} (from the resolved_at date to the done: date, both on the ${a.closeCalendar} calendar)`
    : 'none counted (an item needs a done: date and its post-mortem a resolved_at)'];
  // A done: date before the resolution day is clamped to 0 days: said, not silently (trial11 T7).
  if (a.doneBeforeResolution) parts.push(`${a.doneBeforeResolution} ${a.doneBeforeResolution === 1 ? 'item' : 'items'} done before the incident was resolved, counted as 0 days`);
  if (a.doneWithoutDate) parts.push(`${a.doneWithoutDate} done without a done: date`);
  const later = a.doneAfterToday;
  if (later.items) {
    const names = later.incidents.slice(0, 5).map(escapeId).join(', ') + (later.incidents.length > 5 ? ', …' : '');
    parts.push(`${later.items} with a done: date after today (${later.today}) left out (${names}; lint: actions/done-in-future)`);
  }
  const left = a.doneWithoutResolved;
  if (left.items) {
    const names = left.incidents.slice(0, 5).map(escapeId).join(', ') + (left.incidents.length > 5 ? ', …' : '');
    parts.push(`${left.items} with a done: date left out: ${left.incidents.length === 1 ? 'its post-mortem has' : 'their post-mortems have'} no resolved_at (${names})`);
  }
  return parts.join('; ');
}

/** Incidents per period of the window (all of them, with both times or not): what a per-period table's "incidents" column says. */
export function incidentsPerPeriod(m: Pick<MetricsResult, 'incidents'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of m.incidents) if (i.period !== undefined) counts.set(i.period, (counts.get(i.period) ?? 0) + 1);
  return counts;
}

/**
 * How a report names an incident: its id (or file label) and its title in quotes when it has one,
 * e.g. `PM-2026-009 "Search timed out"`. One wording for chains, overdue lists and warnings.
 */
/** Characters of a title (or id) in a report line, at most: a 50 KB title pasted from a log would flood it. JSON keeps the whole text. */
const MAX_NAME = 120;

export function incidentName(id: string, title: string | undefined): string {
  const t = title?.replace(/\s+/g, ' ').trim();
  return t && t !== id ? `${cut(id)} "${cut(t)}"` : cut(id);
}

/** At most MAX_NAME characters, then `…` (never half a surrogate pair). */
function cut(text: string): string {
  if (text.length <= MAX_NAME) return text;
  let end = MAX_NAME - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
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

/** The review-feedback line shared by the text and Markdown reports (the dashboard has its own tile). */
export function feedbackSentence(f: FeedbackMetrics): string {
  if (f.responses === 0) return `No ratings of the reviews yet (add \`review_feedback:\` entries with a 1–5 \`rating\`; ${f.reviews} review${f.reviews === 1 ? '' : 's'} in the window).`;
  const rated = f.trend.filter((t) => t.average !== null);
  const trend = rated.length >= 2 ? `; ${rated[rated.length - 2]!.period}: ${rated[rated.length - 2]!.average}, ${rated[rated.length - 1]!.period}: ${rated[rated.length - 1]!.average}` : '';
  return `Participants rated the reviews ${f.average} of 5 on average (${plural(f.responses, 'rating')} for ${f.rated} of ${plural(f.reviews, 'review')}; 1–5: ${f.distribution.join(' / ')}${trend}).`;
}

/**
 * The periods a per-period table lists: those with an incident. Over a span of years most months
 * are empty, and ninety rows of "0 – – –" hide the few that are not; the tables say how many they
 * left out (`leftOut`), the charts keep every period (a time axis without gaps).
 */
export function periodsWithIncidents(m: MetricsResult): { readonly shown: ReadonlySet<string>; readonly leftOut: number } {
  const shown = new Set<string>();
  for (const i of m.incidents) if (i.period !== undefined) shown.add(i.period);
  return { shown, leftOut: m.periods.filter((p) => !shown.has(p)).length };
}

/** Said above a trend that starts after some incidents of the window ('' when none). */
export function beforeTrendNote(m: Pick<MetricsResult, 'beforeTrend' | 'periods' | 'by'>, escapeId: (id: string) => string = (id) => id): string {
  const before = m.beforeTrend ?? [];
  if (!before.length || !m.periods.length) return '';
  const names = before.slice(0, 5).map(escapeId).join(', ') + (before.length > 5 ? ', …' : '');
  return `The trend starts at ${m.periods[0]} (it shows at most ${plural(m.periods.length, m.by)}); ${plural(before.length, 'older incident')} (${names}) ${before.length === 1 ? 'counts' : 'count'} in the totals only.`;
}

/**
 * What the report took on a default, said once each (trial11 T14, T12): post-mortems without
 * `timezone:` are dated (day, month, window) in UTC; severities outside SEV1–SEV4 are rows of their
 * own, as written. The CLI's text and Markdown and the dashboard print these same sentences.
 */
export function readingNotes(m: Pick<MetricsResult, 'withoutTimezone' | 'severities'> & Partial<Pick<MetricsResult, 'sharedIds'>>): string[] {
  const notes = m.withoutTimezone.map((z) => withoutTimezoneSentence(z.incidents, z.zone));
  // The counts above are after this: said first, the files in the notes at the end (trial 14a F7).
  const copies = (m.sharedIds ?? []).reduce((n, s) => n + s.leftOut.length, 0);
  const apart = (m.sharedIds ?? []).filter((s) => s.counted.length > 1).length;
  if (copies) notes.push(`${plural(copies, 'post-mortem')} with the id and start of another ${copies === 1 ? 'is a copy' : 'are copies'} of that incident, left out of every count (the notes name them)`);
  if (apart) notes.push(`${plural(apart, 'id')} ${apart === 1 ? 'is' : 'are'} carried by incidents that start at different times, counted apart (the notes name them)`);
  const { asWritten, folded } = m.severities;
  if (asWritten.incidents) notes.push(`${plural(asWritten.incidents, 'post-mortem')} with a severity outside SEV1–SEV4 ${asWritten.incidents === 1 ? 'is' : 'are'} listed as written (${quoted(asWritten.values)})`);
  if (folded.incidents) {
    const as = folded.values.slice(0, 6).map((v) => `${JSON.stringify(v)} as ${readSeverity(v).key}`).join(', ') + (folded.values.length > 6 ? ', …' : '');
    notes.push(`${plural(folded.incidents, 'post-mortem')} with SEV1–SEV4 written otherwise ${folded.incidents === 1 ? 'is' : 'are'} counted as ${folded.incidents === 1 ? 'that severity' : 'those severities'} (${as})`);
  }
  return notes;
}

/** A few user values, quoted and cut, for a note: `"1", "P1"`. */
function quoted(values: readonly string[]): string {
  return values.slice(0, 6).map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)).join(', ') + (values.length > 6 ? ', …' : '');
}

/** " (87 months without incidents left out)", or nothing. */
export function leftOutNote(leftOut: number, by: MetricsResult['by']): string {
  return leftOut ? ` (${plural(leftOut, by)} without incidents left out)` : '';
}

/** Said when a window left out the items of undated post-mortems (they count without one). */
/** Reviews the completion rate leaves out, said after its sentence ('' when none). */
export function reviewsNotCounted(v: Pick<ReviewMetrics, 'publishedWithoutDate' | 'publishedBeforeResolved'>, escapeId: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (v.publishedWithoutDate) parts.push(`${plural(v.publishedWithoutDate, 'review')} published without \`published_at\``);
  const before = v.publishedBeforeResolved;
  if (before.length) parts.push(`${plural(before.length, 'review')} with \`published_at\` before \`resolved_at\` (${before.slice(0, 5).map(escapeId).join(', ')}${before.length > 5 ? ', …' : ''})`);
  return parts.length ? `; not counted: ${parts.join(', ')}` : '';
}

/** After the open count: how many of the open items are struck out, so "open" is not read as a mistake (actions/struck-out). */
export function struckOpenNote(a: Pick<ActionMetrics, 'struckOpen'>): string {
  return a.struckOpen ? ` (${a.struckOpen} of them struck out but not ticked, so still open)` : '';
}

/**
 * Why the MTTR rows by service count more incidents than have both times: an incident naming several
 * services is counted under each (trial14a F22, where it was not said). '' when none does.
 */
export function severalServicesMttrNote(d: Pick<DurationMetric, 'severalServices' | 'overall'>): string {
  const n = d.severalServices;
  if (!n) return '';
  return `${plural(n, 'incident')} ${n === 1 ? 'names' : 'name'} more than one service and ${n === 1 ? 'is' : 'are'} counted under each, so the rows count more than the ${d.overall.count} with both times`;
}

/** The same for the action items by service: their rows add up to more than the items. '' when no incident names several services. */
export function severalServicesItemsNote(a: Pick<ActionMetrics, 'severalServices' | 'total'>): string {
  const { items, incidents } = a.severalServices;
  if (!items) return '';
  return `${plural(items, 'item')} of ${plural(incidents, 'incident')} naming more than one service ${items === 1 ? 'is' : 'are'} counted under each of its services, so the rows add up to more than the ${plural(a.total, 'item')}`;
}

export function undatedLeftOut(n: number): string {
  return n > 0 ? `; ${n} ${n === 1 ? 'item' : 'items'} of post-mortems without any incident time left out (the window cannot place them)` : '';
}
