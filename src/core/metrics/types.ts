/**
 * The result of `computeMetrics`: plain JSON (strings, numbers, arrays, null), so the CLI can print
 * it with `--format json` and a webview can receive it through `postMessage` unchanged.
 * Durations are in minutes; dates are ISO 8601 UTC strings.
 */
import type { SharedId } from '../library/sharedIds';

/** Count, median, 90th percentile and mean of a set of durations (minutes); null when count is 0. */
export interface Stats {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly mean: number | null;
}

export interface GroupStats extends Stats {
  /** The group's key: an incident type, a severity or a service. */
  readonly key: string;
}

export interface PeriodStats extends Stats {
  /** `2026-03` (by month) or `2026-Q1` (by quarter). */
  readonly period: string;
}

export type DurationMetricId = 'timeToDetect' | 'timeToMitigate' | 'timeToResolveFromDetection' | 'timeToResolveFromStart';

export interface DurationMetric {
  readonly id: DurationMetricId;
  /** What is measured, e.g. "MTTR (detection → resolution)". */
  readonly label: string;
  /** The two front-matter times the duration is computed from. */
  readonly from: string;
  readonly to: string;
  readonly overall: Stats;
  readonly byIncidentType: readonly GroupStats[];
  readonly bySeverity: readonly GroupStats[];
  /** Per service named; an incident naming several is counted under each (so the rows add up to more than `overall.count`). */
  readonly byService: readonly GroupStats[];
  /** Of the incidents with both times, those naming more than one service: counted under each in `byService`, as the reports say. */
  readonly severalServices: number;
  /** One entry per period of the window, empty periods included (count 0), oldest first. */
  readonly trend: readonly PeriodStats[];
  /** Incidents in the window without one of the two times. */
  readonly missing: number;
  /** Incidents whose `to` time is before their `from` time: left out of the numbers, listed here. */
  readonly inconsistent: readonly string[];
}

/** One incident as the metrics see it (also what a dashboard lists and links to). */
export interface IncidentSummary {
  readonly uri: string;
  /** The front-matter `id`, or the file's label (its workspace-relative path) when there is none. */
  readonly id: string;
  readonly title: string;
  readonly status?: string;
  readonly severity?: string;
  readonly incidentType?: string;
  readonly services: readonly string[];
  readonly startedAt?: string;
  /**
   * The day the incident is listed on (`YYYY-MM-DD`): its start on the calendar of `zone`, the
   * document's `timezone:` — the day the Post-mortems view and `postmortem list` show (index/incidentDate.ts).
   */
  readonly date?: string;
  /** The key that date comes from: `started_at`, else the first of detected_at, mitigated_at, resolved_at. */
  readonly datedBy?: 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at';
  /** The calendar of `date`: the document's `timezone:` (UTC without one). */
  readonly zone?: string;
  readonly detectedAt?: string;
  readonly mitigatedAt?: string;
  readonly resolvedAt?: string;
  readonly publishedAt?: string;
  readonly period?: string;
  readonly durations: Partial<Record<DurationMetricId, number>>;
  readonly rootCauseCategories: readonly string[];
}

export interface MissingField {
  /** The front-matter key (or `root-cause category`, `incident time`). */
  readonly field: string;
  readonly count: number;
  /** Uris of the documents, so a user can open them. */
  readonly uris: readonly string[];
}

/** An incident as a report names it: its id (or file label), title when it has one, and uri to open it. */
export interface IncidentRef {
  readonly id: string;
  readonly title?: string;
  readonly uri: string;
}

export interface RepeatChain {
  /** Incident ids in time order. */
  readonly incidents: readonly string[];
  /** The same incidents with their titles and uris (a chain can reach before the window). */
  readonly members: readonly IncidentRef[];
  /** Why they are linked: `checkout/outage within 90 days`, `related: PM-2026-003`. */
  readonly reasons: readonly string[];
}

export interface RepeatMetrics {
  readonly windowDays: number;
  readonly incidents: number;
  /** Incidents linked to an earlier one (same service and type or tag within the window, or `related`). */
  readonly repeats: number;
  readonly rate: number | null;
  readonly chains: readonly RepeatChain[];
  /** `related` ids that name no known post-mortem. */
  readonly unknownRelated: readonly { readonly id: string; readonly title?: string; readonly uri: string; readonly related: string }[];
}

