import type { PostmortemSummary } from '../index/summary';

export interface IdTarget {
  readonly uri: string;
  readonly summary: PostmortemSummary;
}

/**
 * Which file holds each post-mortem id (front matter `id:`), from the index's summaries. Two files
 * with one id both stay listed: navigation offers both, and the lint names the duplicate.
 */
export function idDirectory(summaries: Iterable<readonly [string, PostmortemSummary]>): Map<string, IdTarget[]> {
  const byId = new Map<string, IdTarget[]>();
  for (const [uri, summary] of summaries) {
    if (!summary.id) continue;
    const list = byId.get(summary.id);
    if (list) list.push({ uri, summary });
    else byId.set(summary.id, [{ uri, summary }]);
  }
  return byId;
}
