/**
 * The review record of a post-mortem, as its front matter keeps it (issue 17):
 *
 * ```yaml
 * reviewers: [dana, lee]
 * approvals:
 *   - by: dana
 *     at: 2026-11-23T10:02:00Z
 *     verdict: approved          # or changes-requested
 *     note: Root cause goes past the trigger now.
 * ```
 *
 * A reviewer's latest verdict counts (asking for changes after approving withdraws the approval).
 * Shapes are the schema's job: entries that cannot be read are skipped here, and `schema/*`
 * reports them.
 */

export type Verdict = 'approved' | 'changes-requested';

export interface ApprovalEntry {
  readonly by: string;
  /** As written (`YYYY-MM-DDTHH:MM:SSZ` when the command wrote it). */
  readonly at?: string;
  readonly verdict: Verdict;
  readonly note?: string;
  /** Position in the `approvals` list. */
  readonly index: number;
}

export interface ReviewState {
  readonly reviewers: readonly string[];
  readonly entries: readonly ApprovalEntry[];
  /** Reviewers whose latest verdict is `approved`, in the order they approved. */
  readonly approvedBy: readonly string[];
  /** Reviewers whose latest verdict asks for changes. */
  readonly changesRequestedBy: readonly string[];
}

const handle = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().replace(/^@/, '') : undefined);

export function readReviewState(meta: Readonly<Record<string, unknown>>): ReviewState {
  const reviewers = Array.isArray(meta.reviewers) ? meta.reviewers.map(handle).filter((r): r is string => r !== undefined) : [];
  const entries: ApprovalEntry[] = [];
  if (Array.isArray(meta.approvals)) {
    meta.approvals.forEach((raw: unknown, index) => {
      if (!raw || typeof raw !== 'object') return;
      const r = raw as Record<string, unknown>;
      const by = handle(r.by);
      const verdict = r.verdict === 'approved' || r.verdict === 'changes-requested' ? r.verdict : undefined;
      if (!by || !verdict) return;
      const at = r.at instanceof Date ? r.at.toISOString() : typeof r.at === 'string' ? r.at : undefined;
      entries.push({ by, verdict, index, ...(at ? { at } : {}), ...(typeof r.note === 'string' ? { note: r.note } : {}) });
    });
  }
  // Latest verdict per reviewer: by `at` when both entries have one, else by list order.
  const latest = new Map<string, ApprovalEntry>();
  for (const e of entries) {
    const key = e.by.toLowerCase();
    const before = latest.get(key);
    if (!before || !before.at || !e.at || Date.parse(e.at) >= Date.parse(before.at)) latest.set(key, e);
  }
  const approvedBy: string[] = [];
  const changesRequestedBy: string[] = [];
  for (const e of latest.values()) (e.verdict === 'approved' ? approvedBy : changesRequestedBy).push(e.by);
  return { reviewers, entries, approvedBy, changesRequestedBy };
}