export interface OverdueReview {
  readonly uri: string;
  readonly id: string;
  readonly title: string;
  readonly resolvedAt: string;
  readonly status?: string;
  /** This review's deadline, hours after resolution (its file's folder's `reviewDeadlineHours`). */
  readonly deadlineHours: number;
  /** Hours past the deadline at `now` (rounded). */
  readonly hoursOverdue: number;
  /** Whole minutes past the deadline: what reports print (formatDuration), as the lint rule does. */
  readonly minutesOverdue: number;
}

export interface ReviewMetrics {
  /** The deadline, hours after resolution; when `deadlinesDiffer`, only the default of files given none. */
  readonly deadlineHours: number;
  /**
   * The distinct deadlines (ascending) when the resolved incidents' files configure different ones
   * (folders of a multi-root workspace): each review was measured against its own, and the reports
   * say "its folder's deadline" rather than one number (trial19a F1).
   */
  readonly deadlinesDiffer?: readonly number[];
  /** Incidents in the window with `resolved_at`. */
  readonly resolved: number;
  /** Published within the deadline. */
  readonly onTime: number;
  /** Published, but after the deadline. */
  readonly late: number;
  /** Not published and the deadline has passed. */
  readonly overdue: number;
  /** Not published, deadline still ahead: not counted in the rate yet. */
  readonly pending: number;
  /** Marked published but without `published_at`: timing unknown, not counted in the rate. */
  readonly publishedWithoutDate: number;
  /**
   * Ids of reviews whose `published_at` is before `resolved_at` (a year typo, or times swapped): not
   * counted as on time (lint reports `time/order`), listed so the report does not hide them.
   */
  readonly publishedBeforeResolved: readonly string[];
  /** onTime / (onTime + late + overdue). */
  readonly completionRate: number | null;
  readonly overdueReviews: readonly OverdueReview[];
}

/** Ratings of the reviews themselves (`review_feedback:`, 1 poor … 5 excellent). */
export interface FeedbackMetrics {
  /** Incidents in the window. */
  readonly reviews: number;
  /** Of those, how many have at least one rating. */
  readonly rated: number;
  /** Ratings given in all. */
  readonly responses: number;
  /** Mean rating (two decimals), null without ratings. */
  readonly average: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  readonly distribution: readonly number[];
  /** Per period of the window: ratings given for its incidents and their mean. */
  readonly trend: readonly { readonly period: string; readonly responses: number; readonly average: number | null }[];
}

export interface ActionCounts {
  readonly key: string;
  readonly total: number;
  readonly open: number;
  readonly overdue: number;
  readonly done: number;
}

export interface OverdueAction {
  readonly uri: string;
  readonly incident: string;
  /** The incident's title, when it has one. */
  readonly incidentTitle?: string;
  /** 1-based, as `actions --format json` and lint count lines (trial17a F8: it was 0-based). */
  readonly line: number;
  readonly description: string;
  readonly owner?: string;
  readonly due: string;
  readonly daysOverdue: number;
  /** Struck out (`~~…~~`) but its box not ticked: overdue all the same, and the reports say the strike. */
  readonly struck?: true;
}

export interface ActionMetrics {
  readonly total: number;
  readonly done: number;
  readonly open: number;
  /** Of `open`, the items struck out (`~~…~~`) whose box is not ticked: counted as open (the box decides), and said. */
  readonly struckOpen: number;
  readonly overdue: number;
  readonly closureRate: number | null;
  /**
   * Days from the incident's `resolved_at` date to the item's `done:` date, both calendar dates in
   * `closeCalendar` (`done:` is the writer's local date, so `resolved_at` is read on the same
   * calendar). Every done item is in exactly one of: this count, `doneWithoutDate`, `doneAfterToday`, `doneWithoutResolved`.
   */
  readonly daysToClose: Stats;
  /** Of `daysToClose`'s items, those whose `done:` date is before the resolution date: counted as 0 days, and said. */
  readonly doneBeforeResolution: number;
  readonly doneWithoutDate: number;
  /** Done items with a `done:` date whose post-mortem has no `resolved_at`, and those post-mortems (labels). */
  readonly doneWithoutResolved: { readonly items: number; readonly incidents: readonly string[] };
  /** Done items whose `done:` date is after `today` (the writer's date): not counted in `daysToClose` (lint: actions/done-in-future), and their post-mortems (labels). */
  readonly doneAfterToday: { readonly items: number; readonly incidents: readonly string[]; readonly today: string };
  /** The zone whose calendar dates are compared: the writer's, `UTC` when not known. */
  readonly closeCalendar: string;
  readonly byOwner: readonly ActionCounts[];
  /** Per service of the item's incident; an item of an incident naming several is counted under each. */
  readonly byService: readonly ActionCounts[];
  /** Items of incidents naming more than one service, and those incidents: the `byService` rows count them more than once, as the reports say. */
  readonly severalServices: { readonly items: number; readonly incidents: number };
  readonly highImpactLowEffort: { readonly total: number; readonly open: number; readonly openShare: number | null };
  readonly overdueItems: readonly OverdueAction[];
  /**
   * Items of post-mortems without any incident time, left out because a window (`since`/`until`)
   * was asked for and cannot place them; 0 without a window, where they are counted.
   */
  readonly undatedItemsLeftOut: number;
}

