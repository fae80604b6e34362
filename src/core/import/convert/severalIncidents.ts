import type { ConvertLog, ConvertNote } from './model';
import type { SeenEntry } from './startedAt';
import { formatMinutes, type StatedDuration } from './statedDurations';

const DAY = 86_400_000;
/** How many of the stated durations and gaps the message names. */
const SHOWN = 4;

/** A stretch of a day or more between two timeline entries, inside the incident's span. */
interface Gap {
  readonly ms: number;
  /** The line of the entry before the gap (0-based). */
  readonly afterLine: number;
  readonly beforeLine: number;
}

/**
 * A post-mortem of several incidents ("four separate incidents … 103 / 72 / 123 minutes / 7 hours 9
 * minutes") converted as one: started_at is the first incident's start and resolved_at the last
 * one's end, so list and metrics take days for the incident's duration (trial 13b F14: 8d 7h, with
 * the report saying "complete"). Said as a warning when the span is a day or more and either the
 * original states several durations (a "Duration:" per incident), or the times were both derived by
 * convert from a timeline that goes quiet for a day or more. A long incident whose own fields state
 * its start and end is what the original says, and not doubted here.
 */
export function reportSeveralIncidents(
  frontMatter: Record<string, unknown>, entries: readonly SeenEntry[], durations: readonly StatedDuration[], notes: ConvertNote[], log: ConvertLog,
): void {
  const end = typeof frontMatter.resolved_at === 'string' ? 'resolved_at' : typeof frontMatter.mitigated_at === 'string' ? 'mitigated_at' : undefined;
  if (typeof frontMatter.started_at !== 'string' || !end) return;
  const from = Date.parse(frontMatter.started_at);
  const to = Date.parse(frontMatter[end] as string);
  if (Number.isNaN(from) || Number.isNaN(to) || to - from < DAY) return;
  const gaps = quietDays(entries, from, to);
  // The same duration said twice ("Duration: 5h 26m" in Impact, "Total impact duration: 5h 26m" under the Timeline) is one.
  const stated = durations.filter((d, k) => (d.measures === 'resolve' || d.measures === 'duration') && (d.minutes === undefined || !durations.slice(0, k).some((e) => (e.measures === 'resolve' || e.measures === 'duration') && e.minutes === d.minutes)));
  const derived = notes.some((n) => n.sets === 'started_at') && notes.some((n) => n.sets === end);
  if (stated.length < 2 && !(derived && gaps.length > 0)) return;
  const span = formatMinutes((to - from) / 60_000);
  const reasons: string[] = [];
  if (stated.length >= 2) {
    const shown = stated.slice(0, SHOWN).map((d) => `${d.quoted} on line ${d.line + 1}`).join(', ');
    reasons.push(`the original states ${stated.length} durations (${shown}${stated.length > SHOWN ? ', …' : ''})`);
  }
  if (gaps.length > 0) {
    const longest = gaps.reduce((a, b) => (b.ms > a.ms ? b : a));
    const count = gaps.length === 1 ? 'a gap' : `${gaps.length} gaps`;
    reasons.push(`the timeline has ${count} of a day or more without an entry (${gaps.length === 1 ? '' : 'the longest '}${formatMinutes(longest.ms / 60_000)}, from line ${longest.afterLine + 1} to line ${longest.beforeLine + 1})`);
  }
  const line = stated[0]?.line ?? gaps[0].afterLine;
  // Times convert derived (from marked entries) a day or more after the start are the later
  // incidents' (trial17c F10: the warning stayed on the terminal, and list showed "8d 7h", metrics an
  // 11,994-minute MTTR, exit 0): not written, and the file says why. Times the original states stay.
  const withheld: string[] = [];
  for (const k of ['detected_at', 'mitigated_at', 'resolved_at'] as const) {
    const v = frontMatter[k];
    if (typeof v !== 'string' || Date.parse(v) - from < DAY) continue;
    const note = notes.findIndex((n) => n.sets === k);
    if (note === -1) continue;
    notes.splice(note, 1);
    delete frontMatter[k];
    withheld.push(`${k} (${v})`);
  }
  const written = withheld.length ? `; ${withheld.join(' and ')} ${withheld.length === 1 ? 'was' : 'were'} not written, so list and metrics do not take the span as one incident's duration` : `; list and metrics would take this span as one incident's duration`;
  log.flag('several-incidents', line,
    `started_at (${frontMatter.started_at}) to ${end} (${new Date(to).toISOString().replace('.000Z', 'Z')}) is ${span}, but ${reasons.join(' and ')}: it may describe several incidents${written}; check started_at and ${end}, or convert each incident on its own`);
  log.timeDoubts.push(withheld.length
    ? `the original may describe several incidents: ${withheld.join(' and ')} ${withheld.length === 1 ? 'was' : 'were'} not written (${span} after started_at); write the end of the incident this file is about.`
    : `the original may describe several incidents: started_at to ${end} is ${span}, which list and metrics take as one incident's duration — check both.`);
  log.inFile.push(`the original may describe several incidents (${reasons.join(' and ')}): from started_at (${frontMatter.started_at}) to the last end is ${span}${withheld.length ? `, so ${withheld.join(' and ')} ${withheld.length === 1 ? 'was' : 'were'} not written (list and metrics would take that span as one incident's duration). Write the end of the incident this file is about, or convert each incident on its own.` : `, and list and metrics take that span as one incident's duration. Check started_at and ${end}, or convert each incident on its own.`}`);
}

/** The stretches of a day or more without an entry between `from` and `to` (entries sorted by time; bounded by the tracker). */
function quietDays(entries: readonly SeenEntry[], from: number, to: number): Gap[] {
  const inside = entries.filter((e) => e.ms >= from && e.ms <= to).sort((a, b) => a.ms - b.ms);
  const gaps: Gap[] = [];
  for (let k = 1; k < inside.length; k++) {
    const ms = inside[k].ms - inside[k - 1].ms;
    if (ms >= DAY) gaps.push({ ms, afterLine: inside[k - 1].line, beforeLine: inside[k].line });
  }
  return gaps;
}
