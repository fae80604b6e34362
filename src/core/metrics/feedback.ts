import type { DatedIncident } from './durations';
import type { FeedbackMetrics } from './types';

const mean = (values: readonly number[]): number | null => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);

/**
 * "Team satisfaction with post-mortem process effectiveness" (the guide's metric): the 1–5 ratings
 * participants gave the review itself (`review_feedback:`), on average and per period, with how
 * many reviews were rated at all, so an average of two ratings is not read as the team's view.
 */
export function feedbackMetrics(incidents: readonly DatedIncident[], periods: readonly string[]): FeedbackMetrics {
  const all: number[] = [];
  const byPeriod = new Map<string, number[]>(periods.map((p) => [p, []]));
  let rated = 0;
  for (const { record, period } of incidents) {
    if (record.reviewRatings.length === 0) continue;
    rated++;
    for (const r of record.reviewRatings) {
      all.push(r);
      byPeriod.get(period)?.push(r);
    }
  }
  const distribution = [1, 2, 3, 4, 5].map((rating) => all.filter((r) => r === rating).length);
  return {
    reviews: incidents.length,
    rated,
    responses: all.length,
    average: mean(all),
    distribution,
    trend: periods.map((period) => {
      const ratings = byPeriod.get(period) ?? [];
      return { period, responses: ratings.length, average: mean(ratings) };
    }),
  };
}