export interface RootCauseSlice {
  readonly category: string;
  /** Incidents with at least one cause in this category. */
  readonly incidents: number;
}

/** One contributing factor over the window: incidents per period and among repeat incidents. */
export interface FactorSlice {
  readonly factor: string;
  readonly incidents: number;
  /** Incidents per period, aligned with `MetricsResult.periods`. */
  readonly byPeriod: readonly number[];
  /** Incidents with this factor that repeat an earlier one (a later member of a repeat chain). */
  readonly repeats: number;
}

/** Action items of one kind (`kind:prevent` …, or `none`) and how many are done. */
export interface KindClosure {
  readonly kind: string;
  readonly total: number;
  readonly done: number;
  readonly closedShare: number | null;
}

export interface SeverityValues {
  readonly incidents: number;
  /** Distinct values as written, sorted. */
  readonly values: readonly string[];
}

export interface MetricsResult {
  /** `now` as ISO: everything time-dependent (overdue, pending) is computed against it. */
  readonly now: string;
  /** The window's bounds as given: a date (`2025-12-05`, a calendar day) or an ISO instant. */
  readonly since?: string;
  readonly until?: string;
  readonly by: 'month' | 'quarter';
  readonly periods: readonly string[];
  /**
   * Incidents (labels) in the window but older than the first period: a trend holds at most 25 years
   * by month (50 by quarter), the newest. They count in every total; the reports say they are not in
   * the trend. Absent when none.
   */
  readonly beforeTrend?: readonly string[];
  /**
   * Incidents in the window whose document names no `timezone:`, per zone they were dated in (the
   * fallback, UTC in the CLI): their day and month are that zone's, and the reports say so (trial11 T14).
   * Empty for a writer on UTC's calendar (`writerZone` UTC), whose day it is.
   */
  readonly withoutTimezone: readonly { readonly zone: string; readonly incidents: number }[];
  /**
   * Incidents in the window with a severity outside SEV1–SEV4, grouped as written (`asWritten`), and
   * those with one of SEV1–SEV4 written otherwise and counted as it (`folded`: `sev1`, `Sev-1`), with
   * the values as written (trial11 T12: `sev1` was folded in silence and `Sev-1` was not).
   */
  readonly severities: { readonly asWritten: SeverityValues; readonly folded: SeverityValues };
  /** Documents given, incidents inside the window, and those outside it or without any time. */
  readonly documents: number;
  readonly incidentCount: number;
  readonly outsideWindow: number;
  readonly undated: readonly string[];
  readonly incidents: readonly IncidentSummary[];
  readonly durations: readonly DurationMetric[];
  readonly repeats: RepeatMetrics;
  readonly reviews: ReviewMetrics;
  readonly feedback: FeedbackMetrics;
  readonly actions: ActionMetrics;
  readonly rootCauses: readonly RootCauseSlice[];
  /** Contributing factors (`factors:`), most frequent first. */
  readonly factors: readonly FactorSlice[];
  /** Closure of action items by kind (SRE workbook), in the order of the kinds, `none` last. */
  readonly actionKinds: readonly KindClosure[];
  /** Incidents lacking a field a metric needs, per field, with their uris: those in the window (all time: every document read, undated ones too). */
  readonly missing: readonly MissingField[];
  /**
   * Ids carried by more than one document: a copy (same id, same start) is left out of every count,
   * different starts count apart; each is also a note under `problems` (sharedIds.ts).
   */
  readonly sharedIds: readonly SharedId[];
  /**
   * Front matter that could not be read (broken YAML): the document still counts, with what was read.
   * Also times read on a guess: without a zone, read as UTC while the writer's zone is elsewhere.
   */
  readonly problems: readonly { readonly uri: string; readonly message: string }[];
}
