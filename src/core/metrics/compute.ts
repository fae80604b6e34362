import { incidentDatedBy, incidentDay, incidentStart } from '../index/incidentDate';
import type { SectionId } from '../document/sectionNames';
import { parseInstant } from '../time/instant';
import { readAsUtcNote } from '../time/readAsUtcNote';
import { undeclaredZoneMatters, undeclaredZones, type UndeclaredZone } from '../library/withoutTimezone';
import { formatIsoUtc, formatLocalDate } from '../time/zones';
import { actionMetrics } from './actions';
import { DURATIONS, durationMetrics, durationOf, type DatedIncident } from './durations';
import { periodOf, periodsBetween, periodStart, type Granularity } from './periods';
import { incidentOf, type IncidentRecord, type MetricsSource } from './incident';
import { countOncePerIncident } from '../library/sharedIds';
import { repeatMetrics } from './repeats';
import { feedbackMetrics } from './feedback';
import { reviewMetrics } from './reviews';
import { rootCauseCategories } from './rootCauses';
import { factorMetrics, kindClosure } from './factors';
import type { DurationMetricId, IncidentSummary, MetricsResult, MissingField, RootCauseSlice } from './types';

export interface MetricsOptions {
  /** The clock for everything time-dependent (overdue reviews and items); pass a fixed one for reproducible reports. */
  readonly now: Date | string;
  /**
   * Window on the incident's start (`started_at`, else `detected_at`, else `resolved_at`); a date or
   * an ISO time. A date is compared with the day the incident started on its own calendar (its
   * `timezone:`), the day the Post-mortems view and `list` show; an ISO time with the instant.
   */
  readonly since?: string;
  /** Inclusive: a date-only value covers that whole day (on each incident's calendar, as `since`). */
  readonly until?: string;
  readonly by?: Granularity;
  readonly repeatWindowDays?: number;
  readonly reviewDeadlineHours?: number;
  /**
   * The writer's IANA zone (the CLI: the process's, `TZ` included; the editor: `postmortem.zone`,
   * else the machine's). Front-matter times without a zone read as UTC while the writer is elsewhere
   * are then listed under `problems`: the numbers rest on a reading the person never confirmed.
   */
  readonly writerZone?: string;
  /** Section names for sources given as text (summaries were read with their own). */
  readonly sectionAliases?: Readonly<Record<SectionId, readonly string[]>>;
}

export class MetricsOptionError extends Error {}

const DAY = 86_400_000;

function parseBound(value: string | undefined, name: string, endOfDay: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseInstant(value.trim(), 'UTC');
  if (!parsed) throw new MetricsOptionError(`Expected --${name} as a date (YYYY-MM-DD) or an ISO time, found "${value}"`);
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parsed.ms + DAY - 1 : parsed.ms;
}

