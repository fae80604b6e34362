import type { ParsedActionText } from './itemGrammar';
import { frontMatterZone } from '../frontMatter/values';
import { incidentDay } from '../index/incidentDate';
import type { Milestones } from '../index/summary';
import { parseInstant } from '../time/instant';
import { formatLocalDate, isValidDate } from '../time/zones';

/**
 * The year of a due date written without one ("due Dec 14"): the year that puts it on or after
 * the post-mortem's incident date (its `started_at`, else `detected_at`, `mitigated_at`,
 * `resolved_at`: index/incidentDate.ts's order), else its publication date — a follow-up is due
 * after the incident it follows. Always said (actions/due-in-words), never silent. Shared by the
 * parser and the summary (sidebar, `postmortem actions`, metrics), so they read the same date.
 */
export interface DueAnchor {
  /** `YYYY-MM-DD` in the post-mortem's zone. */
  readonly day: string;
  /** Which date it is, for messages: "the incident date". */
  readonly name: string;
}

/** The incident's day as the lists and the metrics date it (`incidentDay`), else the publication day. */
export function dueAnchor(times: Milestones, zone: string): DueAnchor | undefined {
  const incident = incidentDay(times, zone);
  if (incident !== undefined) return { day: incident, name: 'the incident date' };
  if (times.published !== undefined) return { day: formatLocalDate(times.published, zone), name: 'the publication date' };
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date of a year-less due date and how its year was taken, or why it cannot be read. */
export function dueWithYear(month: number, day: number, anchor: DueAnchor | undefined): { readonly value: string; readonly note: string } | { readonly why: string } {
  if (!anchor) return { why: 'no year is written, and the post-mortem has no incident or publication date to take it from; write due:YYYY-MM-DD' };
  let year = Number(anchor.day.slice(0, 4));
  const monthDay = `${pad(month)}-${pad(day)}`;
  if (monthDay < anchor.day.slice(5)) year++;
  // 29 February: the next year that has one, still on or after the anchor.
  for (let k = 0; k < 8 && !isValidDate(year, month, day); k++) year++;
  return { value: `${year}-${monthDay}`, note: `year taken from ${anchor.name} (${anchor.day})` };
}

/**
 * An item read by the grammar with its year-less due date resolved: `due` set and the year's source
 * in `dueYearFrom`, or, without a date to take the year from, `dueUnread` saying so. Items without
 * one are returned as they are.
 */
export function withDueYear<T extends ParsedActionText>(item: T, anchor: DueAnchor | undefined): T {
  const yearless = item.dueYearless;
  if (!yearless || item.due) return item;
  const read = dueWithYear(yearless.month, yearless.day, anchor);
  const span = { start: yearless.start, end: yearless.end };
  if ('why' in read) return { ...item, dueUnread: { value: item.dueInWords ?? '', why: read.why, ...span } };
  return { ...item, due: { value: read.value, ...span }, dueYearFrom: read.note };
}

/**
 * The anchor of a post-mortem from its front-matter values as written, in its own `timezone:` (UTC
 * without one): the parser and the summary both take it from here, so they take the same year.
 */
export function dueAnchorOfMeta(meta: Readonly<Record<string, unknown>>): DueAnchor | undefined {
  const zone = frontMatterZone(meta);
  const at = (key: string) => parseInstant(meta[key], zone)?.ms;
  return dueAnchor({ started: at('started_at'), detected: at('detected_at'), mitigated: at('mitigated_at'), resolved: at('resolved_at'), published: at('published_at') }, zone);
}
