import { formatMinutes, formatMinutesShort, formatRate } from '../../src/core/metrics/render/format';
import { reviewOutcomeCounts, reviewsDue, deadlineIs, withinDeadline, withinDeadlineShort } from '../../src/core/metrics/render/reviewOutcomes';
import type { MetricsResult, PeriodStats, ReviewMetrics } from '../../src/core/metrics/types';

/** One headline figure at the top of the dashboard: what it is, its value, a line of context, where its detail is. */
export interface Tile {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The exact value or the definition, for the tooltip. */
  readonly title: string;
  readonly detail: string;
  /** `good`/`bad` colours the detail line (a change for the better or the worse); `neutral` leaves it plain. */
  readonly tone: 'good' | 'bad' | 'neutral';
  /** The id of the section that explains the figure. */
  readonly section: string;
}

/** A short duration ("1 h 49 m") with no-break spaces: a line break inside it reads as two values. */
export function unbroken(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** A duration for a tile: short units, kept on one line. */
function short(minutes: number | null): string {
  return unbroken(formatMinutesShort(minutes));
}

/** The last two periods with incidents, newest last: what "change against the previous period" compares. */
function lastTwo(trend: readonly PeriodStats[]): [PeriodStats, PeriodStats] | undefined {
  const withData = trend.filter((t) => t.count > 0 && t.median !== null);
  return withData.length >= 2 ? [withData[withData.length - 2]!, withData[withData.length - 1]!] : undefined;
}

/**
 * The reviews tile's line: how many of the due reviews were on time, then the late, overdue and not
 * yet due ones in the CLI's words (one core function: the tile once dropped the late ones, trial14b
 * F8). "– / 0 of 0" while two reviews were simply not due yet read as "no review at all" (trial T12).
 */
function reviewsDetail(v: ReviewMetrics): string {
  const due = reviewsDue(v);
  const parts = due > 0 ? [`${v.onTime} of ${due}`] : [];
  const outcomes = reviewOutcomeCounts(v, { nonZero: true });
  if (outcomes) parts.push(outcomes);
  const uncounted = v.publishedWithoutDate + v.publishedBeforeResolved.length;
  if (uncounted) parts.push(`${uncounted} not counted`);
  if (parts.length) return parts.join(', ');
  return v.resolved === 0 ? 'no resolved incident' : 'none due';
}

function reviewsTitle(v: ReviewMetrics): string {
  const due = reviewsDue(v);
  const pending = v.pending ? `; ${v.pending} more ${v.pending === 1 ? 'is' : 'are'} not due yet (the deadline is ${deadlineIs(v)})` : '';
  const uncounted = v.publishedWithoutDate + v.publishedBeforeResolved.length;
  const notCounted = uncounted ? `; ${uncounted} published without a usable published_at ${uncounted === 1 ? 'is' : 'are'} not counted` : '';
  return `${v.onTime} of ${due} reviews that were due were published ${withinDeadline(v)}${pending}${notCounted}`;
}

/**
 * The figures a reader wants first (issue 13): MTTR median and its change against the previous
 * period with incidents, reviews done within the deadline, action closure, open and overdue items,
 * repeat rate, and how participants rated the reviews. Each says what it compares or counts, so a tile never needs the page to be read.
 */
export function headlineTiles(m: MetricsResult): Tile[] {
  const tiles: Tile[] = [];
  const mttr = m.durations.find((d) => d.id === 'timeToResolveFromDetection') ?? m.durations[0];
  if (mttr) {
    const pair = lastTwo(mttr.trend);
    let detail = `${mttr.overall.count} incident${mttr.overall.count === 1 ? '' : 's'} with both times`;
    let tone: Tile['tone'] = 'neutral';
    if (pair) {
      const [before, latest] = pair;
      const delta = latest.median! - before.median!;
      const arrow = delta < 0 ? '▼' : delta > 0 ? '▲' : '=';
      detail = `${latest.period}: ${short(latest.median)}, ${arrow}\u00a0${short(Math.abs(delta))} vs ${before.period}`;
      tone = delta < 0 ? 'good' : delta > 0 ? 'bad' : 'neutral';
    }
    tiles.push({
      id: 'mttr', label: 'MTTR (median)', value: short(mttr.overall.median),
      title: `${mttr.label}: median ${formatMinutes(mttr.overall.median)}, p90 ${formatMinutes(mttr.overall.p90)} over the window`,
      detail, tone, section: 'response-times',
    });
  }
  const v = m.reviews;
  tiles.push({
    id: 'reviews', label: `Reviews ${withinDeadlineShort(v)}`, value: formatRate(v.completionRate),
    title: reviewsTitle(v), detail: reviewsDetail(v), tone: v.overdue > 0 ? 'bad' : 'neutral', section: 'review-completion',
  });
  const a = m.actions;
  tiles.push({
    id: 'closure', label: 'Action items closed', value: formatRate(a.closureRate),
    title: `${a.done} of ${a.total} action items are done`, detail: `${a.done} of ${a.total} done`, tone: 'neutral', section: 'action-items',
  });
  tiles.push({
    id: 'open', label: 'Open action items', value: String(a.open),
    title: `${a.open} open, ${a.overdue} of them past their due date`, detail: a.overdue ? `${a.overdue} overdue` : 'none overdue',
    tone: a.overdue ? 'bad' : 'good', section: 'action-items',
  });
  const r = m.repeats;
  tiles.push({
    id: 'repeats', label: 'Repeat incidents', value: formatRate(r.rate),
    title: `${r.repeats} of ${r.incidents} incidents repeat an earlier one (same service and type or tag within ${r.windowDays} days, or linked by related)`,
    detail: `${r.repeats} of ${r.incidents} incidents`, tone: r.repeats ? 'bad' : 'neutral', section: 'repeat-incidents',
  });
  const f = m.feedback;
  tiles.push({
    id: 'feedback', label: 'Review rating', value: f.average === null ? '–' : `${f.average} / 5`,
    title: f.responses ? `Participants rated the reviews ${f.average} of 5 on average (review_feedback: ${f.responses} ratings)` : 'No review_feedback ratings in the window yet',
    detail: f.responses ? `${f.responses} rating${f.responses === 1 ? '' : 's'}, ${f.rated} of ${f.reviews} reviews` : 'no ratings yet', tone: 'neutral', section: 'review-completion',
  });
  return tiles;
}