/** `2026-01-01` when the bound is a date (compared by day), else undefined (an instant). */
function dateOnly(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/** The library's rule (index/incidentDate.ts), so an incident sits in the same month in the list and here. */
function startOf(r: IncidentRecord): number | undefined {
  return incidentStart(r);
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : formatIsoUtc(ms));

/**
 * Metrics over a set of post-mortems: durations (MTTR and friends) by type, severity, service and
 * period; repeat incidents; review completion; action items; root-cause categories. Pure and
 * deterministic for a given `now`. Throws MetricsOptionError only for unreadable options.
 */
export function computeMetrics(sources: readonly MetricsSource[], options: MetricsOptions): MetricsResult {
  const nowMs = typeof options.now === 'string' ? parseBound(options.now, 'now', false)! : options.now.getTime();
  if (Number.isNaN(nowMs)) throw new MetricsOptionError('Expected a valid "now"');
  const since = parseBound(options.since, 'since', false);
  const until = parseBound(options.until, 'until', true);
  if (since !== undefined && until !== undefined && until < since) throw new MetricsOptionError(`Expected --since (${options.since}) before --until (${options.until})`);
  const by = options.by ?? 'month';
  const sinceDay = dateOnly(options.since);
  const untilDay = dateOnly(options.until);
  const repeatWindowDays = options.repeatWindowDays ?? 90;
  const deadlineHours = options.reviewDeadlineHours ?? 48;

  // As of `now`: a time that has not happened yet is left out and listed under problems (summaryAsOf).
  const read = sources.map((s) => incidentOf(s, options.sectionAliases, nowMs, options.writerZone));
  const fileLabels = new Map(sources.map((s) => [s.uri, s.label?.trim() || s.uri]));
  // One incident per id and start: copies of a file are left out, and said (sharedIds.ts).
  const { kept: records, shared: sharedIds, notes: sharedIdNotes } = countOncePerIncident(read, { uri: (r) => r.uri, id: (r) => r.id, start: startOf, label: (uri) => fileLabels.get(uri) ?? uri });
  const dated: DatedIncident[] = [];
  const inWindow: DatedIncident[] = [];
  const undated: IncidentRecord[] = [];
  const labels = new Map<string, number>();
  for (const record of records) {
    const start = startOf(record);
    if (start === undefined) {
      undated.push(record);
      continue;
    }
    // Duplicate ids stay apart in chains and tables: the second gets its file appended.
    const file = fileLabels.get(record.uri) ?? record.uri;
    let label = record.id ?? file;
    if (labels.has(label)) label = `${label} (${file})`;
    labels.set(label, 1);
    // One calendar with the library: the incident's own (its document's timezone).
    const zone = record.zone ?? 'UTC';
    const d: DatedIncident = { record, label, period: periodOf(start, by, zone) };
    dated.push(d);
    const day = sinceDay || untilDay ? formatLocalDate(start, zone) : '';
    const afterSince = since === undefined || (sinceDay ? day >= sinceDay : start >= since);
    const beforeUntil = until === undefined || (untilDay ? day <= untilDay : start <= until);
    if (afterSince && beforeUntil) inWindow.push(d);
  }
  inWindow.sort((a, b) => startOf(a.record)! - startOf(b.record)! || a.label.localeCompare(b.label));
  // From the window's first period (or the earliest incident's) to its last: every incident's period is in the list.
  const sortedPeriods = inWindow.map((d) => d.period).sort();
  const first = sortedPeriods.length ? periodStart(sortedPeriods[0]) : undefined;
  const last = sortedPeriods.length ? periodStart(sortedPeriods[sortedPeriods.length - 1]) : undefined;
  const from = since === undefined ? first : first === undefined ? since : Math.min(since, first);
  // A window open at the end ("the last 12 months", --since) runs to now: its chart ends at the
  // current period on the writer's calendar, not at the last incident's (trial T20: a chart of the
  // last 3 months ending in September read as if nothing was recorded since, or as if it were September).
  const end = until ?? (since !== undefined && since <= nowMs ? periodStart(periodOf(nowMs, by, options.writerZone ?? 'UTC')) : undefined);
  const to = end === undefined ? last : last === undefined ? end : Math.max(end, last);
  const periods = from !== undefined && to !== undefined ? periodsBetween(from, to, by) : [];
  // Incidents older than the trend's first period (MAX_TREND_PERIODS): in the totals, not in the trend.
  const beforeTrend = periods.length ? inWindow.filter((d) => d.period < periods[0]!).map((d) => d.label) : [];

  const incidents: IncidentSummary[] = inWindow.map(({ record: r, label, period }) => {
    const zone = r.zone ?? 'UTC';
    const durations: Partial<Record<DurationMetricId, number>> = {};
    for (const def of DURATIONS) {
      const d = durationOf(r, def);
      if (typeof d === 'number') durations[def.id] = d;
    }
    return {
      uri: r.uri, id: label, title: r.title ?? label, status: r.status, severity: r.severity, incidentType: r.incidentType,
      services: r.services, startedAt: iso(r.started), date: incidentDay(r, zone), datedBy: incidentDatedBy(r), zone, detectedAt: iso(r.detected), mitigatedAt: iso(r.mitigated),
      resolvedAt: iso(r.resolved), publishedAt: iso(r.published), period, durations, rootCauseCategories: rootCauseCategories(r),
    };
  });

  const rootCounts = new Map<string, number>();
  for (const i of incidents) for (const c of i.rootCauseCategories) rootCounts.set(c, (rootCounts.get(c) ?? 0) + 1);
  const rootCauses: RootCauseSlice[] = [...rootCounts.entries()]
    .map(([category, n]) => ({ category, incidents: n }))
    .sort((a, b) => b.incidents - a.incidents || a.category.localeCompare(b.category));

  const repeats = repeatMetrics(dated, new Set(inWindow), repeatWindowDays, (d) => startOf(d.record)!);
  // Action items have their own due dates: with no window every post-mortem's items count, the
  // undated ones' too (as in `actions` and the tree: 298 open, where leaving them out said 286). A
  // window cannot place an undated post-mortem, so there its items are left out, and counted as such.
  const windowed = since !== undefined || until !== undefined;
  const undatedIncidents: DatedIncident[] = undated.map((r) => ({ record: r, label: r.id ?? fileLabels.get(r.uri) ?? r.uri, period: '' }));
  const actionIncidents = windowed ? inWindow : [...inWindow, ...undatedIncidents];
  const undatedItemsLeftOut = windowed ? undated.reduce((n, r) => n + r.actions.length, 0) : 0;
  return {
    now: formatIsoUtc(nowMs),
    // A date stays a date: it is compared with calendar days, so printing it as UTC midnight
    // ("2025-12-05T00:00:00Z" for a window starting on the 5th in Los Angeles) said another instant.
    since: sinceDay ?? iso(since),
    until: untilDay ?? iso(until),
    by,
    periods,
    ...(beforeTrend.length ? { beforeTrend } : {}),
    // Not said to a writer on UTC's calendar, whose day it is (as the zone-less-times note).
    withoutTimezone: undeclaredZoneMatters(options.writerZone) ? zonesOfUndeclared(inWindow) : [],
    severities: { asWritten: severityValues(inWindow, (r) => (r.severityAsWritten ? r.severity : undefined)), folded: severityValues(inWindow, (r) => r.severityWritten) },
    documents: sources.length,
    incidentCount: inWindow.length,
    outsideWindow: dated.length - inWindow.length,
    undated: undated.map((r) => r.uri),
    incidents,
    durations: durationMetrics(inWindow, periods),
    repeats,
    reviews: reviewMetrics(inWindow, deadlineHours, nowMs),
    feedback: feedbackMetrics(inWindow, periods),
    actions: { ...actionMetrics(actionIncidents, nowMs, options.writerZone), undatedItemsLeftOut },
    rootCauses,
    factors: factorMetrics(inWindow, periods, repeats),
    actionKinds: kindClosure(inWindow),
    // The incidents the figures are about: with a window, those in it (an undated post-mortem is not in
    // it, and is counted once, as "without any incident time"); all time, every post-mortem read
    // (trial17b F6: "7 incidents without id" in a window of 2).
    missing: missingFields([...inWindow.map((d) => d.record), ...(windowed ? [] : undated)], incidents),
    sharedIds,
    problems: [...sharedIdNotes, ...read.flatMap((r) => {
      const zoneNote = readAsUtcNote(r.readAsUtc, options.writerZone);
      return [...r.problems, ...(zoneNote ? [zoneNote] : [])].map((message) => ({ uri: r.uri, message }));
    })],
  };
}

/** Incidents dated on a fallback zone (no `timezone:` in their document), counted per zone as `list` counts them. */
function zonesOfUndeclared(incidents: readonly DatedIncident[]): UndeclaredZone[] {
  return undeclaredZones(incidents.map(({ record }) => ({ noTimezone: record.noTimezone, timezone: record.zone ?? 'UTC' })));
}

/** Incidents whose `pick` gives a value (a severity kept as written, or one folded into SEV1–SEV4), and the distinct values, sorted. */
function severityValues(incidents: readonly DatedIncident[], pick: (r: DatedIncident['record']) => string | undefined): { incidents: number; values: string[] } {
  const values = new Set<string>();
  let n = 0;
  for (const { record } of incidents) {
    const value = pick(record);
    if (value === undefined) continue;
    n++;
    values.add(value);
  }
  return { incidents: n, values: [...values].sort() };
}

/** Every field a metric needs, with the documents lacking it: nothing is dropped silently. */
function missingFields(records: readonly IncidentRecord[], incidents: readonly IncidentSummary[]): MissingField[] {
  const categorised = new Set(incidents.filter((i) => i.rootCauseCategories.length > 0).map((i) => i.uri));
  const checks: [string, (r: IncidentRecord) => boolean][] = [
    ['id', (r) => r.id !== undefined],
    ['severity', (r) => r.severity !== undefined],
    ['incident_type', (r) => r.incidentType !== undefined],
    ['services', (r) => r.services.length > 0],
    ['started_at', (r) => r.started !== undefined],
    ['detected_at', (r) => r.detected !== undefined],
    ['mitigated_at', (r) => r.mitigated !== undefined],
    ['resolved_at', (r) => r.resolved !== undefined],
    ['published_at (status published)', (r) => r.status !== 'published' || r.published !== undefined],
    ['root-cause category (cause: tag or fishbone)', (r) => categorised.has(r.uri)],
  ];
  const out: MissingField[] = [];
  for (const [field, has] of checks) {
    const uris = records.filter((r) => !has(r)).map((r) => r.uri);
    if (uris.length) out.push({ field, count: uris.length, uris });
  }
  return out;
}
